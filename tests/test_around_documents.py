"""What a clerk meets around the documents (issue 23): Word's spelling language, the review
copy's authors and times, the wording of pages and messages, the Windows route, failing installs."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOTS, build_root
from datetime import UTC

YEAR = 2026
VIETNAMESE = "vi-VN"


@pytest.fixture(scope="module")
def xa_mau(tmp_path_factory) -> Path:
    return build_root(tmp_path_factory, ROOTS / "xa-mau", YEAR)


def _docx_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.docx"))


def _own_language(element) -> str | None:
    rpr = element.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    return lang.get(qn("w:val")) if lang is not None else None


def _style_languages(document) -> dict[str, str | None]:
    """Each style's language as Word resolves it: its own, else its base style's, else the defaults'."""
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    default = _own_language(defaults) if defaults is not None else None
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}

    def resolved(style_id: str, seen: frozenset = frozenset()) -> str | None:
        style = by_id.get(style_id)
        if style is None or style_id in seen:
            return default
        own = _own_language(style)
        if own is not None:
            return own
        based = style.find(qn("w:basedOn"))
        return resolved(based.get(qn("w:val")), seen | {style_id}) if based is not None else default

    return {style_id: resolved(style_id) for style_id in by_id}


def test_every_style_and_run_of_every_built_docx_is_vietnamese(xa_mau):
    files = _docx_files(xa_mau)
    assert len(files) >= 3, files  # the plan, a letter and a form at least
    runs = 0
    for path in files:
        document = docx.Document(str(path))
        languages = _style_languages(document)
        assert languages and set(languages.values()) == {VIETNAMESE}, (path.name, languages)
        parts = [document.element.body]
        for section in document.sections:
            parts += [section.header._element, section.footer._element]
        for part in parts:
            for run in part.iter(qn("w:r")):
                runs += 1
                assert _own_language(run) == VIETNAMESE, (path.name, run.xpath("string(.)"))
    assert runs > 100


def test_the_template_itself_is_vietnamese():
    from conftest import TEMPLATES

    document = docx.Document(str(TEMPLATES / "van-ban.docx"))
    assert set(_style_languages(document).values()) == {VIETNAMESE}
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme is None or theme.get(qn("w:val")) == VIETNAMESE


# ---------------------------------------------------------------- the review copy (make diff)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE = "Phòng Văn hóa - Xã hội, UBND xã Mẫu Sơn"
CHANGED = ("Theo dõi, đôn đốc các đơn vị.", "Theo dõi, đôn đốc, kiểm tra các đơn vị.")
HEADING = ('tieu_de_to_chuc_thuc_hien: "TỔ CHỨC THỰC HIỆN"', 'tieu_de_to_chuc_thuc_hien: "TỔ CHỨC, THỰC HIỆN"')


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def two_editions(tmp_path):
    """The tiny commune edition and an edited copy: one task reworded, a section heading renamed,
    the drafting office named in words in the new one."""
    import shutil

    old, new = tmp_path / "old" / str(YEAR), tmp_path / "new" / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), old)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), new)
    _replace(new / "ke-hoach.yaml", *CHANGED)
    _replace(new / "ke-hoach.yaml", *HEADING)
    _replace(
        new / "ke-hoach.yaml",
        '  don_vi_soan_thao: "VHXH"\n',
        f'  don_vi_soan_thao: "VHXH"\n  ten_don_vi_soan_thao: "{OFFICE}"\n',
    )
    return old, new


def _revision_marks(data: bytes) -> list:
    import io
    import zipfile

    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return body.xpath("//w:ins|//w:del", namespaces={"w": W})


def test_review_copy_revisions_are_by_the_office_in_words_at_local_time(two_editions):
    from datetime import datetime

    from conftest import TEMPLATES
    from generator.commands.diff import compare
    from generator.commands.diff_output import render_docx
    from generator.checks import load_edition

    old, new = (load_edition(folder) for folder in two_editions)
    made = datetime(2026, 3, 5, 7, 45, 12, tzinfo=UTC)  # 14:45:12 in Vietnam
    marks = _revision_marks(render_docx(compare(old, new, on=made), TEMPLATES))
    assert len(marks) >= 2  # the task's words and the heading's
    assert {m.get(f"{{{W}}}author") for m in marks} == {OFFICE}
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2026-03-05T14:45:12+07:00"}


