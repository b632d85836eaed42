"""Issue 10: plan structures beyond the Action Month, read back from both the DOCX and the PDF.

Built on tests/roots/tinh-mau: a five-year provincial plan with no Action Month, its own targets,
yearly reporting periods, two appendices, five levels of items and a Tổ chức thực hiện with an
introduction, points, an item that is not a body and a closing paragraph.
"""

from __future__ import annotations

import re

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from pypdf import PdfReader

import nd30
from conftest import ROOTS, SOFFICE_DEFAULT, ContentCopy, build_root, convert, run_main

ROOT = ROOTS / "tinh-mau"
YEAR = 2026
PLAN = yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))
FIRST_PERIOD = PLAN["bao_cao"]["ky_bao_cao"][0]["han"]["nam"]  # forms: bao-cao-<unit>-<its year>


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_root(tmp_path_factory, ROOT, YEAR)


def docx_lines(path) -> list[str]:
    body = docx.Document(str(path)).element.body
    return [nd30.paragraph_text(p) for p in body.iter(qn("w:p"))]


def pdf_pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def targets() -> list[str]:
    section = next(s for s in PLAN["noi_dung"] if s.get("la_chi_tieu"))
    return [item["doan"][0] for item in section["muc"]]


def test_no_document_speaks_of_an_action_month(folder):
    for path in folder.glob("**/*.docx"):
        assert "Tháng hành động" not in " ".join(docx_lines(path)), path.name
    for path in folder.glob("**/*.pdf"):
        assert "Tháng hành động" not in " ".join(pdf_pages(path)), path.name


def test_the_plans_own_targets_are_numbered_and_each_letter_and_form_names_its_own(folder):
    plan = docx_lines(folder / "ke-hoach.docx")
    for number, text in enumerate(targets(), start=1):
        assert f"{number}. {text}" in plan
    for entry in PLAN["to_chuc_thuc_hien"]:
        if "co_quan" not in entry:
            continue
        key = {"so-noi-vu": "So-Noi-vu", "so-y-te": "So-Y-te", "cong-an-tinh": "Cong-an-tinh"}[entry["co_quan"]]
        letter = docx_lines(folder / key / f"cong-van-{key}.docx")
        wanted = [f"- Chỉ tiêu {n} của Kế hoạch: {targets()[n - 1]}" for n in entry["bao_cao_chi_tieu_ke_hoach"]]
        assert [line for line in letter if line.startswith("- Chỉ tiêu ")] == wanted, key
        form = docx.Document(str(folder / key / f"bao-cao-{key}-{FIRST_PERIOD}.docx"))
        rows = [
            row.cells[1].text
            for table in form.tables[1:]
            for row in table.rows[1:]
            if "của Kế hoạch" in row.cells[1].text
        ]
        assert [r.split(":")[0] for r in rows] == [
            f"Chỉ tiêu {n} của Kế hoạch" for n in entry["bao_cao_chi_tieu_ke_hoach"]
        ]
        pdf = flat(" ".join(pdf_pages(folder / key / f"cong-van-{key}.pdf")))
        for line in wanted:
            assert flat(line) in pdf, key


def test_letters_and_forms_ask_for_a_report_each_period(folder):
    dates = [f"{p['han']['ngay']:02d}/{p['han']['thang']}/{p['han']['nam']}" for p in PLAN["bao_cao"]["ky_bao_cao"]]
    for key in ("So-Y-te", "Cong-an-tinh"):
        request = next(
            line for line in docx_lines(folder / key / f"cong-van-{key}.docx") if line.startswith("Báo cáo ")
        )
        for date, period in zip(dates, PLAN["bao_cao"]["ky_bao_cao"], strict=True):
            assert f"{date} ({period['ten']})" in request, key
        # One form per period, each giving its own period's deadline.
        for date, period in zip(dates, PLAN["bao_cao"]["ky_bao_cao"], strict=True):
            form = folder / key / f"bao-cao-{key}-{period['han']['nam']}"
            deadline = next(line for line in docx_lines(form.with_suffix(".docx")) if "Thời hạn gửi báo cáo" in line)
            assert date in deadline and all(d not in deadline for d in dates if d != date), deadline
            assert date in flat(" ".join(pdf_pages(form.with_suffix(".pdf"))))


