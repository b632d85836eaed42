"""`check`: validate an edition without building anything, and warn about what a clerk would want
to see before sending a draft up.

Errors are exactly those of the build (`load_edition` raises `ContentError`). Warnings are the
`Notice`s of the checks stage's NOTICE rules (generator/checks/, the RULES table), one per finding;
each names its kind, counted by the summary line in the order of KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checks import NOTICE, load_edition, problems
from ..errors import Notice
from ..files import display_path
from .common import existing_edition, newest_year

# The kinds of warning, in the order of the summary, with how the summary counts them.
KINDS = {
    "nam-cu": "nhắc năm trước",
    "ngay-ngoai-nam": "ngày ngoài năm của kế hoạch",
    "chi-tieu": "chỉ tiêu chưa có nội dung",
    "chi-tieu-ke-hoach": "chỉ tiêu của kế hoạch không giao báo cáo",
    "noi-nhan": "nơi nhận không có nhiệm vụ ở mục Tổ chức thực hiện",
    "muc-rong": "mục trống",
    "cau-truc": "mục lồng quá năm cấp",
    "thu-tu-han": "hạn báo cáo sớm hơn việc được báo cáo",
    "tep-thua": "tệp không được đọc",
    "so-ngay": "số và ngày công văn không đi cùng nhau",
    "kiem-tra": "chỗ make nhap đoán chưa được xác nhận",
    "so-chua-xac-nhan": "số thứ tự chỉ tiêu chưa xác nhận",
}


@dataclass(frozen=True)
class CheckResult:
    folder: Path
    year: int
    notices: tuple[Notice, ...]

    def counts(self) -> dict[str, int]:
        """Number of warnings of each kind that occurs, in the order of KINDS."""
        return {kind: n for kind in KINDS if (n := sum(1 for notice in self.notices if notice.kind == kind))}


def check(content: Path, year: int | None = None) -> CheckResult:
    """Validate the edition of `year` (default: the newest) and collect its warnings."""
    folder = existing_edition(content, year if year is not None else newest_year(content))
    edition = load_edition(folder)
    notices = [notice for notice in problems(edition, NOTICE) if isinstance(notice, Notice)]
    # By file and line; on one line, in the order found (the order of the text).
    return CheckResult(folder, edition.year, tuple(sorted(notices, key=lambda n: (n.path, n.line))))


def summary(result: CheckResult, strict: bool) -> str:
    """The last line of `generator check`."""
    where = display_path(result.folder)
    if not result.notices:
        return f"Kiểm tra {where}: không có lỗi, không có cảnh báo."
    counts = ", ".join(f"{n} {KINDS[kind]}" for kind, n in result.counts().items())
    line = f"Kiểm tra {where}: không có lỗi, {len(result.notices)} cảnh báo ({counts})."
    if strict:
        line += " Có STRICT=1 nên cảnh báo được tính là lỗi."
    return line
