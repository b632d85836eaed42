"""The write engine: how every command changes files in an output folder.

Each file is written atomically by this process only. What a run changes is kept in a journal
so that a run stopped by an error puts the folder back as it was; a file edited by hand is copied
(or moved) under ban-sua-tay/ before it is replaced (or removed); a file another program (Word)
holds open is left as it was, named in the report, and written by the next run. Every path lies
inside the output folder, through real folders, and can be replaced: checked before anything
is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable

from .errors import GeneratorError
from .files import (
    SCRATCH,
    TEMPORARY_SUFFIX,
    HeldOpen,
    UnsafePath,
    check_folder,
    display_path,
    inside,
    make_folders,
    one_build_at_a_time,
    os_problem,
    read_file,
    write_atomic,
    remove_scratch,
    write_temporary,
)
from .state import STATE_FILE, BuildState, digest

SET_ASIDE = "ban-sua-tay"  # <folder>/ban-sua-tay/: hand-edited files a run replaced or removed


@dataclass
class WriteReport:
    """What a run did to the files of its folder."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    set_aside: list[tuple[Path, Path]] = field(
        default_factory=list
    )  # (hand-edited file, its copy) made before replacing or removing it
    moved_aside: list[tuple[Path, Path]] = field(
        default_factory=list
    )  # (hand-edited file no longer wanted, where it went)
    held_open: list[Path] = field(default_factory=list)  # not written: another program (Word) holds the file open
    kept_edited: list[Path] = field(
        default_factory=list
    )  # hand-edited files left as they are: their inputs did not change


