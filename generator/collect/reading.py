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

IDENTITY = re.compile(r"(?<![\w/])(\d{4})/([a-z0-9][a-z0-9-]*)/([0-9a-f]{8})(?![\w/])")
WRITTEN_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a form is some tens of kilobytes; a bigger file is not one
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class NotAForm(Exception):
    """A returned file that cannot be read as a form; the message is in the clerk's words."""


@dataclass(frozen=True)
class ReadForm:
    identity: tuple[int, str, str] | None  # (year, recipient id, version), None when the file carries none
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # each table: its rows, each row its cells' text, normalised
    written_date: date | None  # the date the unit wrote on its report, if it did


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


# What reads as a character besides text runs: a line break or tab (the lines of a cell, as the
# forms write them) as a space, Word's no-break hyphen (in "UBND-VX", as the writer puts it) as a hyphen.
_READ_AS = {f"{W}br": " ", f"{W}cr": " ", f"{W}tab": " ", f"{W}noBreakHyphen": "-"}


def _paragraph_text(paragraph) -> str:
    return "".join(
        (node.text or "") if node.tag == f"{W}t" else _READ_AS.get(node.tag, "") for node in paragraph.iter()
    )


def _texts(element) -> str:
    """The text of a cell or paragraph: its paragraphs joined by line breaks."""
    return "\n".join(_paragraph_text(p) for p in element.iter(f"{W}p"))


def _identity_from_properties(archive: zipfile.ZipFile) -> tuple[int, str, str] | None:
    names = set(archive.namelist())
    for part in ("docProps/custom.xml", "docProps/core.xml"):
        if part not in names:
            continue
        try:
            root = ElementTree.fromstring(archive.read(part))
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
    if path.stat().st_size > MAX_FILE_BYTES:
        raise NotAForm("tệp quá lớn để là một biểu mẫu báo cáo")
    try:
        with zipfile.ZipFile(path) as archive:
            # Sizes are checked before anything is unpacked: a small zip can unpack to gigabytes.
            if any(info.file_size > MAX_FILE_BYTES * 5 for info in archive.infolist()):
                raise NotAForm("tệp quá lớn để là một biểu mẫu báo cáo")
            document = archive.read("word/document.xml")
            if b"<!DOCTYPE" in document[:4096] or b"<!ENTITY" in document:
                raise NotAForm("tệp Word có nội dung lạ (khai báo DOCTYPE/ENTITY), không đọc")
            identity = _identity_from_properties(archive)
        body = ElementTree.fromstring(document).find(f"{W}body")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
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
    written = None
    found = WRITTEN_DATE.search(text)
    if found:
        try:
            written = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        except ValueError:
            written = None
    return ReadForm(identity, tuple(tables), written)


# --- Reading any DOCX's parts with the same refusals (used by generator/importing/) ---------------


def read_docx_parts(path: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    """The named parts of a .docx (those present), after the checks read_form makes: the suffix,
    the file's and each part's size, and no DOCTYPE/ENTITY declaration. Raises NotAForm."""
    if path.suffix.lower() != ".docx":
        raise NotAForm("không phải tệp Word .docx (tệp .docm, .doc: mở bằng Word và lưu lại dạng .docx)")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise NotAForm("tệp lớn hơn 20 MB, không đọc")
    parts = {}
    try:
        with zipfile.ZipFile(path) as archive:
            if any(info.file_size > MAX_FILE_BYTES * 5 for info in archive.infolist()):
                raise NotAForm("tệp giải nén ra quá lớn, không đọc")
            present = set(archive.namelist())
            for name in names:
                if name in present:
                    data = archive.read(name)
                    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
                        raise NotAForm("tệp Word có nội dung lạ (khai báo DOCTYPE/ENTITY), không đọc")
                    parts[name] = data
    except (zipfile.BadZipFile, OSError):
        raise NotAForm(
            "không mở được như tệp Word (.docx): tệp hỏng, có mật khẩu hoặc không phải văn bản Word"
        ) from None
    return parts
