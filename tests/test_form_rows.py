"""Issue 19, report forms: a form asks only what its recipient can answer.

Built on a copy of tests/roots/xa-mau whose bieu-mau.yaml scopes one activity to the schools and
the police (danh_cho), one budget source to the mass organisations (kinh_phi_danh_cho), and has a
count/total instruction (huong_dan_ty_le). Every check reads the built DOCX or PDF back.
"""

from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import docx
import pytest
import yaml
from conftest import ROOTS, TEMPLATES, run_main
from pypdf import PdfReader

ROOT = ROOTS / "xa-mau"
YEAR = 2026
SCOPED_ACTIVITY = "Tin, bài"  # asked of the schools' list and the police only
SCOPED_SOURCE = "Xã hội hóa"  # asked of the "de-nghi" kind only
RATE_LINE = "Số đạt không lớn hơn tổng số (biểu mẫu có chỉ tiêu tỷ lệ)."
ROMAN = re.compile(r"^([IVX]+)\. (.+)$")


def scoped_form(text: str) -> str:
    text = text.replace(
        '  - ten: "Tin, bài"\n    don_vi_tinh: "tin, bài"\n',
        '  - ten: "Tin, bài"\n    don_vi_tinh: "tin, bài"\n    danh_cho: ["truong", "cong-an-xa"]\n',
    )
    text = text.replace(
        'kinh_phi:\n  - "Ngân sách xã"\n  - "Xã hội hóa"\n',
        'kinh_phi:\n  - "Ngân sách xã"\n  - "Xã hội hóa"\n'
        'kinh_phi_danh_cho:\n  - nguon: 2\n    danh_cho: "de-nghi"\n'
        f'huong_dan_ty_le: ["{RATE_LINE}"]\n',
    )
    assert "danh_cho: [" in text and "kinh_phi_danh_cho" in text, "the fixture root's bieu-mau.yaml changed"
    return text


MEASURES = ("Mức thứ nhất: trên 90% người bị bạo lực", "Mức thứ hai: trên 70% người gây bạo lực")
RATE_INDICATOR = '        don_vi_tinh: "%"\n        ty_le: true\n'


UNCONFIRMED = "số thứ tự tạm xếp"
FIRST_INDICATOR = '        don_vi_tinh: "giờ/ngày"\n'


def two_measures(text: str) -> str:
    """chi-tieu.yaml with its rate indicator (3.3, the police's) setting two levels, and the
    number of 3.1 (the office's) marked as unconfirmed."""
    assert text.count(RATE_INDICATOR) == 1 and text.count(FIRST_INDICATOR) == 1, "the root's chi-tieu.yaml changed"
    levels = "".join(f'          - "{m}"\n' for m in MEASURES)
    text = text.replace(FIRST_INDICATOR, f'{FIRST_INDICATOR}        so_chua_xac_nhan: "{UNCONFIRMED}"\n')
    return text.replace(RATE_INDICATOR, f"{RATE_INDICATOR}        cac_muc:\n{levels}")


def scoped_root(folder) -> None:
    shutil.copytree(ROOT / str(YEAR), folder)
    for name, edit in (("bieu-mau.yaml", scoped_form), ("chi-tieu.yaml", two_measures)):
        path = folder / name
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from generator.build import Project, build

    content = tmp_path_factory.mktemp("content")
    scoped_root(content / str(YEAR))
    project = Project(content=content, templates=TEMPLATES, output=tmp_path_factory.mktemp("output"))
    notices = build(project, year=YEAR).notices
    return SimpleNamespace(content=project.content, output=project.output, project=project, notices=notices)


def form_path(project, folder: str, suffix: str = "docx"):
    return project.output / str(YEAR) / folder / f"bao-cao-{folder}.{suffix}"


def table(document, second_column: str) -> list[list[str]]:
    for t in document.tables:
        cells = [c.text.strip() for c in t.rows[0].cells]
        if len(cells) > 1 and cells[1] == second_column:
            return [[c.text.strip() for c in row.cells] for row in t.rows]
    raise AssertionError(f"no table with a column {second_column}")


def part_headings(document) -> list[tuple[str, str]]:
    return [m.groups() for p in document.paragraphs if (m := ROMAN.match(p.text.strip()))]


