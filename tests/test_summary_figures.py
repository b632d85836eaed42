"""Issue 20 leftover: the summary's count totals add the rows of one unit only.

The activity rows of a form count in their own unit (bieu-mau.yaml, hoat_dong[].don_vi_tinh), so
the collecting office's sentence names a total per unit ({tong_so_luong_cuoc},
{tong_so_luong_tin_bai}); {tong_so_luong}, the total of every row, is refused at its file and line
while the rows have several units, and accepted when they share one. The "Hoạt động khác" row,
whose unit a unit writes in its note, is in no total. Built on tests/roots/xa-mau; forms filled
with python-docx as in test_collect; the figures are the test's own, the totals their hand sums.
"""

from __future__ import annotations

import re
import shutil
import unicodedata

import nd30
import pytest
import yaml
from conftest import ROOTS, build_root_copy
from pypdf import PdfReader
from test_collect import ACTIVITIES, COLUMNS, fill
from test_summary_document import summary_words

from generator.checks import load_edition
from generator.errors import ContentError

ROOT = ROOTS / "xa-mau"
YEAR = 2026
FORM = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))
SUMMARY = FORM["tong_hop"]
UNITS = [a["don_vi_tinh"] for a in FORM["hoat_dong"]]
OTHER = COLUMNS["hoat_dong_khac"]

# Per unit folder: row → (quantity, participants, women). Row 0 counts cuộc, row 1 tin, bài; the
# "Hoạt động khác" row has a quantity that must be in no total.
RETURNED = {
    "Phong-VH-XH": {ACTIVITIES[0]: (3, 40, 20), ACTIVITIES[1]: (5, 0, 0), OTHER: (100, 7, 3)},
    "Doan-TN-xa": {ACTIVITIES[0]: (2, 50, 30), ACTIVITIES[1]: (7, 0, 0)},
    "Hoi-LHPN-xa": {ACTIVITIES[0]: (4, 10, 5), ACTIVITIES[1]: (11, 0, 0), OTHER: (40, 0, 0)},
}
MEETINGS = 3 + 2 + 4  # the cuộc row of each unit
ARTICLES = 5 + 7 + 11  # the tin, bài row of each unit
PEOPLE, WOMEN = 40 + 7 + 50 + 10, 20 + 3 + 30 + 5  # every row's participants, women


def returned_forms(project) -> None:
    built = project.output / str(YEAR)
    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    for folder, activities in RETURNED.items():
        form = shutil.copy(built / folder / f"bao-cao-{folder}.docx", inbox / f"{folder}.docx")
        fill(form, {"activities": activities, "budget": []})


def expected(sentence: str, **figures: int) -> str:
    values = {"nam": str(YEAR), "so_da_bao_cao": "3", "so_phai_bao_cao": "8", "tong_kinh_phi": "0"}
    values |= {name: f"{value:,}".replace(",", ".") for name, value in figures.items()}
    for name, value in values.items():
        sentence = sentence.replace(f"{{{name}}}", value)
    assert "{" not in sentence, sentence
    return sentence


def pdf_words(path) -> str:
    text = unicodedata.normalize("NFC", nd30.pdf_text(PdfReader(str(path))))
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    from generator.collect.run import collect_edition

    project = build_root_copy(tmp_path_factory, ROOT, YEAR)
    returned_forms(project)
    collect_edition(project, YEAR)
    return project.output / str(YEAR) / "tong-hop"


def test_the_root_counts_in_two_units(collected):
    # What the cases below rely on: the tiny root's two rows have different units.
    assert UNITS[0] != UNITS[1]
    assert "{tong_so_luong_cuoc}" in SUMMARY["danh_gia_noi_dung"][0]
    assert "{tong_so_luong_tin_bai}" in SUMMARY["danh_gia_noi_dung"][0]


def test_each_count_is_the_hand_sum_of_the_rows_of_its_unit_in_docx_and_pdf(collected):
    sentence = expected(
        SUMMARY["danh_gia_noi_dung"][0],
        tong_so_luong_cuoc=MEETINGS,
        tong_so_luong_tin_bai=ARTICLES,
        tong_so_nguoi=PEOPLE,
        tong_so_nu=WOMEN,
    )
    lines = summary_words(collected.parent).splitlines()
    heading = next(i for i, line in enumerate(lines) if line.endswith(f". {SUMMARY['danh_gia']}"))
    assert lines[heading + 1] == sentence
    assert " ".join(sentence.split()) in pdf_words(collected / "bao-cao-tong-hop.pdf")
    # Neither the sum across units nor the "Hoạt động khác" quantities appear as a count.
    for wrong in (MEETINGS + ARTICLES, MEETINGS + 100 + 40, ARTICLES + 140):
        assert f" {wrong} " not in f" {lines[heading + 1]} "