class Journal:
    """What a run has changed in the output folder, so that a run stopped by an error leaves
    the folder as it was: the old bytes of each replaced or removed file stay linked under a
    temporary name until the run completes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # backups are kept at its top, so that a recipient's folder empties when its files go
        self.replaced: list[
            tuple[Path, Path | None]
        ] = []  # (file, its old bytes under a temporary name, or None if new)
        self.created: list[Path] = []  # copies made under ban-sua-tay/
        self.moved: list[tuple[Path, Path]] = []  # (hand-edited file, where it was moved)

    def keep(self, path: Path) -> None:
        """Before `path` is replaced or removed: keep its bytes."""
        if not path.exists():
            self.replaced.append((path, None))
            return
        scratch = self.folder / SCRATCH
        make_folders(self.folder, scratch)
        backup = scratch / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
        try:
            # A new name for the same bytes, nothing copied; for a link, the link itself.
            os.link(path, backup, **({"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}))
        except OSError as err:
            if err.errno in (errno.EPERM, errno.EACCES):  # an immutable or locked file: it cannot be replaced either
                raise os_problem(err, path) from None
            backup = write_temporary(path, read_file(path), scratch)  # a file system without hard links
        self.replaced.append((path, backup))

    def forget(self, path: Path) -> None:
        """`path` was kept but not replaced after all: nothing of it to put back."""
        for index, (kept, backup) in enumerate(self.replaced):
            if kept == path:
                del self.replaced[index]
                if backup is not None:
                    backup.unlink(missing_ok=True)
                return

    def undo(self) -> None:
        """Every change put back that can be; one that cannot (a folder made read-only, or swapped
        for a link, during the run) is skipped so that the rest still are, and never followed out
        of the folder. The error that stopped the run stays the one reported."""
        for path in self.created:
            self._step(path.unlink, missing_ok=True)
        for source, target in reversed(self.moved):
            self._step(self._put_back, target, source)
        for path, backup in reversed(self.replaced):
            if backup is None:
                self._step(self._remove_new, path)
            elif not self._step(self._put_back, backup, path) and _same_file(backup, path):
                backup.unlink(missing_ok=True)  # never replaced after all: the file still has its old bytes

    def _step(self, action: Callable[..., object], *args: object, **kwargs: object) -> bool:
        try:
            action(*args, **kwargs)
        except (OSError, GeneratorError):
            return False
        return True

    def _put_back(self, kept: Path, path: Path) -> None:
        make_folders(self.folder, path.parent)  # refuses a folder swapped for a link
        inside(self.folder, path.relative_to(self.folder).as_posix())
        os.replace(kept, path)

    def _remove_new(self, path: Path) -> None:
        inside(self.folder, path.relative_to(self.folder).as_posix())
        path.unlink(missing_ok=True)
        if path.parent != self.folder and path.parent.is_dir() and not any(path.parent.iterdir()):
            path.parent.rmdir()  # the folder of a new recipient

    def discard(self) -> None:
        for _, backup in self.replaced:
            if backup is not None:
                backup.unlink(missing_ok=True)


def set_aside(folder: Path, relative: str, journal: Journal, *, move: bool) -> Path:
    """A hand-edited output, copied (or moved) under ban-sua-tay/ with a name not yet taken there."""
    source = inside(folder, relative)
    candidate, number = f"{SET_ASIDE}/{relative}", 1
    while (target := inside(folder, candidate)).exists():
        number += 1
        candidate = f"{SET_ASIDE}/{Path(relative).with_stem(f'{source.stem}-{number}').as_posix()}"
    make_folders(folder, target.parent)
    if move:
        try:
            os.replace(source, target)
        except OSError as err:
            raise os_problem(err, source) from None
        journal.moved.append((source, target))
    else:
        try:
            data = read_file(source)
        except OSError as err:
            raise os_problem(err, source) from None
        write_atomic(target, data, root=folder)
        journal.created.append(target)
    return target


def remove_obsolete(
    folder: Path, state: BuildState, obsolete: dict[str, bool], report: WriteReport, journal: Journal
) -> None:
    """Files the content no longer makes (relative path → edited by hand): removed, or if edited, moved aside."""
    for relative, edited in obsolete.items():
        path = inside(folder, relative)
        if edited:
            report.moved_aside.append((path, set_aside(folder, relative, journal, move=True)))
            report.removed.append(path)
        elif path.exists():
            journal.keep(path)
            try:
                path.unlink()
            except OSError as err:
                raise os_problem(err, path) from None
            report.removed.append(path)
        state.forget(relative)
        if path.parent != folder and path.parent.is_dir() and not any(path.parent.iterdir()):
            path.parent.rmdir()


def written_unless_held_open(
    path: Path, data: bytes, root: Path, state: BuildState, relative: str, report: WriteReport, journal: Journal
) -> bool:
    """write_atomic, except for a file another program holds open: left as it was, and stale, so
    that the next run writes it; False. Any other failure stops the run (which is undone).

    On Windows, Word keeps the DOCX it shows open so that it can be neither replaced nor removed:
    the rename onto it fails with PermissionError (HeldOpen). It leaves the pending list, so that
    saving it in Word before the next run counts as a hand edit, and the journal, so that undoing
    a run stopped later does not try to put back a file that was never replaced (and that
    refuses it)."""
    try:
        write_atomic(path, data, root=root)
    except HeldOpen:
        journal.forget(path)
        state.pending.pop(relative, None)
        report.held_open.append(path)
        return False
    return True


def replace_output(
    folder: Path, relative: str, data: bytes, state: BuildState, report: WriteReport, journal: Journal, *, edited: bool
) -> str | None:
    """One output written in place of the file there, which is copied aside first if it was
    edited by hand (`edited`: known to be, before the run started; or changed since the run
    recorded it as pending). The new bytes' digest, or None if the file is held open."""
    path = folder / relative
    # Looked at again just before it is replaced: an edit saved while the run went on is kept too.
    now, new = state.current(relative), digest(data)
    if now is not None and now[2] != new and (edited or not state.same(now, state.pending[relative])):
        report.set_aside.append((path, set_aside(folder, relative, journal, move=False)))
    journal.keep(path)
    if not written_unless_held_open(path, data, folder, state, relative, report, journal):
        return None
    return new


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samestat(one.lstat(), other.lstat())
    except OSError:
        return False


def check_paths(folder: Path, relatives: Iterable[str]) -> None:
    """Before anything is written: every path the run will write or remove lies inside the
    output folder, through real folders, and can be replaced."""
    check_folder(folder / SET_ASIDE)
    for relative in relatives:
        path = inside(folder, relative)
        status = path.lstat() if path.exists() else None
        if status is not None and not status.st_mode & stat.S_IWUSR:
            raise UnsafePath(
                f"tệp {display_path(path)} chỉ cho đọc nên không thay được; bỏ chế độ chỉ đọc (Read-only) "
                "của tệp rồi chạy lại"
            )


