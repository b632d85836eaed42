"""Pieces shared by every kind of document: styled text, the page-1 header, tasks, the signature."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..content.schema import BUILT_IN_STYLES
from ..content.schema import HeaderStyle, PartialDate
from ..content.schema import Signature as PlanSignature
from ..content.text import italic_runs, title_lines
from . import wording
from .model import Block, Header, Signature, Span


def spans(edition: Edition, raw: str, bold: bool = False, **values: str) -> tuple[Span, ...]:
    """Content text as styled runs: italic markers read, then placeholders filled in (`values`:
    those of a sentence template)."""
    return tuple(Span(edition.text(text, **values), bold=bold, italic=italic) for text, italic in italic_runs(raw))


def paragraph(edition: Edition, raw: str, prefix: str = "", **values: str) -> Block:
    runs = spans(edition, raw, **values)
    if prefix:
        runs = (Span(prefix),) + runs
    return Block("paragraph", runs)


def plain(text: str) -> Block:
    """A paragraph of generated wording (no content markup to read)."""
    return Block("paragraph", (Span(text),))


def with_closing(blocks: list) -> tuple:
    """The body with its last paragraph marked as closing, so that it is never left on a page
    without the signature block."""
    *body, last = blocks
    if isinstance(last, Block) and last.kind == "paragraph":
        last = Block("closing", last.spans)
    return (*body, last)


def heading(edition: Edition, label: str, title: str, bold: bool, run_in: str | None = None) -> Block:
    runs = spans(edition, f"{label} {title}", bold=bold)
    if run_in is None:
        return Block("heading", runs)
    return Block("paragraph", runs + (Span(" "),) + spans(edition, run_in))


def task_blocks(edition: Edition, tasks: list[str]) -> list[Block]:
    # Several tasks are listed with dashes; a single task is a plain paragraph.
    dash = "- " if len(tasks) > 1 else ""
    return [paragraph(edition, task, prefix=dash) for task in tasks]


def indicator_label(objective: int, indicator: int) -> str:
    return f"Chỉ tiêu {indicator} của Mục tiêu {objective}"


@dataclass(frozen=True)
class ReportedIndicator:
    """One indicator a recipient reports on, as its letter lists it and its form asks for it."""

    label: str  # "Chỉ tiêu 2 của Mục tiêu 3"
    text: str | None  # its wording, None where the catalog has none yet (printed as a blank to fill)
    unit: str | None
    percentage: bool  # a rate: the form asks for its count and total too, so that units can be summed
    narrowing: str | None  # the part of it the plan gives this recipient: "số liệu về bạo lực trên cơ sở giới"
    source: str  # the document the letter cites it from: "Kế hoạch số 180/KH-UBND …"
    measures: tuple[str, ...] = ()  # the levels it sets, where it sets several: the form asks each
    count_unit: str | None = None  # a rate's count row's unit ("người"), where it has its own
    total_unit: str | None = None  # its total row's, where it differs from the count's ("trẻ sinh sống")

    @property
    def reference(self) -> str:
        """The label with the plan's narrowing: "Chỉ tiêu 2 của Mục tiêu 3 (số liệu về bạo lực trên cơ sở giới)"."""
        return f"{self.label} ({self.narrowing})" if self.narrowing else self.label


def _rate_units(edition: Edition, indicator) -> dict[str, str | None]:
    """A rate's own units of its count and total rows (don_vi_tu_so, don_vi_mau_so), where given."""
    count = edition.plain(indicator.count_unit) if indicator.count_unit else None
    return {"count_unit": count, "total_unit": edition.plain(indicator.total_unit) if indicator.total_unit else count}