def test_five_levels_and_the_organisation_section_read_in_order_in_both_formats(folder):
    plan = docx_lines(folder / "ke-hoach.docx")
    expected = [
        "1. Tuyên truyền",
        "a) Hình thức tuyên truyền:",
        "- Trên báo chí:",
        "+ Tin, bài trên báo in, báo điện tử.",
        "IV. TỔ CHỨC THỰC HIỆN",
        PLAN["mo_dau_to_chuc_thuc_hien"][0],
        "1. Sở Nội vụ:",
        "a) Hằng năm xây dựng kế hoạch triển khai.",
        "- Kiểm tra định kỳ.",
        "4. Chế độ thông tin, báo cáo",
        PLAN["ket_thuc_to_chuc_thuc_hien"][0],
    ]
    positions = [plan.index(line) for line in expected]
    assert positions == sorted(positions)
    pdf = flat(" ".join(pdf_pages(folder / "ke-hoach.pdf")))
    pdf_positions = [pdf.index(flat(line)) for line in expected]
    assert pdf_positions == sorted(pdf_positions)


def test_the_signature_has_its_three_lines_in_both_formats(folder):
    lines = ["TM. ỦY BAN NHÂN DÂN", *PLAN["nguoi_ky"]["chuc_vu"]]
    plan = docx_lines(folder / "ke-hoach.docx")
    start = plan.index(lines[0])
    assert plan[start : start + 3] == lines
    signature_page = next(text for text in pdf_pages(folder / "ke-hoach.pdf") if PLAN["nguoi_ky"]["ho_ten"] in text)
    assert "\n".join(lines) in signature_page


def test_appendices_follow_the_signature_on_their_own_pages_numbered_from_one(folder):
    document = docx.Document(str(folder / "ke-hoach.docx"))
    sections = document.sections
    assert len(sections) == 1 + len(PLAN["phu_luc"])
    for section, appendix in zip(sections[1:], PLAN["phu_luc"], strict=True):
        landscape = appendix.get("ngang", False)
        assert (section.page_width > section.page_height) == landscape
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    lines = docx_lines(folder / "ke-hoach.docx")
    # Decree 30's full wording (PL I §III.1.c): "ngày … tháng … năm …" and the issuer's full name.
    reference = (
        f"(Kèm theo Kế hoạch số {PLAN['van_ban']['so']}/KH-UBND ngày "
        f"{PLAN['van_ban']['ngay_ban_hanh']['ngay']} tháng {PLAN['van_ban']['ngay_ban_hanh']['thang']:02d} năm {YEAR} "
        f"của Ủy ban nhân dân tỉnh Đồng Nai)"
    )
    assert lines.count(reference) == 2
    assert lines.index("Phụ lục I") > lines.index(PLAN["nguoi_ky"]["ho_ten"])
    first = document.tables[-2]
    assert [c.text for c in first.rows[0].cells] == [c["ten"] for c in PLAN["phu_luc"][0]["cot"]]
    assert len(first.rows) == 1 + len(PLAN["phu_luc"][0]["dong"])
    assert first.rows[5].cells[3].text == "Sở Y tế, Công an tỉnh"  # agency codes printed as their short names
    pages = PdfReader(str(folder / "ke-hoach.pdf")).pages
    texts = [page.extract_text() for page in pages]
    start = next(i for i, text in enumerate(texts) if text.startswith("Phụ lục I\n"))
    assert pages[start].mediabox.width > pages[start].mediabox.height  # landscape
    assert flat(reference) in flat(texts[start])
    second = next(i for i, text in enumerate(texts) if text.startswith("Phụ lục II\n"))
    assert pages[second].mediabox.width < pages[second].mediabox.height
    # Numbered on its own: its first page shows no number, its second page shows 2.
    assert not re.search(r"\n\d+$", texts[second]) and texts[second + 1].rstrip().endswith("\n2")


