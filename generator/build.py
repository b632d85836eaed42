"""The build: read and validate an edition, decide what is out of date, render it, write it.

Every output file has a fingerprint: a hash of the format-neutral document it shows (so of exactly
the content it uses), the templates that lay it out, the font and the generator's own code. Files
whose fingerprint is unchanged are left alone; the rest are rendered in worker processes and
written one by one, each atomically, by this process only. A killed build therefore leaves every
file either as it was or complete, and the next build finishes the job.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Callable, Iterable, Iterator

from . import __version__
from .collect import RETURNED
from .errors import GeneratorError
from .files import (
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
    write_temporary,
)
from .state import STATE_FILE, BuildState, digest
from .workers import WorkerPool
from .writers.fonts import font_identity

if TYPE_CHECKING:
    from .content.edition import Edition
    from .document.manifest import Manifest
    from .render import RenderTask

MANIFEST = "danh-sach-gui"  # the distribution list, as .csv and .html in output/<year>/
SET_ASIDE = "ban-sua-tay"  # output/<year>/ban-sua-tay/: hand-edited files the build replaced or removed
STATE_SAVE_SECONDS = 0.5


@dataclass(frozen=True)
class Project:
    """Where the content, the templates and the output live."""

    content: Path
    templates: Path
    output: Path


@dataclass(frozen=True)
class Target:
    """One output file: where it goes, what its inputs hash to, and how to make it."""

    relative: str  # path under output/<year>/
    fingerprint: str
    task: RenderTask | None = None  # rendered by a worker
    make: Callable[[], bytes] | None = None  # cheap enough to make here (the distribution list)


@dataclass
class BuildReport:
    folder: Path
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)
    set_aside: list[tuple[Path, Path]] = field(
        default_factory=list
    )  # (hand-edited file, its copy) made before replacing or removing it
    kept_edited: list[Path] = field(
        default_factory=list
    )  # hand-edited files left as they are: their inputs did not change
    moved_aside: list[tuple[Path, Path]] = field(
        default_factory=list
    )  # (hand-edited file no longer wanted, where it went)
    notices: tuple[
        str, ...
    ] = ()  # what the clerk must still see to, printed on the last lines (indicators without wording)
    held_open: list[Path] = field(default_factory=list)  # not written: another program (Word) holds the file open
    seconds: float = 0.0


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
    years = sorted(p for p in project.content.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
    if not years:
        raise GeneratorError(f"không có thư mục nội dung theo năm nào trong {display_path(project.content)}")
    return years[-1]


# ---------------------------------------------------------------- fingerprints
@functools.cache
def code_version() -> str:
    """The generator's version: its version number and the bytes of its own source."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _folder_digest(folder: Path) -> str:
    """Every file's name and bytes under a folder."""
    return _files_digest(folder, [file for file in sorted(folder.rglob("*")) if file.is_file()])


def _files_digest(folder: Path, files: Iterable[Path]) -> str:
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


# ---------------------------------------------------------------- what to build
def edition_inputs(project: Project, content_folder: Path) -> str:
    """One digest of everything an edition's outputs are made from, read without parsing anything."""
    # The forms returned for the summary (bao-cao-nhan/) are make tong-hop's input, not the documents'.
    content_files = [
        file
        for file in sorted(content_folder.rglob("*"))
        if file.is_file() and file.relative_to(content_folder).parts[0] != RETURNED
    ]
    return fingerprint(_files_digest(content_folder, content_files), _folder_digest(project.templates), font_identity())


