"""The collecting office's summary report to the issuer (bao-cao-tong-hop), from the usable forms.

A format-neutral Document like every other: the same writers and templates lay it out. Its words
come from bieu-mau.yaml (tong_hop, and the forms' own column and row names). The tables and the
automatic figures are built once here (`Figures`) and are also those of the issuer's report to
the level above (report_up.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..content.figures import count_groups, count_placeholders
from ..document import wording
from ..document.model import (
    CELL_LINE_BREAK,
    Block,
    BodyPart,
    Document,
    DocumentInfo,
    Signature,
    Span,
    Table,
)
from ..document.parts import (
    asked_periods,
    header,
    header_style,
    issue_date,
    letter_values,
    paragraph,
    reporting_periods,
)
from ..document.report_form import activity_table, budget_table, form_indicators, roman
from .collect import Collection, ReturnedFile, shown_number

# The column and row names of the forms that the summary's tables reuse.
_WORDS = (
    "number",
    "activity",
    "unit",
    "quantity",
    "participants",
    "women",
    "indicator",
    "budget_source",
    "budget_amount",
    "difficulties",
    "proposals",
)


def _sum(values) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def heading(number: int, title: str) -> Block:
    return Block("heading", (Span(f"{roman(number)}. {title}", bold=True),))


@dataclass
class Figures:
    """What the usable forms say, in the tables and figures the summary and the report up share."""

    collection: Collection

    @property
    def edition(self) -> Edition:
        return self.collection.edition

    @cached_property
    def receiver(self) -> Recipient:
        """The collecting office (bao_cao.noi_nhan_bao_cao), or the first asked to report."""
        expected = self.collection.expected
        wanted = self.edition.plan.reporting.receiver
        return next((r for r in expected if r.id == wanted), expected[0])

    @cached_property
    def reported(self) -> list[tuple[Recipient, ReturnedFile]]:
        return [(r, self.collection.used(r)) for r in self.collection.expected if self.collection.used(r)]

    @cached_property
    def word(self) -> dict[str, str]:
        columns = self.edition.report_form.columns
        return {name: self.edition.plain(getattr(columns, name)) for name in _WORDS}

    @cached_property
    def values(self) -> dict[str, str]:
        return letter_values(self.edition, self.receiver)

    @property
    def total(self) -> str:
        return self.edition.plain(self.edition.report_form.summary.total)

    @property
    def by_unit(self) -> str:
        return self.edition.plain(self.edition.report_form.summary.by_unit)

    def nothing(self) -> Block:
        return paragraph(self.edition, self.edition.report_form.summary.nothing)

    def totals(self, column: int) -> float | None:
        """The total of participants (1) or women (2) over every activity row and unit."""
        return _sum(_sum(a[column] for a in r.report.activities) for _, r in self.reported)

    def counts(self, rows: tuple[int, ...]) -> float | None:
        """The total of the "Số lượng" column over these activity rows (rows of one unit) and every unit."""
        return _sum(
            _sum(r.report.activities[i][0] for i in rows if i < len(r.report.activities)) for _, r in self.reported
        )

    def budget_total(self) -> float | None:
        return _sum(_sum(r.report.budget) for _, r in self.reported)

    def automatic(self) -> dict[str, str]:
        """The automatic figures a content paragraph may use ({tong_so_nguoi}, …); "0" where none.
        Counts are totalled by unit ({tong_so_luong_cuoc}…: content/figures.py), never across units."""
        figures = {
            "so_da_bao_cao": str(len(self.reported)),
            "so_phai_bao_cao": str(len(self.collection.expected)),
            "tong_so_nguoi": shown_number(self.totals(1)),
            "tong_so_nu": shown_number(self.totals(2)),
            "tong_kinh_phi": shown_number(self.budget_total()),
        }
        for name, group in count_placeholders(count_groups(self.edition.report_form.activities)).items():
            figures[name] = shown_number(self.counts(group.rows))
        return {key: value or "0" for key, value in figures.items()}

    # ------------------------------------------------------------ the tables
    def activity_table(self) -> Table:
        """Totals by activity, with who did how many (and what a unit wrote in the note column)."""
        rows = []
        for index, row in enumerate(activity_table(self.edition, None).rows):
            figures = [
                (recipient, returned.report.activities[index])
                for recipient, returned in self.reported
                if index < len(returned.report.activities)
            ]
            who = "; ".join(
                f"{r.short_name}: {shown_number(a[0])}" + (f" ({a[3]})" if a[3] else "")
                for r, a in figures
                if a[0] or a[3]
            )
            totals = (shown_number(_sum(a[c] for _, a in figures)) for c in range(3))
            rows.append((row[0], row[1], row[2], *totals, who))
        word = self.word
        columns = ("number", "activity", "unit", "quantity", "participants", "women")
        return Table("th-hoat-dong", (*(word[c] for c in columns), self.by_unit), tuple(rows))

    def unit_table(self) -> Table:
        """Participants, women and budget by unit, with their total."""
        rows = []
        for number, (recipient, returned) in enumerate(self.reported, start=1):
            activities = returned.report.activities
            people, women = (shown_number(_sum(a[c] for a in activities)) for c in (1, 2))
            rows.append((str(number), recipient.short_name, people, women, shown_number(_sum(returned.report.budget))))
        rows.append(("", self.total, shown_number(self.totals(1)), shown_number(self.totals(2)), self._budget_sum()))
        word = self.word
        columns = (word["number"], self.by_unit, word["participants"], word["women"], word["budget_amount"])
        return Table("th-don-vi", columns, tuple(rows))

    def _budget_sum(self) -> str:
        return shown_number(self.budget_total())

    def indicator_table(self) -> Table | None:
        """Each indicator, one row per unit reporting it; a rate with its summed count and total."""
        period = self.collection.period
        periods = asked_periods(self.edition, period)
        seen: dict[tuple[str, str | None], list] = {}
        for recipient, returned in self.reported:
            report = returned.report
            notes = report.indicator_notes + [""] * (len(report.indicators) - len(report.indicator_notes))
            for indicator, figures, note in zip(
                form_indicators(self.edition, recipient), report.indicators, notes, strict=True
            ):
                # The levels of an indicator that sets several (cac_muc) share its reference.
                seen.setdefault((indicator.reference, indicator.text), []).append((indicator, recipient, figures, note))
        rows: list[tuple[str, ...]] = []
        for number, ((reference, _), entries) in enumerate(seen.items(), start=1):
            rows += self._indicator_rows(number, reference, entries, len(periods))
        if not rows:
            return None
        titles = tuple(self.edition.plain(self.edition.report_form.columns.result, ky_bao_cao=p.label) for p in periods)
        columns = (self.word["number"], self.word["indicator"], self.word["unit"], self.by_unit, *titles)
        return Table(f"th-chi-tieu-{len(periods)}", columns, tuple(rows))

    def _indicator_rows(self, number: int, reference: str, entries: list, periods: int) -> list[tuple[str, ...]]:
        indicator = entries[0][0]
        text = f"{reference}: {indicator.text}" if indicator.text else reference
        unit = indicator.unit or ""
        rows = []
        for position, (_, recipient, (results, counts, totals), note) in enumerate(entries):
            cells = []
            for p in range(periods):
                shown = shown_number(results[p])
                if indicator.percentage and (counts[p] is not None or totals[p] is not None):
                    shown = f"{shown} ({shown_number(counts[p])}/{shown_number(totals[p])})".strip()
                cells.append(shown)
            if note and cells:
                # The unit's note ("chỉ tiêu cấp tỉnh", …) stays next to its figure.
                cells[-1] = f"{cells[-1]} ({note})" if cells[-1] else f"({note})"
            first = position == 0
            shown = (str(number), text, unit) if first else ("", "", "")
            rows.append((*shown, recipient.short_name, *cells))
        if indicator.percentage and len(entries) > 1:
            rows.append(("", "", "", self.total, *(self._rate(indicator, entries, p) for p in range(periods))))
        return rows

    @staticmethod
    def _rate(indicator, entries: list, period: int) -> str:
        count, whole = _sum(e[2][1][period] for e in entries), _sum(e[2][2][period] for e in entries)
        if count is not None and whole and (indicator.unit or "").startswith("%"):
            return f"{shown_number(round(100 * count / whole, 2))} ({shown_number(count)}/{shown_number(whole)})"
        return f"{shown_number(count)}/{shown_number(whole)}"

    def budget_table(self) -> Table:
        """Each source in total, with each unit's amount (and its note)."""
        rows = []
        for index, row in enumerate(budget_table(self.edition, None).rows):
            amounts = [
                (r, f.report.budget[index], f.report.budget_notes[index] if index < len(f.report.budget_notes) else "")
                for r, f in self.reported
                if index < len(f.report.budget)
            ]
            who = "; ".join(
                f"{r.short_name}: {shown_number(a)}" + (f" ({note})" if note else "")
                for r, a, note in amounts
                if a or note
            )
            rows.append((row[0], row[1], shown_number(_sum(a for _, a, _ in amounts)), who))
        rows.append(("", self.total, self._budget_sum(), ""))
        word = self.word
        return Table(
            "th-kinh-phi", (word["number"], word["budget_source"], word["budget_amount"], self.by_unit), tuple(rows)
        )

    # ------------------------------------------------------------ the written parts
    def task_blocks(self) -> list[BodyPart]:
        """Each task once, with each unit's written result under it (not the task's text again per unit)."""
        groups: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
        for recipient, returned in self.reported:
            for name, results, under in returned.report.tasks:
                if any(results):
                    said = "; ".join(r for r in results if r)
                    groups.setdefault((under, name), []).append((recipient.short_name, said))
        blocks: list[BodyPart] = []
        lead_in = None
        for (under, name), results in groups.items():
            if under is not None and under != lead_in:
                blocks.append(Block("paragraph", (Span(f"- {under}"),)))
            lead_in = under
            # A point by its first line ("a) …"), under its lead-in; a task as a dashed line.
            first = name.split(CELL_LINE_BREAK)[0]
            label = first if under is not None else f"- {first}"
            blocks.append(Block("paragraph", (Span(f"{label.rstrip(' .:;')}:", bold=True),)))
            blocks += [Block("paragraph", (Span(f"+ {unit}: {said}"),)) for unit, said in results]
        return blocks or [self.nothing()]

    def narrative_blocks(self) -> list[BodyPart]:
        """Difficulties and proposals, grouped by unit, ready to edit."""
        blocks: list[BodyPart] = []
        for recipient, returned in self.reported:
            report, word = returned.report, self.word
            said = [(word["difficulties"], report.difficulties), (word["proposals"], report.proposals)]
            if any(text for _, text in said):
                blocks.append(Block("paragraph", (Span(f"{recipient.short_name}:", bold=True),)))
                blocks += [Block("paragraph", (Span(f"- {label}: {text}"),)) for label, text in said if text]
        return blocks or [self.nothing()]

    def written(self, texts: list[str]) -> list[BodyPart]:
        """Paragraphs the office writes in content, with the letter's values and today's figures."""
        return [paragraph(self.edition, text, **self.values, **self.automatic()) for text in texts]


