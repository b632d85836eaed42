"""What the writers can take, checked before anything is written.

A value that passes these checks prints in full in both the DOCX and the PDF; one that would not is
a problem at its file, line and field. Three kinds of limit live here:

- the source: a content file is UTF-8 text of sensible size, and its YAML is a plain tree (no
  anchors and aliases, which can make a small file unboundedly large, no deep nesting);
- characters: no control characters, noncharacters, line or paragraph separators, invisible
  format characters, nor any character the body font has no glyph for;
- the shape of the content: lists the documents cannot do without, at most as many lettered points
  as there are letters, dates in order and near the plan's year.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import GeneratorError, Problem

if TYPE_CHECKING:
    from .edition import Edition
    from .schema import Item, Origin, PartialDate

MAX_FILE_BYTES = 1_000_000  # the 2024 plan is 30 kB
MAX_TEXT = 10_000  # characters in one value: a long paragraph of the 2024 plan has 700
MAX_DEPTH = 40  # levels of YAML nesting; the 2024 plan's deepest value is 10 levels down
LETTERED_POINTS = 23  # a) … y): the letters of the Vietnamese alphabet used for points
YEARS_AHEAD = 1  # a deadline may fall in the year after the plan's, not later

_ENCODING_ADVICE = (
    "mở tệp bằng Notepad (hoặc Notepad++, VS Code), chọn Lưu thành… (Save As) với bảng mã (Encoding) UTF-8 rồi chạy lại"
)


def _number(value: int) -> str:
    """12.216: thousands grouped with dots, as Vietnamese writes them."""
    return f"{value:,}".replace(",", ".")


# ---------------------------------------------------------------- the source
def read_source(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """A content file's text; None (with its problem recorded) when it is too large or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    shown,
                    1,
                    "(tệp)",
                    f"tệp quá lớn ({_number(size)} byte, tối đa {_number(MAX_FILE_BYTES)}); một tệp "
                    "nội dung chỉ vài chục nghìn byte, kiểm tra xem có chép nhầm tệp khác vào không",
                )
            )
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(shown, 1, "(tệp)", f"không đọc được tệp ({err.strerror or err}); kiểm tra quyền đọc"))
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (len(data) > 1 and b"\0" in data[:2]):
        problems.append(
            Problem(
                shown, 1, "(tệp)", f"tệp được lưu với bảng mã UTF-16 (Unicode), không phải UTF-8; {_ENCODING_ADVICE}"
            )
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        problems.append(
            Problem(
                shown,
                line,
                "(tệp)",
                "tệp không được lưu với bảng mã UTF-8 (có thể là ANSI, Windows-1258 "
                f"hay TCVN3), chữ có dấu ở dòng này đọc sai; {_ENCODING_ADVICE}",
            )
        )
        return None


def tree_problems(shown: str, text: str, root: yaml.Node) -> list[Problem]:
    """A composed file must be a tree: each node reached once (no alias, so no alias bomb and no
    alias of itself), none deeper than MAX_DEPTH; a plain value does not lose the rest of its line
    to a comment."""
    problems: list[Problem] = []
    lines = text.splitlines()
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    "cú pháp",
                    "giá trị bắt đầu ở dòng này được dùng lại bằng bí danh (*tên); "
                    "nội dung không dùng neo (&) và bí danh (*): chép giá trị ra từng chỗ",
                )
            )
            return problems  # one is enough, and an alias bomb has billions
        seen.add(id(node))
        if depth > MAX_DEPTH:
            problems.append(
                Problem(
                    shown, line, "cú pháp", f"nội dung lồng nhau quá {MAX_DEPTH} cấp; kiểm tra thụt lề và dấu ngoặc"
                )
            )
            return problems
        if isinstance(node, yaml.ScalarNode):
            problems += _swallowed_by_comment(shown, lines, node)
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
    return problems


_STRING = "tag:yaml.org,2002:str"


