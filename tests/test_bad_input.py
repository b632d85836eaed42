"""Bad content: the CLI prints one `file:line: field: message` line per problem, exits 1 and
leaves the output folder exactly as it was.

Each case edits a copy of content/<year>/ and runs `python -m generator --content … --output …
build` with the copy's parent as working folder, so paths print as content/<year>/…. Expected
lines are computed from the edit (the line it touched, the field it broke), never copied from a
run of the program.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from conftest import ContentCopy, run_cli, run_main, snapshot

SUMMARY = "Có {n} lỗi trong nội dung; chưa tạo hay thay đổi văn bản nào."


def shown(copy: ContentCopy, name: str) -> str:
    return f"content/{copy.folder.name}/{name}"


def keys_of(model) -> list[str]:
    return [f.metadata["key"] for f in fields(model) if "key" in f.metadata]


# ----------------------------------------------------------------------------- the edits
def syntax_error(copy: ContentCopy) -> list[str]:
    """A second colon in a plain value."""
    line = copy.replace_once("ke-hoach.yaml", 'ky_hieu_loai: "KH"', "ky_hieu_loai: KH: sai")
    return [
        f"{shown(copy, 'ke-hoach.yaml')}:{line}: cú pháp: lỗi cú pháp YAML: có dấu hai chấm (:) không đúng chỗ: "
        "đoạn văn có dấu hai chấm phải đặt giữa hai dấu ngoặc kép; tên trường thì kiểm tra thụt lề"
    ]


def missing_field(copy: ContentCopy) -> list[str]:
    """trich_yeu deleted: reported at the first line of the van_ban mapping that lacks it."""
    text = copy.text("ke-hoach.yaml")
    title_line = next(ln for ln in text.splitlines() if ln.startswith("  trich_yeu:"))
    copy.replace_once("ke-hoach.yaml", title_line + "\n", "")
    lines = copy.text("ke-hoach.yaml").splitlines()
    start = lines.index(next(ln for ln in lines if ln.startswith("van_ban:"))) + 1
    first_key = next(
        n for n, ln in enumerate(lines[start:], start=start + 1) if ln.strip() and not ln.lstrip().startswith("#")
    )
    return [f"{shown(copy, 'ke-hoach.yaml')}:{first_key}: van_ban.trich_yeu: thiếu trường bắt buộc"]


def unknown_key(copy: ContentCopy) -> list[str]:
    """A typo in an optional key of the first item of section I.1."""
    from generator.content.schema import Item

    plan = yaml.safe_load(copy.text("ke-hoach.yaml"))
    assert "cung_dong" in plan["noi_dung"][0]["muc"][0], "the edit expects cung_dong in noi_dung[1].muc[1]"
    text = copy.text("ke-hoach.yaml")
    old = next(ln for ln in text.splitlines() if ln.strip().startswith("cung_dong:"))  # the first one is muc[1]'s
    assert text.index(old) < text.index(plan["noi_dung"][0]["muc"][1]["tieu_de"])
    line = text.count("\n", 0, text.index(old)) + 1
    text = text.replace(old, old.replace("cung_dong:", "cung_dongg:"), 1)
    copy.path("ke-hoach.yaml").write_text(text, encoding="utf-8")
    valid = ", ".join(keys_of(Item))
    return [
        f"{shown(copy, 'ke-hoach.yaml')}:{line}: noi_dung[1].muc[1].cung_dongg: "
        f"trường không có trong mẫu (gõ nhầm?); có phải “cung_dong”? các trường hợp lệ: {valid}"
    ]


def unresolved_indicator(copy: ContentCopy) -> list[str]:
    """Objective 2 has no indicator 9."""
    plan = yaml.safe_load(copy.text("ke-hoach.yaml"))
    index = next(
        i
        for i, a in enumerate(plan["to_chuc_thuc_hien"], start=1)
        if any(r["muc_tieu"] == 2 and r["chi_tieu"] == [1, 2] for r in a.get("bao_cao_chi_tieu", []))
    )
    text = copy.text("ke-hoach.yaml")
    lines = text.splitlines()
    objective = next(n for n, ln in enumerate(lines) if ln.strip().startswith("- muc_tieu: 2"))
    assert lines[objective + 1].strip().startswith("chi_tieu: [1, 2]")
    lines[objective + 1] = lines[objective + 1].replace("[1, 2]", "[1, 9]", 1)
    copy.path("ke-hoach.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [
        f"{shown(copy, 'ke-hoach.yaml')}:{objective + 2}: to_chuc_thuc_hien[{index}].bao_cao_chi_tieu.chi_tieu: "
        "không có chỉ tiêu 9 của Mục tiêu 2 trong chi-tieu.yaml"
    ]


def duplicate_agency_id(copy: ContentCopy) -> list[str]:
    """A second agency block with the id of an existing one, inserted right after it."""
    lines = copy.text("co-quan.yaml").splitlines()
    first = next(n for n, ln in enumerate(lines) if ln.strip() == '- ma: "phong-tu-phap"')
    end = next(n for n in range(first + 1, len(lines)) if not lines[n].strip() or lines[n].strip().startswith("- ma:"))
    block = lines[first:end]
    duplicate = [ln.replace('ten: "Phòng Tư pháp"', 'ten: "Phòng Tư pháp (bản chép)"') for ln in block]
    new_lines = lines[:end] + [""] + duplicate + lines[end:]
    copy.path("co-quan.yaml").write_text("\n".join(new_lines) + "\n", encoding="utf-8")
    return [
        f"{shown(copy, 'co-quan.yaml')}:{end + 2}: co_quan.ma: mã cơ quan “phong-tu-phap” bị trùng (đã có ở dòng {first + 1})"
    ]


def unknown_agency(copy: ContentCopy) -> list[str]:
    """Section IV names an agency id that co-quan.yaml does not have."""
    plan = yaml.safe_load(copy.text("ke-hoach.yaml"))
    index = [a["co_quan"] for a in plan["to_chuc_thuc_hien"]].index("phong-tu-phap") + 1
    line = copy.replace_once("ke-hoach.yaml", '- co_quan: "phong-tu-phap"', '- co_quan: "phong-tu-phap-cu"')
    return [
        f"{shown(copy, 'ke-hoach.yaml')}:{line}: to_chuc_thuc_hien[{index}].co_quan: "
        "không có cơ quan mã “phong-tu-phap-cu” trong co-quan.yaml"
    ]


def unbalanced_italic(copy: ContentCopy) -> list[str]:
    """One `*` too many in the first opening paragraph."""
    from generator.content.text import check_markup

    plan = yaml.safe_load(copy.text("ke-hoach.yaml"))
    first = plan["mo_dau"][0]
    line = copy.replace_once("ke-hoach.yaml", f'- "{first[:40]}', f'- "*{first[:40]}')
    messages = check_markup("*" + first)
    assert len(messages) == 1
    return [f"{shown(copy, 'ke-hoach.yaml')}:{line}: mo_dau[1]: {messages[0]}"]


def title_ending_in_a_line_break(copy: ContentCopy) -> list[str]:
    """A `|` line-break mark with no line after it, at the end of the letters' subject."""
    line = copy.line_of("cong-van.yaml", "trich_yeu:")
    copy.replace_once("cong-van.yaml", ' năm {nam}"', ' năm {nam} |"')
    return [
        f"{shown(copy, 'cong-van.yaml')}:{line}: trich_yeu: dấu | đánh dấu chỗ xuống dòng trong trích yếu phải "
        "đứng giữa hai đoạn chữ (không ở đầu, ở cuối, không hai dấu liền nhau); muốn in chính dấu | thì gõ \\\\|"
    ]


