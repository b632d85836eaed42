"""An entry of Tổ chức thực hiện with points a), b)…: each point is a task row of the recipient's
form, under its lead-in ("…; cụ thể:") shown once across the row, in the DOCX and the PDF; the
letter lists the points; the distribution list counts them; `tong-hop` reads results per point,
and still reads a form made before the points had rows (on the lead-in's row), with its warning.

Built on tests/roots/tinh-mau: Sở Y tế has two tasks, a lead-in and three points (one with bullets,
one citing "01/2026/TT-BYT", whose hyphen the writers keep unbroken); Sở Nội vụ has a task and two
points of its own (no lead-in); Công an tỉnh one task. Expected labels come from the YAML.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.table import _Cell

import nd30
from conftest import ROOTS, TEMPLATES, build_root

ROOT = ROOTS / "tinh-mau"
YEAR = 2026
PLAN = yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))
FORM = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))
COLUMNS = FORM["cot"]
ENTRIES = {entry["co_quan"]: entry for entry in PLAN["to_chuc_thuc_hien"] if "co_quan" in entry}
HEALTH = ENTRIES["so-y-te"]
HOME = ENTRIES["so-noi-vu"]
LEAD_IN = HEALTH["nhiem_vu"][-1]
PERIODS = 1  # a multi-year plan: one form per period, each with one result column
KY = "2026"  # the first period: its forms are bao-cao-<unit>-2026, collected by tong-hop --ky 2026
OLD_FORM_WARNING = "biểu mẫu được tạo trước lần sửa nội dung gần nhất"


def point_label(index: int, point: dict) -> str:
    """ "a) first paragraph", then each bullet on a line of its own, as the plan prints the point."""
    lines = [f"{'abcdefghik'[index]}) {point['doan'][0]}", *point["doan"][1:]]
    return "\n".join(lines + [f"- {child['doan'][0]}" for child in point.get("muc", [])])


def task_table(path_or_document):
    document = docx.Document(str(path_or_document)) if isinstance(path_or_document, Path) else path_or_document
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == [COLUMNS["stt"], COLUMNS["nhiem_vu"]]:
            return table
    raise AssertionError("no task table")


def cells_of(row, table) -> list[_Cell]:
    """The row's own cells (python-docx repeats a spanning cell once per grid column)."""
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def docx_task_rows(path) -> list[list[str]]:
    table = task_table(path)
    return [[cell.text.replace("\u00a0", " ") for cell in cells_of(row, table)] for row in table.rows[1:]]