def reported_indicators(edition: Edition, recipient: Recipient) -> tuple[ReportedIndicator, ...]:
    """What a recipient reports, in the plan's order: the plan's own targets, then the national
    strategy's indicators."""
    lines = []
    scopes = {scope.target: scope.narrowing for scope in recipient.assignment.plan_target_scopes}
    for number in recipient.assignment.plan_targets:
        target = edition.plan_target(number)
        text = target.title if target.title is not None else (target.paragraphs[0] if target.paragraphs else None)
        lines.append(
            ReportedIndicator(
                label=f"Chỉ tiêu {number} của Kế hoạch",
                text=edition.text(text) if text else None,
                unit=edition.plain(target.unit) if target.unit else None,
                percentage=target.percentage,
                narrowing=edition.plain(scopes[number]) if number in scopes else None,
                source="Kế hoạch",
                measures=tuple(edition.text(measure) for measure in target.measures),
                **_rate_units(edition, target),
            )
        )
    catalog = edition.catalog
    source = edition.plain(catalog.citation or catalog.source) if catalog is not None else ""
    for ref in recipient.indicators:
        for number in ref.indicators:
            indicator = edition.indicator(ref.objective, number)
            lines.append(
                ReportedIndicator(
                    label=indicator_label(ref.objective, number)
                    + (f" ({edition.plain(indicator.unconfirmed_number)})" if indicator.unconfirmed_number else ""),
                    text=edition.text(indicator.text) if indicator.text else None,
                    unit=edition.plain(indicator.unit) if indicator.unit else None,
                    percentage=indicator.percentage,
                    narrowing=edition.plain(ref.narrowing) if ref.narrowing else None,
                    source=source,
                    measures=tuple(edition.text(measure) for measure in indicator.measures),
                    **_rate_units(edition, indicator),
                )
            )
    return tuple(lines)


@dataclass(frozen=True)
class ReportingPeriod:
    """A period a form asks results for: one result column each."""

    label: str  # "năm 2024", in the column title
    deadline: PartialDate  # when the units' report on it is due
    name: str = ""  # as a sentence names it: "báo cáo năm 2026"; "" for a plan's single report
    key: str = ""  # its forms' file names and `tong-hop --ky`: its deadline's year; "" for a single report


def reporting_periods(edition: Edition) -> tuple[ReportingPeriod, ...]:
    """The periods of the plan: each of a multi-year plan's (ky_bao_cao), or the single one of its year."""
    reporting = edition.plan.reporting
    if reporting.periods:
        return tuple(
            ReportingPeriod(
                edition.plain(period.column or period.name), period.deadline, edition.plain(period.name), key
            )
            for period, key in zip(reporting.periods, period_keys(reporting.periods), strict=True)
        )
    return (ReportingPeriod(edition.plain(edition.report_form.period), reporting.deadline),)


def period_keys(periods) -> list[str]:
    """Each period's key: the year of its deadline ("2027"), numbered within a year that has
    several ("2027-1", "2027-2")."""
    years = [str(period.deadline.year) for period in periods]
    counts: dict[str, int] = {}
    keys = []
    for year in years:
        counts[year] = counts.get(year, 0) + 1
        keys.append(f"{year}-{counts[year]}" if years.count(year) > 1 else year)
    return keys


def asked_periods(edition: Edition, period: ReportingPeriod | None) -> tuple[ReportingPeriod, ...]:
    """The periods one form asks results for: its own period, or (a form of a plan's single report)
    every period of the plan."""
    return (period,) if period is not None else reporting_periods(edition)


def form_periods(edition: Edition) -> tuple[ReportingPeriod | None, ...]:
    """The periods a recipient gets a form for: one form per period of a multi-year plan, each
    with its own result column; (None,): one form for a plan's single report."""
    return reporting_periods(edition) if edition.plan.reporting.periods else (None,)


def header_style(edition: Edition, code: str) -> HeaderStyle:
    """A header style by its code: as loai-noi-nhan.yaml declares it, else a built-in one."""
    declared = {style.id: style for style in edition.kinds.header_styles}
    return declared.get(code) or BUILT_IN_STYLES[code]


