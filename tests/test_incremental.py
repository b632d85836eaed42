"""Issue 5: the build is reproducible, incremental, independent of -j, and safe to kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator.errors import GeneratorError
from generator.files import one_build_at_a_time
from generator.state import STATE_FILE

from conftest import CONTENT, ROOTS, TEMPLATES, YEAR, build_root, cli_env, replace_once, run_cli, run_main, snapshot

STATE = ".build-state.json"

# The plan, 30 letters and 29 forms (the HĐND committees, an elected body, get no form), each as DOCX and
# PDF, and the distribution list as CSV and HTML.
PDFS = 1 + 30 + 29
ALL_FILES = 2 * PDFS + 2


def build(content: Path, output: Path, templates: Path = TEMPLATES, year: int | None = None, **options):
    """The build in this process; without `year`, of the one edition the content copy holds."""
    from generator.build import Project
    from generator.build import build as run

    return run(Project(content=content, templates=templates, output=output), year, **options)


def files(folder: Path) -> dict[str, bytes]:
    """Every output file by relative path, without the build's own state file."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != STATE
    }


def mtimes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and p.name != STATE
    }


@pytest.fixture
def edition_2024(tmp_path, built) -> Path:
    """A copy of the content to edit, with a copy of its build (state file and times kept) in tmp_path/output."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT / str(YEAR), content / str(YEAR))
    shutil.copytree(built.output / str(YEAR), tmp_path / "output" / str(YEAR))  # copy2: times are kept
    return content


# The tiny root: what the engine does with a recipient or a template is the same for any edition,
# and each rebuild of the 2024 set's 122 files here cost 5 to 8 s. Its build is copied, not redone.
TINY, TINY_YEAR = ROOTS / "xa-mau", 2026


@pytest.fixture(scope="module")
def tiny_built(tmp_path_factory) -> Path:
    return build_root(tmp_path_factory, TINY, TINY_YEAR)


# The tiny root's plan, 9 letters and 8 forms (its HĐND committee gets no form), each as DOCX and
# PDF, and the distribution list as CSV and HTML.
TINY_PDFS = 1 + 9 + 8
TINY_FILES = 2 * TINY_PDFS + 2
# A task of Công an xã alone: its wording is in the plan, in that body's letter and in the tasks
# table of its report form; no other document shows it.
EDIT = ("Phát hiện, xử lý kịp thời các vụ", "Phát hiện, xử lý nghiêm, kịp thời các vụ")
TASK_KEY = "Cong-an-xa"
LETTER = f"{TASK_KEY}/cong-van-{TASK_KEY}.docx"


def remove_unit(content: Path, ma: str) -> None:
    """One unit's two lines (ma, ten) taken out of don-vi.yaml."""
    units = content / str(TINY_YEAR) / "don-vi.yaml"
    lines = units.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f'      - ma: "{ma}"\n')
    assert lines[start + 1].strip().startswith("ten:") and lines[start + 2].strip().startswith("- ma:")
    units.write_text("".join(lines[:start] + lines[start + 2 :]), encoding="utf-8")


@pytest.fixture
def tiny_edition(tmp_path, tiny_built) -> Path:
    """`edition` on the tiny root: its content to edit, a copy of its build in tmp_path/output."""
    content = tmp_path / "content"
    shutil.copytree(TINY / str(TINY_YEAR), content / str(TINY_YEAR))
    shutil.copytree(tiny_built, tmp_path / "output" / str(TINY_YEAR))  # copy2: times are kept
    return content


@pytest.fixture
def edition(tiny_edition) -> Path:
    """The content copy, with a copy of its build, that the engine cases below edit."""
    return tiny_edition


def test_two_builds_give_identical_bytes(tiny_built, tmp_path):
    """Twice with one worker (tiny_built is built with one: tests/conftest.py, _root_build)."""
    build(TINY, tmp_path, year=TINY_YEAR, workers=1)
    first, second = files(tiny_built), files(tmp_path / str(TINY_YEAR))
    assert len(first) > 20 and any(name.endswith(".pdf") for name in first)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_one_and_two_workers_give_identical_outputs(tiny_built, tmp_path):
    """What the engine hands its workers is the same for any edition: the tiny root's build with
    one worker against one with two."""
    build(TINY, tmp_path, year=TINY_YEAR, workers=2)
    one, two = files(tiny_built), files(tmp_path / str(TINY_YEAR))
    assert len(one) > 20 and one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_the_2024_set_is_every_document_in_both_formats(built):
    assert len(files(built.output / str(YEAR))) == ALL_FILES


