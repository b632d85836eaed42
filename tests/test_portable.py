"""Issue 14: the paths Windows takes, tried on Linux. The lock file (and msvcrt's lock, with a
stand-in module), spawned workers, Times New Roman found in a Windows fonts folder, a file held
open by Word, Vietnamese on a code page without it, and `van-ban`, the Makefile's commands."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import GeneratorError
from generator.files import LOCK_FILE, LOCK_VARIABLE, one_build_at_a_time

from conftest import CONTENT, ROOT, ROOTS, TEMPLATES, YEAR, build_root, cli_env, replace_once, run_cli, snapshot

# The lock, the workers and files held open are the engine's, the same for any edition: those
# cases run on a copy of the tiny commune root and of its build (38 files).
TINY, TINY_YEAR = ROOTS / "xa-mau", 2026
BUSY = f"Lỗi: một lần tạo văn bản khác đang ghi vào output/{TINY_YEAR}; đợi lần đó xong rồi chạy lại"


@pytest.fixture(scope="module")
def tiny_built(tmp_path_factory) -> Path:
    return build_root(tmp_path_factory, TINY, TINY_YEAR)


@pytest.fixture
def edition(tmp_path, tiny_built) -> Path:
    """A copy of the content, with a copy of its build in tmp_path/output: the CLI's folders."""
    shutil.copytree(TINY / str(TINY_YEAR), tmp_path / "content" / str(TINY_YEAR))
    shutil.copytree(tiny_built, tmp_path / "output" / str(TINY_YEAR))
    return tmp_path / "content"


def change_the_plan(content: Path) -> None:
    """A word changed in one agency's task: the plan, that agency's letter and its report form (whose
    tasks table repeats the letter's tasks) are stale: 6 files."""
    replace_once(
        content / str(TINY_YEAR) / "ke-hoach.yaml",
        "Phát hiện, xử lý kịp thời các vụ",
        "Phát hiện, xử lý nghiêm, kịp thời các vụ",
    )


