"""The reporting periods of a multi-year plan, as `tong-hop` tells them apart.

Such a plan gives each recipient one form per period (generator/kinds.py); `tong-hop --ky <năm>`
collects one period into a folder of its own (tong-hop/<năm>/), and a returned form of another period is named and
left out. A form tells its period by its version: each period's form has its own result column.
"""

from __future__ import annotations

from ..content.distribution import Recipient
from ..content.edition import Edition
from ..document.parts import ReportingPeriod, reporting_periods
from ..document.report_form import form_identity
from ..errors import GeneratorError

FOLDER = "tong-hop"


def chosen_period(edition: Edition, key: str | None) -> ReportingPeriod | None:
    """The period `--ky` names; None for a plan with a single report. A multi-year plan needs one."""
    periods = reporting_periods(edition) if edition.plan.reporting.periods else ()
    keys = ", ".join(f"{p.key} ({p.name})" for p in periods)
    if not periods:
        if key is not None:
            raise GeneratorError(
                f"kế hoạch năm {edition.year} chỉ có một lần báo cáo (không có ky_bao_cao): bỏ KY={key}"
            )
        return None
    if key is None:
        raise GeneratorError(
            f"kế hoạch năm {edition.year} có nhiều kỳ báo cáo: ghi kỳ cần tổng hợp, ví dụ "
            f"make tong-hop KY={periods[0].key}; các kỳ: {keys}"
        )
    found = next((p for p in periods if p.key == key), None)
    if found is None:
        raise GeneratorError(f"KY={key}: kế hoạch năm {edition.year} không có kỳ báo cáo này; các kỳ: {keys}")
    return found


def folder_name(period: ReportingPeriod | None) -> str:
    """Where a collection goes under output/<year>/: tong-hop/, or tong-hop/<key>/ for a period,
    so that each period keeps its own summary (a multi-year plan has nothing in tong-hop/ itself)."""
    return f"{FOLDER}/{period.key}" if period is not None else FOLDER


def other_period(edition: Edition, recipient: Recipient, version: str, period: ReportingPeriod | None) -> str | None:
    """Why a returned form is not counted in `period`'s collection: it is the form of another
    period (its version is that period's); None otherwise."""
    if period is None:
        return None
    for other in reporting_periods(edition):
        if other.key != period.key and form_identity(edition, recipient, period=other).version == version:
            return (
                f"là biểu mẫu {other.name} (kỳ {other.key}), không phải {period.name}; tổng hợp kỳ đó bằng "
                f"make tong-hop KY={other.key}"
            )
    return None
