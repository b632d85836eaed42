"""Make the Word templates in templates/ from the layout numbers of generator/writers/layout.py.

Run by `make templates`. The .docx files it writes are the templates the build uses; a clerk may
open them in Word and change the look (running this script again overwrites such changes).
Every docxtpl tag is written whole into one run, so Word's spell-checker cannot split it.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.writers import layout  # noqa: E402
from generator.files import reproducible_zip, write_atomic  # noqa: E402
from generator.writers.word_styles import RULED_STYLES, STYLE_NAMES  # noqa: E402
from generator.writers.language import LANGUAGE, mark_runs, set_language  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT, RIGHT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)

# style id → (size in pt, bold, italic, alignment, first-line indent, space before, keep with next);
# the name shown in Word, by which the writers find the style, is STYLE_NAMES[style id].
PARAGRAPH_STYLES = {
    "VBAgencyParent": (layout.AGENCY_PT, False, False, CENTER, False, 0, False),
    "VBAgency": (layout.AGENCY_PT, True, False, CENTER, False, 0, False),
    "VBNationalName": (layout.NATIONAL_NAME_PT, True, False, CENTER, False, 0, False),
    "VBMotto": (layout.MOTTO_PT, True, False, CENTER, False, 0, False),
    "VBNumber": (layout.NUMBER_PT, False, False, CENTER, False, 6, False),
    "VBSubject": (layout.SUBJECT_PT, False, False, CENTER, False, 6, False),
    "VBPlaceDate": (layout.PLACE_DATE_PT, False, True, CENTER, False, 6, False),
    "VBTypeName": (layout.TYPE_NAME_PT, True, False, CENTER, False, 24, True),
    "VBTitle": (layout.TITLE_PT, True, False, CENTER, False, 0, True),
    "VBAddressee": (layout.BODY_PT, False, False, LEFT, False, 12, True),
    "VBHeading": (layout.BODY_PT, False, False, JUSTIFY, True, layout.PARAGRAPH_SPACE_PT, True),
    "VBBody": (layout.BODY_PT, False, False, JUSTIFY, True, layout.PARAGRAPH_SPACE_PT, False),
    "VBClosing": (layout.BODY_PT, False, False, JUSTIFY, True, layout.PARAGRAPH_SPACE_PT, True),
    "VBRecipientsLabel": (layout.RECIPIENTS_LABEL_PT, True, True, LEFT, False, 0, False),
    "VBRecipientsLabelParty": (
        layout.PARTY_RECIPIENTS_LABEL_PT,
        False,
        False,
        LEFT,
        False,
        0,
        False,
    ),  # underlined, below
    "VBRecipients": (layout.RECIPIENTS_PT, False, False, LEFT, False, 0, False),
    "VBSignature": (layout.SIGNATURE_PT, True, False, CENTER, False, 0, False),
    "VBSignatureNote": (layout.SIGNATURE_PT, False, True, CENTER, False, 0, False),
    "VBSignerName": (layout.SIGNATURE_PT, True, False, CENTER, False, 0, False),
    "VBTableHeader": (layout.TABLE_PT, True, False, CENTER, False, 0, False),
    "VBTableCell": (layout.TABLE_PT, False, False, LEFT, False, 0, False),
    "VBTableNumber": (layout.TABLE_PT, False, False, CENTER, False, 0, False),
    "VBTableFigure": (layout.TABLE_PT, False, False, RIGHT, False, 0, False),
    # An empty line as small as a rule's, giving a table its space above (Word has no space before a table).
    "VBTableSpace": (
        layout.RULE_LINE_PT,
        False,
        False,
        LEFT,
        False,
        layout.TABLE_SPACE_BEFORE_PT - layout.RULE_LINE_PT * layout.SINGLE_LINE,
        True,
    ),
    # The same above the Nơi nhận and signature block, kept with it like the closing paragraph.
    "VBSignatureSpace": (
        layout.RULE_LINE_PT,
        False,
        False,
        LEFT,
        False,
        layout.SIGNATURE_SPACE_BEFORE_PT - layout.RULE_LINE_PT * layout.SINGLE_LINE,
        True,
    ),
    "VBWritingLine": (layout.BODY_PT, False, False, LEFT, False, 0, False),
    "VBFormLabel": (layout.TABLE_PT, False, False, RIGHT, False, 0, False),
    # A form's instructions, after its signature, go to a page together: each kept with the next.
    "VBFormNote": (layout.TABLE_PT, False, True, JUSTIFY, False, 0, True),
    "VBPageNumber": (layout.PAGE_NUMBER_PT, False, False, CENTER, False, 0, False),
}
# Body text: based on the body style ("Đoạn văn"), from which they take font, size and spacing.
BODY_TEXT_STYLES = ("VBHeading", "VBClosing", "VBAddressee")


def set_fonts(rpr) -> None:
    """Times New Roman for every script, so no run falls back to a theme font; Vietnamese as the
    language, so that Word checks the spelling with its Vietnamese dictionary. Set on the document
    defaults and Normal only: every other style takes them from there."""
    set_language(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def define_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(layout.BODY_PT)
    normal.font.color.rgb = None
    set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # The document defaults too, so that table text and anything unstyled is Times New Roman.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for style_id in PARAGRAPH_STYLES:  # all first: a style may be based on one defined after it
        style = styles.add_style(STYLE_NAMES[style_id], WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.quick_style = True
    for style_id, values in PARAGRAPH_STYLES.items():
        define_style(styles, style_id, values, normal)
    styles[STYLE_NAMES["VBRecipientsLabelParty"]].font.underline = True
    addressee = styles[STYLE_NAMES["VBAddressee"]].paragraph_format
    addressee.left_indent = Mm(layout.ADDRESSEE_INDENT_MM)
    writing = styles[STYLE_NAMES["VBWritingLine"]]
    writing.paragraph_format.line_spacing = Pt(layout.WRITING_LINE_PT)
    # Consecutive paragraphs with the same border form one bordered group in Word and LibreOffice;
    # the "between" border draws the lines inside the group.
    add_border(writing.element.get_or_add_pPr(), bottom_border("single", between=True))
    # The last lines to write on stay with what follows (the signature, when they end a form), so
    # that the signature never stands alone on a page; the others may stay on the page before.
    last = styles.add_style(STYLE_NAMES["VBWritingLineLast"], WD_STYLE_TYPE.PARAGRAPH)
    last.element.set(qn("w:styleId"), "VBWritingLineLast")
    last.base_style = writing
    last.quick_style = True
    last.paragraph_format.keep_with_next = True
    for style_id in RULED_STYLES:
        # An empty paragraph whose only purpose is its border; the writer sets its length. A rule of
        # its own (not the border of the text above) leaves the text its full column to fit in.
        style = styles.add_style(STYLE_NAMES[style_id], WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = normal
        style.font.size = Pt(layout.RULE_LINE_PT)
        style.paragraph_format.space_before = Pt(layout.RULE_SPACE_BEFORE_PT)
        style.paragraph_format.alignment = CENTER
        style.paragraph_format.line_spacing = 1.0
        add_border(style.element.get_or_add_pPr(), bottom_border("single"))


def define_style(styles, style_id: str, values: tuple, normal) -> None:
    """One paragraph style. The font is the document's (Normal and the defaults), so that one change
    in Word restyles every style; a body-text style is based on the body style and sets only what
    differs from it, so that restyling "Đoạn văn" restyles the headings and the closing too."""
    style = styles[STYLE_NAMES[style_id]]
    based = style_id in BODY_TEXT_STYLES
    base_values = PARAGRAPH_STYLES["VBBody"] if based else (None,) * len(values)
    style.base_style = styles[STYLE_NAMES["VBBody"]] if based else normal
    size, bold, italic, align, indent, before, keep = values
    fmt = style.paragraph_format
    if size != base_values[0]:
        style.font.size = Pt(size)
    if not based:
        style.font.bold, style.font.italic = bold, italic
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        fmt.widow_control = True
    if align != base_values[3]:
        fmt.alignment = align
    if indent != base_values[4]:
        fmt.first_line_indent = Mm(layout.FIRST_LINE_INDENT_MM) if indent else Mm(0)
    if before != base_values[5]:
        # LibreOffice takes a style's w:spacing whole, not attribute by attribute from the style it
        # is based on: with the space before, the space after and the line spacing are written too.
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(0), 1.0
    if keep != base_values[6]:
        fmt.keep_with_next = keep


# Children of w:pPr and w:tblPr that come after w:pBdr and w:tblBorders in the ECMA-376 sequences.
AFTER_PARAGRAPH_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
AFTER_TABLE_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def add_border(paragraph_properties, border) -> None:
    paragraph_properties.insert_element_before(border, *AFTER_PARAGRAPH_BORDER)


def table_borders(kind: str, size: str):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if kind != "nil":
            for key, value in (("w:sz", size), ("w:space", "0"), ("w:color", "000000")):
                element.set(qn(key), value)
        borders.append(element)
    return borders


def bottom_border(kind: str, between: bool = False):
    border = OxmlElement("w:pBdr")
    for edge in ("bottom", "between") if between else ("bottom",):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", kind), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            element.set(qn(key), value)
        border.append(element)
    return border


def style_name(style_id: str) -> str:
    return STYLE_NAMES[style_id]


def add_text(para, text: str):
    """Put `text` in a single run (a docxtpl tag must not be split) with its spaces kept."""
    if text:
        run = para.add_run(text)
        run._r.find(qn("w:t")).set(qn("xml:space"), "preserve")
    return para


def paragraph(container, text: str, style_id: str):
    return add_text(container.add_paragraph(style=style_name(style_id)), text)


def fixed_table(document, rows: int, widths_mm, border: str, border_size: str):
    """A centred table whose columns keep the widths the layout computed (w:tblLayout fixed)."""
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table._tbl.tblPr.insert_element_before(table_borders(border, border_size), *AFTER_TABLE_BORDERS)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def borderless_table(document, widths_mm: list[float]):
    table = fixed_table(document, 1, widths_mm, "nil", "0")
    # No cell padding, so the columns are exactly the widths the layout computed.
    cell_margins(table, vertical_pt=0, horizontal_pt=0)
    return table


def cell_margins(table, *, vertical_pt: float, horizontal_pt: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, points in (
        ("top", vertical_pt),
        ("left", horizontal_pt),
        ("bottom", vertical_pt),
        ("right", horizontal_pt),
    ):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(points * 20)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, *AFTER_CELL_MARGINS)


def cell_start(cell, text: str, style_id: str):
    """Use the empty first paragraph python-docx puts in every cell."""
    para = cell.paragraphs[0]
    para.style = style_name(style_id)
    return add_text(para, text)


def header_table(document):
    """The page-1 header: agency | national name and motto, then number | place and date."""
    table = borderless_table(document, [layout.HEADER_LEFT_MM, layout.HEADER_RIGHT_MM])
    left, right = table.rows[0].cells
    cell_start(left, "{%p if doc.header.parent_agency %}", "VBAgencyParent")
    paragraph(left, "{{ doc.header.parent_agency }}", "VBAgencyParent")
    paragraph(left, "{%p endif %}", "VBAgencyParent")
    paragraph(left, "{%p for line in doc.header.agency_lines %}", "VBAgency")
    paragraph(left, "{{ line }}", "VBAgency")
    paragraph(left, "{%p endfor %}", "VBAgency")
    # A Party body's header marks its name with a star instead of a rule (Hướng dẫn 36-HD/VPTW).
    paragraph(left, "{%p if doc.header.agency_mark %}", "VBAgency")
    paragraph(left, "{{ doc.header.agency_mark }}", "VBAgencyParent")
    paragraph(left, "{%p else %}", "VBAgency")
    paragraph(left, "", "VBRuleAgency")
    paragraph(left, "{%p endif %}", "VBAgency")
    cell_start(right, "{{ doc.header.national_name }}", "VBNationalName")
    paragraph(right, "{%p if doc.header.motto %}", "VBMotto")
    paragraph(right, "{{ doc.header.motto }}", "VBMotto")
    paragraph(right, "{%p endif %}", "VBMotto")
    paragraph(right, "", "VBRuleMotto")
    row = table.add_row()
    left, right = row.cells
    cell_start(left, "{{ doc.header.number_line }}", "VBNumber")
    paragraph(left, "{%p for line in doc.header.subject_lines %}", "VBSubject")
    paragraph(left, "{{ line }}", "VBSubject")
    paragraph(left, "{%p endfor %}", "VBSubject")
    cell_start(right, "{{ doc.header.place_date }}", "VBPlaceDate")
    return table


def body_loop(document) -> None:
    paragraph(document, "{%p for block in blocks %}", "VBBody")
    paragraph(document, "{%p if block.kind == 'heading' %}", "VBHeading")
    paragraph(document, "{{r block.rich }}", "VBHeading")
    paragraph(document, "{%p elif block.kind == 'paragraph' %}", "VBBody")
    paragraph(document, "{{r block.rich }}", "VBBody")
    paragraph(document, "{%p elif block.kind == 'closing' %}", "VBClosing")
    paragraph(document, "{{r block.rich }}", "VBClosing")
    paragraph(document, "{%p elif block.kind == 'writing_lines' %}", "VBWritingLine")
    paragraph(document, "{%p for _ in range(block.count) %}", "VBWritingLine")
    paragraph(document, f"{{%p if loop.revindex > {layout.WRITING_LINES_KEPT} %}}", "VBWritingLine")
    paragraph(document, "", "VBWritingLine")
    paragraph(document, "{%p else %}", "VBWritingLineLast")
    paragraph(document, "", "VBWritingLineLast")
    paragraph(document, "{%p endif %}", "VBWritingLine")
    paragraph(document, "{%p endfor %}", "VBWritingLine")
    for name, widths in layout.TABLE_COLUMNS_MM.items():
        paragraph(document, f"{{%p elif block.kind == 'table' and block.name == '{name}' %}}", "VBBody")
        paragraph(document, "", "VBTableSpace")
        form_table(
            document,
            widths,
            layout.TABLE_CENTRED_COLUMNS[name],
            layout.TABLE_ROW_MIN_MM.get(name),
            layout.TABLE_FIGURE_COLUMNS[name],
        )
    paragraph(document, "{%p endif %}", "VBBody")
    paragraph(document, "{%p endfor %}", "VBBody")


def form_table(
    document,
    widths: tuple[float, ...],
    centred: tuple[int, ...],
    row_min_mm: float | None,
    figures: tuple[int, ...] = (),
) -> None:
    """A ruled table: a bold header row repeated on every page, then one row per data row (at
    least `row_min_mm` tall where the rows are written in by hand)."""
    table = fixed_table(document, 4, widths, "single", "4")
    cell_margins(table, vertical_pt=layout.TABLE_CELL_PADDING_PT[0], horizontal_pt=layout.TABLE_CELL_PADDING_PT[1])
    head, loop_start, data, loop_end = table.rows
    for index, cell in enumerate(head.cells):
        cell_start(cell, f"{{{{ block.columns[{index}] }}}}", "VBTableHeader")
    cell_start(loop_start.cells[0], "{%tr for row in block.rows %}", "VBTableCell")
    for index, cell in enumerate(data.cells):
        # STT and the unit are centred; a summary's figures right-aligned; the text and the figures to
        # fill in start at the left.
        style = "VBTableNumber" if index in centred else "VBTableFigure" if index in figures else "VBTableCell"
        cell_start(cell, f"{{{{ row[{index}] }}}}", style)
    cell_start(loop_end.cells[0], "{%tr endfor %}", "VBTableCell")
    for row in table.rows:
        row_properties = row._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))
    if row_min_mm:
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(Mm(row_min_mm).twips))
        height.set(qn("w:hRule"), "atLeast")
        data._tr.get_or_add_trPr().append(height)
    head._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell in head.cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # as the PDF's header cells


def signature_table(document) -> None:
    """Nơi nhận on the left, level with the signature lines on the right."""
    paragraph(document, "", "VBSignatureSpace")
    table = borderless_table(document, [layout.SIGNATURE_LEFT_MM, layout.SIGNATURE_RIGHT_MM])
    left, right = table.rows[0].cells
    # The label's look is the document's: a state body's (Decree 30) or a Party body's (Hướng dẫn 36-HD/VPTW).
    cell_start(left, "{%p if doc.recipients_style == 'dang' %}", "VBRecipientsLabelParty")
    paragraph(left, "{{ doc.recipients_label }}", "VBRecipientsLabelParty")
    paragraph(left, "{%p else %}", "VBRecipientsLabel")
    paragraph(left, "{{ doc.recipients_label }}", "VBRecipientsLabel")
    paragraph(left, "{%p endif %}", "VBRecipientsLabel")
    paragraph(left, "{%p for line in doc.recipients %}", "VBRecipients")
    paragraph(left, "{{ line }}", "VBRecipients")
    paragraph(left, "{%p endfor %}", "VBRecipients")
    cell_start(right, "{%p for line in doc.signature.lines %}", "VBSignature")
    paragraph(right, "{{ line }}", "VBSignature")
    paragraph(right, "{%p endfor %}", "VBSignature")
    paragraph(right, "{%p if doc.signature.note %}", "VBSignatureNote")
    paragraph(right, "{{ doc.signature.note }}", "VBSignatureNote")
    paragraph(right, "{%p endif %}", "VBSignatureNote")
    for _ in range(layout.SIGNATURE_SPACE_LINES):
        paragraph(right, "", "VBSignature")
    paragraph(right, "{{ doc.signature.name }}", "VBSignerName")
    # The block moves to the next page whole, with the closing paragraph kept before it.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def page_setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(layout.PAGE_WIDTH_MM), Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN_TOP_MM), Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(layout.MARGIN_LEFT_MM), Mm(layout.MARGIN_RIGHT_MM)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(layout.HEADER_DISTANCE_MM)
    # Page numbers from page 2 on, centred in the top margin; page 1 has an empty header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.style = style_name("VBPageNumber")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    number._p.append(field)


def new_document():
    document = Document()
    # python-docx's default template starts with one empty paragraph; the template starts with its header.
    body = document.element.body
    for para in body.findall(qn("w:p")):
        body.remove(para)
    define_styles(document)
    page_setup(document)
    return document


def document_template() -> None:
    """One template for every kind: plan, letter (no type name; V/v, Kính gửi) and report form."""
    document = new_document()
    paragraph(document, "{%p for line in doc.label_lines %}", "VBFormLabel")
    paragraph(document, "{{ line.text }}", "VBFormLabel")
    paragraph(document, "{%p endfor %}", "VBFormLabel")
    header_table(document)
    paragraph(document, "{%p if doc.type_name %}", "VBTypeName")
    paragraph(document, "{{ doc.type_name }}", "VBTypeName")
    paragraph(document, "{{ doc.title }}", "VBTitle")
    paragraph(document, "", "VBRuleTitle")
    paragraph(document, "{%p endif %}", "VBTypeName")
    paragraph(document, "{%p for line in doc.addressees %}", "VBAddressee")
    paragraph(document, "{{ line }}", "VBAddressee")
    paragraph(document, "{%p endfor %}", "VBAddressee")
    body_loop(document)
    signature_table(document)
    paragraph(document, "{%p for line in doc.notes %}", "VBFormNote")
    paragraph(document, "{{ line }}", "VBFormNote")
    paragraph(document, "{%p endfor %}", "VBFormNote")
    save(document, "van-ban.docx")


def mark_language(document) -> None:
    """The template's own runs (docxtpl tags, page numbers) and Word's theme language in Vietnamese."""
    mark_runs(document.element.body)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                mark_runs(part._element)
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), LANGUAGE)


def save(document, name: str) -> None:
    mark_language(document)
    core = document.core_properties
    core.author = core.last_modified_by = ""
    core.title = core.subject = core.keywords = core.comments = ""
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    # Fixed zip times and order: remaking an unchanged template gives the same bytes.
    write_atomic(TEMPLATES / name, reproducible_zip(slimmed(buffer.getvalue())))
    print(f"wrote templates/{name}")


# python-docx's default package carries 800 kB of styles for every built-in Word style, a legacy
# copy of them, a thumbnail and custom XML; every generated document would parse and compress them.
DROPPED_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def slimmed(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist() if not name.startswith(DROPPED_PARTS)}
    dropped = [name for name in source.namelist() if name.startswith(DROPPED_PARTS)]
    for name in [n for n in parts if n.endswith(".rels") or n == "[Content_Types].xml"]:
        tree = etree.fromstring(parts[name])
        for element in list(tree):
            target = element.get("Target") or element.get("PartName") or ""
            if (
                any(target.lstrip("/").endswith(d.split("/")[-1]) and d.split("/")[-1] for d in dropped)
                or "customXml" in target
            ):
                tree.remove(element)
        parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/styles.xml"] = _used_styles_only(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def _used_styles_only(parts: dict[str, bytes]) -> bytes:
    styles = etree.fromstring(parts["word/styles.xml"])
    ns = {"w": W}
    for latent in styles.findall("w:latentStyles", ns):
        styles.remove(latent)
    by_id = {style.get(f"{{{W}}}styleId"): style for style in styles.findall("w:style", ns)}
    used = set(STYLE_NAMES)
    used |= {sid for sid, style in by_id.items() if style.get(f"{{{W}}}default") == "1"}
    for name, content in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
            used |= set(
                etree.fromstring(content).xpath(
                    "//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val", namespaces=ns
                )
            )
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        for link in (
            style.xpath("w:basedOn/@w:val | w:next/@w:val | w:link/@w:val", namespaces=ns) if style is not None else []
        ):
            if link not in used:
                used.add(link)
                pending.append(link)
    for sid, style in by_id.items():
        if sid not in used:
            styles.remove(style)
    return etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)


if __name__ == "__main__":
    document_template()
