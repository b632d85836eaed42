"""Bind YAML nodes to the content model, collecting every problem with its line.

YAML is composed with PyYAML's safe loader (no arbitrary tags), so every value keeps its source
line; the node tree is then walked against the dataclasses of `schema`, guided by their field
metadata. Nothing stops at the first problem: each is appended to `problems` and binding goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import re
import types
import typing
import unicodedata
from typing import Any, Literal, Union, get_args, get_origin

import yaml

from ..errors import Problem
from .source import describe, tree_problems
from .schema import Origin

# libyaml's safe loader where PyYAML was built with it (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_STR = "tag:yaml.org,2002:str"
_BOOL_WORDS = ("true", "false", "yes", "no", "on", "off")


class _Invalid(Exception):
    """Raised inside binding to drop a value after its problem has been recorded."""


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_UNCLOSED = "thiếu dấu ngoặc đóng (\" hoặc ') của đoạn bắt đầu ở dòng này"

# The parser's words for the mistakes clerks make, as libyaml and as pure-Python PyYAML put them
# (pattern on the problem, then on the context), and what to tell the clerk instead.
_SYNTAX = (
    (r"unexpected end of stream", r"quoted scalar", _UNCLOSED),
    (
        r"mapping values are not allowed",
        r"",
        "có dấu hai chấm (:) không đúng chỗ: đoạn văn có dấu hai chấm phải "
        "đặt giữa hai dấu ngoặc kép; tên trường thì kiểm tra thụt lề",
    ),
    (r"unknown escape character", r"", "dấu gạch chéo ngược (\\) giữa hai dấu ngoặc kép phải gõ hai lần (\\\\)"),
    (
        r"expected '-' indicator|found '\?'",
        r"block collection",
        "danh sách (các dòng bắt đầu bằng dấu -) lẫn một dòng khác cấp; kiểm tra thụt lề",
    ),
    (
        r"did not find expected key|expected <block end>",
        r"",
        "dòng này không thẳng hàng với các dòng cùng cấp, hoặc "
        "có chữ sau dấu ngoặc kép đóng; kiểm tra thụt lề và dấu "
        'ngoặc kép trong câu (gõ \\" hoặc dùng “ ”)',
    ),
    (r"expected ',' or '\]'", r"", "thiếu dấu ] đóng danh sách trong ngoặc vuông mở ở dòng này"),
    (r"expected ',' or '}'", r"", "thiếu dấu } đóng nhóm trong ngoặc nhọn mở ở dòng này"),
    (
        r"hexadecimal|hexdecimal",
        r"",
        "sau \\u phải là đúng 4 chữ số hệ mười sáu (ví dụ \\u00A0); muốn in dấu gạch chéo ngược thì gõ hai lần (\\\\)",
    ),
    (
        r"invalid Unicode character escape",
        r"",
        "mã \\u… này không ứng với chữ nào in được (ví dụ \\uD800, nửa của một cặp mã); gõ thẳng chữ cần in, "
        "hoặc muốn in dấu gạch chéo ngược thì gõ hai lần (\\\\)",
    ),
    (r"maximum nesting depth", r"", "nội dung lồng nhau quá nhiều cấp (quá nhiều dấu [ hoặc {); kiểm tra dấu ngoặc"),
    (
        r"undefined alias|alphabetic or numeric",
        r"",
        'giá trị bắt đầu bằng dấu * phải đặt giữa hai dấu ngoặc kép, ví dụ "*chữ nghiêng* …"',
    ),
    (
        r"cannot start any token",
        r"",
        "có ký tự không được đứng đầu giá trị (như @ hoặc `): đặt giá trị giữa hai dấu ngoặc kép",
    ),
)


def _first_unclosed_quote(lines: list[str], last: int) -> int | None:
    """The first of lines[:last] that opens a double-quoted text and does not close it. Content
    keeps each text on one line, so such a line is where a parser that read on found its error."""
    for number, line in enumerate(lines[:last], start=1):
        quoted, index = False, 0
        while index < len(line):
            char = line[index]
            if quoted and char == "\\":
                index += 1  # an escape: the next character (a quote, say) is text
            elif char == '"':
                quoted = not quoted
            elif char == "#" and not quoted and (index == 0 or line[index - 1] in " \t"):
                break  # a comment
            index += 1
        if quoted:
            return number
    return None


# Fields renamed by the content format, old key to new: a file written before the rename is told
# the new name rather than only the list of valid ones.
RENAMED_FIELDS = {"quan_he": "loai"}


def _unknown_field(key: str, known: list[str]) -> str:
    """The message for a key the model does not have, with the known name it most likely means."""
    renamed = RENAMED_FIELDS.get(key)
    if renamed in known:
        hint = f"trường này nay có tên “{renamed}”; "
    else:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"có phải “{close[0]}”? " if close else ""
    return f"trường không có trong mẫu (gõ nhầm?); {hint}các trường hợp lệ: {', '.join(known)}"


def _syntax_problem(path: str, text: str, err: yaml.MarkedYAMLError) -> Problem:
    problem, context = err.problem or "", err.context or ""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    unclosed = _first_unclosed_quote(lines, line)
    if unclosed is not None:
        return Problem(path, unclosed, "cú pháp", f"lỗi cú pháp YAML: {_UNCLOSED}")
    if "cannot start any token" in problem and line <= len(lines) and "\t" in lines[line - 1]:
        return Problem(
            path, line, "cú pháp", "lỗi cú pháp YAML: có ký tự Tab; thụt lề bằng dấu cách (2 dấu cách mỗi cấp)"
        )
    for problem_pattern, context_pattern, message in _SYNTAX:
        if re.search(problem_pattern, problem) and re.search(context_pattern, context):
            if re.search("quoted scalar|flow", context) and err.context_mark is not None:
                line = err.context_mark.line + 1  # where the quote or bracket was opened, not where the parser gave up
            return Problem(path, line, "cú pháp", f"lỗi cú pháp YAML: {message}")
    what = problem or context or "không đọc được"
    return Problem(path, line, "cú pháp", f"lỗi cú pháp YAML ({what}); kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép")


def _reader_problem(path: str, text: str, err: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses anywhere in a file (a control character, mostly), at its line."""
    char = chr(err.character) if isinstance(err.character, int) else str(err.character)
    index = text.find(char) if char else -1
    line = text.count("\n", 0, index) + 1 if index >= 0 else 1
    return Problem(
        path,
        line,
        "cú pháp",
        f"có {describe(char[:1] or chr(0))} U+{ord(char[:1] or chr(0)):04X} không in được ở "
        "dòng này (thường do chép từ nơi khác); xóa ký tự đó",
    )


