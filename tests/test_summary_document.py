"""Issue 20: the summary report as a document of the collecting office.

A returned form with one bad figure counts for everything else: the bad row is left out of the
totals, named in the tracking list and in a note of the summary, and its unit is never listed as
not having reported. Built on tests/roots/xa-mau, forms filled with python-docx as in test_collect.
"""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from conftest import ROOTS, TEMPLATES
from test_collect import ACTIVITIES, COLUMNS, fill, texts_of_table, tracking

ROOT = ROOTS / "xa-mau"
YEAR = 2026
SUMMARY = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))["tong_hop"]


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    from generator.build import Project, build
    from generator.collect.run import collect_edition

    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / str(YEAR), content / str(YEAR))
    output = tmp_path_factory.mktemp("output")
    project = Project(content=content, templates=TEMPLATES, output=output)
    build(project, year=YEAR)
    built = output / str(YEAR)
    inbox = content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    # One bad cell (words in a number cell) in the first activity; a valid second activity and budget.
    fill(
        shutil.copy(built / "Doan-TN-xa" / "bao-cao-Doan-TN-xa.docx", inbox / "doan.docx"),
        {"activities": {ACTIVITIES[0]: ("ba", 10, 5), ACTIVITIES[1]: (2, 0, 0)}, "budget": ["400.000", ""]},
    )
    # More women than participants in one row; the rest valid.
    fill(
        shutil.copy(built / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx", inbox / "ca.docx"),
        {"activities": {ACTIVITIES[0]: (1, 10, 11), ACTIVITIES[1]: (3, 0, 0)}, "budget": ["", "700.000"]},
    )
    fill(
        shutil.copy(built / "Hoi-LHPN-xa" / "bao-cao-Hoi-LHPN-xa.docx", inbox / "hoi.docx"),
        {"activities": {ACTIVITIES[0]: (2, 50, 40)}, "budget": ["100.000", ""]},
    )
    report = collect_edition(project, YEAR)
    return {"project": project, "built": built, "report": report}


def summary_words(built) -> str:
    document = docx.Document(str(built / "tong-hop" / "bao-cao-tong-hop.docx"))
    return "\n".join(p.text for p in document.paragraphs)


def test_a_form_with_a_bad_cell_is_counted_and_its_unit_has_reported(returned):
    rows = tracking(returned["built"])
    for unit in ("Đoàn TN xã", "Công an xã", "Hội LHPN xã"):
        assert rows[unit]["Tình trạng"] == "Đã báo cáo", rows[unit]
    assert (
        f"«{ACTIVITIES[0]}», cột «{COLUMNS['so_luong']}»: «ba» không phải là số"
        in rows["Đoàn TN xã"]["Vấn đề cần xử lý"]
    )
    assert "số nữ (11) lớn hơn số người tham gia (10)" in rows["Công an xã"]["Vấn đề cần xử lý"]
    report = returned["report"]
    assert report.reported == 3 and not {"Đoàn TN xã", "Công an xã"} & set(report.missing)
    assert [name for name, _ in report.invalid] == ["ca.docx", "doan.docx"]
    words = summary_words(returned["built"])
    missing_line = next((line for line in words.splitlines() if line.startswith(SUMMARY["chua_bao_cao"][:8])), "")
    assert "Đoàn TN xã" not in missing_line and "Công an xã" not in missing_line


def test_the_summary_names_the_left_out_figures(returned):
    words = summary_words(returned["built"])
    before, after = SUMMARY["chua_hop_le"].split("{so_lieu}")
    middle, end = after.split("{don_vi}")
    notes = [line for line in words.splitlines() if line.startswith(before) and line.endswith(end)]
    assert len(notes) == 2, notes
    youth = next(n for n in notes if n.endswith(f"Đoàn TN xã{end}"))
    assert f"«{ACTIVITIES[0]}», cột «{COLUMNS['so_luong']}»" in youth and "«ba»" not in youth
    assert middle in youth


def test_the_bad_row_is_left_out_and_the_rest_of_the_form_counts(returned):
    summary = returned["built"] / "tong-hop" / "bao-cao-tong-hop.docx"
    rows = texts_of_table(summary, COLUMNS["stt"], COLUMNS["hoat_dong"])
    header = rows[0]
    first = next(r for r in rows if r[1] == ACTIVITIES[0])
    second = next(r for r in rows if r[1] == ACTIVITIES[1])
    # Only Hội LHPN's first row is valid; both bad rows are left out whole.
    assert [first[header.index(COLUMNS[c])] for c in ("so_luong", "so_nguoi", "nu")] == ["2", "50", "40"]
    # The bad forms' other rows count.
    assert second[header.index(COLUMNS["so_luong"])] == "5"
    budget = texts_of_table(summary, COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])
    assert [r[2] for r in budget[1:3]] == ["500.000", "700.000"]
    assert budget[-1][2] == "1.200.000"


def test_nothing_new_writes_nothing(returned):
    from generator.collect.run import collect_edition

    again = collect_edition(returned["project"], YEAR)
    assert again.written == [] and again.reported == 3
