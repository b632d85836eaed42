"""Notices on the indicator catalogue (chi-tieu.yaml) as the plan uses it."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Notice


def unfilled_indicators(edition: Edition) -> Iterator[Notice]:
    """Notice: an indicator an agency must report on whose text is still null (letters and report
    forms then print only its number)."""
    if edition.catalog is None:
        return
    reporters: dict[tuple[int, int], list[str]] = {}
    for assignment in edition.plan.assignments:
        for ref in assignment.indicators:
            for number in ref.indicators:
                reporters.setdefault((ref.objective, number), []).extend(
                    edition.plain(edition.agency(agency_id).short_name) for agency_id in assignment.agencies
                )
    for o_index, objective in enumerate(edition.catalog.objectives, start=1):
        for i_index, indicator in enumerate(objective.indicators, start=1):
            agencies = reporters.get((objective.number, indicator.number))
            if indicator.text is None and agencies:
                yield Notice(
                    indicator.origin.path,
                    indicator.origin.line_of("text"),
                    f"muc_tieu[{o_index}].chi_tieu[{i_index}].noi_dung",
                    f"Chỉ tiêu {indicator.number} của Mục tiêu {objective.number} chưa có nội dung (noi_dung: null) "
                    f"nhưng được giao báo cáo cho: {', '.join(agencies)}; công văn và biểu mẫu in chỗ trống để ghi tay",
                    "chi-tieu",
                )
