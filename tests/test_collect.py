"""Issue 11: returned forms, filled in with known numbers (some re-saved by LibreOffice, renamed),
collected by `tong-hop` into the tracking list and the summary report.

Built on tests/roots/xa-mau. Column and row names are read from its bieu-mau.yaml, the numbers are
the test's own; the summary's totals must be their sums.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import zipfile

import docx
import pytest
import yaml
from conftest import CONTENT, ROOTS, TEMPLATES, build_root_copy, run_main

ROOT = ROOTS / "xa-mau"
YEAR = 2026
FORM = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))
COLUMNS = FORM["cot"]
ACTIVITIES = [a["ten"] for a in FORM["hoat_dong"]]

# Known figures per unit folder: activity name → (quantity, participants, women); budget per source.
FIGURES = {
    "Phong-VH-XH": {
        "activities": {ACTIVITIES[0]: (2, 120, 70), ACTIVITIES[1]: (5, 0, 0)},
        "budget": ["1.500.000", "250.000"],
        "difficulties": "Thiếu kinh phí tuyên truyền.",
    },
    "Cong-an-xa": {
        "activities": {ACTIVITIES[0]: (1, 40, 12)},
        "budget": ["300.000", ""],
        "rate": ("12", "15"),
        "proposals": "Tập huấn kỹ năng xử lý vụ việc.",
    },
    "Hoi-LHPN-xa": {"activities": {ACTIVITIES[0]: (3, 90, 85), ACTIVITIES[1]: (4, 0, 0)}, "budget": ["", "1.000.000"]},
}


def table_by_header(document, first_column: str, second_column: str):
    for table in document.tables:
        cells = [c.text.strip() for c in table.rows[0].cells]
        if len(cells) > 1 and cells[0] == first_column and cells[1] == second_column:
            return table
    raise AssertionError(f"no table headed {first_column} | {second_column}")


def set_cell(cell, text: str) -> None:
    cell.paragraphs[0].text = text


def fill(path, figures: dict, *, written_date: str | None = None) -> None:
    """Fill a form the way a clerk would in Word: type into the cells, by row and column names."""
    document = docx.Document(str(path))
    activities = table_by_header(document, COLUMNS["stt"], COLUMNS["hoat_dong"])
    header = [c.text.strip() for c in activities.rows[0].cells]
    for row in activities.rows[1:]:
        name = row.cells[1].text.strip()
        if name in figures["activities"]:
            for column, value in zip(
                (COLUMNS["so_luong"], COLUMNS["so_nguoi"], COLUMNS["nu"]), figures["activities"][name], strict=True
            ):
                set_cell(row.cells[header.index(column)], str(value))
    budget = table_by_header(document, COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])
    # Rows past the figures given are left as the form has them.
    for row, amount in zip(budget.rows[1:], figures["budget"], strict=False):
        set_cell(row.cells[2], amount)
    narrative = table_by_header(document, COLUMNS["stt"], COLUMNS["noi_dung"])
    for row in narrative.rows[1:]:
        key = "difficulties" if row.cells[1].text.strip() == COLUMNS["kho_khan"] else "proposals"
        if key in figures:
            set_cell(row.cells[2], figures[key])
    if "rate" in figures:
        indicators = table_by_header(document, COLUMNS["stt"], COLUMNS["chi_tieu"])
        for row in indicators.rows[1:]:
            label = row.cells[1].text.strip()
            if label == COLUMNS["dong_tu_so"]:
                set_cell(row.cells[3], figures["rate"][0])
            elif label == COLUMNS["dong_mau_so"]:
                set_cell(row.cells[3], figures["rate"][1])
    if written_date:
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    if "ngày" in cell.text and "tháng" in cell.text and "năm" in cell.text and "," in cell.text:
                        set_cell(cell, written_date)
    document.save(str(path))


def texts_of_table(path, first_column: str, second_column: str) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[c.text.strip() for c in row.cells] for row in table_by_header(document, first_column, second_column).rows]


def tracking(folder) -> dict[str, dict]:
    text = (folder / "tong-hop" / "theo-doi-bao-cao.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    return {row["Tệp"] or row["Đơn vị"]: row for row in rows} | {row["Đơn vị"]: row for row in rows}


def digest(folder) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def with_identity(source, target, old: str, new: str) -> None:
    """A copy of a form with its identity changed everywhere it is written (another edition's form)."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            out.writestr(item, archive.read(item.filename).replace(old.encode(), new.encode()))


@pytest.fixture(scope="module")
def collected(tmp_path_factory, libreoffice):
    from generator.collect.run import collect_edition

    project = build_root_copy(tmp_path_factory, ROOT, YEAR)
    content, built = project.content, project.output / str(YEAR)
    inbox = content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    # Filled in, renamed as units name their files.
    fill(
        shutil.copy(built / "Phong-VH-XH" / "bao-cao-Phong-VH-XH.docx", inbox / "VHXH gui lai.docx"),
        FIGURES["Phong-VH-XH"],
        written_date="Mẫu, ngày 08 tháng 12 năm 2026",
    )
    police = shutil.copy(built / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx", content / "ca.docx")
    fill(police, FIGURES["Cong-an-xa"], written_date="Mẫu, ngày 12 tháng 12 năm 2026")
    # Re-saved by LibreOffice (a unit without Word).
    done, resaved = libreoffice(police, "docx")
    assert done.returncode == 0, done.stderr
    shutil.copy(resaved, inbox / "cong an xa (LibreOffice).docx")
    (content / "ca.docx").unlink()
    women = shutil.copy(built / "Hoi-LHPN-xa" / "bao-cao-Hoi-LHPN-xa.docx", inbox / "hoi-phu-nu.docx")
    fill(women, FIGURES["Hoi-LHPN-xa"])
    # Bad files: text in a number cell, more women than participants, another edition's form, a
    # duplicate, and something that is not a form at all.
    text_cell = shutil.copy(built / "Doan-TN-xa" / "bao-cao-Doan-TN-xa.docx", inbox / "doan.docx")
    fill(text_cell, {"activities": {ACTIVITIES[0]: ("ba", 10, 5)}, "budget": []})
    identity = next(line for line in open_texts(women) if f"{YEAR}/" in line)
    code = identity[identity.index(f"{YEAR}/") :].split(")")[0]
    with_identity(women, inbox / "nam-truoc.docx", code, code.replace(f"{YEAR}/", f"{YEAR - 1}/"))
    duplicate = shutil.copy(women, inbox / "hoi-phu-nu (1).docx")
    os.utime(duplicate, (1_700_000_000, 1_700_000_000))
    # Properties lost (a unit copied the form's content into a new document): the visible label still names it.
    hamlet = shutil.copy(built / "Ap-Tan-Lap" / "bao-cao-Ap-Tan-Lap.docx", content / "ap.docx")
    fill(hamlet, {"activities": {ACTIVITIES[1]: (6, 0, 0)}, "budget": []})
    with zipfile.ZipFile(hamlet) as archive, zipfile.ZipFile(inbox / "Ấp Tân Lập.docx", "w") as out:
        for item in archive.infolist():
            data = archive.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"<dc:identifier>[^<]*</dc:identifier>", b"", data)
            if item.filename != "docProps/custom.xml":
                out.writestr(item, data)
    (content / "ap.docx").unlink()
    note = docx.Document()
    note.add_paragraph("Kính gửi UBND xã, đơn vị xin gửi báo cáo.")
    note.save(str(inbox / "thu.docx"))
    (inbox / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    content_before = digest(content)
    report = collect_edition(project, YEAR)
    return {
        "project": project,
        "content": content,
        "output": built,
        "inbox": inbox,
        "report": report,
        "content_before": content_before,
        "built": built,
    }


def open_texts(path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs]


def test_the_summary_totals_are_the_sums_of_the_usable_forms(collected):
    summary = collected["output"] / "tong-hop" / "bao-cao-tong-hop.docx"
    rows = texts_of_table(summary, COLUMNS["stt"], COLUMNS["hoat_dong"])
    header = rows[0]
    counted = [FIGURES[k] for k in ("Phong-VH-XH", "Cong-an-xa", "Hoi-LHPN-xa")] + [
        {"activities": {ACTIVITIES[1]: (6, 0, 0)}}
    ]
    for name in ACTIVITIES:
        row = next(r for r in rows if r[1] == name)
        for column, index in ((COLUMNS["so_luong"], 0), (COLUMNS["so_nguoi"], 1), (COLUMNS["nu"], 2)):
            expected = sum(f["activities"].get(name, (0, 0, 0))[index] for f in counted)
            typed = any(name in f["activities"] for f in counted)  # a typed 0 is shown, an untouched cell stays empty
            assert row[header.index(column)] == (str(expected) if typed else ""), (name, column)
    budget = texts_of_table(summary, COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])
    amounts = [sum(int(f["budget"][i].replace(".", "") or 0) for f in counted if "budget" in f) for i in range(2)]
    assert [r[2] for r in budget[1:3]] == [f"{a:,}".replace(",", ".") for a in amounts]
    assert budget[-1][2] == f"{sum(amounts):,}".replace(",", ".")
    words = " ".join(p.text for p in docx.Document(str(summary)).paragraphs)
    assert FIGURES["Phong-VH-XH"]["difficulties"] in words
    assert FIGURES["Cong-an-xa"]["proposals"] in words


def test_a_rate_is_summed_from_its_count_and_total_read_through_libreoffice(collected):
    summary = collected["output"] / "tong-hop" / "bao-cao-tong-hop.docx"
    rows = texts_of_table(summary, COLUMNS["stt"], COLUMNS["chi_tieu"])
    count, total = FIGURES["Cong-an-xa"]["rate"]
    unit = rows[0].index(FORM["tong_hop"]["theo_don_vi"])
    result = next(i for i, title in enumerate(rows[0]) if title.startswith(COLUMNS["ket_qua"].split("{")[0]))
    assert any(row[unit] == "Công an xã" and f"({count}/{total})" in row[result] for row in rows), rows


def test_each_bad_file_is_named_with_its_cell_and_the_others_still_count(collected):
    rows = tracking(collected["output"])
    assert rows["Phòng VH-XH"]["Tình trạng"] == "Đã báo cáo" and rows["Phòng VH-XH"]["Ngày báo cáo"] == "08/12/2026"
    assert rows["Phòng VH-XH"]["Ngày lấy từ"] == "ghi trên báo cáo"
    police = rows["Công an xã"]
    assert police["Tình trạng"] == "Đã báo cáo" and police["Tệp"] == "cong an xa (LibreOffice).docx"
    assert police["Trễ hạn"] == "Trễ hạn"  # 12/12 after the 10/12 deadline
    assert rows["Hội LHPN xã"]["Tệp"] == "hoi-phu-nu.docx"
    youth = rows["Đoàn TN xã"]
    # One bad cell: the form counts but for its bad row (issue 20); the row held its only figures.
    assert youth["Tình trạng"] == "Đã báo cáo"
    assert f"«{ACTIVITIES[0]}», cột «{COLUMNS['so_luong']}»: «ba» không phải là số" in youth["Vấn đề cần xử lý"]
    assert (
        "trùng" in rows["Hội LHPN xã"]["Vấn đề cần xử lý"]
        and "hoi-phu-nu (1).docx" in rows["Hội LHPN xã"]["Vấn đề cần xử lý"]
    )
    assert f"là biểu mẫu năm {YEAR - 1}" in rows["nam-truoc.docx"]["Vấn đề cần xử lý"]
    assert "không phải biểu mẫu báo cáo do chương trình tạo" in rows["thu.docx"]["Vấn đề cần xử lý"]
    assert "không phải tệp Word .docx" in rows["anh.jpg"]["Vấn đề cần xử lý"]
    assert rows["Ấp Tân Lập"]["Tình trạng"] == "Đã báo cáo"  # recognised by its visible label alone
    assert collected["report"].reported == 5


def test_more_women_than_participants_an_added_row_and_a_hand_edited_summary(tmp_path):
    from generator.build import Project, build
    from generator.collect.run import collect_edition

    shutil.copytree(ROOT / str(YEAR), tmp_path / "c" / str(YEAR))
    project = Project(content=tmp_path / "c", templates=TEMPLATES, output=tmp_path / "o")
    build(project, year=YEAR)
    inbox = tmp_path / "c" / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    fill(
        shutil.copy(tmp_path / "o" / str(YEAR) / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx", inbox / "ca.docx"),
        {"activities": {ACTIVITIES[0]: (1, 10, 11)}, "budget": []},
    )
    collect_edition(project, YEAR)
    problems = tracking(tmp_path / "o" / str(YEAR))["Công an xã"]["Vấn đề cần xử lý"]
    assert f"«{ACTIVITIES[0]}», cột «{COLUMNS['nu']}»: số nữ (11) lớn hơn số người tham gia (10)" in problems

    # The summary edited in Word is kept while no new form comes, and copied aside before it is made again.
    summary = tmp_path / "o" / str(YEAR) / "tong-hop" / "bao-cao-tong-hop.docx"
    edited = docx.Document(str(summary))
    edited.add_paragraph("Dòng cán bộ thêm bằng Word.")
    edited.save(str(summary))
    kept = collect_edition(project, YEAR)
    assert kept.written == [] and kept.kept_edited == [summary]
    assert "Dòng cán bộ thêm bằng Word." in [p.text for p in docx.Document(str(summary)).paragraphs]
    # A row the unit added is named, not silently dropped.
    added = shutil.copy(tmp_path / "o" / str(YEAR) / "Hoi-LHPN-xa" / "bao-cao-Hoi-LHPN-xa.docx", inbox / "hoi.docx")
    document = docx.Document(str(added))
    activities = table_by_header(document, COLUMNS["stt"], COLUMNS["hoat_dong"])
    extra = activities.add_row()
    for cell, text in zip(extra.cells, ("9", "Hội thi nấu ăn", "cuộc", "1", "30", "20", ""), strict=True):
        set_cell(cell, text)
    document.save(str(added))
    remade = collect_edition(project, YEAR)
    assert summary in remade.written
    copy = tmp_path / "o" / str(YEAR) / "tong-hop" / "ban-sua-tay" / "bao-cao-tong-hop.docx"
    assert "Dòng cán bộ thêm bằng Word." in [p.text for p in docx.Document(str(copy)).paragraphs]
    assert (
        "dòng «Hội thi nấu ăn» do đơn vị thêm vào không được tính"
        in tracking(tmp_path / "o" / str(YEAR))["Hội LHPN xã"]["Vấn đề cần xử lý"]
    )


def test_nothing_under_content_changes_and_a_rerun_writes_nothing_until_a_new_form_comes(collected):
    from generator.collect.run import collect_edition

    assert digest(collected["content"]) == collected["content_before"]
    assert {p.name for p in collected["report"].written} == {
        "theo-doi-bao-cao.csv",
        "theo-doi-bao-cao.html",
        "bao-cao-tong-hop.docx",
        "bao-cao-tong-hop.pdf",
        "bao-cao-cap-tren.docx",  # the root's plan has bao_cao.cap_tren
        "bao-cao-cap-tren.pdf",
    }
    assert collect_edition(collected["project"], YEAR).written == []
    summary = collected["output"] / "tong-hop" / "bao-cao-tong-hop.docx"
    before = texts_of_table(summary, COLUMNS["stt"], COLUMNS["hoat_dong"])
    school = collected["built"] / "Cac-truong-hoc" / "bao-cao-Cac-truong-hoc.docx"  # one form for the whole list
    fill(
        shutil.copy(school, collected["inbox"] / "them.docx"), {"activities": {ACTIVITIES[0]: (1, 7, 3)}, "budget": []}
    )
    again = collect_edition(collected["project"], YEAR)
    assert {p.name for p in again.written} >= {"bao-cao-tong-hop.docx", "theo-doi-bao-cao.csv"}
    after = texts_of_table(summary, COLUMNS["stt"], COLUMNS["hoat_dong"])
    column = before[0].index(COLUMNS["so_nguoi"])
    row = next(i for i, r in enumerate(before) if r[1] == ACTIVITIES[0])
    assert int(after[row][column]) == int(before[row][column]) + 7
    assert again.reported == collected["report"].reported + 1


def test_returned_forms_are_no_input_of_the_documents_nor_copied_into_next_year(collected, tmp_path):
    from generator.build import build, edition_inputs
    from generator.commands.new_year import new_year

    again = build(collected["project"], year=YEAR)
    assert again.written == [] and again.removed == []
    inputs = edition_inputs(collected["project"], collected["content"] / str(YEAR))
    (collected["inbox"] / "moi.docx").write_bytes(b"not yet read")
    assert edition_inputs(collected["project"], collected["content"] / str(YEAR)) == inputs
    (collected["inbox"] / "moi.docx").unlink()
    # new-year on the real content (its YAML is what new-year edits in place).
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "2024", content / "2024")
    (content / "2024" / "bao-cao-nhan").mkdir()
    (content / "2024" / "bao-cao-nhan" / "phong-tu-phap.docx").write_bytes(b"a returned form")
    new_year(content, 2024, 2025)
    assert (content / "2025" / "ke-hoach.yaml").is_file()
    assert not (content / "2025" / "bao-cao-nhan").exists()


def test_the_build_names_indicators_without_wording_on_its_last_lines(tmp_path):
    """The notices come last but for the build's own last line, which names the PDF font."""
    catalog = yaml.safe_load((ROOT / str(YEAR) / "chi-tieu.yaml").read_text(encoding="utf-8"))
    unknown = [(o["so"], i["so"]) for o in catalog["muc_tieu"] for i in o["chi_tieu"] if i["noi_dung"] is None]
    assert unknown, "the test needs an indicator without wording in xa-mau"
    done = run_main(["--content", str(ROOT), "--output", str(tmp_path), "build", "-j", "1"], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1].startswith(f"Xong {YEAR}: ") and "PDF dùng phông" in lines[-1], lines[-1]
    notices = lines[-1 - len(unknown) : -1]
    assert len(notices) == len(unknown)
    for (objective, number), line in zip(unknown, notices, strict=True):
        assert line.startswith(f"Chú ý: Chỉ tiêu {number} của Mục tiêu {objective} chưa được ghi nội dung"), line
    listing = (tmp_path / str(YEAR) / "danh-sach-gui.html").read_text(encoding="utf-8")
    assert f"Chỉ tiêu {unknown[0][1]} của Mục tiêu {unknown[0][0]} chưa được ghi nội dung" in listing


@pytest.mark.parametrize(
    "typed, value", [("12", 12), ("1.250.000", 1_250_000), ("12,5", 12.5), (" 7 ", 7), ("45%", 45), ("", None)]
)
def test_figures_are_read_as_clerks_type_them(typed, value):
    from generator.collect.collect import parse_number

    assert parse_number(typed, percent=True) == value


@pytest.mark.parametrize("typed", ["ba", "12 người", "1,2,3", "x"])
def test_words_in_a_number_cell_are_refused(typed):
    from generator.collect.collect import parse_number

    with pytest.raises(ValueError):
        parse_number(typed)
