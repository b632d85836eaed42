"""Rendering one output file; runs in a worker process.

The writers (docxtpl, WeasyPrint) are imported on first use, so deciding what is current never
pays for them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .document.model import Document


@dataclass(frozen=True)
class RenderTask:
    format: Literal["docx", "pdf"]
    document: Document
    template: Path  # the .docx template, or the HTML template inside templates/html/
    word_template: Path | None = None  # for a PDF: the .docx template whose paragraph styles it takes

    @property
    def content_digest(self) -> str:
        return content_digest(self.document)

    @property
    def cost(self) -> int:
        """A rough relative cost, so the longest tasks start first and the workers finish together."""
        weight = 4 if self.format == "pdf" else 1
        return weight * (len(self.document.blocks) + sum(len(getattr(b, "rows", ())) for b in self.document.blocks))


def content_digest(document: Document) -> str:
    """A digest of the document a file shows, so of exactly the content it is made from (the
    build's fingerprint hashes the same text, with the templates and the code)."""
    return hashlib.sha256(repr(document).encode("utf-8")).hexdigest()


def check_before_rendering(tasks: list[RenderTask]) -> None:
    """Before anything is written: the libraries the PDFs need, and each Word template used (its
    styles, and for a PDF the fonts its styles name, which this machine must have)."""
    from .writers.fonts import check_pdf_libraries
    from .writers.word_styles import template_fonts, template_styles

    if any(task.format == "pdf" for task in tasks):
        check_pdf_libraries()
    pdf_templates = {task.word_template for task in tasks if task.format == "pdf"}
    for template in sorted({task.template if task.format == "docx" else task.word_template for task in tasks}):
        template_styles(template)
        if template in pdf_templates:
            template_fonts(template)


def render(task: RenderTask) -> bytes:
    if task.format == "docx":
        from .writers.docx import render_docx
        from .writers.words import check_docx

        data = render_docx(task.document, task.template, task.content_digest)
        check_docx(task.document, data)  # a DOCX that lost text is an error, never a written file
        return data
    from .writers.pdf import render_pdf

    return render_pdf(task.document, task.template.parent, task.template.name, task.word_template)


def warm_up() -> None:
    """What a worker does before its first task: import the writers and WeasyPrint and load the
    fonts (about half a second), while the main process still validates the content. An import
    that fails here fails again in the first task, which reports it; WeasyPrint's own notice of
    missing libraries is silenced here for that reason (the build checks them first and says what
    to install)."""
    import contextlib
    import io

    with contextlib.suppress(Exception), contextlib.redirect_stdout(io.StringIO()):
        from .writers import docx  # noqa: F401
        from .writers.pdf import weasyprint_and_fonts

        weasyprint_and_fonts()
