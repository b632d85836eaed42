"""The build: read and validate an edition, prepare every document, render, then write.

Nothing is written until every document has rendered, so bad content or a broken template
leaves `output/` exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .content.edition import Edition, display_path, load_edition
from .errors import GeneratorError
from .files import write_atomic
from .kinds import KINDS
from .writers.docx import render_docx
from .writers.fonts import body_font, check_harfbuzz_subset
from .writers.pdf import render_pdf


@dataclass(frozen=True)
class Project:
    """Where the content, the templates and the output live."""

    content: Path
    templates: Path
    output: Path


def edition_folder(project: Project, year: int | None) -> Path:
    """The edition of `year`, or the newest one in content/."""
    if year is not None:
        folder = project.content / str(year)
        if not folder.is_dir():
            raise GeneratorError(f"không có nội dung năm {year} (thư mục {display_path(folder)})")
        return folder
    years = sorted(p for p in project.content.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
    if not years:
        raise GeneratorError(f"không có thư mục nội dung theo năm nào trong {display_path(project.content)}")
    return years[-1]


def render_edition(project: Project, edition: Edition) -> dict[Path, bytes]:
    """Every output file of an edition, rendered in memory."""
    files: dict[Path, bytes] = {}
    for kind in KINDS:
        document = kind.build(edition)
        target = project.output / str(edition.year) / kind.output
        files[target.with_suffix(".docx")] = render_docx(document, project.templates / kind.docx_template)
        files[target.with_suffix(".pdf")] = render_pdf(document, project.templates / "html", kind.html_template)
    return files


def build(project: Project, year: int | None = None) -> list[Path]:
    edition = load_edition(edition_folder(project, year))
    # The machine's fonts and libraries are checked before any rendering starts.
    body_font()
    check_harfbuzz_subset()
    files = render_edition(project, edition)
    for path, data in files.items():
        write_atomic(path, data)
    return list(files)
