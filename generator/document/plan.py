"""Build the plan (Kế hoạch) of an edition as a format-neutral document."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..content.edition import Edition
from ..content.schema import Assignment, Item, RecipientLine
from . import wording
from .model import Block, Document, DocumentInfo, Span
from .parts import issuer_name, header, heading, issue_date, paragraph, signature, task_blocks, with_closing


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


def assignment_heading(edition: Edition, assignment: Assignment) -> str:
    agency = edition.agency(assignment.agency)
    name = agency.name if agency.relation == "giao" else f"Đề nghị {wording.within_sentence(agency.name)}"
    suffix = f" {assignment.heading_suffix}" if assignment.heading_suffix else ""
    return f"{name}{suffix}:"


def recipient_name(edition: Edition, line: RecipientLine) -> str:
    if line.agency is not None:
        return edition.agency(line.agency).short_name
    if line.group is not None:
        return edition.group_name(line.group)
    return edition.text(line.text)


@dataclass(frozen=True)
class PlanPart:
    """A run of the plan's body blocks: the opening, one top-level section, section IV's heading,
    one agency's entry in section IV, or the closing. Used to compare two editions part by part."""

    kind: str  # "opening", "section", "organisation", "agency" or "closing"
    key: str  # the same part in two editions has the same key: the section title, the agency id…
    blocks: tuple[Block, ...]
    agency: str | None = None  # the agency id of an "agency" part


def plan_parts(edition: Edition) -> list[PlanPart]:
    """The plan's body blocks, in order, grouped by section and, in section IV, by agency."""
    plan = edition.plan
    parts = [PlanPart("opening", "opening", tuple(paragraph(edition, text) for text in plan.opening))]
    for index, section in enumerate(plan.sections, start=1):
        key = section.title if section.title is not None else f"#{index}"
        parts.append(PlanPart("section", key, tuple(item_blocks(edition, section, 1, index))))
    organisation = len(plan.sections) + 1
    parts.append(PlanPart("organisation", "organisation", (
        replace(heading(edition, f"{wording.roman(organisation)}.", plan.organisation_title, bold=True), outline=1),)))
    for index, assignment in enumerate(plan.assignments, start=1):
        head = Block("heading", (Span(f"{index}. {assignment_heading(edition, assignment)}", bold=True),), outline=2)
        parts.append(PlanPart("agency", assignment.agency, (head, *task_blocks(edition, assignment.tasks)), assignment.agency))
    parts.append(PlanPart("closing", "closing", tuple(paragraph(edition, text) for text in plan.closing)))
    return parts


def build_plan(edition: Edition) -> Document:
    plan = edition.plan
    meta = plan.document
    blocks = [block for part in plan_parts(edition) for block in part.blocks]
    title = edition.text(meta.title)
    symbol = f"{meta.type_code}-{meta.agency_code}"
    return Document(
        header=header(edition, symbol),
        type_name=meta.type_name,
        title=title,
        addressees=(),
        blocks=with_closing(blocks),
        signature=signature(edition),
        recipients=wording.list_lines([recipient_name(edition, line) for line in plan.recipients], plan.archive),
        info=DocumentInfo(title=f"{meta.type_name.capitalize()} {title}", author=issuer_name(edition), created=issue_date(edition),
                          reference=wording.reference(meta.number, symbol)),
    )
