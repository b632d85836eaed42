"""Rules on the report form's settings (bieu-mau.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.distribution import assignments_by_body
from ..content.edition import Edition
from ..errors import Problem


def activities(edition: Edition) -> Iterator[Problem]:
    form = edition.report_form
    if not form.activities:
        yield form.origin.problem(
            "activities",
            "cần ít nhất một hoạt động: biểu mẫu báo cáo in mỗi hoạt động thành một dòng của bảng I",
        )


def task_groups(edition: Edition) -> Iterator[Problem]:
    """nhom_nhiem_vu: each group names an entry of section IV and tasks it has, each task once."""
    entries = assignments_by_body(edition)  # a body named by several entries: the tasks of all, in turn
    grouped: set[tuple[str, int]] = set()
    for group in edition.report_form.task_groups:
        assignment = entries.get(group.entry)
        if assignment is None:
            yield group.origin.problem(
                "entry",
                f"“{group.entry}” không có nhiệm vụ ở mục Tổ chức thực hiện của kế hoạch",
            )
            continue
        for task in group.tasks:
            if not 1 <= task <= len(assignment.tasks):
                yield group.origin.problem(
                    "tasks",
                    f"mục của “{group.entry}” có {len(assignment.tasks)} nhiệm vụ, không có nhiệm vụ {task}",
                )
            elif (group.entry, task) in grouped:
                yield group.origin.problem(
                    "tasks",
                    f"nhiệm vụ {task} của “{group.entry}” đã ở một dòng gộp khác",
                )
            grouped.add((group.entry, task))