@pytest.mark.skipif(not __import__("os").path.exists(SOFFICE_DEFAULT), reason="LibreOffice not installed")
def test_word_and_pdf_agree_on_the_pages_of_a_plan_with_appendices(folder, tmp_path):
    done = convert(SOFFICE_DEFAULT, [folder / "ke-hoach.docx"], tmp_path, timeout=180)
    assert done.returncode == 0, done.stderr
    word = PdfReader(str(tmp_path / "ke-hoach.pdf")).pages
    ours = PdfReader(str(folder / "ke-hoach.pdf")).pages
    assert [p.mediabox.width > p.mediabox.height for p in word] == [p.mediabox.width > p.mediabox.height for p in ours]


# ---------------------------------------------------------------- content errors and warnings
@pytest.fixture
def root_copy(tmp_path) -> ContentCopy:
    return ContentCopy(tmp_path / "work", YEAR, source=ROOT)


def test_an_action_month_placeholder_without_an_action_month_is_an_error(root_copy):
    line = root_copy.replace_once("ke-hoach.yaml", "như sau:", "từ ngày {ngay_bat_dau} như sau:")
    result = run_main(["build"], root_copy.base, cwd_folders=True)
    assert result.returncode == 1 and not root_copy.output.exists()
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/ke-hoach.yaml:{line}: mo_dau[1]: kế hoạch không có Tháng hành động "
        "(thang_hanh_dong) nên không dùng được “{ngay_bat_dau}”"
    )


