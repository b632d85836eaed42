"""`generator xem`: the preview server, run as the clerk runs it (a subprocess, --no-browser) on a
tiny root; its status, page and files read over HTTP, its PDFs read back with pypdf."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, ROOTS, build_root, needs_symlinks, run_build

YEAR = "2026"
PARAGRAPH = "Để triển khai công tác bình đẳng giới năm {nam}, UBND xã ban hành Kế hoạch như sau:"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, content: Path, output: Path, port: int):
        # faulthandler: a server that does not stop is made to print where each thread waits (stop).
        command = [sys.executable, "-X", "faulthandler", "-m", "generator", "--content", str(content)]
        command += ["--output", str(output), "xem", "--no-browser", "--port", str(port)]
        # Run from a shell's background job, this process ignores Ctrl+C and the server would
        # inherit that; a test stops it with Ctrl+C, so it starts with Ctrl+C handled as by a clerk's terminal.
        ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
        if ignored:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=dict(os.environ, PYTHONUTF8="1", PYTHONUNBUFFERED="1"),
                text=True,
            )
        finally:
            if ignored:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
        self.port = None
        for line in self.process.stdout:  # the server says where it listens
            if line.startswith("Xem văn bản tại http://127.0.0.1:"):
                self.port = int(line.split("127.0.0.1:")[1].split("/")[0])
                break
        assert self.port is not None, "the server did not start"

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def status(self) -> dict:
        code, body = self.get("/status")
        assert code == 200
        return json.loads(body)

    def wait_for(self, builds: int, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status()
            if status["builds"] >= builds and not status["building"]:
                return status
            time.sleep(0.1)
        raise AssertionError(f"no build {builds} within {timeout} s: {status}")

    def stop(self, how: int = signal.SIGTERM) -> str:
        self.process.send_signal(how)
        try:
            rest, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGABRT)
            rest, _ = self.process.communicate(timeout=20)
            raise AssertionError(f"the server did not stop within 20 s; where it waited:\n{rest}") from None
        return rest


@pytest.fixture(scope="module")
def tiny_output(tmp_path_factory) -> Path:
    """The tiny root built once for this module: output/<year>/."""
    return build_root(tmp_path_factory, ROOTS / "xa-mau", int(YEAR))


def start(tmp_path: Path, built: Path | None):
    """A server on a copy of the tiny root; on a copy of `built` (times kept: the set is current,
    as after `make documents`) or on no output at all."""
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "xa-mau", content)
    if built is not None:
        shutil.copytree(built, tmp_path / "output" / YEAR)
    running = Server(content, tmp_path / "output", free_port())
    return running, content, tmp_path / "output"


@pytest.fixture
def server(tmp_path, tiny_output):
    """A server on output `make documents` wrote: its first build writes nothing (each test here
    is about what comes after it), saving a build of the tiny root per test."""
    running = start(tmp_path, tiny_output)
    yield running
    running[0].stop()


@pytest.fixture
def cold_server(tmp_path):
    """A server on an empty output folder: it writes the whole set."""
    running = start(tmp_path, None)
    yield running
    running[0].stop()


def pdf_text(data: bytes) -> str:
    """The PDF's words, one space between each (lines wrap anywhere)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_edit_error_fix_cycle(server):
    running, content, output = server
    status = running.wait_for(1)
    assert status["errors"] == []
    assert status["year"] == YEAR
    groups = status["documents"]
    assert groups[0]["recipient"] == ""  # the plan first
    assert [f["path"] for f in groups[0]["files"]] == ["ke-hoach.pdf"]
    # Every recipient with a letter is listed under its name, its PDFs named as the distribution list names them.
    assert len(groups) > 2 and all(g["recipient"] and g["files"] for g in groups[1:])
    on_disk = sorted(p.relative_to(output / YEAR).as_posix() for p in (output / YEAR).rglob("*.pdf"))
    assert sorted(f["path"] for g in groups for f in g["files"]) == on_disk
    assert any(f["name"] == "Công văn" for g in groups for f in g["files"])
    assert any("Chú ý" in notice for notice in status["notices"])

    code, page = running.get("/")
    assert code == 200 and "Văn bản năm" in page.decode()
    code, first = running.get("/files/ke-hoach.pdf")
    assert code == 200 and first == (output / YEAR / "ke-hoach.pdf").read_bytes()
    assert "ban hành Kế hoạch như sau" in pdf_text(first)
    letter = output / YEAR / groups[1]["files"][0]["path"]
    letter_before = letter.stat().st_mtime_ns

    # An edit of one plan paragraph: the plan's PDF changes, a letter that does not show it is left alone.
    plan = content / YEAR / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace(PARAGRAPH, PARAGRAPH.replace("như sau", "gồm các nội dung sau")), encoding="utf-8")
    status = running.wait_for(2)
    assert status["errors"] == [] and 0 < status["written"] < 10
    code, second = running.get("/files/ke-hoach.pdf")
    assert second != first and "gồm các nội dung sau" in pdf_text(second)
    assert letter.stat().st_mtime_ns == letter_before

    # A save cut half-way: the error with file:line, the last good PDF still served.
    plan.write_text(text[: text.index(PARAGRAPH) + 20], encoding="utf-8")
    status = running.wait_for(3)
    assert status["errors"] and any(
        e.startswith(f"{YEAR}/ke-hoach.yaml:") or "ke-hoach.yaml:" in e for e in status["errors"]
    )
    assert any(e.split("ke-hoach.yaml:")[1].split(":")[0].isdigit() for e in status["errors"] if "ke-hoach.yaml:" in e)
    assert running.get("/files/ke-hoach.pdf") == (200, second)

    # Fixed: the new PDF.
    plan.write_text(text.replace(PARAGRAPH, PARAGRAPH.replace("như sau", "dưới đây")), encoding="utf-8")
    status = running.wait_for(4)
    assert status["errors"] == []
    code, third = running.get("/files/ke-hoach.pdf")
    assert "dưới đây" in pdf_text(third)


