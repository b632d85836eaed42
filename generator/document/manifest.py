"""The distribution list: what goes to whom, and the checks the build made."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.distribution import Distribution, Recipient
from ..content.edition import Edition
from . import wording
from .parts import letter_number, report_deadline, reported_indicators
from .plan import recipient_name
from .report_form import task_count, unconfirmed_numbers, unknown_indicators


@dataclass(frozen=True)
class DocumentFiles:
    """One document in both formats, as paths relative to output/<year>/."""

    title: str  # "Công văn", "Biểu mẫu báo cáo", "Kế hoạch"
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

    @property
    def columns(self) -> tuple[str, ...]:
        return (
            "STT",
            "Nơi nhận",
            "Tên viết tắt",
            "Loại nơi nhận",
            "Số nhiệm vụ",
            "Số chỉ tiêu báo cáo",
            "Số công văn",
            "Hạn báo cáo",
            *self.document_titles,
            *(document.title for document in self.plan),
            "Có trong Nơi nhận của kế hoạch",
        )


def unknown_indicator_lines(edition: Edition, recipients) -> tuple[str, ...]:
    """One line per indicator a recipient reports whose wording chi-tieu.yaml lacks (noi_dung: null):
    its letter and form print a blank to fill in by hand."""
    by_indicator: dict[str, list[str]] = {}
    for label, short_name in unknown_indicators(edition, recipients):
        by_indicator.setdefault(label, []).append(short_name)
    unconfirmed: dict[tuple[str, str], list[str]] = {}
    for label, note, short_name in unconfirmed_numbers(edition, recipients):
        unconfirmed.setdefault((label, note), []).append(short_name)
    return tuple(
        f"Chú ý: {label} chưa được ghi nội dung trong tệp chỉ tiêu (chi-tieu.yaml); công văn và biểu mẫu của "
        f"{', '.join(names)} in chỗ trống để ghi tay."
        for label, names in by_indicator.items()
    ) + tuple(
        f"Chú ý: số thứ tự của {label} chưa được xác nhận (chi-tieu.yaml, so_chua_xac_nhan); công văn và biểu "
        f"mẫu của {', '.join(names)} ghi “({note})” sau số chỉ tiêu."
        for (label, note), names in unconfirmed.items()
    )


def _letter_number(edition: Edition, recipient: Recipient) -> str:
    number, _ = letter_number(edition, recipient)
    if number is None:
        return "chưa có số (ghi khi vào sổ)"
    return wording.number_line(number, edition.letters.symbol)


def _what_is_sent(edition: Edition, distribution: Distribution, line) -> str:
    """What a line of the plan's Nơi nhận is sent, in a clerk's words."""
    by_entry: dict[str, list[Recipient]] = {}
    for recipient in distribution.recipients:
        by_entry.setdefault(recipient.entry, []).append(recipient)
    assigned = {agency_id for assignment in edition.plan.assignments for agency_id in assignment.agencies}
    not_served = {item.agency.id: item.reason for item in distribution.not_served}

    def agency_sent(agency_id: str) -> str:
        served = by_entry.get(agency_id, [])
        if agency_id in not_served:
            return f"kế hoạch; không có công văn riêng: {not_served[agency_id]}"
        if len(served) > 1 or (served and served[0].id != agency_id):
            return f"kế hoạch; mỗi đơn vị một công văn{' và biểu mẫu báo cáo' if served[0].reports else ''} ({len(served)} đơn vị, xem bảng nơi nhận công văn)"
        if served:
            return "kế hoạch, công văn" + (" và biểu mẫu báo cáo" if served[0].reports else " (không đề nghị báo cáo)")
        if agency_id not in assigned:
            return "kế hoạch, để biết (không có nhiệm vụ ở mục Tổ chức thực hiện nên không có công văn)"
        return "kế hoạch"

    if line.agency is not None:
        return agency_sent(line.agency)
    if line.group is not None:
        members = [a for a in edition.registry.agencies if line.group in a.groups]
        with_letter = [edition.plain(a.short_name) for a in members if a.id in by_entry]
        without = [
            f"{edition.plain(a.short_name)} ({not_served.get(a.id, 'không có nhiệm vụ ở mục Tổ chức thực hiện')})"
            for a in members
            if a.id not in by_entry
        ]
        return (
            f"kế hoạch; {len(with_letter)} trong {len(members)} cơ quan của nhóm có công văn riêng"
            + (f" ({', '.join(with_letter)})" if with_letter else "")
            + (f"; không có công văn riêng: {'; '.join(without)}" if without else "")
        )
    return "kế hoạch, để biết (nơi nhận ghi tự do, không có công văn)"


def build_manifest(
    edition: Edition,
    distribution: Distribution,
    document_titles: tuple[str, ...],
    by_recipient: dict[str, dict[str, DocumentFiles]],
    plan: tuple[DocumentFiles, ...],
) -> Manifest:
    rows = tuple(
        ManifestRow(
            number=number,
            name=recipient.name,
            short_name=recipient.short_name,
            relation=edition.plain(recipient.kind.name),
            tasks=task_count(edition, recipient),
            indicators=len(reported_indicators(edition, recipient)),
            letter_number=_letter_number(edition, recipient),
            deadline=report_deadline(edition, recipient) if recipient.reports else "không đề nghị báo cáo",
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
    considered = len(rows) + len(distribution.not_served)
    checks = (
        f"{len(rows)}/{len(rows)} nơi nhận công văn có trong Nơi nhận của kế hoạch (trực tiếp hoặc qua nhóm).",
        f"{considered}/{considered} nơi nhận ở phần Tổ chức thực hiện đã được xét (mỗi đơn vị của một danh sách "
        f"là một nơi nhận): {len(rows)} được gửi công văn, {len(distribution.not_served)} không gửi (có ghi lý do).",
        f"{len(rows)}/{len(rows)} nơi nhận công văn có ít nhất một nhiệm vụ.",
        *unknown_indicator_lines(edition, distribution.recipients),
    )
    meta = edition.plan.document
    return Manifest(
        title=f"Danh sách gửi văn bản: {wording.sentence_case(meta.type_name)} {wording.lower_first(edition.plain(meta.title))}",
        plan=plan,
        document_titles=document_titles,
        rows=rows,
        plan_lines=plan_lines,
        not_served=tuple((edition.plain(item.agency.name), item.reason) for item in distribution.not_served),
        checks=checks,
    )
