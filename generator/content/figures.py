"""The count totals a summary paragraph may name: one per unit of the activity rows.

The activity table's "Số lượng" column counts in each row's own unit (bieu-mau.yaml,
hoat_dong[].don_vi_tinh: cuộc, lượt, tin, bài…), so a total of counts adds the rows of one unit
only. `{tong_so_luong_<unit>}` is the total of the rows of that unit, the unit written without
marks (cuộc → `{tong_so_luong_cuoc}`, "tin, bài" → `{tong_so_luong_tin_bai}`); `{tong_so_luong}`
is the total of every row only while all rows share one unit (the checks refuse it otherwise).
The "Hoạt động khác" row, whose unit a unit writes in its note, is in no total.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .schema import Activity
from .text import without_marks

QUANTITY_TOTAL = "tong_so_luong"  # every row's count, while the rows share one unit


@dataclass(frozen=True)
class CountGroup:
    """The activity rows of one unit (indices into hoat_dong) and the placeholder of their total."""

    unit: str  # as the first of its rows types it
    placeholder: str | None  # None: the unit has no letter to name it by ("%")
    rows: tuple[int, ...]


def _same_unit(unit: str) -> str:
    return " ".join(unicodedata.normalize("NFC", unit).split()).casefold()


def ascii_name(text: str) -> str:
    """`text` as a placeholder's tail: without marks, lowercase, words joined by "_" (tin, bài → tin_bai)."""
    return "_".join(re.findall(r"[a-z0-9]+", without_marks(text.lower())))


def count_groups(activities: list[Activity]) -> list[CountGroup]:
    """The rows by unit, in the order the units first appear. Two units written alike without
    marks (bàn, bản) get no placeholder: neither name would say which it counts."""
    rows: dict[str, list[int]] = {}
    typed: dict[str, str] = {}
    for index, activity in enumerate(activities):
        key = _same_unit(activity.unit)
        rows.setdefault(key, []).append(index)
        typed.setdefault(key, " ".join(activity.unit.split()))
    names = {key: ascii_name(key) for key in rows}
    shared = {name for name in names.values() if list(names.values()).count(name) > 1}
    return [
        CountGroup(
            typed[key],
            f"{QUANTITY_TOTAL}_{names[key]}" if names[key] and names[key] not in shared else None,
            tuple(indices),
        )
        for key, indices in rows.items()
    ]


def count_placeholders(groups: list[CountGroup]) -> dict[str, CountGroup]:
    """The count totals a summary paragraph may use, by placeholder name, from the rows' groups
    (count_groups): one per unit, and `{tong_so_luong}` while every row has the same unit."""
    named = {group.placeholder: group for group in groups if group.placeholder}
    if len(groups) == 1:
        named[QUANTITY_TOTAL] = groups[0]
    return named
