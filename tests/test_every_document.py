"""Issue 19: every document of a plan sendable unchanged. Appendix cells go through the same
content checks as every other text: a wrong one is refused by `check` with its file and line,
never a traceback or a literal mark in the PDF."""

from __future__ import annotations

import docx
import pytest
import yaml
from pypdf import PdfReader
from conftest import ROOTS, TEMPLATES, ContentCopy, run_main

from generator.commands.check import check
from generator.checks import load_edition
from generator.document.plan import appendix_pages
from generator.errors import ContentError

YEAR = 2026
PLAN = "ke-hoach.yaml"
CELL = '"Tập huấn cán bộ"'
LETTERS = "cong-van.yaml"
SHARED_DAY = "ngay_ban_hanh: {nam: 2026, thang: 2, ngay: 3}"


@pytest.fixture
def province(tmp_path, monkeypatch) -> ContentCopy:
    work = ContentCopy(tmp_path / "work", year=YEAR, source=ROOTS / "tinh-mau")
    # The root's letters have no numbers, so their shared day is left to be written by hand.
    work.replace_once(LETTERS, SHARED_DAY, SHARED_DAY.replace("ngay: 3", "ngay: null"))
    monkeypatch.chdir(work.base)
    return work


def problems_after(work: ContentCopy, new_cell: str) -> tuple[int, list[str]]:
    line = work.replace_once(PLAN, CELL, new_cell)
    with pytest.raises(ContentError) as caught:
        load_edition(work.folder)
    return line, [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("cell", "advice"),
    [
        ('"Tập huấn từ {ngay_bat_dau}"', "thang_hanh_dong"),  # the root has no Action Month
        ('"Tập huấn {nam_ke_hoach}"', "các biến dùng được"),
        ('"Tập huấn *cán bộ"', "dấu * đánh dấu chữ nghiêng"),
        ('"Tập huấn | cán bộ"', "dấu | chỉ dùng"),
    ],
)
def test_a_wrong_cell_is_refused_at_its_line(province, cell, advice):
    line, problems = problems_after(province, cell)
    mine = [p for p in problems if advice in p]
    assert len(mine) == 1, problems
    assert f"{PLAN}:{line}" in mine[0] and "phu_luc[1].dong[1][2]" in mine[0]


