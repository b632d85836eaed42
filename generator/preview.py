"""`make xem`: a warm preview of an edition while the clerk edits it.

One process builds the edition once, then watches content/<year>/ (watchfiles) and rebuilds after
each burst of saves through the ordinary incremental build (build.build), so output/<year>/ holds
exactly what `make documents` writes. The writers are imported once and the worker pool stays
alive between builds. A small HTTP server on 127.0.0.1 serves a page listing the documents by
recipient, the selected PDF, and a JSON status the page polls: it reloads the PDF when its file
changes and shows content errors (file:line) while the last good PDF stays on screen.

Only files under the output folder are served, through inside() (no `..`, no link).
"""

from __future__ import annotations

import contextlib
import errno
import json
import mimetypes
import os
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .build import Project, build, edition_folder, edition_inputs, usable_cores
from .errors import ContentError, GeneratorError
from .state import BuildState
from .files import UnsafePath, display_path, inside, one_build_at_a_time, read_file

HOST = "127.0.0.1"
DEFAULT_PORT = 8030
PORTS_TRIED = 20
# watchfiles groups changes until none came for STEP ms (at most DEBOUNCE ms): a burst of saves is one rebuild.
STEP_MS = 150
DEBOUNCE_MS = 3000
# The watcher starts after the first build: a save made meanwhile is no event. With no events for
# this long, the content's digest is compared with the one last built, and a missed save rebuilt.
RECHECK_MS = 1000
QUIET_SECONDS = 0.2
SERVED = (".pdf", ".html", ".csv", ".docx")


@dataclass
class Status:
    """What the page shows; read by the HTTP threads, written by the build loop under `lock`."""

    builds: int = 0  # builds finished (with or without errors)
    building: bool = False
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    written: int = 0
    finished_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


