"""`nhap` of the appendix tables after the signature: on a landscape page of a plan typed in Word
(python-docx here), and in a plan printed to PDF, whose tables are read from their ruling lines."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import ROOTS, run_build
from generator.cli import main
from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.writers.docx import render_docx
from test_nhap_entries import TEMPLATE, typed_plan

COLUMNS = ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]
ROWS = [
    ["1", "Tập huấn cán bộ cơ sở", "Sở Y tế", "Quý II"],
    ["2", "Tuyên truyền trên báo chí", "Công an tỉnh", "Cả năm"],
]


def with_landscape_appendix(path: Path) -> Path:
    document = docx.Document(str(path))
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.add_paragraph().add_run("Phụ lục").bold = True
    document.add_paragraph().add_run("DANH MỤC HOẠT ĐỘNG TRỌNG TÂM").bold = True
    document.add_paragraph("(Kèm theo Kế hoạch số 7/KH-UBND ngày 02/3/2026 của UBND tỉnh)")
    table = document.add_table(rows=1 + len(ROWS), cols=len(COLUMNS))
    for r, row in enumerate([COLUMNS, *ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def test_an_appendix_on_a_landscape_page_is_imported_landscape(tmp_path, capsys):
    source = with_landscape_appendix(typed_plan(tmp_path / "ke-hoach.docx", ["Sở Y tế", "UBND các xã, phường"]))
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(source)]) == 0, capsys.readouterr().err
    [appendix] = load_edition(content / "2026").plan.appendices
    assert appendix.landscape
    assert [c.title for c in appendix.columns] == COLUMNS and appendix.rows == ROWS


def test_appendix_tables_of_a_plan_printed_to_pdf(tmp_path, capsys):
    """The PDF of a plan with two appendices, the first landscape and the second longer than a
    page: the same columns, rows and orientation as the content it was printed from."""
    original = tmp_path / "goc"
    shutil.copytree(ROOTS / "tinh-mau", original)
    built = run_build(original, tmp_path / "out", 2026)
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(built.plan_pdf)]) == 0, capsys.readouterr().err
    source, imported = load_edition(original / "2026"), load_edition(content / "2026")
    assert len(imported.plan.appendices) == len(source.plan.appendices) == 2
    for mine, theirs in zip(imported.plan.appendices, source.plan.appendices, strict=True):
        assert mine.title == theirs.title.upper()
        assert mine.landscape == theirs.landscape
        assert [c.title for c in mine.columns] == [c.title for c in theirs.columns]
        printed = [[source.plain(cell) for cell in row] for row in theirs.rows]
        agencies = {a.id: source.plain(a.short_name) for a in source.registry.agencies}
        expected = [
            [
                ", ".join(agencies[c.strip()] for c in cell.split(",")) if column.agency else cell
                for column, cell in zip(theirs.columns, row, strict=True)
            ]
            for row in printed
        ]
        assert mine.rows == expected
        # The widths read from the PDF's ruling lines: the source's, the free column's share included.
        text_mm = 297 - 30 - 15 if theirs.landscape else 210 - 30 - 15
        given = [c.width for c in theirs.columns]
        share = (text_mm - sum(w for w in given if w)) / given.count(None)
        printed_mm = [w if w is not None else share for w in given]
        got = [c.width for c in mine.columns]
        assert sum(got) == text_mm and all(abs(a - b) <= 1 for a, b in zip(got, printed_mm, strict=True)), got
    assert len(imported.plan.appendices[1].rows) > 40  # one table, though printed over two pages


def _grid_mm(table) -> list[float]:
    return [int(col.get(qn("w:w"))) * 25.4 / 1440 for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_unequal_columns_keep_their_widths(tmp_path, capsys, orientation):
    """A DOCX appendix whose columns the clerk made unequal, on a page with other margins than the
    builder's: the widths come back as the same shares of the builder's text width, within 1 mm, in
    the YAML and in the rebuilt plan's table."""
    landscape = orientation == "landscape"
    source = with_landscape_appendix(typed_plan(tmp_path / "ke-hoach.docx", ["Sở Y tế", "UBND các xã, phường"]))
    document = docx.Document(str(source))
    if not landscape:
        section = document.sections[-1]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    document.sections[-1].left_margin = document.sections[-1].right_margin = Mm(20)
    table = document.tables[-1]
    typed = [15, 100, 45, 40] if landscape else [12, 80, 45, 33]  # mm, filling the source's text width
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), typed, strict=True):
        col.set(qn("w:w"), str(Mm(width).twips))
    document.save(str(source))
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(source)]) == 0, capsys.readouterr().err
    text_mm = 297 - 30 - 15 if landscape else 210 - 30 - 15  # the builder's margins (Decree 30)
    expected = [width * text_mm / sum(typed) for width in typed]
    [appendix] = load_edition(content / "2026").plan.appendices
    widths = [column.width for column in appendix.columns]
    assert sum(widths) == text_mm
    assert all(abs(got - want) <= 1 for got, want in zip(widths, expected, strict=True)), widths
    assert "rong: " in (content / "2026" / "ke-hoach.yaml").read_text(encoding="utf-8")
    plan = docx.Document(io.BytesIO(render_docx(build_plan(load_edition(content / "2026")), TEMPLATE)))
    built = plan.tables[-1]
    assert [c.text for c in built.rows[0].cells] == COLUMNS
    assert _grid_mm(built) == pytest.approx(widths, abs=0.05)
    assert [cell.width.mm for cell in built.rows[1].cells] == pytest.approx(widths, abs=0.05)


def test_even_columns_write_no_width(tmp_path, capsys):
    """python-docx shares a new table's width evenly: the YAML says nothing, as the content does
    for even columns."""
    source = with_landscape_appendix(typed_plan(tmp_path / "ke-hoach.docx", ["Sở Y tế", "UBND các xã, phường"]))
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(source)]) == 0, capsys.readouterr().err
    [appendix] = load_edition(content / "2026").plan.appendices
    assert [column.width for column in appendix.columns] == [None] * len(COLUMNS)
