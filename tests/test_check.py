"""`check`: the build's errors, and the warnings a clerk wants before sending a draft up (issue 4).

Each warning kind is triggered by a small edit of a copy of the content; the test compares the
warnings after the edit with those before, so it asserts exactly what the edit adds.
"""

from __future__ import annotations

from collections import Counter

import yaml

from conftest import YEAR, run_main

from generator.commands.check import check

PLAN, AGENCIES, CATALOG = "ke-hoach.yaml", "co-quan.yaml", "chi-tieu.yaml"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII"}
CLOSING = "ket_thuc:  # Các đoạn kết thúc kế hoạch, mỗi gạch (-) là một đoạn\n"


def added_warnings(work, edit) -> list[str]:
    """The warnings an edit adds, checking that it removes none. Warnings are told apart without
    their line, since inserted lines move the warnings below them."""

    def unplaced(notice):
        return notice.path, notice.field, notice.message

    before = Counter(unplaced(n) for n in check(work.content, YEAR).notices)
    edit()
    after = check(work.content, YEAR).notices
    assert not before - Counter(unplaced(n) for n in after), "the edit removed a warning"
    added = []
    for notice in after:
        if before[unplaced(notice)]:
            before[unplaced(notice)] -= 1
        else:
            added.append(str(notice))
    return added


def plan(work) -> dict:
    return yaml.safe_load(work.text(PLAN))


def add_closing_paragraphs(work, *paragraphs: str) -> list[int]:
    """Append paragraphs to ket_thuc; returns their lines."""
    text = work.text(PLAN)
    start = text.index(CLOSING) + len(CLOSING)
    end = text.index("\n", start) + 1  # the existing closing paragraph
    new = "".join(f'  - "{p}"\n' for p in paragraphs)
    work.path(PLAN).write_text(text[:end] + new + text[end:], encoding="utf-8")
    first = text.count("\n", 0, end) + 1
    return [first + n for n in range(len(paragraphs))]


def test_last_years_mentions_in_text(work):
    closing = len(plan(work)["ket_thuc"])
    last_year = f"Bỏ Kế hoạch năm {YEAR - 1}; giai đoạn {YEAR - 3}-{YEAR - 1}."
    # Older years are citations, and a period that reaches the plan's year is current.
    cited = f"Theo Luật Bình đẳng giới năm 2006, Nghị định năm {YEAR - 3} và giai đoạn 2016-2020; giai đoạn 2021-2030."
    lines: list[int] = []

    added = added_warnings(work, lambda: lines.extend(add_closing_paragraphs(work, last_year, cited)))

    where = f"content/{YEAR}/{PLAN}:{lines[0]}: ket_thuc[{closing + 1}]"
    assert added == [
        f"{where}: nhắc năm {YEAR - 1}, năm trước năm của kế hoạch ({YEAR}): “{last_year}”",
        f"{where}: nhắc giai đoạn {YEAR - 3}-{YEAR - 1}, kết thúc năm trước năm của kế hoạch ({YEAR}): “{last_year}”",
    ]


def test_dates_outside_the_plan_year(work):
    closing = len(plan(work)["ket_thuc"])
    later = f"Báo cáo trước ngày 15/01/{YEAR + 1}."
    lines: list[int] = []
    deadline = plan(work)["bao_cao"]["han_bao_cao"]
    summary = plan(work)["bao_cao"]["han_tong_hop"]

    def edit():
        for key in ("han_bao_cao", "han_tong_hop"):
            lines.append(
                work.replace_once(PLAN, f"  {key}:\n    nam: {YEAR}\n", f"  {key}:\n    nam: {YEAR + 1}\n") + 1
            )
        lines.extend(add_closing_paragraphs(work, later))

    added = added_warnings(work, edit)

    assert added == [
        f"content/{YEAR}/{PLAN}:{lines[0]}: bao_cao.han_bao_cao.nam: hạn báo cáo "
        f"{deadline['ngay']}/{deadline['thang']}/{YEAR + 1} không thuộc năm của kế hoạch ({YEAR})",
        f"content/{YEAR}/{PLAN}:{lines[1]}: bao_cao.han_tong_hop.nam: hạn tổng hợp "
        f"{summary['ngay']}/{summary['thang']}/{YEAR + 1} không thuộc năm của kế hoạch ({YEAR})",
        f"content/{YEAR}/{PLAN}:{lines[2]}: ket_thuc[{closing + 1}]: ngày 15/01/{YEAR + 1} không thuộc năm của kế hoạch "
        f"({YEAR}): “{later}”",
    ]


