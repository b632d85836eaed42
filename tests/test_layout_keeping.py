"""Layout a clerk would otherwise fix by hand (issue 19), read back from the DOCX and the PDF of
tests/roots/xa-mau:

- a "Kính gửi: …" line that wraps hangs its continuation after "Kính gửi: " and breaks before a
  short parenthesised phrase ("(qua Phòng Văn hóa - Xã hội)"), never inside it;
- a form's "(Kèm theo …)" line is italic, its "Mẫu báo cáo" label upright;
- a small table stays on one page with its heading (DOCX: rows cantSplit, every row but the last
  kept with the next; PDF and LibreOffice's layout of the DOCX: the heading and every row on one
  page, wherever filler paragraphs put the table), a long one breaks between rows with its header
  row repeated and never fewer than three rows on a page. Each page sweep is also run with the
  rule switched off, where it must find a split: the checks can fail.
"""

from __future__ import annotations

from collections.abc import Iterator

import dataclasses
import html
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import ROOTS, TEMPLATES, build_root

YEAR = 2026

FORM = "Ap-Bau-Ham/bao-cao-Ap-Bau-Ham"  # its Kính gửi line: "… xã Mẫu Sơn (qua Phòng Văn hóa - Xã hội)."
PHRASE = "(qua Phòng Văn hóa - Xã hội)."
LABEL = "Kính gửi: "
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_root(tmp_path_factory, ROOTS / "xa-mau", YEAR)


