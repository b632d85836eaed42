"""Build the report form (biểu mẫu báo cáo) a recipient fills in, signs and sends back.

The form asks for what the recipient's letter assigns: a row for each task (or group of tasks, as
bieu-mau.yaml says), the activities, each indicator it reports (a rate with its count and total),
the budget, and its difficulties and proposals. Every word comes from bieu-mau.yaml. The tables
are named and their rows labelled so that `generator.collect` can read a returned form back by
its structure; the form's identity (edition, recipient, version of that structure) is printed on
its label line and written into the DOCX properties.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..content.schema import Assignment, Item, PartialDate
from ..content.text import roman
from . import wording
from .model import CELL_LINE_BREAK, Block, BodyPart, Document, DocumentInfo, Signature, Span, Table
from .parts import (
    ReportedIndicator,
    asked_periods,
    collects_reports,
    header,
    ReportingPeriod,
    header_style,
    indicator_label,
    issue_date,
    letter_reference,
    letter_values,
    paragraph,
    report_deadline,
    reported_indicators,
    reporting_periods,
)
from .plan import item_blocks

# Table names: the templates lay each one out (generator/writers/layout.py TABLE_COLUMNS_MM), the
# collector finds each one by them. Tables with one column per period end in "-<periods>".
TASKS, ACTIVITIES, INDICATORS, BUDGET, NARRATIVE = "nhiem-vu", "hoat-dong", "chi-tieu", "kinh-phi", "y-kien"


@dataclass(frozen=True)
class FormIdentity:
    """What a returned form is: the edition's year, the recipient's id and the version of the
    form's structure (a hash of its tables' names, columns and row labels)."""

    year: int
    recipient: str
    version: str

    def __str__(self) -> str:
        return f"{self.year}/{self.recipient}/{self.version}"


@dataclass(frozen=True)
class TaskRow:
    """One row of a form's task table."""

    number: str  # its STT; "" for a point under its lead-in
    name: str  # its label: a task, a group's name (nhom_nhiem_vu), a lead-in, or a point "a) …" (its bullets on lines below)
    lead_in: bool = (
        False  # the sentence the points after it belong to ("…; cụ thể:"): a row of its own, nothing to fill in
    )
    point: bool = False  # one of the entry's points a), b)…
    under: str | None = None  # a point's lead-in, where it has one


def lead_in(edition: Edition, assignment: Assignment) -> str | None:
    """The task paragraph an entry's points a), b)… belong to: its last one, where it ends with a
    colon and points follow; None where the points stand on their own."""
    if not assignment.points or not assignment.tasks:
        return None
    last = edition.plain(assignment.tasks[-1])
    return last if last.rstrip().endswith(":") else None


def point_label(edition: Edition, point: Item, index: int) -> str:
    """A point as its form row shows it: "a) …" as the plan prints it, its paragraphs and bullets
    on lines of their own."""
    return CELL_LINE_BREAK.join(block.text for block in item_blocks(edition, point, 3, index))


def task_count(edition: Edition, recipient: Recipient) -> int:
    """How many tasks a recipient is given: its task paragraphs and its points, a lead-in not
    counted (it is what its points are)."""
    assignment = recipient.assignment
    return len(assignment.tasks) - (lead_in(edition, assignment) is not None) + len(assignment.points)


def task_rows(edition: Edition, recipient: Recipient) -> list[TaskRow]:
    """One row per task of the letter, or per group of tasks where bieu-mau.yaml groups them; then
    one per point a), b)…, under its lead-in where it has one. A group holding the lead-in holds
    its points too: they are reported on the group's row."""
    assignment = recipient.assignment
    groups = [g for g in edition.report_form.task_groups if g.entry == recipient.entry]
    grouped = {number: group for group in groups for number in group.tasks}
    heading, points = lead_in(edition, assignment), assignment.points
    if heading is not None and len(assignment.tasks) in grouped:
        heading, points = None, []
    rows: list[TaskRow] = []
    for number, task in enumerate(assignment.tasks, start=1):
        group = grouped.get(number)
        if group is None:
            rows.append(
                TaskRow(
                    str(len(rows) + 1),
                    edition.plain(task),
                    lead_in=heading is not None and number == len(assignment.tasks),
                )
            )
        elif number == min(group.tasks):
            rows.append(TaskRow(str(len(rows) + 1), edition.plain(group.name)))
    numbered = len(rows)
    for index, point in enumerate(points, start=1):
        label = point_label(edition, point, index)
        rows.append(
            TaskRow("", label, point=True, under=heading)
            if heading is not None
            else TaskRow(str(numbered + index), label, point=True)
        )
    return rows


