"""Helpers for the new-year, check and diff tests (issue 4): content copies, independent YAML
readings, the CLI and LibreOffice. Imported by tests/test_new_year.py, test_check.py, test_diff.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
BASE_YEAR = 2024  # the edition the tests start from


class Work:
    """A working folder with content/<year>/ copies; the tests chdir into it so that paths print
    as content/<year>/… exactly as the clerk sees them."""

    def __init__(self, base: Path):
        self.base = base
        self.content = base / "content"
        self.output = base / "output"

    def copy(self, year: int = BASE_YEAR, as_year: int | None = None) -> Path:
        target = self.content / str(as_year or year)
        shutil.copytree(CONTENT / str(year), target)
        return target

    def path(self, year: int, name: str) -> Path:
        return self.content / str(year) / name

    def text(self, year: int, name: str) -> str:
        return self.path(year, name).read_text(encoding="utf-8")

    def replace_once(self, year: int, name: str, old: str, new: str) -> int:
        """Replace the one occurrence of `old`; returns the line (1-based) where it starts."""
        text = self.text(year, name)
        assert text.count(old) == 1, f"{name}: {old!r} found {text.count(old)} times"
        start = text.index(old)
        self.path(year, name).write_text(text.replace(old, new), encoding="utf-8")
        return text.count("\n", 0, start) + 1

    def line_of(self, year: int, name: str, fragment: str) -> int:
        """The one non-comment line that contains `fragment`."""
        lines = [n for n, line in enumerate(self.text(year, name).splitlines(), start=1)
                 if fragment in line and not line.lstrip().startswith("#")]
        assert len(lines) == 1, f"{name}: {fragment!r} on lines {lines}"
        return lines[0]


@pytest.fixture
def work(tmp_path, monkeypatch) -> Work:
    folder = Work(tmp_path / "work")
    folder.content.mkdir(parents=True)
    monkeypatch.chdir(folder.base)
    return folder


def listing(folder: Path) -> list[str]:
    """Every path under `folder`, hidden ones included, as relative strings."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ---------------------------------------------------------------- reading YAML without the generator
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


# ---------------------------------------------------------------- the CLI
@dataclass(frozen=True)
class Cli:
    returncode: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path) -> Cli:
    """The CLI on cwd/content and cwd/output: never on the project's own content/ and output/."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), PYTHONIOENCODING="utf-8")
    folders = ["--content", str(cwd / "content"), "--output", str(cwd / "output"), "--templates", str(TEMPLATES)]
    done = subprocess.run([sys.executable, "-m", "generator", *folders, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    return Cli(done.returncode, done.stdout, done.stderr)


# ---------------------------------------------------------------- LibreOffice
@pytest.fixture(scope="session")
def lo_binary() -> str:
    """LibreOffice; when missing, the test is skipped locally and fails on CI (CI=true)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required on CI but was not found")
        pytest.skip("LibreOffice (soffice) not installed")
    return found


def convert_with_libreoffice(soffice: str, source: Path, to: str, profile: Path, outdir: Path) -> Path:
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", to, "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    converted = outdir / f"{source.stem}.{to}"
    assert done.returncode == 0 and converted.is_file(), f"LibreOffice could not convert {source}: {done.stderr}"
    return converted