# ---------------------------------------------------------------- nothing POSIX-only at import
def test_every_module_imports_and_the_help_shows_without_posix_only_modules():
    """Windows has no fcntl, termios, resource, pwd…: importing them at module level anywhere in
    generator/ made every command, even --help, end in ModuleNotFoundError there."""
    code = """
import importlib, pkgutil, sys
for name in ("fcntl", "termios", "resource", "pwd", "grp", "tty", "pty"):
    sys.modules[name] = None  # import fails, as on Windows
import generator
for module in pkgutil.walk_packages(generator.__path__, "generator."):
    if module.name != "generator.__main__":
        importlib.import_module(module.name)
from generator.cli import main
main(["--help"])
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Cách dùng: generator")


# ---------------------------------------------------------------- the lock file (O_EXCL and a pid)
def test_the_lock_file_keeps_a_second_build_out_and_goes_when_released(edition, tmp_path, monkeypatch):
    monkeypatch.setenv(LOCK_VARIABLE, "file")  # the CLI below inherits it
    folder = tmp_path / "output" / str(TINY_YEAR)
    with one_build_at_a_time(folder):
        assert (folder / LOCK_FILE).read_text(encoding="ascii").split() == [str(os.getpid())]
        before = snapshot(folder)
        result = run_cli(["build", "--force"], cwd=tmp_path, cwd_folders=True)
        assert (result.returncode, result.stderr_lines) == (1, [BUSY])
        assert snapshot(folder) == before
    assert not (folder / LOCK_FILE).exists()
    assert run_cli(["build"], cwd=tmp_path, cwd_folders=True).returncode == 0


def test_a_lock_file_left_by_a_killed_build_is_taken_over(edition, tmp_path, monkeypatch):
    monkeypatch.setenv(LOCK_VARIABLE, "file")
    folder = tmp_path / "output" / str(TINY_YEAR)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a pid no process has any more
    (folder / LOCK_FILE).write_text(f"{gone.pid}\n", encoding="ascii")
    change_the_plan(edition)
    result = run_cli(["build"], cwd=tmp_path, cwd_folders=True)
    assert result.returncode == 0, result.stderr
    assert "ghi 6 tệp" in result.stdout.splitlines()[-1]
    assert not (folder / LOCK_FILE).exists()


def test_a_lock_file_being_written_counts_as_held(tmp_path, monkeypatch):
    monkeypatch.setenv(LOCK_VARIABLE, "file")
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / LOCK_FILE).write_bytes(b"")  # created, its pid not yet written
    with pytest.raises(GeneratorError, match="một lần tạo văn bản khác đang ghi vào"), one_build_at_a_time(folder):
        pass


def test_an_unknown_lock_kind_is_a_vietnamese_error(tmp_path, monkeypatch):
    monkeypatch.setenv(LOCK_VARIABLE, "nfs")
    with (
        pytest.raises(
            GeneratorError,
            match=f"biến môi trường {LOCK_VARIABLE}=nfs không hợp lệ; chọn một trong: flock, msvcrt, file",
        ),
        one_build_at_a_time(tmp_path),
    ):
        pass


@pytest.mark.skipif(
    sys.platform == "win32" or importlib.util.find_spec("fcntl") is None,
    reason="the stand-in for msvcrt locks with fcntl, which Windows lacks (there the real msvcrt is used)",
)
def test_the_msvcrt_lock_with_a_stand_in_for_windows_msvcrt(tmp_path, monkeypatch):
    """msvcrt exists only on Windows: a stand-in whose locking() behaves like it (a second lock of
    the same byte fails with OSError at once) lets the code path run here."""
    import fcntl

    def locking(descriptor, mode, length):
        assert length == 1 and os.lseek(descriptor, 0, os.SEEK_CUR) == 0
        fcntl.flock(descriptor, fcntl.LOCK_UN if mode == msvcrt.LK_UNLCK else fcntl.LOCK_EX | fcntl.LOCK_NB)

    msvcrt = types.SimpleNamespace(LK_NBLCK=2, LK_UNLCK=0, locking=locking)
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setenv(LOCK_VARIABLE, "msvcrt")
    with one_build_at_a_time(tmp_path):
        assert (tmp_path / LOCK_FILE).exists()
        with pytest.raises(GeneratorError, match="một lần tạo văn bản khác đang ghi vào"):
            with one_build_at_a_time(tmp_path):
                pass
    assert not (tmp_path / LOCK_FILE).exists()
    with one_build_at_a_time(tmp_path):  # free again
        pass


# ---------------------------------------------------------------- spawned workers
def parent_marker() -> str | None:
    """Run in a worker: what the test process set on a module before the pool started, if the
    worker shares its memory (fork), or None (spawn: a new interpreter)."""
    import generator.workers

    return getattr(generator.workers, "marker", None)


def weasyprint_imported() -> bool:
    return "weasyprint" in sys.modules


@pytest.mark.parametrize(
    "method",
    [
        "spawn",
        pytest.param(
            "fork",
            marks=pytest.mark.skipif(
                sys.platform == "win32" or not hasattr(os, "fork"), reason="Windows has no fork: workers are spawned"
            ),
        ),
    ],
)
def test_workers_are_started_the_way_asked_and_warm_before_their_first_task(method, monkeypatch):
    import generator.workers as workers

    monkeypatch.setenv(workers.START_METHOD_VARIABLE, method)
    monkeypatch.setattr(workers, "marker", "in the test process", raising=False)
    from generator.writers import pdf

    # Fork: neither the module nor the writer's handle on it inherited from the test process.
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    pdf.weasyprint_and_fonts.cache_clear()
    with workers.WorkerPool(2) as pool:
        assert pool.submit(parent_marker).result() == (None if method == "spawn" else "in the test process")
        assert pool.submit(weasyprint_imported).result()


def test_the_start_method_is_fork_on_linux_and_spawn_where_forced(monkeypatch):
    from generator.workers import START_METHOD_VARIABLE, start_method

    monkeypatch.delenv(START_METHOD_VARIABLE, raising=False)
    assert start_method() == ("fork" if sys.platform == "linux" else "spawn")
    monkeypatch.setenv(START_METHOD_VARIABLE, "spawn")
    assert start_method() == "spawn"
    monkeypatch.setenv(START_METHOD_VARIABLE, "vfork")
    with pytest.raises(GeneratorError, match=f"{START_METHOD_VARIABLE}=vfork không hợp lệ"):
        start_method()


def test_bad_content_ends_the_warming_workers_at_once(tmp_path):
    """The workers start before the content is read: a content error must not wait for them."""
    shutil.copytree(CONTENT / str(YEAR), tmp_path / "content" / str(YEAR))
    replace_once(tmp_path / "content" / str(YEAR) / "ke-hoach.yaml", "van_ban:", "van_ban_sai:")
    env = dict(cli_env(), GENERATOR_START_METHOD="spawn")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--content",
            str(tmp_path / "content"),
            "--output",
            str(tmp_path / "output"),
            "build",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 1 and "chưa tạo hay thay đổi văn bản nào" in done.stderr
    assert not (tmp_path / "output").exists()


# ---------------------------------------------------------------- Times New Roman in a Windows fonts folder
TIMES_FILES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bold-italic": "timesbi.ttf"}


def fake_times_new_roman(folder: Path) -> None:
    """Times New Roman as Windows installs it, made from Liberation Serif (same metrics) renamed:
    a PDF set in it carries the name "Times New Roman" in its embedded font."""
    from fontTools.ttLib import TTFont

    from generator.fonts import _FONTCONFIG_STYLES, _match

    folder.mkdir(parents=True)
    for style, name in TIMES_FILES.items():
        family, path = _match("Liberation Serif" + _FONTCONFIG_STYLES[style])
        assert family == "Liberation Serif"
        font = TTFont(path)
        suffix = {"regular": "", "bold": " Bold", "italic": " Italic", "bold-italic": " Bold Italic"}[style]
        for record in font["name"].names:
            if record.nameID in (1, 16):
                record.string = "Times New Roman"
            elif record.nameID in (4, 18):
                record.string = "Times New Roman" + suffix
            elif record.nameID == 6:
                record.string = "TimesNewRomanPS" + suffix.replace(" ", "-")
        font.save(folder / name)


@pytest.fixture
def fresh_font_discovery():
    """Font discovery starts over (its answers are cached for the process), and again afterwards."""
    from generator import fonts
    from generator.writers import pdf

    caches = [
        fonts._in_folders,
        fonts._regular,
        fonts._found,
        fonts.body_font,
        pdf._stylesheet,
        pdf.weasyprint_and_fonts,
    ]
    for cache in caches:
        cache.cache_clear()
    yield fonts
    for cache in caches:
        cache.cache_clear()


def embedded_font_families(pdf: Path) -> set[str]:
    """The family named inside each font file embedded in a PDF."""
    from fontTools.ttLib import TTFont

    families = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
                "/FontDescriptor"
            ]
            data = descriptor.get_object()["/FontFile2"].get_object().get_data()
            families.add(TTFont(io.BytesIO(data))["name"].getBestFamilyName())
    return families


def plan_pdf(tmp_path: Path) -> Path:
    from generator.build import Project, edition_folder, targets
    from generator.checks import load_edition
    from generator.render import render

    project = Project(CONTENT, TEMPLATES, tmp_path / "unused")
    task = next(
        t.task for t in targets(project, load_edition(edition_folder(project, YEAR))) if t.relative == "ke-hoach.pdf"
    )
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(render(task))
    return path


_IMPORT_COUNTING_PROGRAMS = """
import ctypes.util, subprocess, sys
started = []
class Counting(subprocess.Popen):
    def __init__(self, args, *rest, **options):
        started.append(args)
        super().__init__(args, *rest, **options)
