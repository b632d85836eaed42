"""The worker processes that render output files, started before the content is validated.

Importing WeasyPrint takes about half a second in each process. The workers start as soon as a
build knows it has work, and import the writers while the main process reads and validates the
content, so that time is not added to the build's.

`fork` where the system has it (Linux: a worker starts in milliseconds); `spawn` elsewhere
(Windows has no fork; macOS has it but its system libraries are not safe across it). The
variable GENERATOR_START_METHOD forces one: CI runs the whole suite once with `spawn` on Linux.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

from .errors import GeneratorError

if TYPE_CHECKING:  # not imported at run time: a no-op build never starts workers
    from concurrent.futures import Future

START_METHOD_VARIABLE = "GENERATOR_START_METHOD"


def start_method() -> str:
    import multiprocessing

    available = multiprocessing.get_all_start_methods()
    forced = os.environ.get(START_METHOD_VARIABLE)
    if forced:
        if forced not in available:
            raise GeneratorError(
                f"biến môi trường {START_METHOD_VARIABLE}={forced} không hợp lệ trên máy này; "
                f"chọn một trong: {', '.join(available)}"
            )
        return forced
    return "fork" if sys.platform == "linux" and "fork" in available else "spawn"


class WorkerPool:
    """A process pool whose processes are started (and warming up) from the moment it is made.

    Used as a context: leaving it after its work waits for the idle workers to exit; leaving it
    on an exception (bad content, another build holding the folder, Ctrl+C), or without having
    been given work (nothing was stale), ends them at once, even in the middle of their warm-up."""

    def __init__(self, processes: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.processes = processes
        self._given_work = False
        self._pool = ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context(start_method()), initializer=_worker_start
        )
        # The executor starts processes when work is submitted (fork: all at the first task; spawn:
        # one for each task no idle worker can take): one empty task each starts them all now.
        for _ in range(processes):
            self._pool.submit(_started)

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        self._given_work = True
        return self._pool.submit(function, *args)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.close(at_once=kind is not None or not self._given_work)

    def close(self, *, at_once: bool) -> None:
        if at_once:
            terminate = getattr(self._pool, "terminate_workers", None)  # Python 3.14
            if terminate is not None:
                terminate()
                return
            for process in list((self._pool._processes or {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _started() -> None:
    """The empty task that makes the executor start a process."""


def _worker_start() -> None:
    """A worker does not outlive its build: one killed with SIGKILL must not leave workers behind.
    Then it imports the writers, before its first task."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # fork: not the parent's handler, which raises in the main loop
    if sys.platform == "linux":
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the call above took effect
            os._exit(1)
    from .render import warm_up

    warm_up()
