"""The build: read and validate an edition, prepare every document, render, then write.

Nothing is written until every document has rendered, so bad content or a broken template
leaves `output/` exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .content.distribution import distribution
from .content.edition import Edition, display_path, load_edition
from .document.manifest import build_manifest
from .errors import GeneratorError
from .files import write_atomic
from .kinds import jobs
from .writers.docx import render_docx
from .writers.manifest import render_csv, render_manifest_html
from .writers.fonts import body_font, check_harfbuzz_subset
from .writers.pdf import render_pdf


MANIFEST = "danh-sach-gui"  # the distribution list, as .csv and .html in output/<year>/


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
    folder = project.output / str(edition.year)
    files: dict[Path, bytes] = {}
    by_recipient: dict[str, tuple[str, ...]] = {}
    plan_files: tuple[str, ...] = ()
    for job in jobs(edition):
        document = job.document(edition)
        names = (f"{job.stem}.docx", f"{job.stem}.pdf")
        files[folder / names[0]] = render_docx(document, project.templates / job.kind.docx_template)
        files[folder / names[1]] = render_pdf(document, project.templates / "html", job.kind.html_template)
        if job.recipient is None:
            plan_files += names
        else:
            by_recipient[job.recipient.key] = by_recipient.get(job.recipient.key, ()) + names
    manifest = build_manifest(edition, distribution(edition)[0], by_recipient, plan_files)
    files[folder / f"{MANIFEST}.csv"] = render_csv(manifest)
    files[folder / f"{MANIFEST}.html"] = render_manifest_html(manifest, project.templates / "html", f"{MANIFEST}.html")
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
