"""Notices on the years and dates typed in the text: what a draft copied from last year's
edition most likely still has to change.

- `nam-cu`: the year before the plan's ("ngày 31/10/2024" in the 2025 plan), or a period ending
  that year. Older years are citations (a law of 2006, a decree of 2021) and are not reported;
  neither is a period that reaches the plan's year ("giai đoạn 2021-2030").
- `ngay-ngoai-nam`: a date typed in the text (d/m/yyyy) in a later year than the plan's.
A year inside a citation of another document is that document's, never questioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.edition import Edition, text_values
from ..content.text import YEAR, excerpt
from ..errors import Notice

# "2021-2030", "2021 - 2030", "2021–2030": a period, judged by its last year.
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
# A full date typed in text: 31/10/2024, 5/3/2021, 31-10-2024.
_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)")
# A citation of another document, whose years are that document's, not the plan's: a numbered
# document with its symbol and day ("Chỉ thị số 08/CT-TTg ngày 04/02/2020", "Nghị định số
# 15/2024/NĐ-CP"), or a law by its name and year ("Luật Phòng, chống bạo lực gia đình năm 2022"),
# with the amendments it names.
_CITED_DAY = r"(?:\s+ngày\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
_CITATION = re.compile(
    r"\bsố\s+\d+(?:/\d{4})?/[A-ZĐ][\wĐđ&.-]*"
    + _CITED_DAY
    + r"|\b(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh)(?:\s+[^.;:()\n]{1,120}?)?\s+năm\s+\d{4}(?!\d)"
    # …with the amendments its citation names: "Hiến pháp năm 2013 (sửa đổi, bổ sung năm 2025)".
    + r"(?:\s*\((?:được\s+)?sửa\s+đổi[^()\n]{0,80}\))?"
)


def _cited(text: str) -> set[int]:
    """The positions of `text` inside a citation of another document."""
    return {i for m in _CITATION.finditer(text) for i in range(m.start(), m.end())}


def years_in_text(edition: Edition) -> Iterator[Notice]:
    plan_year = edition.plan.document.date.year
    last_year = edition.plan.document.last_year or plan_year  # a multi-year plan's dates run to its den_nam
    years = str(plan_year) if last_year == plan_year else f"{plan_year}–{last_year}"
    # The national strategy's milestones (2025, 2030) are its own, not years a clerk forgot to change.
    catalog = edition.catalog.origin.path if edition.catalog is not None else None
    # A Quyết định's Căn cứ lines cite laws by the dates they were passed: years of their own too.
    decision = edition.decision.origin.path if edition.decision is not None else None
    for text, origin, field_name, key in text_values(edition):
        if origin.path == catalog or (origin.path == decision and field_name.startswith("grounds[")):
            continue
        found: list[tuple[int, str, str]] = []  # (position, message, kind), reported in the order of the text
        cited = _cited(text)
        periods = [m for m in _PERIOD.finditer(text) if m.start() not in cited]
        inside_period = {m.start(g) for m in periods for g in (1, 2)}
        for period in periods:
            if int(period.group(2)) == plan_year - 1:
                found.append(
                    (
                        period.start(),
                        f"nhắc giai đoạn {period.group(0)}, kết thúc năm trước năm của kế hoạch "
                        f"({plan_year}): {excerpt(text, period.start(), period.end())}",
                        "nam-cu",
                    )
                )
        for match in YEAR.finditer(text):
            if match.start() not in inside_period | cited and int(match.group(0)) == plan_year - 1:
                found.append(
                    (
                        match.start(),
                        f"nhắc năm {match.group(0)}, năm trước năm của kế hoạch ({plan_year}): "
                        f"{excerpt(text, match.start(), match.end())}",
                        "nam-cu",
                    )
                )
        for date in _DATE.finditer(text):
            if date.start() not in cited and int(date.group(3)) > last_year:
                found.append(
                    (
                        date.start(),
                        f"ngày {date.group(0)} không thuộc năm của kế hoạch ({years}): "
                        f"{excerpt(text, date.start(), date.end())}",
                        "ngay-ngoai-nam",
                    )
                )
        for _, message, kind in sorted(found, key=lambda item: item[0]):
            yield Notice(origin.path, origin.line_of(field_name), key, message, kind)
