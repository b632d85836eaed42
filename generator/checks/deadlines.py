"""Checks of the deadlines written once and of the issuer's report to the level above (bao_cao.cap_tren).

Every deadline comes after the ones it depends on: the units' reports (han_bao_cao, or each
period's) ≤ the collecting office's summary (han_tong_hop) ≤ the issuer's report up (cap_tren.han).
Called once from the edition's cross-file checks; imports nothing of the edition itself.
"""

from __future__ import annotations

from ..errors import Problem
from .common import check_date, date_key
from .recipients import recipient_lines


def problems(edition) -> list[Problem]:
    """The problems of an Edition's deadlines and report up (not imported: edition.py calls this)."""
    reporting = edition.plan.reporting
    up = reporting.report_up
    if up is None:
        return []
    found = list(recipient_lines(up.recipients, "bao_cao.cap_tren.noi_nhan", edition))
    if up.deadline is None:  # the plan gives the report up no deadline: nothing to order
        return found
    found = list(check_date(up.deadline, "bao_cao.cap_tren.han")) + found
    # What the report up depends on: the summary's deadline, else the units' (the last period's).
    before = reporting.summary_deadline or (reporting.periods[-1].deadline if reporting.periods else None)
    before = before or reporting.deadline
    if before is not None and date_key(up.deadline, last=True) < date_key(before, last=False):
        name = "hạn tổng hợp (han_tong_hop)" if reporting.summary_deadline else "hạn các đơn vị gửi báo cáo"
        where = up.deadline.origin
        message = f"hạn báo cáo cấp trên phải sau {name}"
        found.append(Problem(where.path, where.line_of("year"), "bao_cao.cap_tren.han", message))
    return found