HEADINGS = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))["tieu_de_muc"]
COLUMNS = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))["cot"]


def test_a_form_without_indicators_has_no_indicator_part_and_its_parts_are_numbered_in_turn(project):
    women = docx.Document(str(form_path(project, "Hoi-LHPN-xa")))
    police = docx.Document(str(form_path(project, "Cong-an-xa")))
    assert part_headings(women) == [
        ("I", HEADINGS["nhiem_vu"]),
        ("II", HEADINGS["hoat_dong"]),
        ("III", HEADINGS["kinh_phi"]),
        ("IV", HEADINGS["y_kien"]),
    ]
    assert [title for _, title in part_headings(police)] == [
        HEADINGS[k] for k in ("nhiem_vu", "hoat_dong", "chi_tieu", "kinh_phi", "y_kien")
    ]
    assert [number for number, _ in part_headings(police)] == ["I", "II", "III", "IV", "V"]
    pdf = "\n".join(page.extract_text() for page in PdfReader(form_path(project, "Hoi-LHPN-xa", "pdf")).pages)
    assert HEADINGS["chi_tieu"] not in pdf and f"IV. {HEADINGS['y_kien']}" in pdf


def activities_of(project, folder: str) -> list[list[str]]:
    return table(docx.Document(str(form_path(project, folder))), COLUMNS["hoat_dong"])[1:]


def test_a_scoped_activity_is_asked_only_of_the_recipients_it_names(project):
    for folder, asked in (
        ("Cac-truong-hoc", True),
        ("Cong-an-xa", True),
        ("Phong-VH-XH", False),
        ("Ap-Tan-Lap", False),
    ):
        rows = activities_of(project, folder)
        assert (SCOPED_ACTIVITY in [row[1] for row in rows]) is asked, folder
        # The rows left are numbered in turn, the "other activity" row last.
        assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)], folder
        assert rows[-1][1] == COLUMNS["hoat_dong_khac"]


def test_a_scoped_budget_source_is_asked_only_of_its_kind(project):
    for folder, asked in (("Hoi-LHPN-xa", True), ("Doan-TN-xa", True), ("Phong-VH-XH", False), ("Cong-an-xa", False)):
        rows = table(docx.Document(str(form_path(project, folder))), COLUMNS["nguon_kinh_phi"])[1:]
        assert [row[1] for row in rows] == (["Ngân sách xã", SCOPED_SOURCE] if asked else ["Ngân sách xã"]), folder
        assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_the_count_and_total_instruction_prints_only_where_the_form_has_such_rows(project):
    seen = set()
    for path in sorted((project.output / str(YEAR)).glob("*/bao-cao-*.docx")):
        document = docx.Document(str(path))
        cells = {c.text.strip() for t in document.tables for row in t.rows for c in row.cells}
        has_rows = COLUMNS["dong_tu_so"] in cells and COLUMNS["dong_mau_so"] in cells
        printed = any(p.text.strip() == f"- {RATE_LINE}" for p in document.paragraphs)
        assert printed is has_rows, path.name
        seen.add(has_rows)
    assert seen == {True, False}, "the root should have forms with and without count rows"


