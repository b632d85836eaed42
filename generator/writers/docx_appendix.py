"""Appendices of a DOCX: each a new section after the signature, numbered from 1, portrait or landscape.

docxtpl cannot start sections or repeat columns, so the pages are added to the rendered document
with python-docx, in the template's own paragraph styles (found by name).
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..document.model import AppendixPage, Document
from . import layout
from .word_styles import named_style

# The template's styles each part of an appendix page is set in, by their names in Word.
LABEL_STYLE = "Tên loại văn bản"
TITLE_STYLE = "Trích yếu"
REFERENCE_STYLE = "Địa danh, ngày tháng"
RULE_STYLE = "Gạch dưới trích yếu"
HEADER_CELL_STYLE = "Tiêu đề bảng"
CELL_STYLE = "Ô bảng"
NUMBER_CELL_STYLE = "Ô bảng (giữa)"


def _style(docx, name: str):
    return named_style(docx, name, "phụ lục")


def add_appendices(docx, document: Document) -> None:
    for page in document.appendices:
        _add_page(docx, page)


def _add_page(docx, page: AppendixPage) -> None:
    section = docx.add_section(WD_SECTION.NEW_PAGE)
    if page.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(layout.PAGE_HEIGHT_MM), Mm(layout.PAGE_WIDTH_MM)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(layout.PAGE_WIDTH_MM), Mm(layout.PAGE_HEIGHT_MM)
    # Decree 30, Phụ lục I, III.1.đ: each appendix is numbered on its own.
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        section._sectPr.append(numbering)
    numbering.set(qn("w:start"), "1")
    label = docx.add_paragraph(page.label, style=_style(docx, LABEL_STYLE))
    label.paragraph_format.space_before = Pt(0)
    docx.add_paragraph(page.title, style=_style(docx, TITLE_STYLE))
    docx.add_paragraph(page.reference, style=_style(docx, REFERENCE_STYLE))
    rule = docx.add_paragraph("", style=_style(docx, RULE_STYLE))
    side = (layout.appendix_text_mm(page.landscape) - layout.appendix_rule_mm(page)) / 2
    indent = rule._p.get_or_add_pPr().get_or_add_ind()
    indent.set(qn("w:left"), str(Mm(side).twips))
    indent.set(qn("w:right"), str(Mm(side).twips))
    _add_table(docx, page)


def _add_table(docx, page: AppendixPage) -> None:
    widths = layout.appendix_widths(page)
    table = docx.add_table(rows=1 + len(page.table.rows), cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        borders.append(line)
    properties.append(borders)
    layout_element = OxmlElement("w:tblLayout")
    layout_element.set(qn("w:type"), "fixed")
    properties.append(layout_element)
    margins = OxmlElement("w:tblCellMar")  # the same padding as the PDF's cells
    vertical, horizontal = layout.TABLE_CELL_PADDING_PT
    for edge, points in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(round(points * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    header, number, cell_style = (
        _style(docx, HEADER_CELL_STYLE),
        _style(docx, NUMBER_CELL_STYLE),
        _style(docx, CELL_STYLE),
    )
    for row_index, row in enumerate(table.rows):
        values = page.table.columns if row_index == 0 else page.table.rows[row_index - 1]
        row_properties = row._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))
        if row_index == 0:
            row_properties.append(OxmlElement("w:tblHeader"))  # repeated on every page
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(widths[column])
            paragraph = cell.paragraphs[0]
            paragraph.style = header if row_index == 0 else (number if column == 0 else cell_style)
            if row_index == 0:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph.add_run(value)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(Mm(width).twips))
