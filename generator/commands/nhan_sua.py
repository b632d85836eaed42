"""`nhan-sua`: bring the text edits made in Word to a generated plan back into the content YAML.

The plan is rebuilt from the current content and written to DOCX in memory; its paragraphs are
aligned (difflib) with the edited DOCX's paragraphs, tracked changes taken as accepted (the reader
keeps w:ins text and never reads w:delText). Each rebuilt paragraph is traced to the ke-hoach.yaml
string it prints (its words, with a short label or punctuation around them), and each edit becomes
a change of that string, or of the list holding it, made with ruamel.yaml so that comments, order
and quoting stay as the clerk wrote them.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from ..build import SET_ASIDE, Project, edition_folder, targets
from ..collect.reading import W, NotAForm, _paragraph_text, normal, read_form
from ..errors import GeneratorError
from ..files import display_path, inside, make_folders, one_build_at_a_time, os_problem, write_atomic

PLAN_FILE = "ke-hoach.yaml"
# Around a content string in its paragraph: a label ("I. ", "a) ", "- ") before, punctuation after.
MAX_PREFIX = 8
MAX_SUFFIX = 3
# Below this share of unchanged paragraphs the file was not made from the current content.
MIN_UNCHANGED = 0.5
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# ban-sua-tay/da-nhan/: set-aside plans whose edits are in the content, not read again (they
# would undo later changes of the content).
TAKEN = "da-nhan"


def add_command(commands: argparse._SubParsersAction, year) -> None:
    taking = commands.add_parser("nhan-sua", help="đưa chỗ sửa trong Word của kế hoạch về nội dung (content/<năm>/)")
    taking.add_argument("--year", type=year, metavar="NĂM", help="năm của kế hoạch (mặc định: năm mới nhất)")
    taking.add_argument("--yes", action="store_true", help="ghi thay đổi mà không hỏi lại")
    taking.add_argument("files", nargs="*", type=Path, metavar="TỆP", help="các tệp Word đã sửa (mặc định: tự tìm)")


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


def _yaml():
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


def docx_paragraphs(data: bytes) -> list[str]:
    """The non-empty paragraphs of a DOCX, tracked insertions kept and deletions dropped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    body = ElementTree.fromstring(document).find(f"{W}body")
    texts = (normal(_paragraph_text(p)) for p in body.iter(f"{W}p")) if body is not None else ()
    return [text for text in texts if text]