def targets(project: Project, edition: Edition) -> list[Target]:
    from .content.distribution import distribution
    from .document.manifest import DocumentFiles, build_manifest
    from .kinds import KINDS, jobs
    from .render import RenderTask
    from .writers.jinja import template_files
    from .writers.pdf import pdf_template_files

    html_folder = project.templates / "html"
    digests: dict[tuple[str, str], str] = {}

    def template_digest(format: str, template: str) -> str:
        """The files a template of that format reads, hashed once per build: a change to a template
        rebuilds the documents that use it and no others."""
        if (format, template) not in digests:
            if format == "docx":
                folder, files = project.templates, [project.templates / template]
            elif format == "pdf":
                folder, files = html_folder, pdf_template_files(html_folder, template)
            else:
                folder, files = html_folder, template_files(html_folder, template)
            digests[format, template] = _files_digest(folder, files)
        return digests[format, template]

    result: list[Target] = []
    by_recipient: dict[str, dict[str, DocumentFiles]] = {}
    plan_files: tuple[DocumentFiles, ...] = ()
    for job in jobs(edition):
        document = job.document(edition)
        content = repr(document)
        docx, pdf = f"{job.stem}.docx", f"{job.stem}.pdf"
        result.append(
            Target(
                docx,
                fingerprint("docx", content, template_digest("docx", job.kind.docx_template)),
                task=RenderTask("docx", document, project.templates / job.kind.docx_template),
            )
        )
        # A PDF takes its paragraph styles from the Word template: a restyle in Word remakes it too.
        result.append(
            Target(
                pdf,
                fingerprint(
                    "pdf",
                    content,
                    template_digest("pdf", job.kind.html_template),
                    template_digest("docx", job.kind.docx_template),
                    font_identity(),
                ),
                task=RenderTask(
                    "pdf", document, html_folder / job.kind.html_template, project.templates / job.kind.docx_template
                ),
            )
        )
        if job.recipient is None:
            plan_files += (DocumentFiles(job.kind.title, docx, pdf),)
        else:
            by_recipient.setdefault(job.recipient.key, {})[job.kind.title] = DocumentFiles(job.kind.title, docx, pdf)
    recipient_titles = tuple(kind.title for kind in KINDS if kind.per != "plan")
    manifest = build_manifest(edition, distribution(edition)[0], recipient_titles, by_recipient, plan_files)
    content = repr(manifest)
    result.append(Target(f"{MANIFEST}.csv", fingerprint("csv", content), make=lambda: _manifest_csv(manifest)))
    result.append(
        Target(
            f"{MANIFEST}.html",
            fingerprint("html", content, template_digest("html", f"{MANIFEST}.html")),
            make=lambda: _manifest_html(manifest, html_folder),
        )
    )
    return result


def _manifest_csv(manifest: Manifest) -> bytes:
    from .writers.manifest import render_csv

    return render_csv(manifest)


def _manifest_html(manifest: Manifest, html_folder: Path) -> bytes:
    from .writers.manifest import render_manifest_html

    return render_manifest_html(manifest, html_folder, f"{MANIFEST}.html")


# ---------------------------------------------------------------- rendering
def _rendered(stale: list[Target], pool: WorkerPool | None) -> Iterator[tuple[Target, bytes]]:
    """Each stale target with its bytes, as soon as it is ready; the costliest start first."""
    from .render import render

    local = [t for t in stale if t.task is None]
    remote = sorted((t for t in stale if t.task is not None), key=lambda t: -t.task.cost)
    for target in local:
        yield target, target.make()
    if pool is None:
        for target in remote:
            yield target, render(target.task)
        return
    from concurrent.futures import as_completed

    futures = {pool.submit(render, target.task): target for target in remote}
    for future in as_completed(futures):
        yield futures[future], future.result()


def _worker_pool(workers: int) -> WorkerPool | None:
    """Workers for a build that has work, started now: they warm up while the content is validated."""
    if workers <= 1:
        return None
    # What targets() imports, imported before the workers start: forked, they have it without
    # importing it again.
    from .content import distribution  # noqa: F401
    from .document import manifest  # noqa: F401
    from . import kinds, render  # noqa: F401
    from .writers import jinja, pdf  # noqa: F401

    return WorkerPool(workers)


