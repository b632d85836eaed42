"""`diff`: what changed in the plan from one edition to another, for the approver.

Both plans are built as format-neutral documents and compared part by part: the page-1 header
lines, the opening, each top-level section, section IV's heading and each agency's entry in it, the
closing, the signature and Nơi nhận. Inside a part, paragraphs are aligned with difflib on their
text. A paragraph whose exact text left one place and reappears in another place of the same part
is "moved", not deleted and added. Left-over deleted and added paragraphs are paired in order when
they are at least half alike ("changed", compared word by word); the rest are "removed" and "added".

The result (`Comparison`) is written as HTML and as DOCX with tracked changes by `diff_output`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from ..content.edition import Edition, load_edition
from ..document.model import Block, Span
from ..document.parts import issue_date
from ..document.plan import PlanPart, build_plan, plan_parts
from ..errors import GeneratorError
from .common import edition_years, existing_edition, newest_year

PAIR_RATIO = 0.5  # a deleted and an added paragraph at least this alike are one changed paragraph

Change = Literal["same", "ins", "del"]
Status = Literal["same", "added", "removed", "changed", "moved_from", "moved_to"]


@dataclass(frozen=True)
class Piece:
    """A run of a compared paragraph: unchanged, inserted or deleted text, with its style."""

    text: str
    change: Change
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ParagraphDiff:
    status: Status
    pieces: tuple[Piece, ...]
    heading: bool = False
    move: int | None = None  # links a moved_from paragraph to its moved_to, numbered from 1

    @property
    def text(self) -> str:
        """The text as it reads in the new edition (empty for a removed or moved-away paragraph)."""
        return "".join(p.text for p in self.pieces if p.change != "del")

    @property
    def old_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.change != "ins")


@dataclass(frozen=True)
class PartDiff:
    kind: str  # "header", "opening", "section", "organisation", "agency", "closing", "signature", "recipients"
    title: str  # as shown to the reader
    status: Literal["same", "changed", "added", "removed"]
    paragraphs: tuple[ParagraphDiff, ...]
    agency: str | None = None  # agency name, for an agency part

    def count(self, status: Status) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)

    @property
    def added(self) -> int:
        return self.count("added")

    @property
    def removed(self) -> int:
        return self.count("removed")

    @property
    def changed(self) -> int:
        return self.count("changed")

    @property
    def moved(self) -> int:
        return self.count("moved_to")

    @property
    def has_changes(self) -> bool:
        return any(p.status != "same" for p in self.paragraphs)


@dataclass(frozen=True)
class AgencyChange:
    """How one agency's entry in section IV changed: its tasks (paragraphs after its heading)."""

    name: str
    status: Literal["changed", "added", "removed"]
    tasks_added: int
    tasks_removed: int
    tasks_changed: int
    tasks_moved: int
    tasks: int  # its tasks in the new edition (in the old one when removed)


@dataclass(frozen=True)
class Comparison:
    from_year: int
    to_year: int
    parts: tuple[PartDiff, ...]
    stamp: date  # the new edition's issue date: the date of the tracked changes, never the clock
    agencies: tuple[AgencyChange, ...] = field(default=())

    def total(self, status: Status) -> int:
        return sum(part.count(status) for part in self.parts)

    @property
    def has_changes(self) -> bool:
        return any(part.has_changes for part in self.parts)


# ---------------------------------------------------------------- pieces of styled text
def _styled(block: Block, start: int, end: int, change: Change) -> list[Piece]:
    """The characters start:end of a block as pieces, split where its spans change style."""
    pieces, offset = [], 0
    for span in block.spans:
        left, right = max(start, offset), min(end, offset + len(span.text))
        if left < right:
            pieces.append(Piece(span.text[left - offset:right - offset], change, span.bold, span.italic))
        offset += len(span.text)
    return pieces


def _whole(block: Block, change: Change) -> tuple[Piece, ...]:
    return tuple(_styled(block, 0, len(block.text), change))


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, _tokens(old), _tokens(new), autojunk=False).ratio()


def word_diff(old: Block, new: Block) -> tuple[Piece, ...]:
    """A changed paragraph word by word: unchanged words once, deleted then inserted words."""
    a, b = _tokens(old.text), _tokens(new.text)
    a_at = [0]
    for token in a:
        a_at.append(a_at[-1] + len(token))
    b_at = [0]
    for token in b:
        b_at.append(b_at[-1] + len(token))
    # Opcodes as character ranges; a lone space between two changes joins them into one change,
    # so "a b" → "x y" reads as one replaced phrase, not word, space, word.
    ops: list[list] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append([tag != "equal", a_at[i1], a_at[i2], b_at[j1], b_at[j2]])
    for index in range(1, len(ops) - 1):
        changed, i1, i2, _, _ = ops[index]
        if not changed and not old.text[i1:i2].strip() and ops[index - 1][0] and ops[index + 1][0]:
            ops[index][0] = True
    merged: list[list] = []
    for op in ops:
        if merged and op[0] and merged[-1][0]:
            merged[-1][2], merged[-1][4] = op[2], op[4]
        else:
            merged.append(list(op))
    pieces: list[Piece] = []
    for changed, i1, i2, j1, j2 in merged:
        if not changed:
            pieces += _styled(new, j1, j2, "same")
        else:
            pieces += _styled(old, i1, i2, "del") + _styled(new, j1, j2, "ins")
    return tuple(pieces)


