"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import io
import os
import sys
import time
import zipfile
from contextlib import contextmanager, suppress
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


# Which lock keeps a second build out of an output folder: "flock" (where fcntl exists: Linux, WSL,
# macOS), "msvcrt" (Windows), or "file" (a lock file made with O_EXCL that holds the build's pid, for
# any system). The variable forces one: CI runs the whole suite once with "file" on Linux.
LOCK_VARIABLE = "GENERATOR_LOCK"
LOCK_KINDS = ("flock", "msvcrt", "file")
LOCK_FILE = ".dang-tao-van-ban"  # only the "msvcrt" and "file" locks make it; removed when the build ends
# An empty lock file younger than this is a build between creating it and writing its pid in it.
LOCK_FILE_BEING_WRITTEN_SECONDS = 10


def lock_kind() -> str:
    """The lock this machine offers, or the one GENERATOR_LOCK names."""
    forced = os.environ.get(LOCK_VARIABLE)
    if forced:
        if forced not in LOCK_KINDS:
            raise GeneratorError(f"biến môi trường {LOCK_VARIABLE}={forced} không hợp lệ; chọn một trong: {', '.join(LOCK_KINDS)}")
        return forced
    import importlib.util

    if importlib.util.find_spec("fcntl") is not None:
        return "flock"
    return "msvcrt" if importlib.util.find_spec("msvcrt") is not None else "file"


def _busy(folder: Path) -> GeneratorError:
    return GeneratorError(f"một lần tạo văn bản khác đang ghi vào {display_path(folder)}; đợi lần đó xong rồi chạy lại")


@contextmanager
def one_build_at_a_time(folder: Path) -> Iterator[None]:
    """Hold an output folder for one build. Two builds writing the same set at once (a second
    `make documents` in another window) would leave a mix of both contents until the next build.

    Each kind of lock is released when the build ends, however it ends: flock and msvcrt locks by
    the system when the process dies; the lock file of a killed build names a process that no
    longer runs, and the next build takes it over."""
    folder.mkdir(parents=True, exist_ok=True)
    with {"flock": _flock, "msvcrt": _msvcrt_lock, "file": _lock_file}[lock_kind()](folder):
        yield


@contextmanager
def _flock(folder: Path) -> Iterator[None]:
    import fcntl  # POSIX only

    descriptor = os.open(folder, os.O_RDONLY)  # a lock on the folder itself: no lock file to leave behind
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(folder) from None
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextmanager
def _msvcrt_lock(folder: Path) -> Iterator[None]:
    import msvcrt  # Windows only

    path = folder / LOCK_FILE
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # the file's first byte, locked or not at all
        except OSError:
            raise _busy(folder) from None
        try:
            yield
        finally:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(descriptor)
    with suppress(OSError):  # another build has it open already: it stays, that build uses it
        path.unlink()


@contextmanager
def _lock_file(folder: Path) -> Iterator[None]:
    path = folder / LOCK_FILE
    for _ in range(2):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            break
        except FileExistsError:
            if _lock_file_held(path):
                raise _busy(folder) from None
            # Left by a build that was killed: its process is gone. (Two builds started in the same
            # instant after it could both take the lock; this guards against a second window, not
            # against a race of milliseconds.)
            path.unlink(missing_ok=True)
    else:
        raise _busy(folder)
    try:
        try:
            os.write(descriptor, f"{os.getpid()}\n".encode())
        finally:
            os.close(descriptor)
        yield
    finally:
        path.unlink(missing_ok=True)


def _lock_file_held(path: Path) -> bool:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return False  # released meanwhile
    if not text.isdigit():
        return age < LOCK_FILE_BEING_WRITTEN_SECONDS
    return process_running(int(text))


def process_running(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes  # os.kill(pid, 0) would end the process on Windows

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it runs, as another user
        try:
            code = ctypes.c_ulong()
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


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