def compose(path: str, text: str, problems: list[Problem]) -> yaml.Node | None:
    """Parse `text` into a node tree; a syntax error becomes one problem, and so does a tree the
    binder must not walk (source.tree_problems)."""
    try:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
    except yaml.reader.ReaderError as err:
        problems.append(_reader_problem(path, text, err))
        return None
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(path, text, err))
        return None
    except yaml.YAMLError as err:
        problems.append(Problem(path, 1, "cú pháp", f"lỗi cú pháp YAML ({err})"))
        return None
    except RecursionError:  # the pure-Python parser, on deep nesting (libyaml stops at 1000 levels itself)
        problems.append(
            Problem(
                path,
                1,
                "cú pháp",
                "lỗi cú pháp YAML: nội dung lồng nhau quá nhiều cấp (quá nhiều dấu [ hoặc {); kiểm tra dấu ngoặc",
            )
        )
        return None
    tree = tree_problems(path, text, node) if node is not None else []
    problems += tree
    return None if tree else node


@functools.cache
def _declared(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A model's field types and its fields by YAML key: the same for every file bound, and
    resolving the annotations was a quarter of the time an edition took to load."""
    fields = {f.metadata["key"]: f for f in dataclasses.fields(cls) if "key" in f.metadata}
    return typing.get_type_hints(cls), fields


class Binder:
    """Binds one file. `defaults`: a bound object of the same model whose values stand for the
    keys the file leaves out, at every level (loi-van.yaml over the packaged wording)."""

    def __init__(self, path: str, problems: list[Problem], defaults: Any = None):
        self.path = path
        self.problems = problems
        self.defaults = defaults

    def problem(self, node: yaml.Node, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, _node_line(node), field or "(tệp)", message))

    def bind(self, node: yaml.Node | None, cls: type) -> Any:
        """Bind a whole file; returns None when the file is unusable."""
        if node is None:
            self.problems.append(Problem(self.path, 1, "(tệp)", "tệp rỗng"))
            return None
        try:
            return self._value(node, cls, "", self.defaults)
        except _Invalid:
            return None

    # -- one value of a declared type (`fallback`: the default object of a dataclass, if any)
    def _value(self, node: yaml.Node, tp: Any, field: str, fallback: Any = None) -> Any:
        origin = get_origin(tp)
        if origin is Union or origin is types.UnionType:  # Optional[X] and X | None
            inner = [a for a in get_args(tp) if a is not type(None)]
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
                return None
            return self._value(node, inner[0], field, fallback)
        if origin is list:
            return self._list(node, get_args(tp)[0], field)
        if origin is Literal:
            allowed = [str(a) for a in get_args(tp)]
            value = self._scalar(node, str, field)
            if value not in allowed:
                self.problem(node, field, f"giá trị “{value}” không hợp lệ; chỉ được là: {', '.join(allowed)}")
                raise _Invalid
            return value
        if dataclasses.is_dataclass(tp):
            return self._object(node, tp, field, fallback)
        return self._scalar(node, tp, field)

    def _scalar(self, node: yaml.Node, tp: type, field: str) -> Any:
        expected = {str: "một chuỗi văn bản", int: "một số nguyên", float: "một số", bool: "true hoặc false"}[tp]
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, field, f"phải là {expected}")
            raise _Invalid
        if node.tag == _NULL:
            self.problem(node, field, "không được để trống")
            raise _Invalid
        if tp is str:
            text = unicodedata.normalize("NFC", node.value).strip()
            if not text:
                self.problem(node, field, "không được để trống")
                raise _Invalid
            return text
        if tp is float:
            if node.tag not in (_INT, _FLOAT):
                self.problem(node, field, f"phải là một số (ví dụ 25 hoặc 12.5), không phải “{node.value}”")
                raise _Invalid
            return float(node.value)
        if tp is int:
            # Digits only: YAML 1.1 also reads 1:30 (90), 0x1F and 1_000 as numbers, and !!int as anything;
            # and it takes 08 and 09 for text (not octal), while a clerk means a month: unquoted digits
            # with a leading zero are read as the decimal number they show, whatever tag YAML gave them.
            plain_digits = not node.style and node.tag in (_INT, _STR) and re.fullmatch(r"[-+]?[0-9]+", node.value)
            if not plain_digits:
                if node.style and re.fullmatch(r"[0-9]+", node.value):  # "20": a number typed as text
                    message = f"là số: ghi {node.value}, không đặt trong dấu ngoặc kép"
                else:
                    message = f"phải là một số nguyên viết bằng chữ số, ví dụ 5, không phải “{node.value}”"
                self.problem(node, field, message)
                raise _Invalid
            return int(node.value)
        if node.tag != _BOOL or node.value.lower() not in _BOOL_WORDS:
            self.problem(node, field, f"phải là true hoặc false, không phải “{node.value}”")
            raise _Invalid
        return node.value.lower() in ("true", "yes", "on")

    def _list(self, node: yaml.Node, item_tp: Any, field: str) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, field, "phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng “- ”)")
            raise _Invalid
        result = []
        for index, child in enumerate(node.value, start=1):
            with contextlib.suppress(_Invalid):
                result.append(self._value(child, item_tp, f"{field}[{index}]"))
        return result

    def _object(self, node: yaml.Node, cls: type, field: str, fallback: Any = None) -> Any:
        hints, by_key = _declared(cls)
        if not isinstance(node, yaml.MappingNode):
            # The shape with this model's own keys: a date typed "31/02/2026" reads {nam: …, thang: …, ngay: …}.
            shape = ", ".join(f"{key}: …" for key in list(by_key)[:4]) + (", …" if len(by_key) > 4 else "")
            self.problem(node, field, f"phải là một nhóm trường dạng “tên_trường: giá trị”, ở đây {{{shape}}}")
            raise _Invalid
        given: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            where = f"{field}.{key}" if field else key
            if key in given:
                self.problem(key_node, where, "trường bị khai báo hai lần")
                continue
            if key not in by_key:
                self.problem(key_node, where, _unknown_field(key, list(by_key)))
                continue
            given[key] = (key_node, value_node)
        values: dict[str, Any] = {}
        failed = False
        for key, spec_field in by_key.items():
            where = f"{field}.{key}" if field else key
            default = getattr(fallback, spec_field.name) if fallback is not None else None
            if key not in given:
                if fallback is not None:
                    values[spec_field.name] = default
                elif spec_field.default is dataclasses.MISSING and spec_field.default_factory is dataclasses.MISSING:
                    self.problem(node, where, "thiếu trường bắt buộc")
                    failed = True
                continue
            value_node = given[key][1]
            try:
                if (
                    spec_field.metadata["one_or_more"]
                    and isinstance(value_node, yaml.ScalarNode)
                    and value_node.tag != _NULL
                ):
                    # A list of one may be written as its single value: `co_quan: phong-tu-phap`.
                    values[spec_field.name] = [self._value(value_node, get_args(hints[spec_field.name])[0], where)]
                else:
                    values[spec_field.name] = self._value(value_node, hints[spec_field.name], where, default)
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid
        origin_name = next(f.name for f in dataclasses.fields(cls) if f.metadata.get("origin"))
        key_lines = {}
        for key, (key_node, value_node) in given.items():
            name = by_key[key].name
            key_lines[name] = _node_line(key_node)
            if isinstance(value_node, yaml.SequenceNode):
                for index, child in enumerate(value_node.value, start=1):
                    key_lines[f"{name}[{index}]"] = _node_line(child)
        field_keys = {spec_field.name: key for key, spec_field in by_key.items()}
        values[origin_name] = Origin(self.path, _node_line(node), key_lines, field, field_keys)
        return cls(**values)
