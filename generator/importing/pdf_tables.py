"""The appendix pages of a plan printed to PDF: their tables read from the ruling lines that draw
them (pdfplumber), their titles as text lines, in the shape source.read_lines gives for a DOCX. A
table that goes on over a page, its header row repeated, is one table."""

from __future__ import annotations

from pathlib import Path

from .columns import pdf_shares
from .source import Line, clean

EDGE = 2.0  # points: a text line this close to a table's box is inside it


def _inside(x: float, top: float, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return x0 - EDGE <= x <= x1 + EDGE and y0 - EDGE <= top <= y1 + EDGE


def _page_items(page, texts: list[tuple[float, float, str]]) -> list[tuple[float, Line]]:
    """(top, line) of one page: its tables and the text lines outside them."""
    landscape = page.width > page.height
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    items = [
        (top, Line(0, text, None, "", landscape=landscape))
        for x, top, text in texts
        if not any(_inside(x, top, box) for box in boxes)
    ]
    for table in tables:
        rows = [[[clean((cell or "").replace("\n", " "))] for cell in row] for row in table.extract()]
        if rows:
            shares = pdf_shares(table.cells, len(rows[0]))
            line = Line(0, "", None, "", cells=rows, landscape=landscape, column_shares=shares)
            items.append((table.bbox[1], line))
    return sorted(items, key=lambda item: item[0])


def appendix_lines(path: Path, pages: dict[int, list[tuple[float, float, str]]], first: int) -> list[Line] | None:
    """The lines of the appendix pages (by page number: each text line's x, its height from the
    bottom and its text), numbered from `first`; None when the tables cannot be read."""
    import pdfplumber  # here: only `nhap` of a PDF with appendices needs it

    result: list[Line] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number in sorted(pages):
                page = pdf.pages[number]
                texts = [(x, float(page.height) - y, text) for x, y, text in pages[number]]
                for _, line in _page_items(page, texts):
                    last = result[-1] if result else None
                    if line.cells and last is not None and last.cells and last.cells[0] == line.cells[0]:
                        last.cells += line.cells[1:]  # the same table, its header repeated on the next page
                    else:
                        result.append(line)
    except Exception:  # pdfminer raises many kinds on a damaged file; the text lines still serve
        return None
    for offset, line in enumerate(result):
        line.number = first + offset
    return result
