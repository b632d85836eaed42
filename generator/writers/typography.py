"""Where a line may not break, decided once for both writers from the text itself.

- A document symbol, an abbreviation or a year range never splits at its hyphen ("180/KH-UBND",
  "LĐ-TB&XH", "2021-2030"): a hyphen between two capitals or digits becomes a no-break hyphen,
  which the DOCX writes as Word's `w:noBreakHyphen` and the PDF as text kept on one line (the
  body font has no U+2011 glyph, and a reader searching the PDF finds the plain hyphen).
- A spaced year range ("2021 – 2030") is joined by no-break spaces.
- No line begins with a spaced dash ("Lao động - Thương binh"): a line starting "- " reads as a
  new list item or recipient, so the dash stays with the word before it (a no-break space).
- In the PDF (whose line breaking, unlike Word's, may break after a dash before a no-break space
  and after a slash), a spaced year range ("2022 - 2023"), a short slashed token ("(b/c)") and the
  place name of the date line, wherever the header repeats it ("Phan Rang - Tháp Chàm"), are kept
  on one line: `keep_whole` and `keep_places` enclose them in KEEP_START … KEEP_END.
- A title breaks where the clerk marked it with `|` (generator/content/text.py), else at phrase
  boundaries in balanced lines (title_breaks.py), in both formats; so does a form's label line.
- A "Kính gửi: …" line never breaks inside a short parenthesised phrase ("(qua Phòng Văn hóa -
  Xã hội)") that has words before it: its spaces become no-break spaces (and, for the PDF, the
  phrase is kept whole), so the line breaks before the phrase. Its continuation lines hang after
  the label ("Kính gửi: "): `hanging_mm` is what both writers indent them by.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

from ..content.text import running_text
from ..document.model import Block, Document, Table
from . import layout
from .fonts import FAMILY, text_width_mm
from .title_breaks import FILL, broken_title

NO_BREAK_HYPHEN = "\u2011"  # only inside the writers: it marks a hyphen for the format's own no-break hyphen
NO_BREAK_SPACE = "\u00a0"
LINE_BREAK = "\n"  # between the lines of a title; docxtpl writes it as w:br, the PDF as <br>
KEEP_START, KEEP_END = "\ue000", "\ue001"  # PDF only: what they enclose is set on one line

_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4})[ \u00a0]([-–])[ \u00a0](\d{4})(?!\d)")
_SPACED_DASH = re.compile(r"(?<=\S) ([-–]) ")
_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")


def _joins(before: str, after: str) -> bool:
    return all(c.isdigit() or c.isupper() or c == "&" for c in (before, after))


def typeset(text: str) -> str:
    """Text with its no-break spaces and hyphens put in (line-break marks read as spaces)."""
    return no_breaks(running_text(text))


def no_breaks(text: str) -> str:
    """Text with its no-break spaces and hyphens put in, character for character: the result is as
    long as `text`, so the typesetting of a whole paragraph can be cut back into its runs."""
    text = _YEAR_RANGE.sub(lambda m: f"{m[1]}{NO_BREAK_SPACE}{m[2]}{NO_BREAK_SPACE}{m[3]}", text)
    text = _SPACED_DASH.sub(lambda m: f"{NO_BREAK_SPACE}{m[1]} ", text)
    return _HYPHEN.sub(lambda m: NO_BREAK_HYPHEN if _joins(text[m.start() - 1], text[m.end()]) else "-", text)


def typeset_title(
    text: str, size_pt: float = layout.TITLE_PT, width_mm: float = layout.TEXT_WIDTH_MM, style: str = "bold"
) -> str:
    """A title with its line breaks (marked, else at phrase boundaries) as LINE_BREAK, each line
    typeset. The lines are already read (an escaped bar is a bar in them), so they are not read as
    running text again."""
    return LINE_BREAK.join(no_breaks(line) for line in broken_title(text, size_pt, width_mm, style))


def typeset_subject(text: str) -> str:
    """A letter's "V/v" subject, broken into lines in its column as a title is."""
    return typeset_title(text, layout.SUBJECT_PT, layout.HEADER_LEFT_MM, "regular")


_NOT_TEXT = {(Block, "kind"), (Table, "name")}


def _typeset_all(value):
    if isinstance(value, str):
        return typeset(value)
    if isinstance(value, tuple):
        return tuple(_typeset_all(item) for item in value)
    if is_dataclass(value):
        changes = {
            f.name: _typeset_all(getattr(value, f.name))
            for f in fields(value)
            if f.init and (type(value), f.name) not in _NOT_TEXT
        }
        return replace(value, **changes)
    return value


def typeset_document(document: Document) -> Document:
    """The document as the writers place it: every text typeset, titles broken into their lines.
    Its file metadata (`info`) stays as it is, but for the line-break marks."""
    header = document.header
    typeset_text = _typeset_all(replace(document, info=None))
    return replace(
        typeset_text,
        header=replace(
            _typeset_all(header), subject_lines=tuple(typeset_subject(line) for line in header.subject_lines)
        ),
        title=typeset_title(document.title) if document.title is not None else None,
        # A form's label lines ("(Kèm theo Công văn số … của Ủy ban nhân dân …)") break as a title
        # does, at a phrase boundary in balanced lines, not with a place name's last word alone.
        label_lines=tuple(replace(line, text=typeset_label(line.text)) for line in document.label_lines),
        addressees=tuple(join_phrases(line) for line in typeset_text.addressees),
        info=replace(document.info, title=running_text(document.info.title)),
    )