def check_output(output: Path, folder: Path) -> None:
    """The output folder can hold output/<year>/: it is a folder (or a link the clerk made to one)."""
    if output.exists() and not output.is_dir():
        raise UnsafePath(
            f"{display_path(output)} là một tệp, nhưng ở đây cần thư mục kết quả; kiểm tra tham số "
            "OUTPUT=… (hay --output) của lệnh, hoặc đổi tên tệp đó rồi chạy lại"
        )
    check_folder(folder)


def held_open_line(path: Path) -> str:
    """What the clerk reads about a file the run could not write (every command says it alike)."""
    return (
        f"  chưa ghi được {display_path(path)}: tệp đang mở trong chương trình khác (Word…) hoặc chỉ cho đọc; "
        "đóng tệp rồi chạy lại lệnh, lần sau chương trình ghi tiếp"
    )


class Writing:
    """One run's changes to a folder it holds (one_build_at_a_time), as a `with` block: an
    Exception inside puts every file back and the state as it was (a BaseException, a killed
    run, leaves what is on disk: the next run finishes the job from `pending`)."""

    def __init__(self, folder: Path, state: BuildState, report: WriteReport, stale: list[str], edited: set[str]):
        self.folder, self.state, self.report, self.edited = folder, state, report, edited
        self.before = (dict(state.entries), dict(state.pending), state.inputs)
        state.pending = {relative: state.stat(relative) for relative in stale}
        if stale:
            state.save()  # from now on, a stale file that changes is this run's doing, not an edit
        self.journal = Journal(folder)

    def write(self, relative: str, fingerprint: str, data: bytes) -> bool:
        """One stale file written (its hand-edited copy set aside first); False if held open."""
        edited = relative in self.edited
        new = replace_output(self.folder, relative, data, self.state, self.report, self.journal, edited=edited)
        if new is None:
            return False
        self.state.record(relative, fingerprint, sha256=new)
        self.report.written.append(self.folder / relative)
        return True

    def remove(self, obsolete: dict[str, bool]) -> None:
        remove_obsolete(self.folder, self.state, obsolete, self.report, self.journal)

    def __enter__(self) -> Writing:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is None:
            self.journal.discard()
        elif issubclass(kind, Exception):
            # An error (a file that cannot be written, a document a writer cannot show): the folder
            # goes back to how it was, so that no document's DOCX and PDF disagree.
            self.journal.undo()
            self.state.entries, self.state.pending, self.state.inputs = self.before
            # A full disk, say: the error that stopped the run is the one to report.
            with contextlib.suppress(GeneratorError):
                self.state.save()
            with contextlib.suppress(OSError):  # empty unless a kept file could not be put back
                (self.folder / SCRATCH).rmdir()


def write_outputs(
    folder: Path, outputs: dict[str, tuple[str, bytes]], report: WriteReport, *, inputs: str = "", state=STATE_FILE
) -> None:
    """Files made before anything is written (relative path → fingerprint, bytes), written into
    `folder` under its lock: those whose fingerprint is unchanged are left alone (a hand edit of
    one is kept), the rest written as the build writes. `state`: the name of the state file."""
    with one_build_at_a_time(folder):
        known = BuildState.load(folder, state)
        check_paths(folder, outputs)
        remove_scratch(folder)
        stale = []
        for relative, (fingerprint, _) in outputs.items():
            if not known.is_current(relative, fingerprint):
                stale.append(relative)
            elif known.newly_edited(relative):
                known.record(relative, fingerprint, edited=True)
                report.kept_edited.append(folder / relative)
        with Writing(folder, known, report, stale, {r for r in stale if known.edited(r)}) as writing:
            for relative in stale:
                writing.write(relative, *outputs[relative])
        known.inputs = "" if report.held_open else inputs  # "": the next run does not take the quick path
        known.save()
        remove_scratch(folder, keep_folder=False)
