"""A DOCX as a list of lines: body paragraphs and table rows in document order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..untrusted import W, NotAForm, read_docx_parts
from .columns import docx_shares
from .wordml import blocks, cell_paragraphs, cells, property_on, rows, runs

# Italic words of a paragraph read from Word are between these two marks (content: *…*, emit.py).
ITALIC_ON, ITALIC_OFF = "\ue000", "\ue001"

# Typed markers, by the plan level they stand for (Decree 30: I. → 1. → a) → - → +).
ROMAN = re.compile(r"^([IVXLC]+)\.[ \t]+")
DECIMAL = re.compile(r"^(\d{1,2})\.[ \t]+")
LETTER = re.compile(r"^([a-zđ])\)[ \t]+")
DASH = re.compile(r"^[-–][ \t]+")
PLUS = re.compile(r"^\+[ \t]+")
TYPED = ((ROMAN, 1), (DECIMAL, 2), (LETTER, 3), (DASH, 4), (PLUS, 5))
# A line typed to draw a rule ("________" under the agency, the motto or the trích yếu): not text.
RULE = re.compile(r"^[\s_]*_{3,}[\s_]*$|^\s*[-–—]{5,}\s*$")
# Word's automatic numbering formats, by level.
FORMATS = {"upperRoman": 1, "decimal": 2, "lowerLetter": 3}


@dataclass
class Line:
    number: int  # 1-based, in document order, for messages
    text: str  # without its numbering
    level: int | None  # 1–5 when numbered (typed or automatic), None otherwise
    bold_prefix: str  # the leading bold words of the text (all of it for a bold heading)
    cells: list[list[str]] | None = None  # a table's rows of cell lines, instead of text
    landscape: bool = False
    extra: dict = field(default_factory=dict)
    column_shares: tuple[float, ...] | None = None  # a table's columns, each a share of its width


def clean(text: str) -> str:
    """One paragraph's text: NFC, no-break spaces and tabs as spaces, runs of spaces folded."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r" {2,}", " ", text).strip()


def plain(text: str) -> str:
    """Text without the italic marks of paragraph_line."""
    return text.replace(ITALIC_ON, "").replace(ITALIC_OFF, "")


def is_rule(text: str) -> bool:
    return bool(RULE.match(text))


def _runs(paragraph, line_break: str = " ") -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) of each run; a line break reads as a space in a paragraph of the body (a
    manual break is not a new paragraph), as a new line in a table's cell (the lines of Nơi nhận).
    The runs are those Word shows (wordml.runs: inside content controls, links, fields, insertions)."""
    found = []
    for run in runs(paragraph):
        properties = run.find(f"{W}rPr")
        text = ""
        for node in run:
            if node.tag == f"{W}t":
                text += node.text or ""
            elif node.tag in (f"{W}br", f"{W}cr"):
                text += line_break
            elif node.tag in (f"{W}tab", f"{W}ptab"):
                text += "\t"
            elif node.tag == f"{W}noBreakHyphen":
                text += "-"
        found.append((text, property_on(properties, "b"), property_on(properties, "i")))
    return found


def mark_italic(text: str) -> str:
    """An italic run's words between ITALIC_ON and ITALIC_OFF, the spaces around them outside,
    so that the content keeps them in italics (*…*)."""
    words = text.strip()
    if not words:
        return text
    start = text.index(words[0])
    return f"{text[:start]}{ITALIC_ON}{words}{ITALIC_OFF}{text[start + len(words) :]}"


def _marked(runs: list[tuple[str, bool, bool]]) -> list[tuple[str, bool]]:
    """(text, bold) of each run, an italic run's words marked (mark_italic)."""
    return [(mark_italic(text) if italic else text, bold) for text, bold, italic in runs]


def joined(texts) -> str:
    """Texts of runs as one, an italic span that goes on in the next run kept as one span."""
    text = "".join(texts)
    return re.sub(f"{ITALIC_OFF}(\\s*){ITALIC_ON}", r"\1", text)


