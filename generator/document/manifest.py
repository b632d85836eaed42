"""The distribution list: what goes to whom, and the checks the build made."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.distribution import Distribution, Recipient
from ..content.edition import Edition
from ..content.schema import DistributionWording
from . import wording
from .parts import letter_number, report_deadline, reported_indicators
from .plan import recipient_name
from .report_form import task_count, unconfirmed_numbers, unknown_indicators


@dataclass(frozen=True)
class DocumentFiles:
    """One document in both formats, as paths relative to output/<year>/."""

    title: str  # the document's name in loi-van.yaml (danh_sach_gui.van_ban), e.g. "Công văn"
    docx: str
    pdf: str


@dataclass(frozen=True)
class ManifestRow:
    number: int
    name: str
    short_name: str
    relation: str  # the name of its kind of recipient
    tasks: int  # its task paragraphs and points a), b)…, a lead-in of points not counted
    indicators: int
    letter_number: str  # "Số: 125/UBND-VX", or that it has none yet
    deadline: str  # its report's deadline, or that it is not asked for one
    documents: tuple[DocumentFiles | None, ...]  # one per recipient kind of document (None: not sent to it)
    reached_by: str  # how the plan's Nơi nhận reaches the recipient


@dataclass(frozen=True)
class PlanLine:
    """One line of the plan's Nơi nhận and what that recipient is sent."""

    number: int
    text: str
    sent: str


@dataclass(frozen=True)
class Manifest:
    title: str
    plan: tuple[DocumentFiles, ...]
    document_titles: tuple[str, ...]  # the kinds of document sent to each recipient, in column order
    rows: tuple[ManifestRow, ...]
    plan_lines: tuple[PlanLine, ...]
    not_served: tuple[tuple[str, str], ...]  # (agency name, why no letter)
    checks: tuple[str, ...]  # one sentence per check made, with its count
    words: DistributionWording  # the labels and headings of loi-van.yaml (danh_sach_gui)

    @property
    def columns(self) -> tuple[str, ...]:
        names = self.words.columns
        return (
            names.number,
            names.name,
            names.short_name,
            names.kind,
            names.tasks,
            names.indicators,
            names.letter_number,
            names.deadline,
            *self.document_titles,
            *(document.title for document in self.plan),
            names.reached_by,
        )


def unknown_indicator_lines(edition: Edition, recipients) -> tuple[str, ...]:
    """One line per indicator a recipient reports whose wording chi-tieu.yaml lacks (noi_dung: null):
    its letter and form print a blank to fill in by hand."""
    words = edition.words.distribution.checks
    by_indicator: dict[str, list[str]] = {}
    for label, short_name in unknown_indicators(edition, recipients):
        by_indicator.setdefault(label, []).append(short_name)
    unconfirmed: dict[tuple[str, str], list[str]] = {}
    for label, note, short_name in unconfirmed_numbers(edition, recipients):
        unconfirmed.setdefault((label, note), []).append(short_name)
    return tuple(
        edition.plain(words.unknown_indicator, chi_tieu=label, noi_nhan=", ".join(names))
        for label, names in by_indicator.items()
    ) + tuple(
        edition.plain(words.unconfirmed, chi_tieu=label, noi_nhan=", ".join(names), ghi_chu=note)
        for (label, note), names in unconfirmed.items()
    )


def _letter_number(edition: Edition, recipient: Recipient) -> str:
    number, _ = letter_number(edition, recipient)
    if number is None:
        return edition.plain(edition.words.distribution.no_number)
    return wording.number_line(number, edition.letters.symbol)


