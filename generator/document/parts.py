"""Pieces shared by every kind of document: styled text, the page-1 header, tasks, the signature."""

from __future__ import annotations

from datetime import date

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..content.schema import IndicatorRef
from ..content.text import italic_runs
from . import wording
from .model import Block, Header, Signature, Span


def spans(edition: Edition, raw: str, bold: bool = False) -> tuple[Span, ...]:
    """Content text as styled runs: italic markers read, then placeholders filled in."""
    return tuple(Span(edition.text(text), bold=bold, italic=italic) for text, italic in italic_runs(raw))


def paragraph(edition: Edition, raw: str, prefix: str = "") -> Block:
    runs = spans(edition, raw)
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


def indicator_lines(edition: Edition, refs: list[IndicatorRef]) -> list[tuple[str, str | None, str | None]]:
    """(reference, text or None where the catalog has none, unit) for each indicator reported."""
    lines = []
    for ref in refs:
        for number in ref.indicators:
            indicator = edition.indicator(ref.objective, number)
            text = edition.text(indicator.text) if indicator.text else None
            lines.append((indicator_label(ref.objective, number), text, indicator.unit))
    return lines


def header(
    edition: Edition,
    symbol: str,
    *,
    parent: str | None = None,
    agency_lines: tuple[str, ...] | None = None,
    place: str | None = None,
    subject_lines: tuple[str, ...] = (),
    blank_date: bool = False,
) -> Header:
    """The page-1 header; by default that of the plan's issuing agency, dated as the plan."""
    meta = edition.plan.document
    if agency_lines is None:
        parent = edition.text(meta.parent_agency) if meta.parent_agency else None
        agency_lines = tuple(edition.text(line) for line in meta.agency_lines)
    when = meta.date
    if blank_date:
        when = type(when)(year=when.year)
    return Header(
        parent_agency=parent.upper() if parent else None,
        agency_lines=tuple(line.upper() for line in agency_lines),
        number_line=wording.number_line(None if blank_date else meta.number, symbol),
        place_date=wording.place_date(place or meta.place, when),
        subject_lines=subject_lines,
    )


def signature(edition: Edition) -> Signature:
    sig = edition.plan.signature
    lines = tuple(line.upper() for line in (sig.authority, sig.title) if line)
    return Signature(lines=lines, name=sig.name)


def issue_date(edition: Edition) -> date:
    """The date a document carries in its metadata: the plan's issue date, unknown parts as 1."""
    when = edition.plan.document.date
    return date(when.year, when.month or 1, when.day or 1)


def issuer_name(edition: Edition) -> str:
    """The plan's issuing agency on one line, as in a sentence: "Ủy ban nhân dân huyện Hớn Quản"."""
    return " ".join(edition.text(line) for line in edition.plan.document.agency_lines)


def collects_reports(edition: Edition, recipient: Recipient) -> bool:
    """True for the body the others report to (bao_cao.noi_nhan_bao_cao)."""
    return recipient.assignment.agency == edition.plan.reporting.receiver


def report_deadline(edition: Edition, recipient: Recipient) -> str:
    """When a recipient's report is due: the units' deadline, or for the body that collects the
    reports, the deadline of its summary (the units' deadline when the content gives none)."""
    reporting = edition.plan.reporting
    due = reporting.summary_deadline if collects_reports(edition, recipient) and reporting.summary_deadline else reporting.deadline
    return wording.short_date(due)
