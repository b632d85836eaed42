"""Write a `Comparison` as an HTML page and as a DOCX with Word tracked changes.

The DOCX is the new plan's text with every difference from the old one recorded as a revision
(`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`), so the approver can accept or reject each change in
Word or LibreOffice: accepting all gives the new text, rejecting all gives the old one. Revisions
carry the author "generator" and the new edition's date, never the clock, so equal input gives
equal bytes.
"""

from __future__ import annotations

import io
from datetime import datetime, time
from pathlib import Path

import docx
import jinja2
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..errors import TemplateProblem
from ..files import reproducible_zip, write_atomic
from ..writers import layout
from ..writers.jinja import strict_environment
from .diff import Comparison, ParagraphDiff, Piece

AUTHOR = "generator"
HTML_TEMPLATE = "so-sanh.html"

STATUS_WORDS = {
    "same": "không đổi",
    "changed": "có thay đổi",
    "added": "mới thêm",
    "removed": "đã bỏ",
}


def file_stem(comparison: Comparison) -> str:
    return f"so-sanh-{comparison.from_year}-{comparison.to_year}"


def title(comparison: Comparison) -> str:
    return f"So sánh kế hoạch năm {comparison.from_year} và năm {comparison.to_year}"


def summary_lines(comparison: Comparison) -> list[str]:
    """The short summary at the top of both outputs (and printed by the CLI)."""
    if not comparison.has_changes:
        return [f"Hai bản giống nhau: kế hoạch năm {comparison.to_year} không có thay đổi nào so với năm {comparison.from_year}."]
    lines = [
        f"Tổng cộng: thêm {comparison.total('added')} đoạn, bỏ {comparison.total('removed')} đoạn, "
        f"sửa {comparison.total('changed')} đoạn, chuyển chỗ {comparison.total('moved_to')} đoạn."
    ]
    for change in comparison.agencies:
        if change.status == "added":
            lines.append(f"{change.name}: mới có trong kế hoạch, {change.tasks} nhiệm vụ.")
        elif change.status == "removed":
            lines.append(f"{change.name}: không còn trong kế hoạch (trước có {change.tasks} nhiệm vụ).")
        else:
            counts = [f"{word} {n} nhiệm vụ" for word, n in (
                ("thêm", change.tasks_added), ("bỏ", change.tasks_removed),
                ("sửa", change.tasks_changed), ("chuyển chỗ", change.tasks_moved)) if n]
            lines.append(f"{change.name}: " + (", ".join(counts) if counts else "sửa tiêu đề") + f"; nay có {change.tasks} nhiệm vụ.")
    return lines


# ---------------------------------------------------------------- HTML
def render_html(comparison: Comparison, html_folder: Path) -> bytes:
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    try:
        page = environment.get_template(HTML_TEMPLATE).render(
            cmp=comparison, title=title(comparison), summary=summary_lines(comparison), status_words=STATUS_WORDS)
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / HTML_TEMPLATE}: lỗi mẫu HTML: {err}") from err
    return page.encode("utf-8")


# ---------------------------------------------------------------- DOCX
class _Revisions:
    """Ids and attributes of revision marks: one id sequence for the whole document."""

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self.last_id = 0

    def mark(self, tag: str, **extra: str) -> OxmlElement:
        self.last_id += 1
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.last_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.stamp)
        for name, value in extra.items():
            element.set(qn(f"w:{name}"), value)
        return element

    def range_end(self, tag: str, start: OxmlElement) -> OxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), start.get(qn("w:id")))
        return element


