"""Rules on every text value of an edition: its markup (placeholders, italics, line marks) and
its characters, which must all print in both the DOCX and the PDF.

A value that passes prints in full; one that would not is a problem at its file, line and field:
no control characters, noncharacters, line or paragraph separators, invisible format characters,
nor any character the body font has no glyph for, and no value longer than MAX_TEXT.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..content.edition import Edition, sources, text_fields, text_values
from ..content.source import UNPRINTABLE, describe, thousands
from ..content.deadlines import unavailable_deadlines
from ..content.figures import QUANTITY_TOTAL, count_groups, count_placeholders
from ..content.text import ACTION_MONTH_PLACEHOLDERS, check_markup
from ..errors import Problem
from ..fonts import glyph_coverage
from .common import at

MAX_TEXT = 10_000  # characters in one value: a long paragraph of the 2024 plan has 700


def markup(edition: Edition) -> Iterator[Problem]:
    """Each text's placeholders are ones its field may hold; italics and line marks are closed."""
    without_month = (
        () if edition.plan.action_month is not None else ACTION_MONTH_PLACEHOLDERS
    ) + unavailable_deadlines(edition.plan.reporting)
    counts, refused = count_totals(edition)
    for source in sources(edition):
        for text, origin, field_name, key, metadata in text_fields(source):
            names = metadata["placeholders"]
            summary = QUANTITY_TOTAL in names  # a paragraph with the summary's figures: counts by unit too
            for message in check_markup(
                text,
                (*names, *counts) if summary else names,
                unavailable=without_month,
                line_marks=metadata["line_marks"],
                refused=refused if summary else None,
            ):
                yield at(origin, field_name, key, message)


def count_totals(edition: Edition) -> tuple[tuple[str, ...], dict[str, str]]:
    """The count totals of this edition's activity rows ({tong_so_luong_cuoc}…), and
    {tong_so_luong} refused, naming the rows of each unit, when the rows have several units."""
    activities = edition.report_form.activities
    groups = count_groups(activities)
    named = count_placeholders(groups)
    if len(groups) < 2:
        return tuple(named), {}

    def line(index: int) -> int:
        return activities[index].origin.line_of("name")

    rows = "; ".join(
        f"đơn vị tính “{group.unit}”: "
        + ", ".join(f"«{edition.plain(activities[i].name)}» (dòng {line(i)})" for i in group.rows)
        for group in groups
    )
    instead = ", ".join(f"{{{g.placeholder}}} (số {g.unit})" for g in groups if g.placeholder)
    message = (
        f"“{{{QUANTITY_TOTAL}}}” cộng cột số lượng của mọi dòng hoạt động (hoat_dong ở bieu-mau.yaml), nhưng các "
        f"dòng đó có {len(groups)} đơn vị tính khác nhau, cộng lại không ra một số có nghĩa ({rows}); dùng "
        f"tổng của từng đơn vị tính: {instead}"
    )
    return tuple(named), {QUANTITY_TOTAL: message}


def characters(edition: Edition) -> Iterator[Problem]:
    """Each text prints as typed: see character_problem."""
    for text, origin, field_name, key in text_values(edition):
        message = character_problem(text)
        if message:
            yield at(origin, field_name, key, message)


def character_problem(text: str) -> str | None:
    """Why `text` cannot be printed as typed, in Vietnamese; None when it can."""
    if len(text) > MAX_TEXT:
        return f"đoạn văn dài {thousands(len(text))} ký tự, quá {thousands(MAX_TEXT)}; chia thành nhiều đoạn"
    # Each character once, in the order it first appears: the first one found is the first in the text.
    distinct = dict.fromkeys(text)
    for char in distinct:
        category = unicodedata.category(char)
        if category in UNPRINTABLE or (category == "Zs" and char not in " \u00a0"):
            what = describe(char)
            position = text.index(char) + 1
            return (
                f"có {what} U+{ord(char):04X} ở ký tự thứ {position} (sau “{text[max(0, position - 21) : position - 1]}”), "
                "không in được; xóa ký tự đó (hoặc gõ lại chỗ ấy)"
            )
    glyphs = glyph_coverage()  # the font is looked for only once content is read
    if glyphs is not None:
        family, covered = glyphs
        for char in distinct:
            if ord(char) not in covered:
                position = text.index(char) + 1
                return (
                    f"có ký tự “{char}” (U+{ord(char):04X}) ở ký tự thứ {position} mà phông chữ {family} không có, nên "
                    "không in được (biểu tượng cảm xúc, chữ Hán…); thay bằng chữ khác"
                )
    return None