def unknown_registry_key(copy: ContentCopy) -> list[str]:
    """A typo in an optional key of the first agency in co-quan.yaml."""
    from generator.content.schema import Agency

    registry = yaml.safe_load(copy.text("co-quan.yaml"))
    assert "thuoc_nhom" in registry["co_quan"][0]
    text = copy.text("co-quan.yaml")
    old = next(ln for ln in text.splitlines() if ln.strip().startswith("thuoc_nhom:"))
    line = text.count("\n", 0, text.index(old)) + 1
    copy.path("co-quan.yaml").write_text(
        text.replace(old, old.replace("thuoc_nhom:", "thuoc_nhomm:"), 1), encoding="utf-8"
    )
    return [
        f"{shown(copy, 'co-quan.yaml')}:{line}: co_quan[1].thuoc_nhomm: "
        f"trường không có trong mẫu (gõ nhầm?); có phải “thuoc_nhom”? "
        f"các trường hợp lệ: {', '.join(keys_of(Agency))}"
    ]


# ----------------------------------------------------------------------------- running
@pytest.fixture
def old_output(tmp_path, built) -> Path:
    """An output folder holding an earlier build's plan, dated in the past."""
    folder = tmp_path / "old-output"
    year = folder / str(built.year)
    year.mkdir(parents=True)
    for source in (built.plan_docx, built.plan_pdf):
        (year / source.name).write_bytes(source.read_bytes())
    (year / "ghi-chu.txt").write_text("không được xóa\n", encoding="utf-8")
    for path in [*folder.rglob("*"), folder]:
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return folder