def form_indicators(edition: Edition, recipient: Recipient) -> tuple[ReportedIndicator, ...]:
    """The indicators a recipient's form asks, in order: an indicator that sets several levels
    (cac_muc) is asked once per level, each worded as its level."""
    return tuple(
        replacement
        for indicator in reported_indicators(edition, recipient)
        for replacement in (
            [replace(indicator, text=measure, measures=()) for measure in indicator.measures] or [indicator]
        )
    )


def indicator_rows(edition: Edition, indicators: tuple[ReportedIndicator, ...], periods: int) -> list[tuple[str, ...]]:
    """An indicator in full with its unit (a visible blank where its wording or unit is unknown);
    a rate gets a row for its count and one for its total."""
    columns = edition.report_form.columns
    blanks = ("",) * periods
    rows: list[tuple[str, ...]] = []
    for number, indicator in enumerate(indicators, start=1):
        text = indicator.text or edition.plain(edition.report_form.unknown_indicator)
        rows.append((str(number), f"{indicator.reference}: {text}", indicator.unit or wording.BLANK, *blanks, ""))
        if indicator.percentage:
            default = edition.plain(columns.count_unit)
            rows.append(("", edition.plain(columns.count_row), indicator.count_unit or default, *blanks, ""))
            rows.append(("", edition.plain(columns.total_row), indicator.total_unit or default, *blanks, ""))
    return rows


COLUMN_WORDS = (
    "number",
    "task",
    "activity",
    "unit",
    "quantity",
    "participants",
    "women",
    "note",
    "indicator",
    "budget_source",
    "budget_amount",
    "other_activity",
    "item",
    "answer",
    "difficulties",
    "proposals",
)

# The parts of a form, in order; a form asks only the parts its recipient has (no indicators, no part).
PARTS = (TASKS, ACTIVITIES, INDICATORS, BUDGET, NARRATIVE)


def asked_of(edition: Edition, recipient: Recipient | None, codes: list[str]) -> bool:
    """Whether a row scoped to `codes` (danh_cho: kinds, unit lists, agencies) is asked of a
    recipient; a row with no scope is asked of all, and every row is in the full table (None)."""
    if recipient is None or not codes:
        return True
    unit_list = edition.agency(recipient.entry).unit_list
    return bool({recipient.kind.id, recipient.entry, recipient.id, unit_list} & set(codes))


# What a form's cell that is not to be filled shows: a dash, which the returned forms' reader takes
# as no figure (collect.parse_number).
NOT_ASKED = "–"


def activity_indices(edition: Edition, recipient: Recipient | None) -> tuple[int, ...]:
    """The activities (by their place in bieu-mau.yaml) a recipient's form asks, then the
    "other activity" row (index len(activities)); None: all of them."""
    activities = edition.report_form.activities
    chosen = (i for i, a in enumerate(activities) if asked_of(edition, recipient, a.asked_of))
    return (*chosen, len(activities))


def budget_indices(edition: Edition, recipient: Recipient | None) -> tuple[int, ...]:
    """The budget sources (by their place in bieu-mau.yaml) a recipient's form asks; None: all."""
    scopes = {scope.source - 1: scope.asked_of for scope in edition.report_form.budget_scopes}
    sources = edition.report_form.budget_sources
    return tuple(i for i in range(len(sources)) if asked_of(edition, recipient, scopes.get(i, [])))


def activity_table(edition: Edition, recipient: Recipient | None) -> Table:
    """The activity rows asked of a recipient, numbered in turn; None: every row (the summary)."""
    form, c = edition.report_form, column_words(edition)
    # A row that asks no participants prints a dash there, which make tong-hop reads as empty.
    names = [
        (edition.plain(a.name), edition.plain(a.unit), "" if a.counts_people else NOT_ASKED) for a in form.activities
    ]
    summary_name = form.columns.summary_other_activity if recipient is None else None
    names.append((edition.plain(summary_name) if summary_name else c["other_activity"], "", ""))
    rows = [names[i] for i in activity_indices(edition, recipient)]
    return Table(
        ACTIVITIES,
        (c["number"], c["activity"], c["unit"], c["quantity"], c["participants"], c["women"], c["note"]),
        tuple((str(n), name, unit, "", people, people, "") for n, (name, unit, people) in enumerate(rows, start=1)),
    )