def _plan_levels(lvls, ilvl: str | None = None) -> dict[str, int]:
    """ilvl → plan level of numbering levels (w:lvl), by their format and, for a bullet, its sign."""
    levels = {}
    for lvl in lvls:
        fmt = lvl.find(f"{W}numFmt")
        text = lvl.find(f"{W}lvlText")
        fmt_value = fmt.get(f"{W}val") if fmt is not None else ""
        text_value = (text.get(f"{W}val") if text is not None else "") or ""
        key = ilvl if ilvl is not None else lvl.get(f"{W}ilvl")
        if fmt_value in FORMATS:
            levels[key] = FORMATS[fmt_value]
        elif fmt_value == "bullet":
            levels[key] = 5 if text_value.strip() == "+" else 4
    return levels


def numbering_levels(numbering_xml: bytes | None) -> dict[tuple[str, str], int]:
    """(numId, ilvl) → plan level, from numbering.xml. A list that uses a list style (Word's
    Define New List Style: w:numStyleLink) takes the levels of the list defining that style
    (w:styleLink); a list's own w:lvlOverride replaces a level."""
    if not numbering_xml:
        return {}
    root = ElementTree.fromstring(numbering_xml)
    abstract, defines, uses = {}, {}, {}
    for node in root.findall(f"{W}abstractNum"):
        number = node.get(f"{W}abstractNumId")
        abstract[number] = _plan_levels(node.findall(f"{W}lvl"))
        if (link := node.find(f"{W}styleLink")) is not None:
            defines[link.get(f"{W}val")] = number
        if (link := node.find(f"{W}numStyleLink")) is not None:
            uses[number] = link.get(f"{W}val")
    for number, style in uses.items():
        if not abstract[number] and style in defines:
            abstract[number] = abstract[defines[style]]
    result = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        levels = dict(abstract.get(ref.get(f"{W}val") if ref is not None else None, {}))
        for override in num.findall(f"{W}lvlOverride"):
            levels.update(_plan_levels(override.findall(f"{W}lvl"), override.get(f"{W}ilvl")))
        for ilvl, level in levels.items():
            result[(num.get(f"{W}numId"), ilvl)] = level
    return result


def style_numbering(styles_xml: bytes | None) -> dict[str, tuple[str, str]]:
    """styleId → (numId, ilvl) of the paragraph styles that number their paragraphs (a multilevel
    list linked to Heading 1, 2…, Word's List Number 2 or List Bullet 3, a clerk's own style). Each
    of the two comes from the nearest style of the basedOn chain that gives it, as in Word: a style
    may give only its level (ilvl) and take the list (numId) from the style it is based on."""
    if not styles_xml:
        return {}
    own: dict[str, dict[str, str]] = {}
    based = {}
    for style in ElementTree.fromstring(styles_xml).findall(f"{W}style"):
        name = style.get(f"{W}styleId")
        num = style.find(f"{W}pPr/{W}numPr")
        given = {tag: node.get(f"{W}val") for tag in ("numId", "ilvl") if (node := _child(num, tag)) is not None}
        own[name] = given
        if style.find(f"{W}basedOn") is not None:
            based[name] = style.find(f"{W}basedOn").get(f"{W}val")
    result = {}
    for name in own:
        found: dict[str, str] = {}
        seen, current = set(), name
        while current is not None and current not in seen:
            seen.add(current)
            for tag, value in own.get(current, {}).items():
                found.setdefault(tag, value)
            current = based.get(current)
        if found.get("numId") not in (None, "0"):
            result[name] = (found["numId"], found.get("ilvl", "0"))
    return result


def _child(node, tag: str):
    return node.find(f"{W}{tag}") if node is not None else None


def _automatic_level(paragraph, levels: dict[tuple[str, str], int], styles: dict) -> int | None:
    properties = paragraph.find(f"{W}pPr")
    style = properties.find(f"{W}pStyle") if properties is not None else None
    inherited = styles.get(style.get(f"{W}val")) if style is not None else None
    num = properties.find(f"{W}numPr") if properties is not None else None
    if num is None:
        return levels.get(inherited) if inherited else None
    num_id, ilvl = num.find(f"{W}numId"), num.find(f"{W}ilvl")
    key = (
        num_id.get(f"{W}val") if num_id is not None else inherited[0] if inherited else None,
        ilvl.get(f"{W}val") if ilvl is not None else inherited[1] if inherited else "0",
    )
    return levels.get(key)


