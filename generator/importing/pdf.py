"""A PDF's text layer as the same lines a DOCX gives: paragraphs joined back from their printed
lines by their indent, bold from the font's name, the header's and the signature's two columns
as the cells of a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..untrusted import MAX_FILE_BYTES, NotAForm
from .pdf_tables import appendix_lines
from .source import Line, clean, is_rule, joined, leading_bold, mark_italic, run_in_heading, split_marked

RIGHT_COLUMN = re.compile(r"^\s*(cộng hòa|cộng hoà|độc lập)|,\s*ngày\b")
SAME_LINE = 2.0  # points: fragments this close in height are on one printed line
INDENT = 8.0  # points: a line that starts this far right of the margin starts a paragraph
PARAGRAPH_GAP = 1.25  # a gap this many times the line pitch separates two paragraphs


@dataclass
class Fragment:
    page: int
    x: float
    y: float
    text: str
    bold: bool
    italic: bool = False


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
                    italic = "Italic" in name or "Oblique" in name
                    found.append(Fragment(number, x, y, text.replace("\n", ""), "Bold" in name, italic))

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
    return [
        sorted(line, key=lambda f: f.x)
        for line in lines
        if not (text := "".join(f.text for f in line)).strip().isdigit() and not is_rule(text)
    ]


def _text(line: list[Fragment]) -> str:
    return clean("".join(f.text for f in line))


def _columns(lines: list[list[Fragment]], middle: float) -> Line:
    left = [_text([f for f in line if f.x < middle]) for line in lines]
    right = [_text([f for f in line if f.x >= middle]) for line in lines]
    return Line(0, "", None, "", cells=[[[t for t in left if t], [t for t in right if t]]])


def _paragraph(runs: list[tuple[str, bool]], number: int) -> Line:
    level, text = split_marked(clean(joined(t for t, _ in runs)))
    return Line(number, text, level, run_in_heading(text, leading_bold(runs), typed_marker=True))


def _separated(line: list[Fragment]) -> list[tuple[str, bool]]:
    """(text, bold) of a printed line's pieces. A number Word set before a tab ("I.", "a)", "-")
    is a piece of its own with no space after it: it gets one back, as the tab it stood for."""
    runs = [(f.text, f.bold) for f in line]
    if len(runs) > 1 and split_marked(runs[0][0].strip() + " x")[0] is not None and not runs[0][0].endswith(" "):
        runs[0] = (runs[0][0] + "\t", runs[0][1])
    # Italic words (from the font's name) between the marks a DOCX's italic runs get.
    return [(mark_italic(text) if f.italic else text, bold) for f, (text, bold) in zip(line, runs, strict=True)]


def unwrapped(texts: list[str]) -> list[str]:
    """The Nơi nhận's lines: a printed line that does not start with a dash, after a dashed line
    that does not end its entry (";", "."), is the rest of that line wrapped in its column."""
    result: list[str] = []
    for text in texts:
        last = result[-1] if result else ""
        if re.match(r"^[-–+]", last) and not re.match(r"^[-–+]", text) and not last.endswith((";", ".", ":")):
            result[-1] = f"{last} {text}"
        else:
            result.append(text)
    return result


def line_pitch(lines: list[list[Fragment]]) -> float | None:
    """The distance between two printed lines of one paragraph: the smallest between consecutive
    lines of a page (None when no two lines are close enough to tell)."""
    gaps = [
        a[0].y - b[0].y
        for a, b in zip(lines, lines[1:], strict=False)
        if a[0].page == b[0].page and a[0].y - b[0].y > SAME_LINE
    ]
    return min(gaps) if len(gaps) > 1 else None


def signature_end(lines: list[list[Fragment]], start: int, middle: float) -> int:
    """Where the block of Nơi nhận and signature ends: the rest of its page, then, when it goes on
    over a page, the lines there that are still in its two columns or are Nơi nhận lines."""
    if start >= len(lines):
        return start
    page = lines[start][0].page
    end = start
    while end < len(lines) and lines[end][0].page == page:
        end += 1
    while end < len(lines) and lines[end][0].page == page + 1:
        line = lines[end]
        text = _text(line)
        if text.casefold().startswith("phụ lục") or not (any(f.x >= middle for f in line) or re.match(r"^[-–+]", text)):
            break  # an appendix page, or the body of a page after the block
        end += 1
    return end


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
    body = lines[title_at + 1 : signature_at]
    pitch = line_pitch(body)
    for number, line in enumerate(body):
        before = body[number - 1] if number else None
        # A paragraph starts indented, or, typed without an indent, after more space than a line's.
        gap = before[0].y - line[0].y if before is not None and before[0].page == line[0].page else 0.0
        starts = line[0].x > margin + INDENT or (pitch is not None and gap > pitch * PARAGRAPH_GAP)
        bold_line = all(f.bold for f in line)
        if runs and starts and not (heading and bold_line):
            result.append(_paragraph(runs, len(result) + 1))
            runs = []
            heading = False
        if runs:
            runs[-1] = (runs[-1][0] + " ", runs[-1][1])
        runs += _separated(line)
    if runs:
        result.append(_paragraph(runs, len(result) + 1))
    # The signature block is on the page of "Nơi nhận"; pages after it are appendices.
    end = signature_end(lines, signature_at, middle)
    block = _columns(lines[signature_at:end], middle)
    block.cells[0][0] = unwrapped(block.cells[0][0])
    result.append(block)
    after = lines[end:]
    pages: dict[int, list[tuple[float, float, str]]] = {}
    for line in after:
        pages.setdefault(line[0].page, []).append((line[0].x, line[0].y, _text(line)))
    tables = appendix_lines(path, pages, len(result) + 1) if pages else []
    if tables is None:  # tables unreadable: their text, line by line, is listed as not placed
        tables = [Line(len(result) + 1 + i, _text(line), None, "") for i, line in enumerate(after)]
    return result + tables