def budget_table(edition: Edition, recipient: Recipient | None) -> Table:
    """The budget sources asked of a recipient, numbered in turn; None: every source (the summary)."""
    sources, c = edition.report_form.budget_sources, column_words(edition)
    chosen = [edition.plain(sources[i]) for i in budget_indices(edition, recipient)]
    return Table(
        BUDGET,
        (c["number"], c["budget_source"], c["budget_amount"], c["note"]),
        tuple((str(n), source, "", "") for n, source in enumerate(chosen, start=1)),
    )


def column_words(edition: Edition) -> dict[str, str]:
    columns = edition.report_form.columns
    return {name: edition.plain(getattr(columns, name)) for name in COLUMN_WORDS}


def form_tables(edition: Edition, recipient: Recipient, period: ReportingPeriod | None = None) -> dict[str, Table]:
    """The tables of a recipient's form, by part: tasks, activities, indicators (if any), budget,
    narrative; one result column for `period`, else one per period of the plan."""
    columns, c = edition.report_form.columns, column_words(edition)
    periods = asked_periods(edition, period)
    tasks = task_rows(edition, recipient)
    task_titles = tuple(edition.plain(columns.task_result, ky_bao_cao=p.label) for p in periods)
    tables = {
        TASKS: Table(
            f"{TASKS}-{len(periods)}",
            (c["number"], c["task"], *task_titles),
            tuple((row.number, row.name, *("",) * len(periods)) for row in tasks),
            group_rows=tuple(index for index, row in enumerate(tasks) if row.lead_in),
        ),
        ACTIVITIES: activity_table(edition, recipient),
    }
    indicators = form_indicators(edition, recipient)
    if indicators:
        period_titles = tuple(edition.plain(columns.result, ky_bao_cao=p.label) for p in periods)
        tables[INDICATORS] = Table(
            f"{INDICATORS}-{len(periods)}",
            (c["number"], c["indicator"], c["unit"], *period_titles, c["note"]),
            tuple(indicator_rows(edition, indicators, len(periods))),
        )
    tables[BUDGET] = budget_table(edition, recipient)
    tables[NARRATIVE] = Table(
        NARRATIVE, (c["number"], c["item"], c["answer"]), (("1", c["difficulties"], ""), ("2", c["proposals"], ""))
    )
    return tables


def part_numbers(tables: dict[str, Table]) -> dict[str, int]:
    """Each part a form has, by table name, with the number it prints (I., II., …)."""
    return {name: number for number, name in enumerate((p for p in PARTS if p in tables), start=1)}


def has_rate_rows(edition: Edition, recipient: Recipient) -> bool:
    """Whether a recipient's form asks a count and a total (a rate indicator)."""
    return any(indicator.percentage for indicator in form_indicators(edition, recipient))


def form_identity(
    edition: Edition,
    recipient: Recipient,
    tables: dict[str, Table] | None = None,
    period: ReportingPeriod | None = None,
) -> FormIdentity:
    """The identity printed on a form and stored in its properties; the version changes when a
    table, column or row label does, so a form sent before such a change is told apart, and so
    does each period's form (its result column is titled with the period)."""
    tables = tables if tables is not None else form_tables(edition, recipient, period)
    digest = hashlib.sha256()
    for table in tables.values():
        digest.update(repr((table.name, table.columns, tuple(row[:2] for row in table.rows))).encode())
    return FormIdentity(edition.year, recipient.id, digest.hexdigest()[:8])


def form_blocks(edition: Edition, values: dict[str, str], tables: dict[str, Table]) -> list[BodyPart]:
    """The opening paragraph, then each part the form has under its numbered heading."""
    headings = edition.report_form.headings
    titles = {
        TASKS: headings.tasks,
        ACTIVITIES: headings.activities,
        INDICATORS: headings.indicators,
        BUDGET: headings.budget,
        NARRATIVE: headings.narrative,
    }
    blocks: list[BodyPart] = [paragraph(edition, edition.report_form.opening, **values)]
    for name, number in part_numbers(tables).items():
        title = Span(f"{roman(number)}. {edition.plain(titles[name])}", bold=True)
        blocks += [Block("heading", (title,)), tables[name]]
    return blocks