def run_build_cli(copy: ContentCopy, output: Path):
    # In-process: these tests are about the lines the clerk reads and the exit code, which main()
    # returns exactly as the process would; starting Python for each case cost about a second.
    return run_main(["--content", str(copy.content), "--output", str(output), "build"], cwd=copy.base)


def assert_reported(result, expected: list[str], before: dict, output: Path) -> None:
    assert result.returncode == 1, f"exit code {result.returncode}\n{result.stderr}"
    problems = result.stderr_lines[:-1]
    assert sorted(problems) == sorted(expected), "\n".join(result.stderr_lines)
    assert result.stderr_lines[-1] == SUMMARY.format(n=len(expected))
    assert "Traceback" not in result.stderr
    assert snapshot(output) == before, "the output folder changed"


def summary_before_deadline(copy: ContentCopy) -> list[str]:
    """The collecting body's summary due before the units' reports reach it."""
    line = copy.replace_once(
        "ke-hoach.yaml",
        "  han_tong_hop:\n    nam: 2024\n    thang: 12\n    ngay: 25\n",
        "  han_tong_hop:\n    nam: 2024\n    thang: 12\n    ngay: 10\n",
    )
    return [
        f"{shown(copy, 'ke-hoach.yaml')}:{line + 1}: bao_cao.han_tong_hop: "
        "hạn tổng hợp phải sau hạn các đơn vị gửi báo cáo (han_bao_cao)"
    ]


@pytest.mark.parametrize(
    "edit",
    [
        missing_field,
        unknown_key,
        unresolved_indicator,
        duplicate_agency_id,
        unknown_agency,
        unbalanced_italic,
        unknown_registry_key,
        summary_before_deadline,
        title_ending_in_a_line_break,
    ],
    ids=lambda f: f.__name__,
)
def test_bad_content_is_reported_with_file_and_line(content_copy, old_output, edit):
    expected = edit(content_copy)
    before = snapshot(old_output)
    result = run_build_cli(content_copy, old_output)
    assert_reported(result, expected, before, old_output)


def test_syntax_error_is_reported_once_with_file_and_line(content_copy, old_output):
    """One problem at the edited line, and nothing else: no second complaint about the file that
    failed to parse."""
    expected = syntax_error(content_copy)
    before = snapshot(old_output)
    assert_reported(run_build_cli(content_copy, old_output), expected, before, old_output)


INDENT = (
    "dòng này không thẳng hàng với các dòng cùng cấp, hoặc có chữ sau dấu ngoặc kép đóng; kiểm tra thụt lề "
    'và dấu ngoặc kép trong câu (gõ \\" hoặc dùng “ ”)'
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a:\n\tb: 1\n", 2, "có ký tự Tab; thụt lề bằng dấu cách (2 dấu cách mỗi cấp)"),
        ('a: "Số \\* 3"\n', 1, "dấu gạch chéo ngược (\\) giữa hai dấu ngoặc kép phải gõ hai lần (\\\\)"),
        # The quote opened on line 2 is never closed: the parser stops at the end of the file.
        ('a: 1\nb: "chưa đóng\nc: 2\nd: 3\n', 2, "thiếu dấu ngoặc đóng (\" hoặc ') của đoạn bắt đầu ở dòng này"),
        # ... also when later lines have quotes of their own, so that the parser stumbles lines later.
        (
            'a:\n  - "một"\n  - "hai\n  - "ba có \\"ngoặc\\""  # chú thích "x\n  - "bốn"\nb: 1\n',
            3,
            "thiếu dấu ngoặc đóng (\" hoặc ') của đoạn bắt đầu ở dòng này",
        ),
        ("a:\n  b: 1\n c: 2\n", 3, INDENT),
        ('a: "Câu có "ngoặc" giữa"\n', 1, INDENT),
        ('a:\n  - "x"\n  b: 1\n', 3, "danh sách (các dòng bắt đầu bằng dấu -) lẫn một dòng khác cấp; kiểm tra thụt lề"),
        # Reported where the bracket opens, not where the parser gave up.
        ("a: 1\nb: [1, 2\nc: 3\n", 2, "thiếu dấu ] đóng danh sách trong ngoặc vuông mở ở dòng này"),
        (
            'a: 1\nb: "x\\u12g4"\n',
            2,
            "sau \\u phải là đúng 4 chữ số hệ mười sáu (ví dụ \\u00A0); muốn in dấu gạch chéo ngược thì gõ "
            "hai lần (\\\\)",
        ),
        (
            "a: 1\nb: " + "[" * 3000 + "]" * 3000 + "\n",
            None,
            "nội dung lồng nhau quá nhiều cấp (quá nhiều dấu [ hoặc {); kiểm tra dấu ngoặc",
        ),
        ("a: 'nháy đơn chưa đóng\nb: 1\n", 1, "thiếu dấu ngoặc đóng (\" hoặc ') của đoạn bắt đầu ở dòng này"),
        (
            "a: *nghiêng* đầu câu\n",
            1,
            'giá trị bắt đầu bằng dấu * phải đặt giữa hai dấu ngoặc kép, ví dụ "*chữ nghiêng* …"',
        ),
        ("a: @x\n", 1, "có ký tự không được đứng đầu giá trị (như @ hoặc `): đặt giá trị giữa hai dấu ngoặc kép"),
    ],
    ids=[
        "tab",
        "backslash",
        "unclosed-quote",
        "unclosed-quote-mid-file",
        "indent",
        "quote-in-quote",
        "list",
        "bracket",
        "unicode-escape",
        "nesting",
        "single-quote",
        "star",
        "at-sign",
    ],
)
@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_common_syntax_mistakes_are_explained_in_vietnamese(text, line, message, loader, monkeypatch):
    from generator.content import binding

    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML without {loader}")
    monkeypatch.setattr(binding, "_SAFE_LOADER", getattr(yaml, loader))
    problems = []
    assert binding.compose("content/2024/ke-hoach.yaml", text, problems) is None
    if line is None:  # libyaml stops at the bracket 1000 levels deep, the pure parser at the first line
        line = 2 if loader == "CSafeLoader" else 1
    assert [str(p) for p in problems] == [f"content/2024/ke-hoach.yaml:{line}: cú pháp: lỗi cú pháp YAML: {message}"]


