"""A comparison of two editions' plans (commands/diff.py makes it), and its words.

What the writers show (writers/comparison.py): each part of the plan with its paragraphs as
pieces of unchanged, inserted and deleted text, the agencies whose tasks changed, the automatic
substitutions, and the summary lines in the clerk's words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal

from .model import BlockKind, Document

# Vietnam keeps one time all year, UTC+7 (Giờ Đông Dương), for every issuer the content can name. A
# fixed offset, not a zoneinfo name: Windows has no time-zone database without another package.
LOCAL_TIME = timezone(timedelta(hours=7))

Change = Literal["same", "ins", "del"]
Status = Literal["same", "added", "removed", "changed", "moved_from", "moved_to"]


@dataclass(frozen=True)
class Piece:
    """A run of a compared paragraph: unchanged, inserted or deleted text, with its style."""

    text: str
    change: Change
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ParagraphDiff:
    status: Status
    pieces: tuple[Piece, ...]
    kind: BlockKind = "paragraph"
    move: int | None = None  # links a moved_from paragraph to its moved_to, numbered from 1

    @property
    def heading(self) -> bool:
        return self.kind == "heading"

    @property
    def text(self) -> str:
        """The text as it reads in the new edition (empty for a removed or moved-away paragraph)."""
        return "".join(p.text for p in self.pieces if p.change != "del")

    @property
    def old_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.change != "ins")


PartKind = Literal[
    "header", "opening", "section", "organisation", "agency", "closing", "signature", "signer", "recipients"
]


@dataclass(frozen=True)
class PartDiff:
    kind: PartKind
    title: str  # as shown to the reader
    status: Literal["same", "changed", "added", "removed"]
    paragraphs: tuple[ParagraphDiff, ...]
    agency: str | None = None  # agency name, for an agency part

    def count(self, status: Status) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)

    @property
    def added(self) -> int:
        return self.count("added")

    @property
    def removed(self) -> int:
        return self.count("removed")

    @property
    def changed(self) -> int:
        return self.count("changed")

    @property
    def moved(self) -> int:
        return self.count("moved_to")

    @property
    def has_changes(self) -> bool:
        return any(p.status != "same" for p in self.paragraphs)


@dataclass(frozen=True)
class AgencyChange:
    """How one agency's tasks in section IV changed (its heading is not a task)."""

    name: str
    status: Literal["changed", "added", "removed"]
    tasks_added: int
    tasks_removed: int
    tasks_changed: int
    tasks_moved: int
    tasks: int  # its tasks in the new edition (in the old one when removed)


@dataclass(frozen=True)
class Substitution:
    """A paragraph the clerk left as typed that reads differently in the new edition."""

    part: str  # the title of its part
    old: str
    new: str
    reasons: tuple[str, ...]  # e.g. "{nam}: 2024 → 2025", "đánh số lại", "dòng ngày tháng"


@dataclass(frozen=True)
class Comparison:
    from_year: int
    to_year: int
    parts: tuple[PartDiff, ...]
    stamp: date  # the date of the comparison: of its tracked changes and of the review DOCX
    author: str  # the drafting office, the author of every tracked change
    agencies: tuple[AgencyChange, ...] = ()
    automatic: tuple[Substitution, ...] = ()
    plan: Document | None = field(default=None, compare=False, repr=False)  # the new edition's plan
    # When the comparison was made, in the issuer's local time: the time of its tracked changes.
    moment: datetime | None = None

    @property
    def revision_time(self) -> datetime:
        return self.moment if self.moment is not None else datetime.combine(self.stamp, time(), LOCAL_TIME)

    def total(self, status: Status) -> int:
        return sum(part.count(status) for part in self.parts)

    @property
    def has_changes(self) -> bool:
        return any(part.has_changes for part in self.parts)


# ---------------------------------------------------------------- words
STATUS_WORDS = {
    "same": "không đổi",
    "changed": "có thay đổi",
    "added": "mới thêm",
    "removed": "đã bỏ",
}

PART_COLUMNS = ["Phần của kế hoạch", "Tình trạng", "Đoạn thêm", "Đoạn bỏ", "Đoạn sửa", "Đoạn chuyển chỗ"]
TRACK_CHANGES_NOTE = (
    "Các thay đổi được ghi bằng chế độ theo dõi thay đổi (Track Changes): chữ thêm có gạch dưới, chữ bỏ bị gạch "
    "ngang. Trong Word, vào thẻ Review (Xem lại) để chấp nhận (Accept) hoặc từ chối (Reject) từng thay đổi."
)


def summary_heading(comparison: Comparison) -> str:
    return f"TÓM TẮT THAY ĐỔI SO VỚI KẾ HOẠCH NĂM {comparison.from_year}"


def title(comparison: Comparison) -> str:
    return f"So sánh kế hoạch năm {comparison.from_year} và năm {comparison.to_year}"


def summary_lines(comparison: Comparison) -> list[str]:
    """The short summary of the clerk's edits at the top of both outputs (and printed by the CLI)."""
    if not comparison.has_changes:
        if comparison.automatic:
            return [
                f"Không có chỗ nào được sửa: lời văn kế hoạch năm {comparison.to_year} giữ nguyên như năm {comparison.from_year}."
            ]
        return [
            f"Hai bản giống nhau: kế hoạch năm {comparison.to_year} không có thay đổi nào so với năm {comparison.from_year}."
        ]
    lines = [
        f"Tổng cộng: thêm {comparison.total('added')} đoạn, bỏ {comparison.total('removed')} đoạn, "
        f"sửa {comparison.total('changed')} đoạn, chuyển chỗ {comparison.total('moved_to')} đoạn."
    ]
    for change in comparison.agencies:
        if change.status == "added":
            lines.append(f"{change.name}: mới có trong kế hoạch, {change.tasks} nhiệm vụ.")
        elif change.status == "removed":
            lines.append(f"{change.name}: không còn trong kế hoạch (trước có {change.tasks} nhiệm vụ).")
        else:
            counts = [
                f"{word} {n} nhiệm vụ"
                for word, n in (
                    ("thêm", change.tasks_added),
                    ("bỏ", change.tasks_removed),
                    ("sửa", change.tasks_changed),
                    ("chuyển chỗ", change.tasks_moved),
                )
                if n
            ]
            lines.append(f"{change.name}: " + ", ".join(counts) + f"; nay có {change.tasks} nhiệm vụ.")
    return lines


def automatic_line(comparison: Comparison) -> str | None:
    """The automatic substitutions in one line: not edits, so apart from the summary."""
    if not comparison.automatic:
        return None
    reasons = Counter(reason for substitution in comparison.automatic for reason in substitution.reasons)
    return (
        f"Chương trình tự thay, không tính là sửa: {len(comparison.automatic)} đoạn ("
        + "; ".join(f"{reason} ở {count} đoạn" for reason, count in reasons.items())
        + ")."
    )
