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
from dataclasses import dataclass

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..content.schema import Assignment, Item
from . import wording
from .model import CELL_LINE_BREAK, Block, BodyPart, Document, DocumentInfo, Signature, Span, Table
from .parts import (
    ReportedIndicator,
    collects_reports,
    header,
    header_style,
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


def roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text, number = text + numeral, number - value
    return text


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
            count_unit = edition.plain(columns.count_unit)
            rows.append(("", edition.plain(columns.count_row), count_unit, *blanks, ""))
            rows.append(("", edition.plain(columns.total_row), count_unit, *blanks, ""))
    return rows


def form_tables(edition: Edition, recipient: Recipient) -> dict[str, Table]:
    """The tables of a recipient's form, by part: tasks, activities, indicators (if any), budget, narrative."""
    form, columns = edition.report_form, edition.report_form.columns
    periods = reporting_periods(edition)
    period_titles = tuple(edition.plain(columns.result, ky_bao_cao=p.label) for p in periods)
    tasks = task_rows(edition, recipient)
    task_titles = tuple(edition.plain(columns.task_result, ky_bao_cao=p.label) for p in periods)
    c = {
        name: edition.plain(getattr(columns, name))
        for name in (
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
    }
    tables = {
        TASKS: Table(
            f"{TASKS}-{len(periods)}",
            (c["number"], c["task"], *task_titles),
            tuple((row.number, row.name, *("",) * len(periods)) for row in tasks),
            group_rows=tuple(index for index, row in enumerate(tasks) if row.lead_in),
        ),
        ACTIVITIES: Table(
            ACTIVITIES,
            (c["number"], c["activity"], c["unit"], c["quantity"], c["participants"], c["women"], c["note"]),
            tuple(
                (str(n), edition.plain(a.name), edition.plain(a.unit), "", "", "", "")
                for n, a in enumerate(form.activities, start=1)
            )
            + ((str(len(form.activities) + 1), c["other_activity"], "", "", "", "", ""),),
        ),
    }
    indicators = reported_indicators(edition, recipient)
    if indicators:
        tables[INDICATORS] = Table(
            f"{INDICATORS}-{len(periods)}",
            (c["number"], c["indicator"], c["unit"], *period_titles, c["note"]),
            tuple(indicator_rows(edition, indicators, len(periods))),
        )
    tables[BUDGET] = Table(
        BUDGET,
        (c["number"], c["budget_source"], c["budget_amount"], c["note"]),
        tuple((str(n), edition.plain(source), "", "") for n, source in enumerate(form.budget_sources, start=1)),
    )
    tables[NARRATIVE] = Table(
        NARRATIVE, (c["number"], c["item"], c["answer"]), (("1", c["difficulties"], ""), ("2", c["proposals"], ""))
    )
    return tables


def form_identity(edition: Edition, recipient: Recipient, tables: dict[str, Table] | None = None) -> FormIdentity:
    """The identity printed on a form and stored in its properties; the version changes when a
    table, column or row label does, so a form sent before such a change is told apart."""
    tables = tables if tables is not None else form_tables(edition, recipient)
    digest = hashlib.sha256()
    for table in tables.values():
        digest.update(repr((table.name, table.columns, tuple(row[:2] for row in table.rows))).encode())
    return FormIdentity(edition.year, recipient.id, digest.hexdigest()[:8])


def build_report_form(edition: Edition, recipient: Recipient) -> Document:
    form, headings = edition.report_form, edition.report_form.headings
    values = letter_values(edition, recipient)
    values["han_bao_cao"] = report_deadline(edition, recipient)
    tables = form_tables(edition, recipient)
    identity = form_identity(edition, recipient, tables)
    label_values = {**values, "ma_bieu_mau": str(identity), "cong_van": letter_reference(edition, recipient)}
    # Reports go to the issuer through the body that collects them, as the letter says; that
    # body's own report goes to the issuer directly.
    addressee = form.collector_addressee if collects_reports(edition, recipient) else form.addressee
    parts: list[tuple[str, BodyPart]] = [
        (headings.tasks, tables[TASKS]),
        (headings.activities, tables[ACTIVITIES]),
        (headings.indicators, tables.get(INDICATORS) or paragraph(edition, form.no_indicators)),
        (headings.budget, tables[BUDGET]),
        (headings.narrative, tables[NARRATIVE]),
    ]
    blocks: list[BodyPart] = [paragraph(edition, form.opening, **values)]
    for number, (title, part) in enumerate(parts, start=1):
        blocks += [Block("heading", (Span(f"{roman(number)}. {edition.plain(title)}", bold=True),)), part]
    deadline = edition.plain(form.deadline, **values)
    # A unit list may tell its units otherwise (a hamlet signs without a seal, has no records desk).
    instructions = recipient.form_instructions if recipient.form_instructions is not None else form.instructions
    archive = next(
        entries
        for entries in (recipient.form_archive, recipient.kind.form_archive, form.archive)
        if entries is not None
    )
    notes = (
        edition.plain(form.instructions_heading),
        f"- {deadline}",
        *(f"- {edition.plain(line, **values)}" for line in instructions),
    )
    title = edition.plain(form.title)
    party = header_style(edition, recipient.kind.form).convention == "dang"
    symbol_code = recipient.symbol_code or wording.BLANK
    return Document(
        header=header(
            edition,
            f"BC/{symbol_code}" if party else f"BC-{symbol_code}",
            parent=recipient.parent,
            agency_lines=recipient.own_lines,
            place=recipient.place,
            style=recipient.kind.form,
            # A form for reports due in several years (a five-year plan's yearly ones) is dated
            # in each of them: its date line leaves the year to fill too.
            blank_year=len({period.deadline.year for period in reporting_periods(edition) if period.deadline}) > 1,
        ),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {edition.plain(addressee, **values)}.",),
        blocks=tuple(blocks),
        signature=Signature(
            lines=tuple(line.upper() for line in recipient.signer),
            name="",
            note=recipient.signer_note or edition.plain(form.signer_note),
        ),
        recipients=wording.list_lines(
            [edition.plain(line) for line in form.copies], [edition.plain(line) for line in archive], party=party
        ),
        recipients_style="dang" if party else "nha_nuoc",
        label_lines=(edition.plain(form.label, **label_values), edition.plain(form.attached, **label_values)),
        notes=notes,
        info=DocumentInfo(
            title=f"Báo cáo {wording.lower_first(title)} ({recipient.short_name})",
            author=recipient.short_name,
            created=issue_date(edition),
            identity=str(identity),
        ),
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
