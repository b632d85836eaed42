"""Shared fixtures: one build of the real content per session, content copies, the CLI, LibreOffice."""

from __future__ import annotations

import hashlib
import os
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
SOFFICE_DEFAULT = "/usr/bin/soffice"
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
        return self.output / str(self.year) / "ke-hoach.docx"

    @property
    def plan_pdf(self) -> Path:
        return self.output / str(self.year) / "ke-hoach.pdf"


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


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """The real content built once for the whole session."""
    return run_build(CONTENT, tmp_path_factory.mktemp("output"))


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
def fill(plan_content):
    """Fill the content placeholders ({nam}, {dia_danh}, …) the way the README documents them."""
    meta = plan_content["van_ban"]
    values = {
        "nam": str(meta["ngay_ban_hanh"]["nam"]),
        "dia_danh": meta["dia_danh"],
        "ngay_bat_dau": plan_content["thang_hanh_dong"]["bat_dau"],
        "ngay_ket_thuc": plan_content["thang_hanh_dong"]["ket_thuc"],
    }

    def filled(text: str) -> str:
        for name in PLACEHOLDERS:
            text = text.replace("{" + name + "}", values[name])
        return text

    return filled


# ----------------------------------------------------------------------------- editing a content copy
class ContentCopy:
    """A copy of content/<year>/ under <tmp>/content/<year>/, with edits that report their line."""

    def __init__(self, base: Path, year: int):
        self.base = base  # run the CLI with this as working folder
        self.content = base / "content"
        self.folder = self.content / str(year)
        shutil.copytree(CONTENT / str(year), self.folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def text(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def replace_once(self, name: str, old: str, new: str) -> int:
        """Replace the single occurrence of `old`; return the 1-based line where it started."""
        text = self.text(name)
        count = text.count(old)
        assert count == 1, f"{name}: expected {old!r} exactly once, found {count}"
        start = text.index(old)
        self.path(name).write_text(text.replace(old, new), encoding="utf-8")
        return text.count("\n", 0, start) + 1

    def line_of(self, name: str, fragment: str) -> int:
        lines = [i for i, line in enumerate(self.text(name).splitlines(), start=1) if fragment in line]
        assert len(lines) == 1, f"{name}: {fragment!r} on lines {lines}, expected exactly one"
        return lines[0]


@pytest.fixture
def content_copy(tmp_path) -> ContentCopy:
    return ContentCopy(tmp_path / "work", YEAR)


# ----------------------------------------------------------------------------- the CLI
@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_cli(args: list[str], cwd: Path, timeout: float = 120) -> CliResult:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)
    return CliResult(done.returncode, done.stdout, done.stderr)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder`: kind, size, mtime (ns) and content hash of files."""
    if not folder.exists():
        return {}
    entries = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        if path.is_file():
            entries[str(path.relative_to(folder))] = ("file", stat.st_size, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        else:
            entries[str(path.relative_to(folder))] = ("dir", stat.st_mtime_ns)
    return entries


# ----------------------------------------------------------------------------- LibreOffice
@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice binary; missing: skipped locally, a failure on CI (CI=true)."""
    found = shutil.which("soffice") or (SOFFICE_DEFAULT if Path(SOFFICE_DEFAULT).exists() else None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required on CI but was not found")
        pytest.skip("LibreOffice (soffice) not installed")
    return found


@pytest.fixture(scope="session")
def libreoffice_pdf(soffice, tmp_path_factory):
    """Convert a DOCX to PDF with LibreOffice headless; returns (CompletedProcess, pdf path)."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(docx_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
        outdir = tmp_path_factory.mktemp("lo-out")
        done = subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
             "--outdir", str(outdir), str(docx_path)],
            capture_output=True, text=True, timeout=180,
        )
        return done, outdir / (docx_path.stem + ".pdf")

    return convert