def test_check_names_the_cell_in_one_line_without_traceback(province):
    line = province.replace_once(PLAN, CELL, '"Tập huấn từ {ngay_bat_dau}"')
    done = run_main(["check", "--year", str(YEAR)], province.base, cwd_folders=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "KeyError" not in done.stderr
    assert f"{PLAN}:{line}" in done.stdout + done.stderr


def test_good_cell_markup_prints_as_in_paragraphs(province):
    """A placeholder in a cell is filled in, an escaped bar prints as a bar, italics marks vanish."""
    province.replace_once(PLAN, CELL, '"Tập huấn năm {nam} tại {dia_danh}, *mẫu* A\\\\|B"')
    assert not [n for n in check(province.content, YEAR).notices if "dong[1][2]" in n.field]
    edition = load_edition(province.folder)
    cell = appendix_pages(edition)[0].table.rows[0][1]
    assert cell == f"Tập huấn năm {YEAR} tại {edition.issuer.place}, mẫu A\\|B"


# ---------------------------------------------------------------- 2. years of cited documents
CLOSING = '  - "UBND tỉnh yêu cầu các sở, ngành triển khai thực hiện./."\n'


def add_closing(work: ContentCopy, *paragraphs: str) -> int:
    """Put paragraphs before the closing one; returns the line of the first."""
    return work.replace_once(PLAN, CLOSING, "".join(f'  - "{p}"\n' for p in paragraphs) + CLOSING)


def test_years_of_cited_documents_are_not_questioned(province):
    cited = (
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; Luật Phòng, chống bạo lực gia đình năm 2022; "
        "Chỉ thị số 08/CT-TTg ngày 04/02/2025 của Thủ tướng Chính phủ; Nghị định số 15/2025/NĐ-CP "
        "ngày 03 tháng 02 năm 2025; Kế hoạch số 12/KH-UBND ngày 15/01/2031 của UBND tỉnh; "
        "Hiến pháp năm 2013 (sửa đổi, bổ sung năm 2025); Bộ luật Lao động năm 2019 (được sửa đổi năm 2025)."
    )
    assert not check(province.content, YEAR).notices
    add_closing(province, cited)
    assert not [str(n) for n in check(province.content, YEAR).notices]
    done = run_main(["check", "--year", str(YEAR), "--strict"], province.base, cwd_folders=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_plans_own_years_are_still_questioned(province):
    """Next to a citation, a last year's plan or a day after the plan are the clerk's to change."""
    line = add_closing(
        province,
        "Căn cứ Luật Thanh niên năm 2020 (thực hiện năm 2025), tổng kết Kế hoạch năm 2025 trước ngày 15/01/2031.",
    )
    notices = [str(n) for n in check(province.content, YEAR).notices]
    assert len(notices) == 3, notices  # a note after a law that is not its amendment is the plan's
    assert all(f"{PLAN}:{line}" in n for n in notices)
    assert "nhắc năm 2025" in notices[0] and "nhắc năm 2025" in notices[1] and "ngày 15/01/2031" in notices[2]


# ---------------------------------------------------------------- 3. mistakes that passed silently


def refused(work: ContentCopy) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_edition(work.folder)
    return [str(p) for p in caught.value.problems]


def number_letters(work: ContentCopy, *numbers: tuple[str, int]) -> int:
    entries = "".join(f"  - noi_nhan: {who}\n    so: {number}\n" for who, number in numbers)
    return work.replace_once(LETTERS, "so: []\n", "so:\n" + entries)


def test_two_letters_with_one_number_are_refused(province):
    first = number_letters(province, ("so-noi-vu", 101), ("so-y-te", 101))
    assert refused(province) == [
        f"content/{YEAR}/{LETTERS}:{first + 4}: cong_van.so.so: số công văn “101” bị trùng (đã có ở dòng {first + 2})"
    ]


def test_a_letter_dated_before_its_plan_is_refused(province):
    """The plan is of 20/01/2026; letters carry it out, so none may be dated earlier. A letter's
    own date is checked as the shared one is; a month alone is not known to be earlier."""
    first = number_letters(province, ("so-noi-vu", 101))
    province.replace_once(LETTERS, "    so: 101\n", "    so: 101\n    ngay_ban_hanh: {nam: 2026, thang: 1, ngay: 19}\n")
    shared = province.replace_once(
        LETTERS, "ngay_ban_hanh: {nam: 2026, thang: 2, ngay: null}", "ngay_ban_hanh: {nam: 2025}"
    )
    problems = refused(province)
    assert [p.split(": ")[0] for p in problems] == [
        f"content/{YEAR}/{LETTERS}:{shared}",
        f"content/{YEAR}/{LETTERS}:{first + 3}",
    ]
    assert (
        "công văn ngày 2025 sớm hơn ngày của kế hoạch (20/01/2026, ke-hoach.yaml van_ban.ngay_ban_hanh)" in problems[0]
    )
    assert "công văn ngày 19/01/2026 sớm hơn" in problems[1]
    province.replace_once(LETTERS, "ngay: 19}", "ngay: 20}")
    province.replace_once(LETTERS, "ngay_ban_hanh: {nam: 2025}", "ngay_ban_hanh: {nam: 2026, thang: 1}")
    load_edition(province.folder)  # the plan's own day, and a month that holds it


def test_a_deadline_in_the_words_the_plan_does_not_choose_is_refused(tmp_path, monkeypatch):
    """The commune root says its units' deadline with {truoc_han}; a letter kind that writes
    "trước ngày" itself would say another deadline than its form once the day counts."""
    commune = ContentCopy(tmp_path / "work", year=YEAR, source=ROOTS / "xa-mau")
    monkeypatch.chdir(commune.base)
    kinds = "loai-noi-nhan.yaml"
    tail = '{han_bao_cao}."\n    ket_thuc: "{ban_hanh} đề nghị {ten_trong_cau} quan tâm, phối hợp thực hiện./."'
    line = commune.replace_once(kinds, "{truoc_han} " + tail, "trước ngày " + tail)
    load_edition(commune.folder)  # the day does not count: "trước ngày" is the plan's own word
    commune.replace_once("ke-hoach.yaml", "tinh_ca_ngay_han: false", "tinh_ca_ngay_han: true")
    problems = refused(commune)
    assert len(problems) == 1 and problems[0].startswith(f"content/{YEAR}/{kinds}:{line}: loai["), problems
    assert "“trước ngày {han_bao_cao}” trái với bao_cao.tinh_ca_ngay_han: true" in problems[0]
    assert "“chậm nhất ngày”" in problems[0] and "ghi {truoc_han} {han_bao_cao}" in problems[0]


def commune_copy(tmp_path, monkeypatch) -> ContentCopy:
    commune = ContentCopy(tmp_path / "work", year=YEAR, source=ROOTS / "xa-mau")
    monkeypatch.chdir(commune.base)
    return commune


def test_a_unit_in_the_recipients_says_which_entry_reaches_it(tmp_path, monkeypatch):
    commune = commune_copy(tmp_path, monkeypatch)
    unit = commune.replace_once(
        "ke-hoach.yaml",
        '  - co_quan: "cac-ap"\n  - co_quan: "cac-truong"\nluu:',
        '  - co_quan: "ap-tan-lap"\n  - co_quan: "cac-truong"\nluu:',
    )
    problems = refused(commune)
    assert problems[-1].startswith(f"content/{YEAR}/ke-hoach.yaml:{unit}: noi_nhan[")
    assert problems[-1].endswith(
        "“ap-tan-lap” là một đơn vị của danh sách “ap” (don-vi.yaml): ghi mã “cac-ap” của co-quan.yaml, "
        "mục đại diện danh sách đó"
    )


def test_a_body_named_in_two_entries_gets_the_tasks_of_both(tmp_path, monkeypatch):
    """Công an xã has its own entry and is named again in the mass organisations' one: its letter
    and form carry its own tasks, then the shared one; the others' letters are as before."""
    commune = commune_copy(tmp_path, monkeypatch)
    plan = yaml.safe_load(commune.text("ke-hoach.yaml"))
    own = next(e for e in plan["to_chuc_thuc_hien"] if e["co_quan"] == "cong-an-xa")["nhiem_vu"]
    shared = next(e for e in plan["to_chuc_thuc_hien"] if "hoi-lhpn" in e["co_quan"])["nhiem_vu"]
    commune.replace_once("ke-hoach.yaml", '["hoi-lhpn", "doan-tn"]', '["hoi-lhpn", "doan-tn", "cong-an-xa"]')
    commune.replace_once("ke-hoach.yaml", 'Đoàn Thanh niên xã"', 'Đoàn Thanh niên xã, Công an xã"')
    done = run_main(["build", "--year", str(YEAR)], commune.base, cwd_folders=True)
    assert done.returncode == 0, done.stderr
    folder = commune.base / "output" / str(YEAR)
    assert len(list(folder.glob("Cong-an-xa*"))) == 1

    def paragraphs(path):
        return [p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs]

    letter = paragraphs(next(folder.glob("Cong-an-xa*/cong-van-*.docx")))
    found = [next(i for i, text in enumerate(letter) if task in text) for task in [*own, *shared]]
    assert found == sorted(found), "own tasks first, then the shared one"
    form = docx.Document(str(next(folder.glob("Cong-an-xa*/bao-cao-*.docx"))))
    tasks = next(t for t in form.tables if len(t.rows[0].cells) > 1 and "Nhiệm vụ" in t.rows[0].cells[1].text)
    assert [row.cells[1].text.replace("\u00a0", " ") for row in tasks.rows[1:]] == [*own, *shared]
    women = paragraphs(next(folder.glob("Hoi-LHPN*/cong-van-*.docx")))
    assert any(shared[0] in text for text in women) and not any(own[0] in text for text in women)


def test_a_body_named_in_an_entry_with_points_and_in_another_is_refused(tmp_path, monkeypatch):
    commune = commune_copy(tmp_path, monkeypatch)
    commune.replace_once(
        "ke-hoach.yaml",
        '      - "Tuyên truyền đến hội viên, đoàn viên."\n',
        '      - "Tuyên truyền đến hội viên, đoàn viên:"\n    muc:\n      - tieu_de: "Tại chi hội."\n',
    )
    second = commune.replace_once("ke-hoach.yaml", '["hoi-lhpn", "doan-tn"]', '["hoi-lhpn", "doan-tn", "cong-an-xa"]')
    commune.replace_once("ke-hoach.yaml", 'Đoàn Thanh niên xã"', 'Đoàn Thanh niên xã, Công an xã"')
    first = commune.text("ke-hoach.yaml").splitlines().index('  - co_quan: "cong-an-xa"') + 1
    problems = refused(commune)
    assert problems == [
        f"content/{YEAR}/ke-hoach.yaml:{second}: to_chuc_thuc_hien[3].co_quan: cơ quan “cong-an-xa” đã có ở mục "
        f"dòng {first}, và một trong hai mục có các điểm a), b)… (muc): công văn không nối được nhiệm vụ của hai "
        "mục đó; ghi nhiệm vụ chung vào mục riêng của cơ quan này"
    ]


def test_a_content_folder_without_years_says_what_was_meant(province):
    """--content naming one year's folder, or a folder that is not there: check and build say so."""
    year_folder, missing = f"content/{YEAR}", "khong-co"  # as typed, relative to the working folder
    for command in (["check"], ["build"]):
        done = run_main(["--content", year_folder, "--output", "ra", *command], province.base)
        assert done.returncode == 1 and done.stderr_lines == [
            f"Lỗi: {year_folder} là thư mục nội dung của năm {YEAR}; --content là thư mục chứa các năm: "
            f"ghi --content content (thêm --year {YEAR} để chọn năm)"
        ], done.stderr
        done = run_main(["--content", missing, "--output", "ra", *command], province.base)
        assert done.returncode == 1 and f"thư mục {missing} không có; kiểm tra tham số --content" in done.stderr
    assert not (province.base / "ra").exists()


def test_a_letter_with_the_plans_number_is_refused(province):
    first = number_letters(province, ("so-noi-vu", 45), ("so-y-te", 46))
    problems = refused(province)
    assert len(problems) == 1 and problems[0].startswith(f"content/{YEAR}/{LETTERS}:{first + 2}: so[1].so: số 45")
    assert "số của chính kế hoạch" in problems[0]


def test_distinct_letter_numbers_pass(province):
    number_letters(province, ("so-noi-vu", 46), ("so-y-te", 47))
    load_edition(province.folder)


@pytest.mark.parametrize(("typed", "meant"), [("{năm}", "{nam}"), ("{ngày_bắt_đầu}", None)])
def test_a_misspelt_placeholder_is_refused_with_the_known_ones(province, typed, meant):
    line = add_closing(province, f"Kế hoạch năm {typed}.")
    problems = [p for p in refused(province) if "không phải là biến" in p]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"content/{YEAR}/{PLAN}:{line}: ket_thuc[1]: “{typed}”")
    assert "{nam}, {dia_danh}" in problems[0]
    # The root has no Action Month: {ngay_bat_dau} is not offered.
    assert (f"có phải “{meant}”?" in problems[0]) == (meant is not None)


def test_a_renamed_or_misspelt_field_names_the_closest_known_one(province):
    line = province.replace_once(PLAN, "ket_thuc:\n", "ket_thucc:\n")
    problems = refused(province)
    assert any(
        p.startswith(f"content/{YEAR}/{PLAN}:{line}: ket_thucc: ") and "có phải “ket_thuc”?" in p for p in problems
    )
    text = province.text("co-quan.yaml")
    old = next(ln for ln in text.splitlines() if ln.strip().startswith("loai:"))
    line = text.count("\n", 0, text.index(old)) + 1
    province.path("co-quan.yaml").write_text(text.replace(old, old.replace("loai:", "quan_he:"), 1), encoding="utf-8")
    problems = refused(province)
    assert any(f"co-quan.yaml:{line}:" in p and "nay có tên “loai”" in p for p in problems), problems


def test_a_file_the_program_does_not_read_is_warned_of(province):
    (province.folder / "xa-thi-tran.yaml").write_text('don_vi:\n  - ma: "xa-a"\n', encoding="utf-8")
    (province.folder / "ghi-chu.txt").write_text("không phải nội dung\n", encoding="utf-8")
    notices = [str(n) for n in check(province.content, YEAR).notices]
    assert len(notices) == 1, notices
    assert notices[0].startswith(f"content/{YEAR}/xa-thi-tran.yaml:1: (tệp): chương trình không đọc tệp này")
    done = run_main(["check", "--year", str(YEAR), "--strict"], province.base, cwd_folders=True)
    assert done.returncode == 1 and "xa-thi-tran.yaml" in done.stdout + done.stderr


def test_a_colon_ending_a_bodys_heading_is_refused(province):
    """The program puts the colon after a body's heading; one typed too would print "::"."""
    line = province.replace_once(
        PLAN,
        '  - co_quan: "cong-an-tinh"\n    nhiem_vu:\n',
        '  - co_quan: "cong-an-tinh"\n    tieu_de: "Công an tỉnh:"\n    nhiem_vu:\n',
    )
    problems = refused(province)
    assert problems == [
        f"content/{YEAR}/{PLAN}:{line + 1}: to_chuc_thuc_hien[3].tieu_de: bỏ dấu hai chấm ở cuối: "
        "chương trình tự thêm dấu “:” sau tiêu đề mục của cơ quan"
    ]
    kinds = province.text("loai-noi-nhan.yaml").replace('tieu_de_ke_hoach: "{ten}"', 'tieu_de_ke_hoach: "{ten}:"', 1)
    province.path("loai-noi-nhan.yaml").write_text(kinds, encoding="utf-8")
    assert any("loai-noi-nhan.yaml:4: loai[1].tieu_de_ke_hoach: bỏ dấu hai chấm" in p for p in refused(province))


# ---------------------------------------------------------------- 4. a letter's number and day together
def docx_text(path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_letter_without_a_number_leaves_its_day_blank(province):
    from generator.build import Project, build

    province.replace_once(LETTERS, SHARED_DAY.replace("ngay: 3", "ngay: null"), SHARED_DAY)
    number_letters(province, ("so-noi-vu", 46))
    build(Project(content=province.content, templates=TEMPLATES, output=province.output), year=YEAR)
    out = province.output / str(YEAR)
    numbered, blank = "So-Noi-vu", "So-Y-te"
    assert "Đồng Nai, ngày 03 tháng 02 năm 2026" in docx_text(out / numbered / f"cong-van-{numbered}.docx")
    assert "Công văn số 46/UBND-VX ngày 03/02/2026" in docx_text(out / numbered / f"bao-cao-{numbered}-{YEAR}.docx")
    letter = docx_text(out / blank / f"cong-van-{blank}.docx")
    form = docx_text(out / blank / f"bao-cao-{blank}-{YEAR}.docx")  # the first period's
    pdf = " ".join(page.extract_text() for page in PdfReader(out / blank / f"bao-cao-{blank}-{YEAR}.pdf").pages)
    assert "ngày 03" not in letter and "03/02/2026" not in form and "03/02/2026" not in pdf
    assert "tháng 02 năm 2026" in letter and "/02/2026" in form and "/02/2026" in pdf


def test_check_warns_of_a_number_without_a_day_and_a_day_without_a_number(province):
    first = number_letters(province, ("so-noi-vu", 46))
    assert [str(n) for n in check(province.content, YEAR).notices] == [
        f"content/{YEAR}/{LETTERS}:{first + 2}: so[1].so: công văn số 46 chưa có ngày ban hành: "
        "ghi ngày (ngay_ban_hanh) cùng với số đã vào sổ"
    ]
    province.replace_once(LETTERS, "    so: 46\n", "")
    province.replace_once(LETTERS, "  - noi_nhan: so-noi-vu\n", "")
    province.replace_once(LETTERS, "so:\n", "so: []\n")
    line = province.replace_once(LETTERS, SHARED_DAY.replace("ngay: 3", "ngay: null"), SHARED_DAY)
    notices = [str(n) for n in check(province.content, YEAR).notices]
    assert len(notices) == 1 and notices[0].startswith(f"content/{YEAR}/{LETTERS}:{line}: ngay_ban_hanh.ngay: ")
