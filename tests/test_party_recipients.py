"""A Party body's Nơi nhận (Hướng dẫn 36-HD/VPTW) and what a unit without a seal is told in its form.

Built on tests/roots/xa-mau: its Đảng ủy xã is of a kind with a Party-style form, its Công an xã of a
state kind, its hamlets (list "ap") sign without a seal and have no records desk, its schools (list
"truong") are told what bieu-mau.yaml says. Expected texts are read from the YAML, not the generator.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from pypdf import PdfReader

import nd30
from conftest import ROOTS, ContentCopy, build_root, run_main

ROOT = ROOTS / "xa-mau"
YEAR = 2026
EDITION = ROOT / str(YEAR)


def load(name: str) -> dict:
    return yaml.safe_load((EDITION / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_root(tmp_path_factory, ROOT, YEAR)


def file_key(name: str) -> str:
    """A name as the README says folders are named: without diacritics, words joined by "-"."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^A-Za-z0-9]+", "-", "".join(c for c in plain if not unicodedata.combining(c))).strip("-")


def kind(code: str) -> dict:
    return next(k for k in load("loai-noi-nhan.yaml")["loai"] if k["ma"] == code)


def unit_list(code: str) -> dict:
    return next(u for u in load("don-vi.yaml")["danh_sach"] if u["ma"] == code)


def recipients_cell(path):
    """The paragraphs of the Nơi nhận cell of a DOCX's signature table: (text, style)."""
    document = docx.Document(str(path))
    for table in document.tables:
        cell = table.rows[0].cells[0]
        if cell.paragraphs and cell.paragraphs[0].text.startswith("Nơi nhận"):
            return [(p.text, p.style) for p in cell.paragraphs]
    raise AssertionError(f"{path.name}: no Nơi nhận cell")


def pdf_recipient_lines(path) -> list[str]:
    """The PDF's lines from "Nơi nhận:" down the left column, each as pdftotext-like text."""
    for page in PdfReader(str(path)).pages:
        fragments = nd30.pdf_fragments(page)
        label = next((f for f in fragments if f.text.startswith("Nơi nhận")), None)
        if label is None:
            continue
        # The left column of the signature table (62 mm), line by line, down to the gap before the instructions.
        column = [
            f
            for f in fragments
            if label.x - 1 < f.x < label.x + 62 * nd30.PT_PER_MM and f.y <= label.y + 1 and f.text.strip()
        ]
        lines: dict[float, str] = {}
        for fragment in sorted(column, key=lambda f: (-f.y, f.x)):
            if lines and min(lines) - fragment.y > 2 * label.size:
                break
            row = next((y for y in lines if abs(y - fragment.y) < 1), fragment.y)
            lines[row] = lines.get(row, "") + fragment.text
        return [" ".join(text.split()) for text in lines.values()]
    raise AssertionError(f"{path.name}: no Nơi nhận in the PDF")


def pdf_label_underlined(path) -> bool:
    """Whether a horizontal line is drawn just under the "Nơi nhận:" label, from its first letter."""
    for page in PdfReader(str(path)).pages:
        label = next((f for f in nd30.pdf_fragments(page) if f.text.startswith("Nơi nhận")), None)
        if label is None:
            continue
        points: list[tuple[bytes, float, float]] = []

        def before(op, args, cm, tm):
            if op in (b"m", b"l") and len(args) == 2:
                a, b, c, d, e, f = cm
                x, y = float(args[0]), float(args[1])
                points.append((op, x * a + y * c + e, x * b + y * d + f))

        page.extract_text(visitor_operand_before=before)
        segments = [(start, end) for start, end in pairwise(points) if start[0] == b"m" and end[0] == b"l"]
        return any(
            abs(start[2] - end[2]) < 0.1
            and 0 < label.y - start[2] < 3
            and abs(min(start[1], end[1]) - label.x) < 1
            and abs(end[1] - start[1]) > label.size * 3
            for start, end in segments
        )
    raise AssertionError(f"{path.name}: no Nơi nhận in the PDF")


def style_flag(style, name: str) -> bool:
    """A run property of a paragraph style as Word resolves it along its basedOn chain."""
    while style is not None:
        value = getattr(style.font, name)
        if value is not None:
            return bool(value)
        style = style.base_style
    return False


