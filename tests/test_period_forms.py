"""A multi-year plan (bao_cao.ky_bao_cao) gives each unit one form per reporting period: named with
the period's year, titled and dated in it, with one result column wide enough for a written
result and that period's deadline; `tong-hop --ky <year>` collects one period into
tong-hop/<year>/ and names a returned form of another period instead of counting it.

Built on a copy of tests/roots/tinh-mau (three periods: 2026, 2027 and the final report in 2030),
its form title given the period's placeholder; expected words come from its YAML.
"""

from __future__ import annotations

import csv
import io
import shutil

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import ROOTS, TEMPLATES

ROOT = ROOTS / "tinh-mau"
YEAR = 2026
PLAN = yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))
FORM = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))
PERIODS = PLAN["bao_cao"]["ky_bao_cao"]
KEYS = [str(p["han"]["nam"]) for p in PERIODS]  # the years of their deadlines, all different here
UNITS = {"so-noi-vu": "So-Noi-vu", "so-y-te": "So-Y-te", "cong-an-tinh": "Cong-an-tinh"}
TITLE = "Kết quả {ky_bao_cao} thực hiện Kế hoạch phòng, chống bạo lực gia đình"
SUMMARY_TITLE = "Tổng hợp kết quả {ky_bao_cao} thực hiện Kế hoạch"
NARRATIVE_MM = 35  # the narrowest a column for a written result may be


def label(period: dict) -> str:
    return period.get("ten_cot") or period["ten"]


def deadline(period: dict) -> str:
    day = period["han"]
    return f"{day['ngay']:02d}/{day['thang']:02d}/{day['nam']}"


def lines(path) -> list[str]:
    return [p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs]


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from generator.build import Project, build

    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / str(YEAR), content / str(YEAR))
    form = content / str(YEAR) / "bieu-mau.yaml"
    text = form.read_text(encoding="utf-8")
    assert text.count(f'trich_yeu: "{FORM["trich_yeu"]}"') == 1
    text = text.replace(f'trich_yeu: "{FORM["trich_yeu"]}"', f'trich_yeu: "{TITLE}"')
    summary = f'  trich_yeu: "{FORM["tong_hop"]["trich_yeu"]}"'
    assert text.count(summary) == 1
    form.write_text(text.replace(summary, f'  trich_yeu: "{SUMMARY_TITLE}"'), encoding="utf-8")
    project = Project(content=content, templates=TEMPLATES, output=tmp_path_factory.mktemp("output"))
    build(project, year=YEAR)
    return project


@pytest.fixture(scope="module")
def output(project):
    return project.output / str(YEAR)


def task_table(path):
    for table in docx.Document(str(path)).tables:
        if [c.text for c in table.rows[0].cells][:2] == [FORM["cot"]["stt"], FORM["cot"]["nhiem_vu"]]:
            return table
    raise AssertionError(f"no task table in {path}")