def numbered(edition: Edition, parts: list[tuple[str, list[BodyPart]]]) -> list[BodyPart]:
    """The parts under their headings I., II., …, each table under its caption "Bảng 1. …"."""
    summary = edition.report_form.summary
    captions = {
        "th-hoat-dong": summary.activities_caption,
        "th-don-vi": summary.units_caption,
        "th-chi-tieu": summary.indicators_caption,
        "th-kinh-phi": summary.budget_caption,
    }
    blocks: list[BodyPart] = []
    tables = 0
    for index, (title, part) in enumerate(parts, start=1):
        blocks.append(heading(index, title))
        for block in part:
            if isinstance(block, Table):
                tables += 1
                caption = next(text for name, text in captions.items() if block.name.startswith(name))
                label = f"{edition.plain(summary.caption)} {tables}. {edition.plain(caption)}"
                blocks.append(Block("heading", (Span(label, italic=True),)))
            blocks.append(block)
    return blocks


def _opening(figures: Figures) -> list[BodyPart]:
    """The opening paragraph, who has not reported, and the figures left out of a unit's report."""
    edition, summary, collection = figures.edition, figures.edition.report_form.summary, figures.collection
    automatic = figures.automatic()
    blocks: list[BodyPart] = [
        paragraph(
            edition,
            summary.opening,
            **{k: automatic[k] for k in ("so_da_bao_cao", "so_phai_bao_cao")},
            **figures.values,
        )
    ]
    missing = [r.short_name for r in collection.expected if not collection.used(r)]
    if missing:
        blocks.append(paragraph(edition, summary.missing, danh_sach=", ".join(missing)))
    # A unit's figures that were left out (its other figures count): named, so that they are asked for again.
    for recipient, returned in figures.reported:
        if returned.invalid_cells:
            cells = "; ".join(returned.invalid_cells)
            blocks.append(paragraph(edition, summary.invalid, so_lieu=cells, don_vi=recipient.short_name))
    return blocks


