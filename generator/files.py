"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import fcntl
import io
import os
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import GeneratorError

# Fixed zip entry time: python-docx stamps the clock on every entry, which would make each build differ.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def display_path(path: Path) -> str:
    """A path as the clerk sees it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name beside `path`, then rename: the file is either old or complete.

    No fsync: the rename already protects against a killed build, which is what this is for; a
    power cut is not, and syncing every file would double the time spent writing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def one_build_at_a_time(folder: Path) -> Iterator[int]:
    """Hold an output folder for one build. Two builds writing the same set at once (a second
    `make documents` in another window) would leave a mix of both contents until the next build."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY)  # a lock on the folder itself: no lock file to leave behind
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GeneratorError(f"một lần tạo văn bản khác đang ghi vào {display_path(folder)}; "
                                 "đợi lần đó xong rồi chạy lại") from None
        yield descriptor  # for workers to close: the lock is this process's
    finally:
        os.close(descriptor)  # releases the lock


def reproducible_zip(data: bytes) -> bytes:
    """A zip (DOCX) rewritten with its entries in a fixed order and a fixed time, so that equal
    content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = ["[Content_Types].xml"] + sorted(name for name in names if name != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
