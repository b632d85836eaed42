"""A `Comparison` shown as an HTML page and as a DOCX with Word tracked changes.

The DOCX is the new edition's plan as the DOCX writer lays it out with the project's Word template
(header, body, Nơi nhận, signature, page numbers), with every edit of the clerk recorded as a
revision (`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`), so the approver can accept or reject each
change in Word or LibreOffice: accepting all gives the new text, rejecting all the old text as the
clerk typed it (automatic substitutions, such as the year, are not edits and keep their new
values). A summary of the changes follows the plan, on a page of its own. Revisions carry the
drafting office as author and the comparison's date; equal input and date give equal bytes.
The words shown are the comparison's (document/comparison.py).
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from dataclasses import replace
from pathlib import Path

import docx
import jinja2
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ..content.text import marked_breaks
from ..document.comparison import (
    Comparison,
    ParagraphDiff,
    Piece,
    automatic_line,
    moved_away,
    part_columns,
    status_words,
    summary_heading,
    summary_lines,
    title,
    words,
)
from ..document.model import Block, Document, DocumentInfo, Span
from ..document.parts import with_closing
from ..errors import TemplateProblem
from ..files import reproducible_zip
from . import layout
from .docx import render_docx as render_plan_docx
from .jinja import strict_environment
from .typography import LINE_BREAK, NO_BREAK_HYPHEN, no_breaks, typeset_title
from .word_styles import named_style

HTML_TEMPLATE = "so-sanh.html"
DOCX_TEMPLATE = "van-ban.docx"
BODY_PARTS = ("opening", "section", "organisation", "agency", "closing")


# ---------------------------------------------------------------- HTML
def render_html(comparison: Comparison, html_folder: Path) -> bytes:
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    try:
        page = environment.get_template(HTML_TEMPLATE).render(
            cmp=comparison,
            title=title(comparison),
            summary=summary_lines(comparison),
            automatic=automatic_line(comparison),
            status_words=status_words(comparison),
            columns=part_columns(comparison),
            page=words(comparison).page,
            moved_away=lambda start: moved_away(comparison, start),
        )
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / HTML_TEMPLATE}: lỗi mẫu HTML: {err}") from err
    return page.encode("utf-8")


# ---------------------------------------------------------------- DOCX
class _Revisions:
    """Ids and attributes of revision marks: one id sequence for the whole document."""

    def __init__(self, author: str, stamp: str) -> None:
        self.author = author
        self.stamp = stamp
        self.last_id = 0

    def mark(self, tag: str, **extra: str) -> OxmlElement:
        self.last_id += 1
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.last_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.stamp)
        for name, value in extra.items():
            element.set(qn(f"w:{name}"), value)
        return element

    def range_end(self, tag: str, start: OxmlElement) -> OxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), start.get(qn("w:id")))
        return element


def _run(piece: Piece, base, deleted: bool = False) -> OxmlElement:
    """A run of the piece's text, formatted as the template's run it replaces, bold or italic as the piece."""
    run = OxmlElement("w:r")
    properties = deepcopy(base) if base is not None else OxmlElement("w:rPr")
    if piece.bold:
        properties.get_or_add_b()
    if piece.italic:
        properties.get_or_add_i()
    if len(properties):
        run.append(properties)
    # The typesetting's no-break hyphens and title line breaks are Word's own elements, as the
    # DOCX writer makes them.
    for part in re.split(f"([{NO_BREAK_HYPHEN}{LINE_BREAK}])", piece.text):
        if part == NO_BREAK_HYPHEN:
            run.append(OxmlElement("w:noBreakHyphen"))
        elif part == LINE_BREAK:
            run.append(OxmlElement("w:br"))
        elif part:
            text = OxmlElement("w:delText" if deleted else "w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = part
            run.append(text)
    return run


def _typeset(diff: ParagraphDiff, title: bool) -> ParagraphDiff:
    """The diff's pieces as the DOCX writer typesets its paragraph: the new text and the old text
    each read whole (a title's line-break mark may span pieces; a no-break hyphen or space depends
    on the characters either side), then cut back into the pieces. Unchanged pieces read as in the
    new text."""
    pieces = diff.pieces
    shown = [piece.text for piece in pieces]
    for left_out in ("del", "ins"):  # the new text, then the old one
        indices = [i for i, piece in enumerate(pieces) if piece.change != left_out]
        chars = marked_breaks("".join(pieces[i].text for i in indices), LINE_BREAK if title else " ")
        text = no_breaks("".join(chars))  # as long as the joined characters
        at = read = 0
        for i in indices:
            length = sum(len(char) for char in chars[at : at + len(pieces[i].text)])
            if left_out == "del" or pieces[i].change != "same":
                shown[i] = text[read : read + length]
            at, read = at + len(pieces[i].text), read + length
    return replace(diff, pieces=tuple(replace(piece, text=text) for piece, text in zip(pieces, shown, strict=True)))


def _mark_paragraph(p, mark: OxmlElement) -> None:
    """Track the paragraph mark itself, so that accepting or rejecting removes the whole paragraph."""
    properties = p.get_or_add_pPr()
    run_properties = properties.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        properties.append(run_properties)  # rPr is the last child of a body paragraph's pPr
    run_properties.insert(0, mark)  # the revision mark comes first in a paragraph mark's rPr


def _inline(p, diff: ParagraphDiff, revisions: _Revisions, base) -> None:
    """The pieces of a diff as runs, each inserted or deleted piece a revision of its own."""
    for piece in diff.pieces:
        if piece.change == "same":
            p.append(_run(piece, base))
        else:
            wrapper = revisions.mark("w:del" if piece.change == "del" else "w:ins")
            wrapper.append(_run(piece, base, piece.change == "del"))
            p.append(wrapper)


def _fill(p, diffs: list[ParagraphDiff], revisions: _Revisions, whole: bool, title: bool = False) -> None:
    """Replace the paragraph's runs by the diffs, typeset. A whole paragraph added, removed or
    moved has its paragraph mark tracked too; otherwise (a field of the header) the diffs go inline."""
    diffs = [_typeset(diff, title) for diff in diffs]
    base = p.find(f"{qn('w:r')}/{qn('w:rPr')}")
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    if not whole:
        for diff in diffs:
            _inline(p, diff, revisions, base)
        return
    [diff] = diffs
    if diff.status in ("added", "removed"):
        deleted = diff.status == "removed"
        _mark_paragraph(p, revisions.mark("w:del" if deleted else "w:ins"))
        wrapper = revisions.mark("w:del" if deleted else "w:ins")
        for piece in diff.pieces:
            wrapper.append(_run(piece, base, deleted))
        p.append(wrapper)
    elif diff.status in ("moved_from", "moved_to"):
        kind = "moveFrom" if diff.status == "moved_from" else "moveTo"
        _mark_paragraph(p, revisions.mark(f"w:{kind}"))
        start = revisions.mark(f"w:{kind}RangeStart", name=f"move{diff.move}")
        wrapper = revisions.mark(f"w:{kind}")
        for piece in diff.pieces:
            wrapper.append(_run(piece, base))
        p.append(start)
        p.append(wrapper)
        p.append(revisions.range_end(f"w:{kind}RangeEnd", start))
    else:
        _inline(p, diff, revisions, base)


class _Slots:
    """Markers standing in the review document for compared paragraphs, replaced after rendering."""

    def __init__(self) -> None:
        self.diffs: dict[str, tuple[list[ParagraphDiff], bool]] = {}

    def add(self, diffs: list[ParagraphDiff], whole: bool = True) -> str:
        marker = f"⟦{len(self.diffs)}⟧"
        self.diffs[marker] = (diffs, whole)
        return marker


def _review_document(comparison: Comparison, slots: _Slots) -> Document:
    """The new plan with a marker for every compared paragraph, removed ones included."""
    plan = comparison.plan
    parts = {part.kind: part for part in comparison.parts if part.kind not in BODY_PARTS}
    number, place_date, type_name, _ = parts["header"].paragraphs
    blocks = [
        Block(paragraph.kind, (Span(slots.add([paragraph])),))
        for part in comparison.parts
        if part.kind in BODY_PARTS
        for paragraph in part.paragraphs
    ]
    signature = replace(
        plan.signature,
        lines=tuple(slots.add([paragraph]) for paragraph in parts["signature"].paragraphs),
        name=slots.add(list(parts["signer"].paragraphs), whole=False),
    )
    return replace(
        plan,
        # The title stays as it reads: the rule under it is drawn to its length.
        header=replace(
            plan.header, number_line=slots.add([number], whole=False), place_date=slots.add([place_date], whole=False)
        ),
        type_name=slots.add([type_name], whole=False) if plan.type_name else None,
        blocks=with_closing(blocks),
        signature=signature,
        recipients=tuple(slots.add([paragraph]) for paragraph in parts["recipients"].paragraphs),
        info=DocumentInfo(title=title(comparison), author=comparison.author, created=comparison.stamp),
    )


def _paragraph_text(p) -> str:
    """A paragraph's text as the typesetting made it: Word's no-break hyphens and breaks read back."""
    read = {qn("w:noBreakHyphen"): NO_BREAK_HYPHEN, qn("w:br"): LINE_BREAK}
    return "".join(e.text or "" if e.tag == qn("w:t") else read.get(e.tag, "") for e in p.iter())


def _style(document, name: str):
    return named_style(document, name, "bản so sánh")


def _summary(document, comparison: Comparison) -> None:
    """The summary of the changes, after the plan on a page of its own, in the template's styles."""
    heading = document.add_paragraph(summary_heading(comparison), _style(document, "Tên loại văn bản"))
    heading.paragraph_format.page_break_before = True
    body = _style(document, "Đoạn văn")
    document.add_paragraph(words(comparison).track_changes, body)
    for line in summary_lines(comparison):
        document.add_paragraph(line, body)
    automatic = automatic_line(comparison)
    if automatic:
        document.add_paragraph(automatic, body)
    statuses = status_words(comparison)
    rows = [
        [part.title, statuses[part.status], str(part.added), str(part.removed), str(part.changed), str(part.moved)]
        for part in comparison.parts
        if part.has_changes
    ]
    if rows:
        _table(document, part_columns(comparison), rows, PART_WIDTHS_MM)


