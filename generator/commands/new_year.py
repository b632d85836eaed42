"""`new-year`: a new edition, content/<TO>/, drafted from content/<FROM>/.

Only structured fields change: the plan's issue date moves to the new year with its month and day
cleared, its number is cleared (a draft again), and the report deadlines move by as many years.
The plan's own year in running text is the placeholder {nam} and the Action Month dates are
day/month, so they follow by themselves. Years typed in text (other documents' numbers and dates)
are never changed: they are listed, file and line, for the clerk to review.

ke-hoach.yaml is edited as text, value by value at the spans the YAML parser reports, so every
comment and every other character of the file stays as the clerk wrote it; the other files are
copied byte for byte. The new edition is written into a temporary folder beside content/<TO>/,
validated, and only then renamed into place: a failure leaves nothing behind, and the old edition
is only ever read.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..checks import load_edition
from ..content.edition import text_values
from ..errors import ContentError, EditionExists, GeneratorError, Problem
from ..collect import RETURNED
from ..files import display_path, os_problem
from .common import excerpt, existing_edition, newest_year, year_mentions

PLAN_FILE = "ke-hoach.yaml"


@dataclass(frozen=True)
class Change:
    """One structured value new-year changed in ke-hoach.yaml."""

    path: str  # as shown: content/<TO>/ke-hoach.yaml
    line: int
    field: str  # e.g. van_ban.ngay_ban_hanh.nam
    old: str  # as typed in the old file
    new: str  # as written in the new file

    def __str__(self) -> str:
        shown = "để trống (null)" if self.new == "null" else self.new
        return f"{self.path}:{self.line}: {self.field}: {self.old} → {shown}"


@dataclass(frozen=True)
class Mention:
    """A year typed in the text of the new edition that new-year did not change."""

    path: str
    line: int
    field: str  # key path, e.g. mo_dau[1]
    year: int
    context: str  # the words around it, inside “ ”

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: còn nhắc năm {self.year}: {self.context}"


@dataclass(frozen=True)
class NewYearResult:
    source: Path
    folder: Path  # the new edition, content/<TO>/
    changes: tuple[Change, ...]
    mentions: tuple[Mention, ...]
    action_month: bool  # the plan has a Tháng hành động, whose dates follow the year too


class NewEditionInvalid(ContentError):
    """The drafted edition does not validate (e.g. 29/02 in a year that has none); nothing was created."""


# ---------------------------------------------------------------- editing YAML text in place
def _pairs(root: yaml.Node, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], yaml.Node, yaml.Node]]:
    """(key path, key node, value node) at a key path of mappings; "*" stands for each item of a list.

    An absent key gives nothing: an optional field left out has nothing to change.
    """
    found: list[tuple[tuple[str, ...], yaml.Node | None, yaml.Node]] = [((), None, root)]
    for key in path:
        step = []
        for at, _, node in found:
            if key == "*" and isinstance(node, yaml.SequenceNode):
                step += [((*at[:-1], f"{at[-1]}[{n}]"), None, item) for n, item in enumerate(node.value)]
            elif isinstance(node, yaml.MappingNode):
                step += [((*at, key), key_node, value) for key_node, value in node.value if key_node.value == key]
        found = step
    return [(at, key_node, node) for at, key_node, node in found if key_node is not None]


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node written last inside `node`: where a block collection's own text ends."""
    while isinstance(node, yaml.SequenceNode | yaml.MappingNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


@dataclass(frozen=True)
class Edit:
    """One span of a file's text to replace: [start, end) by `text`; `node` is the old value."""

    path: tuple[str, ...]
    node: yaml.Node
    start: int
    end: int
    new: str  # the new value, as the list of changes shows it
    text: str  # what replaces the span
    line: int  # where the value starts in the new file (1-based)


def _list_emptied(text: str, key: yaml.Node, node: yaml.SequenceNode, path: tuple[str, ...]) -> Edit:
    """An edit that writes `key: []` in place of a list, keeping the comments around it.

    A block list's node ends where the next key begins (its line break and indentation included),
    so the span replaced runs from the key's colon to the end of the list's last line instead.
    """
    if node.flow_style:
        return Edit(path, node, node.start_mark.index, node.end_mark.index, "[]", "[]", node.start_mark.line + 1)
    colon = text.index(":", key.end_mark.index) + 1
    first_line_end = text.find("\n", colon)
    last_line_end = text.find("\n", _last_leaf(node).end_mark.index)
    last_line_end = len(text) if last_line_end < 0 else last_line_end
    comment = text[colon:first_line_end].strip()  # a comment on the key's own line stays
    return Edit(
        path, node, colon, last_line_end, "[]", " []" + (f"  {comment}" if comment else ""), key.start_mark.line + 1
    )


# The structured values a new year changes, file by file: (key path, new value); None moves a year
# by as many years as the plan (a multi-year plan's period and every reporting period with it);
# "[]" empties a list (the letters' numbers of the old year's register); "*" is each item of a list.
YEAR_EDITS: dict[str, list[tuple[tuple[str, ...], str | None]]] = {
    PLAN_FILE: [
        (("van_ban", "ngay_ban_hanh", "nam"), "{to_year}"),
        (("van_ban", "ngay_ban_hanh", "thang"), "null"),
        (("van_ban", "ngay_ban_hanh", "ngay"), "null"),
        (("van_ban", "so"), "null"),
        (("van_ban", "tu_nam"), None),
        (("van_ban", "den_nam"), None),
        (("bao_cao", "han_bao_cao", "nam"), None),
        (("bao_cao", "han_tong_hop", "nam"), None),
        (("bao_cao", "ky_bao_cao", "*", "han", "nam"), None),
        (("bao_cao", "cap_tren", "han", "nam"), None),
        (("bao_cao", "cap_tren", "so"), "null"),
    ],
    "cong-van.yaml": [
        (("ngay_ban_hanh", "nam"), None),
        (("ngay_ban_hanh", "thang"), "null"),
        (("ngay_ban_hanh", "ngay"), "null"),
        (("so",), "[]"),
    ],
    # Optional: only a plan issued by a Quyết định has it.
    "quyet-dinh.yaml": [
        (("ngay_ban_hanh", "nam"), None),
        (("ngay_ban_hanh", "thang"), "null"),
        (("ngay_ban_hanh", "ngay"), "null"),
        (("so",), "null"),
    ],
}


def _edits(text: str, name: str, from_year: int, to_year: int) -> list[Edit]:
    """The edits that change each structured value of one file."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    shift = to_year - from_year
    edits = []
    for pattern, value in YEAR_EDITS[name]:
        for path, key, node in _pairs(root, pattern):
            if value == "[]":
                if isinstance(node, yaml.SequenceNode) and node.value:
                    edits.append(_list_emptied(text, key, node, path))
                continue
            if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
                continue  # already empty, or not a value this command knows how to change
            new = value.format(to_year=to_year) if value is not None else str(int(node.value) + shift)
            edits.append(
                Edit(path, node, node.start_mark.index, node.end_mark.index, new, new, node.start_mark.line + 1)
            )
    return edits


def _shown(node: yaml.Node) -> str:
    """A changed value as the clerk typed it, for the list of changes."""
    if isinstance(node, yaml.SequenceNode):
        return f"[{len(node.value)} số]"
    return node.value if node.tag != "tag:yaml.org,2002:null" else "null"


def _edited(text: str, edits: list[Edit]) -> str:
    # From the end of the text backwards, so that earlier spans keep their positions.
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


# ---------------------------------------------------------------- the command
def _moved_problems(err: ContentError, temporary: Path, final: Path) -> list[Problem]:
    """Problems found in the temporary folder, reported with the path the clerk will know."""
    before, after = display_path(temporary), display_path(final)
    return [
        Problem(p.path.replace(before, after, 1) if p.path.startswith(before) else p.path, p.line, p.field, p.message)
        for p in err.problems
    ]


def old_year_mentions(folder: Path, year: int) -> list[Mention]:
    """Every place the text of the edition in `folder` still has `year` as a four-digit number."""
    edition = load_edition(folder)
    mentions = []
    for text, origin, field_name, key in text_values(edition):
        for match in year_mentions(text, year):
            mentions.append(
                Mention(origin.path, origin.line_of(field_name), key, year, excerpt(text, match.start(), match.end()))
            )
    return mentions


def new_year(content: Path, from_year: int | None = None, to_year: int | None = None) -> NewYearResult:
    """Create content/<to_year>/ from content/<from_year>/.

    By default from the newest edition, to the year after the plan's period: the next year, or for a
    plan of several years (tu_nam–den_nam) the year after its last.
    """
    if from_year is None:
        from_year = newest_year(content)
    source = existing_edition(content, from_year)
    old = load_edition(source)  # the old edition must be valid before it is copied
    if to_year is None:
        to_year = (old.plan.document.last_year or from_year) + 1
    if to_year <= from_year:
        raise GeneratorError(f"năm của bản mới ({to_year}) phải sau năm của bản cũ ({from_year})")
    target = content / str(to_year)
    if target.exists():
        raise EditionExists(
            f"đã có nội dung năm {to_year} (thư mục {display_path(target)}); chương trình không ghi đè. "
            f"Muốn tạo lại thì đổi tên hoặc xóa thư mục đó trước."
        )

    edits: dict[str, list] = {}
    new_texts: dict[str, str] = {}
    for name in (name for name in YEAR_EDITS if (source / name).is_file()):
        raw = (source / name).read_bytes().decode("utf-8")
        edits[name] = _edits(raw, name, from_year, to_year)
        new_texts[name] = _edited(raw, edits[name])

    work = content / f".tao-nam-{to_year}-{os.getpid()}"
    temporary = work / str(to_year)
    try:
        # Every file byte for byte, except the forms returned for the old year's report (make tong-hop)…
        shutil.copytree(source, temporary, ignore=lambda folder, names: [RETURNED] if Path(folder) == source else [])
        for name, text in new_texts.items():  # …then the edited files
            (temporary / name).write_bytes(text.encode("utf-8"))
        try:
            load_edition(temporary)
        except ContentError as err:
            raise NewEditionInvalid(_moved_problems(err, temporary, target)) from None
        if target.exists():  # created meanwhile by someone else
            raise EditionExists(
                f"đã có nội dung năm {to_year} (thư mục {display_path(target)}); chương trình không ghi đè."
            )
        os.rename(temporary, target)
    except OSError as err:  # a content folder that cannot be written: read-only, locked, full
        raise os_problem(err, Path(err.filename) if isinstance(err.filename, str) else content) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)

    changes = tuple(
        Change(display_path(target / name), edit.line, ".".join(edit.path), _shown(edit.node), edit.new)
        for name in edits
        for edit in sorted(edits[name], key=lambda edit: edit.start)
    )
    mentions = tuple(old_year_mentions(target, from_year))
    return NewYearResult(source, target, changes, mentions, action_month=old.plan.action_month is not None)