def _what_is_sent(edition: Edition, distribution: Distribution, line) -> str:
    """What a line of the plan's Nơi nhận is sent, in a clerk's words."""
    words = edition.words.distribution.sent
    by_entry: dict[str, list[Recipient]] = {}
    for recipient in distribution.recipients:
        by_entry.setdefault(recipient.entry, []).append(recipient)
    assigned = {agency_id for assignment in edition.plan.assignments for agency_id in assignment.agencies}
    not_served = {item.agency.id: item.reason for item in distribution.not_served}

    def agency_sent(agency_id: str) -> str:
        served = by_entry.get(agency_id, [])
        if agency_id in not_served:
            return edition.plain(words.not_served, ly_do=not_served[agency_id])
        if len(served) > 1 or (served and served[0].id != agency_id):
            per_unit = words.per_unit_reports if served[0].reports else words.per_unit
            return edition.plain(per_unit, so_don_vi=str(len(served)))
        if served:
            return edition.plain(words.letter_reports if served[0].reports else words.letter)
        if agency_id not in assigned:
            return edition.plain(words.for_information)
        return edition.plain(words.plan_only)

    if line.agency is not None:
        return agency_sent(line.agency)
    if line.group is not None:
        return _group_sent(edition, line.group, by_entry, not_served)
    return edition.plain(words.free_text)


def _group_sent(edition: Edition, group: str, by_entry: dict, not_served: dict[str, str]) -> str:
    """What a group's line of the plan's Nơi nhận is sent: which of its agencies have letters."""
    words = edition.words.distribution.sent
    members = [a for a in edition.registry.agencies if group in a.groups]
    with_letter = [edition.plain(a.short_name) for a in members if a.id in by_entry]
    without = [
        edition.plain(
            words.with_reason,
            ten=edition.plain(a.short_name),
            ly_do=not_served.get(a.id) or edition.plain(words.no_tasks),
        )
        for a in members
        if a.id not in by_entry
    ]
    sentence = edition.plain(words.group, so=str(len(with_letter)), tong=str(len(members)))
    if with_letter:
        sentence = edition.plain(words.group_with_letters, cau=sentence, danh_sach=", ".join(with_letter))
    if without:
        sentence = edition.plain(words.group_without_letters, cau=sentence, danh_sach="; ".join(without))
    return sentence


def build_manifest(
    edition: Edition,
    distribution: Distribution,
    document_titles: tuple[str, ...],
    by_recipient: dict[str, dict[str, DocumentFiles]],
    plan: tuple[DocumentFiles, ...],
) -> Manifest:
    words = edition.words.distribution
    rows = tuple(
        ManifestRow(
            number=number,
            name=recipient.name,
            short_name=recipient.short_name,
            relation=edition.plain(recipient.kind.name),
            tasks=task_count(edition, recipient),
            indicators=len(reported_indicators(edition, recipient)),
            letter_number=_letter_number(edition, recipient),
            deadline=report_deadline(edition, recipient) if recipient.reports else edition.plain(words.no_report),
            documents=tuple(by_recipient[recipient.key].get(title) for title in document_titles),
            reached_by=recipient.reached_by,
        )
        for number, recipient in enumerate(distribution.recipients, start=1)
    )
    plan_lines = tuple(
        PlanLine(number, recipient_name(edition, line), _what_is_sent(edition, distribution, line))
        for number, line in enumerate(edition.plan.recipients, start=1)
    )
    # Counted in units: each unit of a list that gets letters of its own is one, as in the table.
    served, left = len(rows), len(distribution.not_served)
    considered = served + left
    checks = (
        edition.plain(words.checks.in_recipients, so=str(served), tong=str(served)),
        edition.plain(
            words.checks.considered,
            so=str(considered),
            tong=str(considered),
            so_gui=str(served),
            so_khong_gui=str(left),
        ),
        edition.plain(words.checks.with_tasks, so=str(served), tong=str(served)),
        *unknown_indicator_lines(edition, distribution.recipients),
    )
    meta = edition.plan.document
    return Manifest(
        title=edition.plain(
            words.title,
            ten_loai=wording.sentence_case(meta.type_name),
            trich_yeu=wording.lower_first(edition.plain(meta.title)),
        ),
        plan=plan,
        document_titles=document_titles,
        rows=rows,
        plan_lines=plan_lines,
        not_served=tuple((edition.plain(item.agency.name), item.reason) for item in distribution.not_served),
        checks=checks,
        words=edition.labels(words),
    )
