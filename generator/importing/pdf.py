"""A PDF's text layer as the same lines a DOCX gives: paragraphs joined back from their printed
lines by their indent, bold from the font's name, the header's and the signature's two columns
as the cells of a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..untrusted import MAX_FILE_BYTES, NotAForm
from .source import Line, clean, split_marker

RIGHT_COLUMN = re.compile(r"^\s*(cộng hòa|cộng hoà|độc lập)|,\s*ngày\b")
SAME_LINE = 2.0  # points: fragments this close in height are on one printed line
INDENT = 8.0  # points: a line that starts this far right of the margin starts a paragraph


@dataclass
class Fragment:
    page: int
    x: float
    y: float
    text: str
    bold: bool


def fragments(path: Path) -> tuple[list[Fragment], float]:
    """Every piece of text with its place, and the page's width. Raises NotAForm."""
    import pypdf  # here: only `nhap` of a PDF needs it

    if path.stat().st_size > MAX_FILE_BYTES:
        raise NotAForm("tệp lớn hơn 20 MB, không đọc")
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            raise NotAForm("tệp PDF có mật khẩu, không đọc được")
        found: list[Fragment] = []
        width = float(reader.pages[0].mediabox.width) if reader.pages else 0.0
        for number, page in enumerate(reader.pages):

            def visit(text, cm, tm, font, size, number=number):
                if text.strip():
                    name = str((font or {}).get("/BaseFont", ""))
                    x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
                    found.append(Fragment(number, x, y, text.replace("\n", ""), "Bold" in name))

            page.extract_text(visitor_text=visit)
    except NotAForm:
        raise
    except Exception:  # pypdf raises many kinds on a damaged file
        raise NotAForm("không mở được như tệp PDF: tệp hỏng hoặc không phải PDF") from None
    if not found:
        raise NotAForm("tệp PDF không có lớp chữ (bản quét): hãy dùng tệp Word gốc hoặc PDF in từ Word")
    return found, width


def printed_lines(found: list[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped into printed lines, page by page, top to bottom, left to right."""
    lines: list[list[Fragment]] = []
    for fragment in sorted(found, key=lambda f: (f.page, -f.y, f.x)):
        last = lines[-1] if lines else None
        if last and last[0].page == fragment.page and abs(last[0].y - fragment.y) <= SAME_LINE:
            last.append(fragment)
        else:
            lines.append([fragment])
    return [sorted(line, key=lambda f: f.x) for line in lines if not "".join(f.text for f in line).strip().isdigit()]


def _text(line: list[Fragment]) -> str:
    return clean("".join(f.text for f in line))


def _columns(lines: list[list[Fragment]], middle: float) -> Line:
    left = [_text([f for f in line if f.x < middle]) for line in lines]
    right = [_text([f for f in line if f.x >= middle]) for line in lines]
    return Line(0, "", None, "", cells=[[[t for t in left if t], [t for t in right if t]]])


def _paragraph(runs: list[tuple[str, bool]], number: int) -> Line:
    raw = clean("".join(t for t, _ in runs))
    bold = ""
    for piece, is_bold in runs:
        if not is_bold:
            break
        bold += piece
    level, text = split_marker(raw)
    bold = split_marker(clean(bold))[1] if bold else ""
    return Line(number, text, level, bold if text.startswith(bold) else "")


def read_pdf_lines(path: Path, title: str) -> list[Line]:
    """The lines of a plan printed to PDF, in the shape source.read_lines gives for a DOCX."""
    found, width = fragments(path)
    lines = printed_lines(found)
    middle = width / 2
    title_at = next((i for i, line in enumerate(lines) if _text(line).casefold() == title.casefold()), None)
    if title_at is None:
        return [Line(1, _text(line), None, "") for line in lines]
    signature_at = next(
        (i for i, line in enumerate(lines) if i > title_at and _text(line).casefold().startswith("nơi nhận")),
        len(lines),
    )
    margin = min(line[0].x for line in lines[title_at + 1 : signature_at] or [lines[0]])
    # The header's right column starts where the motto and the place and date do.
    right = [f.x for line in lines[:title_at] for f in line if RIGHT_COLUMN.search(f.text.casefold())]
    result = [_columns(lines[:title_at], min(right, default=middle)), Line(2, _text(lines[title_at]), None, "")]
    runs: list[tuple[str, bool]] = []
    heading = True  # the trích yếu's lines, centred and bold, are one paragraph
    for line in lines[title_at + 1 : signature_at]:
        starts = line[0].x > margin + INDENT
        bold_line = all(f.bold for f in line)
        if runs and starts and not (heading and bold_line):
            result.append(_paragraph(runs, len(result) + 1))
            runs = []
            heading = False
        if runs:
            runs[-1] = (runs[-1][0] + " ", runs[-1][1])
        runs += [(f.text, f.bold) for f in line]
    if runs:
        result.append(_paragraph(runs, len(result) + 1))
    # The signature block is on the page of "Nơi nhận"; pages after it are appendices, not read.
    page = lines[signature_at][0].page if signature_at < len(lines) else -1
    result.append(_columns([line for line in lines[signature_at:] if line[0].page == page], middle))
    result += [Line(len(result) + 1, _text(line), None, "") for line in lines[signature_at:] if line[0].page != page]
    return result
