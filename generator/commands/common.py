"""Small pieces shared by the edition commands: finding editions, years in text, excerpts."""

from __future__ import annotations

import re
from pathlib import Path

from ..files import display_path
from ..errors import GeneratorError
from ..project import is_edition_folder, no_editions
from ..content.text import YEAR, excerpt  # noqa: F401 (the commands' years and excerpts)


def edition_years(content: Path) -> list[int]:
    """The years that have an edition folder in content/, oldest first."""
    if not content.is_dir():
        return []
    return sorted(int(p.name) for p in content.iterdir() if is_edition_folder(p))


def existing_edition(content: Path, year: int) -> Path:
    folder = content / str(year)
    if not folder.is_dir():
        raise GeneratorError(f"không có nội dung năm {year} (thư mục {display_path(folder)})")
    return folder


def newest_year(content: Path) -> int:
    years = edition_years(content)
    if not years:
        raise no_editions(content)
    return years[-1]


def year_mentions(text: str, year: int) -> list[re.Match[str]]:
    """Every place `year` stands as a four-digit number in `text`."""
    return list(re.finditer(rf"(?<!\d){year}(?!\d)", text))
