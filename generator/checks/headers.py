"""Checks of the content fields that shape headers and section IV entries: run-in entries, header
styles, each unit's own header lines.

`problems(edition)` is called once by the loader's cross-checks; every message names the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from .common import at
from ..content.schema import BUILT_IN_STYLES, NO_FORM

# The two header styles every edition has, where loai-noi-nhan.yaml does not declare them again: a
# state body's under the national name and motto (Decree 30), a Party body's under the Party's name,
# its own name marked with a star (Hướng dẫn 36-HD/VPTW).

if TYPE_CHECKING:
    from ..content.edition import Edition


def _run_in_problems(edition: Edition) -> list[Problem]:
    """An entry asked to run in has a task paragraph to put on its heading's line."""
    problems = []
    for number, assignment in enumerate(edition.plan.assignments, start=1):
        if assignment.run_in and not assignment.tasks:
            problems.append(
                at(
                    assignment.origin,
                    "run_in",
                    f"to_chuc_thuc_hien[{number}].cung_dong",
                    "mục không có đoạn nhiệm vụ nào để in cùng dòng với tiêu đề (thêm nhiem_vu, hoặc bỏ "
                    "cung_dong hay ghi false)",
                )
            )
    return problems


def _style_problems(edition: Edition) -> list[Problem]:
    """Each kind's form names a header style declared in kieu_tieu_de, a built-in one, or khong;
    two styles never share a code."""
    problems, seen = [], {}
    for number, style in enumerate(edition.kinds.header_styles, start=1):
        if style.id in seen:
            problems.append(
                at(
                    style.origin,
                    "id",
                    f"kieu_tieu_de[{number}].ma",
                    f"mã “{style.id}” bị trùng (dòng {seen[style.id]})",
                )
            )
        seen.setdefault(style.id, style.origin.line_of("id"))
    known = sorted({*seen, *BUILT_IN_STYLES})
    for number, kind in enumerate(edition.kinds.kinds, start=1):
        if kind.form != NO_FORM and kind.form not in known:
            problems.append(
                at(
                    kind.origin,
                    "form",
                    f"loai[{number}].bieu_mau",
                    f"không có kiểu tiêu đề “{kind.form}”; ghi một mã ở kieu_tieu_de ("
                    + ", ".join(known)
                    + f") hoặc {NO_FORM} (không gửi biểu mẫu)",
                )
            )
    return problems


def _uses_unit_kind(texts) -> bool:
    return any("{loai_don_vi}" in text for text in texts if text)


def _unit_name_problems(edition: Edition) -> list[Problem]:
    """{loai_don_vi} splits a unit's name before its place name: each unit whose documents use it
    has a name ending with its place (dia_danh)."""
    problems = []
    for unit_list in edition.unit_lists.lists:
        elsewhere = (unit_list.addressed, unit_list.short_name, unit_list.place, unit_list.symbol_code)
        for unit in unit_list.units:
            texts = [
                *elsewhere,
                *(unit_list.header_lines if unit.header_lines is None else unit.header_lines),
                unit_list.parent if unit.parent is None else unit.parent,
            ]
            place = unit.place or unit.name
            if not _uses_unit_kind(texts) or (unit.name.endswith(f" {place}")):
                continue
            problems.append(
                at(
                    unit.origin,
                    "place",
                    "don_vi.dia_danh",
                    f"“{unit.name}” không kết thúc bằng địa danh “{place}”, nên không tách được {{loai_don_vi}} "
                    "(tên bỏ địa danh); ghi dia_danh là phần cuối của tên, hoặc ghi ten_tieu_de riêng của đơn vị",
                )
            )
    return problems


def problems(edition: Edition) -> list[Problem]:
    return _run_in_problems(edition) + _style_problems(edition) + _unit_name_problems(edition)