def _run(piece: Piece, deleted: bool = False, size: float | None = None) -> OxmlElement:
    run = OxmlElement("w:r")
    if piece.bold or piece.italic or size:
        properties = OxmlElement("w:rPr")
        if piece.bold:
            properties.append(OxmlElement("w:b"))
        if piece.italic:
            properties.append(OxmlElement("w:i"))
        if size:
            for tag in ("w:sz", "w:szCs"):
                element = OxmlElement(tag)
                element.set(qn("w:val"), str(int(size * 2)))
                properties.append(element)
        run.append(properties)
    text = OxmlElement("w:delText" if deleted else "w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = piece.text
    run.append(text)
    return run


def _mark_paragraph(paragraph, mark: OxmlElement) -> None:
    """Track the paragraph mark itself, so that accepting or rejecting removes the whole paragraph."""
    properties = paragraph._p.get_or_add_pPr()
    run_properties = OxmlElement("w:rPr")
    run_properties.append(mark)
    properties.append(run_properties)  # rPr is the last child of pPr


def _body_paragraph(document, diff: ParagraphDiff, revisions: _Revisions, centred: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
    if not centred:
        paragraph.paragraph_format.first_line_indent = Mm(layout.FIRST_LINE_INDENT_MM)
    paragraph.paragraph_format.space_after = Pt(layout.PARAGRAPH_SPACE_PT)
    p = paragraph._p
    if diff.status == "same":
        for piece in diff.pieces:
            p.append(_run(piece))
    elif diff.status in ("added", "removed"):
        deleted = diff.status == "removed"
        _mark_paragraph(paragraph, revisions.mark("w:del" if deleted else "w:ins"))
        wrapper = revisions.mark("w:del" if deleted else "w:ins")
        for piece in diff.pieces:
            wrapper.append(_run(piece, deleted))
        p.append(wrapper)
    elif diff.status in ("moved_from", "moved_to"):
        kind = "moveFrom" if diff.status == "moved_from" else "moveTo"
        _mark_paragraph(paragraph, revisions.mark(f"w:{kind}"))
        start = revisions.mark(f"w:{kind}RangeStart", name=f"move{diff.move}")
        wrapper = revisions.mark(f"w:{kind}")
        for piece in diff.pieces:
            wrapper.append(_run(piece))
        p.append(start)
        p.append(wrapper)
        p.append(revisions.range_end(f"w:{kind}RangeEnd", start))
    else:  # changed: word by word
        for piece in diff.pieces:
            if piece.change == "same":
                p.append(_run(piece))
            else:
                wrapper = revisions.mark("w:del" if piece.change == "del" else "w:ins")
                wrapper.append(_run(piece, piece.change == "del"))
                p.append(wrapper)


def _plain(document, text: str, *, bold: bool = False, centred: bool = False, size: float | None = None, italic: bool = False):
    paragraph = document.add_paragraph()
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(layout.PARAGRAPH_SPACE_PT)
    paragraph._p.append(_run(Piece(text, "same", bold, italic), size=size))
    return paragraph


def _table(document, header: list[str], rows: list[list[str]], widths_mm: tuple[float, ...]) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(Mm(width).twips))  # LibreOffice lays columns out from the grid
    for r, values in enumerate([header] + rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            cell.paragraphs[0]._p.append(_run(Piece(value, "same", bold=r == 0), size=layout.TABLE_PT))


def _part_rows(comparison: Comparison) -> list[list[str]]:
    return [
        [part.title, STATUS_WORDS[part.status], str(part.added), str(part.removed), str(part.changed), str(part.moved)]
        for part in comparison.parts if part.has_changes
    ]


PART_COLUMNS = ["Phần của kế hoạch", "Tình trạng", "Đoạn thêm", "Đoạn bỏ", "Đoạn sửa", "Đoạn chuyển chỗ"]
_NUMBER_MM = 17
PART_WIDTHS_MM = (layout.TEXT_WIDTH_MM - 27 - 4 * _NUMBER_MM, 27, _NUMBER_MM, _NUMBER_MM, _NUMBER_MM, _NUMBER_MM)


def _setup(document, comparison: Comparison) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.PAGE_WIDTH_MM), Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN_TOP_MM), Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(layout.MARGIN_LEFT_MM), Mm(layout.MARGIN_RIGHT_MM)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(layout.BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), "Times New Roman")
    stamp = datetime.combine(comparison.stamp, time())
    core = document.core_properties
    core.title = title(comparison)
    core.author = core.last_modified_by = AUTHOR
    core.created = core.modified = core.last_printed = stamp
    core.revision = 1


def render_docx(comparison: Comparison) -> bytes:
    document = docx.Document()
    _setup(document, comparison)
    revisions = _Revisions(f"{comparison.stamp.isoformat()}T00:00:00Z")
    _plain(document, title(comparison).upper(), bold=True, centred=True)
    _plain(document, "Các thay đổi được ghi bằng chế độ theo dõi thay đổi (Track Changes): chữ thêm có gạch dưới, "
                     "chữ bỏ bị gạch ngang. Trong Word, vào thẻ Review (Xem lại) để chấp nhận (Accept) hoặc "
                     "từ chối (Reject) từng thay đổi.", italic=True, size=layout.TABLE_PT)
    for line in summary_lines(comparison):
        _plain(document, line)
    rows = _part_rows(comparison)
    if rows:
        _table(document, PART_COLUMNS, rows, PART_WIDTHS_MM)
    _plain(document, f"NỘI DUNG KẾ HOẠCH NĂM {comparison.to_year}, ĐÁNH DẤU THAY ĐỔI SO VỚI NĂM {comparison.from_year}",
           bold=True, centred=True).paragraph_format.space_before = Pt(18)
    for part in comparison.parts:
        for paragraph in part.paragraphs:
            _body_paragraph(document, paragraph, revisions, centred=part.kind == "header")
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def write_comparison(comparison: Comparison, folder: Path, html_folder: Path) -> list[Path]:
    """Render both files in memory, then write each atomically."""
    stem = file_stem(comparison)
    files = {
        folder / f"{stem}.html": render_html(comparison, html_folder),
        folder / f"{stem}.docx": render_docx(comparison),
    }
    for path, data in files.items():
        write_atomic(path, data)
    return list(files)