def test_same_bytes_as_make_documents(cold_server, tmp_path):
    """What the server keeps in output/<year>/ is what `generator build` writes from the same content."""
    running, content, output = cold_server
    running.wait_for(1)
    plan = content / YEAR / "ke-hoach.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("như sau", "gồm"), encoding="utf-8")
    running.wait_for(2)
    other = tmp_path / "cold"
    # In this process: the build the server runs is the one `generator build` runs; the process
    # and its start are not what is compared here (starting Python again cost about 2 s).
    run_build(content, other, year=int(YEAR))

    def hashes(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*")
            if p.is_file() and p.suffix in (".pdf", ".docx", ".csv", ".html")
        }

    warm, cold = hashes(output / YEAR), hashes(other / YEAR)
    assert warm and warm == cold


def test_burst_of_saves_gives_one_rebuild(server):
    running, content, _ = server
    running.wait_for(1)
    plan = content / YEAR / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    for number in range(20):
        plan.write_text(text.replace("như sau", f"như sau ({number})"), encoding="utf-8")
        time.sleep(0.04)
    status = running.wait_for(2)
    time.sleep(1.5)
    assert running.status()["builds"] == 2, status
    assert "(19)" in pdf_text(running.get("/files/ke-hoach.pdf")[1])


@needs_symlinks
def test_nothing_outside_the_output_folder(server, tmp_path):
    running, _, output = server
    running.wait_for(1)
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    (output / YEAR / "link.pdf").symlink_to(secret)
    (output / YEAR / "Ap-link").symlink_to(tmp_path, target_is_directory=True)
    for path in (
        "/files/../../../etc/passwd",
        "/files/%2e%2e/%2e%2e/etc/passwd",
        "/files/%2Fetc%2Fpasswd",
        "/files/..%5C..%5Cetc%5Cpasswd",
        "/files/C:%5Cwindows%5Cwin.ini",
        "/files/.state.json",
        "/files/link.pdf",
        "/files/Ap-link/secret.pdf",
        "/../secret.pdf",
    ):
        code, body = running.get(path)
        assert code == 404 and b"secret" not in body and b"root:" not in body, path
    assert running.get("/files/ke-hoach.pdf")[0] == 200
    assert "link" not in json.dumps(running.status())


def test_notices_when_the_output_is_up_to_date(server):
    """A server started on output `make documents` already wrote lists the notices all the same."""
    running, content, output = server
    first = running.wait_for(1)["notices"]
    assert first and all(n.startswith("Chú ý:") for n in first)
    running.stop()
    again = Server(content, output, free_port())
    try:
        status = again.wait_for(1)
        assert status["written"] == 0 and status["notices"] == first
    finally:
        again.stop()


