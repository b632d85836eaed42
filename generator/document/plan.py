"""Build the plan (Kế hoạch) of an edition as a format-neutral document."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..content.edition import Edition
from ..content.schema import Assignment, Item, RecipientLine
from . import wording
from .model import AppendixPage, Block, Document, DocumentInfo, Span, Table
from .parts import (
    header,
    heading,
    issue_date,
    issuer_name,
    paragraph,
    plan_citation,
    signature,
    task_blocks,
    with_closing,
)


def item_label(depth: int, index: int) -> str:
    """I. → 1. → a) → - → + for depths 1 to 5 (Decree 30, PL I §V row 6b); deeper levels as the fifth."""
    if depth == 1:
        return f"{wording.roman(index)}."
    if depth == 2:
        return f"{index}."
    if depth == 3:
        return f"{wording.point_letter(index)})"
    return "-" if depth == 4 else "+"


def item_blocks(edition: Edition, item: Item, depth: int, index: int) -> list[Block]:
    label = item_label(depth, index)
    # Sections and titled clauses are bold; points and below are regular (HL1).
    bold = depth <= 2
    paragraphs = list(item.paragraphs)
    blocks: list[Block] = []
    if item.title is not None:
        run_in = paragraphs.pop(0) if item.run_in and paragraphs else None
        head = heading(edition, label, item.title, bold, run_in)
        # Sections and their titled clauses are the PDF's bookmarks.
        blocks.append(replace(head, outline=depth) if head.kind == "heading" and depth <= 2 else head)
    elif paragraphs:
        blocks.append(paragraph(edition, paragraphs.pop(0), prefix=f"{label} "))
    dash = "- " if item.dashed else ""
    blocks += [paragraph(edition, text, prefix=dash) for text in paragraphs]
    for child_index, child in enumerate(item.items, start=1):
        blocks += item_blocks(edition, child, depth + 1, child_index)
    return blocks


def entry_blocks(edition: Edition, assignment: Assignment, from_task: int = 0) -> list[Block]:
    """An entry's tasks (from the one numbered `from_task`), then its points a), b)… with their
    own paragraphs and bullets."""
    blocks = task_blocks(edition, assignment.tasks[from_task:])
    for index, point in enumerate(assignment.points, start=1):
        blocks += item_blocks(edition, point, 3, index)
    return blocks


def runs_in(edition: Edition, assignment: Assignment) -> bool:
    """True where an entry's first task paragraph is printed on its heading's line ("5. Sở Y tế:
    Chỉ đạo …"): as the entry says (cung_dong), else as the plan's default (nhiem_vu_cung_dong),
    which takes only entries of one task."""
    if assignment.run_in is not None:
        return assignment.run_in and bool(assignment.tasks)
    return edition.plan.run_in_tasks and len(assignment.tasks) == 1


def assignment_blocks(edition: Edition, assignment: Assignment, index: int) -> tuple[Block, ...]:
    """An entry of section IV: its numbered bold heading, then its tasks and points; an entry that
    runs in has its first task on the heading's line, the heading still its bookmark."""
    head = f"{index}. {assignment_heading(edition, assignment)}"
    if not runs_in(edition, assignment):
        return (Block("heading", (Span(head, bold=True),), outline=2), *entry_blocks(edition, assignment))
    task = paragraph(edition, assignment.tasks[0])  # no dash: it continues the heading's sentence
    line = Block("paragraph", (Span(head, bold=True), Span(" "), *task.spans), outline=2, bookmark=head)
    return (line, *entry_blocks(edition, assignment, from_task=1))


def assignment_heading(edition: Edition, assignment: Assignment) -> str:
    """An entry's heading: as the content writes it, else its bodies' names as their kind heads them.
    An item that is not a body ("Chế độ thông tin, báo cáo") is printed as written."""
    if not assignment.agencies:
        return edition.plain(assignment.heading)
    if assignment.heading is not None:
        heading = edition.plain(assignment.heading)
    else:
        agencies = [edition.agency(agency_id) for agency_id in assignment.agencies]
        names = [edition.plain(agency.name) for agency in agencies]
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"
        heading = edition.plain(
            edition.agency_kind(agencies[0]).heading, ten=joined, ten_trong_cau=wording.within_sentence(joined)
        )
    suffix = f" {edition.plain(assignment.heading_suffix)}" if assignment.heading_suffix else ""
    return f"{heading}{suffix}:" if edition.plan.colon_after_bodies else f"{heading}{suffix}"


def recipient_name(edition: Edition, line: RecipientLine) -> str:
    if line.agency is not None:
        return edition.plain(edition.agency(line.agency).short_name)
    if line.group is not None:
        return edition.plain(edition.group_name(line.group))
    return edition.plain(line.text)


@dataclass(frozen=True)
class PlanPart:
    """A run of the plan's body blocks: the opening, one top-level section, section IV's heading,
    one agency's entry in section IV, or the closing. Used to compare two editions part by part."""

    kind: str  # "opening", "section", "organisation", "agency" or "closing"
    key: str  # the same part in two editions has the same key: the section title, the agency id…
    blocks: tuple[Block, ...]
    agency: str | None = None  # the first agency id of an "agency" part


def plan_parts(edition: Edition) -> list[PlanPart]:
    """The plan's body blocks, in order, grouped by section and, in section IV, by agency."""
    plan = edition.plan
    parts = [PlanPart("opening", "opening", tuple(paragraph(edition, text) for text in plan.opening))]
    for index, section in enumerate(plan.sections, start=1):
        key = section.title if section.title is not None else f"#{index}"
        parts.append(PlanPart("section", key, tuple(item_blocks(edition, section, 1, index))))
    organisation = len(plan.sections) + 1
    parts.append(
        PlanPart(
            "organisation",
            "organisation",
            (
                replace(
                    heading(edition, f"{wording.roman(organisation)}.", plan.organisation_title, bold=True), outline=1
                ),
                *(paragraph(edition, text) for text in plan.organisation_intro),
            ),
        )
    )
    for index, assignment in enumerate(plan.assignments, start=1):
        blocks = assignment_blocks(edition, assignment, index)
        if assignment.agencies:
            parts.append(PlanPart("agency", "+".join(assignment.agencies), blocks, assignment.agencies[0]))
        else:
            parts.append(PlanPart("section", f"#to-chuc-{assignment.heading}", blocks))
    if plan.organisation_closing:
        parts.append(
            PlanPart(
                "section", "#to-chuc-ket-thuc", tuple(paragraph(edition, text) for text in plan.organisation_closing)
            )
        )
    for index, section in enumerate(plan.sections_after, start=organisation + 1):
        key = section.title if section.title is not None else f"#sau-{index}"
        parts.append(PlanPart("section", key, tuple(item_blocks(edition, section, 1, index))))
    parts.append(PlanPart("closing", "closing", tuple(paragraph(edition, text) for text in plan.closing)))
    return parts


def appendix_pages(edition: Edition) -> tuple[AppendixPage, ...]:
    """The plan's appendices: numbered I, II… when there are several, each cited to the plan."""
    plan = edition.plan
    agencies = {agency.id: agency for agency in edition.registry.agencies}
    reference = f"(Kèm theo {plan_citation(edition)})"
    pages = []
    for number, appendix in enumerate(plan.appendices, start=1):
        label = "Phụ lục" if len(plan.appendices) == 1 else f"Phụ lục {wording.roman(number)}"
        rows = tuple(
            tuple(
                ", ".join(edition.plain(agencies[c.strip()].short_name) for c in cell.split(","))
                if column.agency
                else edition.plain(cell)
                for column, cell in zip(appendix.columns, row, strict=True)
            )
            for row in appendix.rows
        )
        pages.append(
            AppendixPage(
                label=label,
                title=edition.plain(appendix.title).upper(),
                reference=reference,
                table=Table(
                    name="appendix", columns=tuple(edition.plain(c.title) for c in appendix.columns), rows=rows
                ),
                widths_mm=tuple(column.width for column in appendix.columns),
                landscape=appendix.landscape,
            )
        )
    return tuple(pages)


def build_plan(edition: Edition) -> Document:
    plan = edition.plan
    meta = plan.document
    blocks = [block for part in plan_parts(edition) for block in part.blocks]
    title = edition.plain(meta.title)
    symbol = f"{meta.type_code}-{edition.issuer.code}"
    return Document(
        header=header(edition, symbol, number=meta.number, date=meta.date),
        type_name=meta.type_name,
        title=title,
        addressees=(),
        blocks=with_closing(blocks),
        signature=signature(edition),
        recipients=wording.list_lines([recipient_name(edition, line) for line in plan.recipients], plan.archive),
        info=DocumentInfo(
            title=f"{meta.type_name.capitalize()} {wording.lower_first(title)}",
            author=issuer_name(edition),
            created=issue_date(edition),
            reference=wording.reference(meta.number, symbol),
        ),
        appendices=appendix_pages(edition),
    )