def _parts(figures: Figures) -> list[tuple[str, list[BodyPart]]]:
    edition, summary = figures.edition, figures.edition.report_form.summary
    indicators = figures.indicator_table()
    parts: list[tuple[str, list[BodyPart]]] = [
        (edition.plain(summary.tasks), figures.task_blocks()),
        (edition.plain(summary.activities), [figures.activity_table(), figures.unit_table()]),
        (edition.plain(summary.indicators), [indicators] if indicators else [figures.nothing()]),
        (edition.plain(summary.budget), [figures.budget_table()]),
        (edition.plain(summary.narrative), figures.narrative_blocks()),
    ]
    # The collecting office's own assessment and proposals, written in content, with today's figures.
    for title, texts in ((summary.assessment_title, summary.assessment), (summary.proposals_title, summary.proposals)):
        if texts:
            parts.append((edition.plain(title), figures.written(texts)))
    return parts


def _signature(figures: Figures) -> Signature:
    edition, signer = figures.edition, figures.edition.report_form.summary.signer
    if signer is None:
        return Signature(lines=tuple(line.upper() for line in figures.receiver.signer), name="")
    lines = tuple(edition.plain(line).upper() for line in signer.title)
    return Signature(lines=lines, name=edition.plain(signer.name) if signer.name else "")