class Preview:
    def __init__(self, project: Project, year: int | None, *, workers: int | None = None):
        self.project = project
        self.year = year
        self.content_folder = edition_folder(project, year)
        self.folder = project.output / self.content_folder.name
        self.workers = workers or usable_cores()
        self.status = Status()
        self.pool = None
        self.built_inputs = ""  # edition_inputs of the last build, good or not

    # ------------------------------------------------------------ building
    def start_pool(self) -> None:
        """The workers, started once (forked from this process, which has imported the writers)."""
        from .build import _worker_pool

        from . import render  # noqa: F401

        self.pool = _worker_pool(self.workers)

    def _snapshot(self) -> list[tuple[str, int, int]]:
        result = []
        for path in sorted(self.content_folder.rglob("*")):
            with contextlib.suppress(OSError):
                status = path.stat()
                result.append((path.as_posix(), status.st_mtime_ns, status.st_size))
        return result

    def settle(self) -> None:
        """Waits until the content folder has had no change for QUIET_SECONDS: an editor saving
        in several steps, or a burst of saves, is rebuilt once."""
        before = self._snapshot()
        while True:
            time.sleep(QUIET_SECONDS)
            now = self._snapshot()
            if now == before:
                return
            before = now

    def rebuild(self, *, only_if_changed: bool = False) -> None:
        """One build; with only_if_changed, none when the content and templates are as last built
        (the watcher reports again changes already settled)."""
        inputs = edition_inputs(self.project, self.content_folder)
        if only_if_changed and inputs == self.built_inputs:
            return
        self.built_inputs = inputs
        with self.status.lock:
            self.status.building = True
        errors: list[str] = []
        report = None
        notices: list[str] | None = None
        try:
            # Up to date already: build() does not read the content, so its notices come from here.
            quick = BuildState.load(self.folder).unchanged_since(inputs) if self.folder.is_dir() else False
            report = build(self.project, self.year, workers=self.workers, pool=self.pool)
            notices = self._notices() if quick else list(report.notices)
        except ContentError as err:
            errors = [str(problem) for problem in err.problems]
        except GeneratorError as err:
            errors = [f"Lỗi: {err}"]
        except Exception as err:  # a broken worker: started again for the next build
            from concurrent.futures.process import BrokenProcessPool

            if not isinstance(err, BrokenProcessPool):
                raise
            errors = ["Lỗi: một tiến trình tạo PDF đã dừng; lưu lại tệp để tạo lại"]
            self.close_pool()
            self.start_pool()
        with self.status.lock:
            self.status.building = False
            self.status.builds += 1
            self.status.errors = errors
            self.status.finished_at = time.time()
            if report is not None:
                if notices is not None:
                    self.status.notices = notices
                self.status.seconds = report.seconds
                self.status.written = len(report.written)
        if errors:
            print(f"Có {len(errors)} lỗi; trang xem vẫn hiện bản PDF tạo được lần trước:")
            for line in errors:
                print(f"  {line}")
        elif report is not None:
            from .document.wording import decimal

            print(f"Đã tạo lại {len(report.written)} tệp ({decimal(report.seconds, 1)} giây).")

    def _notices(self) -> list[str]:
        """The build's notices ("Chú ý: …") of the content as it is, read without building."""
        from .content.distribution import distribution
        from .checks import load_edition
        from .document.manifest import unknown_indicator_lines

        edition = load_edition(self.content_folder)
        return list(unknown_indicator_lines(edition, distribution(edition)[0].recipients))

    def close_pool(self) -> None:
        if self.pool is not None:
            self.pool.close(at_once=True)
            self.pool = None

    # ------------------------------------------------------------ what the page reads
    def _labels(self) -> dict[str, tuple[int, str, str, int]]:
        """PDF path → (order, recipient, document title), from the distribution list the build writes
        (danh-sach-gui.csv: a row per recipient, a column per document). Read defensively: a file
        missing or changed by hand only loses the names."""
        import csv
        import io

        from .build import MANIFEST

        labels: dict[str, tuple[int, str, str, int]] = {}
        try:
            rows = list(csv.reader(io.StringIO(read_file(self.folder / f"{MANIFEST}.csv").decode("utf-8-sig"))))
        except (OSError, UnicodeDecodeError, csv.Error):
            return labels
        if len(rows) < 2 or len(rows[0]) < 2:
            return labels
        header = rows[0]
        for order, row in enumerate(rows[1:], start=1):
            for column, (title, cell) in enumerate(zip(header, row, strict=False)):
                for token in cell.split():
                    if token.endswith(".pdf"):
                        plan = "/" not in token
                        labels.setdefault(token, (0 if plan else order, "" if plan else row[1], title, column))
        return labels

    def documents(self) -> list[dict[str, Any]]:
        """The PDFs of output/<year>/ by recipient: the plan first, then the recipients in the
        distribution list's order, each document named as that list names it."""
        labels = self._labels()
        groups: dict[tuple[int, str], list[dict[str, Any]]] = {}
        if self.folder.is_dir():
            for path in _pdfs_under(self.folder):
                relative = path.relative_to(self.folder)
                if relative.parts[0].startswith(".") or relative.parts[0] in ("ban-sua-tay", "tong-hop"):
                    continue
                key = relative.as_posix()
                if self.served_file(key) is None:  # a link, or under a linked folder: not listed
                    continue
                folder = "" if len(relative.parts) == 1 else relative.parts[0]
                order, recipient, title, column = labels.get(key, (len(labels) + 1, folder, path.stem, 0))
                try:
                    status = path.stat()
                except OSError:  # replaced by the build running now, between the listing and here
                    continue
                groups.setdefault((order, recipient), []).append(
                    (column, {"path": key, "name": title, "version": f"{status.st_mtime_ns}-{status.st_size}"})
                )
        return [
            {"recipient": recipient, "files": [file for _column, file in sorted(files, key=lambda f: f[0])]}
            for (_order, recipient), files in sorted(groups.items())
        ]

    def status_json(self) -> dict[str, Any]:
        with self.status.lock:
            status = {
                "builds": self.status.builds,
                "building": self.status.building,
                "errors": list(self.status.errors),
                "notices": list(self.status.notices),
                "seconds": round(self.status.seconds, 3),
                "written": self.status.written,
                "year": self.content_folder.name,
            }
        status["documents"] = self.documents()
        return status

    def served_file(self, relative: str) -> Path | None:
        """A file under output/<year>/ the page may show, or None (outside it, a link, a folder, other kinds)."""
        try:
            path = inside(self.folder, relative)
        except UnsafePath:
            return None
        if path.suffix.lower() not in SERVED or not path.is_file():
            return None
        return path