def _core_title(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            element = ElementTree.fromstring(archive.read("docProps/core.xml")).find(DC_TITLE)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    return None if element is None else normal(element.text or "")


def read_edited(path: Path) -> bytes:
    """An edited file, through the safe reader's checks (size, zip bomb, DOCTYPE, not a DOCX)."""
    shown = display_path(path)
    if path.suffix.lower() != ".docx" or not path.is_file():
        raise GeneratorError(f"{shown}: không phải tệp Word .docx do chương trình tạo")
    try:
        read_form(path)
    except NotAForm as err:
        raise GeneratorError(f"{shown}: {err}") from None
    return path.read_bytes()


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
            if start < 0 or start > MAX_PREFIX:
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
    return changes


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


def apply(changes: Changes) -> None:
    for leaf, raw in changes.replaced:
        leaf.container[leaf.key] = _like(leaf.container[leaf.key], raw)
    operations = [(leaf.container, leaf.key, 1, 0, None, None) for leaf in changes.deleted]
    operations += [(seq, pos, 0, n, raw, like) for seq, pos, n, raw, like in changes.inserted]
    for container, position, is_delete, _, raw, like in sorted(
        operations, key=lambda o: (id(o[0]), o[1], o[2], o[3]), reverse=True
    ):
        if is_delete:
            del container[position]
        else:
            container.insert(position, _like(like, raw))


@dataclass
class Edited:
    path: Path
    relative: str | None  # under output/<year>/, when the build's own file
    target: str | None  # the document it is an edit of (its path under output/<year>/), None: by its title
    aside: str | None = None  # under ban-sua-tay/, when set aside by the build


def _aside(folder: Path, path: Path, known: set[str]) -> Edited:
    """A file under ban-sua-tay/: the document it was set aside from, named as it (or "-2"…)."""
    relative = path.resolve().relative_to((folder / SET_ASIDE).resolve()).as_posix()
    unnumbered = re.sub(r"-\d+(\.docx)$", r"\1", relative)
    target = next((name for name in (relative, unnumbered) if name in known), None)
    return Edited(path, None, target, relative)


def edited_files(folder: Path, state, known: set[str]) -> list[Edited]:
    found = [
        Edited(folder / relative, relative, relative)
        for relative in sorted(known)
        if (folder / relative).is_file() and state.edited(relative)
    ]
    aside = folder / SET_ASIDE
    if aside.is_dir() and not aside.is_symlink():
        for path in sorted(aside.rglob("*.docx")):
            if path.is_file() and not path.is_symlink() and TAKEN not in path.relative_to(aside).parts[:1]:
                found.append(_aside(folder, path, known))
    return found


def named_file(folder: Path, path: Path, known: set[str]) -> Edited:
    try:
        relative = path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return Edited(path, None, None)
    if relative.startswith(f"{SET_ASIDE}/"):
        return _aside(folder, path, known)
    return Edited(path, relative, relative if relative in known else None)


def _put_away(folder: Path, relative: str) -> Path:
    """A set-aside file whose edits are now content, moved into ban-sua-tay/da-nhan/."""
    source = inside(folder, f"{SET_ASIDE}/{relative}")
    candidate, number = f"{SET_ASIDE}/{TAKEN}/{relative}", 1
    while (target := inside(folder, candidate)).exists():
        number += 1
        stem = Path(relative)
        candidate = f"{SET_ASIDE}/{TAKEN}/{stem.with_stem(f'{stem.stem}-{number}').as_posix()}"
    make_folders(folder, target.parent)
    try:
        os.replace(source, target)
    except OSError as err:
        raise os_problem(err, source) from None
    return target


def run(args: argparse.Namespace) -> int:
    from ..checks import load_edition
    from ..state import BuildState, digest
    from ..writers.docx import render_docx

    project = Project(content=args.content, templates=args.templates, output=args.output)
    content_folder = edition_folder(project, args.year)
    edition = load_edition(content_folder)
    output_folder = project.output / content_folder.name
    documents = {t.relative: t for t in targets(project, edition) if t.task is not None and t.task.format == "docx"}
    rendered: dict[str, tuple[bytes, list[str]]] = {}

    def render(relative: str) -> tuple[bytes, list[str]]:
        if relative not in rendered:
            task = documents[relative].task
            data = render_docx(task.document, task.template)
            rendered[relative] = (data, docx_paragraphs(data))
        return rendered[relative]

    state = BuildState.load(output_folder) if output_folder.is_dir() else None
    known = set(documents)
    if args.files:
        files = [named_file(output_folder, path, known) for path in args.files]
    else:
        files = edited_files(output_folder, state, known) if state is not None else []
    if not files:
        print(f"Không có văn bản nào đã sửa trong Word ở {display_path(output_folder)}: không có gì để nhận.")
        return 0
    plan_path = content_folder / PLAN_FILE
    source = plan_path.read_text(encoding="utf-8")
    yaml = _yaml()
    tree = yaml.load(source)
    all_leaves = leaves(tree, "", edition)
    # A letter or a form prints the plan's tasks: only those come back from it.
    task_leaves = [leaf for leaf in all_leaves if leaf.path.startswith("to_chuc_thuc_hien")]
    unmapped: list[str] = []
    changes_all: list[Changes] = []
    for item in files:
        shown = display_path(item.path)
        data = read_edited(item.path)
        title = _core_title(data)
        if item.target is None:
            same_title = [r for r, t in documents.items() if normal(t.task.document.info.title) == title]
            item.target = same_title[0] if len(same_title) == 1 else None
        if item.target is None or title != _core_title(render(item.target)[0]):
            raise GeneratorError(f"{shown} không phải văn bản do chương trình tạo từ nội dung năm {edition.year}.")
        built, original = render(item.target)
        # Builds are reproducible: the file the build wrote from the current content has the
        # digest of the document rendered now, whatever version of the program wrote it.
        if item.relative is not None and state is not None:
            entry = state.entries.get(item.relative)
            if entry is None or entry.get("sha256") != digest(built):
                raise GeneratorError(
                    f"{shown} được sửa từ một bản tạo trước khi nội dung thay đổi; "
                    "chạy make documents rồi sửa lại trên bản mới."
                )
        edited = docx_paragraphs(data)
        same = sum(
            block.size
            for block in difflib.SequenceMatcher(None, original, edited, autojunk=False).get_matching_blocks()
        )
        if same < MIN_UNCHANGED * len(original):
            raise GeneratorError(
                f"{shown} được sửa từ một bản tạo trước khi nội dung thay đổi (hoặc không phải văn bản này); chưa ghi gì."
            )
        traces = trace(original, all_leaves if item.target == "ke-hoach.docx" else task_leaves)
        changes = compare(original, edited, traces, edition, shown)
        changes_all.append(changes)
        unmapped += changes.unmapped
    merged, conflicts = merge(changes_all)
    unmapped += conflicts
    apply(merged)
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    result = buffer.getvalue()
    for line in unmapped:
        print(f"Chưa đưa về nội dung được: {line}")
    if result == source:
        print("Không có chỗ sửa nào đưa về nội dung được; chưa ghi gì.")
        return 0
    shown_plan = display_path(plan_path)
    sys.stdout.writelines(
        difflib.unified_diff(
            source.splitlines(keepends=True),
            result.splitlines(keepends=True),
            f"{shown_plan} (cũ)",
            f"{shown_plan} (mới)",
        )
    )
    if not args.yes:
        if not sys.stdin.isatty():
            print("Chưa ghi gì: chạy lại với --yes để ghi các thay đổi trên (không có cửa sổ lệnh để hỏi).")
            return 0
        answer = input("Ghi các thay đổi trên vào nội dung? Gõ c (có) hoặc k (không): ").strip().lower()
        if answer not in ("c", "có", "co", "y", "yes"):
            print("Chưa ghi gì.")
            return 0
    write_atomic(plan_path, result.encode("utf-8"), root=content_folder)
    # The edit is in the content now: the next build replaces the file without setting it aside.
    if state is not None:
        with one_build_at_a_time(output_folder):
            fresh = BuildState.load(output_folder)
            for item in files:
                entry = fresh.entries.get(item.relative) if item.relative else None
                if entry is not None:
                    fresh.record(item.relative, entry["fingerprint"])
            fresh.save()
            for item in files:
                if item.aside is not None:
                    moved = _put_away(output_folder, item.aside)
                    print(f"  {display_path(item.path)} đã nhận xong: chuyển sang {display_path(moved)}")
    print(f"Đã ghi {shown_plan}. Chạy make documents để tạo lại văn bản theo nội dung mới.")
    return 0
