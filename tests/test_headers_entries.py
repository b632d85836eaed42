"""Section IV entries on their heading's line, each unit's own header lines, header styles from
content, the full "(Kèm theo …)" wording and the distribution list's unit counts (issue 19).

Built on a copy of tests/roots/xa-mau whose content is changed here (and only here): one-task
entries run in by default (nhiem_vu_cung_dong), one entry opts out (cung_dong: false); loai-noi-nhan
declares a Đoàn style and a hamlet style without a number line; the schools get one letter each,
their header split before the place name ({loai_don_vi}) and one school with header lines of its
own. Expected texts are read from that YAML, never from the generator.
"""

from __future__ import annotations

import csv
import re
import shutil

import docx
import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOTS, TEMPLATES

YEAR = 2026
ISSUE_DATE = {"nam": YEAR, "thang": 3, "ngay": 5}


def read(folder, name):
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def write(folder, name, data):
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    (folder / name).write_text(text, encoding="utf-8")


def customise(edition):
    """The fixture's content: the tiny commune root with this file's fields in use."""
    plan = read(edition, "ke-hoach.yaml")
    plan["nhiem_vu_cung_dong"] = True
    shared = next(a for a in plan["to_chuc_thuc_hien"] if a["co_quan"] == ["hoi-lhpn", "doan-tn"])
    shared["cung_dong"] = False
    write(edition, "ke-hoach.yaml", plan)

    kinds = read(edition, "loai-noi-nhan.yaml")
    kinds["kieu_tieu_de"] = [
        {
            "ma": "nha_nuoc",
            "quoc_hieu": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "tieu_ngu": "Độc lập - Tự do - Hạnh phúc",
        },
        {"ma": "doan", "quoc_hieu": "Đoàn TNCS Hồ Chí Minh", "dau_duoi_ten": "\\*\\*\\*", "the_thuc": "dang"},
        {
            "ma": "thon-ap",
            "quoc_hieu": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "tieu_ngu": "Độc lập - Tự do - Hạnh phúc",
            "dong_so": False,
        },
    ]
    request = next(k for k in kinds["loai"] if k["ma"] == "de-nghi")
    kinds["loai"].append({**request, "ma": "doan", "ten": "Đề nghị phối hợp (Đoàn)", "bieu_mau": "doan"})
    next(k for k in kinds["loai"] if k["ma"] == "ap")["bieu_mau"] = "thon-ap"
    write(edition, "loai-noi-nhan.yaml", kinds)

    registry = read(edition, "co-quan.yaml")
    next(a for a in registry["co_quan"] if a["ma"] == "doan-tn")["loai"] = "doan"
    write(edition, "co-quan.yaml", registry)

    lists = read(edition, "don-vi.yaml")
    schools = next(u for u in lists["danh_sach"] if u["ma"] == "truong")
    schools["gui_chung"] = False
    schools["ten_tieu_de"] = ["{loai_don_vi}", "{dia_danh_don_vi}"]
    for unit in schools["don_vi"]:
        unit["dia_danh"] = "Mẫu Sơn"
    own = schools["don_vi"][1]
    own["ten_tieu_de"] = ["Trường Tiểu học", "xã Mẫu Sơn"]
    own["co_quan_cap_tren"] = "Phòng Văn hóa - Xã hội | xã Mẫu Sơn"  # "|": the line breaks there
    schools["ky_hieu"] = "TRUONG"
    own["ky_hieu"] = "TH&MS"  # its own symbol; the other school keeps the list's
    write(edition, "don-vi.yaml", lists)

    form = read(edition, "bieu-mau.yaml")
    form["kem_theo"] = "(Kèm theo {cong_van_day_du})"
    write(edition, "bieu-mau.yaml", form)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from generator.build import Project, build

    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), content / str(YEAR))
    customise(content / str(YEAR))
    project = Project(content=content, templates=TEMPLATES, output=tmp_path_factory.mktemp("output"))
    build(project, year=YEAR)
    return project


@pytest.fixture(scope="module")
def edition(project):
    return project.content / str(YEAR)


@pytest.fixture(scope="module")
def out(project):
    return project.output / str(YEAR)


def pdf_lines(path) -> list[str]:
    return [line.strip() for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]


