"""The day each returned file was received, as the collecting office's clerk types it.

bao-cao-nhan/ngay-nhan.yaml (optional) maps a file's name to the day it arrived:

    "VHXH gui lai.docx": "09/12/2026"

A file not listed there was received on the day it appeared in the folder (its modification
time). The clerk's file is content: a wrong day, a name of no file there, or a syntax error is an
error naming its line, and nothing is written.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from ..content.binding import compose
from ..content.source import read_source
from ..errors import ContentError, Problem
from ..files import display_path

RECEIVED = "ngay-nhan.yaml"
_DAY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def received_dates(folder: Path, names: set[str]) -> dict[str, date]:
    """The typed day of each file named in bao-cao-nhan/ngay-nhan.yaml (`names`: the returned
    files, relative to the folder, with / between folders); raises ContentError."""
    path = folder / RECEIVED
    if not path.is_file() or path.is_symlink():
        return {}
    shown, problems = display_path(path), []
    text = read_source(path, shown, problems)
    node = compose(shown, text, problems) if text is not None else None
    if problems:
        raise ContentError(problems)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1
        raise ContentError(
            [Problem(shown, line, "(tệp)", 'mỗi dòng ghi tên tệp và ngày nhận: "tên tệp.docx": "09/12/2026"')]
        )
    found: dict[str, date] = {}
    for key, value in node.value:
        name, line = str(key.value), key.start_mark.line + 1
        day = _day(value.value if isinstance(value, yaml.ScalarNode) else "")
        if name not in names:
            problems.append(
                Problem(
                    shown, line, name, "không có tệp này trong thư mục bao-cao-nhan (kiểm tra tên tệp, cả phần .docx)"
                )
            )
        elif day is None:
            problems.append(
                Problem(shown, line, name, "ngày nhận phải là một ngày có thật, dạng ngày/tháng/năm, ví dụ 09/12/2026")
            )
        else:
            found[name] = day
    if problems:
        raise ContentError(problems)
    return found


def _day(text: str) -> date | None:
    match = _DAY.fullmatch(str(text).strip())
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
