"""A Quyết định's parts the Word template has no place for: its centred lines, and the plan it
issues, from a new page after its signature, added with python-docx in the template's own styles."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..document.model import Block, Document
from . import layout
from .word_styles import STYLE_NAMES, named_style


def _style(docx, style_id: str):
    return named_style(docx, STYLE_NAMES[style_id], "quyết định")


def template_kind(block: Block) -> str:
    """The template's kind for a block: a centred line is laid out as a heading, then centred."""
    return "heading" if block.kind == "centred" else block.kind


def centre_lines(docx, document: Document) -> None:
    """Centre the heading paragraphs that stand for centred blocks, in their order."""
    wanted = [block.text for block in document.blocks if isinstance(block, Block) and block.kind == "centred"]
    if not wanted:
        return
    heading_style = _style(docx, "VBHeading")
    for paragraph in docx.paragraphs:
        if wanted and paragraph.style == heading_style and paragraph.text == wanted[0]:
            wanted.pop(0)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.first_line_indent = Mm(0)
            paragraph.paragraph_format.left_indent = Mm(0)


def _add_runs(paragraph, block: Block) -> None:
    for span in block.spans:
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None


def add_attached(docx, document: Document) -> None:
    """The attached plan: type name on a new page, title, "(Kèm theo …)", the rule, then its body."""
    attached = document.attached
    if attached is None:
        return
    label = docx.add_paragraph(attached.type_name, style=_style(docx, "VBTypeName"))
    label.paragraph_format.page_break_before = True
    label.paragraph_format.space_before = Pt(0)
    docx.add_paragraph(attached.title, style=_style(docx, "VBTitle"))
    note = docx.add_paragraph(attached.note, style=_style(docx, "VBPlaceDate"))
    note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule = docx.add_paragraph("", style=_style(docx, "VBRuleTitle"))
    title_mm = min(layout.text_width_mm(attached.title, layout.TITLE_PT, "bold"), layout.TEXT_WIDTH_MM)
    side = (layout.TEXT_WIDTH_MM - title_mm * layout.SHORT_RULE_SHARE) / 2
    indent = rule._p.get_or_add_pPr().get_or_add_ind()
    indent.set(qn("w:left"), str(Mm(side).twips))
    indent.set(qn("w:right"), str(Mm(side).twips))
    styles = {"heading": "VBHeading", "paragraph": "VBBody", "closing": "VBBody", "centred": "VBHeading"}
    for block in attached.blocks:
        _add_runs(docx.add_paragraph("", style=_style(docx, styles[block.kind])), block)
