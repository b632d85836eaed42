"""The collecting office's summary report to the issuer (bao-cao-tong-hop), from the usable forms.

A format-neutral Document like every other: the same writers and templates lay it out. Its words
come from bieu-mau.yaml (tong_hop, and the forms' own column and row names).
"""

from __future__ import annotations

from ..content.edition import Edition
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
    header,
    issue_date,
    letter_values,
    paragraph,
    reporting_periods,
)
from ..document.report_form import activity_table, budget_table, form_indicators, roman
from .collect import Collection, shown_number


def _sum(values) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _heading(number: int, title: str) -> Block:
    return Block("heading", (Span(f"{roman(number)}. {title}", bold=True),))


def build_summary(collection: Collection) -> Document:
    edition: Edition = collection.edition
    form, summary, columns = edition.report_form, edition.report_form.summary, edition.report_form.columns
    receiver = (
        next(r for r in collection.expected if r.id == edition.plan.reporting.receiver)
        if any(r.id == edition.plan.reporting.receiver for r in collection.expected)
        else collection.expected[0]
    )
    values = letter_values(edition, receiver)
    reported = [(r, collection.used(r)) for r in collection.expected if collection.used(r)]
    missing = [r.short_name for r in collection.expected if not collection.used(r)]
    word = {
        name: edition.plain(getattr(columns, name))
        for name in (
            "number",
            "activity",
            "unit",
            "quantity",
            "participants",
            "women",
            "indicator",
            "budget_source",
            "budget_amount",
            "other_activity",
            "difficulties",
            "proposals",
        )
    }
    total, by_unit = edition.plain(summary.total), edition.plain(summary.by_unit)
    blocks: list[BodyPart] = [
        paragraph(
            edition,
            summary.opening,
            so_da_bao_cao=str(len(reported)),
            so_phai_bao_cao=str(len(collection.expected)),
            **values,
        )
    ]
    if missing:
        blocks.append(paragraph(edition, summary.missing, danh_sach=", ".join(missing)))
    # A unit's figures that were left out (its other figures count): named, so that they are asked for again.
    for recipient, returned in reported:
        if returned.invalid_cells:
            blocks.append(
                paragraph(
                    edition,
                    summary.invalid,
                    so_lieu="; ".join(returned.invalid_cells),
                    don_vi=recipient.short_name,
                )
            )
    nothing = paragraph(edition, summary.nothing)
    parts: list[tuple[str, list[BodyPart]]] = []

    # Tasks: each task once, with each unit's written result under it (not the task's text again per unit).
    groups: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    for recipient, returned in reported:
        for name, results, under in returned.report.tasks:
            if any(results):
                said = "; ".join(r for r in results if r)
                groups.setdefault((under, name), []).append((recipient.short_name, said))
    task_blocks: list[BodyPart] = []
    lead_in = None
    for (under, name), results in groups.items():
        if under is not None and under != lead_in:
            task_blocks.append(Block("paragraph", (Span(f"- {under}"),)))
        lead_in = under
        # A point by its first line ("a) …"), under its lead-in; a task as a dashed line.
        label = name.split(CELL_LINE_BREAK)[0] if under is not None else f"- {name.split(CELL_LINE_BREAK)[0]}"
        task_blocks.append(Block("paragraph", (Span(f"{label.rstrip(' .:;')}:", bold=True),)))
        task_blocks += [Block("paragraph", (Span(f"+ {unit}: {said}"),)) for unit, said in results]
    parts.append((edition.plain(summary.tasks), task_blocks or [nothing]))

    # Activities: totals by activity, with who did how many; then participants and budget by unit.
    activity_rows = []
    for index, row in enumerate(activity_table(edition, None).rows):
        figures = [
            (recipient, returned.report.activities[index])
            for recipient, returned in reported
            if index < len(returned.report.activities)
        ]
        # What a unit wrote in the note column (what its "Hoạt động khác" were) goes with its figure.
        who = "; ".join(
            f"{r.short_name}: {shown_number(a[0])}" + (f" ({a[3]})" if a[3] else "") for r, a in figures if a[0] or a[3]
        )
        activity_rows.append(
            (row[0], row[1], row[2], *(shown_number(_sum(a[c] for _, a in figures)) for c in range(3)), who)
        )
    unit_rows = []
    for number, (recipient, returned) in enumerate(reported, start=1):
        activities = returned.report.activities
        unit_rows.append(
            (
                str(number),
                recipient.short_name,
                shown_number(_sum(a[1] for a in activities)),
                shown_number(_sum(a[2] for a in activities)),
                shown_number(_sum(returned.report.budget)),
            )
        )
    unit_rows.append(
        (
            "",
            total,
            *(shown_number(_sum(_sum(a[c] for a in r.report.activities) for _, r in reported)) for c in (1, 2)),
            shown_number(_sum(_sum(r.report.budget) for _, r in reported)),
        )
    )
    parts.append(
        (
            edition.plain(summary.activities),
            [
                Table(
                    "th-hoat-dong",
                    (
                        word["number"],
                        word["activity"],
                        word["unit"],
                        word["quantity"],
                        word["participants"],
                        word["women"],
                        by_unit,
                    ),
                    tuple(activity_rows),
                ),
                Table(
                    "th-don-vi",
                    (word["number"], by_unit, word["participants"], word["women"], word["budget_amount"]),
                    tuple(unit_rows),
                ),
            ],
        )
    )

    # Indicators: each indicator, one row per unit reporting it; a rate with its summed count and total.
    periods = reporting_periods(edition)
    period_titles = tuple(edition.plain(columns.result, ky_bao_cao=p.label) for p in periods)
    indicator_rows: list[tuple[str, ...]] = []
    seen: dict[tuple[str, str | None], list] = {}
    for recipient, returned in reported:
        report = returned.report
        notes = report.indicator_notes + [""] * (len(report.indicators) - len(report.indicator_notes))
        for indicator, figures, note in zip(form_indicators(edition, recipient), report.indicators, notes, strict=True):
            # The levels of an indicator that sets several (cac_muc) share its reference.
            seen.setdefault((indicator.reference, indicator.text), []).append((indicator, recipient, figures, note))
    for number, ((reference, _), entries) in enumerate(seen.items(), start=1):
        indicator = entries[0][0]
        text = f"{reference}: {indicator.text}" if indicator.text else reference
        if indicator.unit:
            text += f"{CELL_LINE_BREAK}({word['unit']}: {indicator.unit})"
        for position, (_, recipient, (results, counts, totals), note) in enumerate(entries):
            cells = []
            for p in range(len(periods)):
                shown = shown_number(results[p])
                if indicator.percentage and (counts[p] is not None or totals[p] is not None):
                    shown = f"{shown} ({shown_number(counts[p])}/{shown_number(totals[p])})".strip()
                cells.append(shown)
            if note and cells:
                # The unit's note ("chỉ tiêu cấp tỉnh", …) stays next to its figure.
                cells[-1] = f"{cells[-1]} ({note})" if cells[-1] else f"({note})"
            indicator_rows.append(
                (str(number) if position == 0 else "", text if position == 0 else "", recipient.short_name, *cells)
            )
        if indicator.percentage and len(entries) > 1:
            cells = []
            for p in range(len(periods)):
                count, whole = _sum(e[2][1][p] for e in entries), _sum(e[2][2][p] for e in entries)
                rate = (
                    f"{shown_number(round(100 * count / whole, 2))} ({shown_number(count)}/{shown_number(whole)})"
                    if count is not None and whole and (indicator.unit or "").startswith("%")
                    else f"{shown_number(count)}/{shown_number(whole)}"
                )
                cells.append(rate)
            indicator_rows.append(("", "", total, *cells))
    parts.append(
        (
            edition.plain(summary.indicators),
            [
                Table(
                    f"th-chi-tieu-{len(periods)}",
                    (word["number"], word["indicator"], by_unit, *period_titles),
                    tuple(indicator_rows),
                )
            ]
            if indicator_rows
            else [nothing],
        )
    )

    # Budget: each source in total, with each unit's amount.
    budget_rows = []
    for index, row in enumerate(budget_table(edition, None).rows):
        amounts = [
            (r, f.report.budget[index], f.report.budget_notes[index] if index < len(f.report.budget_notes) else "")
            for r, f in reported
            if index < len(f.report.budget)
        ]
        budget_rows.append(
            (
                row[0],
                row[1],
                shown_number(_sum(a for _, a, _ in amounts)),
                "; ".join(
                    f"{r.short_name}: {shown_number(a)}" + (f" ({note})" if note else "")
                    for r, a, note in amounts
                    if a or note
                ),
            )
        )
    budget_rows.append(("", total, shown_number(_sum(_sum(f.report.budget) for _, f in reported)), ""))
    parts.append(
        (
            edition.plain(summary.budget),
            [
                Table(
                    "th-kinh-phi",
                    (word["number"], word["budget_source"], word["budget_amount"], by_unit),
                    tuple(budget_rows),
                )
            ],
        )
    )

    # Difficulties and proposals, grouped by unit, ready to edit.
    narrative: list[BodyPart] = []
    for recipient, returned in reported:
        said = [(word["difficulties"], returned.report.difficulties), (word["proposals"], returned.report.proposals)]
        if any(text for _, text in said):
            narrative.append(Block("paragraph", (Span(f"{recipient.short_name}:", bold=True),)))
            narrative += [Block("paragraph", (Span(f"- {label}: {text}"),)) for label, text in said if text]
    parts.append((edition.plain(summary.narrative), narrative or [nothing]))

    # The collecting office's own assessment and proposals, written in content, with today's figures.
    figures = {
        "so_da_bao_cao": str(len(reported)),
        "so_phai_bao_cao": str(len(collection.expected)),
        "tong_so_luong": shown_number(_sum(_sum(a[0] for a in r.report.activities) for _, r in reported)),
        "tong_so_nguoi": shown_number(_sum(_sum(a[1] for a in r.report.activities) for _, r in reported)),
        "tong_so_nu": shown_number(_sum(_sum(a[2] for a in r.report.activities) for _, r in reported)),
        "tong_kinh_phi": shown_number(_sum(_sum(r.report.budget) for _, r in reported)),
    }
    figures = {key: value or "0" for key, value in figures.items()}
    for title, texts in ((summary.assessment_title, summary.assessment), (summary.proposals_title, summary.proposals)):
        if texts:
            parts.append((edition.plain(title), [paragraph(edition, text, **values, **figures) for text in texts]))

    for index, (title, part) in enumerate(parts, start=1):
        blocks += [_heading(index, title), *part]
    blocks.append(paragraph(edition, summary.closing, **values))
    values["han_bao_cao"] = values["han_tong_hop"]
    title = edition.plain(summary.title, **values)
    # A document of the collecting office: its number and symbol, its head's signature, its own format
    # (a Party body's: "BC/", Party Nơi nhận), as its forms have.
    style = receiver.kind.form if receiver.kind.form != "khong" else "nha_nuoc"
    party = style == "dang"
    symbol_code = (edition.plain(summary.symbol) if summary.symbol else receiver.symbol_code) or wording.BLANK
    signer = summary.signer
    # Filed where the office files its own report (a Party body: its office), as its form says.
    archive = next(
        entries for entries in (receiver.form_archive, receiver.kind.form_archive, form.archive) if entries is not None
    )
    signature = (
        Signature(
            lines=tuple(edition.plain(line).upper() for line in signer.title),
            name=edition.plain(signer.name) if signer.name else "",
        )
        if signer
        else Signature(lines=tuple(line.upper() for line in receiver.signer), name="")
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
        signature=signature,
        recipients=wording.list_lines(["Như trên"], [edition.plain(line) for line in archive], party=party),
        recipients_style=style,
        info=DocumentInfo(
            title=f"Báo cáo {wording.lower_first(title)}", author=receiver.short_name, created=issue_date(edition)
        ),
    )
