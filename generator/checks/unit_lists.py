"""Rules on the unit lists of don-vi.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..content.schema import UnitList
from ..errors import Problem
from .agencies import unknown_kind
from .common import at, unique


def unique_ids(edition: Edition) -> Iterator[Problem]:
    yield from unique(edition.unit_lists.lists, "id", "danh_sach.ma", "mã danh sách")


def lists(edition: Edition) -> Iterator[Problem]:
    """Each list has a known kind and units; a unit's code is its own, across every list."""
    kinds = list(dict.fromkeys(k.id for k in edition.kinds.kinds))
    agencies = {a.id for a in edition.registry.agencies}
    seen_units: dict[str, int] = {}
    for number, unit_list in enumerate(edition.unit_lists.lists, start=1):
        key = f"danh_sach[{number}]"
        if unit_list.kind not in kinds:
            yield at(unit_list.origin, "kind", f"{key}.loai", unknown_kind(unit_list.kind, kinds))
        if not unit_list.units:
            yield at(unit_list.origin, "units", f"{key}.don_vi", f"danh sách “{unit_list.id}” không có đơn vị nào")
        yield from unique(unit_list.units, "name", f"{key}.don_vi.ten", "tên đơn vị")
        yield from _unit_codes(unit_list, key, agencies, seen_units)


def _unit_codes(unit_list: UnitList, key: str, agencies: set[str], seen: dict[str, int]) -> Iterator[Problem]:
    for index, unit in enumerate(unit_list.units, start=1):
        where = f"{key}.don_vi[{index}].ma"
        if unit.id in agencies:
            yield at(unit.origin, "id", where, f"mã đơn vị “{unit.id}” trùng với mã một cơ quan trong co-quan.yaml")
        elif unit.id in seen:
            yield at(unit.origin, "id", where, f"mã đơn vị “{unit.id}” bị trùng (đã có ở dòng {seen[unit.id]})")
        seen.setdefault(unit.id, unit.origin.line_of("id"))
