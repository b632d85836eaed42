"""The kinds of document an edition produces, as data: template, output path, one per what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from collections.abc import Callable, Iterator

from .content.distribution import Recipient, distribution
from .content.edition import Edition
from .document.decision import build_decision
from .document.letter import build_letter
from .document.model import Document
from .document.plan import build_plan
from .document.report_form import build_report_form


@dataclass(frozen=True)
class DocumentKind:
    id: str
    title: str  # what the clerk calls it, in the distribution list
    per: Literal[
        "plan", "recipient", "reporter"
    ]  # one for the plan, one for each recipient of a letter, or one for each asked to report
    docx_template: str  # a file in templates/
    html_template: str  # a file in templates/html/
    output: str  # path under output/<year>/ without extension; {key} is the recipient's file key
    build: Callable[..., Document]  # (edition) for a plan kind, (edition, recipient) for a recipient kind
    applies: Callable[[Edition], bool] = lambda edition: True  # whether the edition has this document at all


KINDS: tuple[DocumentKind, ...] = (
    # A plan issued by a Quyết định is the decision's attachment, with no number of its own: the
    # one document is quyet-dinh.*, and no separate ke-hoach.* contradicts it.
    DocumentKind(
        "ke-hoach",
        "Kế hoạch",
        "plan",
        "van-ban.docx",
        "van-ban.html",
        "ke-hoach",
        build_plan,
        applies=lambda edition: edition.decision is None,
    ),
    DocumentKind(
        "quyet-dinh",
        "Quyết định ban hành kế hoạch",
        "plan",
        "van-ban.docx",
        "van-ban.html",
        "quyet-dinh",
        build_decision,
        applies=lambda edition: edition.decision is not None,
    ),
    DocumentKind(
        "cong-van", "Công văn", "recipient", "van-ban.docx", "van-ban.html", "{key}/cong-van-{key}", build_letter
    ),
    DocumentKind(
        "bao-cao",
        "Biểu mẫu báo cáo",
        "reporter",
        "van-ban.docx",
        "van-ban.html",
        "{key}/bao-cao-{key}",
        build_report_form,
    ),
)


@dataclass(frozen=True)
class Job:
    """One document to make: its kind, where it goes, and how to build it."""

    kind: DocumentKind
    stem: str  # output path under output/<year>/, without extension
    recipient: Recipient | None

    def document(self, edition: Edition) -> Document:
        if self.recipient is None:
            return self.kind.build(edition)
        return self.kind.build(edition, self.recipient)


def jobs(edition: Edition) -> Iterator[Job]:
    recipients = distribution(edition)[0].recipients
    for kind in KINDS:
        if not kind.applies(edition):
            continue
        if kind.per == "plan":
            yield Job(kind, kind.output, None)
        else:
            for recipient in recipients:
                if kind.per == "recipient" or recipient.reports:
                    yield Job(kind, kind.output.format(key=recipient.key), recipient)