def test_a_party_form_lists_and_files_its_copies_as_hd36_says(folder):
    form, party = load("bieu-mau.yaml"), kind("dang")
    expected = [f"- {line}," for line in form["noi_nhan"]] + [f"- Lưu {', '.join(party['luu_bieu_mau'])}."]
    path = folder / "Dang-uy-xa" / "bao-cao-Dang-uy-xa.docx"
    cell = recipients_cell(path)
    assert [text for text, _ in cell] == ["Nơi nhận:", *expected]
    label = cell[0][1]
    # Upright, lower case and underlined; not Decree 30's bold italic.
    assert style_flag(label, "underline") and not style_flag(label, "bold") and not style_flag(label, "italic")
    runs = docx.Document(str(path)).tables[-1].rows[0].cells[0].paragraphs[0].runs
    assert not any(run.bold or run.italic for run in runs)
    pdf = path.with_suffix(".pdf")
    assert pdf_recipient_lines(pdf) == ["Nơi nhận:", *expected]
    assert pdf_label_underlined(pdf)


def test_a_state_form_keeps_decree_30s_nơi_nhận(folder):
    form = load("bieu-mau.yaml")
    expected = [f"- {line};" for line in form["noi_nhan"]] + [f"- Lưu: {', '.join(form['luu'])}."]
    path = folder / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx"
    cell = recipients_cell(path)
    assert [text for text, _ in cell] == ["Nơi nhận:", *expected]
    label = cell[0][1]
    assert style_flag(label, "bold") and style_flag(label, "italic") and not style_flag(label, "underline")
    pdf = path.with_suffix(".pdf")
    assert pdf_recipient_lines(pdf) == ["Nơi nhận:", *expected]
    assert not pdf_label_underlined(pdf)


def form_notes(path) -> list[str]:
    """The form's instruction lines: the paragraphs after the signature table."""
    body = docx.Document(str(path)).element.body
    tables = body.findall(qn("w:tbl"))
    after = tables[-1].itersiblings()
    return [nd30.paragraph_text(p) for p in after if p.tag == qn("w:p") and nd30.paragraph_text(p)]


def test_a_hamlet_is_told_its_own_instructions_and_files_no_copy(folder):
    hamlets, form = unit_list("ap"), load("bieu-mau.yaml")
    assert hamlets["luu_bieu_mau"] == [] and hamlets["huong_dan"] != form["huong_dan"]
    for unit in hamlets["don_vi"]:
        key = file_key(unit["ten"])
        path = folder / key / f"bao-cao-{key}.docx"
        notes = form_notes(path)
        assert notes[0] == form["tieu_de_huong_dan"] and notes[2:] == [f"- {line}" for line in hamlets["huong_dan"]], (
            key
        )
        assert not any("đóng dấu" in line for line in notes), key
        # No Lưu line: the last copy ends the list.
        expected = ["Nơi nhận:", *(f"- {line};" for line in form["noi_nhan"][:-1]), f"- {form['noi_nhan'][-1]}."]
        assert [text for text, _ in recipients_cell(path)] == expected, key
        pdf = path.with_suffix(".pdf")
        assert pdf_recipient_lines(pdf) == expected, key
        text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert "Lưu" not in text and hamlets["huong_dan"][-1] in " ".join(text.split()), key


def test_a_list_that_says_nothing_is_told_what_the_form_says(folder):
    assert "huong_dan" not in unit_list("truong") and "luu_bieu_mau" not in unit_list("truong")
    form = load("bieu-mau.yaml")
    path = folder / "Cac-truong-hoc" / "bao-cao-Cac-truong-hoc.docx"
    assert form_notes(path)[2:] == [f"- {line}" for line in form["huong_dan"]]
    assert [text for text, _ in recipients_cell(path)][-1] == f"- Lưu: {', '.join(form['luu'])}."


@pytest.mark.parametrize(
    "name, old, new, field, message",
    [
        (
            "don-vi.yaml",
            "    luu_bieu_mau: []",
            '    luu_bieu_mau: "VT"',
            "danh_sach[1].luu_bieu_mau",
            "phải là một danh sách",
        ),
        (
            "don-vi.yaml",
            "cùng bản có chữ ký của Trưởng ấp.",
            "cùng bản có chữ ký của {truong_ap}.",
            "danh_sach[1].huong_dan[2]",
            "không có biến “{truong_ap}”",
        ),
        (
            "loai-noi-nhan.yaml",
            '    luu_bieu_mau: ["Văn phòng Đảng ủy"]',
            '    luu_bieu_mau: [""]',
            "loai[3].luu_bieu_mau[1]",
            "không được để trống",
        ),
    ],
)
def test_a_bad_new_field_is_reported_at_its_line(tmp_path, name, old, new, field, message):
    copy = ContentCopy(tmp_path / "work", YEAR, source=ROOT)
    line = copy.replace_once(name, old, new)
    result = run_main(["build"], copy.base, cwd_folders=True)
    assert result.returncode == 1 and not copy.output.exists()
    assert result.stderr_lines[0].startswith(f"content/{YEAR}/{name}:{line}: {field}: {message}"), result.stderr_lines
