"""YAML text for the imported content, with a `# KIỂM TRA:` comment on every guessed value."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..content.source import CHECK_MARK
from .source import ITALIC_OFF, ITALIC_ON


@dataclass(frozen=True)
class Guess:
    """A value the importer guessed; written with a comment saying from which words."""

    value: object
    note: str


def content_text(text: str) -> str:
    """Source text as a content string: the content's own markup (* for italics, | for line
    breaks, {name} placeholders) typed in the source is escaped so it prints as typed."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
    # The italic words source.paragraph_line marked: the content's own italics.
    return text.replace(ITALIC_ON, "*").replace(ITALIC_OFF, "*")


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _comment(note: str | None) -> str:
    return f"  {CHECK_MARK} {note}" if note else ""


def _flow(value: object) -> str | None:
    """A short list or mapping of scalars on one line, else None."""
    if isinstance(value, list) and all(not isinstance(v, (list, dict, Guess)) for v in value):
        if sum(len(str(v)) for v in value) > 90 and not all(len(str(v)) < 30 for v in value):
            return None
        text = "[" + ", ".join(_scalar(v) for v in value) + "]"
    elif isinstance(value, dict) and value and all(not isinstance(v, (list, dict, Guess)) for v in value.values()):
        text = "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    else:
        return None
    return text


def dump(value: dict, indent: int = 0) -> list[str]:
    """A mapping as block YAML lines."""
    lines = []
    pad = " " * indent
    for key, item in value.items():
        note = None
        if isinstance(item, Guess):
            item, note = item.value, item.note
        flow = _flow(item) if isinstance(item, (list, dict)) else _scalar(item)
        if flow is not None:
            lines.append(f"{pad}{key}: {flow}{_comment(note)}")
        elif isinstance(item, dict):
            lines.append(f"{pad}{key}:{_comment(note)}")
            lines += dump(item, indent + 2)
        else:
            lines.append(f"{pad}{key}:{_comment(note)}")
            lines += _dump_list(item, indent + 2)
    return lines


def _dump_list(values: list, indent: int) -> list[str]:
    lines = []
    pad = " " * indent
    for element in values:
        note = None
        if isinstance(element, Guess):
            element, note = element.value, element.note
        if isinstance(element, dict):
            inner = dump(element, indent + 2)
            first = inner[0][indent + 2 :] if inner else "{}"
            if note:
                lines.append(f"{pad}{CHECK_MARK} {note}")
            lines.append(f"{pad}- {first}")
            lines += inner[1:]
        elif isinstance(element, list):
            flat = "[" + ", ".join(_scalar(v) for v in element) + "]"
            lines.append(f"{pad}- {flat}{_comment(note)}")
        else:
            lines.append(f"{pad}- {_scalar(element)}{_comment(note)}")
    return lines


def document(value: dict, header: str) -> str:
    return f"# {header}\n" + "\n".join(dump(value)) + "\n"
