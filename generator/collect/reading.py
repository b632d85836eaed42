"""Reading a returned report form: its identity, its tables as text, the date written on it.

Tolerant of what Word and LibreOffice do to a re-saved file: tables are found by their header
row and rows by their label, text is compared after Unicode normalisation and with runs of white
space folded, so split runs, non-breaking spaces and added line breaks do not matter.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from ..document.model import IDENTITY_PROPERTY
from ..untrusted import MAX_FILE_BYTES, MAX_MEMBER_BYTES, W, NotAForm, member, paragraph_text, parse

__all__ = ["W", "NotAForm", "ReadForm", "normal", "read_form"]

IDENTITY = re.compile(r"(?<![\w/])(\d{4})/([a-z0-9][a-z0-9-]*)/([0-9a-f]{8})(?![\w/])")
WRITTEN_DATE = re.compile(r"ngày\s*([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*([0-9]{4})")
# The form's date line, a paragraph of its header table: "Mẫu Sơn, ngày 08 tháng 12 năm 2026". A
# date anywhere else (in a result cell) is not the report's date.
DATE_LINE = re.compile(r"[^,]{1,120},\s*" + WRITTEN_DATE.pattern + r"\s*\.?")


@dataclass(frozen=True)
class ReadForm:
    identity: tuple[int, str, str] | None  # (year, recipient id, version), None when the file carries none
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # each table: its rows, each row its cells' text, normalised
    written_date: date | None  # the date the unit wrote on its report, if it did
    date_problem: str | None = None  # a date written on the report that is no date ("31 tháng 2")


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


# What reads as a character besides text runs: a line break or tab (the lines of a cell, as the
# forms write them) as a space, Word's no-break hyphen (in "UBND-VX", as the writer puts it) as a hyphen.
def _texts(element) -> str:
    """The text of a cell or paragraph: its paragraphs joined by line breaks."""
    return "\n".join(paragraph_text(p) for p in element.iter(f"{W}p"))


def _identity_from_properties(archive: zipfile.ZipFile) -> tuple[int, str, str] | None:
    names = set(archive.namelist())
    for part in ("docProps/custom.xml", "docProps/core.xml"):
        if part not in names:
            continue
        try:
            root = parse(member(archive, part))
        except ElementTree.ParseError:
            continue
        for element in root.iter():
            if part.endswith("custom.xml") and element.get("name") != IDENTITY_PROPERTY:
                continue
            match = IDENTITY.search("".join(element.itertext()))
            if match:
                return int(match.group(1)), match.group(2), match.group(3)
    return None


def read_form(path: Path) -> ReadForm:
    """The returned file's identity and tables, or NotAForm."""
    if path.suffix.lower() != ".docx":
        raise NotAForm(
            "không phải tệp Word .docx (chỉ đọc được biểu mẫu dạng .docx; nếu đơn vị gửi .doc, mở bằng Word "
            "và lưu lại dạng .docx)"
        )
    # The file system's size, before a byte is read: a file of gigabytes is never opened.
    if path.stat().st_size > MAX_FILE_BYTES:
        raise NotAForm("tệp quá lớn để là một biểu mẫu báo cáo")
    try:
        with zipfile.ZipFile(path) as archive:
            # Declared sizes first (cheap), then every part is measured while it is unpacked.
            if any(info.file_size > MAX_MEMBER_BYTES for info in archive.infolist()):
                raise NotAForm("tệp quá lớn để là một biểu mẫu báo cáo")
            document = member(archive, "word/document.xml")
            identity = _identity_from_properties(archive)
        body = parse(document).find(f"{W}body")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, EOFError, NotImplementedError):
        raise NotAForm("không mở được như tệp Word (.docx): tệp hỏng hoặc không phải văn bản Word") from None
    if body is None:
        raise NotAForm("tệp Word không có nội dung")
    tables = []
    for table in body.iter(f"{W}tbl"):
        rows = []
        for row in table.findall(f"{W}tr"):
            rows.append(tuple(normal(_texts(cell)) for cell in row.findall(f"{W}tc")))
        tables.append(tuple(rows))
    text = normal(_texts(body))
    if identity is None:
        match = IDENTITY.search(text)
        identity = (int(match.group(1)), match.group(2), match.group(3)) if match else None
    written, problem = None, None
    found = _date_line(body)
    if found:
        try:
            written = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        except ValueError:
            problem = f"ngày ghi trên báo cáo «{found.group(0)}» không có trên lịch"
    return ReadForm(identity, tuple(tables), written, problem)


def _date_line(body):
    """The date written on the form's date line (in its header, the first table), as a match."""
    header = next(body.iter(f"{W}tbl"), None)
    lines = (normal(paragraph_text(p)) for p in header.iter(f"{W}p")) if header is not None else ()
    return next((WRITTEN_DATE.search(line) for line in lines if DATE_LINE.fullmatch(line)), None)
