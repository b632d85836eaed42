"""`nhap` of the appendix tables after the signature: on a landscape page of a plan typed in Word
(python-docx here), and in a plan printed to PDF, whose tables are read from their ruling lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm

from conftest import ROOTS, run_build
from generator.cli import main
from generator.checks import load_edition
from test_nhap_entries import typed_plan

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
    assert len(imported.plan.appendices[1].rows) > 40  # one table, though printed over two pages