def build_summary(collection: Collection) -> Document:
    figures = Figures(collection)
    edition, receiver = figures.edition, figures.receiver
    form, summary = edition.report_form, edition.report_form.summary
    values = dict(figures.values)
    blocks = [*_opening(figures), *numbered(edition, _parts(figures)), paragraph(edition, summary.closing, **values)]
    values["han_bao_cao"] = values["han_tong_hop"]
    period = collection.period or reporting_periods(edition)[0]  # the period collected, or the single report's
    title = edition.plain(summary.title, **values, ky_bao_cao=period.label)
    # A document of the collecting office: its number and symbol, its head's signature, its own format
    # (a Party body's: "BC/", Party Nơi nhận), as its forms have.
    style = receiver.kind.form if receiver.kind.form != "khong" else "nha_nuoc"
    chosen = header_style(edition, style)  # its number, symbol and Nơi nhận as the style declares (the_thuc)
    party = chosen.party
    symbol_code = (edition.plain(summary.symbol) if summary.symbol else receiver.symbol_code) or wording.BLANK
    # Filed where the office files its own report (a Party body: its office), as its form says.
    archive = next(
        entries for entries in (receiver.form_archive, receiver.kind.form_archive, form.archive) if entries is not None
    )
    return Document(
        header=header(
            edition,
            f"BC/{symbol_code}" if party else f"BC-{symbol_code}",
            number=summary.number,
            parent=receiver.parent,
            agency_lines=receiver.own_lines,
            place=receiver.place,
            style=style,
        ),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {edition.plain(form.collector_addressee, **values)}.",),
        blocks=tuple(blocks),
        signature=_signature(figures),
        recipients=wording.list_lines(["Như trên"], [edition.plain(line) for line in archive], party=party),
        recipients_style=chosen.convention,
        info=DocumentInfo(
            title=f"Báo cáo {wording.lower_first(title)}", author=receiver.short_name, created=issue_date(edition)
        ),
    )
