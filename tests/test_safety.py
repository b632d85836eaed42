"""Issue 12: nothing written or removed outside output/<year>/, no hand edit lost, and a build that
stops on an error leaves the output folder as it was, with a Vietnamese sentence for the clerk.

Most cases start from a copy of a complete build (state file and times kept), plant something in
it (a link, a read-only file, a corrupt state) and build again.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import ROOTS, TEMPLATES, build_root, needs_symlinks, replace_once, run_main, snapshot


# On the tiny commune root: what the engine does with links, locks and hand edits is the same
# for any edition, and each rebuild of the 2024 set's plan and one letter cost seconds.
TINY, YEAR = ROOTS / "xa-mau", 2026
STATE = ".build-state.json"
LETTER = "Cong-an-xa/cong-van-Cong-an-xa.docx"
FORM = "Cong-an-xa/bao-cao-Cong-an-xa.docx"  # its report form, whose tasks table repeats the letter's tasks
EDIT = (
    "Phát hiện, xử lý kịp thời các vụ",
    "Phát hiện, xử lý nghiêm, kịp thời các vụ",
)  # a task of Công an xã only: changes the plan, its letter and its form


def build(content: Path, output: Path, **options):
    from generator.build import Project
    from generator.build import build as run

    return run(Project(content=content, templates=TEMPLATES, output=output), YEAR, **options)


@pytest.fixture(scope="module")
def tiny_built(tmp_path_factory) -> Path:
    """The tiny root built once for this module; returns its output/<year>/."""
    return build_root(tmp_path_factory, TINY, YEAR)


@pytest.fixture
def site(tmp_path, tiny_built) -> Path:
    """tmp_path with content/<year>/ (a copy), output/<year>/ (a copy of a complete build) and
    outside/ (a folder the build must never touch)."""
    shutil.copytree(TINY / str(YEAR), tmp_path / "content" / str(YEAR))
    shutil.copytree(tiny_built, tmp_path / "output" / str(YEAR))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x").write_text("không được xóa\n", encoding="utf-8")
    return tmp_path


def folder(site: Path) -> Path:
    return site / "output" / str(YEAR)


def change_content(site: Path) -> None:
    replace_once(site / "content" / str(YEAR) / "ke-hoach.yaml", *EDIT)


def cli(site: Path, *args: str):
    return run_main(["build", *args], cwd=site, cwd_folders=True)


def as_it_was(folder_snapshot: dict) -> dict:
    """What the clerk can see of a snapshot: every file's bytes and time, every folder (a
    folder's own time changes when a temporary file comes and goes); the state file by its bytes
    (the build may save the same state again)."""
    return {
        path: (entry if entry[0] == "file" and not path.endswith(STATE) else entry[:1] + entry[3:])
        for path, entry in folder_snapshot.items()
    }


def stops(site: Path, *words: str) -> str:
    """The CLI build stops with one Vietnamese line naming `words`; output/ and outside/ untouched."""
    before, outside = snapshot(site / "output"), snapshot(site / "outside")
    result = cli(site)
    assert result.returncode == 1, result.stdout + result.stderr
    [line] = result.stderr_lines
    assert line.startswith("Lỗi: ") and "Traceback" not in result.stderr
    for word in words:
        assert word in line, line
    assert as_it_was(snapshot(site / "output")) == as_it_was(before), "the output folder changed"
    assert snapshot(site / "outside") == outside, "a file outside the output folder changed"
    return line


# ----------------------------------------------------------------------------- links and paths
@needs_symlinks
def test_a_recipient_folder_that_is_a_link_is_not_written_through(site):
    target = folder(site) / "Cong-an-xa"
    shutil.move(target, site / "outside" / "Cong-an-xa")
    target.symlink_to(site / "outside" / "Cong-an-xa", target_is_directory=True)
    change_content(site)
    stops(site, f"output/{YEAR}/Cong-an-xa", "liên kết")


@needs_symlinks
def test_files_of_a_removed_recipient_behind_a_link_are_not_deleted(site):
    key = "Ap-Bau-Ham"
    target = folder(site) / key
    shutil.move(target, site / "outside" / key)
    target.symlink_to(site / "outside" / key, target_is_directory=True)
    units = site / "content" / str(YEAR) / "don-vi.yaml"
    lines = units.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index('      - ma: "ap-bau-ham"\n')  # the unit's two lines: ma, ten
    assert [line.split(":")[0].strip() for line in lines[start : start + 3]] == ["- ma", "ten", "- ma"]
    units.write_text("".join(lines[:start] + lines[start + 2 :]), encoding="utf-8")
    stops(site, f"output/{YEAR}/{key}", "liên kết")
    assert len(list((site / "outside" / key).iterdir())) == 4


@needs_symlinks
def test_a_set_aside_folder_that_is_a_link_is_refused(site):
    (folder(site) / "ban-sua-tay").symlink_to(site / "outside", target_is_directory=True)
    edit_in_word(folder(site) / LETTER)
    change_content(site)
    stops(site, "ban-sua-tay", "liên kết")


@needs_symlinks
def test_a_letter_replaced_by_a_link_is_neither_written_through_nor_copied(site):
    secret = site / "outside" / "bi-mat.docx"
    secret.write_bytes(b"secret bytes")
    (folder(site) / LETTER).unlink()
    (folder(site) / LETTER).symlink_to(secret)
    change_content(site)
    stops(site, LETTER, "liên kết")
    assert not (folder(site) / "ban-sua-tay").exists()


def test_state_paths_outside_the_folder_are_refused_not_removed(site):
    state = json.loads((folder(site) / STATE).read_text(encoding="utf-8"))
    state["files"]["../../outside/x"] = {"fingerprint": "0", "size": 1, "mtime_ns": 1}
    (folder(site) / STATE).write_text(json.dumps(state), encoding="utf-8")
    stops(site, STATE, "../../outside/x", "xóa tệp đó rồi chạy lại")


@pytest.mark.parametrize("planted", ["not json {", '{"files": []}', '"x"'])
def test_a_corrupt_state_file_stops_the_build_with_advice(site, planted):
    output = site / "output" / str(YEAR)
    (output / STATE).write_text(planted, encoding="utf-8")
    stops(site, "bị hỏng", "xóa tệp đó rồi chạy lại")


def test_a_state_file_deleted_as_advised_is_made_again_and_no_file_is_taken_for_an_edit(site):
    """The advice followed (once: `stops` above leaves the folder as it was, whatever was planted):
    the set is made again, and the files that are as the build makes them are not taken for edits."""
    output = site / "output" / str(YEAR)
    (output / STATE).write_text("not json {", encoding="utf-8")
    stops(site, "bị hỏng")
    (output / STATE).unlink()
    result = cli(site)
    assert result.returncode == 0, result.stderr
    assert (output / STATE).is_file()
    assert not (output / "ban-sua-tay").exists()


@needs_symlinks
def test_a_temporary_name_taken_by_a_link_is_not_followed(site, monkeypatch):
    """A link planted at the temporary name: the write fails, nothing is written through it."""
    from generator import files

    monkeypatch.setattr(files.secrets, "token_hex", lambda n: "0" * (2 * n))
    plan = folder(site) / "ke-hoach.docx"
    before = plan.read_bytes()
    (folder(site) / ".tep-tam").mkdir(exist_ok=True)  # the build's temporary files go there
    planted = folder(site) / ".tep-tam" / f".ke-hoach.docx.{os.getpid()}.{'0' * 8}.tmp"
    planted.symlink_to(site / "outside" / "x")
    with pytest.raises(files.GeneratorError):
        files.write_atomic(plan, b"new bytes", root=folder(site))
    assert (site / "outside" / "x").read_text(encoding="utf-8") == "không được xóa\n"
    assert plan.read_bytes() == before and planted.is_symlink()


@pytest.mark.parametrize("where", ["recipient folder", "year folder"])
def test_a_file_where_a_folder_should_be_is_explained(site, where):
    if where == "recipient folder":
        path = folder(site) / "Cong-an-xa"
        shutil.rmtree(path)
        path.write_text("tệp trùng tên thư mục\n", encoding="utf-8")
        change_content(site)
        stops(site, f"output/{YEAR}/Cong-an-xa", "là một tệp")
    else:
        shutil.rmtree(folder(site))
        folder(site).write_text("x\n", encoding="utf-8")
        stops(site, f"output/{YEAR}", "là một tệp")


def test_content_pointing_nowhere_is_explained(tmp_path):
    result = run_main(
        ["--content", str(tmp_path / "khong-co"), "--output", str(tmp_path / "out"), "build"], cwd=tmp_path
    )
    assert (result.returncode, result.stderr_lines) == (
        1,
        ["Lỗi: thư mục khong-co không có; kiểm tra tham số --content (hoặc chạy lệnh trong thư mục của chương trình)"],
    )
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- files that cannot be replaced
def test_a_read_only_document_stops_the_build_before_anything_is_written(site):
    letter = folder(site) / LETTER
    letter.chmod(stat.S_IRUSR | stat.S_IRGRP)
    change_content(site)
    stops(site, LETTER, "chỉ cho đọc")


def test_an_immutable_document_leaves_the_folder_as_it_was(site):
    """chattr +i: the rename would fail half-way; the build puts back what it had replaced."""
    letter = folder(site) / LETTER
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(letter)], capture_output=True, check=False).returncode
    ):
        pytest.skip("no immutable files here (chattr, or a file system without it)")
    try:
        change_content(site)
        stops(site, LETTER, "không có quyền")
    finally:
        subprocess.run(["chattr", "-i", str(letter)], check=True)


def test_a_full_disk_leaves_the_folder_as_it_was(site, monkeypatch):
    """The disk fills up after a few files: they are put back, and the clerk is told why."""
    from generator import files

    real, count = files.os.fdopen, [0]

    def fdopen(descriptor, *args, **kwargs):
        handle = real(descriptor, *args, **kwargs)
        count[0] += 1
        if count[0] > 3 and "w" in (args[0] if args else kwargs.get("mode", "")):
            handle.close()
            raise OSError(errno.ENOSPC, "No space left on device")
        return handle

    change_content(site)
    before = snapshot(site / "output")
    monkeypatch.setattr(files.os, "fdopen", fdopen)
    with pytest.raises(files.GeneratorError, match="ổ đĩa chứa .* đã đầy; xóa bớt tệp"):
        build(site / "content", site / "output", workers=1, force=True)
    monkeypatch.undo()
    assert as_it_was(snapshot(site / "output")) == as_it_was(before)
    # The state put back too: the next build redoes exactly what the change needs.
    report = build(site / "content", site / "output", workers=1)
    assert sorted(p.relative_to(folder(site)).as_posix() for p in report.written) == sorted(
        [LETTER.replace(".docx", ".pdf"), LETTER, FORM.replace(".docx", ".pdf"), FORM, "ke-hoach.docx", "ke-hoach.pdf"]
    )


def test_an_error_while_rendering_replaces_nothing(site, monkeypatch):
    """A writer failing on the 8th of the files to make: the files already replaced are put back (new ones and
    their folder removed), and the state says what it said, so the DOCX and PDF of a document
    never disagree."""
    from generator import render
    from generator.errors import TemplateProblem

    real, count = render.render, [0]

    def failing(task):
        count[0] += 1
        if count[0] == 8:
            raise TemplateProblem("hỏng")
        return real(task)

    change_content(site)
    (folder(site) / LETTER).unlink()  # so that one file is new: undoing removes it
    shutil.rmtree(folder(site) / "Ap-Tan-Lap")  # and one folder: undoing removes it too
    before = snapshot(site / "output")
    monkeypatch.setattr(render, "render", failing)
    with pytest.raises(TemplateProblem):
        build(site / "content", site / "output", workers=1)
    assert count[0] == 8  # of the plan's 2 files, the letter's and the form's 4, the 4 of Ấp Tân Lập
    assert as_it_was(snapshot(site / "output")) == as_it_was(before)
    assert json.loads((folder(site) / STATE).read_text(encoding="utf-8"))["pending"] == {}


# ----------------------------------------------------------------------------- hand edits
def edit_in_word(path: Path) -> bytes:
    document = docx.Document(str(path))
    document.add_paragraph("Dòng cán bộ thêm bằng Word.")
    document.save(str(path))
    return path.read_bytes()


def test_an_edit_that_keeps_size_and_time_is_still_an_edit(site):
    """`cp -p` from another copy, or a sync tool: same size, same time, other bytes."""
    letter = folder(site) / LETTER
    status = letter.stat()
    data = bytearray(letter.read_bytes())
    data[-30] ^= 0xFF  # inside the zip's central directory comment-free tail: same length
    letter.write_bytes(bytes(data))
    os.utime(letter, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert letter.stat().st_size == status.st_size and letter.stat().st_mtime_ns == status.st_mtime_ns
    report = build(site / "content", site / "output")
    assert report.kept_edited == [letter]
    change_content(site)
    report = build(site / "content", site / "output")
    assert [(p, c.relative_to(folder(site)).as_posix()) for p, c in report.set_aside] == [
        (letter, f"ban-sua-tay/{LETTER}")
    ]
    assert (folder(site) / "ban-sua-tay" / LETTER).read_bytes() == bytes(data)


def test_a_file_touched_but_not_changed_is_not_an_edit(site):
    letter = folder(site) / LETTER
    letter.touch()
    report = build(site / "content", site / "output")
    assert (report.kept_edited, report.written) == ([], [])


def test_an_edit_saved_while_the_build_runs_is_copied_aside(site, monkeypatch):
    """The clerk saves the letter in Word after the build decided what to do, before it got there."""
    import generator.build as engine

    real = engine._rendered
    edited: list[bytes] = []

    def rendered(stale, pool):
        for target, data in real(stale, pool):
            if target.relative == LETTER:
                edited.append(edit_in_word(folder(site) / LETTER))
            yield target, data

    change_content(site)
    monkeypatch.setattr(engine, "_rendered", rendered)
    report = build(site / "content", site / "output", workers=1)
    assert [c.relative_to(folder(site)).as_posix() for _, c in report.set_aside] == [f"ban-sua-tay/{LETTER}"]
    assert (folder(site) / "ban-sua-tay" / LETTER).read_bytes() == edited[0]


# ----------------------------------------------------------------------------- the OS's words, in Vietnamese
@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "không có quyền ghi"),
        (errno.EPERM, "không có quyền ghi"),
        (errno.EROFS, "chỉ cho đọc"),
        (errno.ENOSPC, "đã đầy"),
        (errno.ENAMETOOLONG, "quá dài"),
    ],
)
def test_os_errors_are_told_in_vietnamese(tmp_path, code, words):
    from generator.files import os_problem

    message = str(os_problem(OSError(code, os.strerror(code)), tmp_path / "a.docx"))
    assert words in message and "chạy lại" in message


def test_a_read_only_output_mount_is_explained(site, monkeypatch):
    from generator import files

    real = files.os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(path, flags, *args, **kwargs)

    change_content(site)
    before = snapshot(site / "output")
    monkeypatch.setattr(files.os, "open", read_only)
    with pytest.raises(files.GeneratorError, match="chỉ cho đọc; chọn thư mục kết quả"):
        build(site / "content", site / "output", workers=1)
    monkeypatch.undo()
    assert as_it_was(snapshot(site / "output")) == as_it_was(before)
