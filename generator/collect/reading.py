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
WRITTEN_DATE = re.compile(r"ngày\s*([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*([0-9]{4})")
# The form's date line, a paragraph of its header table: "Mẫu Sơn, ngày 08 tháng 12 năm 2026". A
# date anywhere else (in a result cell) is not the report's date.
DATE_LINE = re.compile(r"[^,]{1,120},\s*" + WRITTEN_DATE.pattern + r"\s*\.?")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a form is some tens of kilobytes; a bigger file is not one
MAX_MEMBER_BYTES = 20 * 1024 * 1024  # one part of a form, unpacked: the 2024 form's document.xml is ~100 kB
RATIO_FLOOR = 4 * 1024 * 1024  # below this, a part is not judged by its ratio (a long typed cell packs well)
MAX_RATIO = 100  # unpacked / packed bytes of one part; XML packs ~10:1, a zip bomb 1000:1
_CHUNK = 64 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class NotAForm(Exception):
    """A returned file that cannot be read as a form; the message is in the clerk's words."""


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
            root = _parse(_member(archive, part))
        except ElementTree.ParseError:
            continue
        for element in root.iter():
            if part.endswith("custom.xml") and element.get("name") != IDENTITY_PROPERTY:
                continue
            match = IDENTITY.search("".join(element.itertext()))
            if match:
                return int(match.group(1)), match.group(2), match.group(3)
    return None


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part of the archive, unpacked in chunks and refused as soon as it passes the absolute
    cap or the ratio to its packed size: the sizes a zip declares are not believed."""
    info = archive.getinfo(name)
    limit = min(MAX_MEMBER_BYTES, max(info.compress_size * MAX_RATIO, RATIO_FLOOR))
    chunks, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                shown = f"{limit:,}".replace(",", ".")
                raise NotAForm(
                    f"phần «{name}» của tệp giải nén ra quá lớn (hơn {shown} byte; có thể là tệp độc hại), không đọc"
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _xml_text(data: bytes) -> str:
    """The XML part as text, in whichever encoding it declares by its byte order mark (UTF-8,
    UTF-16): a DOCTYPE or ENTITY declaration is refused in any of them."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            data, chosen = data[len(bom) :], encoding
            break
    else:
        chosen = "utf-16-le" if data[:2] == b"<\x00" else "utf-16-be" if data[:2] == b"\x00<" else "utf-8"
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError:
        raise NotAForm("tệp Word có phần nội dung không đọc được (mã hóa ký tự hỏng)") from None
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        raise NotAForm("tệp Word có nội dung lạ (khai báo DOCTYPE/ENTITY), không đọc")
    # The declaration names the encoding just used; parsed as text it must not be read again.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


def _parse(data: bytes):
    return ElementTree.fromstring(_xml_text(data))


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
            document = _member(archive, "word/document.xml")
            identity = _identity_from_properties(archive)
        body = _parse(document).find(f"{W}body")
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
    lines = (normal(_paragraph_text(p)) for p in header.iter(f"{W}p")) if header is not None else ()
    return next((WRITTEN_DATE.search(line) for line in lines if DATE_LINE.fullmatch(line)), None)


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
            if any(info.file_size > MAX_MEMBER_BYTES for info in archive.infolist()):
                raise NotAForm("tệp giải nén ra quá lớn, không đọc")
            present = set(archive.namelist())
            for name in names:
                if name in present:
                    data = _member(archive, name)
                    _xml_text(data)  # refuses DOCTYPE/ENTITY in any encoding
                    parts[name] = data
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise NotAForm(
            "không mở được như tệp Word (.docx): tệp hỏng, có mật khẩu hoặc không phải văn bản Word"
        ) from None
    return parts