def pdf_words(path) -> list[tuple[int, float, float, float, str]]:
    """Each word pdftotext finds: its page, left and right edge, top, text."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(out.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [
        (number, float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")), w.text or "")
        for number, page in enumerate(root.iter("page"))
        for w in page.iter("word")
    ]


def find_words(words, text: str) -> list:
    """The words of `text`, where they follow one another in the PDF."""
    wanted = text.split()
    for start in range(len(words) - len(wanted) + 1):
        if [w[4] for w in words[start : start + len(wanted)]] == wanted:
            return words[start : start + len(wanted)]
    raise AssertionError(f"not in the PDF: {text}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_root(tmp_path_factory, ROOT, YEAR)


def test_each_point_is_a_row_of_the_form_under_its_lead_in_in_the_docx(folder):
    rows = docx_task_rows(folder / "So-Y-te" / "bao-cao-So-Y-te-2026.docx")
    blanks = [""] * PERIODS
    tasks = HEALTH["nhiem_vu"]
    assert rows == [
        ["1", tasks[0], *blanks],
        ["2", tasks[1], *blanks],
        ["3", LEAD_IN],  # one cell across the result columns: nothing to fill in
        *(["", point_label(i, point), *blanks] for i, point in enumerate(HEALTH["muc"])),
    ]
    table = task_table(folder / "So-Y-te" / "bao-cao-So-Y-te-2026.docx")
    lead_row = table.rows[3]
    assert cells_of(lead_row, table)[1].grid_span == PERIODS + 1
    # It stays on the page of its first point.
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in lead_row._tr.iter(qn("w:p")))
    body = docx.Document(str(folder / "So-Y-te" / "bao-cao-So-Y-te-2026.docx")).element.body
    assert sum(nd30.paragraph_text(p).count(LEAD_IN) for p in body.iter(qn("w:p"))) == 1


def test_points_without_a_lead_in_are_numbered_rows_of_their_own(folder):
    rows = docx_task_rows(folder / "So-Noi-vu" / "bao-cao-So-Noi-vu-2026.docx")
    assert [row[:2] for row in rows] == [
        ["1", HOME["nhiem_vu"][0]],
        *([str(2 + i), point_label(i, p)] for i, p in enumerate(HOME["muc"])),
    ]
    assert all(len(row) == 2 + PERIODS for row in rows)
    assert [row[:2] for row in docx_task_rows(folder / "Cong-an-tinh" / "bao-cao-Cong-an-tinh-2026.docx")] == [
        ["1", ENTRIES["cong-an-tinh"]["nhiem_vu"][0]]
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_pdf_shows_the_lead_in_once_across_the_row_and_each_point_in_order(folder):
    words = pdf_words(folder / "So-Y-te" / "bao-cao-So-Y-te-2026.pdf")
    text = " ".join(w[4] for w in words)
    assert text.count(LEAD_IN) == 1
    labels = [
        *HEALTH["nhiem_vu"],
        *(line for i, p in enumerate(HEALTH["muc"]) for line in point_label(i, p).split("\n")),
    ]
    positions = [text.index(label) for label in labels]
    assert positions == sorted(positions), labels
    assert text.index(point_label(2, HEALTH["muc"][2])) < text.index("II. ")
    # The lead-in runs into the result columns (its cell spans them); a task's text stays left of them.
    header = find_words(words, COLUMNS["nhiem_vu"])[-1]
    result_column = next(w for w in words[words.index(header) :] if w[4] == COLUMNS["ket_qua_nhiem_vu"].split()[0])
    assert max(w[2] for w in find_words(words, LEAD_IN)) > result_column[1]
    assert max(w[2] for w in find_words(words, HEALTH["nhiem_vu"][0])) < result_column[1]
    assert max(w[2] for w in find_words(words, point_label(0, HEALTH["muc"][0]))) < result_column[1]


def test_the_letter_lists_the_lead_in_and_its_points_as_the_plan_does(folder):
    lines = [
        p.text.replace("\u00a0", " ")
        for p in docx.Document(str(folder / "So-Y-te" / "cong-van-So-Y-te.docx")).paragraphs
    ]
    expected = [
        *(f"- {task}" for task in HEALTH["nhiem_vu"]),
        *(line for i, p in enumerate(HEALTH["muc"]) for line in point_label(i, p).split("\n")),
    ]
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected


def task_counts(folder) -> dict[str, str]:
    """ "Số nhiệm vụ" of each recipient, from the distribution list's first table."""
    text = (folder / "danh-sach-gui.csv").read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n\n")[0]
    return {row["Tên viết tắt"]: row["Số nhiệm vụ"] for row in csv.DictReader(io.StringIO(text))}


def test_the_distribution_list_counts_each_point_as_a_task(folder):
    counts = task_counts(folder)
    # Sở Y tế: two tasks and three points (the lead-in is what its points are); Sở Nội vụ: a task and two points.
    assert counts == {"Sở Nội vụ": "3", "Sở Y tế": "5", "Công an tỉnh": "1"}


def test_task_groups_keep_working_next_to_points_and_a_group_holding_the_lead_in_holds_its_points(tmp_path_factory):
    content = tmp_path_factory.mktemp("groups")
    shutil.copytree(ROOT / str(YEAR), content / str(YEAR))
    plan, form = content / str(YEAR) / "ke-hoach.yaml", content / str(YEAR) / "bieu-mau.yaml"
    home_task = HOME["nhiem_vu"][0]
    home_lead_in = home_task.replace("; tổng hợp báo cáo.", "; cụ thể:")
    plan.write_text(plan.read_text(encoding="utf-8").replace(home_task, home_lead_in), encoding="utf-8")
    groups = (
        "nhom_nhiem_vu:\n"
        '  - {co_quan: "so-y-te", ten: "Chăm sóc y tế và phối hợp xử lý vụ việc", nhiem_vu: [1, 2]}\n'
        '  - {co_quan: "so-noi-vu", ten: "Tham mưu triển khai Kế hoạch", nhiem_vu: [1]}\n'
    )
    form.write_text(form.read_text(encoding="utf-8") + groups, encoding="utf-8")
    built = build_root(tmp_path_factory, content, YEAR)
    blanks = [""] * PERIODS
    assert docx_task_rows(built / "So-Y-te" / "bao-cao-So-Y-te-2026.docx") == [
        ["1", "Chăm sóc y tế và phối hợp xử lý vụ việc", *blanks],
        ["2", LEAD_IN],
        *(["", point_label(i, point), *blanks] for i, point in enumerate(HEALTH["muc"])),
    ]
    # The group is the lead-in's row: the points are reported there, one row with results.
    assert docx_task_rows(built / "So-Noi-vu" / "bao-cao-So-Noi-vu-2026.docx") == [
        ["1", "Tham mưu triển khai Kế hoạch", *blanks]
    ]
    letter = [p.text for p in docx.Document(str(built / "So-Noi-vu" / "cong-van-So-Noi-vu.docx")).paragraphs]
    assert home_lead_in in letter and point_label(0, HOME["muc"][0]) in letter
    counts = task_counts(built)
    assert counts["Sở Y tế"] == "5" and counts["Sở Nội vụ"] == "2"  # what is assigned, however the form groups it


