"""Issue 20's dates: a received date per returned file (typed by the clerk in
bao-cao-nhan/ngay-nhan.yaml, else the day the file appeared), and a report date read only from
the form's date line. Built on tests/roots/xa-mau, forms filled with python-docx.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import docx
import pytest
from conftest import ROOTS, ContentCopy, build_root_copy, run_main
from test_collect import ACTIVITIES, COLUMNS, fill, set_cell, table_by_header, tracking

ROOT = ROOTS / "xa-mau"
YEAR = 2026


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    from generator.collect.run import collect_edition

    project = build_root_copy(tmp_path_factory, ROOT, YEAR)
    built = project.output / str(YEAR)
    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    (inbox / "dot-2").mkdir(parents=True)
    # The police's form: its date line left blank, a date written in a task's result cell.
    police = shutil.copy(built / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx", inbox / "dot-2" / "ca.docx")
    fill(police, {"activities": {ACTIVITIES[0]: (1, 40, 12)}, "budget": []})
    document = docx.Document(str(police))
    tasks = table_by_header(document, COLUMNS["stt"], COLUMNS["nhiem_vu"])
    set_cell(tasks.rows[1].cells[2], "Đã xử lý, báo cáo ngày 01 tháng 12 năm 2026.")
    document.save(str(police))
    # The women's union's form, dated on its date line, its arrival typed by the clerk.
    women = shutil.copy(built / "Hoi-LHPN-xa" / "bao-cao-Hoi-LHPN-xa.docx", inbox / "hoi.docx")
    fill(
        women, {"activities": {ACTIVITIES[0]: (2, 50, 40)}, "budget": []}, written_date="Mẫu, ngày 05 tháng 12 năm 2026"
    )
    (inbox / "ngay-nhan.yaml").write_text('# Ngày nhận\n"hoi.docx": "07/12/2026"\n', encoding="utf-8")
    arrived = datetime(YEAR, 12, 11, 9, 0).timestamp()
    os.utime(police, (arrived, arrived))
    os.utime(women, (arrived, arrived))
    report = collect_edition(project, YEAR)
    return {"project": project, "built": built, "inbox": inbox, "report": report}


def test_a_typed_received_date_wins_over_the_file_s_date(returned):
    rows = tracking(returned["built"])
    assert rows["Hội LHPN xã"]["Ngày nhận"] == "07/12/2026"
    assert rows["Công an xã"]["Ngày nhận"] == "11/12/2026"  # not listed: the day the file appeared
    assert "ngay-nhan.yaml" not in rows  # the clerk's file is not a returned form


def test_the_report_date_is_read_only_from_the_date_line(returned):
    rows = tracking(returned["built"])
    assert rows["Hội LHPN xã"]["Ngày báo cáo"] == "05/12/2026"
    assert rows["Hội LHPN xã"]["Ngày lấy từ"] == "ghi trên báo cáo"
    # The date in a result cell is not the report's: its date line was left blank.
    police = rows["Công an xã"]
    assert police["Ngày báo cáo"] == "11/12/2026" and police["Ngày lấy từ"] == "ngày của tệp"
    assert police["Trễ hạn"] == "Trễ hạn" and "Công an xã" in returned["report"].late


def test_a_changed_received_date_is_a_change(returned):
    from generator.collect.run import collect_edition

    assert collect_edition(returned["project"], YEAR).written == []
    (returned["inbox"] / "ngay-nhan.yaml").write_text('"dot-2/ca.docx": "09/12/2026"\n', encoding="utf-8")
    again = collect_edition(returned["project"], YEAR)
    assert "theo-doi-bao-cao.csv" in {p.name for p in again.written}
    rows = tracking(returned["built"])
    assert rows["Công an xã"]["Ngày nhận"] == "09/12/2026" and rows["Hội LHPN xã"]["Ngày nhận"] != "07/12/2026"


@pytest.mark.parametrize(
    "typed, field, message",
    [
        ('"a.docx": "31/02/2026"', "a.docx", "ngày nhận phải là một ngày có thật"),
        ('"a.docx": "9 tháng 12"', "a.docx", "ngày nhận phải là một ngày có thật"),
        ('"khong-co.docx": "09/12/2026"', "khong-co.docx", "không có tệp này trong thư mục bao-cao-nhan"),
    ],
)
def test_a_wrong_received_date_is_refused_at_its_line_and_nothing_is_written(tmp_path, typed, field, message):
    copy = ContentCopy(tmp_path / "work", YEAR, source=ROOT)
    inbox = copy.folder / "bao-cao-nhan"
    inbox.mkdir()
    (inbox / "a.docx").write_bytes(b"a returned file")
    (inbox / "ngay-nhan.yaml").write_text(f"# Ngày nhận\n{typed}\n", encoding="utf-8")
    result = run_main(["tong-hop"], copy.base, cwd_folders=True)
    assert result.returncode == 1 and not (copy.output / str(YEAR) / "tong-hop").exists()
    assert result.stderr_lines[0].startswith(f"content/{YEAR}/bao-cao-nhan/ngay-nhan.yaml:2: {field}: {message}"), (
        result.stderr_lines
    )
