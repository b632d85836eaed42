"""Small python-docx helpers shared by the unseen-plan scripts.

These scripts type plans the way a clerk does in Word (not the way this program writes them):
they are test input for `tools/measure_unseen.py`, never used by the generator.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def new_document(font: str = "Times New Roman", size: float = 14) -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), font)
    style.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    return document


def para(container, parts, *, align=JUSTIFY, indent: bool = True, before: float = 0, after: float = 6):
    """A paragraph from parts: a string, or (text, "b"/"i"/"bi") pairs, or "\n" for a manual break."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Mm(12.7)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    for part in [parts] if isinstance(parts, str) else parts:
        if part == "\n":
            p.add_run().add_break()
            continue
        text, style = (part, "") if isinstance(part, str) else part
        run = p.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
    return p


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def save(document, name: str, letters: list[list[str]]) -> Path:
    """Write the plan, and beside it what an outsider expects of it: one letter per body the plan
    assigns, each given as the names its "Kính gửi" may use (`<name>.expect.json`)."""
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: python {sys.argv[0]} OUTPUT_FOLDER")
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    document.save(path)
    expect = {"letters": letters}
    (folder / (path.stem + ".expect.json")).write_text(json.dumps(expect, ensure_ascii=False, indent=1), "utf-8")
    print(path)
    return path


def set_widths(table, widths) -> None:
    """Column widths as Word stores them (grid and every cell), so LibreOffice keeps them too."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def signature_table(document, sent_to: list[str], titles: list[str], name: str) -> None:
    """Nơi nhận (11 pt lines) on the left, the signer's titles and name on the right, in a
    borderless two-column table as most clerks type it."""
    table = document.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    set_widths(table, (Mm(85), Mm(80)))
    para(left, [("Nơi nhận:", "bi")], indent=False, after=0)
    for line in sent_to:
        p = para(left, line, indent=False, after=0)
        p.runs[0].font.size = Pt(11)
    left._tc.remove(left.paragraphs[0]._p)
    for title in titles:
        para(right, [(title, "b")], align=CENTER, indent=False, after=0)
    for _ in range(4):
        para(right, "", align=CENTER, indent=False, after=0)
    para(right, [(name, "b")], align=CENTER, indent=False, after=0)
    right._tc.remove(right.paragraphs[0]._p)
