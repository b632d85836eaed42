"""Write the distribution list as CSV (for a spreadsheet) and as an HTML page (for a browser)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import jinja2

from ..document.manifest import Manifest
from ..errors import TemplateProblem
from .jinja import strict_environment


def render_csv(manifest: Manifest) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(manifest.columns)
    for row in manifest.rows:
        documents = [f"{d.docx} {d.pdf}" if d else "" for d in (*row.documents, *manifest.plan)]
        writer.writerow(
            [
                row.number,
                row.name,
                row.short_name,
                row.relation,
                row.tasks,
                row.indicators,
                row.letter_number,
                row.deadline,
                *documents,
                row.reached_by,
            ]
        )
    writer.writerow([])
    names = manifest.words.columns
    writer.writerow([names.number, names.plan_line, names.sent])
    for line in manifest.plan_lines:
        writer.writerow([line.number, line.text, line.sent])
    # The byte order mark lets Excel read the file as UTF-8, so Vietnamese letters show.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_manifest_html(manifest: Manifest, html_folder: Path, template: str) -> bytes:
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    try:
        return environment.get_template(template).render(manifest=manifest).encode("utf-8")
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / template}: lỗi mẫu HTML: {err}") from err