subprocess.Popen = Counting
search = ctypes.util.find_library
from generator.writers.pdf import weasyprint_and_fonts
weasyprint, fonts = weasyprint_and_fonts()
from weasyprint.text import ffi
assert None not in (ffi.gobject, ffi.pango, ffi.harfbuzz, ffi.fontconfig, ffi.pangoft2)
assert ctypes.util.find_library is search
print(len(started))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ctypes.util.find_library runs programs on Linux only")
def test_weasyprint_loads_its_libraries_on_linux_without_running_programs():
    """WeasyPrint's import looked each library's Windows and macOS names up through
    ctypes.util.find_library, which ran ldconfig, gcc and ld some 200 times: a third of the import,
    in every worker. Its Linux names load as they are."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_COUNTING_PROGRAMS], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-1] == "0", result.stdout


def test_a_library_known_by_another_name_is_found_by_the_search(monkeypatch, fresh_font_discovery):
    """Where WeasyPrint's list misses a library's name (an unusual system), the import is tried again
    with ctypes' search, as WeasyPrint does by itself."""
    import contextlib

    from generator.writers import pdf

    @contextlib.contextmanager
    def missing_a_library():
        raise OSError("cannot load library 'libpango-1.0.so.0'")
        yield

    monkeypatch.setattr(pdf, "no_library_search", missing_a_library)
    weasyprint, fonts = pdf.weasyprint_and_fonts()
    assert weasyprint.HTML is not None and fonts is not None


@pytest.mark.parametrize("where", ["Windows/Fonts", "Users/lan/AppData/Local/Microsoft/Windows/Fonts"])
def test_times_new_roman_in_the_windows_fonts_folder_is_used_under_wsl(
    where, tmp_path, monkeypatch, fresh_font_discovery
):
    fonts = fresh_font_discovery
    drive = tmp_path / "mnt-c"
    fake_times_new_roman(drive / where)
    (drive / "Windows" / "Fonts").mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(fonts, "WSL_DRIVE", drive)
    font = fonts.body_font()
    assert (font.family, font.files) == ("Times New Roman", {s: drive / where / n for s, n in TIMES_FILES.items()})
    assert fonts.font_in_use() == "PDF dùng phông Times New Roman"
    assert embedded_font_families(plan_pdf(tmp_path)) == {"Times New Roman"}