def test_a_bad_appendix_row_and_an_unknown_target_are_errors(root_copy):
    row = root_copy.replace_once(
        "ke-hoach.yaml",
        '["3", "Hỗ trợ nạn nhân", "so-y-te", "so-noi-vu", "Hằng năm"]',
        '["3", "Hỗ trợ nạn nhân", "so-y-te", "so-noi-vu"]',
    )
    target = root_copy.replace_once("ke-hoach.yaml", "bao_cao_chi_tieu_ke_hoach: [3]", "bao_cao_chi_tieu_ke_hoach: [4]")
    result = run_main(["build"], root_copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert (
        f"content/{YEAR}/ke-hoach.yaml:{row}: phu_luc[1].dong[3]: dòng có 4 ô nhưng bảng có 5 cột"
        in result.stderr_lines
    )
    assert any(
        line.startswith(f"content/{YEAR}/ke-hoach.yaml:{target}:") and "kế hoạch không có chỉ tiêu 4" in line
        for line in result.stderr_lines
    ), result.stderr_lines


def test_check_warns_about_what_a_reviewer_would_question(root_copy):
    root_copy.replace_once("ke-hoach.yaml", "bao_cao_chi_tieu_ke_hoach: [3]", "bao_cao_chi_tieu_ke_hoach: []")
    # The year after the plan's last is accepted (a final report early that year), and questioned.
    root_copy.replace_once(
        "ke-hoach.yaml", "han: {nam: 2030, thang: 11, ngay: 30}", "han: {nam: 2031, thang: 1, ngay: 30}"
    )
    root_copy.replace_once(
        "ke-hoach.yaml",
        '                  - doan: ["Tin, bài trên báo in, báo điện tử."]',
        '                  - doan: ["Tin, bài trên báo in, báo điện tử."]\n'
        '                    muc:\n                      - doan: ["Báo in."]',
    )
    result = run_main(["check"], root_copy.base, cwd_folders=True)
    assert result.returncode == 0
    out = result.stdout
    assert "chỉ tiêu 3 của kế hoạch không được giao cho cơ quan nào báo cáo" in out
    assert "ngoài giai đoạn của kế hoạch (2026–2030)" in out
    assert "mục ở cấp thứ 6 trở xuống" in out


def test_letters_may_be_signed_by_another_signer_than_the_plan(folder):
    signer = yaml.safe_load((ROOT / str(YEAR) / "cong-van.yaml").read_text(encoding="utf-8"))["nguoi_ky"]
    letter = [line for line in docx_lines(folder / "So-Y-te" / "cong-van-So-Y-te.docx") if line]
    start = letter.index(signer["chuc_vu"][0])
    assert letter[start : start + 3] == [*signer["chuc_vu"], signer["ho_ten"]]
    assert "TM. ỦY BAN NHÂN DÂN" not in letter
    assert PLAN["nguoi_ky"]["ho_ten"] in docx_lines(folder / "ke-hoach.docx")


def test_each_periods_form_is_dated_in_its_year(folder):
    """A form per period (its periods' deadlines run from 2026 to 2030), each reporting in the
    year of its deadline: its date line says that year. The letter, sent once, keeps its year."""
    place_date = re.compile(r"ngày\s+(\S+\s+)?tháng\s+(\S+\s+)?năm\s*(\d{4})?")
    letter = folder / "So-Y-te" / "cong-van-So-Y-te"
    for year in {str(p["han"]["nam"]) for p in PLAN["bao_cao"]["ky_bao_cao"]}:
        form = folder / "So-Y-te" / f"bao-cao-So-Y-te-{year}"
        for text in (" ".join(docx_lines(form.with_suffix(".docx"))), pdf_pages(form.with_suffix(".pdf"))[0]):
            assert place_date.search(flat(text)).group(3) == year
    for text in (" ".join(docx_lines(letter.with_suffix(".docx"))), pdf_pages(letter.with_suffix(".pdf"))[0]):
        assert place_date.search(flat(text)).group(3) == "2026"


def test_the_distribution_list_counts_the_plans_own_targets_each_body_reports(folder):
    import csv

    asked = {
        entry["co_quan"]: len(entry.get("bao_cao_chi_tieu_ke_hoach", []))
        for entry in PLAN["to_chuc_thuc_hien"]
        if isinstance(entry.get("co_quan"), str)
    }
    with open(folder / "danh-sach-gui.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counted = {
        row["Tên viết tắt"]: int(row["Số chỉ tiêu báo cáo"])
        for row in rows[: next(i for i, r in enumerate(rows) if r["STT"] == "STT")]
    }
    bodies = yaml.safe_load((ROOT / str(YEAR) / "co-quan.yaml").read_text(encoding="utf-8"))
    short = {body["ma"]: body.get("ten_viet_tat", body["ten"]) for body in bodies["co_quan"]}
    assert {short[key]: number for key, number in asked.items() if number} == {
        name: n for name, n in counted.items() if n
    }


def test_check_takes_a_date_in_the_plans_years_as_its_own_and_questions_one_after(root_copy):
    """A five-year plan writes the dates of its later years in its text (a final report due on
    30/9/2030): those are no mistake; a date after its last year is questioned."""
    text = root_copy.text("ke-hoach.yaml")
    closing = text.index("ket_thuc_to_chuc_thuc_hien:\n") + len("ket_thuc_to_chuc_thuc_hien:\n")
    root_copy.path("ke-hoach.yaml").write_text(
        text[:closing]
        + '  - "Báo cáo tổng kết trước ngày 30/9/2030; báo cáo bổ sung trước ngày 15/01/2031."\n'
        + text[closing:],
        encoding="utf-8",
    )
    out = run_main(["check"], root_copy.base, cwd_folders=True).stdout
    assert "ngày 15/01/2031 không thuộc năm của kế hoạch (2026–2030)" in out
    assert "ngày 30/9/2030 không thuộc" not in out