def test_indicators_without_text_that_an_agency_reports(work):
    content = plan(work)
    registry = yaml.safe_load(work.text(AGENCIES))
    short = {a["ma"]: a["ten_viet_tat"] for a in registry["co_quan"]}
    reporters = [
        short[a["co_quan"]]
        for a in content["to_chuc_thuc_hien"]
        for ref in a.get("bao_cao_chi_tieu", [])
        if ref["muc_tieu"] == 1 and 1 in ref["chi_tieu"]
    ]
    assert reporters, "the test needs an agency reporting indicator 1 of objective 1"
    catalog = work.text(CATALOG)
    first_text = catalog[catalog.index("      - so: 1") :].split("\n")[1]  # noi_dung of objective 1, indicator 1
    assert first_text.lstrip().startswith("noi_dung: ")
    lines: list[int] = []

    def edit():
        lines.append(work.replace_once(CATALOG, first_text + "\n", "        noi_dung: null\n"))
        # An indicator nobody reports on may stay without text: no warning.
        work.replace_once(
            CATALOG,
            '        don_vi_tinh: "%"  # Đơn vị tính dùng ở biểu mẫu báo cáo; null = chưa có\n',
            '        don_vi_tinh: "%"  # Đơn vị tính dùng ở biểu mẫu báo cáo; null = chưa có\n'
            "      - so: 9\n        noi_dung: null\n",
        )

    added = added_warnings(work, edit)

    assert added == [
        f"content/{YEAR}/{CATALOG}:{lines[0]}: muc_tieu[1].chi_tieu[1].noi_dung: Chỉ tiêu 1 của Mục tiêu 1 chưa có nội dung "
        f"(noi_dung: null) nhưng được giao báo cáo cho: {', '.join(reporters)}; công văn và biểu mẫu in chỗ trống để ghi tay"
    ]


def test_recipients_that_no_section_iv_entry_explains(work):
    content = plan(work)
    section_iv = f"mục {ROMAN[len(content['noi_dung']) + 1]} (Tổ chức thực hiện)"
    count = len(content["noi_nhan"])
    last = '  - ten: "LĐVP, CVVX"\n'
    lines: list[int] = []

    def edit():
        group = '    ten: "Các cơ quan, phòng, ban huyện"  # Tên nhóm in ở Nơi nhận\n'
        work.replace_once(AGENCIES, group, group + '  - ma: "doan-the"\n    ten: "Các đoàn thể huyện"\n')
        with work.path(AGENCIES).open("a", encoding="utf-8") as agencies:
            agencies.write(
                '\n  - ma: "van-phong"\n    ten: "Văn phòng HĐND và UBND huyện"\n'
                '    ten_viet_tat: "VP HĐND-UBND huyện"\n    loai: "giao"\n    thuoc_nhom: ["doan-the"]\n'
            )
        line = work.replace_once(
            PLAN, last, last + '  - co_quan: "van-phong"\n  - nhom: "doan-the"\n  - ten: "Báo Bình Phước"\n'
        )
        lines.extend([line + 1, line + 2])

    added = added_warnings(work, edit)

    # Free text (ten) is for superiors and others informed: never warned about.
    assert added == [
        f"content/{YEAR}/{PLAN}:{lines[0]}: noi_nhan[{count + 1}].co_quan: “VP HĐND-UBND huyện” có ở Nơi nhận nhưng "
        f"không có nhiệm vụ nào ở {section_iv}",
        f"content/{YEAR}/{PLAN}:{lines[1]}: noi_nhan[{count + 2}].nhom: nhóm “Các đoàn thể huyện” có ở Nơi nhận nhưng "
        f"không cơ quan nào của nhóm có nhiệm vụ ở {section_iv}",
    ]


def test_empty_sections(work):
    content = plan(work)
    sections = len(content["noi_dung"])
    agency = next(
        n for n, a in enumerate(content["to_chuc_thuc_hien"], start=1) if a["co_quan"] == "cac-phong-ban-lien-quan"
    )
    registry = yaml.safe_load(work.text(AGENCIES))
    entry = next(a for a in registry["co_quan"] if a["ma"] == "cac-phong-ban-lien-quan")
    assert entry.get("gui_cong_van") is False  # with a letter, an entry without tasks is an error, not a warning
    tasks_line = '  - co_quan: "cac-phong-ban-lien-quan"\n    nhiem_vu:\n'
    text = work.text(PLAN)
    start = text.index(tasks_line) + len(tasks_line)
    task = text[start : text.index("\n", start) + 1]
    lines: list[int] = []

    def edit():
        lines.append(
            work.replace_once(
                PLAN,
                "\n\ntieu_de_to_chuc_thuc_hien:",
                '\n    muc:\n      - doan: []\n  - tieu_de: "KIỂM TRA, GIÁM SÁT:"\n\ntieu_de_to_chuc_thuc_hien:',
            )
        )
        lines.append(
            work.replace_once(PLAN, tasks_line + task, '  - co_quan: "cac-phong-ban-lien-quan"\n    nhiem_vu: []\n') + 1
        )

    added = added_warnings(work, edit)

    where = f"content/{YEAR}/{PLAN}"
    assert added == [
        f"{where}:{lines[0] + 2}: noi_dung[{sections}].muc[1]: mục không có tiêu đề, đoạn văn hay mục con nào",
        f"{where}:{lines[0] + 3}: noi_dung[{sections + 1}]: mục “KIỂM TRA, GIÁM SÁT:” không có đoạn văn nào và không có mục con",
        f"{where}:{lines[1]}: to_chuc_thuc_hien[{agency}].nhiem_vu: “Các phòng, ban, đơn vị liên quan” có tiêu đề ở mục "
        "Tổ chức thực hiện nhưng không có nhiệm vụ nào",
    ]