def _swallowed_by_comment(shown: str, lines: list[str], node: yaml.ScalarNode) -> Iterator[Problem]:
    """`ho_ten: Nguyễn #Văn Hạ` signs "Nguyễn": in an unquoted value, ` #` starts a note."""
    if node.style not in (None, "") or node.tag != _STRING or node.end_mark.line >= len(lines):
        return
    rest = lines[node.end_mark.line][node.end_mark.column :]
    # One space before the # and a word right after it: typed as part of the value, unlike the
    # notes of the content files ("  # Tháng").
    if len(rest) > 2 and rest[0] in " \t" and rest[1] == "#" and not rest[2].isspace():
        note = rest[2:].split("  #")[0].strip()
        yield Problem(
            shown,
            node.end_mark.line + 1,
            "cú pháp",
            f"phần sau dấu # (“{note}”) bị coi là ghi chú, không thuộc giá trị “{node.value}”; nếu đó là chữ "
            "của giá trị, đặt cả giá trị giữa hai dấu ngoặc kép",
        )


# ---------------------------------------------------------------- characters
_CATEGORY = {
    "Cc": "ký tự điều khiển",
    "Cs": "nửa ký tự (surrogate)",
    "Cn": "mã không phải là chữ (noncharacter hoặc chưa có trong Unicode)",
    "Co": "ký tự dùng riêng (private use)",
    "Zl": "ký tự xuống dòng (U+2028)",
    "Zp": "ký tự ngắt đoạn (U+2029)",
    "Cf": "ký tự vô hình (thường do chép từ trang web hay Word)",
}


@functools.cache
def _glyphs() -> tuple[str, frozenset[int]] | None:
    """The body font's family and the characters all of its faces have; None without a usable
    font (the build stops on that by itself, with its own message)."""
    # fontconfig and fontTools: only once content is read.
    from ..writers.fonts import body_font

    try:
        font = body_font()
    except GeneratorError:
        return None
    from fontTools.ttLib import TTFont

    common: set[int] | None = None
    for path in font.files.values():
        with TTFont(path, lazy=True) as face:
            cmap = set(face.getBestCmap())
        common = cmap if common is None else common & cmap
    return font.family, frozenset(common or ())


def describe(char: str) -> str:
    """What kind of unprintable character `char` is, in Vietnamese."""
    return _CATEGORY.get(unicodedata.category(char), "dấu cách đặc biệt")


def character_problem(text: str) -> str | None:
    """Why `text` cannot be printed as typed, in Vietnamese; None when it can."""
    if len(text) > MAX_TEXT:
        return f"đoạn văn dài {_number(len(text))} ký tự, quá {_number(MAX_TEXT)}; chia thành nhiều đoạn"
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if category in _CATEGORY or (category == "Zs" and char not in " \u00a0"):
            what = describe(char)
            return (
                f"có {what} U+{ord(char):04X} ở ký tự thứ {position} (sau “{text[max(0, position - 21) : position - 1]}”), "
                "không in được; xóa ký tự đó (hoặc gõ lại chỗ ấy)"
            )
    glyphs = _glyphs()
    if glyphs is not None:
        family, covered = glyphs
        for position, char in enumerate(text, start=1):
            if ord(char) not in covered:
                return (
                    f"có ký tự “{char}” (U+{ord(char):04X}) ở ký tự thứ {position} mà phông chữ {family} không có, nên "
                    "không in được (biểu tượng cảm xúc, chữ Hán…); thay bằng chữ khác"
                )
    return None


# ---------------------------------------------------------------- the shape of the content
def _at(origin: Origin, field_name: str, key: str, message: str) -> Problem:
    return Problem(origin.path, origin.line_of(field_name), key, message)


