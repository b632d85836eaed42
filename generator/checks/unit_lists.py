"""Rules on the unit lists of don-vi.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..content.schema import UnitList
from ..errors import Problem
from .agencies import unknown_kind
from .common import unique


def unique_ids(edition: Edition) -> Iterator[Problem]:
    yield from unique(edition.unit_lists.lists, "id", "danh_sach.ma", "mã danh sách")


def lists(edition: Edition) -> Iterator[Problem]:
    """Each list has a known kind and units; a unit's code is its own, across every list."""
    kinds = list(dict.fromkeys(k.id for k in edition.kinds.kinds))
    agencies = {a.id for a in edition.registry.agencies}
    seen_units: dict[str, int] = {}
    for unit_list in edition.unit_lists.lists:
        if unit_list.kind not in kinds:
            yield unit_list.origin.problem("kind", unknown_kind(unit_list.kind, kinds))
        if not unit_list.units:
            yield unit_list.origin.problem("units", f"danh sách “{unit_list.id}” không có đơn vị nào")
        yield from unique(unit_list.units, "name", f"{unit_list.origin.key}.don_vi.ten", "tên đơn vị")
        yield from _unit_codes(unit_list, agencies, seen_units)


def _unit_codes(unit_list: UnitList, agencies: set[str], seen: dict[str, int]) -> Iterator[Problem]:
    for unit in unit_list.units:
        if unit.id in agencies:
            yield unit.origin.problem("id", f"mã đơn vị “{unit.id}” trùng với mã một cơ quan trong co-quan.yaml")
        elif unit.id in seen:
            yield unit.origin.problem("id", f"mã đơn vị “{unit.id}” bị trùng (đã có ở dòng {seen[unit.id]})")
        seen.setdefault(unit.id, unit.origin.line_of("id"))
