"""Rules on the plan's reporting (ke-hoach.yaml bao_cao): who receives, by when."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..content.edition import Edition
from ..content.schema import MAX_REPORTING_PERIODS, PartialDate
from ..errors import Problem
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
