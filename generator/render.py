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

    @property
    def cost(self) -> int:
        """A rough relative cost, so the longest tasks start first and the workers finish together."""
        weight = 4 if self.format == "pdf" else 1
        return weight * (len(self.document.blocks) + sum(len(getattr(b, "rows", ())) for b in self.document.blocks))


def render(task: RenderTask) -> bytes:
    if task.format == "docx":
        from .writers.docx import render_docx
        from .writers.words import check_docx

        data = render_docx(task.document, task.template)
        check_docx(task.document, data)  # a DOCX that lost text is an error, never a written file
        return data
    from .writers.pdf import render_pdf

    return render_pdf(task.document, task.template.parent, task.template.name)