def _lines(pdf_path, page: int = 1) -> list[tuple[float, float, list[tuple[float, str]]]]:
    """Each line of a page as pdftotext finds it, top down: (left edge, top, its words as
    (left edge, text)), in points."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        rows.setdefault(round(float(y)), []).append((float(x), html.unescape(word)))
    return [(min(x for x, _ in words), y, sorted(words)) for y, words in sorted(rows.items())]


def _text(words) -> str:
    return " ".join(word for _, word in words)


def _addressee_lines(pdf_path):
    lines = _lines(pdf_path)
    start = next(i for i, (_, _, words) in enumerate(lines) if _text(words).startswith("Kính gửi:"))
    return lines[start], lines[start + 1]


@needs_pdftotext
def test_the_pdf_addressee_breaks_before_the_phrase_and_hangs_after_its_label(output):
    (first_x, _, first), (second_x, _, second) = _addressee_lines(output / f"{FORM}.pdf")
    assert _text(first).startswith(LABEL) and not _text(first).endswith(PHRASE), first  # the line wraps
    assert _text(second) == PHRASE, second  # the phrase whole on the next line, not split inside it
    # The continuation starts where the first word after the label does, right of "Kính gửi:".
    after_label = first[2][0]
    assert after_label > first_x + 30
    assert abs(second_x - after_label) < 1.0, (second_x, after_label)


def _addressee_paragraph(path):
    document = docx.Document(str(path))
    [paragraph] = [p for p in document.paragraphs if p.text.startswith("Kính gửi:")]
    return document, paragraph


@needs_pdftotext
def test_the_docx_addressee_hangs_as_far_as_the_pdf_and_keeps_the_phrase_unbroken(output):
    document, paragraph = _addressee_paragraph(output / f"{FORM}.docx")
    indent = paragraph._p.pPr.find(qn("w:ind"))
    left, hanging = int(indent.get(qn("w:left"))), int(indent.get(qn("w:hanging")))
    style_left = document.styles["Kính gửi"].paragraph_format.left_indent.twips
    assert left - hanging == style_left  # the first line where the style puts it
    (first_x, _, first), _ = _addressee_lines(output / f"{FORM}.pdf")
    pdf_hang_twips = (first[2][0] - first_x) * 20
    assert abs(hanging - pdf_hang_twips) < 20, (hanging, pdf_hang_twips)  # within a point
    # Word never breaks at a no-break space: the phrase's words are joined by them.
    phrase = paragraph.text[paragraph.text.index("(qua") :]
    assert " " not in phrase and phrase.replace("\u00a0", " ") == PHRASE, phrase


def test_a_long_phrase_or_one_right_after_the_label_is_left_to_break():
    from generator.writers.typography import NO_BREAK_SPACE, join_phrases

    short = "Kính gửi: Ủy ban nhân dân xã Mẫu Sơn (qua Phòng Văn hóa - Xã hội)."
    assert NO_BREAK_SPACE in join_phrases(short)
    long = "Kính gửi: Ủy ban (" + " ".join(["qua Phòng Lao động - Thương binh và Xã hội"] * 3) + ")."
    assert join_phrases(long) == long
    first = "Kính gửi: (qua Phòng Văn hóa - Xã hội) Ủy ban nhân dân xã Mẫu Sơn."
    assert join_phrases(first) == first


def _label_paragraphs(path):
    return [p for p in docx.Document(str(path)).paragraphs if p.style.name == "Nhãn biểu mẫu" and p.text]


def test_the_attached_line_is_italic_in_both_formats(output):
    for path in sorted(output.glob("*/bao-cao-*.docx")):
        label, attached = _label_paragraphs(path)
        assert label.text.startswith("Mẫu báo cáo") and attached.text.startswith("(Kèm theo")
        assert all(run.italic for run in attached.runs if run.text.strip()), path.name
        assert not any(run.italic for run in label.runs), path.name
    fonts: dict[str, set[str]] = {}

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip():
            fonts.setdefault(text.strip()[:9], set()).add(str(font.get("/BaseFont")))

    PdfReader(str(output / f"{FORM}.pdf")).pages[0].extract_text(visitor_text=visit)
    assert all("Italic" in name for name in fonts["(Kèm theo"]), fonts["(Kèm theo"]
    assert not any("Italic" in name for name in fonts["Mẫu báo c"]), fonts["Mẫu báo c"]


def _rows(table):
    return table.findall(qn("w:tr"))


def _kept(row) -> bool:
    paragraphs = list(row.iter(qn("w:p")))
    return bool(paragraphs) and all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)


def test_the_docx_keeps_each_small_table_together_and_with_its_heading(output):
    document = docx.Document(str(output / f"{FORM}.docx"))
    tables = document.element.body.findall(qn("w:tbl"))[1:-1]  # between the header and the signature
    assert len(tables) >= 3
    for table in tables[:-1]:  # the last one's last row is kept with the signature as well
        rows = _rows(table)
        assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(_kept(row) for row in rows[:-1])
        assert not _kept(rows[-1])
        heading = table.getprevious().getprevious()  # the heading, then the space above the table
        assert document.styles.element.get_by_id(heading.pPr.pStyle.val).name.val == "Đề mục"


def _form_document(rows: int | None = None):
    """The hamlet's form as a document, with its activity table given `rows` rows."""
    from generator.checks import load_edition
    from generator.content.distribution import distribution
    from generator.document.model import Table
    from generator.document.report_form import build_report_form

    edition = load_edition(ROOTS / "xa-mau" / str(YEAR))
    recipient = next(r for r in distribution(edition)[0].recipients if r.key == "Ap-Bau-Ham")
    document = build_report_form(edition, recipient)
    if rows is None:
        return document
    blocks = list(document.blocks)
    index, table = next((i, b) for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == "hoat-dong")
    extra = tuple((str(n), f"Hoạt động số {n}.", "cuộc", "", "", "", "") for n in range(1, rows + 1))
    blocks[index] = dataclasses.replace(table, rows=extra)
    return dataclasses.replace(document, blocks=tuple(blocks))


def test_a_long_table_may_break_between_rows_and_repeats_its_header(tmp_path):
    from generator.writers.docx import render_docx

    path = tmp_path / "dai.docx"
    path.write_bytes(render_docx(_form_document(rows=30), TEMPLATES / "van-ban.docx"))
    table = next(t for t in docx.Document(str(path)).element.body.iter(qn("w:tbl")) if len(_rows(t)) == 31)
    rows = _rows(table)
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    # Breaks between rows, but never with one or two of its rows alone on a page: the header and
    # the first two rows are kept with the next, and the two rows before the last.
    assert [index for index, row in enumerate(rows) if _kept(row)] == [0, 1, 2, 28, 29]