# ---------------------------------------------------------------- tong-hop
def fill_tasks(path, results: dict[str, list[str]]) -> None:
    """Type results into the task rows named (by their first line), one per period, as a clerk in Word."""
    document = docx.Document(str(path))
    table = task_table(document)
    filled = set()
    for row in table.rows[1:]:
        cells = cells_of(row, table)
        name = cells[1].text.replace("\u00a0", " ").split("\n")[0]
        if name in results:
            for cell, value in zip(cells[2:], results[name], strict=True):
                cell.paragraphs[0].text = value
            filled.add(name)
    assert filled == set(results), set(results) - filled
    document.save(str(path))


def without_points(source, target) -> None:
    """The content as it was before points had rows: the same plan, its entries' points left out,
    so the forms are what the program made then (one row per task paragraph, the same identity)."""
    shutil.copytree(source, target)
    plan = yaml.safe_load((target / "ke-hoach.yaml").read_text(encoding="utf-8"))
    for entry in plan["to_chuc_thuc_hien"]:
        entry.pop("muc", None)
    (target / "ke-hoach.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")


def summary_lines(output) -> list[str]:
    path = output / "tong-hop" / KY / "bao-cao-tong-hop.docx"
    return [p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs]


def tracking(output) -> dict[str, dict]:
    text = (output / "tong-hop" / KY / "theo-doi-bao-cao.csv").read_text(encoding="utf-8-sig")
    return {row["Đơn vị"]: row for row in csv.DictReader(io.StringIO(text))}


@pytest.fixture(scope="module")
def returned(tmp_path_factory, libreoffice):
    from generator.build import Project, build
    from generator.collect.run import collect_edition

    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / str(YEAR), content / str(YEAR))
    project = Project(content=content, templates=TEMPLATES, output=tmp_path_factory.mktemp("output"))
    build(project, year=YEAR)
    built = project.output / str(YEAR)
    before = tmp_path_factory.mktemp("before")
    without_points(ROOT / str(YEAR), before / str(YEAR))
    old = build_root(tmp_path_factory, before, YEAR)
    inbox = content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    point_a, point_c = (point_label(i, HEALTH["muc"][i]) for i in (0, 2))
    # Sở Y tế fills its new form per point and sends it re-saved by LibreOffice.
    health = shutil.copy(built / "So-Y-te" / "bao-cao-So-Y-te-2026.docx", content / "yte.docx")
    fill_tasks(
        health,
        {
            HEALTH["nhiem_vu"][0]: ["Đã bảo đảm"],
            point_a: ["120 nạn nhân; 95 nạn nhân"],
            point_c: ["14 vụ"],
        },
    )
    done, resaved = libreoffice(health, "docx")
    assert done.returncode == 0, done.stderr
    shutil.copy(resaved, inbox / "so y te.docx")
    # Sở Nội vụ fills the form made before: its points had no rows.
    fill_tasks(
        shutil.copy(old / "So-Noi-vu" / "bao-cao-So-Noi-vu-2026.docx", inbox / "snv.docx"),
        {HOME["nhiem_vu"][0]: ["Đã triển khai"]},
    )
    report = collect_edition(project, YEAR, KY)
    # A second office, to which Sở Y tế sends the form made before, its results on the lead-in's row.
    later = tmp_path_factory.mktemp("later")
    shutil.copytree(ROOT / str(YEAR), later / str(YEAR))
    (later / str(YEAR) / "bao-cao-nhan").mkdir()
    fill_tasks(
        shutil.copy(old / "So-Y-te" / "bao-cao-So-Y-te-2026.docx", later / str(YEAR) / "bao-cao-nhan" / "yte-cu.docx"),
        {LEAD_IN: ["Đã hỗ trợ 120 nạn nhân"]},
    )
    later_project = Project(content=later, templates=TEMPLATES, output=tmp_path_factory.mktemp("later-output"))
    later_report = collect_edition(later_project, YEAR, KY)
    return {
        "output": built,
        "report": report,
        "old": old,
        "built": built,
        "later": later_project.output / str(YEAR),
        "later_report": later_report,
    }


def identity(path) -> str:
    return docx.Document(str(path)).core_properties.identifier


