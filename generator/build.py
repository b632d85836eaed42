"""The build: read and validate an edition, decide what is out of date, render it, write it.

Every output file has a fingerprint: a hash of the format-neutral document it shows (so of exactly
the content it uses), the templates that lay it out, the font and the generator's own code
(project.py, targets.py). Files whose fingerprint is unchanged are left alone; the rest are
rendered in worker processes and written one by one, each atomically, by this process only,
through the write engine (engine.py). A killed build therefore leaves every file either as it was
or complete, and the next build finishes the job.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .engine import SET_ASIDE, WriteReport, Writing, check_output, check_paths
from .files import make_folders, one_build_at_a_time, os_problem, remove_scratch
from .project import Project, code_version, edition_folder, edition_inputs, usable_cores
from .state import STATE_FILE, BuildState
from .targets import MANIFEST, Target, targets
from .workers import WorkerPool

if TYPE_CHECKING:
    from .content.edition import Edition

# Kept here too: the names other commands and the tools have always imported from the build.
__all__ = [
    "MANIFEST",
    "SET_ASIDE",
    "BuildReport",
    "Project",
    "Target",
    "build",
    "code_version",
    "edition_folder",
    "edition_inputs",
    "targets",
    "usable_cores",
]

STATE_SAVE_SECONDS = 0.5


@dataclass
class BuildReport(WriteReport):
    unchanged: int = 0
    notices: tuple[
        str, ...
    ] = ()  # what the clerk must still see to, printed on the last lines (indicators without wording)
    seconds: float = 0.0


@dataclass
class _Plan:
    """What a build that holds the folder will do: decided on the state it then finds."""

    stale: list[Target]
    kept_edited: list[Target]
    edited: set[str]  # stale files edited by hand before the build
    obsolete: dict[str, bool]  # files no longer made → edited by hand


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


# ---------------------------------------------------------------- deciding
def _plan(state: BuildState, wanted: list[Target], force: bool) -> _Plan:
    names = {t.relative for t in wanted}
    stale = [t for t in wanted if force or not state.is_current(t.relative, t.fingerprint)]
    # Edited by hand: kept while their inputs are the same, copied aside before they are replaced.
    return _Plan(
        stale=stale,
        kept_edited=[t for t in wanted if t not in stale and state.newly_edited(t.relative)],
        edited={t.relative for t in stale if state.edited(t.relative)},
        obsolete={
            relative: state.edited(relative) for relative in sorted((set(state.entries) | set(state.pending)) - names)
        },
    )


def _check_machine(stale: list[Target]) -> None:
    """The machine's libraries and the Word templates (their styles, and the fonts a PDF takes
    from them), checked before any work starts, not in the middle of it."""
    from .render import check_before_rendering

    check_before_rendering([t.task for t in stale if t.task is not None])


def _loaded(
    project: Project,
    load_edition: Callable[[Path], Edition],
    content_folder: Path,
    pool: WorkerPool | None,
    owned: bool,
) -> tuple[Edition, list[Target]]:
    """The edition and what it makes; the build's own workers are ended if that fails."""
    try:
        edition = load_edition(content_folder)  # before the output folder is created or touched
        return edition, targets(project, edition)
    except BaseException:
        if owned and pool is not None:
            pool.close(at_once=True)
        raise


# ---------------------------------------------------------------- writing
def _write_all(
    folder: Path,
    state: BuildState,
    plan: _Plan,
    pool: WorkerPool | None,
    report: BuildReport,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Every stale target written and every obsolete file removed; all undone on an error."""
    stale = [t.relative for t in plan.stale]
    with Writing(folder, state, report, stale, plan.edited) as writing:
        saved = time.monotonic()
        for done, (target, data) in enumerate(_rendered(plan.stale, pool), start=1):
            if not writing.write(target.relative, target.fingerprint, data):
                continue
            # Saved now and then, not after every file: a killed build only rebuilds the few files
            # written since the last save.
            if time.monotonic() - saved > STATE_SAVE_SECONDS:
                state.save()
                saved = time.monotonic()
            if progress:
                progress(done, len(plan.stale))
        writing.remove(plan.obsolete)


def _run_locked(
    folder: Path,
    wanted: list[Target],
    force: bool,
    pool: WorkerPool | None,
    report: BuildReport,
    progress: Callable[[int, int], None] | None,
    inputs: str,
) -> None:
    """The build's work, once it holds the folder."""
    state = BuildState.load(folder)  # again: another build may have finished since the quick check
    plan = _plan(state, wanted, force)
    report.unchanged = len(wanted) - len(plan.stale)
    check_paths(folder, [*(t.relative for t in plan.stale), *plan.obsolete])
    _check_machine(plan.stale)
    remove_scratch(folder)
    for target in plan.kept_edited:
        state.record(target.relative, target.fingerprint, edited=True)
        report.kept_edited.append(folder / target.relative)
    interrupted = bool(state.pending)
    _write_all(folder, state, plan, pool, report, progress)
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
    remove_scratch(folder, keep_folder=False)


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
    check_output(project.output, folder)
    state = BuildState.load(folder)
    inputs = edition_inputs(project, content_folder)
    if not force and state.unchanged_since(inputs):
        report.unchanged = len(state.entries)
        report.seconds = time.perf_counter() - started
        return report
    from .checks import load_edition  # only now: the quick check above needs none of it

    owned = pool is None
    if owned:
        pool = _worker_pool(workers or usable_cores())
    edition, wanted = _loaded(project, load_edition, content_folder, pool, owned)
    from .content.distribution import distribution
    from .document.manifest import unknown_indicator_lines

    report.notices = unknown_indicator_lines(edition, distribution(edition)[0].recipients)
    try:
        project.output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise os_problem(err, project.output) from None
    make_folders(project.output, folder)
    with pool if owned and pool is not None else contextlib.nullcontext(), one_build_at_a_time(folder):
        _run_locked(folder, wanted, force, pool, report, progress, inputs)
    report.seconds = time.perf_counter() - started
    return report
