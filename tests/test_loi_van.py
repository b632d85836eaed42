"""loi-van.yaml: the wording of the distribution list, the tracking list and the comparison comes
from content (issue 21): an edition's file changes the keys it gives, the packaged file
(generator/content/mac-dinh/loi-van.yaml) gives the others, and a mistake in it is refused at its
file and line like any content file's."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import TEMPLATES, run_main

from generator.checks import load_edition
from generator.content.distribution import distribution
from generator.content.edition import DEFAULTS
from generator.errors import ContentError

YEAR = 2026
WORDING = "loi-van.yaml"
PACKAGED = yaml.safe_load((DEFAULTS / WORDING).read_text(encoding="utf-8"))


def write_wording(folder: Path, text: str) -> Path:
    path = folder / WORDING
    path.write_text(text, encoding="utf-8")
    return path


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_distribution_list_label_and_sentence_come_from_the_edition_s_file(tmp_path, prebuilt):
    base = prebuilt("xa-mau", tmp_path)
    edition_folder = base / "content" / str(YEAR)
    write_wording(
        edition_folder,
        "danh_sach_gui:\n"
        "  cot:\n"
        '    han_bao_cao: "Thời hạn gửi báo cáo"\n'
        "  kiem_tra:\n"
        '    co_nhiem_vu: "Ở {dia_danh}, {so}/{tong} nơi nhận công văn có nhiệm vụ."\n',
    )
    place = load_edition(edition_folder).issuer.place
    result = run_main(["build"], base, cwd_folders=True)
    assert result.returncode == 0, result.stderr
    output = base / "output" / str(YEAR)
    header = csv_rows(output / "danh-sach-gui.csv")[0]
    packaged_columns = PACKAGED["danh_sach_gui"]["cot"]
    assert "Thời hạn gửi báo cáo" in header and packaged_columns["han_bao_cao"] not in header
    # The keys the file leaves out keep the packaged wording.
    assert header[:2] == [packaged_columns["stt"], packaged_columns["noi_nhan"]]
    assert packaged_columns["so_cong_van"] in header
    html = (output / "danh-sach-gui.html").read_text(encoding="utf-8")
    letters = len(distribution(load_edition(edition_folder))[0].recipients)
    assert f"<li>Ở {place}, {letters}/{letters} nơi nhận công văn có nhiệm vụ.</li>" in html
    assert "<th>Thời hạn gửi báo cáo</th>" in html


def test_the_tracking_list_s_status_and_heading_come_from_the_edition_s_file(tmp_path, prebuilt):
    base = prebuilt("xa-mau", tmp_path)
    write_wording(
        base / "content" / str(YEAR),
        'theo_doi:\n  chua_bao_cao: "Chưa gửi về"\n  dong_dau: "Năm {nam}: {so_da_bao_cao} trên {so_phai_bao_cao}"\n',
    )
    result = run_main(["tong-hop"], base, cwd_folders=True)
    assert result.returncode == 0, result.stderr
    folder = base / "output" / str(YEAR) / "tong-hop"
    rows = csv_rows(folder / "theo-doi-bao-cao.csv")
    assert rows[0][2] == PACKAGED["theo_doi"]["cot"]["tinh_trang"]
    assert len(rows) > 1 and {row[2] for row in rows[1:]} == {"Chưa gửi về"}, "nothing was returned"
    html = (folder / "theo-doi-bao-cao.html").read_text(encoding="utf-8")
    assert f"<h1>Năm {YEAR}: 0 trên {len(rows) - 1}</h1>" in html
    assert html.count('<tr class="missing">') == len(rows) - 1, "the list still tells a missing report apart"


def test_the_comparison_speaks_the_new_edition_s_words(tmp_path):
    import shutil

    from generator.commands.diff import compare
    from generator.commands.diff_output import render_docx, summary_lines
    from generator.commands.new_year import new_year

    from conftest import ROOTS

    content = tmp_path / "content"
    shutil.copytree(ROOTS / "xa-mau", content)
    new_year(content, YEAR, YEAR + 1)
    write_wording(
        content / str(YEAR + 1),
        "so_sanh:\n"
        '  khong_sua: "Bản {nam_moi} chép nguyên bản {nam_cu}."\n'
        '  giong_nhau: "Bản {nam_moi} chép nguyên bản {nam_cu}."\n'
        '  tieu_de_tom_tat: "NHỮNG CHỖ ĐỔI SO VỚI NĂM {nam_cu}"\n',
    )
    comparison = compare(load_edition(content / str(YEAR)), load_edition(content / str(YEAR + 1)), date(2026, 10, 1))
    assert summary_lines(comparison) == [f"Bản {YEAR + 1} chép nguyên bản {YEAR}."]
    import docx

    review = docx.Document(io.BytesIO(render_docx(comparison, TEMPLATES)))
    texts = [p.text for p in review.paragraphs]
    assert f"NHỮNG CHỖ ĐỔI SO VỚI NĂM {YEAR}" in texts
    assert f"Bản {YEAR + 1} chép nguyên bản {YEAR}." in texts
    assert PACKAGED["so_sanh"]["theo_doi_thay_doi"] in texts, "a key left out keeps the packaged sentence"


def test_a_unit_with_its_own_line_of_nơi_nhận_is_reached_directly(tmp_path):
    """A list whose every unit has its own Nơi nhận line (as `nhap` makes it) has no line of its
    own: each unit is reached by its line, not "qua dòng “None”"."""
    import shutil

    from conftest import ROOTS

    folder = tmp_path / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    plan = folder / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    units = ("Ấp Tân Lập", "Ấp Bàu Hàm")  # the units of the root's list "ap" (don-vi.yaml)
    own_lines = "".join(f'  - ten: "{unit}"\n' for unit in units)
    list_line = '  - nhom: "doan-the"\n  - co_quan: "cac-ap"\n'  # in noi_nhan, after the group's line
    assert text.count(list_line) == 1
    plan.write_text(text.replace(list_line, '  - nhom: "doan-the"\n' + own_lines), encoding="utf-8")
    reached = {r.short_name: r.reached_by for r in distribution(load_edition(folder))[0].recipients}
    own = PACKAGED["danh_sach_gui"]["trong_noi_nhan"]["truc_tiep"]
    assert [reached[unit] for unit in units] == [own.replace("{ten}", unit) for unit in units]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('danh_sach_gui:\n  cot:\n    han_bao_caoo: "Hạn"\n', 3, "có phải “han_bao_cao”?"),
        ('theo_doi:\n  chua_bao_cao: "Chưa"\n  dong_dau: "{so_luong} đơn vị"\n', 3, "không có biến “{so_luong}”"),
        ('so_sanh:\n  tieu_de: "So sánh {năm_cu}"\n', 2, "“{năm_cu}” không phải là biến"),
        ('danh_sach_gui: "Danh sách"\n', 1, "phải là một nhóm trường"),
    ],
)
def test_a_mistake_in_the_edition_s_file_is_refused_at_its_line(tmp_path, text, line, message):
    import shutil

    from conftest import ROOTS

    folder = tmp_path / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    write_wording(folder, text)
    with pytest.raises(ContentError) as raised:
        load_edition(folder)
    found = [p for p in raised.value.problems if p.path.endswith(WORDING)]
    assert [(p.line, message in p.message) for p in found] == [(line, True)], found


def test_a_file_of_comments_only_changes_nothing(tmp_path):
    import shutil

    from conftest import ROOTS

    folder = tmp_path / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    packaged = load_edition(folder).words
    write_wording(folder, "# Chưa đổi lời văn nào.\n")
    assert load_edition(folder).words == packaged
    assert packaged.tracking.missing == PACKAGED["theo_doi"]["chua_bao_cao"]
