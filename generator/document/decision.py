"""Build the Quyết định that issues a plan, with the plan attached after its signature."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..content.edition import Edition
from . import wording
from .model import Attachment, Block, Document, DocumentInfo, Span
from .parts import (
    decision_citation,
    decision_reference,
    header,
    issuer_name,
    paragraph,
    signature,
    spans,
    with_closing,
)
from .plan import appendix_pages, plan_parts, recipient_name


def plan_title(edition: Edition) -> str:
    """The plan's title inside a sentence: "Ban hành Kế hoạch phòng, chống …"."""
    return wording.lower_first(edition.plain(edition.plan.document.title))


def attached_plan(edition: Edition) -> Attachment:
    """The plan as the Quyết định's attachment: its title and "(Kèm theo …)" line, then its body."""
    meta = edition.plan.document
    return Attachment(
        type_name=meta.type_name,
        title=edition.plain(meta.title),
        note=edition.plain(
            edition.decision.attached_note,
            quyet_dinh=decision_reference(edition),
            quyet_dinh_day_du=decision_citation(edition),
        ),
        blocks=tuple(block for part in plan_parts(edition) for block in part.blocks),
    )


def decision_blocks(edition: Edition) -> list[Block]:
    """The authority line, the grounds, "QUYẾT ĐỊNH:" and the articles, numbered here."""
    decision = edition.decision
    values = {"trich_yeu_ke_hoach": plan_title(edition)}
    blocks = [Block("centred", (Span(edition.plain(decision.authority).upper(), bold=True),))]
    # The grounds in italic (Decree 30, Appendix I, II.6.a).
    blocks += [
        Block("paragraph", tuple(replace(span, italic=True) for span in spans(edition, line)))
        for line in decision.grounds
    ]
    blocks.append(Block("centred", (Span(edition.plain(decision.decides), bold=True),)))
    label = edition.plain(decision.article_label)
    for number, text in enumerate(decision.articles, start=1):
        body = paragraph(edition, text, **values)
        blocks.append(Block("paragraph", (Span(f"{label} {number}.", bold=True), Span(" "), *body.spans)))
    return blocks


def build_decision(edition: Edition) -> Document:
    decision = edition.decision
    title = edition.plain(decision.title, trich_yeu_ke_hoach=plan_title(edition))
    symbol = f"{decision.type_code}-{edition.issuer.code}"
    attached = attached_plan(edition)
    return Document(
        header=header(edition, symbol, number=decision.number, date=decision.date),
        type_name=decision.type_name,
        title=title,
        addressees=(),
        blocks=with_closing(decision_blocks(edition)),
        signature=signature(edition, decision.signature),
        recipients=wording.list_lines(
            [recipient_name(edition, line) for line in decision.recipients], edition.plan.archive
        ),
        info=DocumentInfo(
            title=f"{wording.sentence_case(decision.type_name)} {wording.lower_first(title)}",
            author=issuer_name(edition),
            created=date(decision.date.year, decision.date.month or 1, decision.date.day or 1),
            reference=wording.reference(decision.number, symbol),
        ),
        attached=attached,
        # The plan's appendices close the file, cited to the Quyết định as the plan itself is.
        appendices=tuple(replace(page, reference=attached.note) for page in appendix_pages(edition)),
    )
