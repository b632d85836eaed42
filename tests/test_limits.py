"""Issue 12: what the writers cannot take is refused by validation, at its file, line and field,
before anything is written; what they can take (a long trích yếu) builds.

Each case edits a copy of content/<year>/ and runs the CLI on an earlier output folder: exit 1,
one `file:line: field: …` line per problem, the output folder exactly as it was. Expected lines and
fields are computed from the edit; the messages are checked for the words that tell the clerk what
is wrong.
"""

from __future__ import annotations

import re

import unicodedata

import pytest
import yaml
from conftest import ROOTS, ContentCopy, run_main, snapshot
from test_bad_input import SUMMARY, run_build_cli, shown
from test_bad_input import old_output as earlier_output  # noqa: F401  (a fixture, used below)


@pytest.fixture
def old_output(earlier_output):  # noqa: F811  (pytest passes the fixture of that name)
    """test_bad_input's output folder of an earlier build."""
    return earlier_output


TINY, TINY_YEAR = ROOTS / "xa-mau", 2026  # a tiny root for the two cases that build


@pytest.fixture
def tiny_copy(tmp_path) -> ContentCopy:
    """A copy of the tiny root's edition: what is refused in any file or paragraph is the same for
    any edition, and loading it is quicker than loading the 2024 one."""
    return ContentCopy(tmp_path / "work", TINY_YEAR, source=TINY)


def first_paragraph(copy: ContentCopy) -> str:
    return yaml.safe_load(copy.text("ke-hoach.yaml"))["mo_dau"][0]


def in_first_paragraph(copy: ContentCopy, typed: str) -> tuple[int, str]:
    """Put `typed` (as typed between the double quotes) before the first opening paragraph."""
    first = first_paragraph(copy)
    line = copy.replace_once("ke-hoach.yaml", f'- "{first[:40]}', f'- "{typed}{first[:40]}')
    return line, "mo_dau[1]"


def refused(copy: ContentCopy, output, line: int, field: str, *words: str, name: str = "ke-hoach.yaml") -> str:
    """Build; it must stop with exactly one problem at that place, naming `words`, output untouched."""
    before = snapshot(output)
    result = run_build_cli(copy, output)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr_lines[-1] == SUMMARY.format(n=1), result.stderr
    [problem] = result.stderr_lines[:-1]
    prefix = f"{shown(copy, name)}:{line}: {field}: "
    assert problem.startswith(prefix), problem
    for word in words:
        assert word in problem, problem
    assert snapshot(output) == before, "the output folder changed"
    return problem[len(prefix) :]