def test_review_copy_made_now_carries_the_local_time_and_no_abbreviation(two_editions):
    from datetime import datetime, timedelta

    from conftest import TEMPLATES
    from generator.commands.diff import compare
    from generator.commands.diff_output import render_docx
    from generator.checks import load_edition

    old, new = two_editions
    _replace(new / "ke-hoach.yaml", f'  ten_don_vi_soan_thao: "{OFFICE}"\n', "")
    before = datetime.now(UTC).replace(microsecond=0)
    marks = _revision_marks(render_docx(compare(load_edition(old), load_edition(new)), TEMPLATES))
    after = datetime.now(UTC)
    # Without a name in words: the issuer's name, never the "Lưu" line's abbreviation in brackets.
    assert {m.get(f"{{{W}}}author") for m in marks} == {"Ủy ban nhân dân xã Mẫu Sơn"}
    [stamp] = {m.get(f"{{{W}}}date") for m in marks}
    assert stamp.endswith("+07:00"), stamp
    moment = datetime.fromisoformat(stamp)
    assert moment.utcoffset() == timedelta(hours=7)
    assert before <= moment <= after + timedelta(seconds=1)


def test_review_html_shows_each_section_heading_once(two_editions):
    import html as html_module
    import re

    from generator.commands.diff import compare
    from generator.commands.diff_output import render_html
    from generator.checks import load_edition
    from conftest import TEMPLATES

    old, new = (load_edition(folder) for folder in two_editions)
    page = render_html(compare(old, new), TEMPLATES / "html").decode("utf-8")

    def visible(fragment: str) -> str:
        return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())

    titles = [visible(re.sub(r"<span class=\"label\">.*?</span>", "", h)) for h in re.findall(r"<h2 .*?</h2>", page)]
    paragraphs = [visible(p) for p in re.findall(r"<p class=\"[^\"]*heading[^\"]*\">.*?</p>", page, re.S)]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in titles
    for heading in titles:
        assert heading not in paragraphs, heading  # an unchanged heading: the h2 only
    # A changed heading is shown with its change under the h2.
    changed = [p for p in re.findall(r"<p class=\"changed heading\">.*?</p>", page, re.S)]
    assert len(changed) == 1 and ("<ins>" in changed[0] or "<del>" in changed[0]), changed


# ---------------------------------------------------------------- pages and messages for the clerk


def test_the_distribution_list_names_no_configuration_key(tmp_path_factory, tmp_path):
    import re
    import shutil

    content = tmp_path / "content"
    folder = content / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    agencies = folder / "co-quan.yaml"
    agencies.write_text(
        agencies.read_text(encoding="utf-8")
        + '  - ma: "cac-ban"\n    ten: "Các ban, ngành liên quan"\n    ten_viet_tat: "Các ban, ngành"\n'
        '    loai: "giao"\n    gui_cong_van: false\n',
        encoding="utf-8",
    )
    _replace(
        folder / "ke-hoach.yaml",
        "to_chuc_thuc_hien:\n",
        'to_chuc_thuc_hien:\n  - co_quan: "cac-ban"\n    nhiem_vu:\n      - "Phối hợp thực hiện."\n',
    )
    built = build_root(tmp_path_factory, content, YEAR)
    page = (built / "danh-sach-gui.html").read_text(encoding="utf-8")
    text = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    assert "Các ban, ngành liên quan" in text and "không gửi công văn riêng" in text
    # A file's name tells the clerk where to look; a key or a YAML value means nothing to a reader.
    keys = re.findall(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:true|false|null)\b", text)
    assert keys == [], keys