def split_marker(text: str) -> tuple[int | None, str]:
    """A typed marker's level and the text after it."""
    for pattern, level in TYPED:
        match = pattern.match(text)
        if match:
            return level, text[match.end() :]
    return None, text


def split_marked(text: str) -> tuple[int | None, str]:
    """split_marker, also for a marker inside an italic span ("*a) Chủ đề:* …")."""
    if text.startswith(ITALIC_ON):
        level, rest = split_marker(text[1:])
        return (level, ITALIC_ON + rest) if level is not None else (None, text)
    return split_marker(text)


def leading_bold(runs: list[tuple[str, bool]]) -> str:
    """The bold words a paragraph's runs open with, as read (a run-in heading, with its marker)."""
    pieces = []
    for text, is_bold in runs:
        if not text:
            continue
        if not is_bold:
            break
        pieces.append(text)
    return clean(joined(pieces))


def run_in_heading(text: str, bold: str, *, typed_marker: bool) -> str:
    """The run-in heading of a paragraph whose text (its marker removed) is `text`: its leading bold
    words, without the typed marker they start with and without an italic mark opening right after
    them; "" when the text does not start with them."""
    if typed_marker and bold:
        bold = split_marked(bold)[1]
    if bold.endswith(ITALIC_ON):  # the italic words start right after the bold ones
        bold = bold[:-1].rstrip()
    return bold if text.startswith(bold) else ""


def paragraph_line(paragraph, number: int, levels: dict, styles: dict | None = None) -> Line:
    runs = _marked(_runs(paragraph))
    raw = joined(text for text, _ in runs)
    level = _automatic_level(paragraph, levels, styles or {})
    text = clean(raw)
    typed = level is None
    if typed:
        level, text = split_marked(text)
    return Line(
        number,
        text,
        level,
        run_in_heading(text, leading_bold(runs), typed_marker=typed),
        extra={"raw": unicodedata.normalize("NFC", plain(raw))},
    )


def table_line(table, number: int) -> Line:
    found = []
    for row in rows(table):
        texts = []
        for cell in cells(row):
            lines = ["".join(t for t, *_ in _runs(p, "\n")) for p in cell_paragraphs(cell)]
            texts.append([clean(part) for text in lines for part in text.split("\n") if not is_rule(part)])
        found.append(texts)
    first = next(rows(table), None)
    return Line(number, "", None, "", cells=found, column_shares=docx_shares(table, first))


def read_lines(path: Path) -> list[Line]:
    parts = read_docx_parts(path, ("word/document.xml", "word/numbering.xml", "word/styles.xml"))
    if "word/document.xml" not in parts:
        raise NotAForm("tệp Word không có nội dung")
    levels = numbering_levels(parts.get("word/numbering.xml"))
    styles = style_numbering(parts.get("word/styles.xml"))
    body = ElementTree.fromstring(parts["word/document.xml"]).find(f"{W}body")
    lines: list[Line] = []
    # A section's page size is in the w:sectPr that ends it (in its last paragraph, or the body's
    # own for the last section): it applies to the lines before it, back to the previous one.
    start = 0

    def end_section(section) -> None:
        nonlocal start
        size = section.find(f"{W}pgSz") if section is not None else None
        for line in lines[start:]:
            line.landscape = size is not None and size.get(f"{W}orient") == "landscape"
        start = len(lines)

    for element in blocks(body) if body is not None else []:
        if element.tag == f"{W}p":
            line = paragraph_line(element, len(lines) + 1, levels, styles)
            if line.text and not is_rule(line.extra["raw"]):
                lines.append(line)
            if (section := element.find(f"{W}pPr/{W}sectPr")) is not None:
                end_section(section)
        elif element.tag == f"{W}tbl":
            lines.append(table_line(element, len(lines) + 1))
    end_section(body.find(f"{W}sectPr") if body is not None else None)
    return lines
