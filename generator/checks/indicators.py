"""Rules on the national strategy's indicators as the plan uses them (chi-tieu.yaml).

A NOTICE rule: an indicator whose number chi-tieu.yaml marks as unconfirmed (so_chua_xac_nhan)
and that some letter and form cite. The documents print the note after its number, so nothing is
printed as fact; `make check` names the line, so that the number is confirmed before sending.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.distribution import distribution
from ..content.edition import Edition
from ..errors import Notice

KIND = "so-chua-xac-nhan"  # its kind in `make check`'s counts (commands/check.py KINDS)


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
            KIND,
        )
