"""Write a Document as PDF: a Jinja2 HTML template rendered by WeasyPrint."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import jinja2

from ..document.model import Document
from ..errors import TemplateProblem
from . import layout
from .fonts import body_font, check_harfbuzz_subset
from .jinja import strict_environment


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a missing glyph or font is only a log line there."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def keep_spaces(text: str) -> str:
    """HTML folds runs of spaces into one; the blanks left for handwriting must keep their width."""
    return re.sub(r" {2,}", lambda match: "\u00a0" * len(match.group(0)), text)


def render_html(document: Document, html_folder: Path, template: str) -> str:
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    environment.filters["keep_spaces"] = keep_spaces
    try:
        return environment.get_template(template).render(doc=document, rules=layout.rules(document), L=layout, font=body_font())
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / template}: lỗi mẫu HTML: {err}") from err


def render_pdf(document: Document, html_folder: Path, template: str) -> bytes:
    html = render_html(document, html_folder, template)
    check_harfbuzz_subset()
    import weasyprint  # about a second to import: only when a PDF is written

    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        pdf = weasyprint.HTML(string=html, base_url=str(html_folder)).write_pdf()
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise TemplateProblem(f"{html_folder / template}: WeasyPrint báo lỗi khi dàn trang: " + "; ".join(collector.messages))
    return pdf
