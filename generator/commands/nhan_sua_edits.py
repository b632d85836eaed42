"""How `nhan-sua` turns the paragraphs of an edited plan into changes of ke-hoach.yaml.

Each rebuilt paragraph is traced to the ke-hoach.yaml string it prints (its words, with a short
label or punctuation around them); the paragraphs are aligned (difflib) with the edited ones, and
each edit becomes a change of that string, or of the list holding it, made with ruamel.yaml so that
comments, order and quoting stay as the clerk wrote them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..collect.reading import normal

# Around a content string in its paragraph: a label ("I. ", "a) ", "- ") before, punctuation after.
MAX_PREFIX = 8
# A section IV entry whose first task runs in on its heading's line ("5. Sở Y tế: Chỉ đạo …"): its
# heading, however long, is the program's own prefix of the task (ke-hoach.yaml cung_dong).
RUN_IN_HEADING = re.compile(r"\d+\. [^:]+: ")
MAX_SUFFIX = 3


@dataclass(frozen=True)
class Leaf:
    """A string of ke-hoach.yaml: where it is (its container and key) and what it prints."""

    container: object  # a ruamel CommentedMap or CommentedSeq
    key: object  # its key or index in the container
    path: str  # "noi_dung[0].doan[1]", for messages
    rendered: str


@dataclass
class Trace:
    leaf: Leaf
    prefix: str
    suffix: str


@dataclass
class Changes:
    replaced: list[tuple[Leaf, str]] = field(default_factory=list)
    deleted: list[Leaf] = field(default_factory=list)
    inserted: list[tuple[object, int, int, str, object]] = field(default_factory=list)  # list, pos, seq, text, like
    unmapped: list[str] = field(default_factory=list)


def round_trip_yaml():
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100000
    yaml.indent(mapping=2, sequence=4, offset=2)
    # `so: null` stays written as the clerk wrote it (ruamel would leave the value empty).
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def leaves(node, path: str, edition) -> list[Leaf]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    found: list[Leaf] = []
    items = (
        node.items() if isinstance(node, CommentedMap) else enumerate(node) if isinstance(node, CommentedSeq) else ()
    )
    for key, value in items:
        where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        if isinstance(value, str):
            try:
                rendered = normal(edition.plain(str(value)))
            except (KeyError, ValueError, IndexError):
                continue
            if rendered:
                found.append(Leaf(node, key, where, rendered))
        else:
            found += leaves(value, where, edition)
    return found


def trace(paragraphs: list[str], all_leaves: list[Leaf]) -> dict[int, Trace]:
    """Each paragraph's content string, when exactly one is its words (the longest that fits)."""
    candidates: dict[int, list[Trace]] = {}
    for index, text in enumerate(paragraphs):
        for leaf in all_leaves:
            start = text.find(leaf.rendered)
            if start < 0 or (start > MAX_PREFIX and not RUN_IN_HEADING.fullmatch(text[:start])):
                continue
            end = start + len(leaf.rendered)
            if len(text) - end > MAX_SUFFIX:
                continue
            candidates.setdefault(index, []).append(Trace(leaf, text[:start], text[end:]))
    chosen: dict[int, Trace] = {}
    for index, found in candidates.items():
        longest = max(len(t.leaf.rendered) for t in found)
        best = [t for t in found if len(t.leaf.rendered) == longest]
        if len(best) == 1:
            chosen[index] = best[0]
    # A string printed in two paragraphs cannot say which one was edited.
    uses: dict[int, int] = {}
    for t in chosen.values():
        uses[id(t.leaf)] = uses.get(id(t.leaf), 0) + 1
    return {i: t for i, t in chosen.items() if uses[id(t.leaf)] == 1}


def raw_text(new: str, old_raw: str, edition) -> str | None:
    """The content string that prints `new`, the placeholders of `old_raw` put back; None when
    the old string has italics (formatting the text alone cannot carry)."""
    if re.search(r"(?<!\\)\*", old_raw):
        return None
    text = new.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
    for name, value in edition.placeholder_values.items():
        if f"{{{name}}}" in old_raw and value:
            text = text.replace(value, f"{{{name}}}")
    return text


def _strip(text: str, traced: Trace) -> str | None:
    if text.startswith(traced.prefix) and text.endswith(traced.suffix):
        return (
            text[len(traced.prefix) : len(text) - len(traced.suffix)] if traced.suffix else text[len(traced.prefix) :]
        )
    return None


def _like(value, text: str):
    """`text` as a scalar of the same quoting as `value`."""
    kind = type(value)
    return kind(text) if kind is not str else text