def header(
    edition: Edition,
    symbol: str,
    *,
    number: int | None = None,
    date: PartialDate | None = None,
    parent: str | None = None,
    agency_lines: tuple[str, ...] | None = None,
    place: str | None = None,
    subject_lines: tuple[str, ...] = (),
    style: str = "nha_nuoc",
    blank_year: bool = False,
) -> Header:
    """The page-1 header; by default that of the plan's issuer, with a number and date given.
    `style`: the code of its header style; one without a number line prints none."""
    issuer = edition.issuer
    chosen = header_style(edition, style)
    if agency_lines is None:
        parent = edition.plain(issuer.parent_agency) if issuer.parent_agency else None
        agency_lines = tuple(edition.plain(line) for line in issuer.header_lines)
    when = date if date is not None else PartialDate(year=edition.plan.document.date.year)
    return Header(
        # A parent line too long for the column breaks where the content marks it with "|".
        parent_agency="\n".join(title_lines(parent)).upper() if parent else None,
        agency_lines=tuple(line.upper() for line in agency_lines),
        number_line=wording.number_line(number, symbol, party=chosen.party) if chosen.number_line else "",
        place_date=wording.place_date(place or issuer.place, when, blank_year=blank_year),
        subject_lines=subject_lines,
        national_name=edition.plain(chosen.national_name).upper(),
        motto=edition.plain(chosen.motto) if chosen.motto else None,
        agency_mark=edition.plain(chosen.agency_mark) if chosen.agency_mark else None,
    )


def signature(edition: Edition, sig: PlanSignature | None = None) -> Signature:
    """The signature block of the plan, or of another document signed by `sig`."""
    sig = sig or edition.plan.signature
    lines = ([edition.issuer.authority] if sig.on_behalf else []) + sig.title
    return Signature(lines=tuple(edition.plain(line).upper() for line in lines), name=edition.plain(sig.name))


def issue_date(edition: Edition) -> date:
    """The date a document carries in its metadata: the plan's issue date, unknown parts as 1."""
    when = edition.plan.document.date
    return date(when.year, when.month or 1, when.day or 1)


def issuer_name(edition: Edition) -> str:
    """The plan's issuer in full, as in a sentence: "Ủy ban nhân dân huyện Hớn Quản"."""
    return edition.plain(edition.issuer.name)


def collects_reports(edition: Edition, recipient: Recipient) -> bool:
    """True for the body the others report to (bao_cao.noi_nhan_bao_cao)."""
    return recipient.id == edition.plan.reporting.receiver


def units_deadline(edition: Edition) -> str:
    """When the units' reports are due: one date, or each reporting period's date with its name,
    "10/12/2026 (báo cáo năm 2026), 10/12/2027 (báo cáo năm 2027) và 30/11/2030 (báo cáo tổng kết)"."""
    reporting = edition.plan.reporting
    if not reporting.periods:
        return wording.short_date(reporting.deadline)
    return wording.joined([f"{wording.short_date(p.deadline)} ({edition.plain(p.name)})" for p in reporting.periods])


def report_deadline(edition: Edition, recipient: Recipient, period: ReportingPeriod | None = None) -> str:
    """When a recipient's report is due: the units' deadline (of one period, for its form), or
    for the body that collects the reports, the deadline of its summary (the units' deadline when
    the content gives none)."""
    reporting = edition.plan.reporting
    if collects_reports(edition, recipient) and reporting.summary_deadline:
        return wording.short_date(reporting.summary_deadline)
    return wording.short_date(period.deadline) if period is not None else units_deadline(edition)


def plan_reference(edition: Edition) -> str:
    """ "Kế hoạch số 05/KH-UBND ngày 12/11/2024 của UBND huyện Hớn Quản", with blanks in a draft; a
    plan issued by a Quyết định as its content cites it through the decision."""
    meta = edition.plan.document
    if edition.decision is not None:
        return edition.plain(edition.decision.plan_reference, quyet_dinh=decision_reference(edition))
    return (
        f"{wording.sentence_case(meta.type_name)} số {wording.document_number(meta.number)}/{meta.type_code}-"
        f"{edition.issuer.code} ngày {wording.short_date(meta.date)} của {edition.plain(edition.issuer.short_name)}"
    )


def plan_citation(edition: Edition) -> str:
    """The plan as a "(Kèm theo …)" line cites it, in Decree 30's full wording: "Kế hoạch số
    05/KH-UBND ngày 12 tháng 11 năm 2024 của Ủy ban nhân dân huyện Hớn Quản", blanks in a draft."""
    meta = edition.plan.document
    if edition.decision is not None:
        return edition.plain(edition.decision.plan_reference, quyet_dinh=decision_citation(edition))
    return (
        f"{wording.sentence_case(meta.type_name)} số {wording.document_number(meta.number)}/{meta.type_code}-"
        f"{edition.issuer.code} {wording.long_date(meta.date)} của {issuer_name(edition)}"
    )


