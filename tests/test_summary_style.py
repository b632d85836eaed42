"""The summary (`tong-hop`) of a collecting office follows its header style's declared rules
(the_thuc), whatever the style is called: a style declared in loai-noi-nhan.yaml with
the_thuc: dang gives the Party's number line and Nơi nhận, one with the_thuc: nha_nuoc the
state's. Built on a copy of tests/roots/xa-mau, whose Phòng VH-XH (kind giao) collects.
"""

from __future__ import annotations

import shutil

import docx
import pytest

from conftest import ROOTS, TEMPLATES

YEAR = 2026


def summary_lines(tmp_path, convention: str) -> list[str]:
    from generator.build import Project
    from generator.collect.run import collect_edition

    folder = tmp_path / "c" / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    kinds = folder / "loai-noi-nhan.yaml"
    text = kinds.read_text(encoding="utf-8")
    # The collecting office's kind (the first, giao) takes a style of its own, declared with its rules.
    assert text.count('    bieu_mau: "nha_nuoc"\n    ky_bieu_mau: ["THỦ TRƯỞNG ĐƠN VỊ"]') == 1
    text = text.replace(
        '    bieu_mau: "nha_nuoc"\n    ky_bieu_mau: ["THỦ TRƯỞNG ĐƠN VỊ"]',
        '    bieu_mau: "rieng"\n    ky_bieu_mau: ["THỦ TRƯỞNG ĐƠN VỊ"]',
    )
    text += f'kieu_tieu_de:\n  - ma: "rieng"\n    quoc_hieu: "ĐOÀN TNCS HỒ CHÍ MINH"\n    the_thuc: "{convention}"\n'
    kinds.write_text(text, encoding="utf-8")
    collect_edition(Project(content=tmp_path / "c", templates=TEMPLATES, output=tmp_path / "o"), YEAR)
    path = tmp_path / "o" / str(YEAR) / "tong-hop" / "bao-cao-tong-hop.docx"
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [
        line.replace("\u00a0", " ")
        for text in cells + [p.text for p in document.paragraphs]
        for line in text.split("\n")
    ]


@pytest.mark.parametrize("convention", ["dang", "nha_nuoc"])
def test_the_summary_follows_its_styles_declared_rules(tmp_path, convention):
    lines = summary_lines(tmp_path, convention)
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in lines
    [number] = {line for line in lines if line.startswith("Số") and "BC" in line}
    archive = [line for line in lines if line.startswith("- Lưu")]
    if convention == "dang":
        assert number.startswith("Số ") and "-BC/" in number, number
        assert archive and archive[0].startswith("- Lưu ") and "- Như trên," in lines
    else:
        assert number.startswith("Số:") and "/BC-" in number, number
        assert archive and archive[0].startswith("- Lưu: ") and "- Như trên;" in lines
