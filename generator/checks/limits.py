"""What the writers can take, in the shape of the content: at most as many lettered points as
there are letters, dates in order and near the plan's year. (Characters: checks.text; the
source files themselves: content.source.)"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..content.schema import Item, PartialDate
from ..errors import Problem
from .common import at

LETTERED_POINTS = 23  # a) … y): the letters of the Vietnamese alphabet used for points
YEARS_AHEAD = 1  # a deadline may fall in the year after the plan's, not later


def _too_many(count: int) -> str:
    return (
        f"có {count} điểm a), b), c)…, quá {LETTERED_POINTS} chữ cái dùng để đánh điểm; tách mục này "
        "thành nhiều mục hoặc gộp bớt điểm"
    )


def _points(items: list[Item], depth: int, key: str) -> Iterator[Problem]:
    """Items at depth 3 are lettered a), b) …: no more than there are letters."""
    for index, item in enumerate(items, start=1):
        where = f"{key}[{index}].muc"
        if depth + 1 == 3 and len(item.items) > LETTERED_POINTS:
            yield at(item.origin, f"items[{LETTERED_POINTS + 1}]", where, _too_many(len(item.items)))
        yield from _points(item.items, depth + 1, where)


def points(edition: Edition) -> Iterator[Problem]:
    """The sections' lettered points, and an entry's points (lettered a), b)… too)."""
    yield from _points(edition.plan.sections, 1, "noi_dung")
    yield from _points(edition.plan.sections_after, 1, "noi_dung_sau")
    for number, assignment in enumerate(edition.plan.assignments, start=1):
        if len(assignment.points) > LETTERED_POINTS:
            yield at(
                assignment.origin,
                f"points[{LETTERED_POINTS + 1}]",
                f"to_chuc_thuc_hien[{number}].muc",
                _too_many(len(assignment.points)),
            )


def _span(date: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a partial date can mean, as (year, month, day)."""
    first = (date.year, date.month or 1, date.day or 1)
    last = (date.year, date.month or 12, date.day or 31)
    return first, last


def deadlines(edition: Edition) -> Iterator[Problem]:
    """Each deadline in the plan's years (or the year after) and not before the plan is issued."""
    plan, year = edition.plan, edition.year
    issued = plan.document.date
    last = plan.document.last_year or year  # a multi-year plan reports until its last year
    dates = [
        (plan.reporting.deadline, "bao_cao.han_bao_cao"),
        (plan.reporting.summary_deadline, "bao_cao.han_tong_hop"),
        (plan.reporting.report_up.deadline if plan.reporting.report_up else None, "bao_cao.cap_tren.han"),
    ]
    dates += [
        (period.deadline, f"bao_cao.ky_bao_cao[{number}].han")
        for number, period in enumerate(plan.reporting.periods, start=1)
    ]
    for date, key in dates:
        if date is None:
            continue
        if not year <= date.year <= last + YEARS_AHEAD:
            yield date.origin.problem(
                "year",
                f"năm {date.year} không hợp lệ: hạn phải thuộc năm của kế hoạch "
                f"({year if last == year else f'{year}–{last}'}) hoặc năm sau đó",
            )
        elif _span(date)[1] < _span(issued)[0]:
            yield at(
                date.origin,
                "year",
                key,
                "hạn này trước ngày ban hành kế hoạch (van_ban.ngay_ban_hanh); kiểm tra ngày, tháng, năm",
            )


def action_month_order(edition: Edition) -> Iterator[Problem]:
    month = edition.plan.action_month
    if month is None:
        return
    start, end = month.month_day(month.start), month.month_day(month.end)
    if start and end and end < start:
        yield month.origin.problem(
            "end",
            f"ngày kết thúc ({month.end}) trước ngày bắt đầu ({month.start}) của Tháng hành động",
        )