def _points(items: list[Item], depth: int, key: str) -> Iterator[Problem]:
    """Items at depth 3 are lettered a), b) …: no more than there are letters."""
    for index, item in enumerate(items, start=1):
        where = f"{key}[{index}].muc"
        if depth + 1 == 3 and len(item.items) > LETTERED_POINTS:
            yield _at(
                item.origin,
                f"items[{LETTERED_POINTS + 1}]",
                where,
                f"có {len(item.items)} điểm a), b), c)…, quá {LETTERED_POINTS} chữ cái dùng để đánh điểm; tách mục này "
                "thành nhiều mục hoặc gộp bớt điểm",
            )
        yield from _points(item.items, depth + 1, where)


def _span(date: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a partial date can mean, as (year, month, day)."""
    first = (date.year, date.month or 1, date.day or 1)
    last = (date.year, date.month or 12, date.day or 31)
    return first, last


def _dates(edition: Edition) -> Iterator[Problem]:
    plan, year = edition.plan, edition.year
    issued = plan.document.date
    last = plan.document.last_year or year  # a multi-year plan reports until its last year
    deadlines = [
        (plan.reporting.deadline, "bao_cao.han_bao_cao"),
        (plan.reporting.summary_deadline, "bao_cao.han_tong_hop"),
        (plan.reporting.report_up.deadline if plan.reporting.report_up else None, "bao_cao.cap_tren.han"),
    ]
    deadlines += [
        (period.deadline, f"bao_cao.ky_bao_cao[{number}].han")
        for number, period in enumerate(plan.reporting.periods, start=1)
    ]
    for date, key in deadlines:
        if date is None:
            continue
        if not year <= date.year <= last + YEARS_AHEAD:
            yield _at(
                date.origin,
                "year",
                f"{key}.nam",
                f"năm {date.year} không hợp lệ: hạn phải thuộc năm của kế hoạch "
                f"({year if last == year else f'{year}–{last}'}) hoặc năm sau đó",
            )
        elif _span(date)[1] < _span(issued)[0]:
            yield _at(
                date.origin,
                "year",
                key,
                "hạn này trước ngày ban hành kế hoạch (van_ban.ngay_ban_hanh); kiểm tra ngày, tháng, năm",
            )
    month = plan.action_month
    if month is None:
        return
    start, end = month.month_day(month.start), month.month_day(month.end)
    if start and end and end < start:
        yield _at(
            month.origin,
            "end",
            "thang_hanh_dong.ket_thuc",
            f"ngày kết thúc ({month.end}) trước ngày bắt đầu ({month.start}) của Tháng hành động",
        )


def edition_problems(edition: Edition) -> list[Problem]:
    """Everything of a bound edition that the writers could not show as given."""
    from .edition import text_values  # edition imports this module

    problems: list[Problem] = []
    for text, origin, field_name, key in text_values(edition):
        message = character_problem(text)
        if message:
            problems.append(_at(origin, field_name, key, message))
    issuer = edition.issuer
    if not issuer.header_lines:
        problems.append(
            _at(
                issuer.origin,
                "header_lines",
                "dong_tieu_de",
                'cần ít nhất một dòng tên cơ quan ban hành, ví dụ ["Ủy ban nhân dân", "xã …"]',
            )
        )
    form = edition.report_form
    if not form.activities:
        problems.append(
            _at(
                form.origin,
                "activities",
                "hoat_dong",
                "cần ít nhất một hoạt động: biểu mẫu báo cáo in mỗi hoạt động thành một dòng của bảng I",
            )
        )
    problems += _points(edition.plan.sections, 1, "noi_dung")
    for number, assignment in enumerate(edition.plan.assignments, start=1):
        if len(assignment.points) > LETTERED_POINTS:  # an entry's points are lettered a), b)… too
            problems.append(
                _at(
                    assignment.origin,
                    f"points[{LETTERED_POINTS + 1}]",
                    f"to_chuc_thuc_hien[{number}].muc",
                    f"có {len(assignment.points)} điểm a), b), c)…, quá {LETTERED_POINTS} chữ cái dùng để đánh "
                    "điểm; tách mục này thành nhiều mục hoặc gộp bớt điểm",
                )
            )
    problems += _dates(edition)
    return problems
