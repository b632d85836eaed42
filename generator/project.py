"""Where an edition's content, templates and output live, and what its outputs are made from.

Used by every command that reads an edition or writes into output/<year>/: the build, the
preview, make tong-hop, make nhan-sua.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import GeneratorError
from .files import display_path
from .fonts import font_identity

# content/<year>/bao-cao-nhan/: the returned forms, as the collecting office saves them. Not an input
# of the year's documents (make documents ignores it) and not copied into next year's content.
RETURNED = "bao-cao-nhan"


@dataclass(frozen=True)
class Project:
    """Where the content, the templates and the output live."""

    content: Path
    templates: Path
    output: Path


def edition_folder(project: Project, year: int | None) -> Path:
    """The edition of `year`, or the newest one in content/."""
    for given, option in ((project.content, "--content"), (project.templates, "--templates")):
        if not given.is_dir():
            what = "là một tệp, không phải thư mục" if given.exists() else "không có"
            raise GeneratorError(
                f"thư mục {display_path(given)} {what}; kiểm tra tham số {option} (hoặc chạy lệnh "
                "trong thư mục của chương trình)"
            )
    if year is not None:
        folder = project.content / str(year)
        if not folder.is_dir():
            raise GeneratorError(f"không có nội dung năm {year} (thư mục {display_path(folder)})")
        return folder
    years = sorted(p for p in project.content.iterdir() if is_edition_folder(p))
    if not years:
        raise no_editions(project.content)
    return years[-1]


def is_edition_folder(path: Path) -> bool:
    """A year's content folder: content/2026/."""
    return path.is_dir() and re.fullmatch(r"\d{4}", path.name) is not None


def no_editions(content: Path) -> GeneratorError:
    """The error for a content folder without a year folder, saying what was probably meant."""
    if not content.is_dir():
        return GeneratorError(f"thư mục {display_path(content)} không có; kiểm tra tham số --content")
    if is_edition_folder(content) and any(content.glob("*.yaml")):
        return GeneratorError(
            f"{display_path(content)} là thư mục nội dung của năm {content.name}; --content là thư mục chứa các "
            f"năm: ghi --content {display_path(content.parent)} (thêm --year {content.name} để chọn năm)"
        )
    return GeneratorError(f"không có thư mục nội dung theo năm nào (như 2026/) trong {display_path(content)}")


def usable_cores() -> int:
    """The cores this process may run on: fewer than the machine has when a container or taskset limits it."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# ---------------------------------------------------------------- fingerprints
@functools.cache
def code_version() -> str:
    """The generator's version: its version number and the bytes of its own source, the packaged
    YAML files (default wording, the importer's rules) included."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file's name and bytes under a folder."""
    return files_digest(folder, [file for file in sorted(folder.rglob("*")) if file.is_file()])


def files_digest(folder: Path, files: Iterable[Path]) -> str:
    """The names (relative to folder) and bytes of some files; a missing file counts as empty."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(os.fsencode(file.relative_to(folder).as_posix()) + b"\0")  # a name need not be UTF-8
        digest.update(file.read_bytes() if file.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def fingerprint(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in (code_version(), *parts):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def edition_inputs(project: Project, content_folder: Path) -> str:
    """One digest of everything an edition's outputs are made from, read without parsing anything."""
    # The forms returned for the summary (bao-cao-nhan/) are make tong-hop's input, not the documents'.
    content_files = [
        file
        for file in sorted(content_folder.rglob("*"))
        if file.is_file() and file.relative_to(content_folder).parts[0] != RETURNED
    ]
    return fingerprint(files_digest(content_folder, content_files), folder_digest(project.templates), font_identity())