def decision_reference(edition: Edition) -> str:
    """ "Quyết định số 12/QĐ-UBND ngày 15/01/2026 của UBND tỉnh …", with blanks in a draft."""
    decision = edition.decision
    return (
        f"{wording.sentence_case(decision.type_name)} số {wording.document_number(decision.number)}/"
        f"{decision.type_code}-{edition.issuer.code} ngày {wording.short_date(decision.date)} "
        f"của {edition.plain(edition.issuer.short_name)}"
    )


def decision_citation(edition: Edition) -> str:
    """The Quyết định as the attached plan's "(Kèm theo …)" line cites it, in Decree 30's full
    wording: "Quyết định số 12/QĐ-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh …"."""
    decision = edition.decision
    return (
        f"{wording.sentence_case(decision.type_name)} số {wording.document_number(decision.number)}/"
        f"{decision.type_code}-{edition.issuer.code} {wording.long_date(decision.date)} của {issuer_name(edition)}"
    )


def letter_citation(edition: Edition, recipient: Recipient) -> str:
    """A recipient's letter as a "(Kèm theo …)" line cites it: "Công văn số 125/UBND-VX ngày 15
    tháng 11 năm 2024 của Ủy ban nhân dân huyện Hớn Quản", blanks while not registered."""
    number, when = letter_number(edition, recipient)
    return (
        f"Công văn số {wording.document_number(number)}/{edition.letters.symbol} {wording.long_date(when)} "
        f"của {issuer_name(edition)}"
    )


def letter_number(edition: Edition, recipient: Recipient) -> tuple[int | None, PartialDate]:
    """A letter's own number and date: from its entry in cong-van.yaml, else a blank number and
    day (filled in by hand when it is registered) in the month and year of the other letters."""
    letters = edition.letters
    entry = next((e for e in letters.numbers if e.recipient == recipient.id), None)
    shared = letters.date if letters.date is not None else PartialDate(year=edition.plan.document.date.year)
    if entry is None:
        # The number and the day are given together when the letter is registered (Decree 30,
        # Art. 15): a letter without its number leaves its day blank too.
        return None, PartialDate(year=shared.year, month=shared.month, origin=shared.origin)
    return entry.number, (entry.date if entry.date else shared)


def letter_reference(edition: Edition, recipient: Recipient) -> str:
    """ "Công văn số 125/UBND-VX ngày 15/11/2024 của UBND huyện Hớn Quản", with blanks while not registered."""
    number, when = letter_number(edition, recipient)
    return (
        f"Công văn số {wording.document_number(number)}/{edition.letters.symbol} ngày {wording.short_date(when)} "
        f"của {edition.plain(edition.issuer.short_name)}"
    )


def letter_values(edition: Edition, recipient: Recipient) -> dict[str, str]:
    """The placeholders of the sentence templates of a recipient's letter and form."""
    plan, issuer = edition.plan, edition.issuer
    receiver = edition.agency(plan.reporting.receiver)
    summary = plan.reporting.summary_deadline
    return {
        "ban_hanh": edition.plain(issuer.self_name),
        "ten_ban_hanh": issuer_name(edition),
        "ten": recipient.name,
        "ten_trong_cau": wording.within_sentence(recipient.name),
        "ke_hoach": plan_reference(edition),
        "trich_yeu_ke_hoach": wording.lower_first(edition.plain(plan.document.title)),
        "noi_dung_bao_cao": edition.plain(edition.letters.report_subject),
        "noi_tong_hop": edition.plain(receiver.name),
        "han_bao_cao": units_deadline(edition),
        "han_tong_hop": wording.short_date(summary) if summary else units_deadline(edition),
        "cong_van": letter_reference(edition, recipient),
        "trich_yeu_cong_van": wording.lower_first(edition.plain(edition.letters.subject)),
        "ke_hoach_day_du": plan_citation(edition),
        "cong_van_day_du": letter_citation(edition, recipient),
    }
