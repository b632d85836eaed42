"""Issue 24: returned forms are untrusted input. Each bad file or cell is named in the tracking
list, in Vietnamese, and every other unit still counts; zip bombs and entity tricks are refused
while reading, within a bounded memory."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import os
import sys
import zipfile

import docx
import pytest
from conftest import ROOT as REPO
from conftest import ROOTS, TEMPLATES, build_root_copy, run_main
from test_collect import ACTIVITIES, COLUMNS, fill, table_by_header

XA = ROOTS / "xa-mau"
YEAR = 2026


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_root_copy(tmp_path_factory, XA, YEAR)


def _form(project, unit: str, target):
    return shutil.copy(project.output / str(YEAR) / unit / f"bao-cao-{unit}.docx", target)


def _set_narrative(path, text: str) -> None:
    document = docx.Document(str(path))
    table = table_by_header(document, COLUMNS["stt"], COLUMNS["noi_dung"])
    for row in table.rows[1:]:
        if row.cells[1].text.strip() == COLUMNS["kho_khan"]:
            row.cells[2].paragraphs[0].text = text
    document.save(str(path))


def _tracking(project) -> list[dict]:
    text = (project.output / str(YEAR) / "tong-hop" / "theo-doi-bao-cao.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_bad_cells_are_named_and_the_other_units_still_count(built):
    from generator.collect.run import collect_edition

    inbox = built.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    good = _form(built, "Phong-VH-XH", inbox / "tot.docx")
    fill(good, {"activities": {ACTIVITIES[0]: (2, 120, 70)}, "budget": ["1.500.000"]})
    emoji = _form(built, "Cong-an-xa", inbox / "emoji.docx")
    fill(emoji, {"activities": {}, "budget": []})
    _set_narrative(emoji, "Đã làm tốt 👍")
    invisible = _form(built, "Hoi-LHPN-xa", inbox / "vo-hinh.docx")
    fill(invisible, {"activities": {}, "budget": []})
    _set_narrative(invisible, "Thiếu\u200bkinh\u202ephí")
    huge = _form(built, "Doan-TN-xa", inbox / "dai.docx")
    fill(huge, {"activities": {ACTIVITIES[0]: ("1,000", "-3", "১২")}, "budget": []})
    _set_narrative(huge, "a" * 1_000_000)
    # Windows (and make test-portable) has no symlinks for ordinary users: the link case is then left out.
    links = sys.platform != "win32" and hasattr(os, "symlink")
    if links:
        (inbox / "lien-ket.docx").symlink_to(good)
    year_one = _form(built, "Ap-Tan-Lap", inbox / "nam-1.docx")
    fill(year_one, {"activities": {}, "budget": []}, written_date="Mẫu, ngày 08 tháng 12 năm 0001")
    report = collect_edition(built, YEAR)
    rows = {row["Đơn vị"]: row for row in _tracking(built)}
    summary = docx.Document(str(built.output / str(YEAR) / "tong-hop" / "bao-cao-tong-hop.docx"))
    summary_text = "\n".join(c.text for t in summary.tables for r in t.rows for c in r.cells) + "\n".join(
        p.text for p in summary.paragraphs
    )
    # A bad cell is left out and named; its file still counts for the rest (five units, the link refused).
    assert report.reported == 5, rows
    problems = {row["Tệp"]: row["Vấn đề cần xử lý"] for row in rows.values()}
    by_file = {row["Tệp"]: row for row in rows.values()}
    assert by_file["tot.docx"]["Tình trạng"] == "Đã báo cáo"
    assert by_file["nam-1.docx"]["Tình trạng"] == "Đã báo cáo"
    assert all(by_file[name]["Tình trạng"] == "Đã báo cáo" for name in ("emoji.docx", "vo-hinh.docx", "dai.docx"))
    assert by_file["nam-1.docx"]["Ngày lấy từ"] == "ngày của tệp"
    assert "năm ghi trên báo cáo (1)" in problems["nam-1.docx"]
    assert not links or "liên kết" in problems["lien-ket.docx"]
    assert "U+1F44D" in problems["emoji.docx"] and COLUMNS["kho_khan"] in problems["emoji.docx"]
    assert "U+200B" in problems["vo-hinh.docx"]
    assert "1.000.000 ký tự" in problems["dai.docx"]
    assert "«1,000»: không rõ là số thập phân hay hàng nghìn" in problems["dai.docx"]
    assert "số âm" in problems["dai.docx"] and "0–9" in problems["dai.docx"]
    for bad in ("👍", "\u200b", "\u202e", "a" * 100):
        assert bad not in summary_text


@pytest.mark.parametrize(
    ("text", "whole", "message"),
    [
        ("১২", False, "0–9"),
        ("１２", False, "0–9"),
        ("١٢", False, "0–9"),
        ("1,000", False, "hàng nghìn"),
        ("1,5", True, "số nguyên"),
        ("2.5", True, "dấu phẩy"),
        ("-3", False, "số âm"),
        ("9" * 400, False, "quá lớn"),
        ("9" * 20, False, "quá lớn"),
    ],
)
def test_numbers_follow_one_strict_rule(text, whole, message):
    from generator.collect.collect import NotANumber, parse_number

    with pytest.raises(NotANumber, match=message):
        parse_number(text, whole=whole)


def test_numbers_a_clerk_types_are_read():
    from generator.collect.collect import parse_number

    assert parse_number("1.250.000", whole=True) == 1_250_000
    assert parse_number("12,5") == 12.5
    assert parse_number("45%", percent=True) == 45
    assert parse_number("") is None


def _docx_with(path, document_xml: bytes, *, compress=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", compress) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)


BODY = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>'


def test_utf16_entities_are_refused(tmp_path):
    from generator.collect.reading import NotAForm, read_form

    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "ENTITY-EXPANDED">]>' + BODY.format(
        "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
    )
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-8"):
        path = tmp_path / f"{encoding}.docx"
        _docx_with(path, xml.encode(encoding))
        with pytest.raises(NotAForm, match="DOCTYPE"):
            read_form(path)


BOMB = """
import resource, sys, zipfile
sys.path.insert(0, {repo!r})
from generator.collect.reading import NotAForm, read_form
try:
    read_form(__import__("pathlib").Path({path!r}))
    print("READ")