def compare(original: list[str], edited: list[str], traces: dict[int, Trace], edition, shown: str) -> Changes:
    changes = Changes()
    sequence = 0
    stripped_of: dict[int, str] = {}  # an insertion's text, its label taken off

    def unmapped(number: int, text: str, why: str) -> None:
        changes.unmapped.append(f"{shown}, đoạn {number} («{text[:50]}»): {why}")

    def replace(i: int, new: str, number: int) -> None:
        traced = traces.get(i)
        if traced is None:
            unmapped(number, new, "không xác định được đoạn này lấy từ đâu trong nội dung")
            return
        stripped = _strip(new, traced)
        raw = None if stripped is None else raw_text(stripped, str(traced.leaf.container[traced.leaf.key]), edition)
        if raw is None:
            unmapped(number, new, "sửa số thứ tự, dấu câu bao quanh hoặc chữ nghiêng: chưa đưa về nội dung được")
            return
        changes.replaced.append((traced.leaf, raw))

    def insert(i1: int, new: str, number: int) -> None:
        nonlocal sequence
        for anchor, after in ((i1 - 1, True), (i1, False)):
            traced = traces.get(anchor)
            if traced is None or not isinstance(traced.leaf.key, int):
                continue
            stripped = _strip(new, traced)
            if stripped is None:
                continue
            old = traced.leaf.container[traced.leaf.key]
            raw = raw_text(stripped, str(old), edition)
            if raw is None:
                continue
            sequence += 1
            position = traced.leaf.key + (1 if after else 0)
            changes.inserted.append((traced.leaf.container, position, sequence, raw, old))
            stripped_of[len(changes.inserted) - 1] = stripped
            return
        unmapped(number, new, "đoạn thêm vào không nằm cạnh đoạn nào của một danh sách trong nội dung")

    def delete(i: int) -> None:
        traced = traces.get(i)
        if traced is None or not isinstance(traced.leaf.key, int):
            unmapped(i + 1, original[i], "đoạn bị xóa không phải một mục của danh sách trong nội dung")
            return
        changes.deleted.append(traced.leaf)

    matcher = difflib.SequenceMatcher(None, original, edited, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            replace(i1 + k, edited[j1 + k], j1 + k + 1)
        for i in range(i1 + pairs, i2):
            delete(i)
        for j in range(j1 + pairs, j2):
            insert(i2 if tag != "replace" else i1 + pairs, edited[j], j + 1)
    _keep_moved(changes, stripped_of)
    return changes


def _keep_moved(changes: Changes, stripped_of: dict[int, str]) -> None:
    """A paragraph deleted in one place and inserted in another was moved: the string moved is
    the one deleted, with its placeholders and quoting (not the printed words typed anew)."""
    free = list(changes.deleted)
    for index, text in stripped_of.items():
        moved = next((leaf for leaf in free if leaf.rendered == text), None)
        if moved is None:
            continue
        free.remove(moved)
        container, position, sequence, _, _ = changes.inserted[index]
        value = moved.container[moved.key]
        changes.inserted[index] = (container, position, sequence, str(value), value)


def merge(all_changes: list[Changes]) -> tuple[Changes, list[str]]:
    """The changes of several files as one set (indices are those of the content before any),
    the same edit made in two files once; two different edits of one string are not made."""
    merged = Changes()
    values: dict[tuple[int, object], tuple[Leaf, str]] = {}
    conflicts: list[str] = []
    clashing: set[tuple[int, object]] = set()
    for changes in all_changes:
        for leaf, raw in changes.replaced:
            key = (id(leaf.container), leaf.key)
            if key in values and values[key][1] != raw:
                clashing.add(key)
            values.setdefault(key, (leaf, raw))
        for leaf in changes.deleted:
            if all(d is not leaf for d in merged.deleted):
                merged.deleted.append(leaf)
        for insertion in changes.inserted:
            if all((i[0], i[1], i[3]) != (insertion[0], insertion[1], insertion[3]) for i in merged.inserted):
                merged.inserted.append(insertion)
    for key, (leaf, raw) in values.items():
        if key in clashing:
            conflicts.append(f"{leaf.path} («{leaf.rendered[:50]}»): được sửa khác nhau trong hai văn bản")
        else:
            merged.replaced.append((leaf, raw))
    return merged, conflicts


def _split_comment(seq, index: int) -> tuple[object, str]:
    """The comment token after item `index` of `seq`, and the lines it holds below the item's
    own line (the comments and blank lines before the next item), taken off the token."""
    found = seq.ca.items.get(index)
    token = found[0] if found else None
    if token is None or "\n" not in token.value:
        return token, ""
    own, below = token.value.split("\n", 1)
    token.value = own + "\n"
    return token, below


def _add_below(seq, index: int, below: str) -> None:
    """`below` as the lines under item `index` (after its own end-of-line comment, if any)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not below:
        return
    found = seq.ca.items.setdefault(index, [None, None, None, None])
    if found[0] is None:
        found[0] = CommentToken("\n" + below, CommentMark(0), None)
    else:
        found[0].value = found[0].value + below


def insert_item(seq, position: int, value) -> None:
    """An item inserted in a YAML list; the comment lines that stood before the item now after
    it stay before that item (a heading comment of the next entry stays with it)."""
    below = _split_comment(seq, position - 1)[1] if position > 0 else ""
    seq.insert(position, value)
    if position > 0:
        _add_below(seq, position, below)


def delete_item(seq, position: int) -> None:
    """An item deleted from a YAML list; the comment lines below it go under the item before it."""
    below = _split_comment(seq, position)[1]
    del seq[position]
    if position > 0:
        _add_below(seq, position - 1, below)


def apply(changes: Changes) -> None:
    for leaf, raw in changes.replaced:
        leaf.container[leaf.key] = _like(leaf.container[leaf.key], raw)
    operations = [(leaf.container, leaf.key, 1, 0, None, None) for leaf in changes.deleted]
    operations += [(seq, pos, 0, n, raw, like) for seq, pos, n, raw, like in changes.inserted]
    for container, position, is_delete, _, raw, like in sorted(
        operations, key=lambda o: (id(o[0]), o[1], o[2], o[3]), reverse=True
    ):
        if is_delete:
            delete_item(container, position)
        else:
            insert_item(container, position, _like(like, raw))
