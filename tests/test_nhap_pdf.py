"""`nhap` of a plan typed in Word and printed to PDF by another program (LibreOffice here): its
paragraphs have no first-line indent, so they are told apart by the space between them."""

from __future__ import annotations

from conftest import TEMPLATES
from generator.cli import main
from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.writers.docx import render_docx
from test_nhap import RECIPIENTS, body_paragraphs, cell_lines, expected_body, word_plan


def test_a_typed_plan_printed_to_pdf_builds_word_for_word(tmp_path, libreoffice, capsys):
    source = word_plan(tmp_path / "ke-hoach-go-tay.docx")
    done, pdf = libreoffice(source)
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(pdf)]) == 0, capsys.readouterr().err
    assert "chưa đặt được" not in capsys.readouterr().out
    edition = load_edition(content / "2026")
    plan = render_docx(build_plan(edition), TEMPLATES / "van-ban.docx")
    assert body_paragraphs(plan) == expected_body()
    lines = cell_lines(plan)
    assert [f"- {r};" for r in RECIPIENTS] == [line for line in lines if line.startswith("- ") and "Lưu" not in line]
    assert "Trần Thị Mẫu" in lines
    assert len(edition.plan.assignments) == 3