except NotAForm as err:
    print("REFUSED", err)
# ru_maxrss survives exec on Linux (it may be the parent's); VmHWM is this process's own peak.
status = __import__("pathlib").Path("/proc/self/status")
own = [int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM")] if status.exists() else []
print((own[0] if own else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) // 1024)
"""


def _bomb(path, size: int, declared: int | None = None) -> None:
    """A document.xml of `size` bytes of white space inside the body, deflated to a few hundred kB
    and written in chunks (the test itself stays small); with `declared`, the archive claims that
    size for it instead."""
    head, tail = BODY.split("{}")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=False) as member:
            member.write(head.encode())
            for _ in range(size // 1_000_000):
                member.write(b" " * 1_000_000)
            member.write(tail.encode())
    if declared is not None:
        real = size // 1_000_000 * 1_000_000 + len(head) + len(tail)
        data = bytearray(path.read_bytes())
        at = data.find(real.to_bytes(4, "little"))
        while at != -1:
            data[at : at + 4] = declared.to_bytes(4, "little")
            at = data.find(real.to_bytes(4, "little"), at + 4)
        path.write_bytes(bytes(data))
        assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == declared


@pytest.mark.parametrize(("size", "declared"), [(95_000_000, None), (500_000_000, 10_000)])
def test_zip_bombs_are_refused_while_inflating(tmp_path, size, declared):
    path = tmp_path / "bom.docx"
    _bomb(path, size, declared)
    assert path.stat().st_size < 3_000_000  # under MAX_FILE_BYTES: refused only while inflating
    done = subprocess.run(
        [sys.executable, "-c", BOMB.format(repo=str(REPO), path=str(path))], capture_output=True, text=True, timeout=60
    )
    lines = done.stdout.split("\n")
    assert lines[0].startswith("REFUSED"), done.stdout + done.stderr
    peak_mb = int(lines[1])
    print(f"peak RSS {peak_mb} MB for {size:,} bytes inflated")
    assert peak_mb < 300


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path):
    from generator.collect.reading import NotAForm, read_form

    path = tmp_path / "lon.docx"
    with path.open("wb") as handle:
        handle.truncate(5 * 1024**3)  # sparse: 5 GB by the file system, nothing on disk
    with pytest.raises(NotAForm, match="quá lớn"):
        read_form(path)


def test_a_date_not_on_the_calendar_is_named(built, tmp_path):
    from generator.collect.reading import read_form

    path = _form(built, "Ap-Tan-Lap", tmp_path / "ngay.docx")
    fill(path, {"activities": {}, "budget": []}, written_date="Mẫu, ngày 31 tháng 2 năm 2026")
    read = read_form(path)
    assert read.written_date is None
    assert "31 tháng 2" in read.date_problem


@pytest.mark.parametrize("output", ["content/out", "content", "."])
def test_output_and_content_folders_must_be_apart(tmp_path, output):
    shutil.copytree(XA / str(YEAR), tmp_path / "content" / str(YEAR))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = run_main(["--content", "content", "--output", output, "--templates", str(TEMPLATES), "check"], cwd=tmp_path)
    assert done.returncode == 1
    assert "không được trùng nhau hay nằm trong nhau" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("short_name", ["Tổng hợp", "TONG HOP", "Bản sửa tay", "Danh sách gửi"])
def test_a_recipient_named_like_the_programs_own_files_is_refused(tmp_path, short_name):
    shutil.copytree(XA / str(YEAR), tmp_path / "content" / str(YEAR))
    agencies = tmp_path / "content" / str(YEAR) / "co-quan.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace('ten_viet_tat: "Phòng VH-XH"', f'ten_viet_tat: "{short_name}"'), encoding="utf-8")
    line = text.splitlines().index('    ten_viet_tat: "Phòng VH-XH"') + 1
    done = run_main(["check"], cwd=tmp_path, cwd_folders=True)
    assert done.returncode == 1
    said = done.stderr + done.stdout
    assert f"co-quan.yaml:{line}:" in said and "trùng tên chương trình dùng" in said, said
    assert "Traceback" not in said
    assert not (tmp_path / "output").exists()