def test_each_unit_gets_one_form_per_period_named_with_its_year(output):
    for folder in UNITS.values():
        forms = sorted(p.name for p in (output / folder).glob("bao-cao-*"))
        assert forms == sorted(f"bao-cao-{folder}-{key}.{ext}" for key in KEYS for ext in ("docx", "pdf")), forms
    listing = (output / "danh-sach-gui.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(listing)))[: len(UNITS)]  # its first table: one row per recipient
    for period, key in zip(PERIODS, KEYS, strict=True):
        column = f"Biểu mẫu báo cáo ({period['ten']})"
        assert [row[column] for row in rows] == [
            f"{f}/bao-cao-{f}-{key}.docx {f}/bao-cao-{f}-{key}.pdf" for f in UNITS.values()
        ]


def test_a_periods_form_has_one_result_column_its_title_date_and_deadline(output):
    columns = FORM["cot"]
    for period, key in zip(PERIODS, KEYS, strict=True):
        path = output / "So-Y-te" / f"bao-cao-So-Y-te-{key}.docx"
        header = [c.text for c in task_table(path).rows[0].cells]
        assert header == [
            columns["stt"],
            columns["nhiem_vu"],
            columns["ket_qua_nhiem_vu"].replace("{ky_bao_cao}", label(period)),
        ]
        text = lines(path)
        assert TITLE.replace("{ky_bao_cao}", label(period)) in text
        [due] = [line for line in text if line.startswith("- Thời hạn")]
        assert due.endswith(f"{deadline(period)}.")
        assert not any(deadline(other) in due for other in PERIODS if other is not period)
        # Dated in the year of its deadline, as the date line of a report written that year.
        header_cells = " ".join(c.text for table in docx.Document(str(path)).tables[:1] for c in table._cells)
        assert f"năm {period['han']['nam']}" in header_cells.replace("\u00a0", " ")
        pdf = pdf_text(path.with_suffix(".pdf"))
        assert deadline(period) in pdf and f"năm {period['han']['nam']}" in pdf
        assert " ".join(TITLE.replace("{ky_bao_cao}", label(period)).split()) in pdf


def test_the_written_result_column_is_at_least_35_mm(output):
    for folder in UNITS.values():
        for key in KEYS:
            table = task_table(output / folder / f"bao-cao-{folder}-{key}.docx")
            grid = [int(col.get(qn("w:w"))) / 56.7 for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
            assert len(grid) == 3 and grid[2] >= NARRATIVE_MM, grid


def test_each_periods_form_has_its_own_identity(output):
    identities = {
        docx.Document(str(output / "So-Y-te" / f"bao-cao-So-Y-te-{key}.docx")).core_properties.identifier
        for key in KEYS
    }
    assert len(identities) == len(KEYS) and all(i.startswith(f"{YEAR}/so-y-te/") for i in identities)


def fill_first_task(path, text: str) -> None:
    document = docx.Document(str(path))
    for table in document.tables:
        if [c.text for c in table.rows[0].cells][:2] == [FORM["cot"]["stt"], FORM["cot"]["nhiem_vu"]]:
            table.rows[1].cells[2].paragraphs[0].text = text
    document.save(str(path))


@pytest.fixture(scope="module")
def collected(project, output):
    from generator.collect.run import collect_edition

    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    fill_first_task(shutil.copy(output / "So-Y-te" / f"bao-cao-So-Y-te-{KEYS[1]}.docx", inbox / "yte.docx"), "Đã làm")
    shutil.copy(output / "Cong-an-tinh" / f"bao-cao-Cong-an-tinh-{KEYS[0]}.docx", inbox / "ca.docx")
    return collect_edition(project, YEAR, KEYS[1])


def tracking(folder) -> dict[str, dict]:
    text = (folder / "theo-doi-bao-cao.csv").read_text(encoding="utf-8-sig")
    return {row["Đơn vị"]: row for row in csv.DictReader(io.StringIO(text))}


def test_tong_hop_collects_one_period_into_its_own_folder(collected, output):
    folder = output / "tong-hop" / KEYS[1]
    assert collected.folder == folder and (folder / "bao-cao-tong-hop.docx").is_file()
    assert not (output / "tong-hop" / "bao-cao-tong-hop.docx").exists()
    rows = tracking(folder)
    assert rows["Sở Y tế"]["Tình trạng"] == "Đã báo cáo"
    assert {row["Hạn"] for row in rows.values()} == {deadline(PERIODS[1])}
    summary = lines(folder / "bao-cao-tong-hop.docx")
    assert "+ Sở Y tế: Đã làm" in summary
    assert SUMMARY_TITLE.replace("{ky_bao_cao}", label(PERIODS[1])) in summary  # titled with its period
    # Its indicator table has the one period's column.
    result = FORM["cot"]["ket_qua"].replace("{ky_bao_cao}", label(PERIODS[1]))
    headers = [[c.text for c in t.rows[0].cells] for t in docx.Document(str(folder / "bao-cao-tong-hop.docx")).tables]
    assert any(h[-1] == result for h in headers) and not any(label(PERIODS[0]) in " ".join(h) for h in headers)


def test_a_form_of_another_period_is_named_not_counted(collected, output):
    police = tracking(output / "tong-hop" / KEYS[1])["Công an tỉnh"]
    assert police["Tình trạng"] == "Tệp không dùng được"
    assert f"KY={KEYS[0]}" in police["Vấn đề cần xử lý"] and PERIODS[0]["ten"] in police["Vấn đề cần xử lý"]
    assert "Công an tỉnh" in collected.missing


def test_tong_hop_of_a_multi_year_plan_needs_a_known_period(project, collected):
    from generator.collect.run import collect_edition
    from generator.errors import GeneratorError

    with pytest.raises(
        GeneratorError, match=f"nhiều kỳ báo cáo: ghi kỳ cần tổng hợp, ví dụ make tong-hop KY={KEYS[0]}"
    ):
        collect_edition(project, YEAR)
    with pytest.raises(GeneratorError, match="KY=2028: kế hoạch năm 2026 không có kỳ báo cáo này"):
        collect_edition(project, YEAR, "2028")


def test_a_single_report_plan_refuses_a_period(tmp_path):
    from generator.build import Project
    from generator.collect.run import collect_edition
    from generator.errors import GeneratorError

    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), tmp_path / "c" / str(YEAR))
    project = Project(content=tmp_path / "c", templates=TEMPLATES, output=tmp_path / "o")
    with pytest.raises(GeneratorError, match="chỉ có một lần báo cáo"):
        collect_edition(project, YEAR, "2026")
    assert not (tmp_path / "o").exists()


def test_a_misspelt_period_placeholder_in_the_title_is_an_error_at_its_line(tmp_path):
    from generator.checks import load_edition
    from generator.errors import ContentError

    shutil.copytree(ROOT / str(YEAR), tmp_path / str(YEAR))
    form = tmp_path / str(YEAR) / "bieu-mau.yaml"
    text = form.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if t.startswith("trich_yeu:"))
    form.write_text(text.replace('trich_yeu: "', 'trich_yeu: "{ky_bao_coa} ', 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_edition(tmp_path / str(YEAR))
    [problem] = raised.value.problems
    assert (problem.path.endswith("bieu-mau.yaml"), problem.line, problem.field) == (True, line, "trich_yeu")
    assert "ky_bao_coa" in problem.message
