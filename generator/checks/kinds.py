"""Rules on the kinds of recipient (loai-noi-nhan.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import at, unique

COLON_ADDED = "bỏ dấu hai chấm ở cuối: chương trình tự thêm dấu “:” sau tiêu đề mục của cơ quan"


def headings_without_colon(edition: Edition) -> Iterator[Problem]:
    """A kind's heading in section IV gets its colon from the program."""
    for kind in edition.kinds.kinds:
        if kind.heading.rstrip().endswith(":"):
            yield kind.origin.problem("heading", COLON_ADDED)


def unique_ids(edition: Edition) -> Iterator[Problem]:
    yield from unique(edition.kinds.kinds, "id", "loai.ma", "mã loại nơi nhận")


def forms(edition: Edition) -> Iterator[Problem]:
    """A kind with a report form is asked for a report and has the form's signature lines."""
    for number, kind in enumerate(edition.kinds.kinds, start=1):
        if kind.form != "khong" and kind.report is None:
            yield kind.origin.problem(
                "form",
                "loại nơi nhận không được đề nghị báo cáo (bao_cao: null) thì ghi bieu_mau: khong",
            )
        if kind.form != "khong" and not kind.form_signer:
            yield at(kind.origin, "form", f"loai[{number}].ky_bieu_mau", "thiếu các dòng ký của biểu mẫu báo cáo")