def test_rebuild_with_nothing_changed_writes_nothing(edition):
    folder = edition.parent / "output" / str(TINY_YEAR)
    before = mtimes(folder)
    report = build(edition, edition.parent / "output")
    assert report.written == [] and report.removed == []
    assert report.unchanged == len(before)
    assert mtimes(folder) == before


def changed(before: dict[str, int], folder: Path) -> set[str]:
    after = mtimes(folder)
    return {name for name in after if before.get(name) != after[name]}


def build_lines(result) -> list[str]:
    """The build's lines without its closing notices about indicators without wording (tested in test_collect.py)."""
    return [line for line in result.stdout.splitlines() if not line.startswith("Chú ý: ")]


def test_changing_one_agencys_tasks_rebuilds_its_letter_and_the_plan_only(edition):
    folder = edition.parent / "output" / str(TINY_YEAR)
    before = mtimes(folder)
    # A task's wording appears in the plan, in that agency's letter and in the tasks table of its
    # report form; no other document shows it.
    replace_once(edition / str(TINY_YEAR) / "ke-hoach.yaml", *EDIT)
    report = build(edition, edition.parent / "output")
    expected = {
        "ke-hoach.docx",
        "ke-hoach.pdf",
        f"{TASK_KEY}/cong-van-{TASK_KEY}.docx",
        f"{TASK_KEY}/cong-van-{TASK_KEY}.pdf",
        f"{TASK_KEY}/bao-cao-{TASK_KEY}.docx",
        f"{TASK_KEY}/bao-cao-{TASK_KEY}.pdf",
    }
    assert {p.relative_to(folder).as_posix() for p in report.written} == expected
    assert changed(before, folder) == expected