def test_problems_in_two_files_are_reported_in_one_run(content_copy, old_output):
    expected = unknown_registry_key(content_copy) + missing_field(content_copy)
    assert {e.split(":")[0] for e in expected} == {
        shown(content_copy, "co-quan.yaml"),
        shown(content_copy, "ke-hoach.yaml"),
    }
    before = snapshot(old_output)
    assert_reported(run_build_cli(content_copy, old_output), expected, before, old_output)


def test_cross_file_problems_in_two_files_are_reported_in_one_run(content_copy, old_output):
    expected = duplicate_agency_id(content_copy) + unresolved_indicator(content_copy)
    before = snapshot(old_output)
    assert_reported(run_build_cli(content_copy, old_output), expected, before, old_output)


def test_bad_content_creates_no_output_folder(content_copy, tmp_path):
    expected = unknown_agency(content_copy)
    output = tmp_path / "new-output"
    assert_reported(run_build_cli(content_copy, output), expected, {}, output)
    assert not output.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["build", "--year", "24"],
            "Lỗi lệnh: tham số --year: năm phải là bốn chữ số, ví dụ 2025 (nhận được «24») (xem: python -m generator build --help)",
        ),
        (
            ["build", "-j", "0"],
            "Lỗi lệnh: tham số -j/--jobs: cần một số nguyên từ 1 trở lên (nhận được «0») (xem: python -m generator build --help)",
        ),
        (["diff", "--from"], "Lỗi lệnh: tham số --from: cần một giá trị (xem: python -m generator diff --help)"),
    ],
)
def test_a_mistyped_command_is_answered_in_vietnamese(tmp_path, args, message):
    output = tmp_path / "output"
    result = run_cli(["--output", str(output), *args], cwd=tmp_path)
    assert (result.returncode, result.stderr_lines) == (2, [message])
    assert not output.exists()


def test_an_unknown_command_is_answered_in_vietnamese(tmp_path):
    # How argparse quotes the choices differs between Python versions; the words around them are ours.
    result = run_cli(["bulid"], cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr_lines
    assert line.startswith("Lỗi lệnh: tham số lệnh: không có lựa chọn ") and "bulid" in line
    assert "(chọn một trong: " in line and line.endswith(") (xem: python -m generator --help)")


@pytest.mark.parametrize("command", [[], ["build"], ["new-year"], ["check"], ["diff"]])
def test_help_is_in_vietnamese(tmp_path, command):
    result = run_cli([*command, "--help"], cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(" ".join(["Cách dùng: generator", *command]))
    assert "tùy chọn:\n  -h, --help" in result.stdout
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in result.stdout
