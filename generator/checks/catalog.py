"""Notices on the national strategy's indicators (chi-tieu.yaml) as the plan uses them: one whose
text is still null, and one whose number chi-tieu.yaml marks as unconfirmed (so_chua_xac_nhan)
that some letter and form cite. The documents print the note after its number, so nothing is
printed as fact; `make check` names the line, so that the number is confirmed before sending."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.distribution import distribution
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


UNCONFIRMED = "so-chua-xac-nhan"  # its kind in `make check`'s counts (commands/check.py KINDS)


def unconfirmed_numbers(edition: Edition) -> Iterator[Notice]:
    """One notice per cited indicator with so_chua_xac_nhan, at that line, naming who cites it."""
    citing: dict[tuple[int, int], list[str]] = {}
    for recipient in distribution(edition)[0].recipients:
        for ref in recipient.indicators:
            for number in ref.indicators:
                names = citing.setdefault((ref.objective, number), [])
                if recipient.short_name not in names:
                    names.append(recipient.short_name)
    for (objective, number), names in citing.items():
        indicator = edition.indicator(objective, number)
        if not indicator.unconfirmed_number:
            continue
        origin = indicator.origin
        shown = ", ".join(names[:3]) + (f" và {len(names) - 3} nơi khác" if len(names) > 3 else "")
        yield Notice(
            origin.path,
            origin.line_of("unconfirmed_number"),
            origin.key_of("unconfirmed_number"),
            f"số thứ tự của Chỉ tiêu {number} của Mục tiêu {objective} chưa được xác nhận "
            f"(“{edition.plain(indicator.unconfirmed_number)}”); công văn, biểu mẫu của {shown} in lời ghi chú "
            "này sau số chỉ tiêu: đối chiếu với văn bản nguồn rồi bỏ dòng so_chua_xac_nhan",
            UNCONFIRMED,
        )