def test_a_substitute_only_where_times_new_roman_is_missing(tmp_path, monkeypatch, fresh_font_discovery):
    fonts = fresh_font_discovery
    (tmp_path / "mnt-c" / "Windows" / "Fonts").mkdir(parents=True)  # WSL, without Times New Roman
    monkeypatch.setattr(fonts, "WSL_DRIVE", tmp_path / "mnt-c")
    assert fonts.body_font().family in fonts.SUBSTITUTES
    assert fonts.font_in_use().startswith(
        f"PDF dùng phông {fonts.body_font().family}, cùng kích thước chữ với Times New Roman"
    )
    assert embedded_font_families(plan_pdf(tmp_path)) == {fonts.body_font().family}


def test_windows_fonts_folders_are_the_systems_then_the_users():
    from generator.fonts import font_folders

    environ = {"WINDIR": r"D:\Windows", "LOCALAPPDATA": r"C:\Users\lan\AppData\Local"}
    assert [str(p).replace("\\", "/") for p in font_folders("win32", environ)] == [
        "D:/Windows/Fonts",
        "C:/Users/lan/AppData/Local/Microsoft/Windows/Fonts",
    ]


def test_the_last_line_names_the_font_the_pdfs_carry(edition, tmp_path):
    result = run_cli(["build"], cwd=tmp_path, cwd_folders=True)
    family = embedded_font_families(tmp_path / "output" / str(TINY_YEAR) / "ke-hoach.pdf")
    assert len(family) == 1
    assert re.fullmatch(
        rf"Xong output/{TINY_YEAR}: .* giây\. PDF dùng phông {family.pop()}\b.*\.", result.stdout.splitlines()[-1]
    )


# ---------------------------------------------------------------- a file Word holds open
def hold_open(monkeypatch, held: Path) -> None:
    """Replacing `held` fails as it does on Windows while Word has the file open."""
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if Path(target).absolute() == held:  # os.replace names both files in its errors
            raise PermissionError(
                13,
                "The process cannot access the file because it is being used by another process",
                str(source),
                32,
                str(target),
            )
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_file_held_open_is_left_and_the_next_build_writes_it(edition, tmp_path, monkeypatch, capsys):
    from generator.cli import main

    folder = tmp_path / "output" / str(TINY_YEAR)
    held = folder / "ke-hoach.docx"
    before = held.read_bytes()
    change_the_plan(edition)
    monkeypatch.chdir(tmp_path)
    arguments = ["--content", "content", "--output", "output", "--templates", str(TEMPLATES), "build", "-j", "1"]
    with monkeypatch.context() as patch:
        hold_open(patch, held)
        assert main(arguments) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"  chưa ghi được output/{TINY_YEAR}/ke-hoach.docx: tệp đang mở trong chương trình khác (Word…) "
        "hoặc chỉ cho đọc; đóng tệp rồi chạy lại lệnh, lần sau chương trình ghi tiếp"
    )
    assert lines[-1].startswith(
        f"Chưa xong output/{TINY_YEAR}: ghi 5 tệp, giữ nguyên 32, xóa 0, 1 tệp đang mở chưa ghi được;"
    )
    assert held.read_bytes() == before and list(folder.rglob(".*.tmp")) == []
    assert main(arguments) == 0  # Word closed: this build writes it, and only it
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith(f"Xong output/{TINY_YEAR}: ghi 1 tệp, giữ nguyên 37, xóa 0;")
    )
    assert held.read_bytes() != before


def test_a_file_held_open_then_saved_in_word_is_set_aside_not_lost(edition, tmp_path, monkeypatch):
    import docx

    from generator.build import Project, build

    folder = tmp_path / "output" / str(TINY_YEAR)
    held = folder / "ke-hoach.docx"
    change_the_plan(edition)
    project = Project(edition, TEMPLATES, tmp_path / "output")
    with monkeypatch.context() as patch:
        hold_open(patch, held)
        assert build(project, TINY_YEAR, workers=1).held_open == [held]
    document = docx.Document(str(held))  # the clerk saves what Word showed, with a line added
    document.add_paragraph("Dòng cán bộ thêm bằng Word.")
    document.save(str(held))
    edited = held.read_bytes()
    report = build(project, TINY_YEAR, workers=1)
    assert report.set_aside == [(held, folder / "ban-sua-tay" / "ke-hoach.docx")]
    assert (folder / "ban-sua-tay" / "ke-hoach.docx").read_bytes() == edited