def form_notes(edition: Edition, recipient: Recipient, values: dict[str, str]) -> tuple[str, ...]:
    """The filling instructions after the signature: the deadline, then each instruction (those
    about counts and totals only where the form asks them)."""
    form = edition.report_form
    # A unit list may tell its units otherwise (a hamlet signs without a seal, has no records desk).
    instructions = recipient.form_instructions if recipient.form_instructions is not None else form.instructions
    if has_rate_rows(edition, recipient):
        instructions = (*instructions, *form.rate_instructions)
    return (
        edition.plain(form.instructions_heading),
        f"- {edition.plain(form.deadline, **values)}",
        *(f"- {edition.plain(line, **values)}" for line in instructions),
    )


def build_report_form(edition: Edition, recipient: Recipient, period: ReportingPeriod | None = None) -> Document:
    """A recipient's form; a multi-year plan's recipient gets one for each `period`."""
    form = edition.report_form
    values = letter_values(edition, recipient)
    values["han_bao_cao"] = report_deadline(edition, recipient, period)
    tables = form_tables(edition, recipient, period)
    identity = form_identity(edition, recipient, tables)
    label_values = {**values, "ma_bieu_mau": str(identity), "cong_van": letter_reference(edition, recipient)}
    # Reports go to the issuer through the body that collects them, as the letter says; that
    # body's own report goes to the issuer directly.
    addressee = form.collector_addressee if collects_reports(edition, recipient) else form.addressee
    archive = next(
        entries
        for entries in (recipient.form_archive, recipient.kind.form_archive, form.archive)
        if entries is not None
    )
    title = edition.plain(form.title, ky_bao_cao=(period or reporting_periods(edition)[0]).label)
    chosen = header_style(edition, recipient.kind.form)
    party = chosen.party
    return Document(
        header=form_header(edition, recipient, period),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {edition.plain(addressee, **values)}.",),
        blocks=tuple(form_blocks(edition, values, tables)),
        signature=Signature(
            lines=tuple(line.upper() for line in recipient.signer),
            name="",
            note=recipient.signer_note or edition.plain(form.signer_note),
        ),
        recipients=wording.list_lines(
            [edition.plain(line) for line in form.copies], [edition.plain(line) for line in archive], party=party
        ),
        recipients_style=chosen.convention,
        label_lines=(
            Span(edition.plain(form.label, **label_values)),
            Span(edition.plain(form.attached, **label_values), italic=True),
        ),
        notes=form_notes(edition, recipient, values),
        info=DocumentInfo(
            title=f"Báo cáo {wording.lower_first(title)} ({recipient.short_name})",
            author=recipient.short_name,
            created=issue_date(edition),
            identity=str(identity),
        ),
    )


def form_header(edition: Edition, recipient: Recipient, period: ReportingPeriod | None = None):
    # A period's form is dated in the year of its deadline; a form for reports due in several
    # years (all periods on one form) leaves the year to fill.
    years = {p.deadline.year for p in asked_periods(edition, period) if p.deadline}
    symbol_code = recipient.symbol_code or wording.BLANK
    return header(
        edition,
        f"BC/{symbol_code}" if header_style(edition, recipient.kind.form).party else f"BC-{symbol_code}",
        parent=recipient.parent,
        agency_lines=recipient.own_lines,
        place=recipient.place,
        style=recipient.kind.form,
        date=PartialDate(year=period.deadline.year) if period is not None else None,
        blank_year=len(years) > 1,
    )


def unknown_indicators(edition: Edition, recipients) -> list[tuple[str, str]]:
    """(indicator label, recipient's short name) for each indicator a recipient reports whose
    wording the catalog does not have: the build names them on its last lines."""
    return [
        (indicator.reference, recipient.short_name)
        for recipient in recipients
        if recipient.reports
        for indicator in reported_indicators(edition, recipient)
        if indicator.text is None
    ]


def unconfirmed_numbers(edition: Edition, recipients) -> list[tuple[str, str, str]]:
    """(indicator label, its note, recipient's short name) for each indicator a recipient's letter
    and form cite whose number chi-tieu.yaml marks as unconfirmed (so_chua_xac_nhan)."""
    return [
        (indicator_label(ref.objective, number), edition.plain(note), recipient.short_name)
        for recipient in recipients
        for ref in recipient.indicators
        for number in ref.indicators
        if (note := edition.indicator(ref.objective, number).unconfirmed_number)
    ]