def test_every_option_a_message_suggests_is_one_the_clerks_commands_take():
    import errno
    import re
    import subprocess

    from generator import van_ban
    from generator.cli import parser
    from generator.files import os_problem

    root = Path(__file__).resolve().parent.parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (root / "generator").rglob("*.py"))
    # Messages name the clerk's NAME=value arguments; each is one some command of make/van-ban takes.
    accepted = {v for c in van_ban.COMMANDS for v in c.variables}
    suggested = set(re.findall(r"\b([A-Z]{3,})=(?:<|…|\d|\w)", sources)) - {"PYTHON", "NAME"}
    assert "OUTPUT" in suggested and suggested <= accepted, suggested - accepted
    message = str(os_problem(OSError(errno.EROFS, "read-only"), root / "output"))
    assert "OUTPUT=" in message and "--output" not in message
    # make passes OUTPUT (a folder with a space in its name) through to the program's --output.
    dry = subprocess.run(
        ["make", "-n", "-s", "documents", "OUTPUT=D:/Văn bản", "YEAR=2026"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in dry.splitlines() if "-m generator" in line)
    assert '--output "D:/Văn bản" build --year 2026' in line
    # van-ban turns OUTPUT=… into the same program options, which the program's parser accepts.
    for command in ("documents", "diff", "tong-hop"):
        arguments = van_ban._arguments(next(c for c in van_ban.COMMANDS if c.name == command), ["OUTPUT=ket qua"])
        assert arguments == ["--output", "ket qua"]
    args = parser().parse_args(["--output", "ket qua", "build", "--year", "2026"])
    assert args.output == Path("ket qua") and args.command == "build"


# ---------------------------------------------------------------- failing and offline installs
UNREACHABLE = "http://127.0.0.1:9/"  # the discard port: nothing answers


@pytest.mark.skipif(shutil.which("make") is None or shutil.which("sh") is None, reason="needs make and sh")
@pytest.mark.parametrize("bundle", [False, True], ids=["from PyPI", "from a broken offline bundle"])
def test_a_failing_install_prints_one_vietnamese_paragraph_and_keeps_pips_output(tmp_path, bundle):
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    venv, log, wheels = tmp_path / "venv", tmp_path / "cai-dat.log", tmp_path / "goi"
    wheels.mkdir()
    if bundle:  # a folder of the wrong wheels: what a USB stick from another kind of machine may hold
        (wheels / "khac-1.0-py3-none-any.whl").write_bytes(b"not a wheel")
    env = dict(
        os.environ,
        PIP_INDEX_URL=UNREACHABLE,
        PIP_RETRIES="0",
        PIP_NO_CACHE_DIR="1",
        INSTALL_LOG=str(log),
        OFFLINE_BUNDLE=str(wheels),
    )
    done = subprocess.run(
        ["make", "-s", f"VENV={venv}", f"{venv}/.installed"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert not (venv / ".installed").exists()
    screen = done.stdout + done.stderr
    for english in ("ERROR", "Traceback", "pip._internal", "Could not"):
        assert english not in screen, screen
    message = done.stderr.strip()
    assert str(log) in message and "make offline-bundle" in message
    if bundle:
        assert str(wheels) in message
    else:
        assert "HTTPS_PROXY" in message and "pypi.org" in message and "mạng" in message
    # pip's own words are kept in the log file for whoever helps the clerk.
    assert "ERROR" in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the Windows route
def test_the_portable_suite_runs_without_the_posix_only_calls():
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    probe = (
        "import os, sys\n"
        "from tests import posix_disabled\n"
        "posix_disabled.pytest_configure(None)\n"
        "missing = [n for n in ('fork', 'killpg', 'symlink') if hasattr(os, n)]\n"
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n"
        "print(missing, fcntl)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "None"]
    dry = subprocess.run(["make", "-n", "-s", "test-portable"], cwd=root, capture_output=True, text=True).stdout
    assert "-p tests.posix_disabled" in dry and "GENERATOR_START_METHOD=spawn" in dry
