"""Issue 21: one write engine (generator/engine.py) for the build, `tong-hop` and `diff`.

The engine's own promises on a bare folder (fast), then the two commands that used to write on
their own, on a copy of tests/roots/xa-mau: a file Word holds open is named in Vietnamese and
skipped, then written by the next run; an error part-way puts the folder back; a hand edit is
set aside before it is replaced; the comparison's files are not the build's to remove.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOTS, run_main

from generator import engine
from generator.engine import SET_ASIDE, WriteReport, write_outputs
from generator.errors import GeneratorError
from generator.files import UnsafePath
from generator.state import digest

YEAR = 2026
HELD = "tệp đang mở trong chương trình khác (Word…) hoặc chỉ cho đọc; đóng tệp rồi chạy lại lệnh, lần sau chương trình ghi tiếp"


def hold_open(monkeypatch, held: Path) -> None:
    """Replacing `held` fails as it does on Windows while Word has the file open."""
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if Path(target).absolute() == held:
            raise PermissionError(13, "being used by another process", str(source), 32, str(target))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def outputs(**files: bytes) -> dict[str, tuple[str, bytes]]:
    return {f"{name}.txt": (digest(data), data) for name, data in files.items()}


def write(folder: Path, files: dict[str, tuple[str, bytes]], **options) -> WriteReport:
    report = WriteReport(folder)
    write_outputs(folder, files, report, **options)
    return report


def test_files_are_written_once_and_a_hand_edit_is_kept_then_set_aside(tmp_path):
    folder = tmp_path / "out"
    assert [p.name for p in write(folder, outputs(a=b"A1", b=b"B1")).written] == ["a.txt", "b.txt"]
    assert write(folder, outputs(a=b"A1", b=b"B1")).written == []
    (folder / "a.txt").write_bytes(b"A1 edited by hand")
    kept = write(folder, outputs(a=b"A1", b=b"B1"))
    assert (kept.kept_edited, kept.written) == ([folder / "a.txt"], [])
    replaced = write(folder, outputs(a=b"A2", b=b"B1"))
    assert replaced.set_aside == [(folder / "a.txt", folder / SET_ASIDE / "a.txt")]
    assert (folder / SET_ASIDE / "a.txt").read_bytes() == b"A1 edited by hand"
    assert (folder / "a.txt").read_bytes() == b"A2"


def test_a_file_held_open_is_skipped_and_written_next_time(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    write(folder, outputs(a=b"A1", b=b"B1"), inputs="first")
    with monkeypatch.context() as patch:
        hold_open(patch, folder / "a.txt")
        report = write(folder, outputs(a=b"A2", b=b"B2"), inputs="second")
    assert (report.held_open, report.written) == ([folder / "a.txt"], [folder / "b.txt"])
    assert (folder / "a.txt").read_bytes() == b"A1" and (folder / "b.txt").read_bytes() == b"B2"
    assert list(folder.rglob(".*.tmp")) == []
    again = write(folder, outputs(a=b"A2", b=b"B2"), inputs="second")
    assert (again.written, again.set_aside) == ([folder / "a.txt"], [])
    assert (folder / "a.txt").read_bytes() == b"A2"


def test_an_error_part_way_puts_the_folder_back(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    write(folder, outputs(a=b"A1"))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = engine.write_atomic

    def failing(path, data, **options):
        if path.name == "b.txt":
            raise GeneratorError("đĩa đầy")
        real(path, data, **options)

    monkeypatch.setattr(engine, "write_atomic", failing)
    with pytest.raises(GeneratorError, match="đĩa đầy"):
        write(folder, outputs(a=b"A2", b=b"B2"))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_path_through_a_link_is_refused_before_anything_is_written(tmp_path):
    folder, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder.mkdir()
    try:
        (folder / "sub").symlink_to(elsewhere, target_is_directory=True)
    except OSError:
        pytest.skip("symlinks not allowed")
    with pytest.raises(UnsafePath):
        write(folder, {"a.txt": ("x", b"A"), "sub/b.txt": ("y", b"B")})
    assert not (folder / "a.txt").exists() and list(elsewhere.iterdir()) == []


@pytest.fixture
def site(tmp_path, prebuilt) -> Path:
    """A copy of the tiny commune root and of its build (tests/conftest.py); the working folder
    of the CLI runs."""
    assert sorted(p.name for p in (ROOTS / "xa-mau").iterdir()) == [str(YEAR)]
    return prebuilt("xa-mau", tmp_path)


def lines(result) -> list[str]:
    return result.stdout.splitlines()


def test_tong_hop_names_a_summary_held_open_and_writes_it_next_time(site, monkeypatch):
    folder = site / "output" / str(YEAR) / "tong-hop"
    assert run_main(["tong-hop"], cwd=site, cwd_folders=True).returncode == 0
    summary = folder / "bao-cao-tong-hop.docx"
    before = summary.read_bytes()
    # A unit's short name changes: every output of tong-hop shows it.
    agencies = site / "content" / str(YEAR) / "co-quan.yaml"
    old, new = 'ten_viet_tat: "Công an xã"', 'ten_viet_tat: "CA xã"'
    assert agencies.read_text(encoding="utf-8").count(old) == 1
    agencies.write_text(agencies.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with monkeypatch.context() as patch:
        hold_open(patch, summary)
        result = run_main(["tong-hop"], cwd=site, cwd_folders=True)
    assert result.returncode == 1
    assert f"  chưa ghi được output/{YEAR}/tong-hop/bao-cao-tong-hop.docx: {HELD}" in lines(result)
    assert f"  đã ghi output/{YEAR}/tong-hop/bao-cao-tong-hop.docx" not in lines(result)
    assert summary.read_bytes() == before
    assert "2,CA xã," in (folder / "theo-doi-bao-cao.csv").read_text(encoding="utf-8-sig")
    result = run_main(["tong-hop"], cwd=site, cwd_folders=True)  # Word closed
    assert (result.returncode, lines(result)[0]) == (0, f"  đã ghi output/{YEAR}/tong-hop/bao-cao-tong-hop.docx")
    assert len([line for line in lines(result) if line.startswith("  đã ghi")]) == 1
    assert summary.read_bytes() != before
    with zipfile.ZipFile(summary) as archive:
        assert "CA xã" in archive.read("word/document.xml").decode("utf-8")


def test_diff_sets_a_reviewed_copy_aside_and_its_files_outlive_a_build(site):
    new = YEAR + 1
    assert run_main(["new-year"], cwd=site, cwd_folders=True).returncode == 0
    assert run_main(["diff"], cwd=site, cwd_folders=True).returncode == 0
    folder = site / "output" / str(new)
    review = folder / f"so-sanh-{YEAR}-{new}.docx"
    assert run_main(["build", "-j", "1"], cwd=site, cwd_folders=True).returncode == 0
    assert review.is_file() and (folder / f"so-sanh-{YEAR}-{new}.html").is_file()
    # The approver's notes, saved in Word; then the clerk edits next year's plan and compares again.
    document = docx.Document(str(review))
    document.add_paragraph("Ý kiến của lãnh đạo: đồng ý.")
    document.save(str(review))
    edited = review.read_bytes()
    kept = run_main(["diff"], cwd=site, cwd_folders=True)  # nothing changed: the notes are kept
    assert lines(kept)[0] == f"  giữ nguyên bản sửa tay output/{new}/{review.name} (so sánh không đổi)"
    assert review.read_bytes() == edited
    plan = site / "content" / str(new) / "ke-hoach.yaml"
    task = "Nâng cao nhận thức về bình đẳng giới."
    assert plan.read_text(encoding="utf-8").count(task) == 1
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(task, "Nâng cao nhận thức của người dân."), encoding="utf-8"
    )
    result = run_main(["diff"], cwd=site, cwd_folders=True)
    assert result.returncode == 0, result.stderr
    copy = folder / SET_ASIDE / review.name
    assert lines(result)[0] == (
        f"  output/{new}/{review.name} đã được sửa tay: bản sửa được chép sang output/{new}/{SET_ASIDE}/{review.name}"
    )
    assert copy.read_bytes() == edited
    assert "Ý kiến của lãnh đạo: đồng ý." not in [p.text for p in docx.Document(str(review)).paragraphs]
