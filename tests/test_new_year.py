"""`new-year`: content/2025/ drafted from content/2024/ (issue 4)."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from conftest import TEMPLATES, YEAR, listing, quoted_values, run_main, strings, year_count

from generator.commands.new_year import NewEditionInvalid, new_year
from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.errors import EditionExists

OLD, NEW = YEAR, YEAR + 1
PLAN = "ke-hoach.yaml"
LETTERS = "cong-van.yaml"


def signed(work) -> None:
    """Make the copied plan a signed one: number 345, issued 05/11, so that new-year has all to clear."""
    work.replace_once(PLAN, "  so: null  #", "  so: 345  #")
    work.replace_once(
        PLAN, "    ngay: null  # Ngày; để trống (null) khi chưa ký", "    ngay: 5  # Ngày; để trống (null) khi chưa ký"
    )


def test_new_edition_is_a_draft_of_the_new_year_and_keeps_every_comment(work):
    signed(work)
    old_files = {p.name: p.read_bytes() for p in (work.content / str(OLD)).iterdir()}
    old_plan = yaml.safe_load(old_files[PLAN])

    result = new_year(work.content, OLD, NEW)

    assert result.folder == work.content / str(NEW)
    # The old edition is untouched.
    assert {p.name: p.read_bytes() for p in (work.content / str(OLD)).iterdir()} == old_files
    # Every other file is a byte-for-byte copy.
    new_files = {p.name: p.read_bytes() for p in result.folder.iterdir()}
    assert set(new_files) == set(old_files)
    edited = (PLAN, LETTERS)
    assert {n: b for n, b in new_files.items() if n not in edited} == {
        n: b for n, b in old_files.items() if n not in edited
    }
    # cong-van.yaml: the letters' date moves to the new year, its day and month left blank.
    old_letters = old_files[LETTERS].decode("utf-8").splitlines()
    new_letters = new_files[LETTERS].decode("utf-8").splitlines()
    assert [(a.strip(), b.strip()) for a, b in zip(old_letters, new_letters, strict=True) if a != b] == [
        (f"nam: {OLD}", f"nam: {NEW}"),
        ("thang: 11", "thang: null"),
    ]

    # ke-hoach.yaml: only the six structured values changed, each on its own line, comments kept.
    old_lines = old_files[PLAN].decode("utf-8").splitlines(keepends=True)
    new_lines = new_files[PLAN].decode("utf-8").splitlines(keepends=True)
    assert len(new_lines) == len(old_lines)
    changed = {n + 1: (a, b) for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b}
    expected = {
        work.line_of(PLAN, "  so: 345"): ("so: 345", "so: null"),
        work.line_of(PLAN, f"    nam: {OLD}  # Năm ban hành"): (f"nam: {OLD}", f"nam: {NEW}"),
        work.line_of(PLAN, "    thang: 11  # Tháng"): ("thang: 11", "thang: null"),
        work.line_of(PLAN, "    ngay: 5  # Ngày"): ("ngay: 5", "ngay: null"),
    }
    # Both report deadlines (the units' and the summary's) move to the new year.
    deadline_years = {key: old_lines.index(f"  {key}:\n") + 2 for key in ("han_bao_cao", "han_tong_hop")}
    for line in deadline_years.values():
        assert old_lines[line - 1] == f"    nam: {OLD}\n"
        expected[line] = (f"nam: {OLD}", f"nam: {NEW}")
    assert set(changed) == set(expected)
    for line, (old_value, new_value) in expected.items():
        before, after = changed[line]
        assert before.count(old_value) == 1 and after == before.replace(old_value, new_value)
    fields = {
        work.line_of(PLAN, "  so: 345"): ("van_ban.so", "345", "để trống (null)"),
        work.line_of(PLAN, f"    nam: {OLD}  # Năm ban hành"): ("van_ban.ngay_ban_hanh.nam", str(OLD), str(NEW)),
        work.line_of(PLAN, "    thang: 11  # Tháng"): ("van_ban.ngay_ban_hanh.thang", "11", "để trống (null)"),
        work.line_of(PLAN, "    ngay: 5  # Ngày"): ("van_ban.ngay_ban_hanh.ngay", "5", "để trống (null)"),
        **{line: (f"bao_cao.{key}.nam", str(OLD), str(NEW)) for key, line in deadline_years.items()},
    }
    letter_year = next(i for i, line in enumerate(old_letters, start=1) if line.strip() == f"nam: {OLD}")
    assert [str(c) for c in result.changes] == [
        f"content/{NEW}/{PLAN}:{line}: {field}: {old} → {new}" for line, (field, old, new) in sorted(fields.items())
    ] + [
        f"content/{NEW}/{LETTERS}:{letter_year}: ngay_ban_hanh.nam: {OLD} → {NEW}",
        f"content/{NEW}/{LETTERS}:{letter_year + 1}: ngay_ban_hanh.thang: 11 → để trống (null)",
    ]

    # The new edition validates, its dates are in the new year and it is a draft again.
    edition = load_edition(result.folder)
    plan = edition.plan
    assert edition.year == NEW
    assert (plan.document.number, plan.document.date.year, plan.document.date.month, plan.document.date.day) == (
        None,
        NEW,
        None,
        None,
    )
    old_deadline = old_plan["bao_cao"]["han_bao_cao"]
    assert (plan.reporting.deadline.year, plan.reporting.deadline.month, plan.reporting.deadline.day) == (
        NEW,
        old_deadline["thang"],
        old_deadline["ngay"],
    )
    month = old_plan["thang_hanh_dong"]
    assert (
        edition.text("{ngay_bat_dau}/{nam}–{ngay_ket_thuc}/{nam}")
        == f"{month['bat_dau']}/{NEW}–{month['ket_thuc']}/{NEW}"
    )
    document = build_plan(edition)
    assert document.header.place_date.endswith(f"năm {NEW}")
    assert document.header.number_line.startswith("Số:") and "345" not in document.header.number_line
    body = "\n".join(block.text for block in document.blocks)
    assert f"từ ngày {month['bat_dau']} đến ngày {month['ket_thuc']}/{NEW}" in body
    assert document.title.endswith(f"năm {NEW}")


def test_old_year_mentions_listed_are_exactly_those_in_the_text(work):
    result = new_year(work.content, OLD, NEW)

    # Counted twice without the generator: in every value that YAML reads, and line by line.
    by_value = sum(
        year_count(text, OLD)
        for path in result.folder.glob("*.yaml")
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    by_line: Counter = Counter()
    for path in sorted(result.folder.glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for value in quoted_values(line):
                for _ in range(year_count(value, OLD)):
                    by_line[(f"content/{NEW}/{path.name}", number)] += 1
    assert by_value > 0
    assert sum(by_line.values()) == by_value
    assert Counter((m.path, m.line) for m in result.mentions) == by_line

    # One line per mention, in the documented form.
    first_line = work.line_of(PLAN, f"322/KH-UBND ngày 31/10/{OLD}", year=NEW)
    first = [str(m) for m in result.mentions if m.line == first_line]
    assert first[0].startswith(f"content/{NEW}/{PLAN}:{first_line}: mo_dau[1]: còn nhắc năm {OLD}: “")
    assert f"31/10/{OLD}" in first[0] and first[0].endswith("”")
    assert len(first) == year_count(quoted_values(work.text(PLAN, year=NEW).splitlines()[first_line - 1])[0], OLD)


def test_refuses_to_overwrite_an_existing_edition(work):
    work.copy(OLD, as_year=NEW)
    before = {p: p.read_bytes() for p in work.content.rglob("*") if p.is_file()}

    with pytest.raises(EditionExists):
        new_year(work.content, OLD, NEW)
    done = run_main(["new-year", "--from", str(OLD), "--to", str(NEW)], work.base, cwd_folders=True)

    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Lỗi: đã có nội dung năm {NEW} (thư mục content/{NEW}); chương trình không ghi đè. "
        "Muốn tạo lại thì đổi tên hoặc xóa thư mục đó trước."
    ]
    assert {p: p.read_bytes() for p in work.content.rglob("*") if p.is_file()} == before


def test_a_new_edition_that_does_not_validate_leaves_nothing_behind(work):
    # 29 February exists in 2024, not in 2025: the drafted edition cannot validate.
    line = work.replace_once(
        PLAN, f"    nam: {OLD}\n    thang: 12\n    ngay: 20\n", f"    nam: {OLD}\n    thang: 2\n    ngay: 29\n"
    )
    work.replace_once(PLAN, "    thang: 11  # Tháng\n", "    thang: 1  # Tháng\n")  # issued before that deadline
    load_edition(work.content / str(OLD))
    before = listing(work.content)

    with pytest.raises(NewEditionInvalid) as raised:
        new_year(work.content, OLD, NEW)

    assert [str(p) for p in raised.value.problems] == [
        f"content/{NEW}/{PLAN}:{line + 2}: bao_cao.han_bao_cao.ngay: ngày 29 không có trong tháng 2/{NEW}"
    ]
    assert listing(work.content) == before  # no content/2025, no temporary folder


def test_cli_defaults_to_the_year_after_the_newest_and_prints_each_mention(work):
    done = run_main(["new-year"], work.base, cwd_folders=True)

    assert done.returncode == 0, done.stderr
    assert (work.content / str(NEW) / PLAN).is_file()
    lines = done.stdout.splitlines()
    assert lines[0] == f"Đã tạo content/{NEW} từ content/{OLD} (nội dung năm {OLD} giữ nguyên)."
    mentions = [line for line in lines if f": còn nhắc năm {OLD}: “" in line]
    expected = sum(
        year_count(value, OLD)
        for path in (work.content / str(NEW)).glob("*.yaml")
        for value in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    assert len(mentions) == expected
    assert all(line.startswith(f"content/{NEW}/") for line in mentions)
    assert f"Năm của kế hoạch ({{nam}}) và ngày của Tháng hành động tự theo năm {NEW}." in lines
    assert lines[-1] == f"Còn {expected} chỗ nhắc năm {OLD} cần xem lại. Sửa xong, kiểm tra bằng: make check YEAR={NEW}"


def test_the_new_edition_builds(work, monkeypatch):
    from pypdf import PdfReader

    import generator.build
    from generator.build import Project, build

    new_year(work.content, OLD, NEW)
    # The whole new edition is loaded and validated; only the plan, the one document read below,
    # is rendered (the 120 others cost about 20 s and are not looked at).
    every_target = generator.build.targets
    monkeypatch.setattr(
        generator.build,
        "targets",
        lambda *a: [t for t in every_target(*a) if t.relative in ("ke-hoach.docx", "ke-hoach.pdf")],
    )
    build(Project(content=work.content, templates=TEMPLATES, output=work.output), NEW)

    plan_pdf = work.output / str(NEW) / "ke-hoach.pdf"
    assert (work.output / str(NEW) / "ke-hoach.docx").stat().st_size > 0
    text = " ".join(page.extract_text() for page in PdfReader(str(plan_pdf)).pages)
    text = " ".join(text.split())
    assert f"năm {NEW}" in text and f"15/12/{NEW}" in text
    # The old year is left only where the text typed it (other documents' dates), never where {nam} stood.
    typed = sum(year_count(value, OLD) for value in strings(yaml.safe_load(work.text(PLAN, year=NEW))))
    assert year_count(text, OLD) == typed


@pytest.fixture
def root_copy(tmp_path):
    """A copy of a tiny content tree of tests/roots, by name."""
    import shutil

    from conftest import ROOTS

    def copy(name: str):
        folder = tmp_path / name
        shutil.copytree(ROOTS / name, folder)
        return folder

    return copy


def test_numbered_letters_are_emptied_on_the_key_line_and_the_next_key_stays(root_copy):
    """Issue 19: a block list of letter numbers (as the README shows) became `so:` + `  []next_key`."""
    content = root_copy("xa-mau")
    old = (content / "2026" / LETTERS).read_text(encoding="utf-8")
    # A comment on the list's own line and one after it: both belong to the file, not to the numbers.
    old = old.replace("so:\n", "so:  # Số đã vào sổ\n", 1)
    old = old.replace("\nnoi_dung_bao_cao:", "\n# Hết danh sách số.\nnoi_dung_bao_cao:", 1)
    (content / "2026" / LETTERS).write_text(old, encoding="utf-8")

    result = new_year(content, 2026, 2027)

    new = (result.folder / LETTERS).read_text(encoding="utf-8")
    assert "so: []  # Số đã vào sổ\n# Hết danh sách số.\nnoi_dung_bao_cao:" in new
    assert yaml.safe_load(new)["so"] == []
    assert "noi_nhan:" not in new  # no number of the old register is carried over
    # Everything after the list is as it was; before it, only the letters' date changed.
    assert new.endswith(old.split("# Hết danh sách số.", 1)[1])
    before_old, before_new = old.split("so:  #", 1)[0].splitlines(), new.split("so: []", 1)[0].splitlines()
    assert [(a, b) for a, b in zip(before_old, before_new, strict=True) if a != b] == [
        ("ngay_ban_hanh: {nam: 2026, thang: 3, ngay: 6}", "ngay_ban_hanh: {nam: 2027, thang: null, ngay: null}")
    ]
    change = next(c for c in result.changes if c.field == "so")
    assert (change.line, change.new) == (new[: new.index("so: []")].count("\n") + 1, "[]")
    load_edition(result.folder)


def test_a_flow_list_of_numbers_is_emptied_too(root_copy):
    content = root_copy("xa-mau")
    path = content / "2026" / LETTERS
    numbers = yaml.safe_load(path.read_text(encoding="utf-8"))["so"]
    flow = "so: [" + ", ".join(f'{{noi_nhan: "{n["noi_nhan"]}", so: {n["so"]}}}' for n in numbers) + "]\n"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("so:\n"), text.index("noi_dung_bao_cao:")
    path.write_text(text[:start] + flow + text[end:], encoding="utf-8")

    result = new_year(content, 2026, 2027)

    assert yaml.safe_load((result.folder / LETTERS).read_text(encoding="utf-8"))["so"] == []


def test_a_multi_year_plan_moves_its_period_and_every_reporting_period(root_copy):
    content = root_copy("tinh-mau")
    old = yaml.safe_load((content / "2026" / PLAN).read_text(encoding="utf-8"))

    result = new_year(content, 2026)  # by default, the year after the plan's period (2026–2030)

    assert result.folder.name == "2031"
    new = yaml.safe_load((result.folder / PLAN).read_text(encoding="utf-8"))
    assert (new["van_ban"]["tu_nam"], new["van_ban"]["den_nam"]) == (2031, 2035)
    assert [p["han"]["nam"] for p in new["bao_cao"]["ky_bao_cao"]] == [
        p["han"]["nam"] + 5 for p in old["bao_cao"]["ky_bao_cao"]
    ]
    assert [p["ten"] for p in new["bao_cao"]["ky_bao_cao"]] == [p["ten"] for p in old["bao_cao"]["ky_bao_cao"]]
    # The periods' names are text: listed for the clerk, not changed.
    assert any(m.field == "bao_cao.ky_bao_cao[1].ten" and m.year == 2026 for m in result.mentions)
    load_edition(result.folder)


@pytest.mark.parametrize("example", ["ubnd-xa", "ubnd-tinh"])
def test_each_example_drafts_its_next_edition(example, tmp_path):
    """Both examples number their letters: new-year then check passes on each (issue 19)."""
    import shutil

    from conftest import ROOT

    content = tmp_path / example
    shutil.copytree(ROOT / "examples" / example, content)
    result = new_year(content)
    edition = load_edition(result.folder)
    assert edition.letters is not None
    # The province's five-year plan has no Tháng hành động: new-year does not speak of one.
    assert result.action_month == (example == "ubnd-xa") == (edition.plan.action_month is not None)
    assert yaml.safe_load((result.folder / LETTERS).read_text(encoding="utf-8"))["so"] == []
