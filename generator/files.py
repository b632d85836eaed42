"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import errno
import io
import os
import re
import secrets
import stat
import sys
import time
import unicodedata
import zipfile
from contextlib import contextmanager, suppress
from pathlib import Path
from collections.abc import Iterator

from .errors import GeneratorError

# Fixed zip entry time: python-docx stamps the clock on every entry, which would make each build differ.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def display_path(path: Path) -> str:
    """A path as the clerk sees it: relative to the working folder when possible. Links are not
    resolved: a message about a link names the link, not where it points."""
    absolute = Path(os.path.abspath(path))
    for base in (Path(os.path.abspath(Path.cwd())), Path.cwd().resolve()):
        try:
            return str(absolute.relative_to(base))
        except ValueError:
            pass
    return str(path)


class UnsafePath(GeneratorError):
    """A path the build would write or remove does not stay inside the output folder, passes
    through a link, or has a file where a folder should be (or the reverse)."""


# Names Windows keeps for devices, with or without an extension (CON, NUL.txt, COM1…).
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)(\..*)?", re.IGNORECASE)
_NOT_PORTABLE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# A recipient's key names a folder and, twice over, the files in it; Windows paths stop at 260
# characters, and the output folder itself takes some of them.
MAX_NAME = 64


def portable_name_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name on every system the clerks use (Windows, macOS,
    Linux, a USB stick), as a Vietnamese sentence; None when it can. Uniqueness ignoring case is
    the caller's to check, with `name_folded`."""
    if not name:
        return "không có chữ cái Latin (A–Z) hay chữ số nào để đặt tên thư mục và tệp; thêm vào tên ít nhất một chữ cái hoặc chữ số"
    if len(name) > MAX_NAME:
        return f"cho tên tệp dài {len(name)} ký tự, quá {MAX_NAME} ký tự mà Windows cho phép ở đây; rút gọn tên"
    if _NOT_PORTABLE.search(name):
        return 'có ký tự không được dùng trong tên tệp (< > : " / \\ | ? * hoặc ký tự điều khiển)'
    if name[-1] in ". " or name[0] == " ":
        return "tên tệp không được bắt đầu bằng dấu cách hay kết thúc bằng dấu chấm, dấu cách (Windows bỏ đi)"
    if _RESERVED.fullmatch(name):
        return f"“{name}” là tên thiết bị mà Windows dành riêng (CON, PRN, AUX, NUL, COM1…, LPT1…), không dùng được làm tên tệp; đổi tên"
    return None


def name_folded(name: str) -> str:
    """The form two names share when Windows and macOS would take them for one file."""
    return unicodedata.normalize("NFC", name).casefold()


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:  # a parent is a file: reported by the caller walking down
        return None


def check_folder(folder: Path) -> None:
    """`folder` is a real folder, or not there yet: never a link, never a file."""
    status = _lstat(folder)
    if status is None:
        return
    if stat.S_ISLNK(status.st_mode):
        raise UnsafePath(
            f"{display_path(folder)} là một liên kết (symlink) tới nơi khác; chương trình không ghi hay xóa qua "
            "liên kết: xóa liên kết đó (hoặc thay bằng một thư mục thật) rồi chạy lại"
        )
    if not stat.S_ISDIR(status.st_mode):
        raise UnsafePath(
            f"{display_path(folder)} là một tệp, nhưng ở đây cần một thư mục; đổi tên hoặc chuyển tệp đó đi rồi chạy lại"
        )


def safe_relative(relative: str) -> bool:
    """True when `relative` is a plain path below a folder: no root, drive, `..`, `.` or backslash."""
    parts = relative.split("/")
    return (
        bool(relative)
        and "\\" not in relative
        and ":" not in relative
        and "\0" not in relative
        and all(part not in ("", ".", "..") for part in parts)
    )