def file_hashes(folder: Path) -> dict[str, str]:
    return {path: entry[3] for path, entry in snapshot(folder).items() if entry[0] == "file"}


def test_a_refused_rename_that_is_not_a_file_held_open_stops_the_build_and_is_undone(edition, tmp_path, monkeypatch):
    """A new file (nothing there to hold open) whose rename is refused: the Vietnamese error, and
    the files already replaced are put back."""
    from generator.build import Project, build

    folder = tmp_path / "output" / str(TINY_YEAR)
    letter = folder / "Cong-an-xa" / "cong-van-Cong-an-xa.pdf"
    letter.unlink()
    change_the_plan(edition)
    before = file_hashes(folder)
    with monkeypatch.context() as patch:
        hold_open(patch, letter)
        with pytest.raises(GeneratorError, match="không có quyền ghi hay xóa .*cong-van-Cong-an-xa.pdf"):
            build(Project(edition, TEMPLATES, tmp_path / "output"), TINY_YEAR, workers=1)
    assert file_hashes(folder) == before


def test_a_build_stopped_after_leaving_a_file_held_open_puts_back_the_others_only(edition, tmp_path, monkeypatch):
    """Undoing does not try to put back the file held open, which was never replaced (and on
    Windows would refuse it): the error that stopped the build is the one raised."""
    from generator import render
    from generator.build import Project, build
    from generator.errors import TemplateProblem

    folder = tmp_path / "output" / str(TINY_YEAR)
    held = folder / "ke-hoach.docx"
    change_the_plan(edition)
    before = file_hashes(folder)
    real, calls, refused = render.render, [0], []

    def failing(task):
        calls[0] += 1
        if calls[0] == 6:  # the last of the 6 stale files
            raise TemplateProblem("hỏng")
        return real(task)

    with monkeypatch.context() as patch:
        hold_open(patch, held)
        holding = os.replace

        def replace(source, target, *args, **kwargs):
            try:
                return holding(source, target, *args, **kwargs)
            except PermissionError:
                refused.append(Path(target))
                raise

        patch.setattr(os, "replace", replace)
        patch.setattr(render, "render", failing)
        with pytest.raises(TemplateProblem):
            build(Project(edition, TEMPLATES, tmp_path / "output"), TINY_YEAR, workers=1)
    assert refused == [held]  # left as held open before the error, and not touched by the undo
    assert file_hashes(folder) == before and list(folder.rglob(".*.tmp")) == []


# ---------------------------------------------------------------- the console
def test_vietnamese_messages_on_a_code_page_without_vietnamese(tmp_path):
    """Windows gives a redirected output its ANSI code page; cp1252 has no ơ."""
    env = dict(cli_env(), PYTHONIOENCODING="cp1252")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(CONTENT), "build", "--year", "1999"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr.decode("utf-8")) == (
        1,
        "Lỗi: không có nội dung năm 1999 (thư mục content/1999)\n",
    )


# ---------------------------------------------------------------- van-ban: the Makefile's commands without make
def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {name for line in re.findall(r"^\.PHONY:(.*)$", text, re.M) for name in line.split()} - {"system"}


def test_van_ban_offers_the_makefiles_commands_and_make_help_lists_them():
    from generator.van_ban import COMMANDS

    assert {c.name for c in COMMANDS} == makefile_targets()
    done = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    listed = re.findall(r"^  make (\S+)", done.stdout, re.M)
    assert (done.returncode, done.stderr, sorted(listed)) == (0, "", sorted(makefile_targets()))
    assert "tạo văn bản (Word và PDF)" in done.stdout


def test_make_echoes_no_command():
    recipes = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith("\t")]
    assert recipes and [line for line in recipes if not line.startswith("\t@")] == []


def test_van_ban_check_is_the_generators_check():
    """On the project's own content (check writes nothing), as the clerk runs it in the project folder."""
    direct = run_cli(["check", "--year", str(YEAR)], cwd=ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "generator.van_ban", "check", f"YEAR={YEAR}"],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (direct.returncode, direct.stdout)
    assert direct.stdout
    wrong = subprocess.run(
        [sys.executable, "-m", "generator.van_ban", "check", "NAM=2024"],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert (wrong.returncode, wrong.stderr) == (
        2,
        "Lỗi lệnh: lệnh check không hiểu «NAM=2024» (lệnh này nhận: YEAR=…, STRICT=…)\n",
    )