def _pages_of(pdf: bytes, texts: list[str]) -> list[int]:
    import io

    pages = [
        " ".join((page.extract_text() or "").replace("\u00a0", " ").split())
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]
    found = []
    for text in texts:
        where = [number for number, page in enumerate(pages) if text in page]
        assert len(where) == 1, (text, where)
        found.append(where[0])
    return found


def _filled(document, count: int):
    from generator.document.model import Block, Span

    fillers = tuple(
        Block("paragraph", (Span(f"Đoạn thêm số {n} để đẩy bảng xuống cuối trang."),)) for n in range(count)
    )
    return dataclasses.replace(document, blocks=fillers + document.blocks)


def _row_pages(rows: int) -> Iterator[tuple[int, list[int]]]:
    """For each count of filler paragraphs put before the form's tables, the page of the activity
    table's heading, then of each of its `rows` rows, in the PDF. One more filler moves the table
    down by about a row, so the counts from 8 (the table on page 1) until its heading has moved to
    page 2 put every row in turn at the page's end; more fillers change nothing."""
    from generator.writers.pdf import render_pdf

    document = _form_document(rows=rows)
    texts = ["II. KẾT QUẢ CÁC HOẠT ĐỘNG", *(f"Hoạt động số {n}." for n in range(1, rows + 1))]
    for count in range(8, 40):
        pdf = render_pdf(_filled(document, count), TEMPLATES / "html", "van-ban.html", TEMPLATES / "van-ban.docx")
        pages = _pages_of(pdf, texts)
        yield count, pages
        if min(pages) > 0:
            return


def _split_tables() -> Iterator[int]:
    """The filler counts for which a six-row activity table and its heading fall on two pages."""
    return (count for count, pages in _row_pages(6) if len(set(pages)) > 1)


def test_the_pdf_puts_a_small_tables_heading_and_rows_on_one_page(monkeypatch):
    assert list(_split_tables()) == []
    # The same sweep without the rule does split the table: the check above can fail.
    from generator.writers import layout

    monkeypatch.setattr(layout, "KEPT_TABLE_ROWS", 0)
    assert next(_split_tables(), None) is not None


def _lone_rows() -> Iterator[int]:
    """The filler counts for which a 14-row table leaves fewer than three rows on a page."""
    for count, (heading, *rows) in _row_pages(14):
        if len(set(rows)) > 1 and min(rows.count(page) for page in set(rows)) < 3:
            yield count
        assert heading == rows[0], count  # the heading never ends a page alone


def test_the_pdf_breaks_a_long_table_with_three_rows_at_least_on_each_page(monkeypatch):
    assert list(_lone_rows()) == []
    from generator.writers import layout

    monkeypatch.setattr(layout, "LONG_TABLE_EDGE_ROWS", 1)
    assert next(_lone_rows(), None) is not None


def test_libreoffice_lays_out_the_docx_keeping_the_small_table_and_the_hanging_line(soffice, output, tmp_path):
    """The DOCX as a word processor lays it out (one LibreOffice call): the six-row table and its
    heading on one page whatever precedes them, and the addressee's continuation hanging."""
    from conftest import convert
    from generator.writers.docx import render_docx

    document = _form_document(rows=6)
    sources = []
    for count in range(8, 32, 2):
        path = tmp_path / f"sweep-{count}.docx"
        path.write_bytes(render_docx(_filled(document, count), TEMPLATES / "van-ban.docx"))
        sources.append(path)
    form = tmp_path / "form.docx"
    shutil.copy(output / f"{FORM}.docx", form)
    outdir = tmp_path / "pdf"
    convert(soffice, [*sources, form], outdir)
    texts = ["II. KẾT QUẢ CÁC HOẠT ĐỘNG", *(f"Hoạt động số {n}." for n in range(1, 7))]
    pages = [_pages_of((outdir / f"{path.stem}.pdf").read_bytes(), texts) for path in sources]
    assert all(len(set(found)) == 1 for found in pages), pages
    assert {found[0] for found in pages} == {0, 1}  # the sweep does carry the table across a page end
    if shutil.which("pdftotext"):
        (first_x, _, first), (second_x, _, second) = _addressee_lines(outdir / "form.pdf")
        assert _text(second) == PHRASE and abs(second_x - first[2][0]) < 1.5, (first, second)
