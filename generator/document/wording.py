"""How numbers, dates, labels and lists are written in an official document (Decree 30/2020)."""

from __future__ import annotations

from ..content.deadlines import BLANK, day_text, month_text, short_date  # noqa: F401 (written here too)
from ..content.schema import PartialDate
from ..content.text import roman  # noqa: F401 (written here too)


# Vietnamese alphabetical order for points: no f, j, w, z; đ follows d.
_POINT_LETTERS = list("abcdđeghiklmnopqrstuvxy")


def point_letter(index: int) -> str:
    return _POINT_LETTERS[index - 1]


def place_date(place: str, date: PartialDate, *, blank_year: bool = False) -> str:
    """ "Hớn Quản, ngày 05 tháng 11 năm 2024"; a part not yet known is a blank, and so is the year
    of a form filled in several years."""
    day = BLANK if date.day is None else f" {day_text(date.day)} "
    month = BLANK if date.month is None else f" {month_text(date.month)} "
    return f"{place}, ngày{day}tháng{month}năm{BLANK if blank_year else f' {date.year}'}"


def document_number(number: int | None) -> str:
    """Numbers below 10 take a leading zero (Decree 30, Art. 15); a draft's number is a blank."""
    return BLANK if number is None else f"{number:02d}"


def number_line(number: int | None, symbol: str, *, party: bool = False) -> str:
    """ "Số: 05/KH-UBND"; a draft leaves the number blank: "Số:      /KH-UBND". A Party body's
    number runs into its symbol with a hyphen: "Số 05-BC/BTCHU" (Hướng dẫn 36-HD/VPTW)."""
    if party:
        return f"Số{BLANK}-{symbol}" if number is None else f"Số {document_number(number)}-{symbol}"
    return f"Số:{BLANK}/{symbol}" if number is None else f"Số: {document_number(number)}/{symbol}"


def reference(number: int | None, symbol: str) -> str | None:
    """The số ký hiệu as it is filed, "05/KH-UBND"; None for a draft, which has no number yet."""
    return None if number is None else f"{document_number(number)}/{symbol}"


def within_sentence(name: str) -> str:
    """A name placed after other words: a leading common noun such as "Các" loses its capital."""
    first, _, rest = name.partition(" ")
    return (
        f"{first.lower()} {rest}"
        if first in ("Các", "Những", "Xã", "Thị", "Phường", "Ấp", "Khu", "Tổ", "Thôn", "Bản", "Đặc")
        else name
    )


def sentence_case(text: str) -> str:
    """A document type written in capitals, as in running text: "KẾ HOẠCH" → "Kế hoạch"."""
    return text[:1].upper() + text[1:].lower()


def lower_first(text: str) -> str:
    """A title run on after other words: "Triển khai …" → "triển khai …"."""
    return text[:1].lower() + text[1:]


def joined(items: list[str]) -> str:
    """ "a, b và c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} và {items[-1]}"


def list_lines(entries: list[str], archive: list[str], *, party: bool = False) -> tuple[str, ...]:
    """The "Nơi nhận" list: "- X;" for each entry and "- Lưu: …." last, each archive entry once
    (Decree 30). A Party body's (Hướng dẫn 36-HD/VPTW) ends each line with a comma and files
    without a colon: "- X," then "- Lưu Văn phòng Đảng ủy.". Without archive entries (a body with
    no records desk) the last entry ends the list with a full stop."""
    lines = [f"- {entry}" for entry in entries]
    if archive:
        lines.append(f"- Lưu{' ' if party else ': '}{', '.join(dict.fromkeys(archive))}")
    separator = "," if party else ";"
    return tuple(line + ("." if number == len(lines) else separator) for number, line in enumerate(lines, start=1))


def decimal(value: float, digits: int) -> str:
    """A number as Vietnamese writes it, with a decimal comma: 3,5."""
    return f"{value:.{digits}f}".replace(".", ",")


def long_date(date: PartialDate) -> str:
    """ "ngày 05 tháng 11 năm 2024", as a "(Kèm theo …)" line cites a document (Decree 30, PL I
    §III.1.c); a part not yet known is a blank."""
    day = BLANK if date.day is None else f" {day_text(date.day)} "
    month = BLANK if date.month is None else f" {month_text(date.month)} "
    return f"ngày{day}tháng{month}năm {date.year}"