# ----------------------------------------------------------------------------- characters
@pytest.mark.parametrize(
    ("typed", "code", "what"),
    [
        ("\\v", "U+000B", "ký tự điều khiển"),
        ("\\e", "U+001B", "ký tự điều khiển"),
        ("\\a", "U+0007", "ký tự điều khiển"),
        ("\\0", "U+0000", "ký tự điều khiển"),
        ("\\t", "U+0009", "ký tự điều khiển"),
        ("\\n", "U+000A", "ký tự điều khiển"),
        ("\\uFFFE", "U+FFFE", "noncharacter"),
        ("\\uFDD0", "U+FDD0", "noncharacter"),
        ("\\L", "U+2028", "xuống dòng"),
        ("\\P", "U+2029", "ngắt đoạn"),
        ("\\u200B", "U+200B", "vô hình"),
        ("\\uE000", "U+E000", "dùng riêng"),
        ("\\u2003", "U+2003", "dấu cách đặc biệt"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.startswith("U+") else None,
)
def test_characters_that_cannot_be_printed_are_refused(tiny_copy, old_output, typed, code, what):
    line, field = in_first_paragraph(tiny_copy, "Sở LĐ-TB&XH " + typed)
    message = refused(tiny_copy, old_output, line, field, code, what)
    assert "ở ký tự thứ 13 " in message  # counted in the text as read: "Sở LĐ-TB&XH " is 12 characters


@pytest.mark.parametrize(
    "typed", ["😀", "\\U0001F600", "司法", "\\u0E01"], ids=["emoji", "emoji-escape", "cjk", "thai"]
)
def test_a_character_the_font_has_no_glyph_for_is_refused(tiny_copy, old_output, typed):
    line, field = in_first_paragraph(tiny_copy, typed)
    char = typed.encode().decode("unicode_escape") if typed.startswith("\\") else typed[0]
    refused(tiny_copy, old_output, line, field, f"U+{ord(char[0]):04X}", "phông chữ", "không có")


def test_a_control_character_typed_into_the_file_is_a_vietnamese_syntax_error(tiny_copy, old_output):
    line, _ = in_first_paragraph(tiny_copy, "\x07")
    refused(tiny_copy, old_output, line, "cú pháp", "U+0007", "ký tự điều khiển")


def test_an_agency_name_with_a_nul_is_refused_not_cut(content_copy, old_output):
    """docxtpl would drop every & after the NUL: "Sở LĐ-TB&XH" would print as "Sở LĐ-TBXH"."""
    line = content_copy.replace_once("co-quan.yaml", 'ten: "Phòng Tư pháp"', 'ten: "Phòng Tư pháp\\0 Sở LĐ-TB&XH"')
    refused(content_copy, old_output, line, _agency_field(content_copy), "U+0000", name="co-quan.yaml")


def _agency_field(copy: ContentCopy) -> str:
    """The key path of the agency name with the NUL, from the YAML as read without the generator."""
    names = [a["ten"] for a in yaml.safe_load(copy.text("co-quan.yaml"))["co_quan"]]
    index = next(i for i, name in enumerate(names, start=1) if "\0" in name)
    return f"co_quan[{index}].ten"


def test_a_ten_megabyte_paragraph_is_refused_at_once(tiny_copy, old_output):
    in_first_paragraph(tiny_copy, "x" * 10_000_000)
    refused(tiny_copy, old_output, 1, "(tệp)", "tệp quá lớn")


def test_a_long_paragraph_is_refused_with_its_length(tiny_copy, old_output):
    line, field = in_first_paragraph(tiny_copy, "dài " * 3000)
    refused(tiny_copy, old_output, line, field, "quá 10.000", "chia thành nhiều đoạn")


# ----------------------------------------------------------------------------- the YAML itself
def refused_somewhere(copy: ContentCopy, output, lines: range, field: str, *words: str) -> str:
    """refused(), at one of `lines` (which node an alias repeats depends on the walk)."""
    before = snapshot(output)
    result = run_build_cli(copy, output)
    assert result.returncode == 1 and result.stderr_lines[-1] == SUMMARY.format(n=1), result.stderr
    [problem] = result.stderr_lines[:-1]
    where, _, rest = problem.partition(f": {field}: ")
    assert where.startswith(f"{shown(copy, 'ke-hoach.yaml')}:") and int(where.rsplit(":", 1)[1]) in lines, problem
    for word in words:
        assert word in rest, problem
    assert snapshot(output) == before, "the output folder changed"
    return rest


def test_an_alias_of_itself_is_refused(tiny_copy, old_output):
    line = tiny_copy.replace_once("ke-hoach.yaml", "\nluu:", "\nluu: &vong\n  - *vong\nluu_cu:") + 1
    refused_somewhere(tiny_copy, old_output, range(line, line + 2), "cú pháp", "bí danh")


def test_an_alias_bomb_is_refused_without_expanding_it(tiny_copy, old_output):
    """Eleven lines that stand for 9**11 values: refused before anything walks them."""
    bomb = "".join(f"  - &b{n} [{', '.join([f'*b{n - 1}'] * 9)}]\n" for n in range(1, 12))
    line = tiny_copy.replace_once("ke-hoach.yaml", "\nluu:", f'\nluu:\n  - &b0 "VT"\n{bomb}luu_cu:') + 1
    refused_somewhere(tiny_copy, old_output, range(line, line + 13), "cú pháp", "bí danh", "giá trị bắt đầu ở dòng này")


def test_three_hundred_levels_of_nesting_are_refused(tiny_copy, old_output):
    line = tiny_copy.replace_once("ke-hoach.yaml", "\nluu:", "\nluu: " + "[" * 300 + '"VT"' + "]" * 300 + "\nluu_cu:")
    refused(tiny_copy, old_output, line + 1, "cú pháp", "lồng nhau quá 40 cấp")


@pytest.mark.parametrize("typed", ["1:30", "0x1F", "!!int muoi", "1_000", "0o17"])
def test_numbers_are_digits_only(content_copy, old_output, typed):
    line = content_copy.line_of("ke-hoach.yaml", "  so: null")
    content_copy.replace_once("ke-hoach.yaml", "  so: null", f"  so: {typed}")
    refused(
        content_copy, old_output, line, "van_ban.so", "phải là một số nguyên viết bằng chữ số", f"“{typed.split()[-1]}”"
    )


def test_a_number_in_quotes_and_a_date_typed_as_text_say_how_to_write_them(tiny_copy, old_output):
    line = tiny_copy.replace_once("ke-hoach.yaml", "  so: 12\n", '  so: "12"\n')
    refused(tiny_copy, old_output, line, "van_ban.so", "là số: ghi 12, không đặt trong dấu ngoặc kép")
    tiny_copy.replace_once("ke-hoach.yaml", '  so: "12"\n', "  so: 12\n")
    line = tiny_copy.replace_once(
        "ke-hoach.yaml", "han_bao_cao: {nam: 2026, thang: 12, ngay: 10}", 'han_bao_cao: "10/12/2026"'
    )
    refused(tiny_copy, old_output, line, "bao_cao.han_bao_cao", "{nam: …, thang: …, ngay: …}")


def test_a_note_after_an_unquoted_value_is_explained(tiny_copy, old_output):
    plan = yaml.safe_load(tiny_copy.text("ke-hoach.yaml"))
    name = plan["nguoi_ky"]["ho_ten"]
    line = tiny_copy.replace_once("ke-hoach.yaml", f'ho_ten: "{name}"', "ho_ten: Nguyễn #Văn Hạ")
    refused(tiny_copy, old_output, line, "cú pháp", "“Văn Hạ”", "ghi chú", "“Nguyễn”", "ngoặc kép")


def test_a_file_saved_as_ansi_is_explained(tiny_copy, old_output):
    path = tiny_copy.path("ke-hoach.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_bytes(unicodedata.normalize("NFD", text).encode("cp1258", errors="replace"))
    first = next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())
    refused(tiny_copy, old_output, first, "(tệp)", "UTF-8", "ANSI", "Lưu thành")


def test_a_file_saved_as_utf16_is_explained(tiny_copy, old_output):
    path = tiny_copy.path("cong-van.yaml")
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-16")
    refused(tiny_copy, old_output, 1, "(tệp)", "UTF-16", "UTF-8", name="cong-van.yaml")


def test_a_file_name_that_is_not_utf8_in_the_content_folder_does_not_stop_the_build(tmp_path):
    # The tiny root: listing the edition folder is the same code for any edition, and a full
    # build of the 2024 set here cost about 25 s.
    import os

    tiny = ContentCopy(tmp_path / "work", year=TINY_YEAR, source=TINY)
    (tiny.folder / os.fsdecode(b"ghi-ch\xfa.txt")).write_bytes(b"x")
    result = run_main(["--content", str(tiny.content), "--output", str(tmp_path / "out"), "build"], cwd=tiny.base)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / str(TINY_YEAR) / "ke-hoach.docx").is_file()


# ----------------------------------------------------------------------------- the shape of the content
def test_an_empty_issuing_agency_is_refused(content_copy, old_output):
    line = content_copy.replace_once(
        "co-quan-ban-hanh.yaml", 'dong_tieu_de: ["Ủy ban nhân dân", "huyện {dia_danh}"]', "dong_tieu_de: []"
    )
    refused(content_copy, old_output, line, "dong_tieu_de", "ít nhất một dòng", name="co-quan-ban-hanh.yaml")


def test_a_form_without_activities_is_refused(content_copy, old_output):
    text = content_copy.text("bieu-mau.yaml")
    start = text.index("\nhoat_dong:") + 1
    end = text.index("\n# Báo cáo tổng hợp", start) + 1  # the activities, up to the summary's settings that follow them
    # The summary's per-unit counts ({tong_so_luong_cuoc}, …) name the removed rows: gone with them.
    rest = re.sub(r"\{tong_so_luong_\w+\}", "", text[end:])
    content_copy.path("bieu-mau.yaml").write_text(text[:start] + "hoat_dong: []\n" + rest, encoding="utf-8")
    line = content_copy.line_of("bieu-mau.yaml", "hoat_dong: []")
    refused(content_copy, old_output, line, "hoat_dong", "ít nhất một hoạt động", name="bieu-mau.yaml")


def test_more_lettered_points_than_letters_are_refused(content_copy, old_output):
    """Points (a, b, …) are the third level: 24 under one clause have no letter for the last."""
    plan = yaml.safe_load(content_copy.text("ke-hoach.yaml"))
    clause = plan["noi_dung"][0]["muc"][0]
    assert "muc" not in clause, "the edit expects noi_dung[1].muc[1] without points of its own"
    old = f'      - tieu_de: "{clause["tieu_de"]}"\n'
    points = "".join(f'          - doan: ["Điểm {n}."]\n' for n in range(1, 25))
    line = content_copy.replace_once("ke-hoach.yaml", old, old + "        muc:\n" + points)
    refused(content_copy, old_output, line + 1 + 24, "noi_dung[1].muc[1].muc", "24 điểm", "23")


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        ("han_tong_hop", "  han_tong_hop:\n    nam: 2024\n", "  han_tong_hop:\n    nam: 99999\n"),
        ("han_bao_cao", "  han_bao_cao:\n    nam: 2024\n", "  han_bao_cao:\n    nam: -1\n"),
    ],
)
def test_a_deadline_far_from_the_plans_year_is_refused(content_copy, old_output, field, old, new):
    line = content_copy.replace_once("ke-hoach.yaml", old, new) + 1
    refused(content_copy, old_output, line, f"bao_cao.{field}.nam", "không hợp lệ")


