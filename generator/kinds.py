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
from .document.parts import ReportingPeriod, form_periods
from .document.plan import build_plan
from .document.report_form import build_report_form


@dataclass(frozen=True)
class DocumentKind:
    id: str
    title: str  # the field of loi-van.yaml's danh_sach_gui.van_ban that names it in the distribution list
    per: Literal[
        "plan", "recipient", "reporter"
    ]  # one for the plan, one for each recipient of a letter, or one for each asked to report
    docx_template: str  # a file in templates/
    html_template: str  # a file in templates/html/
    output: str  # path under output/<year>/ without extension; {key}: the recipient's file key, {ky}: "-<period key>" of a period's form
    build: Callable[..., Document]  # (edition) for a plan kind, (edition, recipient[, period]) for a recipient kind
    applies: Callable[[Edition], bool] = lambda edition: True  # whether the edition has this document at all


KINDS: tuple[DocumentKind, ...] = (
    # A plan issued by a Quyết định is the decision's attachment, with no number of its own: the
    # one document is quyet-dinh.*, and no separate ke-hoach.* contradicts it.
    DocumentKind(
        "ke-hoach",
        "plan",
        "plan",
        "van-ban.docx",
        "van-ban.html",
        "ke-hoach",
        build_plan,
        applies=lambda edition: edition.decision is None,
    ),
    DocumentKind(
        "quyet-dinh",
        "decision",
        "plan",
        "van-ban.docx",
        "van-ban.html",
        "quyet-dinh",
        build_decision,
        applies=lambda edition: edition.decision is not None,
    ),
    DocumentKind(
        "cong-van", "letter", "recipient", "van-ban.docx", "van-ban.html", "{key}/cong-van-{key}", build_letter
    ),
    DocumentKind(
        "bao-cao",
        "form",
        "reporter",
        "van-ban.docx",
        "van-ban.html",
        "{key}/bao-cao-{key}{ky}",
        build_report_form,
    ),
)


@dataclass(frozen=True)
class Job:
    """One document to make: its kind, where it goes, and how to build it."""

    kind: DocumentKind
    stem: str  # output path under output/<year>/, without extension
    recipient: Recipient | None
    period: ReportingPeriod | None = None  # a multi-year plan's form: the period it reports on

    def title(self, edition: Edition) -> str:
        """What the distribution list calls it: a period's form with the period's name."""
        return _title(edition, self.kind, self.period)

    def document(self, edition: Edition) -> Document:
        if self.recipient is None:
            return self.kind.build(edition)
        if self.kind.per == "reporter":
            return self.kind.build(edition, self.recipient, self.period)
        return self.kind.build(edition, self.recipient)


def _title(edition: Edition, kind: DocumentKind, period: ReportingPeriod | None) -> str:
    names = edition.words.distribution.documents
    name = edition.plain(getattr(names, kind.title))
    return edition.plain(names.form_of_period, van_ban=name, ky_bao_cao=period.name) if period is not None else name


def document_titles(edition: Edition) -> tuple[str, ...]:
    """The documents each recipient may be sent, in the distribution list's column order."""
    return tuple(
        _title(edition, kind, period)
        for kind in KINDS
        if kind.per != "plan" and kind.applies(edition)
        for period in (form_periods(edition) if kind.per == "reporter" else (None,))
    )


def jobs(edition: Edition) -> Iterator[Job]:
    recipients = distribution(edition)[0].recipients
    for kind in KINDS:
        if not kind.applies(edition):
            continue
        if kind.per == "plan":
            yield Job(kind, kind.output, None)
        else:
            for recipient in recipients:
                if kind.per == "recipient":
                    yield Job(kind, kind.output.format(key=recipient.key), recipient)
                elif recipient.reports:
                    for period in form_periods(edition):
                        ky = f"-{period.key}" if period is not None else ""
                        yield Job(kind, kind.output.format(key=recipient.key, ky=ky), recipient, period)