def test_returned_scoped_rows_are_summed_under_their_own_row(project):
    from generator.collect.run import collect_edition

    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir(exist_ok=True)
    figures = {
        "Cac-truong-hoc": {SCOPED_ACTIVITY: "7"},
        "Phong-VH-XH": {"Hội nghị tuyên truyền": "2", COLUMNS["hoat_dong_khac"]: "4"},
    }
    budgets = {"Hoi-LHPN-xa": ["100.000", "40.000"], "Phong-VH-XH": ["5.000"]}
    for folder in sorted(set(figures) | set(budgets)):
        document = docx.Document(str(form_path(project, folder)))
        for t in document.tables:
            header = [c.text.strip() for c in t.rows[0].cells]
            for row in t.rows[1:]:
                name = row.cells[1].text.strip()
                if header[1] == COLUMNS["hoat_dong"] and name in figures.get(folder, {}):
                    row.cells[header.index(COLUMNS["so_luong"])].paragraphs[0].text = figures[folder][name]
            if header[1] == COLUMNS["nguon_kinh_phi"]:
                for row, amount in zip(t.rows[1:], budgets.get(folder, []), strict=False):
                    row.cells[2].paragraphs[0].text = amount
        document.save(str(inbox / f"{folder}.docx"))
    report = collect_edition(project.project, YEAR)
    summary = docx.Document(str(report.folder / "bao-cao-tong-hop.docx"))
    totals = {}
    for t in summary.tables:
        header = [c.text.strip() for c in t.rows[0].cells]
        for row in t.rows[1:]:
            cells = [c.text.strip() for c in row.cells]
            if header[1] in (COLUMNS["hoat_dong"], COLUMNS["nguon_kinh_phi"]):
                totals[cells[1]] = cells[3] if header[1] == COLUMNS["hoat_dong"] else cells[2]
    assert totals[SCOPED_ACTIVITY] == "7"
    assert totals["Hội nghị tuyên truyền"] == "2"
    # The office's "other activity" row is its form's second row, where the schools have the scoped one.
    assert totals[COLUMNS["hoat_dong_khac"]] == "4"
    assert totals["Ngân sách xã"] == "105.000"
    assert totals[SCOPED_SOURCE] == "40.000"


def test_each_level_of_an_indicator_is_read_back_and_summed_apart(project):
    from generator.collect.run import collect_edition

    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir(exist_ok=True)
    document = docx.Document(str(form_path(project, "Cong-an-xa")))
    rows = next(t for t in document.tables if t.rows[0].cells[1].text.strip() == COLUMNS["chi_tieu"]).rows
    figures = dict(zip(MEASURES, (("8", "10"), ("3", "5")), strict=True))
    for index, row in enumerate(rows):
        measure = next((m for m in MEASURES if row.cells[1].text.strip().endswith(m)), None)
        if measure is not None:
            for offset, value in enumerate(figures[measure], start=1):
                rows[index + offset].cells[3].paragraphs[0].text = value
    document.save(str(inbox / "cong-an.docx"))
    summary = docx.Document(str(collect_edition(project.project, YEAR).folder / "bao-cao-tong-hop.docx"))
    lines = [" | ".join(c.text.strip() for c in row.cells) for t in summary.tables for row in t.rows]
    for measure, (count, total) in figures.items():
        (line,) = [line for line in lines if measure in line]
        assert f"({count}/{total})" in line, line


@pytest.mark.parametrize(
    ("name", "old", "new", "where", "key", "said"),
    [
        (
            "bieu-mau.yaml",
            '"truong", "cong-an-xa"]',
            '"truong", "cong-an"]',
            None,
            "hoat_dong[2].danh_cho",
            "“cong-an”",
        ),
        ("bieu-mau.yaml", "  - nguon: 2\n", "  - nguon: 3\n", None, "kinh_phi_danh_cho[1].nguon", "không có nguồn 3"),
        ("chi-tieu.yaml", f'          - "{MEASURES[1]}"\n', "", "cac_muc:", "cac_muc", "ít nhất hai mức"),
        (
            "chi-tieu.yaml",
            "        cac_muc:\n",
            '        khong_do_o_cap: ["xa", "phuong"]\n        cac_muc:\n',
            ("ke-hoach.yaml", "chi_tieu: [3]"),
            "bao_cao_chi_tieu.chi_tieu",
            "không đo ở cấp “xa”",
        ),
    ],
)
def test_a_wrong_row_scope_or_level_is_an_error_at_its_line_and_nothing_is_written(
    tmp_path, name, old, new, where, key, said
):
    content = tmp_path / "content" / str(YEAR)
    scoped_root(content)
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    where_name, fragment = where if isinstance(where, tuple) else (name, where or new.strip())
    lines = (content / where_name).read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(lines, start=1) if fragment in row)
    done = run_main(["build"], tmp_path, cwd_folders=True)
    assert done.returncode == 1
    assert any(f"{where_name}:{line}: {key}:" in out and said in out for out in done.stderr.splitlines()), done.stderr
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").rglob("*.docx"))


