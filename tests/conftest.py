"""Shared fixtures and helpers: one build of the real content per session, content copies, the CLI,
LibreOffice, and readings of the YAML that do not go through the generator."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
SEED = TESTS / "data" / "seed-2024.txt"
ROOTS = TESTS / "roots"  # tiny content trees for engine tests, as Sphinx's testroots
SOFFICE_DEFAULT = "/usr/bin/soffice"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from this build (`make golden`) instead of comparing with it",
    )
    parser.addoption(
        "--lay-out-afresh",
        action="store_true",
        help="let WeasyPrint lay out every PDF, even one whose HTML an earlier test laid out already",
    )


# The edition under test: the one tests/data/seed-2024.txt transcribes. Built explicitly by year,
# so that other editions in content/ (a new year being prepared) do not change what is tested.
YEAR = 2024


@dataclass(frozen=True)
class Built:
    """One build: its output folder, the paths build() returned, and the plan's two files."""

    output: Path
    year: int
    written: tuple[Path, ...]

    @property
    def plan_docx(self) -> Path:
        return self._plan(".docx")

    @property
    def plan_pdf(self) -> Path:
        return self._plan(".pdf")

    def _plan(self, suffix: str) -> Path:
        """ke-hoach.*, or quyet-dinh.* where a Quyết định issues the plan with the plan attached."""
        folder = self.output / str(self.year)
        decision = folder / f"quyet-dinh{suffix}"
        return decision if decision.exists() else folder / f"ke-hoach{suffix}"


def run_build(content: Path, output: Path, year: int = YEAR) -> Built:
    from generator.build import Project, build

    result = build(Project(content=content, templates=TEMPLATES, output=output), year=year)
    # build() returns the written paths, or a report listing them in `written`.
    written = getattr(result, "written", result)
    built = Built(output=output, year=year, written=tuple(Path(p) for p in written))
    for path in (built.plan_docx, built.plan_pdf):
        assert path in built.written, f"build() did not report writing {path}"
        assert path.is_file() and path.stat().st_size > 0, f"{path} missing or empty"
    return built


# tests/roots/<name> → a folder holding content/ (its copy) and output/ (its build): each root is
# built once per test process, then copied for each caller, who owns the copy.
_ROOT_BUILDS: dict[str, Path] = {}


def _root_build(tmp_path_factory, name: str) -> Path:
    from generator.build import Project, build

    if name not in _ROOT_BUILDS:
        source = tmp_path_factory.mktemp(f"prebuilt-{name}")
        shutil.copytree(ROOTS / name, source / "content")
        build(Project(content=source / "content", templates=TEMPLATES, output=source / "output"), workers=1)
        _ROOT_BUILDS[name] = source
    return _ROOT_BUILDS[name]


def build_root(tmp_path_factory, root: Path, year: int) -> Path:
    """A content tree built into a fresh folder; returns output/<year>/. A root of tests/roots as
    it stands is built once per test process and its build copied (times kept, so a later build
    there sees its own files: the same bytes, the same state)."""
    from generator.build import Project, build

    output = tmp_path_factory.mktemp(root.name)
    if root.parent == ROOTS:
        shutil.copytree(_root_build(tmp_path_factory, root.name) / "output", output, dirs_exist_ok=True)
    else:
        build(Project(content=root, templates=TEMPLATES, output=output), year=year)
    return output / str(year)


def build_root_copy(tmp_path_factory, root: Path, year: int):
    """A copy of one edition of tests/roots, built once: a test may then add to its content
    (returned forms in bao-cao-nhan/). Returns the Project. A root holding that edition alone is
    built once per test process (_root_build) and copied."""
    from generator.build import Project, build

    content = tmp_path_factory.mktemp("content")
    output = tmp_path_factory.mktemp("output")
    if root.parent == ROOTS and [p.name for p in root.iterdir()] == [str(year)]:
        source = _root_build(tmp_path_factory, root.name)
        shutil.copytree(source / "content", content, dirs_exist_ok=True)
        shutil.copytree(source / "output", output, dirs_exist_ok=True)
        return Project(content=content, templates=TEMPLATES, output=output)
    shutil.copytree(root / str(year), content / str(year))
    project = Project(content=content, templates=TEMPLATES, output=output)
    build(project, year=year)
    return project


