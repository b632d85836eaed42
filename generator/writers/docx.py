"""Write a Document as DOCX through a docxtpl template."""

from __future__ import annotations

import functools
import io
from datetime import datetime, time
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, RichText

from ..document.model import Block, Document
from ..errors import TemplateProblem
from ..files import reproducible_zip
from . import layout
from .jinja import CompilingOnceEnvironment, strict_environment

# Empty paragraphs drawn as a rule by their bottom border: style id → (name in Word, Rules attribute, column width).
RULED_STYLES = {
    "VBRuleAgency": ("Gạch dưới tên cơ quan", "agency_mm", layout.HEADER_LEFT_MM),
    "VBRuleMotto": ("Gạch dưới tiêu ngữ", "motto_mm", layout.HEADER_RIGHT_MM),
    "VBRuleTitle": ("Gạch dưới trích yếu", "title_mm", layout.TEXT_WIDTH_MM),
}


@functools.cache
def _environment() -> jinja2.Environment:
    return strict_environment(cls=CompilingOnceEnvironment)


@functools.lru_cache(maxsize=8)
def _patched_xml(source: str) -> str:
    return DocxTemplate.patch_xml(None, source)


class _DocxTemplate(DocxTemplate):
    """docxtpl cleans each part's XML with some twenty regular expressions before every render: a
    third of a DOCX's time. The same template part always cleans to the same text, so it is done
    once per process."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)


def rich(block: Block) -> RichText:
    text = RichText()
    for span in block.spans:
        text.add(span.text, bold=span.bold, italic=span.italic)
    return text


def render_docx(document: Document, template: Path) -> bytes:
    docx_template = _DocxTemplate(template)
    context = {
        "doc": document,
        # Paragraph text goes in as docxtpl rich text (runs with bold and italic); tables and
        # writing lines are laid out by the template from their own fields.
        "blocks": [{"kind": block.kind, "rich": rich(block)} if isinstance(block, Block) else block for block in document.blocks],
    }
    try:
        docx_template.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as err:
        near = " / ".join(line.strip() for line in getattr(err, "docx_context", []) if line.strip())
        raise TemplateProblem(f"{template}: lỗi mẫu Word: {err}" + (f" (gần: {near})" if near else "")) from err
    _draw_rules(docx_template.docx, document)
    _set_properties(docx_template.docx, document)
    buffer = io.BytesIO()
    docx_template.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _draw_rules(docx, document: Document) -> None:
    """Set each ruled paragraph's indents so that its border is as long as the layout says."""
    rules = layout.rules(document)
    body = docx.element.body
    for paragraph in body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in RULED_STYLES:
            continue
        _, attribute, column_mm = RULED_STYLES[style.get(qn("w:val"))]
        side = max((column_mm - getattr(rules, attribute)) / 2, 0)
        indent = paragraph.get_or_add_pPr().get_or_add_ind()
        indent.set(qn("w:left"), str(Mm(side).twips))
        indent.set(qn("w:right"), str(Mm(side).twips))


# Word's core properties hold at most 255 characters (python-docx refuses more): a long trích yếu
# is shortened there, never in the document.
_PROPERTY_CHARS = 255


def _property(text: str) -> str:
    if len(text) <= _PROPERTY_CHARS:
        return text
    cut = text[:_PROPERTY_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _set_properties(docx, document: Document) -> None:
    core = docx.core_properties
    stamp = datetime.combine(document.info.created, time())
    core.title = _property(document.info.title)
    core.author = core.last_modified_by = _property(document.info.author)
    core.created = core.modified = stamp
    core.last_printed = stamp
    core.revision = 1
