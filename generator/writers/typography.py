"""Where a line may not break, decided once for both writers from the text itself.

- A document symbol, an abbreviation or a year range never splits at its hyphen ("180/KH-UBND",
  "LĐ-TB&XH", "2021-2030"): a hyphen between two capitals or digits becomes a no-break hyphen,
  which the DOCX writes as Word's `w:noBreakHyphen` and the PDF as text kept on one line (the
  body font has no U+2011 glyph, and a reader searching the PDF finds the plain hyphen).
- A spaced year range ("2021 – 2030") is joined by no-break spaces.
- No line begins with a spaced dash ("Lao động - Thương binh"): a line starting "- " reads as a
  new list item or recipient, so the dash stays with the word before it (a no-break space).
- A title breaks where the clerk marked it with `|` (generator/content/text.py), in both formats.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

from ..content.text import running_text, title_lines
from ..document.model import Block, Document, Table

NO_BREAK_HYPHEN = "\u2011"  # only inside the writers: it marks a hyphen for the format's own no-break hyphen
NO_BREAK_SPACE = "\u00a0"
LINE_BREAK = "\n"  # between the lines of a title; docxtpl writes it as w:br, the PDF as <br>

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


def typeset_title(text: str) -> str:
    """A title with its marked line breaks as LINE_BREAK, each line typeset. The lines are already
    read (an escaped bar is a bar in them), so they are not read as running text again."""
    return LINE_BREAK.join(no_breaks(line) for line in title_lines(text))


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
    return replace(
        _typeset_all(replace(document, info=None)),
        header=replace(_typeset_all(header), subject_lines=tuple(typeset_title(line) for line in header.subject_lines)),
        title=typeset_title(document.title) if document.title is not None else None,
        info=replace(document.info, title=running_text(document.info.title)),
    )
