"""Issue 24, the faults around the build: an escaped bar in a title, a content folder that cannot be
written, the build's temporary files, a folder swapped for a link while a build is undone, and
messages that carried the system's English. On the tiny root tests/roots/xa-mau."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest
from conftest import ROOTS, TEMPLATES, needs_symlinks, run_main
from pypdf import PdfReader

YEAR = 2026
ROOT = ROOTS / "xa-mau"


@pytest.fixture
def tree(tmp_path) -> Path:
    """tmp_path with content/ (a copy of the tiny root) and output/."""
    shutil.copytree(ROOT, tmp_path / "content")
    return tmp_path


def build(tree: Path):
    from generator.build import Project, build

    return build(Project(content=tree / "content", templates=TEMPLATES, output=tree / "output"), YEAR)


def edit(tree: Path, name: str, old: str, new: str) -> None:
    path = tree / "content" / str(YEAR) / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_an_escaped_bar_in_a_title_prints_a_bar_and_a_bare_bar_still_breaks(tree):
    edit(tree, "ke-hoach.yaml", 'trich_yeu: "Thực hiện công tác', 'trich_yeu: "Thực hiện A \\\\| B công tác |')
    build(tree)
    plan = tree / "output" / str(YEAR) / "ke-hoach"
    title = [p for p in docx.Document(str(plan.with_suffix(".docx"))).paragraphs if "A | B" in p.text]
    assert len(title) == 1, "the escaped bar is printed as a bar in the plan's title"
    assert title[0]._p.xml.count("<w:br/>") == 1, "the bare bar is still the clerk's line break"
    assert "Thực hiện A | B công tác" in pdf_text(plan.with_suffix(".pdf")).replace("\n", " ")


def test_new_year_into_a_folder_that_cannot_be_written_is_one_sentence(tree):
    content = tree / "content"
    # The folder new-year works in is taken by a file: writing there fails as on a read-only disk.
    blocker = content / f".tao-nam-{YEAR + 1}-{os.getpid()}"
    blocker.write_text("tệp của người khác\n", encoding="utf-8")
    result = run_main(["--content", content, "new-year"], tree)
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: không ghi được") and "Traceback" not in result.stderr
    assert "Not a directory" not in result.stderr, "the reason is said in Vietnamese"
    assert not (content / str(YEAR + 1)).exists()
    assert blocker.read_text(encoding="utf-8") == "tệp của người khác\n"


def test_the_clerks_own_tmp_files_stay_and_a_killed_builds_leftovers_go(tree):
    build(tree)
    folder = tree / "output" / str(YEAR)
    letters = next(p for p in folder.iterdir() if p.is_dir())
    own = [folder / ".ghi-chu.2024.tmp", letters / ".ban nhap.1.tmp", folder / ".ke-hoach.docx.123.abcdef01.tmp"]
    for path in own:
        path.write_text("của cán bộ\n", encoding="utf-8")
    scratch = folder / ".tep-tam"
    scratch.mkdir()
    (scratch / ".ke-hoach.pdf.4242.0123abcd.tmp").write_bytes(b"half a PDF")  # as a killed build leaves it
    edit(tree, "ke-hoach.yaml", 'trich_yeu: "Thực hiện công tác', 'trich_yeu: "Triển khai công tác')
    report = build(tree)
    assert report.written, "the edit was built"
    assert all(path.read_text(encoding="utf-8") == "của cán bộ\n" for path in own)
    assert not scratch.exists(), "the build's own folder of temporary files is emptied and removed"


@needs_symlinks
def test_a_folder_swapped_for_a_link_during_the_undo_is_not_followed(tree, monkeypatch):
    from generator import engine as build_module
    from generator.errors import GeneratorError

    build(tree)
    folder = tree / "output" / str(YEAR)
    outside = tree / "outside"
    outside.mkdir()
    edit(tree, "cong-van.yaml", 'trich_yeu: "Triển khai', 'trich_yeu: "Tổ chức triển khai')
    written: list[Path] = []
    real_write = build_module.write_atomic

    def write_then_fail(path, data, **options):
        real_write(path, data, **options)
        written.append(path)
        if len(written) == 3:  # a hostile process swaps the first file's folder for a link, then the disk fails
            swapped = written[0].parent
            if swapped != folder:
                shutil.move(swapped, tree / "moved-away")
                swapped.symlink_to(outside, target_is_directory=True)
            raise GeneratorError("ổ đĩa đầy (giả lập)")

    monkeypatch.setattr(build_module, "write_atomic", write_then_fail)
    with pytest.raises(GeneratorError, match="giả lập"):
        build(tree)
    assert list(outside.iterdir()) == [], "nothing put back through the link"


def test_a_state_file_that_is_a_link_is_explained_in_vietnamese(tree):
    build(tree)
    state = tree / "output" / str(YEAR) / ".build-state.json"
    if not hasattr(os, "symlink") or os.name == "nt":
        pytest.skip("symbolic links need administrator rights on Windows")
    target = tree / "state-elsewhere.json"
    state.rename(target)
    state.symlink_to(target)
    result = run_main(["--content", tree / "content", "--output", tree / "output", "build"], tree)
    assert result.returncode == 1
    assert "liên kết" in result.stderr and "Errno" not in result.stderr


@pytest.mark.parametrize(("typed", "month"), [("08", 8), ("09", 9), ("011", 11)])
def test_a_month_typed_with_a_leading_zero_is_that_month(tree, typed, month):
    from generator.checks import load_edition

    edit(
        tree,
        "cong-van.yaml",
        "ngay_ban_hanh: {nam: 2026, thang: 3, ngay: 6}",
        f"ngay_ban_hanh: {{nam: 2026, thang: {typed}, ngay: 6}}",
    )
    edition = load_edition(tree / "content" / str(YEAR))
    assert edition.letters.date.month == month


def test_a_lone_surrogate_escape_is_explained_without_the_parsers_english(tree):
    edit(tree, "cong-van.yaml", 'trich_yeu: "Triển khai', 'trich_yeu: "\\uD800 Triển khai')
    result = run_main(["--content", tree / "content", "check"], tree)
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() + result.stdout.splitlines() if "cong-van.yaml:1" in line)
    assert "\\uD800" in line and "invalid" not in line and "escape" not in line


def test_twenty_thousand_problems_fit_one_spreadsheet_cell():
    import csv
    import io

    from generator.checks import load_edition
    from generator.collect.run import TrackingRow, tracking_csv

    edition = load_edition(ROOT / "2026")
    problems = "; ".join(f"bang 2, dòng {n}: “x” không phải một số" for n in range(20_000))
    row = TrackingRow("1", "Phòng A", "Đã báo cáo", "", "", "", "", "", "a.docx", problems)
    cells = list(csv.reader(io.StringIO(tracking_csv([row], edition).decode("utf-8-sig"))))[1]
    assert len(cells[-1]) <= 32_767, "Excel cuts a longer cell without a word"
    assert cells[-1].startswith("bang 2, dòng 0:") and "vấn đề nữa" in cells[-1]
    left = int(cells[-1].rsplit("… và ", 1)[1].split(" ", 1)[0])
    assert cells[-1].count("; ") + left == 20_000, "every problem is either in the cell or counted as left out"


def test_a_folder_made_immutable_leaves_no_temporary_file_behind(tree):
    import subprocess

    build(tree)
    folder = tree / "output" / str(YEAR)
    letters = next(p for p in sorted(folder.iterdir()) if p.is_dir() and any(p.glob("cong-van-*.docx")))
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(letters)], capture_output=True).returncode:
        pytest.skip("no immutable folders here (chattr, or a file system without it)")
    try:
        edit(tree, "cong-van.yaml", 'trich_yeu: "Triển khai', 'trich_yeu: "Tổ chức triển khai')
        report = build(tree)  # its files cannot be replaced: named and skipped, as a file Word holds open
        assert {p.parent for p in report.held_open} == {letters}
    finally:
        subprocess.run(["chattr", "-i", str(letters)], check=True)
    assert not (folder / ".tep-tam").exists(), "no hidden copy left until the next build"
    assert [p.name for p in folder.rglob("*.tmp")] == []
