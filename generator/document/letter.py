"""Build one assignment letter (công văn, Decree 30 Mẫu 1.5) for one recipient.

Every sentence comes from content: the recipient's kind (loai-noi-nhan.yaml) gives the opening,
the tasks heading, the report request and the closing; cong-van.yaml gives the rest.
"""

from __future__ import annotations

from ..content.distribution import Recipient
from ..content.edition import Edition
from . import wording
from .model import Block, Document, DocumentInfo, Span
from .parts import (
    collects_reports,
    header,
    issuer_name,
    issue_date,
    letter_number,
    letter_values,
    paragraph,
    reported_indicators,
    signature,
    with_closing,
)
from .plan import entry_blocks


def letter_subject(edition: Edition) -> str:
    return edition.plain(edition.letters.subject)


def indicator_line(edition: Edition, indicator) -> Block:
    """ "- Chỉ tiêu 2 của Mục tiêu 3 (số liệu …): wording", or where the wording is unknown, a blank to fill in."""
    text = indicator.text or edition.plain(edition.report_form.unknown_indicator)
    return Block("paragraph", (Span(f"- {indicator.reference}: {text}"),))


def _heading(number: int | None, title: str) -> Block:
    return Block("heading", (Span(title if number is None else f"{number}. {title}", bold=True),))


def build_letter(edition: Edition, recipient: Recipient) -> Document:
    plan, letters, kind = edition.plan, edition.letters, recipient.kind
    values = letter_values(edition, recipient)
    blocks: list[Block] = [paragraph(edition, kind.opening, **values)]
    sections = [(edition.plain(kind.tasks_heading), entry_blocks(edition, recipient.assignment))]
    indicators = reported_indicators(edition, recipient)
    if indicators:
        # One intro per source cited, each followed by the indicators taken from it.
        listed: list[Block] = []
        for source in dict.fromkeys(i.source for i in indicators):
            listed.append(paragraph(edition, letters.indicators_intro, nguon=source))
            listed += [indicator_line(edition, i) for i in indicators if i.source == source]
        sections.append((edition.plain(letters.indicators_heading), listed))
    if collects_reports(edition, recipient):
        sections.append((edition.plain(letters.report_heading), [paragraph(edition, letters.summary_report, **values)]))
    elif recipient.kind.report is not None:
        sections.append((edition.plain(letters.report_heading), [paragraph(edition, kind.report, **values)]))
    for number, (title, section) in enumerate(sections, start=1):
        # A lone section is not numbered: a "1." with no "2." reads as something left out.
        blocks += [_heading(number if len(sections) > 1 else None, title), *section]
    blocks.append(paragraph(edition, kind.closing, **values))
    entries = ["Như trên"]
    if recipient.reports and not collects_reports(edition, recipient):
        receiver = edition.agency(plan.reporting.receiver)
        entries.append(edition.plain(letters.receiver_copy, noi_tong_hop_viet_tat=edition.plain(receiver.short_name)))
    subject = letter_subject(edition)
    number, when = letter_number(edition, recipient)
    return Document(
        header=header(
            edition, letters.symbol, number=number, date=when, subject_lines=(f"V/v {wording.lower_first(subject)}",)
        ),
        type_name=None,
        title=None,
        addressees=(f"Kính gửi: {recipient.name}.",),
        blocks=with_closing(blocks),
        signature=signature(edition, letters.signature),
        recipients=wording.list_lines(entries, [*plan.archive, plan.document.drafting_unit]),
        info=DocumentInfo(
            title=f"Công văn: {subject} ({recipient.short_name})",
            author=issuer_name(edition),
            created=issue_date(edition),
            reference=wording.reference(number, letters.symbol),
        ),
    )