def test_changing_one_agencys_indicators_rebuilds_its_letter_form_and_list(edition_2024):
    edition = edition_2024
    folder = edition.parent / "output" / str(YEAR)
    before = mtimes(folder)
    text = (edition / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8")
    start = text.index('co_quan: "phong-gddt"')
    refs = text.index("chi_tieu: [1, 2]", start)
    (edition / str(YEAR) / "ke-hoach.yaml").write_text(
        text[:refs] + "chi_tieu: [1]" + text[refs + len("chi_tieu: [1, 2]") :], encoding="utf-8"
    )
    build(edition, edition.parent / "output")
    key = "Phong-GD-DT"
    assert changed(before, folder) == {
        f"{key}/cong-van-{key}.docx",
        f"{key}/cong-van-{key}.pdf",
        f"{key}/bao-cao-{key}.docx",
        f"{key}/bao-cao-{key}.pdf",
        "danh-sach-gui.csv",
        "danh-sach-gui.html",
    }


def replace_in_docx(path: Path, old: str, new: str) -> None:
    """An edit of a Word template's text, as Word would save it."""
    with zipfile.ZipFile(path) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                assert data.decode("utf-8").count(old) == 1
                data = data.decode("utf-8").replace(old, new).encode("utf-8")
            archive.writestr(info, data)


@pytest.fixture
def templates(tiny_edition, tmp_path) -> Path:
    """A copy of the templates, already built with (byte-identical to the ones the build used)."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    report = build(tiny_edition, tiny_edition.parent / "output", templates=templates, year=TINY_YEAR)
    assert report.written == []
    return templates


@pytest.mark.parametrize(
    ("template", "old", "new", "rebuilt"),
    [
        # The stylesheet lays out every PDF and nothing else (the HTML list has its own styles).
        ("html/style.css", "color: #000;", "color: #111;", (".pdf",)),
        ("html/danh-sach-gui.html", "<title>", "<title>Danh sách: ", ("danh-sach-gui.html",)),
        # The PDFs take their paragraph styles from the Word template: both formats are remade.
        ("van-ban.docx", "{{ doc.signature.name }}", "{{doc.signature.name}}", (".docx", ".pdf")),
        # The comparison page of `make diff` is not used by the build.
        ("html/so-sanh.html", "<title>", "<title> ", None),
    ],
)
def test_changing_a_template_rebuilds_exactly_the_documents_that_use_it(
    tiny_edition, templates, template, old, new, rebuilt
):
    output = tiny_edition.parent / "output"
    folder = output / str(TINY_YEAR)
    before = mtimes(folder)
    if template.endswith(".docx"):
        replace_in_docx(templates / template, old, new)
    else:
        replace_once(templates / template, old, new)
    report = build(tiny_edition, output, templates=templates, year=TINY_YEAR)
    expected = {name for name in before if rebuilt is not None and name.endswith(rebuilt)}
    assert changed(before, folder) == expected
    assert len(report.written) == len(expected)


def test_a_template_included_by_another_counts_as_used(tmp_path):
    from generator.writers.jinja import template_files

    (tmp_path / "a.html").write_text(
        '{% extends "base.html" %}{% block x %}{% include "part.html" %}{% endblock %}', encoding="utf-8"
    )
    (tmp_path / "base.html").write_text("{% block x %}{% endblock %}", encoding="utf-8")
    (tmp_path / "part.html").write_text("{{ 1 }}", encoding="utf-8")
    (tmp_path / "other.html").write_text("", encoding="utf-8")
    assert template_files(tmp_path, "a.html") == [tmp_path / "a.html", tmp_path / "base.html", tmp_path / "part.html"]
    (tmp_path / "b.html").write_text("{% include name %}", encoding="utf-8")  # a name known only when rendering
    assert template_files(tmp_path, "b.html") == sorted(tmp_path.iterdir())


def test_documents_of_a_removed_recipient_are_removed(edition):
    folder = edition.parent / "output" / str(TINY_YEAR)
    remove_unit(edition, "ap-bau-ham")
    report = build(edition, edition.parent / "output")
    key = "Ap-Bau-Ham"
    assert sorted(p.relative_to(folder).as_posix() for p in report.removed) == sorted(
        f"{key}/{kind}-{key}.{ext}" for kind in ("cong-van", "bao-cao") for ext in ("docx", "pdf")
    )
    assert not (folder / key).exists()


def complete(path: Path) -> bool:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "word/document.xml" in archive.namelist()
    if path.suffix == ".pdf":
        return path.read_bytes().rstrip().endswith(b"%%EOF") and len(PdfReader(str(path)).pages) > 0
    return path.stat().st_size > 0


def recorded(folder: Path) -> int:
    """How many files the build state in `folder` records as made (it is replaced whole, never
    written in place)."""
    try:
        return len(json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))["files"])
    except FileNotFoundError:
        return 0


@pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "killpg"),
    reason="os.killpg and SIGKILL (killing a process group) do not exist on Windows",
)
def test_a_killed_build_leaves_no_partial_file_and_the_next_build_completes(tiny_built, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TINY / str(TINY_YEAR), content / str(TINY_YEAR))
    output = tmp_path / "output"
    folder = output / str(TINY_YEAR)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--content", str(content), "--output", str(output), "build", "-j", "2"],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # Killed once 4 of the tiny root's 18 PDFs are there and its state records some file as made
    # (saved every half second while it writes; killed before that, the next build could keep none):
    # most of its 38 files are still to come.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (len(list(folder.rglob("*.pdf"))) >= 4 and recorded(folder)):
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the whole group, as a closed terminal would
    process.wait()
    written = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert 4 <= len(written) < TINY_FILES, "the build was not killed part-way"
    assert [p.name for p in written if not complete(p)] == []
    report = build(content, output)
    assert report.unchanged > 0 and len(report.written) == TINY_FILES - report.unchanged
    assert [p.name for p in folder.rglob(".*.tmp")] == []
    assert files(folder) == files(tiny_built)


def test_a_second_build_while_one_is_writing_stops_without_touching_the_set(edition, tmp_path):
    folder = tmp_path / "output" / str(TINY_YEAR)
    with one_build_at_a_time(folder):  # as the first build holds it while writing
        before = snapshot(folder)
        result = run_cli(["build", "--force"], cwd=tmp_path, cwd_folders=True)
        assert snapshot(folder) == before
    assert (result.returncode, result.stderr_lines) == (
        1,
        [f"Lỗi: một lần tạo văn bản khác đang ghi vào output/{TINY_YEAR}; đợi lần đó xong rồi chạy lại"],
    )
    assert run_cli(["build"], cwd=tmp_path, cwd_folders=True).returncode == 0  # once it is released


def edit_in_word(path: Path) -> bytes:
    """What a clerk does: open the DOCX, add a line, save it."""
    document = docx.Document(str(path))
    document.add_paragraph("Dòng cán bộ thêm bằng Word.")
    document.save(str(path))
    return path.read_bytes()


def test_a_hand_edited_document_is_kept_while_its_content_is_unchanged(edition, tmp_path):
    folder = tmp_path / "output" / str(TINY_YEAR)
    edited = edit_in_word(folder / LETTER)
    result = run_main(["build"], cwd=tmp_path, cwd_folders=True)
    assert build_lines(result)[:-1] == [
        f"  giữ nguyên bản sửa tay output/{TINY_YEAR}/{LETTER} (nội dung của văn bản này không đổi)"
    ]
    assert build_lines(result)[-1].startswith(f"Xong output/{TINY_YEAR}: ghi 0 tệp, giữ nguyên {TINY_FILES}, xóa 0;")
    assert (folder / LETTER).read_bytes() == edited
    # Said once; after that the set is current again and the quick check passes.
    before = mtimes(folder)
    report = build(edition, tmp_path / "output")
    assert (report.written, report.kept_edited) == ([], [])
    assert mtimes(folder) == before


def test_a_hand_edited_document_is_copied_aside_before_it_is_made_again(edition, tmp_path):
    folder = tmp_path / "output" / str(TINY_YEAR)
    edited = edit_in_word(folder / LETTER)
    replace_once(edition / str(TINY_YEAR) / "ke-hoach.yaml", *EDIT)
    result = run_main(["build"], cwd=tmp_path, cwd_folders=True)
    copy = f"output/{TINY_YEAR}/ban-sua-tay/{LETTER}"
    assert build_lines(result)[:-1] == [
        f"  output/{TINY_YEAR}/{LETTER} đã được sửa tay: bản sửa được chép sang {copy}, văn bản được tạo lại theo nội dung"
    ]
    assert (tmp_path / copy).read_bytes() == edited
    assert "Dòng cán bộ thêm bằng Word." not in [p.text for p in docx.Document(str(folder / LETTER)).paragraphs]
    # The untouched documents that changed are replaced without copies; a second edit gets a new name.
    assert sorted(
        p.relative_to(folder / "ban-sua-tay").as_posix() for p in (folder / "ban-sua-tay").rglob("*") if p.is_file()
    ) == [LETTER]
    edit_in_word(folder / LETTER)
    replace_once(edition / str(TINY_YEAR) / "ke-hoach.yaml", *reversed(EDIT))
    report = build(edition, tmp_path / "output")
    assert [copy.relative_to(folder).as_posix() for _, copy in report.set_aside] == [
        f"ban-sua-tay/{TASK_KEY}/cong-van-{TASK_KEY}-2.docx"
    ]


def test_a_hand_edited_document_of_a_removed_recipient_is_moved_aside(edition, tmp_path):
    folder = tmp_path / "output" / str(TINY_YEAR)
    key = "Ap-Bau-Ham"
    edited = edit_in_word(folder / key / f"bao-cao-{key}.docx")
    remove_unit(edition, "ap-bau-ham")
    report = build(edition, tmp_path / "output")
    assert [(p.relative_to(folder).as_posix(), c.relative_to(folder).as_posix()) for p, c in report.moved_aside] == [
        (f"{key}/bao-cao-{key}.docx", f"ban-sua-tay/{key}/bao-cao-{key}.docx")
    ]
    assert (folder / "ban-sua-tay" / key / f"bao-cao-{key}.docx").read_bytes() == edited
    assert not (folder / key).exists()


class Killed(BaseException):
    """Stands for SIGKILL in an in-process build: what is on disk stays as it is at that moment
    (a BaseException, as KeyboardInterrupt: the build does not take it for an error to undo)."""


def killed_after(monkeypatch, writes: int, *, when=None) -> None:
    """The next build stops after `writes` output files (or as soon as `when()` holds after a
    write), without saving its state any more than a killed build would have."""
    import generator.build as build
    import generator.engine as engine

    real, count = engine.write_atomic, [0]

    def write(path, data, **options):
        if path.name == STATE:
            return real(path, data, **options)
        if when is None and count[0] >= writes:
            raise Killed
        count[0] += 1
        real(path, data, **options)
        if when is not None and when():
            raise Killed

    monkeypatch.setattr(engine, "write_atomic", write)
    monkeypatch.setattr(build, "STATE_SAVE_SECONDS", 1e9)


def test_a_hand_edit_survives_a_build_killed_before_it_got_to_that_file(edition, tmp_path, monkeypatch):
    folder = tmp_path / "output" / str(TINY_YEAR)
    edited = edit_in_word(folder / LETTER)
    replace_once(edition / str(TINY_YEAR) / "ke-hoach.yaml", *EDIT)
    with monkeypatch.context() as patch:
        killed_after(patch, 0)
        with pytest.raises(Killed):
            build(edition, tmp_path / "output", workers=1)
    report = build(edition, tmp_path / "output", workers=1)
    assert [copy.relative_to(folder).as_posix() for _, copy in report.set_aside] == [f"ban-sua-tay/{LETTER}"]
    assert (folder / "ban-sua-tay" / LETTER).read_bytes() == edited


def test_after_a_killed_build_the_next_one_leaves_nothing_pending(edition, tmp_path, monkeypatch):
    folder = tmp_path / "output" / str(TINY_YEAR)
    plan = edition / str(TINY_YEAR) / "ke-hoach.yaml"
    replace_once(plan, *EDIT)
    with monkeypatch.context() as patch:
        killed_after(patch, 0)
        with pytest.raises(Killed):
            build(edition, tmp_path / "output", workers=1)
    replace_once(plan, *reversed(EDIT))  # back as built
    assert build(edition, tmp_path / "output").written == []
    assert json.loads((folder / STATE).read_text(encoding="utf-8"))["pending"] == {}
    # So a later hand edit is an edit again: kept, not overwritten.
    edited = edit_in_word(folder / LETTER)
    assert build(edition, tmp_path / "output").kept_edited == [folder / LETTER]
    assert (folder / LETTER).read_bytes() == edited


def test_files_a_killed_build_wrote_for_a_recipient_since_removed_are_removed(edition, tmp_path, monkeypatch):
    folder = tmp_path / "output" / str(TINY_YEAR)
    communes = edition / str(TINY_YEAR) / "don-vi.yaml"
    original = communes.read_text(encoding="utf-8")
    anchor = '      - ma: "ap-bau-ham"\n'
    assert original.count(anchor) == 1
    communes.write_text(
        original.replace(anchor, '      - ma: "ap-moi"\n        ten: "Ấp Mới"\n' + anchor), encoding="utf-8"
    )
    key = "Ap-Moi"
    news = [folder / key / f"{kind}-{key}.{ext}" for kind in ("cong-van", "bao-cao") for ext in ("docx", "pdf")]
    with monkeypatch.context() as patch:
        killed_after(patch, 0, when=lambda: all(p.exists() for p in news))
        with pytest.raises(Killed):
            build(edition, tmp_path / "output", workers=1)
    assert all(p.exists() for p in news)
    communes.write_text(original, encoding="utf-8")
    report = build(edition, tmp_path / "output")
    assert sorted(report.removed) == sorted(news)
    assert not (folder / key).exists()


def test_a_build_decides_on_the_state_it_finds_once_it_holds_the_folder(edition, tmp_path, monkeypatch):
    """Build B reads the state, then build A (other content) completes before B takes the lock:
    B must redo what A changed, not trust what it read before."""
    import generator.build as engine

    folder = tmp_path / "output" / str(TINY_YEAR)
    built_plan = (folder / "ke-hoach.docx").read_bytes()
    other = tmp_path / "other-content"
    shutil.copytree(edition, other)
    replace_once(other / str(TINY_YEAR) / "ke-hoach.yaml", *EDIT)
    real_targets = engine.targets

    def targets_then_a_other_build(project, edition_model):
        wanted = real_targets(project, edition_model)
        monkeypatch.setattr(engine, "targets", real_targets)
        assert build(other, tmp_path / "output").written  # A
        return wanted

    monkeypatch.setattr(engine, "targets", targets_then_a_other_build)
    (folder / "danh-sach-gui.csv").unlink()  # so that B does not take the quick path
    build(edition, tmp_path / "output", workers=1)  # B, on the content as first built
    assert (folder / "ke-hoach.docx").read_bytes() == built_plan
    assert build(edition, tmp_path / "output").written == []


def test_a_build_killed_with_sigkill_leaves_the_folder_free(edition, tmp_path):
    folder = tmp_path / "output" / str(TINY_YEAR)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--content",
            str(edition),
            "--output",
            str(tmp_path / "output"),
            "build",
            "--force",
            "-j",
            "2",
        ],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    state = folder / STATE
    before = state.stat().st_mtime_ns
    while time.monotonic() - started < 60 and state.stat().st_mtime_ns == before:
        time.sleep(0.01)  # the build has saved its pending list: it holds the lock and its workers run
    time.sleep(0.3)
    process.kill()  # the build only, not its workers
    process.wait()
    deadline = time.monotonic() + 10
    while True:
        try:
            with one_build_at_a_time(folder):
                break
        except GeneratorError:
            assert time.monotonic() < deadline, "workers of the killed build still hold the output folder"
            time.sleep(0.05)
    build(edition, tmp_path / "output")  # and the next build completes the set
    assert len(list(folder.rglob("*.pdf"))) == TINY_PDFS