def test_the_forms_made_before_carry_another_version(returned):
    for key in ("So-Y-te", "So-Noi-vu"):
        old, new = (identity(returned[f] / key / f"bao-cao-{key}-{KY}.docx") for f in ("old", "built"))
        assert old.rsplit("/", 1)[0] == new.rsplit("/", 1)[0] and old != new, (old, new)
    same = [identity(returned[f] / "Cong-an-tinh" / "bao-cao-Cong-an-tinh-2026.docx") for f in ("old", "built")]
    assert same[0] == same[1]  # an entry without points: the same form as before


def test_tong_hop_reads_results_per_point_under_the_lead_in(returned):
    rows = tracking(returned["output"])
    assert rows["Sở Y tế"]["Tình trạng"] == "Đã báo cáo" and rows["Sở Y tế"]["Vấn đề cần xử lý"] == ""
    lines = summary_lines(returned["output"])
    # Part I lists each task once, each unit's result under it; a point's result under the point.
    first = f"- {HEALTH['nhiem_vu'][0].rstrip('.')}:"
    start = lines.index(first)
    point_a, point_c = (point_label(i, HEALTH["muc"][i]) for i in (0, 2))
    assert lines[start : start + 7] == [
        first,
        "+ Sở Y tế: Đã bảo đảm",
        f"- {LEAD_IN}",
        f"{point_a.rstrip('.')}:",
        "+ Sở Y tế: 120 nạn nhân; 95 nạn nhân",  # as typed in its one period cell
        f"{point_c.rstrip('.')}:",
        "+ Sở Y tế: 14 vụ",
    ]
    assert not any(line.startswith("b) ") for line in lines)  # nothing written for b): not listed


def test_a_form_made_before_the_points_had_rows_is_read_with_the_warning(returned):
    home = tracking(returned["output"])["Sở Nội vụ"]
    assert home["Tình trạng"] == "Đã báo cáo"
    assert OLD_FORM_WARNING in home["Vấn đề cần xử lý"] and "không tìm thấy" not in home["Vấn đề cần xử lý"]
    lines = summary_lines(returned["output"])
    task = lines.index(f"- {HOME['nhiem_vu'][0].rstrip('.')}:")
    assert lines[task + 1] == "+ Sở Nội vụ: Đã triển khai"
    health = tracking(returned["later"])["Sở Y tế"]
    assert health["Tình trạng"] == "Đã báo cáo"
    assert OLD_FORM_WARNING in health["Vấn đề cần xử lý"] and "không tìm thấy" not in health["Vấn đề cần xử lý"]
    # The result written on the lead-in's row is the entry's: kept, as a task of its own.
    later = summary_lines(returned["later"])
    assert later[later.index(f"- {LEAD_IN}") + 1] == "+ Sở Y tế: Đã hỗ trợ 120 nạn nhân"


def test_a_missing_point_row_of_a_new_form_is_a_problem(tmp_path, returned):
    from generator.build import Project
    from generator.collect.run import collect_edition

    shutil.copytree(ROOT / str(YEAR), tmp_path / "c" / str(YEAR))
    inbox = tmp_path / "c" / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    form = shutil.copy(returned["built"] / "So-Y-te" / "bao-cao-So-Y-te-2026.docx", inbox / "yte.docx")
    document = docx.Document(str(form))
    removed = task_table(document).rows[5]  # b), with its bullets
    removed._tr.getparent().remove(removed._tr)
    document.save(str(form))
    collect_edition(Project(content=tmp_path / "c", templates=TEMPLATES, output=tmp_path / "o"), YEAR, KY)
    problems = tracking(tmp_path / "o" / str(YEAR))["Sở Y tế"]["Vấn đề cần xử lý"]
    assert "không tìm thấy dòng «b) Tư vấn tâm lý cho nạn nhân: …»" in problems
    assert re.search(r"không tìm thấy dòng «(a|c)\)", problems) is None


def test_an_entry_of_points_alone_has_a_row_per_point_and_no_empty_entry_warning(tmp_path_factory):
    from generator.commands.check import check

    content = tmp_path_factory.mktemp("points-alone")
    shutil.copytree(ROOT / str(YEAR), content / str(YEAR))
    plan = content / str(YEAR) / "ke-hoach.yaml"
    task = f'    nhiem_vu:\n      - "{HOME["nhiem_vu"][0]}"\n'
    text = plan.read_text(encoding="utf-8")
    assert text.count(task) == 1
    plan.write_text(text.replace(task, ""), encoding="utf-8")
    assert not [n for n in check(content, YEAR).notices if "to_chuc_thuc_hien[1]" in n.field]
    built = build_root(tmp_path_factory, content, YEAR)
    assert [row[:2] for row in docx_task_rows(built / "So-Noi-vu" / "bao-cao-So-Noi-vu-2026.docx")] == [
        [str(1 + i), point_label(i, p)] for i, p in enumerate(HOME["muc"])
    ]
    assert task_counts(built)["Sở Nội vụ"] == str(len(HOME["muc"]))
