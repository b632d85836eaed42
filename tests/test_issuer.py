"""Issue 9: the issuer, the kinds of recipient, unit lists and the letters' own numbers are content.

Built on tests/roots/xa-mau, a tiny commune edition after the 2025 reform with one recipient of each
kind. Expected values are read from its YAML directly, not through the generator.
"""

from __future__ import annotations

import csv
import re
import unicodedata

import docx
import pytest
import yaml
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


def texts(path) -> list[str]:
    """Every paragraph of a DOCX, the header and signature tables' included, in order."""
    document = docx.Document(str(path))
    body = document.element.body
    return [nd30.paragraph_text(p) for p in body.iter(docx.oxml.ns.qn("w:p"))]


def letter(folder, key):
    return texts(folder / key / f"cong-van-{key}.docx")


def form(folder, key):
    """A form's paragraphs from its header on: the "Mẫu" label lines above the header are left out."""
    path = folder / key / f"bao-cao-{key}.docx"
    body = docx.Document(str(path)).element.body
    above = 0
    for child in body:
        if child.tag == docx.oxml.ns.qn("w:tbl"):
            break
        above += child.tag == docx.oxml.ns.qn("w:p")
    return texts(path)[above:]


def file_key(name: str) -> str:
    """A name as the README says folders are named: without diacritics, words joined by "-"."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^A-Za-z0-9]+", "-", "".join(c for c in plain if not unicodedata.combining(c))).strip("-")


def short(date: dict) -> str:
    return f"{date['ngay']:02d}/{date['thang'] if date['thang'] > 2 else format(date['thang'], '02d')}/{date['nam']}"


def test_the_issuer_speaks_in_every_letter_and_no_district_appears(folder):
    issuer = load("co-quan-ban-hanh.yaml")
    name = issuer["ten"].replace("{dia_danh}", issuer["dia_danh"])
    for path in folder.glob("*/*.docx"):
        words = " ".join(texts(path))
        assert "huyện" not in words.lower(), path.name
        if path.name.startswith("cong-van-"):
            assert f"{issuer['xung_ho']} " in words, path.name
        else:
            assert f"Kính gửi: {name}" in words, path.name


def test_each_letter_has_its_own_number_and_date_and_cites_the_plan(folder):
    plan, letters = load("ke-hoach.yaml")["van_ban"], load("cong-van.yaml")
    issuer = load("co-quan-ban-hanh.yaml")
    cited = (
        f"Kế hoạch số {plan['so']}/{plan['ky_hieu_loai']}-{issuer['ky_hieu']} ngày {short(plan['ngay_ban_hanh'])} "
        f"của UBND xã {issuer['dia_danh']}"
    )
    numbered = {entry["noi_nhan"]: entry for entry in letters["so"]}
    keys = {"phong-vhxh": "Phong-VH-XH", "ap-tan-lap": "Ap-Tan-Lap", "cong-an-xa": "Cong-an-xa"}
    for code, key in keys.items():
        lines = letter(folder, key)
        assert any(cited in line for line in lines), key
        assert not any(line.startswith(f"Số: {plan['so']}/") for line in lines), "a letter carries the plan's number"
        entry = numbered.get(code)
        number_line = next(line for line in lines if line.startswith("Số:"))
        date = (entry or {}).get("ngay_ban_hanh") or letters["ngay_ban_hanh"]
        if entry:
            assert number_line == f"Số: {entry['so']}/{letters['ky_hieu']}", key
        else:
            assert number_line.replace(" ", "") == f"Số:/{letters['ky_hieu']}", key
        # Decree 30 Art. 15: number and day are given together, so a letter without a number has a blank day.
        day = f"{date['ngay']:02d}" if entry else ""
        dated = f"{issuer['dia_danh']},ngày{day}tháng{date['thang']}năm{date['nam']}"
        assert dated.replace(" ", "") in [line.replace(" ", "") for line in lines], key
        # The form cites this letter: its number (or a blank) and its date (the day blank with the number).
        opening = next(line for line in form(folder, key) if line.startswith("Thực hiện Công văn số"))
        number = str(entry["so"]) if entry else ""
        cited_date = short(date) if entry else short(date).split("/", 1)[1]
        assert opening.replace(" ", "").startswith(
            f"ThựchiệnCôngvănsố{number}/{letters['ky_hieu']}ngày{'' if entry else '/'}{cited_date}".replace(" ", "")
        ), key


def test_the_kind_decides_the_verb_the_report_request_and_the_form(folder):
    assert any(" giao Phòng Văn hóa - Xã hội thực hiện" in line for line in letter(folder, "Phong-VH-XH"))
    assert any(" đề nghị Hội Liên hiệp Phụ nữ xã phối hợp" in line for line in letter(folder, "Hoi-LHPN-xa"))
    assert any(line.startswith("Đề nghị Hội Liên hiệp Phụ nữ xã gửi báo cáo") for line in letter(folder, "Hoi-LHPN-xa"))
    assert any(line.startswith("Báo cáo kết quả") for line in letter(folder, "Cong-an-xa"))
    # The elected body is sent the plan to supervise: no report asked, no form, no copy to the collector.
    elected = letter(folder, "TT-HDND-xa")
    assert not any("trước ngày" in line or "(t/h)" in line for line in elected)
    assert not (folder / "TT-HDND-xa" / "bao-cao-TT-HDND-xa.docx").exists()
    # A state body's form: the national name and motto; a Party body's: the Party's name, a star under its own.
    state = form(folder, "Cong-an-xa")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state and "Độc lập - Tự do - Hạnh phúc" in state
    party = form(folder, "Dang-uy-xa")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in party
    assert party[:3] == ["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ MẪU SƠN", "*"]
    assert any(line.replace(" ", "") == "Số-BC/" for line in party)
    assert [line for line in party if line in ("T/M ĐẢNG ỦY", "BÍ THƯ")] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    pdf = "".join(
        page.extract_text() for page in PdfReader(str(folder / "Dang-uy-xa" / "bao-cao-Dang-uy-xa.pdf")).pages
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf and "Độc lập" not in pdf


def test_units_of_a_list_are_addressed_headed_dated_and_signed_as_the_list_says(folder):
    hamlets = next(u for u in load("don-vi.yaml")["danh_sach"] if u["ma"] == "ap")
    for unit in hamlets["don_vi"]:
        key = file_key(unit["ten"])
        in_sentence = unit["ten"][0].lower() + unit["ten"][1:]
        assert f"Kính gửi: Trưởng {in_sentence}." in letter(folder, key)
        lines = form(folder, key)
        assert lines[:2] == [hamlets["co_quan_cap_tren"].upper(), unit["ten"].upper()]
        assert any(line.startswith(f"{hamlets['dia_danh']}, ngày") for line in lines)
        assert "TRƯỞNG ẤP" in lines and "TM. ỦY BAN NHÂN DÂN" not in lines
        # A hamlet has no seal: its head signs as the list says, not as bieu-mau.yaml's default.
        assert hamlets["ghi_chu_ky"] in lines and load("bieu-mau.yaml")["ghi_chu_ky"] not in lines


def test_a_list_sent_one_letter_gets_one_letter_and_one_form(folder):
    assert sorted(
        p.parent.name for p in folder.glob("*/cong-van-*.docx") if "Truong" in p.name or "truong" in p.name
    ) == ["Cac-truong-hoc"]
    assert "Kính gửi: Các trường học trên địa bàn xã." in letter(folder, "Cac-truong-hoc")
    assert (folder / "Cac-truong-hoc" / "bao-cao-Cac-truong-hoc.docx").is_file()


def test_an_entry_naming_several_bodies_gives_one_heading_and_a_letter_each(folder):
    plan = texts(folder / "ke-hoach.docx")
    entry = next(e for e in load("ke-hoach.yaml")["to_chuc_thuc_hien"] if isinstance(e["co_quan"], list))
    assert sum(entry["tieu_de"] in line for line in plan) == 1
    for key in ("Hoi-LHPN-xa", "Doan-TN-xa"):
        assert entry["nhiem_vu"][0] in letter(folder, key)


def test_the_plan_is_signed_on_behalf_of_the_committee_on_three_lines(folder):
    lines = texts(folder / "ke-hoach.docx")
    start = lines.index("TM. ỦY BAN NHÂN DÂN")
    assert lines[start : start + 3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_the_distribution_list_shows_every_plan_line_each_number_and_deadline(folder):
    with open(folder / "danh-sach-gui.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    table = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1 : rows.index([])]}
    assert table["Phòng Văn hóa - Xã hội"]["Số công văn"] == "Số: 101/UBND-VHXH"
    assert table["Công an xã"]["Số công văn"] == "chưa có số (ghi khi vào sổ)"
    assert table["Thường trực HĐND xã"]["Hạn báo cáo"] == "không đề nghị báo cáo"
    assert table["Công an xã"]["Hạn báo cáo"] == short(load("ke-hoach.yaml")["bao_cao"]["han_bao_cao"])
    lines = rows[rows.index([]) + 2 :]
    assert len(lines) == len(load("ke-hoach.yaml")["noi_nhan"])
    assert lines[0][1:] == ["UBND tỉnh Lạng Sơn", "kế hoạch, để biết (nơi nhận ghi tự do, không có công văn)"]


# ---------------------------------------------------------------- content errors: file:line, nothing written
@pytest.fixture
def root_copy(tmp_path) -> ContentCopy:
    return ContentCopy(tmp_path / "work", YEAR, source=ROOT)


def failed_build(copy: ContentCopy) -> list[str]:
    result = run_main(["build"], copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert not copy.output.exists()
    return result.stderr_lines


@pytest.mark.parametrize(
    "name, old, new, field, message",
    [
        (
            "co-quan.yaml",
            'danh_sach: "ap"',
            'danh_sach: "thon"',
            "co_quan[7].danh_sach",
            "không có danh sách đơn vị mã “thon”",
        ),
        (
            "ke-hoach.yaml",
            '  - co_quan: "cong-an-xa"\n    nhiem_vu',
            "  - co_quan: []\n    nhiem_vu",
            "to_chuc_thuc_hien[2].co_quan",
            "mục không ghi cơ quan nào",
        ),
        (
            "co-quan-ban-hanh.yaml",
            'cap: "xa"',
            'cap: "huyen"',
            "cap",
            "từ ngày 01/7/2025 không còn chính quyền cấp huyện",
        ),
        ("co-quan.yaml", 'loai: "dang"', 'loai: "dang-bo"', "co_quan[5].loai", "không có loại nơi nhận mã “dang-bo”"),
    ],
)
def test_a_bad_reference_is_reported_at_its_line(root_copy, name, old, new, field, message):
    line = root_copy.replace_once(name, old, new)
    first = failed_build(root_copy)[0]
    assert first.startswith(f"content/{YEAR}/{name}:{line}: {field}: {message}"), first


def test_an_empty_unit_list_is_an_error(root_copy):
    text = root_copy.text("don-vi.yaml")
    start = text.index('    don_vi:\n      - ma: "ap-tan-lap"')
    end = text.index('  - ma: "truong"')
    root_copy.path("don-vi.yaml").write_text(text[:start] + "    don_vi: []\n" + text[end:], encoding="utf-8")
    line = text.count("\n", 0, start) + 1
    assert (
        f"content/{YEAR}/don-vi.yaml:{line}: danh_sach[1].don_vi: danh sách “ap” không có đơn vị nào"
        in failed_build(root_copy)
    )


def test_a_plan_with_no_organisation_entries_is_an_error(root_copy):
    text = root_copy.text("ke-hoach.yaml")
    start, end = text.index("to_chuc_thuc_hien:\n"), text.index("\nket_thuc:")
    root_copy.path("ke-hoach.yaml").write_text(text[:start] + "to_chuc_thuc_hien: []" + text[end:], encoding="utf-8")
    errors = failed_build(root_copy)
    assert any(
        e.endswith("to_chuc_thuc_hien: mục Tổ chức thực hiện không có cơ quan nào: không có công văn nào để gửi")
        for e in errors
    ), errors


def test_a_letter_numbers_its_sections_only_when_it_has_more_than_one(folder):
    """The elected body's letter has one section (its tasks: no report is asked): a "1." with no
    "2." reads as something left out. A body asked to report has its sections numbered."""
    kinds = load("loai-noi-nhan.yaml")["loai"]
    elected_heading = next(kind["muc_nhiem_vu"] for kind in kinds if kind["ma"] == "dan-cu")
    elected = letter(folder, "TT-HDND-xa")
    assert elected_heading in elected and not any(re.match(r"\d+\. ", line) for line in elected)
    reporting = letter(folder, "Cong-an-xa")
    assert [line[:3] for line in reporting if re.match(r"\d+\. ", line)][:2] == ["1. ", "2. "]