def test_the_report_up_names_the_same_counts(collected):
    plan = yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))
    up = plan["bao_cao"]["cap_tren"]["danh_gia_noi_dung"][0]
    sentence = expected(
        up, tong_so_luong_cuoc=MEETINGS, tong_so_luong_tin_bai=ARTICLES, tong_so_nguoi=PEOPLE, tong_so_nu=WOMEN
    )
    assert " ".join(sentence.split()) in pdf_words(collected / "bao-cao-cap-tren.pdf")


def _edited_root(tmp_path, old: str, new: str, name: str = "bieu-mau.yaml"):
    content = tmp_path / "content"
    shutil.copytree(ROOT, content)
    path = content / str(YEAR) / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return content, path


def test_a_total_across_units_is_refused_at_its_line_naming_the_rows(tmp_path):
    sentence = SUMMARY["danh_gia_noi_dung"][0]
    content, path = _edited_root(tmp_path, sentence, sentence.replace("{tong_so_luong_cuoc}", "{tong_so_luong}"))
    with pytest.raises(ContentError) as raised:
        load_edition(content / str(YEAR))
    line = next(
        n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "{tong_so_luong}" in text
    )
    found = [p for p in raised.value.problems if "{tong_so_luong}" in p.message]
    assert [(p.path.endswith("bieu-mau.yaml"), p.line, p.field) for p in found] == [
        (True, line, "tong_hop.danh_gia_noi_dung[1]")
    ]
    message = found[0].message
    for activity, unit in zip(ACTIVITIES, UNITS, strict=True):
        assert f"“{unit}”: «{activity}»" in message
    assert "{tong_so_luong_cuoc}" in message and "{tong_so_luong_tin_bai}" in message
    assert "đơn vị tính khác nhau" in message


def test_a_count_of_a_unit_no_row_has_is_refused(tmp_path):
    sentence = SUMMARY["danh_gia_noi_dung"][0]
    content, _ = _edited_root(tmp_path, sentence, sentence.replace("{tong_so_luong_cuoc}", "{tong_so_luong_luot}"))
    with pytest.raises(ContentError) as raised:
        load_edition(content / str(YEAR))
    assert any("{tong_so_luong_luot}" in p.message and "không có biến" in p.message for p in raised.value.problems)


def test_rows_of_one_unit_may_use_the_total_of_every_row(tmp_path_factory, tmp_path):
    from generator.collect.run import collect_edition

    sentence = SUMMARY["danh_gia_noi_dung"][0]
    one_unit = "Có {so_da_bao_cao}/{so_phai_bao_cao} đơn vị gửi báo cáo; các đơn vị đã tổ chức {tong_so_luong} cuộc."
    content, path = _edited_root(tmp_path, sentence, one_unit)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'don_vi_tinh: "{UNITS[1]}"', f'don_vi_tinh: "{UNITS[0]}"', 1), encoding="utf-8")
    plan = content / str(YEAR) / "ke-hoach.yaml"
    # The report up's sentence names the tin, bài total, which this content no longer has.
    up = yaml.safe_load(plan.read_text(encoding="utf-8"))["bao_cao"]["cap_tren"]["danh_gia_noi_dung"][0]
    plan.write_text(plan.read_text(encoding="utf-8").replace(up, one_unit), encoding="utf-8")
    project = build_root_copy(tmp_path_factory, content, YEAR)
    returned_forms(project)
    collect_edition(project, YEAR)
    folder = project.output / str(YEAR) / "tong-hop"
    # Both rows now count cuộc: their sum, still without the "Hoạt động khác" row.
    sentence = expected(one_unit, tong_so_luong=MEETINGS + ARTICLES)
    assert sentence in summary_words(folder.parent).splitlines()
    assert sentence in pdf_words(folder / "bao-cao-tong-hop.pdf")