@pytest.fixture(scope="session")
def prebuilt(tmp_path_factory):
    """`prebuilt(name, base)`: base/content/ holding a copy of tests/roots/<name>/ and base/output/
    its build, as `build` on base would leave them; built once per test process (_root_build),
    copied for each test, which then owns its copy. Returns base."""

    def copy(name: str, base: Path) -> Path:
        shutil.copytree(_root_build(tmp_path_factory, name), base, symlinks=True, dirs_exist_ok=True)
        return base

    return copy


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id) -> Built:
    """The real content built once for the whole session: under pytest-xdist (`-n 2`), once for
    all its workers, by the first that asks, into their common temporary folder; the others wait
    for it and read what it wrote (a second build there would write nothing and report so)."""
    if worker_id == "master":  # no xdist, or xdist off (-n 0)
        return run_build(CONTENT, tmp_path_factory.mktemp("output"))
    import json

    # The lock file made with O_EXCL, the same on every system (fcntl is missing on Windows and
    # under tests/posix_disabled.py); it lives in this run's own temporary folder, so none is stale.
    from filelock import SoftFileLock

    shared = tmp_path_factory.getbasetemp().parent
    output, done = shared / "session-build", shared / "session-build.json"
    with SoftFileLock(str(shared / "session-build.lock")):
        if not done.is_file():
            first = run_build(CONTENT, output)
            done.write_text(json.dumps([str(p) for p in first.written]), encoding="utf-8")
    return Built(output=output, year=YEAR, written=tuple(Path(p) for p in json.loads(done.read_text("utf-8"))))


@pytest.fixture(scope="session", autouse=True)
def builds_render_in_the_test_process():
    """A build started by a test renders its files in the test's own process unless the test asks
    for workers: `make test` runs two test processes on two cores already, and a pool of two more
    per build only added forks, copies of every document to them and contention (364 → 278
    CPU-seconds for the suite). The pool's own behaviour is tested on its own (test_portable,
    test_incremental), and every CLI subprocess and preview server still starts one, as the
    clerk's build does. `make test-portable` keeps a pool for every build: there the workers are
    spawned, as on Windows, and that path is what it is for."""
    import generator.build
    from generator.workers import START_METHOD_VARIABLE

    if os.environ.get(START_METHOD_VARIABLE):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generator.build, "usable_cores", lambda: 1)
        yield


class RunStore:
    """Files kept by name for the whole test run, in the temporary folder both test processes
    share (a process of its own without xdist): the same work, done once."""

    def __init__(self, tmp_path_factory, worker_id: str, name: str):
        base = tmp_path_factory.getbasetemp()
        self.folder = (base if worker_id == "master" else base.parent) / name
        self.folder.mkdir(exist_ok=True)

    def get(self, name: str) -> bytes | None:
        path = self.folder / name
        return path.read_bytes() if path.is_file() else None

    def put(self, name: str, data: bytes) -> None:
        from generator.files import write_atomic

        write_atomic(self.folder / name, data)  # another process may put the same name at the same time


@pytest.fixture(scope="session", autouse=True)
def pdf_text_read_once(tmp_path_factory, worker_id):
    """What nd30 reads off a PDF's pages, kept for the run by the file's digest (nd30.FRAGMENT_STORE):
    pypdf's text extraction was an eighth of the suite's time, much of it on PDFs another test
    process, or a copy of the same build, had read already."""
    import nd30

    nd30.FRAGMENT_STORE = RunStore(tmp_path_factory, worker_id, "pdf-text")
    yield
    nd30.FRAGMENT_STORE = None


@pytest.fixture(scope="session", autouse=True)
def laid_out_once(tmp_path_factory, worker_id, request):
    """Many tests build a copy of the same root, so WeasyPrint would lay out the same HTML again
    and again: about 40 % of its time in a run. A PDF is laid out once per session for each HTML,
    stylesheet, folder and number (its bytes are a function of those in a process, where the
    fonts are loaded once) and the bytes reused, by every xdist worker and by the build workers
    forked from them; a CLI subprocess or a spawned worker lays out its own. Only what is handed
    to WeasyPrint is cached: the HTML and the stylesheet are made afresh by each build, from its
    own content, templates and code. `--lay-out-afresh` turns this off."""
    if request.config.getoption("--lay-out-afresh"):
        yield
        return
    from generator.writers import pdf

    store = RunStore(tmp_path_factory, worker_id, "laid-out")
    lay_out = pdf.pdf_from_html

    def once(html: str, css: str, *, html_folder: Path, reference: str | None, source: Path) -> bytes:
        key = "\0".join((html, css, str(html_folder), str(reference), str(pdf.PDF_VARIANT)))
        name = hashlib.sha256(key.encode("utf-8")).hexdigest() + ".pdf"
        data = store.get(name)
        if data is None:
            data = lay_out(html, css, html_folder=html_folder, reference=reference, source=source)
            store.put(name, data)
        return data

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "pdf_from_html", once)
        yield


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """pytest-xdist's name of this worker ("gw0", …), "master" without it; xdist's own fixture
    of that name replaces this one where it is installed."""
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