def usable_cores() -> int:
    """The cores this process may run on: fewer than the machine has when a container or taskset limits it."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _set_aside(folder: Path, relative: str, journal: _Journal, *, move: bool) -> Path:
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


class _Journal:
    """What a build has changed in the output folder, so that a build stopped by an error leaves
    the folder as it was: the old bytes of each replaced or removed file stay linked under a
    temporary name until the build completes."""

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
        backup = self.folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
        try:
            # A new name for the same bytes, nothing copied; for a link, the link itself.
            os.link(path, backup, **({"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}))
        except OSError as err:
            if err.errno in (errno.EPERM, errno.EACCES):  # an immutable or locked file: it cannot be replaced either
                raise os_problem(err, path) from None
            backup = write_temporary(self.folder / path.name, read_file(path))  # a file system without hard links
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
        for path in self.created:
            path.unlink(missing_ok=True)
        for source, target in reversed(self.moved):
            source.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, source)
        for path, backup in reversed(self.replaced):
            if backup is None:
                path.unlink(missing_ok=True)
                if path.parent != self.folder and path.parent.is_dir() and not any(path.parent.iterdir()):
                    path.parent.rmdir()  # the folder of a new recipient
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                os.replace(backup, path)

    def discard(self) -> None:
        for _, backup in self.replaced:
            if backup is not None:
                backup.unlink(missing_ok=True)


def _remove_obsolete(
    folder: Path, state: BuildState, obsolete: dict[str, bool], report: BuildReport, journal: _Journal
) -> None:
    """Files the content no longer makes (relative path → edited by hand): removed, or if edited, moved aside."""
    for relative, edited in obsolete.items():
        path = inside(folder, relative)
        if edited:
            report.moved_aside.append((path, _set_aside(folder, relative, journal, move=True)))
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


def _written_unless_held_open(
    path: Path, data: bytes, root: Path, state: BuildState, relative: str, report: BuildReport, journal: _Journal
) -> bool:
    """write_atomic, except for a file another program holds open: left as it was, and stale, so
    that the next build writes it; False. Any other failure stops the build (which is undone).

    On Windows, Word keeps the DOCX it shows open so that it can be neither replaced nor removed:
    the rename onto it fails with PermissionError (HeldOpen). It leaves the pending list, so that
    saving it in Word before the next build counts as a hand edit, and the journal, so that undoing
    a build stopped later does not try to put back a file that was never replaced (and that
    refuses it)."""
    try:
        write_atomic(path, data, root=root)
    except HeldOpen:
        journal.forget(path)
        state.pending.pop(relative, None)
        report.held_open.append(path)
        return False
    return True


# A temporary file of write_temporary or _Journal.keep (and of builds before they had a random part).
_LEFTOVER = re.compile(r"\..+\.\d+(\.[0-9a-f]{8})?" + re.escape(TEMPORARY_SUFFIX))


def _remove_leftovers(folder: Path) -> None:
    """Temporary files of a build that was killed while writing; links are not followed."""
    for top, _folders, names in os.walk(folder):
        for name in names:
            path = Path(top) / name
            if _LEFTOVER.fullmatch(name) and stat.S_ISREG(path.lstat().st_mode):
                path.unlink(missing_ok=True)


def _check_paths(folder: Path, stale: list[Target], obsolete: dict[str, bool]) -> None:
    """Before anything is written: every path the build will write or remove lies inside the
    output folder, through real folders, and can be replaced."""
    check_folder(folder / SET_ASIDE)
    for relative in [*(t.relative for t in stale), *obsolete]:
        path = inside(folder, relative)
        status = path.lstat() if path.exists() else None
        if status is not None and not status.st_mode & stat.S_IWUSR:
            raise UnsafePath(
                f"tệp {display_path(path)} chỉ cho đọc nên không thay được; bỏ chế độ chỉ đọc (Read-only) "
                "của tệp rồi chạy lại"
            )


def _check_output(project: Project, folder: Path) -> None:
    """The output folder can hold output/<year>/: it is a folder (or a link the clerk made to one)."""
    if project.output.exists() and not project.output.is_dir():
        raise UnsafePath(
            f"{display_path(project.output)} là một tệp, nhưng ở đây cần thư mục kết quả; kiểm tra tham số "
            "OUTPUT=… (hay --output) của lệnh, hoặc đổi tên tệp đó rồi chạy lại"
        )
    check_folder(folder)


def build(
    project: Project,
    year: int | None = None,
    *,
    force: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool: WorkerPool | None = None,
) -> BuildReport:
    """`pool`: workers kept alive by the caller (the preview server), used and left running;
    without it, the build starts its own and ends them when it is done."""
    started = time.perf_counter()
    content_folder = edition_folder(project, year)
    folder = project.output / content_folder.name
    report = BuildReport(folder)
    _check_output(project, folder)
    state = BuildState.load(folder)
    inputs = edition_inputs(project, content_folder)
    if not force and state.unchanged_since(inputs):
        report.unchanged = len(state.entries)
        report.seconds = time.perf_counter() - started
        return report
    from .content.edition import load_edition  # only now: the quick check above needs none of it

    owned = pool is None
    if owned:
        pool = _worker_pool(workers or usable_cores())
    try:
        edition = load_edition(content_folder)  # before the output folder is created or touched
        wanted = targets(project, edition)
    except BaseException:
        if owned and pool is not None:
            pool.close(at_once=True)
        raise
    from .content.distribution import distribution
    from .document.manifest import unknown_indicator_lines

    report.notices = unknown_indicator_lines(edition, distribution(edition)[0].recipients)
    names = {t.relative for t in wanted}
    try:
        project.output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise os_problem(err, project.output) from None
    make_folders(project.output, folder)
    with pool if owned and pool is not None else contextlib.nullcontext(), one_build_at_a_time(folder):
        state = BuildState.load(folder)  # again: another build may have finished since the quick check
        stale = [t for t in wanted if force or not state.is_current(t.relative, t.fingerprint)]
        report.unchanged = len(wanted) - len(stale)
        # Edited by hand: kept while their inputs are the same, copied aside before they are replaced.
        kept_edited = [t for t in wanted if t not in stale and state.newly_edited(t.relative)]
        edited = {t.relative for t in stale if state.edited(t.relative)}
        obsolete = {
            relative: state.edited(relative) for relative in sorted((set(state.entries) | set(state.pending)) - names)
        }
        _check_paths(folder, stale, obsolete)
        from .render import check_before_rendering

        check_before_rendering([t.task for t in stale if t.task is not None])
        _remove_leftovers(folder)
        for target in kept_edited:
            state.record(target.relative, target.fingerprint, edited=True)
            report.kept_edited.append(folder / target.relative)
        interrupted = bool(state.pending)
        before = (dict(state.entries), dict(state.pending), state.inputs)
        state.pending = {t.relative: state.stat(t.relative) for t in stale}
        if stale:
            state.save()  # from now on, a stale file that changes is this build's doing, not an edit
        saved = time.monotonic()
        journal = _Journal(folder)
        try:
            for done, (target, data) in enumerate(_rendered(stale, pool), start=1):
                path = folder / target.relative
                # Looked at again just before it is replaced: an edit saved while the build ran is kept too.
                now, new = state.current(target.relative), digest(data)
                if (
                    now is not None
                    and now[2] != new
                    and (target.relative in edited or not state.same(now, state.pending[target.relative]))
                ):
                    report.set_aside.append((path, _set_aside(folder, target.relative, journal, move=False)))
                journal.keep(path)
                if not _written_unless_held_open(path, data, folder, state, target.relative, report, journal):
                    continue
                state.record(target.relative, target.fingerprint, sha256=new)
                # Saved now and then, not after every file: a killed build only rebuilds the few files
                # written since the last save.
                if time.monotonic() - saved > STATE_SAVE_SECONDS:
                    state.save()
                    saved = time.monotonic()
                report.written.append(path)
                if progress:
                    progress(done, len(stale))
            _remove_obsolete(folder, state, obsolete, report, journal)
        except Exception:
            # An error (a file that cannot be written, a document a writer cannot show): the folder
            # goes back to how it was, so that no document's DOCX and PDF disagree.
            journal.undo()
            state.entries, state.pending, state.inputs = before
            # A full disk, say: the error that stopped the build is the one to report.
            with contextlib.suppress(GeneratorError):
                state.save()
            raise
        journal.discard()
        if (
            report.written
            or report.removed
            or report.kept_edited
            or interrupted
            or state.inputs != inputs
            or not (folder / STATE_FILE).exists()
            or report.held_open
        ):
            state.inputs = "" if report.held_open else inputs  # "": the next build does not take the quick path
            state.save()
    report.seconds = time.perf_counter() - started
    return report
