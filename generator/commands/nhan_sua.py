"""`nhan-sua`: bring the text edits made in Word to a generated plan back into the content YAML.

The edited files are found (edited in output/<year>/, set aside in ban-sua-tay/, or named) and
checked: one of this edition's DOCX, made from the current content (the digest the build keeps in
the file's custom properties). Each document is rendered again from the current content, to DOCX in
memory; its paragraphs and the edited file's, tracked changes taken as accepted (the reader keeps
w:ins text and never reads w:delText), are compared by nhan_sua_edits into changes of ke-hoach.yaml,
shown as a comparison of the YAML and written when confirmed.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree import ElementTree

from ..build import SET_ASIDE, Project, edition_folder, targets
from ..collect.reading import normal, read_form
from ..document.model import CONTENT_DIGEST_PROPERTY
from ..errors import GeneratorError
from ..kinds import jobs
from ..files import display_path, inside, make_folders, one_build_at_a_time, os_problem, write_atomic
from ..untrusted import W, NotAForm, member, paragraph_text, parse
from .nhan_sua_edits import Changes, apply, compare, leaves, merge, round_trip_yaml, trace
from .table import command_help

PLAN_FILE = "ke-hoach.yaml"
LETTER_FILE = "cong-van.yaml"  # the letters' own wording
# The plan, or the Quyết định that issues it with the plan attached.
PLAN_DOCUMENTS = ("ke-hoach.docx", "quyet-dinh.docx")
# A quoted value then its end-of-line comment.
EOL_COMMENT = re.compile(r'^([^#"]*"(?:[^"\\]|\\.)*")\s+#')
# Below this share of unchanged paragraphs the file was not made from the current content.
MIN_UNCHANGED = 0.5
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# ban-sua-tay/da-nhan/: set-aside plans whose edits are in the content, not read again (they
# would undo later changes of the content).
TAKEN = "da-nhan"


def add_command(commands: argparse._SubParsersAction, year) -> None:
    taking = commands.add_parser("nhan-sua", help=command_help("nhan-sua"))
    taking.add_argument("--year", type=year, metavar="NĂM", help="năm của kế hoạch (mặc định: năm mới nhất)")
    taking.add_argument("--yes", action="store_true", help="ghi thay đổi mà không hỏi lại")
    taking.add_argument("files", nargs="*", type=Path, metavar="TỆP", help="các tệp Word đã sửa (mặc định: tự tìm)")


def docx_paragraphs(data: bytes) -> list[str]:
    """The non-empty paragraphs of a DOCX, tracked insertions kept and deletions dropped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml")
    body = ElementTree.fromstring(document).find(f"{W}body")
    texts = (normal(paragraph_text(p)) for p in body.iter(f"{W}p")) if body is not None else ()
    return [text for text in texts if text]


def _core_title(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            element = parse(member(archive, "docProps/core.xml")).find(DC_TITLE)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, NotAForm):
        return None
    return None if element is None else normal(element.text or "")