@pytest.fixture(scope="session")
def plan_docx(built):
    import docx

    return docx.Document(str(built.plan_docx))


@pytest.fixture(scope="session")
def plan_pdf(built):
    from pypdf import PdfReader

    return PdfReader(str(built.plan_pdf))


# ----------------------------------------------------------------------------- content as data
PLACEHOLDERS = ("nam", "dia_danh", "ngay_bat_dau", "ngay_ket_thuc")


@pytest.fixture(scope="session")
def plan_content() -> dict:
    """ke-hoach.yaml of the newest edition, read independently of the generator."""
    import yaml

    return yaml.safe_load((CONTENT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def issuer_content() -> dict:
    """co-quan-ban-hanh.yaml (the issuer) of the edition under test, read independently of the generator."""
    import yaml

    return yaml.safe_load((CONTENT / str(YEAR) / "co-quan-ban-hanh.yaml").read_text(encoding="utf-8"))


def signature_lines(plan_content: dict, issuer_content: dict) -> list[str]:
    """The signature block's lines above the name, as the README documents nguoi_ky."""
    signer = plan_content["nguoi_ky"]
    titles = signer["chuc_vu"] if isinstance(signer["chuc_vu"], list) else [signer["chuc_vu"]]
    authority = [issuer_content["tham_quyen"]] if signer.get("thay_mat", True) else []
    return [line.upper() for line in authority + titles]


@pytest.fixture(scope="session")
def fill(plan_content):
    """Fill the content placeholders ({nam}, {dia_danh}, …) the way the README documents them."""
    import yaml

    meta = plan_content["van_ban"]
    issuer = yaml.safe_load((CONTENT / str(YEAR) / "co-quan-ban-hanh.yaml").read_text(encoding="utf-8"))
    values = {
        "nam": str(meta["ngay_ban_hanh"]["nam"]),
        "dia_danh": issuer["dia_danh"],
        "ngay_bat_dau": plan_content["thang_hanh_dong"]["bat_dau"],
        "ngay_ket_thuc": plan_content["thang_hanh_dong"]["ket_thuc"],
    }

    def filled(text: str) -> str:
        for name in PLACEHOLDERS:
            text = text.replace("{" + name + "}", values[name])
        return text

    return filled


# ----------------------------------------------------------------------------- editing a content copy
def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the single occurrence of `old` in a file; return the 1-based line where it started."""
    text = path.read_text(encoding="utf-8")
    count = text.count(old)
    assert count == 1, f"{path.name}: expected {old!r} exactly once, found {count}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, start) + 1


class ContentCopy:
    """A working folder `base` with copies of editions under base/content/<year>/ (output goes to
    base/output/), and edits that report their line. Created with a copy of content/<year>/; more
    editions with copy(). `year` is the edition that path(), text(), … address unless given year=."""

    def __init__(self, base: Path, year: int = YEAR, source: Path = CONTENT):
        self.source = source  # the content tree the editions are copied from
        self.base = base  # run the CLI with this as working folder
        self.content = base / "content"
        self.output = base / "output"
        self.year = year
        self.copy(year)

    @property
    def folder(self) -> Path:
        return self.content / str(self.year)

    def copy(self, year: int = YEAR, as_year: int | None = None) -> Path:
        """Copy <source>/<year>/ to base/content/<as_year or year>/."""
        target = self.content / str(as_year or year)
        shutil.copytree(self.source / str(year), target)
        return target

    def path(self, name: str, *, year: int | None = None) -> Path:
        return self.content / str(self.year if year is None else year) / name

    def text(self, name: str, *, year: int | None = None) -> str:
        return self.path(name, year=year).read_text(encoding="utf-8")

    def replace_once(self, name: str, old: str, new: str, *, year: int | None = None) -> int:
        """Replace the single occurrence of `old`; return the 1-based line where it started."""
        return replace_once(self.path(name, year=year), old, new)

    def line_of(self, name: str, fragment: str, *, year: int | None = None) -> int:
        """The one non-comment line that contains `fragment`."""
        lines = [
            i
            for i, line in enumerate(self.text(name, year=year).splitlines(), start=1)
            if fragment in line and not line.lstrip().startswith("#")
        ]
        assert len(lines) == 1, f"{name}: {fragment!r} on lines {lines}, expected exactly one"
        return lines[0]


@pytest.fixture
def content_copy(tmp_path) -> ContentCopy:
    return ContentCopy(tmp_path / "work")


@pytest.fixture
def work(content_copy, monkeypatch) -> ContentCopy:
    """content_copy with its folder as the working folder, so that paths print as content/<year>/…
    exactly as the clerk sees them."""
    monkeypatch.chdir(content_copy.base)
    return content_copy


def listing(folder: Path) -> list[str]:
    """Every path under `folder`, hidden ones included, as relative strings."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ----------------------------------------------------------------------------- reading YAML without the generator
def quoted_values(line: str) -> list[str]:
    """The double-quoted strings of one YAML line, before its comment (content values are always
    written "…" on one line). Escapes are kept as typed; years are digits, so it does not matter."""
    values, current, quoted, escaped = [], [], False, False
    for char in line:
        if quoted:
            if escaped:
                current.append(char)
                escaped = False
            elif char == "\\":
                current.append(char)
                escaped = True
            elif char == '"':
                values.append("".join(current))
                current, quoted = [], False
            else:
                current.append(char)
        elif char == '"':
            quoted = True
        elif char == "#":
            break
    return values


def strings(value) -> list[str]:
    """Every string in a safe-loaded YAML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def year_count(text: str, year: int) -> int:
    return len(re.findall(rf"(?<!\d){year}(?!\d)", text))


# ----------------------------------------------------------------------------- the CLI
@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def cli_env() -> dict[str, str]:
    """The environment the CLI runs in: the project importable, UTF-8 output."""
    return dict(
        os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), PYTHONIOENCODING="utf-8"
    )


def run_cli(args: list[str], cwd: Path, *, cwd_folders: bool = False, timeout: float = 300) -> CliResult:
    """`python -m generator <args>` in `cwd`. With cwd_folders=True, on cwd/content and cwd/output
    (and the project's templates): never on the project's own content/ and output/."""
    if cwd_folders:
        args = [
            "--content",
            str(cwd / "content"),
            "--output",
            str(cwd / "output"),
            "--templates",
            str(TEMPLATES),
            *args,
        ]
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def run_main(args: list[str], cwd: Path, *, cwd_folders: bool = False) -> CliResult:
    """The CLI's main() in this process, with `cwd` as working folder: the same exit code and the
    same lines as `run_cli`, without starting Python and importing the generator again (about a
    second a call). For tests about what the clerk is told; a test about the process itself (its
    encoding, a signal, the console script) keeps run_cli."""
    import contextlib
    import io
    import signal

    from generator.cli import main

    if cwd_folders:
        args = ["--content", cwd / "content", "--output", cwd / "output", "--templates", TEMPLATES, *args]
    out, err = io.StringIO(), io.StringIO()
    handler = signal.getsignal(signal.SIGTERM)
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as stop:  # argparse refusing the arguments
                code = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(previous)
        signal.signal(signal.SIGTERM, handler)
    return CliResult(code, out.getvalue(), err.getvalue())


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder`: kind, size, mtime (ns) and content hash of files."""
    if not folder.exists():
        return {}
    entries = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        if path.is_file():
            entries[str(path.relative_to(folder))] = (
                "file",
                stat.st_size,
                stat.st_mtime_ns,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
        else:
            entries[str(path.relative_to(folder))] = ("dir", stat.st_mtime_ns)
    return entries


# ----------------------------------------------------------------------------- LibreOffice
@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary; missing: skipped locally, a failure on CI (CI=true)."""
    found = (
        shutil.which("soffice")
        or shutil.which("libreoffice")
        or (SOFFICE_DEFAULT if Path(SOFFICE_DEFAULT).exists() else None)
    )
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required on CI but was not found")
        pytest.skip("LibreOffice (soffice) not installed")
    return found


def convert(
    soffice: str, sources: list[Path], outdir: Path, *, to: str = "pdf", profile: Path | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    """Files through LibreOffice headless in one call, into `outdir` by stem (a profile of its own
    unless given: two conversions at once would share and lock the default one)."""
    profile = profile or outdir / "profile"
    return subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", to]
        + ["--outdir", str(outdir), *map(str, sources)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def libreoffice(soffice, tmp_path_factory):
    """Convert a file with LibreOffice headless (to PDF unless told); returns (CompletedProcess, converted path)."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def converted(source: Path, to: str = "pdf") -> tuple[subprocess.CompletedProcess, Path]:
        outdir = tmp_path_factory.mktemp("lo-out")
        return convert(soffice, [source], outdir, to=to, profile=profile, timeout=300), outdir / f"{source.stem}.{to}"

    return converted


# Making a symbolic link on Windows needs administrator rights or developer mode (and
# `make test-portable` removes os.symlink, as Windows lacks it for ordinary users). A string
# condition: pytest evaluates it when the test runs, after tests/posix_disabled.py has acted.
needs_symlinks = pytest.mark.skipif(
    "sys.platform == 'win32' or not hasattr(os, 'symlink')",
    reason="symbolic links need administrator rights or developer mode on Windows",
)