def inside(root: Path, relative: str) -> Path:
    """root/relative, refused unless it stays inside root without passing through a link: every
    folder on the way is a real folder or not there yet, and the file itself is not a link or a
    folder. `root` is checked the same way."""
    if not safe_relative(relative):
        raise UnsafePath(
            f"đường dẫn “{relative}” ra ngoài thư mục {display_path(root)}; chương trình không ghi hay xóa ở đó"
        )
    check_folder(root)
    path = root
    parts = relative.split("/")
    for part in parts[:-1]:
        path = path / part
        check_folder(path)
    path = path / parts[-1]
    status = _lstat(path)
    if status is not None and stat.S_ISLNK(status.st_mode):
        raise UnsafePath(
            f"{display_path(path)} là một liên kết (symlink) tới nơi khác; chương trình không ghi hay xóa qua "
            "liên kết: xóa liên kết đó rồi chạy lại"
        )
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise UnsafePath(
            f"{display_path(path)} là một thư mục, nhưng ở đây chương trình cần ghi một tệp; đổi tên hoặc chuyển "
            "thư mục đó đi rồi chạy lại"
        )
    return path


def make_folders(root: Path, folder: Path) -> None:
    """Create `folder` (inside `root`) and the folders above it, each checked not to be a link."""
    relative = folder.relative_to(root).parts
    path = root
    for part in ("", *relative):
        path = path / part if part else path
        check_folder(path)
        try:
            path.mkdir(exist_ok=True)
        except OSError as err:
            raise os_problem(err, path) from None
        check_folder(path)  # a link put there in between is refused, not followed


def os_problem(err: OSError, path: Path) -> GeneratorError:
    """What the clerk can do about a failed write or removal, in Vietnamese."""
    shown = display_path(path)
    if err.errno in (errno.EACCES, errno.EPERM):
        return GeneratorError(
            f"không có quyền ghi hay xóa {shown} (tệp hoặc thư mục chỉ đọc, bị khóa, hoặc đang mở ở "
            "chương trình khác); bỏ chế độ chỉ đọc hoặc đóng tệp rồi chạy lại"
        )
    if err.errno == errno.EROFS:
        return GeneratorError(
            f"ổ đĩa chứa {shown} chỉ cho đọc; chọn thư mục kết quả ở ổ đĩa khác "
            "(OUTPUT=<thư mục> sau make hay van-ban, ví dụ: make documents OUTPUT=D:/van-ban) rồi chạy lại"
        )
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return GeneratorError(f"ổ đĩa chứa {shown} đã đầy; xóa bớt tệp cho có chỗ trống rồi chạy lại")
    if err.errno == errno.ENAMETOOLONG:
        return GeneratorError(
            f"đường dẫn {shown} quá dài; đặt thư mục kết quả ở chỗ ngắn hơn hoặc rút gọn tên viết tắt rồi chạy lại"
        )
    return GeneratorError(f"không ghi được {shown} ({system_reason(err)}); kiểm tra ổ đĩa và quyền ghi rồi chạy lại")


# The system's own wording of an error is English (or the Windows language): these are the ones a
# clerk meets, said in Vietnamese; any other is named by its number, which a helper can look up.
_REASONS = {
    errno.ELOOP: "là một liên kết (symlink); chương trình không đọc hay ghi qua liên kết",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EEXIST: "đã có một tệp hay thư mục trùng tên",
    errno.EISDIR: "là một thư mục chứ không phải tệp",
    errno.ENOENT: "không tìm thấy",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không có quyền",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
}


def system_reason(err: OSError) -> str:
    """Why a file operation failed, in Vietnamese."""
    return _REASONS.get(err.errno, f"lỗi hệ thống số {err.errno}" if err.errno else "lỗi hệ thống")


