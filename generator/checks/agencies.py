"""Rules on the bodies and groups of co-quan.yaml, and on the indicator catalog's numbers."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import at, unique


def unique_ids(edition: Edition) -> Iterator[Problem]:
    registry = edition.registry
    yield from unique(registry.agencies, "id", "co_quan.ma", "mã cơ quan")
    yield from unique(registry.groups, "id", "nhom.ma", "mã nhóm")


def unique_indicators(edition: Edition) -> Iterator[Problem]:
    """chi-tieu.yaml: each objective once, each indicator once in its objective."""
    catalog = edition.catalog
    if catalog is None:
        return
    yield from unique(catalog.objectives, "number", "muc_tieu.so", "Mục tiêu số")
    for objective in catalog.objectives:
        yield from unique(
            objective.indicators, "number", "muc_tieu.chi_tieu.so", f"chỉ tiêu của Mục tiêu {objective.number} số"
        )


def references(edition: Edition) -> Iterator[Problem]:
    """Each body's groups, unit list and kind exist; a body has a kind, its own or its list's."""
    groups = {g.id for g in edition.registry.groups}
    unit_lists = {u.id for u in edition.unit_lists.lists}
    kinds = list(dict.fromkeys(k.id for k in edition.kinds.kinds))
    for number, agency in enumerate(edition.registry.agencies, start=1):
        key = f"co_quan[{number}]"
        for group in agency.groups:
            if group not in groups:
                yield agency.origin.problem("groups", f"không có nhóm “{group}” trong mục nhom")
        if agency.unit_list is not None and agency.unit_list not in unit_lists:
            yield agency.origin.problem(
                "unit_list",
                f"không có danh sách đơn vị mã “{agency.unit_list}” trong don-vi.yaml",
            )
        if agency.kind is None and agency.unit_list is None:
            yield at(agency.origin, "id", f"{key}.loai", "thiếu loại nơi nhận (loai), ví dụ loai: giao")
        elif agency.kind is not None and agency.kind not in kinds:
            yield agency.origin.problem("kind", unknown_kind(agency.kind, kinds))


def unknown_kind(kind: str, kinds: list[str]) -> str:
    return f"không có loại nơi nhận mã “{kind}” trong loai-noi-nhan.yaml; các loại có: {', '.join(kinds)}"
