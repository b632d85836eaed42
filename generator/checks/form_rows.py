"""Content rules of the report forms' row choices (bieu-mau.yaml danh_cho, kinh_phi_danh_cho).

A row scoped to recipients names them by code: a recipient kind (loai-noi-nhan.yaml), a unit list
or one of its units (don-vi.yaml), or an agency (co-quan.yaml). A code that names none of them
would silently drop the row from every form, so it is an error at its file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.edition import plan_targets
from ..errors import Problem
from .common import at

if TYPE_CHECKING:
    from ..content.edition import Edition
    from ..content.schema import Origin


def _codes(edition: Edition) -> set[str]:
    """Every code a row's danh_cho may name."""
    lists = edition.unit_lists.lists
    return (
        {kind.id for kind in edition.kinds.kinds}
        | {agency.id for agency in edition.registry.agencies}
        | {unit_list.id for unit_list in lists}
        | {unit.id for unit_list in lists for unit in unit_list.units}
    )


def _unknown(codes: list[str], known: set[str], origin: Origin, key: str) -> list[Problem]:
    return [
        at(
            origin,
            "asked_of",
            key,
            f"“{code}” không phải mã loại nơi nhận (loai-noi-nhan.yaml), mã danh sách đơn vị, mã đơn vị "
            "(don-vi.yaml) hay mã cơ quan (co-quan.yaml)",
        )
        for code in codes
        if code not in known
    ]


def _unmeasured(edition: Edition) -> list[Problem]:
    """An indicator chi-tieu.yaml marks as not measured at the issuer's level (a national share,
    for a commune) is not asked of anyone: naming it in bao_cao_chi_tieu is an error there."""
    catalog = edition.catalog
    objectives = catalog.objectives if catalog is not None else []
    marked = {(o.number, i.number): i for o in objectives for i in o.indicators if i.not_measured_at}
    level, found = edition.issuer.level, []
    for assignment in edition.plan.assignments:
        for ref in assignment.indicators:
            for number in ref.indicators:
                indicator = marked.get((ref.objective, number))
                if indicator is None or level not in indicator.not_measured_at:
                    continue
                message = (
                    f"chỉ tiêu {number} của Mục tiêu {ref.objective} không đo ở cấp “{level}” "
                    f"(chi-tieu.yaml dòng {indicator.origin.line_of('not_measured_at')}, khong_do_o_cap): "
                    "bỏ chỉ tiêu này khỏi bao_cao_chi_tieu"
                )
                found.append(at(ref.origin, "indicators", "bao_cao_chi_tieu.chi_tieu", message))
    return found


def _catalog_indicators(edition: Edition) -> list:
    """Every indicator of chi-tieu.yaml, none without it."""
    catalog = edition.catalog
    return [i for o in (catalog.objectives if catalog is not None else []) for i in o.indicators]


def _single_measures(edition: Edition) -> list[Problem]:
    """cac_muc lists the levels an indicator or a plan target sets: one level is the indicator
    itself, and asking it apart would ask the same thing twice."""
    return [
        at(
            item.origin,
            "measures",
            "cac_muc",
            "cần ít nhất hai mức (mỗi mức một dòng của biểu mẫu); chỉ tiêu một mức thì bỏ cac_muc",
        )
        for item in [*_catalog_indicators(edition), *plan_targets(edition.plan)]
        if len(item.measures) == 1
    ]


def _rate_units(edition: Edition) -> list[Problem]:
    """don_vi_tu_so and don_vi_mau_so name the units of a rate's count and total rows: on an
    indicator or an item that is no rate (ty_le) there is no such row, and the unit would be lost."""
    return [
        at(item.origin, field, key, "chỉ dùng cho chỉ tiêu tỷ lệ (ty_le: true), có dòng số đạt và tổng số")
        for item in [*_catalog_indicators(edition), *_all_items(edition.plan.sections)]
        if not item.percentage
        for field, key in (("count_unit", "don_vi_tu_so"), ("total_unit", "don_vi_mau_so"))
        if getattr(item, field) is not None
    ]


def _all_items(items: list) -> list:
    return [found for item in items for found in (item, *_all_items(item.items))]


def _target_scopes(edition: Edition) -> list[Problem]:
    """pham_vi_chi_tieu_ke_hoach narrows a target the entry reports (bao_cao_chi_tieu_ke_hoach), once."""
    found = []
    for assignment in edition.plan.assignments:
        seen: set[int] = set()
        for scope in assignment.plan_target_scopes:
            if scope.target not in assignment.plan_targets:
                message = f"chỉ tiêu {scope.target} của kế hoạch không có trong bao_cao_chi_tieu_ke_hoach của mục này"
            elif scope.target in seen:
                message = f"chỉ tiêu {scope.target} đã có phạm vi ở một dòng khác"
            else:
                seen.add(scope.target)
                continue
            found.append(at(scope.origin, "target", "pham_vi_chi_tieu_ke_hoach.chi_tieu", message))
    return found


def problems(edition: Edition) -> list[Problem]:
    """bieu-mau.yaml: each scoped activity or budget row names known recipients; each budget scope
    names a source of kinh_phi, once. ke-hoach.yaml: no indicator asked where it is not measured."""
    form, known = edition.report_form, _codes(edition)
    found: list[Problem] = _unmeasured(edition) + _single_measures(edition) + _target_scopes(edition)
    found += _rate_units(edition)
    for number, activity in enumerate(form.activities, start=1):
        found += _unknown(activity.asked_of, known, activity.origin, f"hoat_dong[{number}].danh_cho")
    seen: set[int] = set()
    for number, scope in enumerate(form.budget_scopes, start=1):
        key = f"kinh_phi_danh_cho[{number}]"
        found += _unknown(scope.asked_of, known, scope.origin, f"{key}.danh_cho")
        if not 1 <= scope.source <= len(form.budget_sources):
            message = f"kinh_phi có {len(form.budget_sources)} nguồn, không có nguồn {scope.source}"
            found.append(at(scope.origin, "source", f"{key}.nguon", message))
        elif scope.source in seen:
            message = f"nguồn {scope.source} đã được chọn ở một dòng khác của kinh_phi_danh_cho"
            found.append(at(scope.origin, "source", f"{key}.nguon", message))
        seen.add(scope.source)
    return found