def test_an_indicator_setting_two_levels_is_asked_once_per_level(project):
    rows = table(docx.Document(str(form_path(project, "Cong-an-xa"))), COLUMNS["chi_tieu"])[1:]
    labels = [row[1] for row in rows]
    for measure in MEASURES:
        (index,) = [i for i, label in enumerate(labels) if label.endswith(f": {measure}")]
        # Each level is a rate of its own: its count and total follow it.
        assert labels[index + 1 : index + 3] == [COLUMNS["dong_tu_so"], COLUMNS["dong_mau_so"]]
    assert not any("Tỷ lệ người bị bạo lực gia đình được phát hiện" in label for label in labels)


TINH = ROOTS / "tinh-mau"
POLICE_TARGETS = "    bao_cao_chi_tieu_ke_hoach: [3]\n"
NARROWING = "số vụ việc do Công an tiếp nhận"


def narrowed_plan(folder, target: int = 3) -> str:
    """A copy of tinh-mau whose police report only part of the plan's target 3."""
    shutil.copytree(TINH / str(YEAR), folder)
    path = folder / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(POLICE_TARGETS) == 1, "the fixture root's ke-hoach.yaml changed"
    scope = f'    pham_vi_chi_tieu_ke_hoach:\n      - chi_tieu: {target}\n        pham_vi: "{NARROWING}"\n'
    text = text.replace(POLICE_TARGETS, POLICE_TARGETS + scope)
    path.write_text(text, encoding="utf-8")
    return text


def test_a_plan_target_narrowed_to_the_part_one_body_holds(tmp_path):
    from generator.build import Project, build

    narrowed_plan(tmp_path / "content" / str(YEAR))
    project = Project(content=tmp_path / "content", templates=TEMPLATES, output=tmp_path / "output")
    build(project, year=YEAR)
    police = next((project.output / str(YEAR)).glob("Cong-an*/bao-cao-*.docx"))
    rows = table(
        docx.Document(str(police)), yaml.safe_load((TINH / str(YEAR) / "bieu-mau.yaml").read_text())["cot"]["chi_tieu"]
    )
    assert [row[1].split(":")[0] for row in rows[1:] if row[0]] == [f"Chỉ tiêu 3 của Kế hoạch ({NARROWING})"]
    # Another body reporting a target keeps it whole.
    health = next((project.output / str(YEAR)).glob("So-Y-te*/bao-cao-*.docx"))
    assert NARROWING not in "\n".join(
        c.text for t in docx.Document(str(health)).tables for r in t.rows for c in r.cells
    )


def test_a_narrowing_of_a_target_the_body_does_not_report_is_an_error(tmp_path):
    text = narrowed_plan(tmp_path / "content" / str(YEAR), target=2)
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if "- chi_tieu: 2" in row)
    done = run_main(["build"], tmp_path, cwd_folders=True)
    assert done.returncode == 1
    assert f"ke-hoach.yaml:{line}: pham_vi_chi_tieu_ke_hoach.chi_tieu: chỉ tiêu 2 của kế hoạch" in done.stderr
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").rglob("*.docx"))


def test_an_unconfirmed_number_is_flagged_where_it_is_printed_and_named_by_the_build(project):
    office = docx.Document(str(form_path(project, "Phong-VH-XH")))
    labels = [row[1] for row in table(office, COLUMNS["chi_tieu"])[1:] if row[0]]
    assert labels[0].startswith(f"Chỉ tiêu 1 của Mục tiêu 3 ({UNCONFIRMED}): ")
    letter = docx.Document(str(project.output / str(YEAR) / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx"))
    cited = [p.text for p in letter.paragraphs if "Chỉ tiêu 1 của Mục tiêu 3" in p.text]
    assert cited and all(f"Chỉ tiêu 1 của Mục tiêu 3 ({UNCONFIRMED})" in text for text in cited)
    (notice,) = [line for line in project.notices if "chưa được xác nhận" in line]
    assert "Chỉ tiêu 1 của Mục tiêu 3" in notice and "Phòng VH-XH" in notice and UNCONFIRMED in notice
    # An indicator whose number is not marked prints no such note.
    police = docx.Document(str(form_path(project, "Cong-an-xa")))
    assert not any(UNCONFIRMED in row[1] for row in table(police, COLUMNS["chi_tieu"]))
