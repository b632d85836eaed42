"""Rules on the report form's settings (bieu-mau.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import at


def activities(edition: Edition) -> Iterator[Problem]:
    form = edition.report_form
    if not form.activities:
        yield at(
            form.origin,
            "activities",
            "hoat_dong",
            "cần ít nhất một hoạt động: biểu mẫu báo cáo in mỗi hoạt động thành một dòng của bảng I",
        )


def task_groups(edition: Edition) -> Iterator[Problem]:
    """nhom_nhiem_vu: each group names an entry of section IV and tasks it has, each task once."""
    entries = {agency: assignment for assignment in edition.plan.assignments for agency in assignment.agencies}
    grouped: set[tuple[str, int]] = set()
    for number, group in enumerate(edition.report_form.task_groups, start=1):
        key = f"nhom_nhiem_vu[{number}]"
        assignment = entries.get(group.entry)
        if assignment is None:
            yield at(
                group.origin,
                "entry",
                f"{key}.co_quan",
                f"“{group.entry}” không có nhiệm vụ ở mục Tổ chức thực hiện của kế hoạch",
            )
            continue
        for task in group.tasks:
            if not 1 <= task <= len(assignment.tasks):
                yield at(
                    group.origin,
                    "tasks",
                    f"{key}.nhiem_vu",
                    f"mục của “{group.entry}” có {len(assignment.tasks)} nhiệm vụ, không có nhiệm vụ {task}",
                )
            elif (group.entry, task) in grouped:
                yield at(
                    group.origin,
                    "tasks",
                    f"{key}.nhiem_vu",
                    f"nhiệm vụ {task} của “{group.entry}” đã ở một dòng gộp khác",
                )
            grouped.add((group.entry, task))
