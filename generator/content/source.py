"""What a content file must be before it is bound: UTF-8 text of sensible size whose YAML is a
plain tree (no anchors and aliases, which can make a small file unboundedly large, no deep
nesting), and the words for a character that cannot be printed.

The limits of what the writers can show live in `generator.checks.limits` (a stage above).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..errors import Problem

# A comment `make nhap` writes beside each value it guessed; the clerk deletes it to confirm.
CHECK_MARK = "# KIỂM TRA:"
MAX_FILE_BYTES = 1_000_000  # the 2024 plan is 30 kB
MAX_DEPTH = 40  # levels of YAML nesting; the 2024 plan's deepest value is 10 levels down
_ENCODING_ADVICE = (
    "mở tệp bằng Notepad (hoặc Notepad++, VS Code), chọn Lưu thành… (Save As) với bảng mã (Encoding) UTF-8 rồi chạy lại"
)


def thousands(value: int) -> str:
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
                    f"tệp quá lớn ({thousands(size)} byte, tối đa {thousands(MAX_FILE_BYTES)}); một tệp "
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
UNPRINTABLE = {
    "Cc": "ký tự điều khiển",
    "Cs": "nửa ký tự (surrogate)",
    "Cn": "mã không phải là chữ (noncharacter hoặc chưa có trong Unicode)",
    "Co": "ký tự dùng riêng (private use)",
    "Zl": "ký tự xuống dòng (U+2028)",
    "Zp": "ký tự ngắt đoạn (U+2029)",
    "Cf": "ký tự vô hình (thường do chép từ trang web hay Word)",
}


def describe(char: str) -> str:
    """What kind of unprintable character `char` is, in Vietnamese."""
    return UNPRINTABLE.get(unicodedata.category(char), "dấu cách đặc biệt")


def unconfirmed(text: str) -> list[tuple[int, str]]:
    """(line, note) of every `# KIỂM TRA:` comment still in a content file."""
    return [
        (number, line.split(CHECK_MARK, 1)[1].strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(r"(^|\s)" + re.escape(CHECK_MARK), line)
    ]