KIND_OF = (  # how each printed warning reads → its label in the summary
    (" nhắc năm ", "nhắc năm trước"),
    (" nhắc giai đoạn ", "nhắc năm trước"),
    (" không thuộc năm của kế hoạch ", "ngày ngoài năm của kế hoạch"),
    (" chưa có nội dung (noi_dung: null) ", "chỉ tiêu chưa có nội dung"),
    (".so_chua_xac_nhan: số thứ tự của ", "số thứ tự chỉ tiêu chưa xác nhận"),
)


def test_cli_summary_and_strict(work):
    done = run_main(["check"], work.base, cwd_folders=True)

    assert done.returncode == 0 and done.stderr == ""
    *printed, last = done.stdout.splitlines()
    assert printed and all(line.startswith(f"content/{YEAR}/") for line in printed)
    counts: dict[str, int] = {}
    for line in printed:
        labels = [label for marker, label in KIND_OF if marker in line]
        assert len(labels) == 1, line
        counts[labels[0]] = counts.get(labels[0], 0) + 1
    order = [label for _, label in KIND_OF]
    by_kind = ", ".join(f"{counts[label]} {label}" for label in dict.fromkeys(order) if label in counts)
    assert last == f"Kiểm tra content/{YEAR}: không có lỗi, {len(printed)} cảnh báo ({by_kind})."

    strict = run_main(["check", "--year", str(YEAR), "--strict"], work.base, cwd_folders=True)
    assert strict.returncode == 1 and strict.stdout == ""
    assert strict.stderr.splitlines() == printed + [last + " Có STRICT=1 nên cảnh báo được tính là lỗi."]


def test_errors_are_those_of_the_build(work):
    line = work.replace_once(PLAN, "  so: null  #", '  so: "năm"  #')

    checked = run_main(["check"], work.base, cwd_folders=True)
    built = run_main(["build", "--year", str(YEAR)], work.base, cwd_folders=True)

    assert checked.returncode == 1 and built.returncode == 1
    *errors, summary = checked.stderr.splitlines()
    assert errors == [
        f"content/{YEAR}/{PLAN}:{line}: van_ban.so: phải là một số nguyên viết bằng chữ số, ví dụ 5, không phải “năm”"
    ]
    assert errors == built.stderr.splitlines()[:-1]
    assert summary == f"Kiểm tra content/{YEAR}: 1 lỗi; chưa xét cảnh báo (sửa hết lỗi rồi chạy lại)."
    assert not (work.output / str(YEAR)).exists()


def test_reports_due_before_the_month_ends_and_a_summary_due_with_them(work):
    """Units asked to report on the Action Month before it is over, and a collecting body given no
    day between the units' reports and its own summary."""
    month_end = plan(work)["thang_hanh_dong"]["ket_thuc"]

    def edit():
        for key in ("han_bao_cao", "han_tong_hop"):
            start = work.text(PLAN).index(f"  {key}:\n")
            day = work.text(PLAN)[start:].index("    ngay: ") + start
            line = work.text(PLAN)[day : work.text(PLAN).index("\n", day)]
            work.path(PLAN).write_text(
                work.text(PLAN)[:day] + "    ngay: 10" + work.text(PLAN)[day + len(line) :], encoding="utf-8"
            )

    added = added_warnings(work, edit)
    lines = [
        work.text(PLAN)[: work.text(PLAN).index("    ngay: 10", work.text(PLAN).index(f"  {key}:\n"))].count("\n") + 1
        for key in ("han_bao_cao", "han_tong_hop")
    ]
    assert added == [
        f"content/{YEAR}/{PLAN}:{lines[0]}: bao_cao.han_bao_cao: hạn báo cáo 10/12/{YEAR} không sau ngày kết thúc "
        f"Tháng hành động ({month_end}): các đơn vị phải báo cáo khi tháng chưa kết thúc",
        f"content/{YEAR}/{PLAN}:{lines[1]}: bao_cao.han_tong_hop: hạn tổng hợp 10/12/{YEAR} không sau hạn báo cáo của "
        f"các đơn vị (10/12/{YEAR}): cơ quan tổng hợp không còn ngày nào để tổng hợp",
    ]
