"""`diff`'s output: the comparison, as an HTML page and a DOCX with tracked changes
(writers/comparison.py), written into output/<TO>/.
"""

from __future__ import annotations

from pathlib import Path

from ..document.comparison import Comparison, automatic_line, summary_lines
from ..files import write_atomic
from ..writers.comparison import render_docx, render_html

# What the console and the tests read from here.
__all__ = ["automatic_line", "file_stem", "render_docx", "render_html", "summary_lines", "write_comparison"]


def file_stem(comparison: Comparison) -> str:
    return f"so-sanh-{comparison.from_year}-{comparison.to_year}"


def write_comparison(comparison: Comparison, folder: Path, templates: Path) -> list[Path]:
    """Render both files in memory, then write each atomically."""
    stem = file_stem(comparison)
    files = {
        folder / f"{stem}.html": render_html(comparison, templates / "html"),
        folder / f"{stem}.docx": render_docx(comparison, templates),
    }
    for path, data in files.items():
        write_atomic(path, data)
    return list(files)