def _pdfs_under(folder: Path) -> list[Path]:
    """The PDFs under a folder a build may be writing: os.walk passes over a folder removed while it
    looks (the build's scratch folder), where Path.rglob raised and the page's request got no answer."""
    return sorted(
        Path(top, name) for top, _folders, names in os.walk(folder) for name in names if name.endswith(".pdf")
    )


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    page = (Path(__file__).resolve().parent / "preview.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # the clerk's terminal shows builds, not requests
            pass

        def _send(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                return self._send(200, page, "text/html; charset=utf-8")
            if url.path == "/status":
                body = json.dumps(preview.status_json(), ensure_ascii=False).encode()
                return self._send(200, body, "application/json; charset=utf-8")
            if url.path.startswith("/files/"):
                path = preview.served_file(urllib.parse.unquote(url.path[len("/files/") :]))
                if path is not None:
                    try:
                        data = read_file(path)
                    except OSError:
                        data = None
                    if data is not None:
                        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                        return self._send(200, data, kind)
            self._send(404, "Không có tệp này.".encode(), "text/plain; charset=utf-8")

    return Handler


def start_server(preview: Preview, port: int) -> tuple[ThreadingHTTPServer, int]:
    """The server on 127.0.0.1, on `port` or the next free one; serving in a thread."""
    handler = _handler(preview)
    last: OSError | None = None
    for candidate in range(port, port + PORTS_TRIED):
        try:
            server = ThreadingHTTPServer((HOST, candidate), handler)
        except OSError as err:
            if err.errno not in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                raise
            last = err
            continue
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name="xem-http", daemon=True).start()
        return server, candidate
    raise GeneratorError(f"các cổng {port}–{port + PORTS_TRIED - 1} đều đang bận ({last}); chọn cổng khác bằng --port")


def serve(project: Project, year: int | None, *, port: int = DEFAULT_PORT, browser: bool = True) -> int:
    import watchfiles

    preview = Preview(project, year)
    # One server per output folder: its lock is held for the server's lifetime (the builds lock output/<year>/).
    try:
        holding = one_build_at_a_time(project.output)
        holding.__enter__()
    except GeneratorError:
        raise GeneratorError(
            f"một lệnh xem khác đang theo dõi nội dung này và ghi vào {display_path(project.output)}; "
            "dùng trang của lệnh đó, hoặc dừng nó (Ctrl+C) rồi chạy lại"
        ) from None
    server = None
    stop = threading.Event()
    try:
        preview.start_pool()  # before any thread: forked workers copy a process with one thread
        preview.rebuild()
        server, used = start_server(preview, port)
        if used != port:
            print(f"Cổng {port} đang bận; dùng cổng {used}.")
        url = f"http://{HOST}:{used}/"
        print(f"Xem văn bản tại {url} (năm {preview.content_folder.name}). Bấm Ctrl+C để dừng.", flush=True)
        if browser:
            import webbrowser

            webbrowser.open(url)
        for changes in watchfiles.watch(
            preview.content_folder,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            stop_event=stop,
            raise_interrupt=False,
            rust_timeout=RECHECK_MS,
            yield_on_timeout=True,
        ):
            if changes:
                preview.settle()
            preview.rebuild(only_if_changed=True)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if server is not None:
            server.shutdown()
            server.server_close()
        preview.close_pool()
        with contextlib.suppress(Exception):
            holding.__exit__(None, None, None)
    print("Đã dừng xem văn bản.")
    return 0
