"""Checks of the deadlines written once and of the issuer's report to the level above (bao_cao.cap_tren).

Every deadline comes after the ones it depends on: the units' reports (han_bao_cao, or each
period's) ≤ the collecting office's summary (han_tong_hop) ≤ the issuer's report up (cap_tren.han).
And each text says the units' deadline in the words tinh_ca_ngay_han chooses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.edition import text_values
from ..errors import Problem
from .common import at, check_date, date_key
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


def fixed_words(edition) -> Iterator[Problem]:
    """The units' deadline said in the words the plan's tinh_ca_ngay_han does not choose ("trước
    ngày {han_bao_cao}" when the day counts): that letter would contradict its form and the other
    letters, which say it with {truoc_han}."""
    reporting = edition.plan.reporting
    words = reporting.deadline_words
    if words is None:
        return
    wanted, other = (words.by, words.before) if reporting.deadline_day_included else (words.before, words.by)
    fixed = re.compile(re.escape(other) + r"\s+\{(han_bao_cao|han_ky_\d+)\}", re.IGNORECASE)
    for text, origin, field_name, key in text_values(edition):
        for match in fixed.finditer(text):
            yield at(
                origin,
                field_name,
                key,
                f"“{match.group(0)}” trái với bao_cao.tinh_ca_ngay_han: "
                f"{'true' if reporting.deadline_day_included else 'false'} ở ke-hoach.yaml (hạn này in là "
                f"“{wanted}”); ghi {{truoc_han}} {{{match.group(1)}}} để mọi văn bản nói hạn như nhau",
            )
