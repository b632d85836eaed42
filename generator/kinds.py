"""The kinds of document an edition produces, as data: template, output path, how many."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .content.edition import Edition
from .document.model import Document
from .document.plan import build_plan


@dataclass(frozen=True)
class DocumentKind:
    id: str
    docx_template: str  # a file in templates/
    html_template: str  # a file in templates/html/
    output: str  # path under output/<year>/, without extension
    build: Callable[[Edition], Document]


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("ke-hoach", "ke-hoach.docx", "ke-hoach.html", "ke-hoach", build_plan),
)