_NUMBER_MM = 17
PART_WIDTHS_MM = (layout.TEXT_WIDTH_MM - 27 - 4 * _NUMBER_MM, 27, _NUMBER_MM, _NUMBER_MM, _NUMBER_MM, _NUMBER_MM)


def _table(document, header: list[str], rows: list[list[str]], widths_mm: tuple[float, ...]) -> None:
    styles = (_style(document, "Tiêu đề bảng"), _style(document, "Ô bảng"), _style(document, "Ô bảng (giữa)"))
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            border.set(qn(f"w:{name}"), value)
        borders.append(border)
    table._tbl.tblPr.append(borders)
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(Mm(width).twips))  # LibreOffice lays columns out from the grid
    for r, values in enumerate([header] + rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            cell.paragraphs[0].text = value
            cell.paragraphs[0].style = styles[0] if r == 0 else styles[1] if c == 0 else styles[2]


def render_docx(comparison: Comparison, templates: Path) -> bytes:
    slots = _Slots()
    review = _review_document(comparison, slots)
    document = docx.Document(io.BytesIO(render_plan_docx(review, templates / DOCX_TEMPLATE)))
    revisions = _Revisions(comparison.author, comparison.revision_time.isoformat())
    title_diff = next(part for part in comparison.parts if part.kind == "header").paragraphs[3]
    title_done = title_diff.status == "same"
    for p in document.element.body.iter(qn("w:p")):
        text = _paragraph_text(p)
        if text in slots.diffs:
            diffs, whole = slots.diffs.pop(text)
            _fill(p, diffs, revisions, whole)
        elif not title_done and text == typeset_title(review.title or ""):
            _fill(p, [title_diff], revisions, whole=False, title=True)
            title_done = True
    if slots.diffs or not title_done:
        raise TemplateProblem(
            f"mẫu Word {DOCX_TEMPLATE} không in đủ các phần của kế hoạch (số, ngày, trích yếu, "
            "đoạn văn, người ký, nơi nhận): không ghi được bản so sánh"
        )
    _summary(document, comparison)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())
