"""Helpers the rules share: a problem at a field of a bound object, duplicates, dates."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..content.schema import Origin, PartialDate
from ..errors import Problem


def at(origin: Origin, field_name: str, key: str, message: str) -> Problem:
    """A problem at the line of `field_name` of the object read at `origin`, shown as `key`."""
    return Problem(origin.path, origin.line_of(field_name), key, message)


def unique(items: list, attribute: str, key: str, what: str) -> Iterator[Problem]:
    """Each value of `attribute` once among `items`; a repeat names the line of the first."""
    seen: dict[object, int] = {}
    for item in items:
        value = getattr(item, attribute)
        if value in seen:
            yield at(item.origin, attribute, key, f"{what} “{value}” bị trùng (đã có ở dòng {seen[value]})")
        else:
            seen[value] = item.origin.line_of(attribute)


def check_date(date: PartialDate, key: str | None = None) -> Iterator[Problem]:
    """A partial date that exists: a month 1–12, a day only with its month and within it. Named
    by the key path it was read at, unless `key` says otherwise."""
    key = date.origin.key if key is None else key
    if date.month is not None and not 1 <= date.month <= 12:
        yield at(date.origin, "month", f"{key}.thang", f"tháng {date.month} không hợp lệ (1–12)")
    elif date.day is not None:
        if date.month is None:
            yield at(date.origin, "day", f"{key}.ngay", "có ngày thì phải có tháng")
        elif not 1 <= date.day <= calendar.monthrange(date.year, date.month)[1]:
            yield at(
                date.origin, "day", f"{key}.ngay", f"ngày {date.day} không có trong tháng {date.month}/{date.year}"
            )


def check_day_month(value: str, origin: Origin, field_name: str, year: int) -> Iterator[Problem]:
    """A day typed as day/month ("15/11") that exists in `year`."""
    key = origin.key_of(field_name)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value)
    if not match:
        yield at(origin, field_name, key, f"“{value}” phải có dạng ngày/tháng, ví dụ 15/11")
        return
    day, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        yield at(origin, field_name, key, f"“{value}” không phải là một ngày có thật")


def date_key(date: PartialDate, last: bool) -> tuple[int, int, int]:
    """A partial date as the first (or last) day it may be, for comparisons."""
    return (date.year, date.month or (12 if last else 1), date.day or (31 if last else 1))
