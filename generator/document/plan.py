"""Build the plan (Kế hoạch) of an edition as a format-neutral document."""

from __future__ import annotations

from datetime import date

from ..content.edition import Edition
from ..content.schema import Assignment, Item, RecipientLine
from ..content.text import italic_runs
from . import wording
from .model import Block, Document, DocumentInfo, Header, Signature, Span


def spans(edition: Edition, raw: str, bold: bool = False) -> tuple[Span, ...]:
    """Content text as styled runs: italic markers read, then placeholders filled in."""
    return tuple(Span(edition.text(text), bold=bold, italic=italic) for text, italic in italic_runs(raw))


def paragraph(edition: Edition, raw: str, prefix: str = "") -> Block:
    runs = spans(edition, raw)
    if prefix:
        runs = (Span(prefix),) + runs
    return Block("paragraph", runs)


def heading(edition: Edition, label: str, title: str, bold: bool, run_in: str | None = None) -> Block:
    runs = spans(edition, f"{label} {title}", bold=bold)
    if run_in is None:
        return Block("heading", runs)
    return Block("paragraph", runs + (Span(" "),) + spans(edition, run_in))


def item_label(depth: int, index: int) -> str:
    """I. → 1. → a) → - for depths 1 to 4 and beyond (Decree 30, PL I §V row 6b)."""
    if depth == 1:
        return f"{wording.roman(index)}."
    if depth == 2:
        return f"{index}."
    if depth == 3:
        return f"{wording.point_letter(index)})"
    return "-"


def item_blocks(edition: Edition, item: Item, depth: int, index: int) -> list[Block]:
    label = item_label(depth, index)
    # Sections and titled clauses are bold; points and below are regular (HL1).
    bold = depth <= 2
    paragraphs = list(item.paragraphs)
    blocks: list[Block] = []
    if item.title is not None:
        run_in = paragraphs.pop(0) if item.run_in and paragraphs else None
        blocks.append(heading(edition, label, item.title, bold, run_in))
    elif paragraphs:
        blocks.append(paragraph(edition, paragraphs.pop(0), prefix=f"{label} "))
    dash = "- " if item.dashed else ""
    blocks += [paragraph(edition, text, prefix=dash) for text in paragraphs]
    for child_index, child in enumerate(item.items, start=1):
        blocks += item_blocks(edition, child, depth + 1, child_index)
    return blocks


def assignment_heading(edition: Edition, assignment: Assignment) -> str:
    agency = edition.agency(assignment.agency)
    name = agency.name if agency.relation == "giao" else f"Đề nghị {wording.within_sentence(agency.name)}"
    return f"{name}{assignment.heading_suffix or ''}:"


def assignment_blocks(edition: Edition, assignment: Assignment, index: int) -> list[Block]:
    blocks = [Block("heading", (Span(f"{index}. {assignment_heading(edition, assignment)}", bold=True),))]
    # Several tasks are listed with dashes; a single task is a plain paragraph.
    dash = "- " if len(assignment.tasks) > 1 else ""
    return blocks + [paragraph(edition, task, prefix=dash) for task in assignment.tasks]


def recipient_name(edition: Edition, line: RecipientLine) -> str:
    if line.agency is not None:
        return edition.agency(line.agency).short_name
    if line.group is not None:
        return edition.group_name(line.group)
    return edition.text(line.text)


def header(edition: Edition, symbol: str, subject_lines: tuple[str, ...] = ()) -> Header:
    meta = edition.plan.document
    return Header(
        parent_agency=edition.text(meta.parent_agency).upper() if meta.parent_agency else None,
        agency_lines=tuple(edition.text(line).upper() for line in meta.agency_lines),
        number_line=wording.number_line(meta.number, symbol),
        place_date=wording.place_date(meta.place, meta.date),
        subject_lines=subject_lines,
    )


def signature(edition: Edition) -> Signature:
    sig = edition.plan.signature
    lines = tuple(line.upper() for line in (sig.authority, sig.title) if line)
    return Signature(lines=lines, name=sig.name)


def issue_date(edition: Edition) -> date:
    """The date a document carries in its metadata: the issue date, its unknown parts as 1."""
    when = edition.plan.document.date
    return date(when.year, when.month or 1, when.day or 1)


def build_plan(edition: Edition) -> Document:
    plan = edition.plan
    meta = plan.document
    blocks = [paragraph(edition, text) for text in plan.opening]
    for index, section in enumerate(plan.sections, start=1):
        blocks += item_blocks(edition, section, 1, index)
    organisation = len(plan.sections) + 1
    blocks.append(heading(edition, f"{wording.roman(organisation)}.", plan.organisation_title, bold=True))
    for index, assignment in enumerate(plan.assignments, start=1):
        blocks += assignment_blocks(edition, assignment, index)
    blocks += [paragraph(edition, text) for text in plan.closing]
    title = edition.text(meta.title)
    return Document(
        header=header(edition, f"{meta.type_code}-{meta.agency_code}"),
        type_name=meta.type_name,
        title=title,
        addressees=(),
        blocks=tuple(blocks),
        signature=signature(edition),
        recipients=wording.list_lines([recipient_name(edition, line) for line in plan.recipients], plan.archive),
        info=DocumentInfo(title=f"{meta.type_name.capitalize()} {title}", author=" ".join(edition.text(l) for l in meta.agency_lines), created=issue_date(edition)),
    )
