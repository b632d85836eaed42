"""Reading a file that comes from outside (a returned form, a plan typed in Word): never believed.

A file is refused before it is opened if it is too big, a zip part as soon as it unpacks past a
cap or a ratio to its packed size (the sizes a zip declares are not believed), an XML part that
declares a DOCTYPE or ENTITY in any encoding. Shared by make tong-hop (collect/reading.py) and
make nhap (importing/).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

MAX_FILE_BYTES = 20 * 1024 * 1024  # a form is some tens of kilobytes; a bigger file is not one
MAX_MEMBER_BYTES = 20 * 1024 * 1024  # one part of a form, unpacked: the 2024 form's document.xml is ~100 kB
RATIO_FLOOR = 4 * 1024 * 1024  # below this, a part is not judged by its ratio (a long typed cell packs well)
MAX_RATIO = 100  # unpacked / packed bytes of one part; XML packs ~10:1, a zip bomb 1000:1
_CHUNK = 64 * 1024
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# How a paragraph's other run content reads as text: a line break, a tab, Word's no-break hyphen.
_READ_AS = {f"{W}br": " ", f"{W}cr": " ", f"{W}tab": " ", f"{W}noBreakHyphen": "-"}


class NotAForm(Exception):
    """A file from outside (a returned form, a plan typed in Word) that cannot be read; the message is
    in the clerk's words."""


def member(archive: zipfile.ZipFile, name: str) -> bytes:
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


def xml_text(data: bytes) -> str:
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


def parse(data: bytes):
    return ElementTree.fromstring(xml_text(data))


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
                    data = member(archive, name)
                    xml_text(data)  # refuses DOCTYPE/ENTITY in any encoding
                    parts[name] = data
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise NotAForm(
            "không mở được như tệp Word (.docx): tệp hỏng, có mật khẩu hoặc không phải văn bản Word"
        ) from None
    return parts


def paragraph_text(paragraph) -> str:
    """The text of a w:p element as a reader sees it (tracked insertions kept, deletions dropped:
    deleted text is w:delText, never read)."""
    return "".join(
        (node.text or "") if node.tag == f"{W}t" else _READ_AS.get(node.tag, "") for node in paragraph.iter()
    )