# Where a citation's line breaks first: before the issuer ("… năm 2024 / của Ủy ban nhân dân …"),
# so that neither its date nor the issuer's name is split.
BEFORE_ISSUER = " của "


def typeset_label(text: str) -> str:
    """A form's label line across the text width: on one line if it fits, else broken before the
    issuer where both parts fit, else as a title is (at phrase boundaries, balanced)."""
    size, width = layout.TABLE_PT, layout.TEXT_WIDTH_MM * FILL
    head, found, issuer = text.partition(BEFORE_ISSUER)
    if found and text_width_mm(text, size, "regular") > width:
        lines = (head, found.lstrip() + issuer)
        if all(text_width_mm(line, size, "regular") <= width for line in lines):
            return LINE_BREAK.join(no_breaks(line) for line in lines)
    return typeset_title(text, size, layout.TEXT_WIDTH_MM, "regular")


# A spaced year range, or a short token around a slash with a letter or digit on each side
# ("(b/c)", "12/2024"); not the end mark "./.", which kept whole made WeasyPrint break a closing
# paragraph after its first word.
_SIDE = r"[^\s/\u2011]{0,7}\w[^\s/\u2011]{0,7}"
_KEEP = re.compile(rf"\d{{4}}\u00a0[-–]\u00a0\d{{4}}|(?<!\S){_SIDE}/{_SIDE}(?!\S)")


def keep_whole(text: str) -> str:
    """For the PDF: typeset text with its spaced year ranges and short slashed tokens kept whole."""
    if KEEP_START in text:  # already marked (a place name): left as it is
        return text
    return _KEEP.sub(lambda m: KEEP_START + m[0] + KEEP_END, text)


def _place(place_date: str) -> str | None:
    """The place name a date line starts with ("Phan Rang - Tháp Chàm, ngày …"), if of several words."""
    place, comma, _ = place_date.partition(",")
    return place.strip() if comma and re.search(r"[ \u00a0]", place.strip()) else None


def keep_places(document: Document) -> Document:
    """For the PDF: the typeset document with its place name kept whole on the date line and in the
    header lines that name it (in capitals there), where the name fits its column on a line."""
    header = document.header
    place = _place(header.place_date)
    if place is None:
        return document

    def kept(line: str | None, name: str, size_pt: float, style: str, column_mm: float) -> str | None:
        if not line or name not in line or text_width_mm(name, size_pt, style) > column_mm:
            return line
        return line.replace(name, KEEP_START + name + KEEP_END)

    upper = place.upper()
    agency = (upper, layout.AGENCY_PT, "bold", layout.HEADER_LEFT_MM)
    return replace(
        document,
        header=replace(
            header,
            place_date=kept(header.place_date, place, layout.PLACE_DATE_PT, "italic", layout.HEADER_RIGHT_MM),
            agency_lines=tuple(kept(line, *agency) for line in header.agency_lines),
            parent_agency=kept(header.parent_agency, *agency),
        ),
    )


# ---------------------------------------------------------------- the "Kính gửi: …" lines
# The label ends at the first colon and the space after it.
LABEL_END = ": "
_PARENTHESIS = re.compile(r"(?<= )\([^()]*\)")


def addressee_label(line: str) -> str:
    """The label of a "Kính gửi: …" line with its colon and space ("" when it has none)."""
    head, found, _ = line.partition(LABEL_END)
    return head + found if found else ""


def hanging_mm(line: str, size_pt: float, style: str = "regular", family: str = FAMILY) -> float:
    """How far the continuation lines of an addressee line hang: the width of its label."""
    return round(text_width_mm(addressee_label(line), size_pt, style, family), 2)


def join_phrases(line: str, size_pt: float = layout.BODY_PT) -> str:
    """An addressee line with each parenthesised phrase after its first words joined by no-break
    spaces, where the phrase fits on a continuation line: the line then breaks before it."""
    label = addressee_label(line)
    room = (layout.TEXT_WIDTH_MM - layout.ADDRESSEE_INDENT_MM - hanging_mm(line, size_pt)) * FILL

    def joined(match: re.Match) -> str:
        if match.start() <= len(label) or text_width_mm(match[0] + ".", size_pt) > room:
            return match[0]
        return match[0].replace(" ", NO_BREAK_SPACE)

    return _PARENTHESIS.sub(joined, line)


def keep_addressees(document: Document) -> Document:
    """For the PDF: each joined phrase of the typeset addressee lines kept whole (the PDF may break
    after a dash before a no-break space, which Word does not)."""

    def kept(line: str) -> str:
        return _PARENTHESIS.sub(
            lambda m: KEEP_START + m[0] + KEEP_END if " " not in m[0] and NO_BREAK_SPACE in m[0] else m[0], line
        )

    return replace(document, addressees=tuple(kept(line) for line in document.addressees))