def content_digest_of(data: bytes) -> str | None:
    """The digest of the content a DOCX was made from (its custom property), None when it has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = parse(member(archive, "docProps/custom.xml"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, NotAForm):
        return None
    for element in root:
        if element.get("name") == CONTENT_DIGEST_PROPERTY:
            return "".join(element.itertext()).strip() or None
    return None


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


class Session:
    """One run: the edition, the documents it makes (each rendered at most once) and the build state."""

    def __init__(self, args: argparse.Namespace) -> None:
        from ..checks import load_edition
        from ..state import BuildState

        project = Project(content=args.content, templates=args.templates, output=args.output)
        self.content_folder = edition_folder(project, args.year)
        self.edition = load_edition(self.content_folder)
        self.output_folder = project.output / self.content_folder.name
        found = targets(project, self.edition)
        self.documents = {t.relative: t.task for t in found if t.task is not None and t.task.format == "docx"}
        self.letters = {f"{job.stem}.docx" for job in jobs(self.edition) if job.kind.id == "cong-van"}
        self.state = BuildState.load(self.output_folder) if self.output_folder.is_dir() else None
        self._rendered: dict[str, tuple[bytes, list[str]]] = {}

    def rendered(self, relative: str) -> tuple[bytes, list[str]]:
        """The document as the build would write it now, and its paragraphs."""
        from ..writers.docx import render_docx

        if relative not in self._rendered:
            task = self.documents[relative]
            data = render_docx(task.document, task.template, task.content_digest)
            self._rendered[relative] = (data, docx_paragraphs(data))
        return self._rendered[relative]

    def files(self, named: list[Path]) -> list[Edited]:
        known = set(self.documents)
        if named:
            return [named_file(self.output_folder, path, known) for path in named]
        return edited_files(self.output_folder, self.state, known) if self.state is not None else []


def _older(shown: str) -> GeneratorError:
    return GeneratorError(
        f"{shown} được sửa từ một bản tạo trước khi nội dung thay đổi; chạy make documents rồi sửa lại trên bản mới."
    )


def _paragraphs_of(item: Edited, session: Session) -> tuple[list[str], list[str]]:
    """The paragraphs of the document as built now and as edited; an edit of another document, or
    of a build made before the content changed, is refused."""
    from ..state import digest

    shown = display_path(item.path)
    data = read_edited(item.path)
    title = _core_title(data)
    if item.target is None:
        same_title = [r for r, task in session.documents.items() if normal(task.document.info.title) == title]
        item.target = same_title[0] if len(same_title) == 1 else None
    year = session.edition.year
    if item.target is None or title != _core_title(session.rendered(item.target)[0]):
        raise GeneratorError(f"{shown} không phải văn bản do chương trình tạo từ nội dung năm {year}.")
    built, original = session.rendered(item.target)
    edited = docx_paragraphs(data)
    # The file says which content it was made from; a file without it (made by an older version
    # of the program) is compared with the build's record, then by its share of unchanged text.
    made_from = content_digest_of(data)
    if made_from is not None:
        if made_from != session.documents[item.target].content_digest:
            raise _older(shown)
        return original, edited
    if item.relative is not None and session.state is not None:
        entry = session.state.entries.get(item.relative)
        if entry is None or entry.get("sha256") != digest(built):
            raise _older(shown)
    matcher = difflib.SequenceMatcher(None, original, edited, autojunk=False)
    if sum(block.size for block in matcher.get_matching_blocks()) < MIN_UNCHANGED * len(original):
        raise GeneratorError(
            f"{shown} được sửa từ một bản tạo trước khi nội dung thay đổi (hoặc không phải văn bản này); chưa ghi gì."
        )
    return original, edited


@dataclass
class YamlFile:
    """A content file edited in place, with ruamel.yaml: its text before, and its tree."""

    path: Path
    source: str
    yaml: object
    tree: object

    @classmethod
    def load(cls, path: Path) -> YamlFile:
        yaml = round_trip_yaml()
        source = path.read_text(encoding="utf-8")
        return cls(path, source, yaml, yaml.load(source))

    def text(self) -> str:
        """The file as now edited; a changed value's end-of-line comment two spaces after it, as
        the clerk's files write them (ruamel.yaml keeps the comment's old column)."""
        buffer = io.StringIO()
        self.yaml.dump(self.tree, buffer)
        kept = set(self.source.splitlines())
        lines = buffer.getvalue().splitlines(keepends=True)
        return "".join(line if line.rstrip("\n") in kept else EOL_COMMENT.sub(r"\1  #", line) for line in lines)


def _changes(files: list[Edited], session: Session, plan: YamlFile, letter: YamlFile | None):
    """The changes all the files make, merged, and the edits that could not be placed."""
    all_leaves = leaves(plan.tree, "", session.edition)
    # A letter or a form prints the plan's tasks: only those come back from it; a letter's own
    # words (its trích yếu, its section titles) come from cong-van.yaml.
    task_leaves = [leaf for leaf in all_leaves if leaf.path.startswith("to_chuc_thuc_hien")]
    own = leaves(letter.tree, "", session.edition) if letter is not None else []
    letter_leaves = task_leaves + [replace(leaf, path=f"{LETTER_FILE}: {leaf.path}") for leaf in own]
    unmapped: list[str] = []
    changes_all: list[Changes] = []
    for item in files:
        original, edited = _paragraphs_of(item, session)
        if item.target in PLAN_DOCUMENTS:
            found = all_leaves
        else:
            found = letter_leaves if item.target in session.letters else task_leaves
        changes = compare(original, edited, trace(original, found), session.edition, display_path(item.path))
        changes_all.append(changes)
        unmapped += changes.unmapped
    merged, conflicts = merge(changes_all)
    return merged, unmapped + conflicts


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("Chưa ghi gì: chạy lại với --yes để ghi các thay đổi trên (không có cửa sổ lệnh để hỏi).")
        return False
    answer = input("Ghi các thay đổi trên vào nội dung? Gõ c (có) hoặc k (không): ").strip().lower()
    if answer not in ("c", "có", "co", "y", "yes"):
        print("Chưa ghi gì.")
        return False
    return True


def _taken(session: Session, files: list[Edited]) -> None:
    """The edits are in the content now: the next build replaces the files without setting them
    aside, and the set-aside files are put away."""
    from ..state import BuildState

    if session.state is None:
        return
    folder = session.output_folder
    with one_build_at_a_time(folder):
        fresh = BuildState.load(folder)
        for item in files:
            entry = fresh.entries.get(item.relative) if item.relative else None
            if entry is not None:
                fresh.record(item.relative, entry["fingerprint"])
        fresh.save()
        for item in files:
            if item.aside is not None:
                moved = _put_away(folder, item.aside)
                print(f"  {display_path(item.path)} đã nhận xong: chuyển sang {display_path(moved)}")


def run(args: argparse.Namespace) -> int:
    session = Session(args)
    files = session.files(args.files)
    if not files:
        shown = display_path(session.output_folder)
        print(f"Không có văn bản nào đã sửa trong Word ở {shown}: không có gì để nhận.")
        return 0
    plan = YamlFile.load(session.content_folder / PLAN_FILE)
    letter_path = session.content_folder / LETTER_FILE
    letter = YamlFile.load(letter_path) if letter_path.is_file() else None
    changes, unmapped = _changes(files, session, plan, letter)
    apply(changes)
    for line in unmapped:
        print(f"Chưa đưa về nội dung được: {line}")
    changed = [(file, text) for file in (plan, letter) if file is not None and (text := file.text()) != file.source]
    if not changed:
        print("Không có chỗ sửa nào đưa về nội dung được; chưa ghi gì.")
        return 0
    for file, text in changed:
        shown = display_path(file.path)
        before, after = file.source.splitlines(keepends=True), text.splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(before, after, f"{shown} (cũ)", f"{shown} (mới)"))
    if not _confirmed(args):
        return 0
    for file, text in changed:
        write_atomic(file.path, text.encode("utf-8"), root=session.content_folder)
    _taken(session, files)
    written = ", ".join(display_path(file.path) for file, _ in changed)
    print(f"Đã ghi {written}. Chạy make documents để tạo lại văn bản theo nội dung mới.")
    return 0
