"""Rules on the plan's reporting (ke-hoach.yaml bao_cao): who receives, by when."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..content.edition import Edition
from ..content.schema import MAX_REPORTING_PERIODS, PartialDate
from ..errors import Notice, Problem
from .common import at, check_date, date_key


def receiver(edition: Edition) -> Iterator[Problem]:
    reporting = edition.plan.reporting
    if reporting.receiver not in {a.id for a in edition.registry.agencies}:
        yield reporting.origin.problem(
            "receiver",
            f"không có cơ quan mã “{reporting.receiver}” trong co-quan.yaml",
        )


def _deadlines(edition: Edition) -> list[PartialDate]:
    """The units' deadlines in the order given: each period's, or the one deadline."""
    reporting = edition.plan.reporting
    return [period.deadline for period in reporting.periods] or [reporting.deadline] * (reporting.deadline is not None)


def deadlines(edition: Edition) -> Iterator[Problem]:
    """One deadline or periods, not both; each date exists; periods no more than the form has
    columns for, in the order of time."""
    reporting = edition.plan.reporting
    if (reporting.deadline is None) == (not reporting.periods):
        yield reporting.origin.problem(
            "deadline",
            "ghi một hạn báo cáo (han_bao_cao) hoặc các kỳ báo cáo (ky_bao_cao), không ghi cả hai",
        )
    if reporting.deadline is not None:
        yield from check_date(reporting.deadline)
    if len(reporting.periods) > MAX_REPORTING_PERIODS:
        yield reporting.origin.problem(
            "periods",
            f"có {len(reporting.periods)} kỳ báo cáo; biểu mẫu có cột cho tối đa {MAX_REPORTING_PERIODS} kỳ",
        )
    for period in reporting.periods:
        yield from check_date(period.deadline)
    for earlier, later in pairwise(_deadlines(edition)):
        if date_key(later, True) < date_key(earlier, False):
            yield at(later.origin, "year", "bao_cao.ky_bao_cao.han", "các kỳ báo cáo phải theo thứ tự thời gian")


def summary_deadline(edition: Edition) -> Iterator[Problem]:
    """The summary's deadline exists and is not before the units' first deadline."""
    summary, deadlines = edition.plan.reporting.summary_deadline, _deadlines(edition)
    if summary is None:
        return
    yield from check_date(summary)
    if deadlines and date_key(summary, True) < date_key(deadlines[0], False):
        yield at(
            summary.origin,
            "year",
            "bao_cao.han_tong_hop",
            "hạn tổng hợp phải sau hạn các đơn vị gửi báo cáo (han_bao_cao)",
        )


# ---------------------------------------------------------------- notices
def _date_text(date: PartialDate) -> str:
    parts = [str(date.day) if date.day else None, str(date.month) if date.month else None, str(date.year)]
    return "/".join(part for part in parts if part)


def _day_of(date: PartialDate) -> tuple[int, int, int] | None:
    return (date.year, date.month, date.day) if date.month and date.day else None


def deadline_years(edition: Edition) -> Iterator[Notice]:
    """Notice: a units' or summary deadline in another year than the plan's."""
    plan_year = edition.plan.document.date.year
    reporting = edition.plan.reporting
    for key, what, deadline in (
        ("han_bao_cao", "hạn báo cáo", reporting.deadline),
        ("han_tong_hop", "hạn tổng hợp", reporting.summary_deadline),
    ):
        if deadline is not None and deadline.year != plan_year:
            yield Notice(
                deadline.origin.path,
                deadline.origin.line_of("year"),
                f"bao_cao.{key}.nam",
                f"{what} {_date_text(deadline)} không thuộc năm của kế hoạch ({plan_year})",
                "ngay-ngoai-nam",
            )


def deadline_order(edition: Edition) -> Iterator[Notice]:
    """Reports asked before the Action Month they report on is over, and a summary due no later than
    the reports it sums up."""
    reporting, month = edition.plan.reporting, edition.plan.action_month
    deadline = _day_of(reporting.deadline) if reporting.deadline is not None else None
    end = month.month_day(month.end) if month is not None else None
    if deadline is not None and end is not None and deadline <= (edition.plan.document.date.year, *end):
        yield Notice(
            reporting.deadline.origin.path,
            reporting.deadline.origin.line_of("day"),
            "bao_cao.han_bao_cao",
            f"hạn báo cáo {_date_text(reporting.deadline)} không sau ngày kết thúc Tháng hành động ({month.end}): "
            "các đơn vị phải báo cáo khi tháng chưa kết thúc",
            "thu-tu-han",
        )
    summary = _day_of(reporting.summary_deadline) if reporting.summary_deadline is not None else None
    if deadline is not None and summary is not None and summary <= deadline:
        yield Notice(
            reporting.summary_deadline.origin.path,
            reporting.summary_deadline.origin.line_of("day"),
            "bao_cao.han_tong_hop",
            f"hạn tổng hợp {_date_text(reporting.summary_deadline)} không sau hạn báo cáo "
            f"của các đơn vị ({_date_text(reporting.deadline)}): cơ quan tổng hợp không còn ngày nào để tổng hợp",
            "thu-tu-han",
        )


def periods_outside_the_plan(edition: Edition) -> Iterator[Notice]:
    """Notice: a reporting period whose deadline falls outside the plan's years."""
    meta = edition.plan.document
    first, last = (meta.first_year, meta.last_year) if meta.first_year else (meta.date.year, meta.date.year)
    for number, period in enumerate(edition.plan.reporting.periods, start=1):
        if not first <= period.deadline.year <= last:
            yield Notice(
                period.deadline.origin.path,
                period.deadline.origin.line_of("year"),
                f"bao_cao.ky_bao_cao[{number}].han.nam",
                f"kỳ báo cáo “{edition.plain(period.name)}” hạn năm {period.deadline.year}, ngoài giai đoạn "
                f"của kế hoạch ({first}–{last})",
                "ngay-ngoai-nam",
            )