def test_reports_due_before_the_plan_is_issued_are_refused(content_copy, old_output):
    text = content_copy.text("ke-hoach.yaml")
    plan = yaml.safe_load(text)
    deadline, summary = plan["bao_cao"]["han_bao_cao"], plan["bao_cao"]["han_tong_hop"]
    issued = plan["van_ban"]["ngay_ban_hanh"]
    assert deadline["nam"] == issued["nam"] and issued["thang"] > 1
    old = f"  han_bao_cao:\n    nam: {deadline['nam']}\n    thang: {deadline['thang']}\n"
    line = content_copy.replace_once("ke-hoach.yaml", old, old.replace(f"thang: {deadline['thang']}", "thang: 1"))
    assert summary["thang"] >= deadline["thang"]  # the summary is due after it, so only the deadline is wrong
    refused(content_copy, old_output, line + 1, "bao_cao.han_bao_cao", "trước ngày ban hành")


def test_an_action_month_ending_before_it_starts_is_refused(tiny_copy, old_output):
    plan = yaml.safe_load(tiny_copy.text("ke-hoach.yaml"))
    end = plan["thang_hanh_dong"]["ket_thuc"]
    line = tiny_copy.replace_once("ke-hoach.yaml", f'ket_thuc: "{end}"', 'ket_thuc: "01/01"')
    refused(tiny_copy, old_output, line, "thang_hanh_dong.ket_thuc", "trước ngày bắt đầu")


