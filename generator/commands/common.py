"""Small pieces shared by the edition commands: finding editions, years in text, excerpts."""

from __future__ import annotations

import re
from pathlib import Path

from ..files import display_path
from ..errors import GeneratorError

# A year as a four-digit number standing alone: "31/10/2024", "năm 2024", "2021-2030", not "120245".
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

EXCERPT_CHARS = 40  # characters of context shown on each side of a mention


def edition_years(content: Path) -> list[int]:
    """The years that have an edition folder in content/, oldest first."""
    if not content.is_dir():
        return []
    return sorted(int(p.name) for p in content.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))


def existing_edition(content: Path, year: int) -> Path:
    folder = content / str(year)
    if not folder.is_dir():
        raise GeneratorError(f"không có nội dung năm {year} (thư mục {display_path(folder)})")
    return folder


def newest_year(content: Path) -> int:
    years = edition_years(content)
    if not years:
        raise GeneratorError(f"không có thư mục nội dung theo năm nào trong {display_path(content)}")
    return years[-1]


def year_mentions(text: str, year: int) -> list[re.Match[str]]:
    """Every place `year` stands as a four-digit number in `text`."""
    return list(re.finditer(rf"(?<!\d){year}(?!\d)", text))


def excerpt(text: str, start: int, end: int, chars: int = EXCERPT_CHARS) -> str:
    """`text[start:end]` with some words around it, "…" where the text is cut, inside “ ”."""
    left = max(0, start - chars)
    right = min(len(text), end + chars)
    # Cut at a space so that no word is shown half.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return "“" + ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "") + "”"