class HeldOpen(GeneratorError):
    """The rename onto an existing file was refused with a permission error naming that file, after
    the temporary file beside it was written: so it is the file that refused, not its folder. On
    Windows, Word holds the DOCX it shows open that way. The message is os_problem's, for a caller
    that does not treat it apart."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


# Opened only if the name is new (O_EXCL), never through a link (O_NOFOLLOW, where the OS has it).
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
TEMPORARY_SUFFIX = ".tmp"
# <output folder>/.tep-tam/: a build's temporary files (a file being written, the old bytes of one
# being replaced), in a folder of the program's own. A build killed while writing leaves them
# there, and the next build removes what is in that folder and nothing else: a clerk's own
# ".ghi-chu.2024.tmp" beside the documents is never taken for a leftover.
SCRATCH = ".tep-tam"


def write_temporary(path: Path, data: bytes, folder: Path | None = None) -> Path:
    """`data` in a new hidden file in `folder` (beside `path` without it), with a name no one else
    can have planted."""
    name = f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
    temporary = (folder if folder is not None else path.parent) / name
    try:
        descriptor = os.open(temporary, _NEW_FILE, 0o644)
    except OSError as err:
        raise os_problem(err, path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except BaseException as err:
        temporary.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise os_problem(err, path) from None
        raise
    return temporary


def remove_scratch(root: Path, *, keep_folder: bool = True) -> None:
    """The temporary files left in root's SCRATCH folder by a killed build (regular files only,
    links not followed); the folder itself too unless `keep_folder`."""
    scratch = root / SCRATCH
    status = _lstat(scratch)
    if status is None or not stat.S_ISDIR(status.st_mode):
        return  # not there, or not a folder of ours (a link, a file): nothing to remove through it
    for entry in os.scandir(scratch):
        if entry.is_file(follow_symlinks=False):
            with suppress(FileNotFoundError):
                os.unlink(entry.path)
    if not keep_folder:
        with suppress(OSError):  # not empty: a file someone put there stays
            scratch.rmdir()


def read_file(path: Path) -> bytes:
    """The bytes of a file, never read through a link."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


def write_atomic(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Write to a temporary name, then rename: the file is either old or complete. With `root`,
    `path` must lie inside it and is reached through real folders only, and the temporary file is
    made in root's SCRATCH folder; the rename replaces a link at `path` itself, never what it
    points to. Without `root`, the temporary file is beside `path`. An existing file that refuses
    the rename raises HeldOpen, any other failure os_problem's GeneratorError.

    No fsync: the rename already protects against a killed build, which is what this is for; a
    power cut is not, and syncing every file would double the time spent writing."""
    scratch = None
    if root is not None:
        path = inside(root, path.relative_to(root).as_posix())
        make_folders(root, path.parent)
        scratch = root / SCRATCH
        make_folders(root, scratch)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise os_problem(err, path.parent) from None
    try:
        temporary = write_temporary(path, data, scratch)
    except GeneratorError:
        if scratch is not None:
            with suppress(OSError):  # left empty by this failure; kept if other temporary files are in it
                scratch.rmdir()
        raise
    try:
        os.replace(temporary, path)
    except OSError as err:
        if (
            isinstance(err, PermissionError)
            and err.filename2 is not None
            and Path(err.filename2) == path
            and path.is_file()
        ):
            raise HeldOpen(str(os_problem(err, path)), path) from None
        raise os_problem(err, path) from None
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
            raise GeneratorError(
                f"biến môi trường {LOCK_VARIABLE}={forced} không hợp lệ; chọn một trong: {', '.join(LOCK_KINDS)}"
            )
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
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise os_problem(err, folder) from None
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
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT)
    except OSError as err:  # a read-only or full drive: told like any other write
        raise os_problem(err, path) from None
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
        except OSError as err:  # a read-only or full drive: told like any other write
            raise os_problem(err, path) from None
    else:
        raise _busy(folder)
    try:
        try:
            os.write(descriptor, f"{os.getpid()}\n".encode())
        except OSError as err:
            raise os_problem(err, path) from None
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
    return zip_of({name: source.read(name) for name in source.namelist()})


def zip_of(members: dict[str, bytes]) -> bytes:
    """A zip of these members (name → bytes) as reproducible_zip writes one: [Content_Types].xml
    first, then by name, each with the same time."""
    ordered = ["[Content_Types].xml"] + sorted(name for name in members if name != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()
