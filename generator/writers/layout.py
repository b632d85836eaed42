"""Page geometry and type sizes shared by both writers (Decree 30/2020, Phụ lục I).

The DOCX templates are made from these numbers (`tools/make_docx_templates.py`) and the PDF
stylesheet is rendered with them, so Word and PDF output are laid out alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..content.schema import MAX_REPORTING_PERIODS
from ..document.model import CELL_LINE_BREAK, AppendixPage, Document, Table
from .fonts import FAMILY, text_width_mm
from .title_breaks import broken_title

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
HEADER_DISTANCE_MM = 10  # the page number sits inside the top margin
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# The header and signature tables: the national name (≈96 mm in bold 13 pt) needs the wider column.
HEADER_LEFT_MM = 62
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
SIGNATURE_LEFT_MM = 62
SIGNATURE_RIGHT_MM = TEXT_WIDTH_MM - SIGNATURE_LEFT_MM

BODY_PT = 14
AGENCY_PT = 13
NATIONAL_NAME_PT = 13
MOTTO_PT = 14
NUMBER_PT = 13
PLACE_DATE_PT = 14
TYPE_NAME_PT = 14
TITLE_PT = 14
SUBJECT_PT = 13  # the "V/v" line of a công văn
RECIPIENTS_LABEL_PT = 12
# A Party body's "Nơi nhận" is upright and underlined (Hướng dẫn 36-HD/VPTW); its size is kept at
# Decree 30's until checked against the guide's own table (which may give 14).
PARTY_RECIPIENTS_LABEL_PT = RECIPIENTS_LABEL_PT
RECIPIENTS_PT = 11
SIGNATURE_PT = 14
PAGE_NUMBER_PT = 14
TABLE_PT = 12

# Columns of the report form's and the summary report's tables (STT, text, unit, figures…), adding
# up to the text width. A table with one column per reporting period has a layout for each number
# of periods ("chi-tieu-2": two periods).
MAX_PERIODS = MAX_REPORTING_PERIODS


def _period_tables() -> dict[str, tuple[float, ...]]:
    tables: dict[str, tuple[float, ...]] = {}
    for periods in range(1, MAX_PERIODS + 1):
        result = 26 if periods == 1 else round(60 / periods, 1)
        # Indicators: STT, indicator, unit, a result per period, note.
        tables[f"chi-tieu-{periods}"] = (
            12,
            round(TEXT_WIDTH_MM - 12 - 20 - 18 - result * periods, 1),
            20,
            *(result,) * periods,
            18,
        )
        # Tasks: STT, task, a written result per period.
        task_result = round((TEXT_WIDTH_MM - 12 - 75) / periods, 1)
        tables[f"nhiem-vu-{periods}"] = (
            12,
            round(TEXT_WIDTH_MM - 12 - task_result * periods, 1),
            *(task_result,) * periods,
        )
        # Summary: STT, indicator, its unit of measure, reporting unit, a result per period.
        summary_result = round(50 / periods, 1)
        tables[f"th-chi-tieu-{periods}"] = (
            12,
            round(TEXT_WIDTH_MM - 12 - 16 - 34 - summary_result * periods, 1),
            16,
            34,
            *(summary_result,) * periods,
        )
    return tables


TABLE_COLUMNS_MM = {
    "hoat-dong": (12, 55, 20, 18, 22, 18, 20),
    "kinh-phi": (12, 85, 38, 30),
    "y-kien": (12, 40, 113),
    "th-hoat-dong": (12, 45, 18, 18, 20, 17, 35),
    "th-don-vi": (12, 60, 30, 28, 35),
    "th-kinh-phi": (12, 55, 35, 63),
    **_period_tables(),
}
# Columns whose cells are centred (STT, units); the others start at the left.
TABLE_CENTRED_COLUMNS = {
    name: (0, 2) if name.startswith(("hoat-dong", "chi-tieu", "th-hoat-dong")) else (0,) for name in TABLE_COLUMNS_MM
}
# Columns of figures, right-aligned (the summary's totals; a form's cells are left for the units).
TABLE_FIGURE_COLUMNS = {
    name: (3, 4, 5)
    if name == "th-hoat-dong"
    else (2, 3, 4)
    if name == "th-don-vi"
    else (2,)
    if name == "th-kinh-phi"
    else tuple(range(4, len(widths)))
    if name.startswith("th-chi-tieu")
    else ()
    for name, widths in TABLE_COLUMNS_MM.items()
}
# Summary tables' units of measure are centred like the forms'.
TABLE_CENTRED_COLUMNS.update({name: (0, 2) for name in TABLE_COLUMNS_MM if name.startswith("th-chi-tieu")})
# Tables whose rows are written in by hand: each body row is at least this tall.
TABLE_ROW_MIN_MM = {"y-kien": 45}
TABLE_SPACE_BEFORE_PT = 6  # between a table and the heading above it
TABLE_CELL_PADDING_PT = (2, 3)  # inside each cell of a ruled table: above and below, left and right
# A table of at most this many body rows (a form's tables, the summary's small ones), and no taller
# than this share of the page's text height, is kept on one page with its heading: Word keeps each
# row but the last with the next, the PDF avoids a break inside it. A longer one breaks between
# rows, its header row repeated on the next page; one of many rows never leaves fewer than
# LONG_TABLE_EDGE_ROWS of its rows at the bottom or top of a page.
KEPT_TABLE_ROWS = 8
KEPT_TABLE_SHARE = 0.3  # a taller one kept whole would leave a third of a page or more empty
LONG_TABLE_EDGE_ROWS = 3
WRITING_LINE_PT = 22  # height of one ruled line to write on
WRITING_LINES_KEPT = 2  # the last lines to write on go to the next page with the signature block
ADDRESSEE_INDENT_MM = 30  # "Kính gửi:" stands right of centre

# Word's single line spacing in Times New Roman (and its metric-compatible substitutes): ascent,
# descent and line gap come to 1.15 times the font size.
SINGLE_LINE = 1.15

FIRST_LINE_INDENT_MM = 12.7
PARAGRAPH_SPACE_PT = 6
SIGNATURE_SPACE_LINES = 4  # empty lines left for the signature and seal
# Between the last paragraph and the Nơi nhận / signature block: twice the paragraph spacing, not
# an empty line (which made the block, kept whole with the closing paragraph, 3 mm taller).
SIGNATURE_SPACE_BEFORE_PT = 2 * PARAGRAPH_SPACE_PT

# A rule is an empty line of its own: this much space above it, this size of line (so the rule
# clears the descenders of the text above, in Word as in the PDF).
RULE_SPACE_BEFORE_PT = 3
RULE_LINE_PT = 2

# Short rules are drawn at this share of the text above them (the decree allows 1/3 to 1/2).
SHORT_RULE_SHARE = 0.4


@dataclass(frozen=True)
class Rules:
    """Lengths of the solid rules of one document, in millimetres."""

    agency_mm: float  # under the agency name
    motto_mm: float  # under the motto (a Party body's: under its national name), as long as that line
    title_mm: float  # under the title (trích yếu)


def rules(
    document: Document,
    agency_pt: float = AGENCY_PT,
    motto_pt: float = MOTTO_PT,
    title_pt: float = TITLE_PT,
    national_pt: float = NATIONAL_NAME_PT,
    families: dict[str, str] | None = None,
) -> Rules:
    """The rules' lengths, measured on the texts above them at the sizes and in the fonts their
    styles give (`families`: "agency", "motto", "title", "national" → font family)."""
    # A long agency name wraps in its column, so its text is at most as wide as the column; a
    # title is as wide as its longest line (the clerk's marked lines, each wrapping in the text width).
    header = document.header
    family = (families or {}).get

    def width(text: str, size: float, role: str) -> float:
        return text_width_mm(text, size, "bold", family(role, FAMILY))

    agency = min(max(width(line, agency_pt, "agency") for line in header.agency_lines), HEADER_LEFT_MM)
    title = document.title or ""
    lines = broken_title(title, TITLE_PT, TEXT_WIDTH_MM) if title else [""]  # as typography breaks it
    title_line = max(min(width(line, title_pt, "title"), TEXT_WIDTH_MM) for line in lines)
    return Rules(
        agency_mm=round(agency * SHORT_RULE_SHARE, 1),
        # Under the motto; a Party body's header has none and rules its national name instead.
        motto_mm=round(
            width(header.motto, motto_pt, "motto")
            if header.motto
            else width(header.national_name, national_pt, "national"),
            1,
        ),
        title_mm=round(title_line * SHORT_RULE_SHARE, 1) if title else 0.0,
    )


def appendix_text_mm(landscape: bool) -> float:
    """The text width of an appendix's page, portrait or landscape: its tables' full width."""
    return (PAGE_HEIGHT_MM if landscape else PAGE_WIDTH_MM) - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


def appendix_widths(page: AppendixPage) -> tuple[float, ...]:
    """An appendix table's column widths: as given, the rest of its page's text width shared evenly."""
    width = appendix_text_mm(page.landscape)
    given = [w for w in page.widths_mm if w is not None]
    free = len(page.widths_mm) - len(given)
    share = (width - sum(given)) / free if free else 0
    return tuple(round(w if w is not None else share, 1) for w in page.widths_mm)


def appendix_rule_mm(page: AppendixPage) -> float:
    """The rule under an appendix's title block: a short share of its title's width."""
    text_mm = appendix_text_mm(page.landscape)
    return round(min(text_width_mm(page.title, TITLE_PT, "bold"), text_mm) * SHORT_RULE_SHARE, 1)


def _row_mm(cells, widths: tuple[float, ...], style: str) -> float:
    """A table row's height as its cells' lines fill their columns (an estimate: whole words are
    not measured, each cell's text is spread over its width)."""
    vertical, horizontal = (points * 25.4 / 72 for points in TABLE_CELL_PADDING_PT)
    line_mm = TABLE_PT * SINGLE_LINE * 25.4 / 72
    lines = max(
        sum(
            max(1, math.ceil(text_width_mm(piece, TABLE_PT, style) / (width - 2 * horizontal)))
            for piece in cell.split(CELL_LINE_BREAK)
        )
        for cell, width in zip(cells, widths, strict=False)
    )
    return lines * line_mm + 2 * vertical


def kept_whole(table: Table) -> bool:
    """Whether a body table is kept on one page with its heading (KEPT_TABLE_ROWS)."""
    if len(table.rows) > KEPT_TABLE_ROWS:
        return False
    widths = TABLE_COLUMNS_MM[table.name]
    least = TABLE_ROW_MIN_MM.get(table.name, 0)
    height = _row_mm(table.columns, widths, "bold") + sum(
        max(_row_mm(row, widths, "regular"), least) for row in table.rows
    )
    return height <= KEPT_TABLE_SHARE * (PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM)


def kept_with_next(table: Table) -> tuple[int, ...]:
    """The body rows (by index) kept on the page of the row after them: every row but the last of a
    table kept whole; in a table of many rows, its first and its last LONG_TABLE_EDGE_ROWS rows
    (a table of a few tall rows breaks between any two)."""
    count, edge = len(table.rows), LONG_TABLE_EDGE_ROWS
    if kept_whole(table):
        return tuple(range(count - 1))
    if count <= 2 * edge:
        return ()
    return (*range(edge - 1), *range(count - edge, count - 1))