# ----------------------------------------------------------------------------- names that make file names
@pytest.mark.parametrize(
    ("short", "words"),
    [
        ("— …", ["không có chữ cái Latin"]),
        ("§", ["không có chữ cái Latin"]),
        ("CON", ["Windows dành riêng"]),
        ("NUL.", ["Windows dành riêng"]),
        ("Com1", ["Windows dành riêng"]),
        ("Phòng " + "Tư pháp " * 40, ["quá 64 ký tự"]),
    ],
)
def test_a_short_name_that_cannot_name_a_file_is_refused(content_copy, old_output, short, words):
    line = content_copy.replace_once("co-quan.yaml", 'ten_viet_tat: "Phòng Tư pháp"', f'ten_viet_tat: "{short}"')
    refused(content_copy, old_output, line, "co_quan.ten_viet_tat", f"“{short.strip()}”", *words, name="co-quan.yaml")


def test_two_short_names_differing_only_in_case_are_refused(content_copy, old_output):
    """One folder on Windows, macOS and a USB stick."""
    first = content_copy.line_of("co-quan.yaml", 'ten_viet_tat: "Phòng Tư pháp"')
    second = content_copy.replace_once("co-quan.yaml", 'ten_viet_tat: "Phòng Dân tộc"', 'ten_viet_tat: "Phòng Tư Pháp"')
    problem = refused(content_copy, old_output, second, "co_quan.ten_viet_tat", "“Phòng Tư Pháp”", name="co-quan.yaml")
    assert f"co-quan.yaml:{first}" in problem