def header_paragraphs(path) -> list[str]:
    """The texts of the header table's cells of a DOCX (page 1, before the title), the writers'
    no-break hyphens and spaces read as plain ones."""
    table = docx.Document(str(path)).tables[0]
    texts = [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [t.replace("\u2011", "-").replace("\u00a0", " ") for t in texts]


def entry(edition, agency):
    return next(a for a in read(edition, "ke-hoach.yaml")["to_chuc_thuc_hien"] if a["co_quan"] == agency)


# ---------------------------------------------------------------- 1. run-in entries
def test_one_task_entry_runs_in_on_its_heading_line_in_both_formats(edition, out):
    task = entry(edition, "dang-uy")["nhiem_vu"][0]
    body = docx.Document(str(out / "ke-hoach.docx")).paragraphs
    running = [p for p in body if p.text.endswith(task) and re.match(r"^\d+\. ", p.text)]
    assert len(running) == 1, "the Party committee's only task is not on its heading's line"
    paragraph = running[0]
    head = paragraph.text[: -len(task)].rstrip()
    assert head.endswith(":") and "Đảng ủy xã" in head
    bold = "".join(r.text for r in paragraph.runs if r.bold)
    assert bold.strip() == head, "the heading is bold, the task is not"
    lines = " ".join(pdf_lines(out / "ke-hoach.pdf"))
    assert f"{head} {task}" in lines
    # The PDF's bookmark of the entry is its heading alone, as for the other entries.
    reader = PdfReader(str(out / "ke-hoach.pdf"))
    titles = [item.title for group in reader.outline if isinstance(group, list) for item in group]
    assert head in titles


def test_entry_that_opts_out_and_several_tasks_stay_below_their_heading(edition, out):
    body = [p.text for p in docx.Document(str(out / "ke-hoach.docx")).paragraphs]
    shared = entry(edition, ["hoi-lhpn", "doan-tn"])
    heading = next(t for t in body if t.endswith(f"{shared['tieu_de']}:"))
    assert body[body.index(heading) + 1] == shared["nhiem_vu"][0]
    several = entry(edition, "phong-vhxh")
    assert not any(t.endswith(several["nhiem_vu"][0]) and re.match(r"^\d+\. ", t) for t in body)


def test_the_letter_and_form_of_a_run_in_entry_still_carry_its_task(edition, out):
    task = entry(edition, "dang-uy")["nhiem_vu"][0]
    letter = [p.text for p in docx.Document(str(out / "Dang-uy-xa" / "cong-van-Dang-uy-xa.docx")).paragraphs]
    assert task in letter
    form = docx.Document(str(out / "Dang-uy-xa" / "bao-cao-Dang-uy-xa.docx"))
    cells = [c.text for t in form.tables for row in t.rows for c in row.cells]
    assert task in cells
    assert task in " ".join(pdf_lines(out / "Dang-uy-xa" / "bao-cao-Dang-uy-xa.pdf"))


# ---------------------------------------------------------------- 2. each unit's own header lines
def test_unit_header_breaks_before_its_place_name(edition, out):
    unit = read(edition, "don-vi.yaml")["danh_sach"][1]["don_vi"][0]
    first, place = unit["ten"].removesuffix(unit["dia_danh"]).strip(), unit["dia_danh"]
    path = next(out.glob("Truong-Mam-non*/bao-cao-*.docx"))
    lines = header_paragraphs(path)
    assert first.upper() in lines and place.upper() in lines
    assert lines.index(place.upper()) == lines.index(first.upper()) + 1
    pdf = pdf_lines(path.with_suffix(".pdf"))
    assert first.upper() in pdf and place.upper() in pdf


def test_a_unit_gives_its_own_header_lines_and_parent(edition, out):
    unit = read(edition, "don-vi.yaml")["danh_sach"][1]["don_vi"][1]
    path = next(out.glob("Truong-Tieu-hoc*/bao-cao-*.docx"))
    lines = header_paragraphs(path)
    expected = [line.upper() for line in unit["ten_tieu_de"]]
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected
    parent = [part.strip().upper() for part in unit["co_quan_cap_tren"].split("|")]
    assert lines[start - 1].split("\n") == parent, "the parent line breaks where the content marks it"
    pdf = [line.replace("\u00a0", " ") for line in pdf_lines(path.with_suffix(".pdf"))]
    assert all(line in pdf for line in expected)
    assert pdf[pdf.index(parent[0]) + 1] == parent[1]


def test_a_unit_gives_its_own_symbol_and_the_others_keep_the_lists(edition, out):
    schools = next(u for u in read(edition, "don-vi.yaml")["danh_sach"] if u["ma"] == "truong")
    own, other = schools["don_vi"][1], schools["don_vi"][0]
    assert (own["ten"], other["ten"]) == ("Trường Tiểu học Mẫu Sơn", "Trường Mầm non Mẫu Sơn")
    for folder, symbol in (("Truong-Tieu-hoc", own["ky_hieu"]), ("Truong-Mam-non", schools["ky_hieu"])):
        path = next(out.glob(f"{folder}*/bao-cao-*.docx"))
        number = next(line for line in header_paragraphs(path) if line.startswith("Số:"))
        assert number.replace("\u00a0", " ").split()[-1] == f"/BC-{symbol}", (path.name, number)
        assert f"/BC-{symbol}" in " ".join(pdf_lines(path.with_suffix(".pdf"))).replace("\u00a0", " ")


# ---------------------------------------------------------------- 3. header styles from content
def test_mass_organisation_form_uses_its_declared_style(edition, out):
    style = next(s for s in read(edition, "loai-noi-nhan.yaml")["kieu_tieu_de"] if s["ma"] == "doan")
    path = out / "Doan-TN-xa" / "bao-cao-Doan-TN-xa.docx"
    lines = header_paragraphs(path)
    assert style["quoc_hieu"].upper() in lines
    assert style["dau_duoi_ten"].replace("\\", "") in lines
    assert not any("CỘNG HÒA" in line for line in lines)
    assert any(re.match(r"^Số\s+-BC/", line) for line in lines), "a Party-convention number line: Số …-BC/…"
    pdf = pdf_lines(path.with_suffix(".pdf"))
    assert style["quoc_hieu"].upper() in pdf and not any("CỘNG HÒA" in line for line in pdf)


def test_hamlet_form_has_no_number_line_but_other_forms_do(out):
    hamlet = out / "Ap-Tan-Lap" / "bao-cao-Ap-Tan-Lap.docx"
    assert not any(line.startswith("Số") for line in header_paragraphs(hamlet))
    head = pdf_lines(hamlet.with_suffix(".pdf"))
    assert not any(line.startswith("Số") for line in head[: head.index("BÁO CÁO")])
    police = out / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx"
    assert any(line.startswith("Số:") for line in header_paragraphs(police))


# ---------------------------------------------------------------- 4. "(Kèm theo …)" in full
def test_form_attached_line_cites_the_letter_in_full(edition, out):
    issuer = read(edition, "co-quan-ban-hanh.yaml")
    full_name = issuer["ten"].replace("{dia_danh}", issuer["dia_danh"])
    numbered = next(e for e in read(edition, "cong-van.yaml")["so"] if e["noi_nhan"] == "phong-vhxh")
    path = out / "Phong-VH-XH" / "bao-cao-Phong-VH-XH.docx"
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    line = " ".join(next(t for t in texts if t.startswith("(Kèm theo")).split())  # on two lines, as it breaks
    assert re.fullmatch(
        rf"\(Kèm theo Công văn số {numbered['so']:02d}/\S+ ngày \d\d tháng \d+ năm {YEAR} của {full_name}\)", line
    ), line
    assert line in " ".join(pdf_lines(path.with_suffix(".pdf")))


def test_plan_appendix_cites_the_plan_in_full(tmp_path):
    from generator.build import Project, build

    shutil.copytree(ROOTS / "tinh-mau" / str(YEAR), tmp_path / "content" / str(YEAR))
    project = Project(content=tmp_path / "content", templates=TEMPLATES, output=tmp_path / "out")
    build(project, year=YEAR)
    edition = tmp_path / "content" / str(YEAR)
    issuer = read(edition, "co-quan-ban-hanh.yaml")
    meta = read(edition, "ke-hoach.yaml")["van_ban"]
    full_name = issuer["ten"].replace("{dia_danh}", issuer["dia_danh"])
    pdf = " ".join(pdf_lines(tmp_path / "out" / str(YEAR) / "ke-hoach.pdf"))
    assert "(Kèm theo Kế hoạch số" in pdf
    found = re.search(r"\(Kèm theo Kế hoạch số [^)]*\)", pdf).group(0)
    assert f"năm {meta['ngay_ban_hanh']['nam']} của {full_name})" in found and " tháng " in found
    texts = [p.text for p in docx.Document(str(tmp_path / "out" / str(YEAR) / "ke-hoach.docx")).paragraphs]
    assert any(t == found for t in texts)


# ---------------------------------------------------------------- 5. the distribution list
def test_distribution_list_names_the_line_each_unit_is_reached_through(edition, out):
    text = (out / "danh-sach-gui.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.split("\n\n")[0].splitlines()))  # the recipients' table, the first
    registry = {a["ma"]: a for a in read(edition, "co-quan.yaml")["co_quan"]}
    lists = {u["ma"]: u for u in read(edition, "don-vi.yaml")["danh_sach"]}
    for entry_id in ("cac-ap", "cac-truong"):
        line = registry[entry_id]["ten_viet_tat"]
        names = [u["ten"] for u in lists[registry[entry_id]["danh_sach"]]["don_vi"]]
        reached = [r["Có trong Nơi nhận của kế hoạch"] for r in rows if r["Tên viết tắt"] in names]
        assert len(reached) == len(names)
        assert all(f"“{line}”" in text and "Nơi nhận" in text for text in reached)
    html = (out / "danh-sach-gui.html").read_text(encoding="utf-8")
    considered = re.search(r"(\d+)/\1 nơi nhận ở phần Tổ chức thực hiện đã được xét", html)
    assert considered is not None, "the check line counts units"
    entries = [a for e in read(edition, "ke-hoach.yaml")["to_chuc_thuc_hien"] for a in [e["co_quan"]]]
    ids = [i for e in entries for i in ([e] if isinstance(e, str) else e)]
    not_served = sum(1 for i in ids if registry[i].get("gui_cong_van") is False)
    assert int(considered.group(1)) == len(rows) + not_served
    assert len(rows) > len(ids), "the fixture has unit lists, so units outnumber entries"


# ---------------------------------------------------------------- wrong values: file:line errors
def broken(tmp_path, change) -> str:
    from generator.checks import load_edition
    from generator.errors import ContentError

    folder = tmp_path / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    change(folder)
    with pytest.raises(ContentError) as caught:
        load_edition(folder)
    return str(caught.value)


def line_of(path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_run_in_on_an_entry_of_two_tasks_puts_the_first_on_the_heading_line(tmp_path):
    """cung_dong: true on an entry of several tasks (as plans imported from Word have them): the
    first task follows the heading, the others stay below it."""
    from generator.build import Project, build

    content = tmp_path / "content"
    shutil.copytree(ROOTS / "xa-mau", content)
    path = content / str(YEAR) / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    old = '  - co_quan: "phong-vhxh"\n    nhiem_vu:'
    assert text.count(old) == 1
    path.write_text(
        text.replace(old, '  - co_quan: "phong-vhxh"\n    cung_dong: true\n    nhiem_vu:'), encoding="utf-8"
    )
    build(Project(content=content, templates=TEMPLATES, output=tmp_path / "output"), year=YEAR)
    texts = [p.text for p in docx.Document(str(tmp_path / "output" / str(YEAR) / "ke-hoach.docx")).paragraphs]
    first = next(
        i for i, t in enumerate(texts) if t.endswith("Tham mưu UBND xã triển khai Kế hoạch; tổng hợp báo cáo.")
    )
    assert re.match(r"^1\. .+: Tham mưu", texts[first]), texts[first]
    assert texts[first + 1] == "Theo dõi, đôn đốc các đơn vị."


def test_unknown_header_style_is_refused_at_its_line(tmp_path):
    def change(folder):
        path = folder / "loai-noi-nhan.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace('bieu_mau: "dang"', 'bieu_mau: "doan-thanh-nien"'))

    message = broken(tmp_path, change)
    line = line_of(tmp_path / str(YEAR) / "loai-noi-nhan.yaml", "doan-thanh-nien")
    assert f"loai-noi-nhan.yaml:{line}: loai[3].bieu_mau:" in message
    assert "kiểu tiêu đề “doan-thanh-nien”" in message


def test_unit_name_not_ending_with_its_place_is_refused_where_the_header_splits_it(tmp_path):
    def change(folder):
        path = folder / "don-vi.yaml"
        text = path.read_text(encoding="utf-8").replace(
            'ten_tieu_de: ["{ten_don_vi}"]\n    co_quan_cap_tren: "UBND xã Mẫu Sơn"\n    dia_danh: "Mẫu Sơn"\n    ky_bieu_mau: ["HIỆU',
            'ten_tieu_de: ["{loai_don_vi}", "{dia_danh_don_vi}"]\n    co_quan_cap_tren: "UBND xã Mẫu Sơn"\n    dia_danh: "Mẫu Sơn"\n    ky_bieu_mau: ["HIỆU',
        )
        text = text.replace(
            '        ten: "Trường Mầm non Mẫu Sơn"\n',
            '        ten: "Trường Mầm non Mẫu Sơn"\n        dia_danh: "Tân Khai"\n',
        )
        path.write_text(text, encoding="utf-8")

    message = broken(tmp_path, change)
    line = line_of(tmp_path / str(YEAR) / "don-vi.yaml", 'dia_danh: "Tân Khai"')
    assert f"don-vi.yaml:{line}: don_vi.dia_danh:" in message
    assert "{loai_don_vi}" in message


def test_a_wrong_value_of_a_new_field_is_a_typed_error(tmp_path):
    def change(folder):
        path = folder / "ke-hoach.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("\nmo_dau:\n", "\nnhiem_vu_cung_dong: có\nmo_dau:\n", 1)
        )

    message = broken(tmp_path, change)
    line = line_of(tmp_path / str(YEAR) / "ke-hoach.yaml", "nhiem_vu_cung_dong")
    assert f"ke-hoach.yaml:{line}: nhiem_vu_cung_dong:" in message


def add_styles(folder, styles: str) -> None:
    path = folder / "loai-noi-nhan.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "kieu_tieu_de:\n" + styles, encoding="utf-8")


def test_a_header_style_of_a_wrong_convention_is_refused_at_its_line(tmp_path):
    message = broken(tmp_path, lambda f: add_styles(f, '  - ma: "doan"\n    quoc_hieu: "ĐOÀN"\n    the_thuc: "doan"\n'))
    path = tmp_path / str(YEAR) / "loai-noi-nhan.yaml"
    assert f"loai-noi-nhan.yaml:{line_of(path, 'the_thuc')}: kieu_tieu_de[1].the_thuc:" in message


def test_a_repeated_header_style_code_is_refused_at_its_line(tmp_path):
    style = '  - ma: "doan"\n    quoc_hieu: "ĐOÀN TNCS HỒ CHÍ MINH"\n'
    message = broken(tmp_path, lambda f: add_styles(f, style + style))
    text = (tmp_path / str(YEAR) / "loai-noi-nhan.yaml").read_text(encoding="utf-8").splitlines()
    second = [n for n, line in enumerate(text, 1) if line.strip() == '- ma: "doan"'][1]
    assert f"loai-noi-nhan.yaml:{second}: kieu_tieu_de[2].ma:" in message and "bị trùng" in message


def test_a_leaders_edit_of_a_run_in_task_comes_back_into_its_entry(tmp_path, capsys):
    from generator.cli import main

    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), tmp_path / "content" / str(YEAR))
    customise(tmp_path / "content" / str(YEAR))
    cli = ["--content", str(tmp_path / "content"), "--output", str(tmp_path / "out"), "--templates", str(TEMPLATES)]
    assert main([*cli, "build", "-j", "1"]) == 0
    task = entry(tmp_path / "content" / str(YEAR), "dang-uy")["nhiem_vu"][0]
    edited = task.replace("thực hiện", "triển khai thực hiện")
    path = tmp_path / "out" / str(YEAR) / "ke-hoach.docx"
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.endswith(task) and re.match(r"^\d+\. ", p.text))
    run = next(r for r in paragraph.runs if task in r.text)
    run.text = run.text.replace(task, edited)
    document.save(str(path))
    capsys.readouterr()
    assert main([*cli, "nhan-sua", "--yes"]) == 0
    assert entry(tmp_path / "content" / str(YEAR), "dang-uy")["nhiem_vu"] == [edited]
