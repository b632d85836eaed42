"""The distribution list: what goes to whom, and the checks the build made."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.distribution import Distribution
from ..content.edition import Edition

RELATION = {"giao": "Giao nhiệm vụ", "de_nghi": "Đề nghị phối hợp"}


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
    relation: str
    tasks: int
    indicators: int
    documents: tuple[DocumentFiles, ...]  # what this recipient is sent, besides the plan
    reached_by: str  # how the plan's Nơi nhận reaches the recipient


@dataclass(frozen=True)
class Manifest:
    title: str
    plan: tuple[DocumentFiles, ...]
    rows: tuple[ManifestRow, ...]
    not_served: tuple[tuple[str, str], ...]  # (agency name, why no letter)
    checks: tuple[str, ...]  # one sentence per check made, with its count

    @property
    def columns(self) -> tuple[str, ...]:
        titles = tuple(document.title for document in (self.rows[0].documents if self.rows else ()))
        return ("STT", "Nơi nhận", "Tên viết tắt", "Quan hệ", "Số nhiệm vụ", "Số chỉ tiêu báo cáo", *titles,
                *(document.title for document in self.plan), "Có trong Nơi nhận của kế hoạch")


def build_manifest(edition: Edition, distribution: Distribution,
                   by_recipient: dict[str, tuple[DocumentFiles, ...]], plan: tuple[DocumentFiles, ...]) -> Manifest:
    rows = tuple(
        ManifestRow(
            number=number,
            name=recipient.name,
            short_name=recipient.short_name,
            relation=RELATION[recipient.relation],
            tasks=len(recipient.tasks),
            indicators=sum(len(ref.indicators) for ref in recipient.indicators),
            documents=by_recipient[recipient.key],
            reached_by=recipient.reached_by,
        )
        for number, recipient in enumerate(distribution.recipients, start=1)
    )
    entries = len(edition.plan.assignments)
    served_entries = entries - len(distribution.not_served)
    checks = (
        f"{len(rows)}/{len(rows)} nơi nhận công văn có trong Nơi nhận của kế hoạch (trực tiếp hoặc qua nhóm).",
        f"{entries}/{entries} mục của phần Tổ chức thực hiện đã được xét: {served_entries} mục được gửi công văn, "
        f"{len(distribution.not_served)} mục không gửi (có ghi lý do).",
        f"{len(rows)}/{len(rows)} nơi nhận công văn có ít nhất một nhiệm vụ.",
    )
    return Manifest(
        title=f"Danh sách gửi văn bản Tháng hành động năm {edition.year}",
        plan=plan,
        rows=rows,
        not_served=tuple((item.agency.name, item.reason) for item in distribution.not_served),
        checks=checks,
    )
