"""Rendering one output file; runs in a worker process.

The writers (docxtpl, WeasyPrint) are imported on first use, so deciding what is current never
pays for them.
"""

from __future__ import annotations

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
    def cost(self) -> int:
        """A rough relative cost, so the longest tasks start first and the workers finish together."""
        weight = 4 if self.format == "pdf" else 1
        return weight * (len(self.document.blocks) + sum(len(getattr(b, "rows", ())) for b in self.document.blocks))


def render(task: RenderTask) -> bytes:
    if task.format == "docx":
        from .writers.docx import render_docx

        return render_docx(task.document, task.template)
    from .writers.pdf import render_pdf

    return render_pdf(task.document, task.template.parent, task.template.name, task.word_template)
