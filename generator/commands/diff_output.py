"""`diff`'s output: the comparison, as an HTML page and a DOCX with tracked changes
(writers/comparison.py), written into output/<TO>/.
"""

from __future__ import annotations

from pathlib import Path

from ..document.comparison import Comparison, automatic_line, summary_lines
from ..engine import WriteReport, write_outputs
from ..state import digest
from ..writers.comparison import render_docx, render_html

STATE = ".so-sanh-state.json"  # in output/<TO>/, beside the build's .build-state.json

# What the console and the tests read from here.
__all__ = ["automatic_line", "file_stem", "render_docx", "render_html", "summary_lines", "write_comparison"]


def file_stem(comparison: Comparison) -> str:
    return f"so-sanh-{comparison.from_year}-{comparison.to_year}"


def write_comparison(comparison: Comparison, folder: Path, templates: Path) -> WriteReport:
    """Render both files in memory, then write them through the write engine: a copy edited by
    hand (the review DOCX, in Word) is set aside before it is replaced, a file Word holds open is
    named and left as it was. The comparison keeps a state of its own beside the build's, so that
    the build never takes its files for its own."""
    stem = file_stem(comparison)
    files = {
        f"{stem}.html": render_html(comparison, templates / "html"),
        f"{stem}.docx": render_docx(comparison, templates),
    }
    report = WriteReport(folder)
    write_outputs(folder, {relative: (digest(data), data) for relative, data in files.items()}, report, state=STATE)
    return report