def test_second_server_on_the_same_content(server):
    running, content, output = server
    running.wait_for(1)
    second = subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(content), "--output", str(output), "xem"]
        + ["--no-browser", "--port", str(running.port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env=dict(os.environ, PYTHONUTF8="1"),
    )
    assert second.returncode == 1
    assert "một lệnh xem khác đang theo dõi" in second.stderr


def test_busy_port_moves_to_the_next(tmp_path, tiny_output):
    content = tmp_path / "content"
    shutil.copytree(ROOTS / "xa-mau", content)
    # The set as `make documents` left it: the server's first build has nothing to write.
    shutil.copytree(tiny_output, tmp_path / "output" / YEAR)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        running = Server(content, tmp_path / "output", port)
        try:
            assert running.port != port
            assert running.status()["builds"] >= 1
        finally:
            rest = running.stop(signal.SIGINT)  # Ctrl+C
    assert running.process.returncode == 0
    assert "Đã dừng xem văn bản." in rest and "Traceback" not in rest
    assert not list((tmp_path / "output").rglob("*.tmp"))


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_missing() -> str | None:
    if chromium() is None or shutil.which("chromedriver") is None:
        return "no chromium and chromium-driver on this machine (system packages chromium, chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


@pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))
def test_in_a_real_browser(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    running, content, _ = server
    running.wait_for(1)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        driver.get(f"http://127.0.0.1:{running.port}/")

        def until(condition, timeout: float = 20.0):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    value = condition()
                except StaleElementReferenceException:  # the list was drawn again meanwhile
                    value = None
                if value:
                    return value
                time.sleep(0.05)
            raise AssertionError("the page did not show it in time")

        listed = until(lambda: [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav a")])
        assert "Kế hoạch" in driver.find_element(By.TAG_NAME, "nav").text
        assert "Công văn" in listed and "Biểu mẫu báo cáo" in listed
        first = until(lambda: driver.find_element(By.ID, "pdf").get_attribute("src"))
        assert "/files/ke-hoach.pdf" in first

        plan = content / YEAR / "ke-hoach.yaml"
        text = plan.read_text(encoding="utf-8")
        saved = time.monotonic()
        plan.write_text(text[: text.index(PARAGRAPH) + 20], encoding="utf-8")  # a save cut half-way
        error = until(lambda: driver.find_element(By.ID, "loi").is_displayed() and driver.find_element(By.ID, "loi"))
        shown_after = time.monotonic() - saved
        print(f"error on the page {shown_after:.2f} s after the bad save")
        assert "ke-hoach.yaml:" in until(lambda: error.text)
        assert shown_after < 2.0  # the issue asks for 1 s; slack for 7 engineers on 2 cores
        assert driver.find_element(By.ID, "pdf").get_attribute("src") == first  # the last good PDF stays

        plan.write_text(text.replace(PARAGRAPH, PARAGRAPH.replace("như sau", "dưới đây")), encoding="utf-8")
        until(lambda: not driver.find_element(By.ID, "loi").is_displayed())
        reloaded = until(lambda: (src := driver.find_element(By.ID, "pdf").get_attribute("src")) != first and src)
        assert "/files/ke-hoach.pdf" in reloaded
        code, data = running.get(urllib.parse.urlsplit(reloaded).path)
        assert code == 200 and "dưới đây" in pdf_text(data)
    finally:
        driver.quit()


def test_hand_edit_kept(server):
    """A letter edited by hand in output/ stays as the clerk left it when a save does not touch it."""
    running, content, output = server
    status = running.wait_for(1)
    letter = output / YEAR / next(f["path"] for f in status["documents"][1]["files"] if f["name"] == "Công văn")
    letter = letter.with_suffix(".docx")
    edited = letter.read_bytes() + b"\0hand edit"
    letter.write_bytes(edited)
    plan = content / YEAR / "ke-hoach.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("như sau", "gồm"), encoding="utf-8")
    status = running.wait_for(2)
    assert status["errors"] == [] and status["written"] > 0
    assert letter.read_bytes() == edited


def test_a_pdf_replaced_while_the_page_asks_is_left_out_not_an_error(prebuilt, tmp_path, monkeypatch):
    """A build moves a document aside before putting the new one in its place: a file listed by
    the page's /status can be gone a moment later, which ended the request with no answer."""
    from generator.preview import Preview
    from generator.project import Project

    base = prebuilt("xa-mau", tmp_path)
    preview = Preview(Project(content=base / "content", templates=ROOT / "templates", output=base / "output"), 2026)
    vanishing = base / "output" / YEAR / "ke-hoach.pdf"
    served = Preview.served_file

    def replaced_meanwhile(self, relative):
        found = served(self, relative)
        if found == vanishing:
            vanishing.unlink()  # between the check and the page's reading of it
        return found

    monkeypatch.setattr(Preview, "served_file", replaced_meanwhile)
    listed = [file["path"] for group in preview.status_json()["documents"] for file in group["files"]]
    assert "ke-hoach.pdf" not in listed and len(listed) > 2


def test_a_folder_removed_while_the_page_lists_is_passed_over(prebuilt, tmp_path, monkeypatch):
    """The build's scratch folder comes and goes while it writes: one gone between being found and
    being looked into ended the page's /status request with no answer (seen in test_hand_edit_kept)."""
    import os

    from generator.preview import Preview
    from generator.project import Project

    base = prebuilt("xa-mau", tmp_path)
    preview = Preview(Project(content=base / "content", templates=ROOT / "templates", output=base / "output"), 2026)
    scratch = base / "output" / YEAR / ".tam"
    scratch.mkdir()
    scandir = os.scandir

    def removed_meanwhile(path="."):
        if os.fspath(path) == os.fspath(scratch):
            raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", removed_meanwhile)
    listed = [file["path"] for group in preview.status_json()["documents"] for file in group["files"]]
    assert "ke-hoach.pdf" in listed and len(listed) > 2
