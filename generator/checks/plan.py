"""Rules on the plan's own document lines (ke-hoach.yaml van_ban, thang_hanh_dong)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import check_date, check_day_month


def document(edition: Edition) -> Iterator[Problem]:
    """The plan's date is in the edition's year and exists; its number and years make sense."""
    meta = edition.plan.document
    if meta.date.year != edition.year:
        yield meta.date.origin.problem(
            "year",
            f"năm {meta.date.year} khác với năm của thư mục nội dung ({edition.year})",
        )
    yield from check_date(meta.date)
    if meta.number is not None and meta.number < 1:
        yield meta.origin.problem("number", "số văn bản phải lớn hơn 0")
    if (meta.first_year is None) != (meta.last_year is None) or (meta.first_year or 0) > (meta.last_year or 0):
        yield meta.origin.problem(
            "first_year",
            "kế hoạch nhiều năm ghi cả tu_nam và den_nam, tu_nam không sau den_nam",
        )


def action_month(edition: Edition) -> Iterator[Problem]:
    """The action month's first and last days exist in the edition's year."""
    month = edition.plan.action_month
    if month is None:
        return
    yield from check_day_month(month.start, month.origin, "start", edition.year)
    yield from check_day_month(month.end, month.origin, "end", edition.year)