def test_the_portable_name_rules(tmp_path):
    from generator.files import name_folded, portable_name_problem

    assert portable_name_problem("Phong-Tu-phap") is None
    assert portable_name_problem("a" * 64) is None
    for bad in ("", "a" * 65, "aux", "LPT9", "con.txt", "x.", " x", "a:b", "a\\b", "a/b", "a\x01"):
        assert portable_name_problem(bad), bad
    assert name_folded("Phong-Tu-Phap") == name_folded("Phong-Tu-phap")


# ----------------------------------------------------------------------------- what the writers can take
def test_a_long_trich_yeu_builds_and_prints_in_full(tmp_path):
    """On the tiny root: the title block is laid out the same for any plan, and building the
    2024 set's 120 documents to read one plan cost about 25 s."""
    import docx
    from docx.oxml.ns import qn
    from pypdf import PdfReader

    tiny = ContentCopy(tmp_path / "work", year=TINY_YEAR, source=TINY)
    plan = yaml.safe_load(tiny.text("ke-hoach.yaml"))
    title = plan["van_ban"]["trich_yeu"]
    long_title = title + (" và các nhiệm vụ trọng tâm về bình đẳng giới" * 8)
    assert len(long_title) > 300
    tiny.replace_once("ke-hoach.yaml", f'trich_yeu: "{title}"', f'trich_yeu: "{long_title}"')
    output = tmp_path / "out"
    result = run_main(["--content", str(tiny.content), "--output", str(output), "build"], cwd=tiny.base)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(output / str(TINY_YEAR) / "ke-hoach.docx"))
    shown_text = " ".join(
        # A title's line break (w:br) is a space between its lines.
        "".join(" " if t.tag == qn("w:br") else t.text or "" for t in p.iter(qn("w:t"), qn("w:br")))
        for p in document.element.body.iter(qn("w:p"))
    )
    issuer = yaml.safe_load(tiny.text("co-quan-ban-hanh.yaml"))
    filled = {"{dia_danh}": issuer["dia_danh"], "{nam}": str(plan["van_ban"]["ngay_ban_hanh"]["nam"])}
    assert all(key in title for key in filled), "the edit expects both placeholders in the title"
    for key, value in filled.items():
        long_title = long_title.replace(key, value)
    assert " ".join(long_title.split()) in " ".join(shown_text.split())
    assert len(document.core_properties.title) <= 255 and document.core_properties.title.endswith("…")
    pdf_text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(str(output / str(TINY_YEAR) / "ke-hoach.pdf")).pages
    )
    assert "".join(long_title.split()) in pdf_text
