"""Checks of the deadlines written once and of the issuer's report to the level above (bao_cao.cap_tren).

Every deadline comes after the ones it depends on: the units' reports (han_bao_cao, or each
period's) ≤ the collecting office's summary (han_tong_hop) ≤ the issuer's report up (cap_tren.han).
Called once from the edition's cross-file checks; imports nothing of the edition itself.
"""

from __future__ import annotations

import calendar
from ..errors import Problem
from ..content.schema import PartialDate


def _first_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 12, date.day or 31)


def _date_problems(date: PartialDate, key: str) -> list[Problem]:
    where = date.origin
    if date.month is not None and not 1 <= date.month <= 12:
        return [Problem(where.path, where.line_of("month"), f"{key}.thang", f"tháng {date.month} không hợp lệ (1–12)")]
    if date.day is not None and date.month is None:
        return [Problem(where.path, where.line_of("day"), f"{key}.ngay", "có ngày thì phải có tháng")]
    if date.day is not None and not 1 <= date.day <= calendar.monthrange(date.year, date.month)[1]:
        message = f"ngày {date.day} không có trong tháng {date.month}/{date.year}"
        return [Problem(where.path, where.line_of("day"), f"{key}.ngay", message)]
    return []


def _recipient_problems(edition) -> list[Problem]:
    """Each Nơi nhận line of the report up: one of co_quan, nhom, ten, and a known code."""
    agencies = {a.id for a in edition.registry.agencies}
    groups = {g.id for g in edition.registry.groups}
    problems = []
    for number, line in enumerate(edition.plan.reporting.report_up.recipients, start=1):
        key, where = f"bao_cao.cap_tren.noi_nhan[{number}]", line.origin
        given = [name for name in ("agency", "group", "text") if getattr(line, name) is not None]
        if len(given) != 1:
            field = given[1] if len(given) > 1 else "agency"
            message = "mỗi nơi nhận ghi đúng một trong ba trường: co_quan, nhom hoặc ten"
            problems.append(Problem(where.path, where.line_of(field), key, message))
        elif line.agency is not None and line.agency not in agencies:
            message = f"không có cơ quan mã “{line.agency}” trong co-quan.yaml"
            problems.append(Problem(where.path, where.line_of("agency"), f"{key}.co_quan", message))
        elif line.group is not None and line.group not in groups:
            message = f"không có nhóm mã “{line.group}” trong co-quan.yaml"
            problems.append(Problem(where.path, where.line_of("group"), f"{key}.nhom", message))
    return problems


def problems(edition) -> list[Problem]:
    """The problems of an Edition's deadlines and report up (not imported: edition.py calls this)."""
    reporting = edition.plan.reporting
    up = reporting.report_up
    if up is None:
        return []
    found = _recipient_problems(edition)
    if up.deadline is None:  # the plan gives the report up no deadline: nothing to order
        return found
    found = _date_problems(up.deadline, "bao_cao.cap_tren.han") + found
    # What the report up depends on: the summary's deadline, else the units' (the last period's).
    before = reporting.summary_deadline or (reporting.periods[-1].deadline if reporting.periods else None)
    before = before or reporting.deadline
    if before is not None and _last_day(up.deadline) < _first_day(before):
        name = "hạn tổng hợp (han_tong_hop)" if reporting.summary_deadline else "hạn các đơn vị gửi báo cáo"
        where = up.deadline.origin
        message = f"hạn báo cáo cấp trên phải sau {name}"
        found.append(Problem(where.path, where.line_of("year"), "bao_cao.cap_tren.han", message))
    return found