# ---------------------------------------------------------------- paragraphs of one part
class _Moves:
    """Numbers moves across the whole comparison, so each pair has its own name in the DOCX."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count


def _paragraph(block: Block, status: Status, change: Change, move: int | None = None) -> ParagraphDiff:
    return ParagraphDiff(status, _whole(block, change), block.kind == "heading", move)


def compare_blocks(old: tuple[Block, ...], new: tuple[Block, ...], moves: _Moves) -> tuple[ParagraphDiff, ...]:
    a, b = [block.text for block in old], [block.text for block in new]
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    deleted = [i for tag, i1, i2, _, _ in opcodes if tag in ("delete", "replace") for i in range(i1, i2)]
    inserted = [j for tag, _, _, j1, j2 in opcodes if tag in ("insert", "replace") for j in range(j1, j2)]
    # Moves: the same text deleted in one place and inserted in another.
    move_of_old: dict[int, int] = {}
    move_of_new: dict[int, int] = {}
    for i in deleted:
        j = next((j for j in inserted if j not in move_of_new and b[j] == a[i]), None)
        if j is not None:
            move_of_old[i] = move_of_new[j] = moves.next()

    result: list[ParagraphDiff] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            result += [_paragraph(block, "same", "same") for block in new[j1:j2]]
            continue
        dels = list(range(i1, i2))
        inss = list(range(j1, j2))
        # Pair what is left in order: each deleted paragraph with the next added one that is alike.
        free_dels = [i for i in dels if i not in move_of_old]
        free_inss = [j for j in inss if j not in move_of_new]
        pairs: list[tuple[int, int]] = []
        start = 0
        for i in free_dels:
            for position in range(start, len(free_inss)):
                j = free_inss[position]
                if _similarity(a[i], b[j]) >= PAIR_RATIO:
                    pairs.append((i, j))
                    start = position + 1
                    break
        paired_old = {i: j for i, j in pairs}
        paired_new = {j for _, j in pairs}
        # Old paragraphs come before new ones, up to each pair; the pair is one changed paragraph.
        di = ji = 0
        for i, j in pairs + [(None, None)]:
            while di < len(dels) and dels[di] != i:
                index = dels[di]
                if index in move_of_old:
                    result.append(_paragraph(old[index], "moved_from", "del", move_of_old[index]))
                elif index not in paired_old:
                    result.append(_paragraph(old[index], "removed", "del"))
                di += 1
            while ji < len(inss) and inss[ji] != j:
                index = inss[ji]
                if index in move_of_new:
                    result.append(_paragraph(new[index], "moved_to", "ins", move_of_new[index]))
                elif index not in paired_new:
                    result.append(_paragraph(new[index], "added", "ins"))
                ji += 1
            if i is not None:
                result.append(ParagraphDiff("changed", word_diff(old[i], new[j]), new[j].kind == "heading"))
                di += 1
                ji += 1
    return tuple(result)


# ---------------------------------------------------------------- parts
@dataclass(frozen=True)
class _Part:
    kind: str
    key: str
    title: str
    blocks: tuple[Block, ...]
    agency: str | None = None  # agency name


def _lines(lines: tuple[str, ...] | list[str], bold: bool = False) -> tuple[Block, ...]:
    return tuple(Block("paragraph", (Span(line, bold=bold),)) for line in lines if line)


_PART_TITLES = {"opening": "Phần mở đầu", "closing": "Phần kết thúc"}


def _parts(edition: Edition) -> list[_Part]:
    document = build_plan(edition)
    header = document.header
    parts = [_Part("header", "header", "Số, ngày và trích yếu",
                   _lines([header.number_line, header.place_date, document.type_name or ""]) + _lines([document.title or ""], bold=True))]
    for part in plan_parts(edition):
        parts.append(_plan_part(edition, part))
    parts.append(_Part("signature", "signature", "Người ký", _lines(document.signature.lines + (document.signature.name,), bold=True)))
    parts.append(_Part("recipients", "recipients", "Nơi nhận", _lines(document.recipients)))
    return parts


def _plan_part(edition: Edition, part: PlanPart) -> _Part:
    if part.kind in _PART_TITLES:
        return _Part(part.kind, part.key, _PART_TITLES[part.kind], part.blocks)
    title = part.blocks[0].text if part.blocks else part.key
    agency = edition.agency(part.agency).name if part.agency else None
    return _Part(part.kind, part.key, title, part.blocks, agency)


def _text(part: _Part) -> str:
    return "\n".join(block.text for block in part.blocks)


def _match_parts(old: list[_Part], new: list[_Part]) -> dict[int, int]:
    """Old part index → new part index: same kind and key, or, for top-level sections whose title
    changed, the unmatched section of the other edition that is most alike (at least half)."""
    matched: dict[int, int] = {}
    by_key = {(p.kind, p.key): j for j, p in enumerate(new)}
    for i, part in enumerate(old):
        j = by_key.get((part.kind, part.key))
        if j is not None:
            matched[i] = j
    taken = set(matched.values())
    for i, part in enumerate(old):
        if i in matched or part.kind != "section":
            continue
        candidates = [(SequenceMatcher(None, _text(part), _text(new[j]), autojunk=False).ratio(), -j, j)
                      for j, other in enumerate(new) if j not in taken and other.kind == "section"]
        if candidates:
            ratio, _, j = max(candidates)
            if ratio >= PAIR_RATIO:
                matched[i] = j
                taken.add(j)
    return matched


def _agency_change(part: PartDiff) -> AgencyChange | None:
    if part.kind != "agency" or not part.has_changes:
        return None
    tasks = part.paragraphs[1:] if part.paragraphs and part.paragraphs[0].heading else part.paragraphs
    if part.status in ("added", "removed"):
        return AgencyChange(part.agency or part.title, part.status, 0, 0, 0, 0, len(tasks))
    return AgencyChange(
        part.agency or part.title, "changed",
        tasks_added=sum(1 for p in tasks if p.status == "added"),
        tasks_removed=sum(1 for p in tasks if p.status == "removed"),
        tasks_changed=sum(1 for p in tasks if p.status == "changed"),
        tasks_moved=sum(1 for p in tasks if p.status == "moved_to"),
        tasks=sum(1 for p in tasks if p.status not in ("removed", "moved_from")),
    )


def compare(old_edition: Edition, new_edition: Edition) -> Comparison:
    old, new = _parts(old_edition), _parts(new_edition)
    matched = _match_parts(old, new)
    new_to_old = {j: i for i, j in matched.items()}
    moves = _Moves()
    parts: list[PartDiff] = []
    shown_old: set[int] = set()

    def removed(i: int) -> None:
        part = old[i]
        paragraphs = tuple(_paragraph(block, "removed", "del") for block in part.blocks)
        parts.append(PartDiff(part.kind, part.title, "removed", paragraphs, part.agency))
        shown_old.add(i)

    for j, part in enumerate(new):
        i = new_to_old.get(j)
        # Old parts that are gone are shown where they stood: before the next part they preceded.
        for k in range(0, len(old) if i is None else i):
            if k not in matched and k not in shown_old:
                removed(k)
        if i is None:
            paragraphs = tuple(_paragraph(block, "added", "ins") for block in part.blocks)
            parts.append(PartDiff(part.kind, part.title, "added", paragraphs, part.agency))
            continue
        paragraphs = compare_blocks(old[i].blocks, part.blocks, moves)
        status = "changed" if any(p.status != "same" for p in paragraphs) else "same"
        parts.append(PartDiff(part.kind, part.title, status, paragraphs, part.agency))
        shown_old.add(i)
    for k in range(len(old)):
        if k not in matched and k not in shown_old:
            removed(k)
    agencies = tuple(change for part in parts if (change := _agency_change(part)) is not None)
    return Comparison(old_edition.year, new_edition.year, tuple(parts), issue_date(new_edition), agencies)


# ---------------------------------------------------------------- the command
def years_to_compare(content: Path, from_year: int | None, to_year: int | None) -> tuple[int, int]:
    """Default: the newest edition against the edition before it."""
    if to_year is None:
        to_year = newest_year(content)
    if from_year is None:
        older = [year for year in edition_years(content) if year < to_year]
        if not older:
            raise GeneratorError(f"không có bản nào trước năm {to_year} để so sánh; ghi rõ --from")
        from_year = older[-1]
    if from_year == to_year:
        raise GeneratorError(f"hai năm cần so sánh trùng nhau ({to_year})")
    return from_year, to_year


def diff(
    content: Path, output: Path, templates: Path, from_year: int | None = None, to_year: int | None = None
) -> tuple[list[Path], Comparison]:
    """Compare two editions and write output/<TO>/so-sanh-<FROM>-<TO>.html and .docx."""
    from .diff_output import write_comparison  # python-docx is imported only when comparing

    from_year, to_year = years_to_compare(content, from_year, to_year)
    old_edition = load_edition(existing_edition(content, from_year))
    new_edition = load_edition(existing_edition(content, to_year))
    comparison = compare(old_edition, new_edition)
    return write_comparison(comparison, output / str(to_year), templates / "html"), comparison
