"""Deadlines written once: how a date is written in running text, and the deadline placeholders.

The plan's reporting deadlines (bao_cao of ke-hoach.yaml) are content placeholders like {nam}:
`{han_bao_cao}` (the units'), `{han_tong_hop}` (the collecting office's summary), `{han_cap_tren}`
(the issuer's own report to the level above) and `{han_ky_1}`… (each reporting period's), so
that a plan's text never repeats a date that its bao_cao section already gives; `{truoc_han}` is
the words before a deadline (bao_cao.loi_han), as bao_cao.tinh_ca_ngay_han counts the day itself.
"""

from __future__ import annotations

from .schema import PartialDate, Reporting
from .text import DEADLINE_PLACEHOLDERS, fill, italic_runs

# A blank left for the clerk to write in by hand on a draft.
BLANK = "      "


def day_text(day: int) -> str:
    """Days below 10 take a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Only January and February take a leading zero (Decree 30, PL I §II.4)."""
    return f"{month:02d}" if month <= 2 else str(month)


def short_date(date: PartialDate) -> str:
    """A date in running text, e.g. 05/3/2024; a part not yet known is a blank."""
    day = BLANK if date.day is None else day_text(date.day)
    month = BLANK if date.month is None else month_text(date.month)
    return f"{day}/{month}/{date.year}"


def units_deadline(reporting: Reporting, values: dict[str, str]) -> str:
    """When the units' reports are due: one date, or each reporting period's date with its name,
    "10/12/2026 (báo cáo năm 2026) và 30/11/2030 (báo cáo tổng kết)"; `values` fill the names."""
    if not reporting.periods:
        return short_date(reporting.deadline)
    dated = [f"{short_date(p.deadline)} ({_plain(p.name, values)})" for p in reporting.periods]
    return dated[0] if len(dated) == 1 else f"{', '.join(dated[:-1])} và {dated[-1]}"


def deadline_values(reporting: Reporting, values: dict[str, str]) -> dict[str, str]:
    """The deadline placeholders this plan has a value for."""
    units = units_deadline(reporting, values)
    summary = short_date(reporting.summary_deadline) if reporting.summary_deadline else units
    found = {"han_bao_cao": units, "han_tong_hop": summary}
    # A report up whose plan gives it no deadline (cap_tren without han) has no {han_cap_tren}.
    if reporting.report_up is not None and reporting.report_up.deadline is not None:
        found["han_cap_tren"] = short_date(reporting.report_up.deadline)
    if reporting.deadline_words is not None:
        # Whether "trước ngày D" includes D is said once (tinh_ca_ngay_han); the words follow it.
        words = reporting.deadline_words
        found["truoc_han"] = words.by if reporting.deadline_day_included else words.before
    for number, period in enumerate(reporting.periods, start=1):
        found[f"han_ky_{number}"] = short_date(period.deadline)
    return found


def unavailable_deadlines(reporting: Reporting) -> tuple[str, ...]:
    """The deadline placeholders this plan has no value for (no report up, fewer periods)."""
    return tuple(name for name in DEADLINE_PLACEHOLDERS if name not in deadline_values(reporting, {}))


def _plain(raw: str, values: dict[str, str]) -> str:
    return "".join(fill(part, values) for part, _ in italic_runs(raw))
