"""`nhan-sua` of a letter's own words: an edit of what only the letters print (their section titles,
from cong-van.yaml) goes to cong-van.yaml, not to the plan; what cannot be traced is listed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOTS, TEMPLATES
from docx_text import text_of, texts
from generator.cli import main

YEAR = "2026"


def retype(document, old: str, new: str) -> None:
    """A paragraph's words retyped in Word (python-docx): its first run gets the new words."""
    [p] = [p for p in document.element.body.iter(qn("w:p")) if text_of(p) == old]
    runs = list(p.iter(qn("w:t")))
    runs[0].text = new
    for t in runs[1:]:
        t.text = ""
    for hyphen in list(p.iter(qn("w:noBreakHyphen"))):
        hyphen.getparent().remove(hyphen)


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOTS / "xa-mau", tmp_path / "content")
    return tmp_path


def cli(root: Path, *args: str) -> list[str]:
    return ["--content", str(root / "content"), "--output", str(root / "output"), "--templates", str(TEMPLATES), *args]


@pytest.fixture
def built_root(tmp_path, prebuilt) -> Path:
    """`root` with a copy of one build of it (tests/conftest.py): its comments may still be
    edited before the build below, which then has nothing to render."""
    return prebuilt("xa-mau", tmp_path / "built")


def test_a_letters_own_words_go_to_cong_van_yaml(built_root, capsys):
    root = built_root
    letters_yaml = root / "content" / YEAR / "cong-van.yaml"
    source = letters_yaml.read_text(encoding="utf-8")
    source = source.replace('muc_bao_cao: "Chế độ báo cáo"', 'muc_bao_cao: "Chế độ báo cáo"  # tên mục')
    letters_yaml.write_text("# Công văn của kế hoạch\n" + source, encoding="utf-8")
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    plan_before = plan_yaml.read_bytes()
    assert main(cli(root, "build", "-j", "1")) == 0
    folder = root / "output" / YEAR
    letter = folder / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx"
    document = docx.Document(str(letter))
    retype(document, "3. Chế độ báo cáo", "3. Chế độ thông tin, báo cáo")
    # Made of a sentence template and its values: it cannot be traced to one string.
    summary = "Tổng hợp báo cáo của các đơn vị, báo cáo UBND xã trước ngày 15/12/2026."
    retype(document, summary, summary.replace("Tổng hợp", "Tổng hợp đầy đủ"))
    document.save(str(letter))
    edited = texts(letter)

    capsys.readouterr()
    assert main(cli(root, "nhan-sua", "--yes")) == 0
    out = capsys.readouterr().out
    assert re.search(r"Chưa đưa về nội dung được: .*cong-van-Phong-VH-XH\.docx, đoạn \d+ \(«Tổng hợp đầy đủ", out)
    after = letters_yaml.read_text(encoding="utf-8")
    assert 'muc_bao_cao: "Chế độ thông tin, báo cáo"  # tên mục' in after
    assert after.startswith("# Công văn của kế hoạch\n")
    assert plan_yaml.read_bytes() == plan_before  # nothing of the plan changed

    assert main(cli(root, "build", "-j", "1")) == 0
    rebuilt = texts(letter)
    assert rebuilt == [summary if line.startswith("Tổng hợp đầy đủ") else line for line in edited]
    # The letters share their wording: another body's letter has the new title too.
    other = next(p for p in folder.rglob("cong-van-*.docx") if p != letter and "Chế độ" in " ".join(texts(p)))
    assert any(line.endswith("Chế độ thông tin, báo cáo") for line in texts(other))
