"""Rules on the plan's own document lines (ke-hoach.yaml van_ban, thang_hanh_dong)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition, plan_targets
from ..content.schema import DEEPEST_LEVEL, Assignment, Item
from ..errors import Notice, Problem
from .common import check_date, check_day_month


def document(edition: Edition) -> Iterator[Problem]:
    """The plan's date is in the edition's year and exists; its number and years make sense."""
    meta = edition.plan.document
    if meta.date.year != edition.year:
        yield meta.date.origin.problem(
            "year",
            f"năm {meta.date.year} khác với năm của thư mục nội dung ({edition.year})",
        )
    yield from check_date(meta.date)
    if meta.number is not None and meta.number < 1:
        yield meta.origin.problem("number", "số văn bản phải lớn hơn 0")
    if (meta.first_year is None) != (meta.last_year is None) or (meta.first_year or 0) > (meta.last_year or 0):
        yield meta.origin.problem(
            "first_year",
            "kế hoạch nhiều năm ghi cả tu_nam và den_nam, tu_nam không sau den_nam",
        )


def action_month(edition: Edition) -> Iterator[Problem]:
    """The action month's first and last days exist in the edition's year."""
    month = edition.plan.action_month
    if month is None:
        return
    yield from check_day_month(month.start, month.origin, "start", edition.year)
    yield from check_day_month(month.end, month.origin, "end", edition.year)


# ---------------------------------------------------------------- notices
def _empty_items(items: list[Item], key: str) -> Iterator[tuple[Item, str]]:
    for index, item in enumerate(items, start=1):
        item_key = f"{key}[{index}]"
        if not item.paragraphs and not item.items:
            yield item, item_key
        yield from _empty_items(item.items, f"{item_key}.muc")


def _entry_name(edition: Edition, assignment: Assignment) -> str:
    """An entry of Tổ chức thực hiện as a notice names it: its heading, else its bodies' names."""
    if assignment.heading is not None:
        suffix = f" {edition.plain(assignment.heading_suffix)}" if assignment.heading_suffix else ""
        return f"{edition.plain(assignment.heading)}{suffix}".rstrip(":")
    return ", ".join(edition.plain(edition.agency(agency_id).name) for agency_id in assignment.agencies)


def empty_sections(edition: Edition) -> Iterator[Notice]:
    """Notice: an item with neither paragraphs nor sub-items, or an entry of Tổ chức thực hiện
    without tasks."""
    plan = edition.plan
    for item, key in [*_empty_items(plan.sections, "noi_dung"), *_empty_items(plan.sections_after, "noi_dung_sau")]:
        message = (
            f"mục “{item.title}” không có đoạn văn nào và không có mục con"
            if item.title is not None
            else "mục không có tiêu đề, đoạn văn hay mục con nào"
        )
        yield Notice(item.origin.path, item.origin.line, key, message, "muc-rong")
    for number, assignment in enumerate(plan.assignments, start=1):
        if not assignment.tasks and not assignment.points:
            yield Notice(
                assignment.origin.path,
                assignment.origin.line_of("tasks"),
                f"to_chuc_thuc_hien[{number}].nhiem_vu",
                f"“{_entry_name(edition, assignment)}” có tiêu đề ở mục Tổ chức thực hiện nhưng không có nhiệm vụ nào",
                "muc-rong",
            )


def _deep_items(items: list[Item], key: str, depth: int) -> Iterator[tuple[Item, str]]:
    for index, item in enumerate(items, start=1):
        item_key = f"{key}[{index}]"
        if depth > DEEPEST_LEVEL:
            yield item, item_key
        else:
            yield from _deep_items(item.items, f"{item_key}.muc", depth + 1)


def too_deep(edition: Edition) -> Iterator[Notice]:
    """Notice: items below the fifth level (I. → 1. → a) → - → +) print as the fifth: a reviewer would ask."""
    roots = [(edition.plan.sections, "noi_dung", 1), (edition.plan.sections_after, "noi_dung_sau", 1)] + [
        (a.points, f"to_chuc_thuc_hien[{n}].muc", 3) for n, a in enumerate(edition.plan.assignments, start=1)
    ]
    for items, key, depth in roots:
        for item, item_key in _deep_items(items, key, depth):
            yield Notice(
                item.origin.path,
                item.origin.line,
                item_key,
                f"mục ở cấp thứ {DEEPEST_LEVEL + 1} trở xuống: in như cấp thứ {DEEPEST_LEVEL} (dấu +); nên gộp lên cấp trên",
                "cau-truc",
            )


def unreported_targets(edition: Edition) -> Iterator[Notice]:
    """Notice: a target of the plan itself that no entry is asked to report on."""
    reported = {n for a in edition.plan.assignments for n in a.plan_targets}
    for number, target in enumerate(plan_targets(edition.plan), start=1):
        if number not in reported:
            yield Notice(
                target.origin.path,
                target.origin.line,
                f"chỉ tiêu {number} của kế hoạch",
                f"chỉ tiêu {number} của kế hoạch không được giao cho cơ quan nào báo cáo "
                "(bao_cao_chi_tieu_ke_hoach ở mục Tổ chức thực hiện)",
                "chi-tieu-ke-hoach",
            )
