"""`diff`: what the clerk changed in the plan from one edition to another, for the approver.

Both plans are built as format-neutral documents and compared part by part: the page-1 header
lines, the opening, each top-level section, section IV's heading and each agency's entry in it, the
closing, the signature, the signer's name and Nơi nhận.

What is compared is the content as the clerk typed it, not as printed: placeholders (`{nam}`, …)
stay unexpanded, the labels the generator numbers (I., 1., a), -) are left aside, and the issue
number and date are compared with what `new-year` makes of the old ones (the year of the new
edition, a blank where the new draft has one). A paragraph whose typed text is the same but reads
differently ("năm 2024" → "năm 2025", a renumbered heading) is an automatic substitution: not an
edit, listed apart (`Comparison.automatic`).

Inside a part, paragraphs are aligned with difflib on their typed text. A paragraph whose typed
text left one place and reappears in another place of the same part is "moved", not deleted and
added, whatever its placeholders read. Left-over deleted and added paragraphs are paired in order
when they are at least half alike ("changed", compared word by word, a placeholder being one word);
the rest are "removed" and "added". The header fields and the signer's name are compared one to
one.

The result (`Comparison`, document/comparison.py) is written as HTML and as DOCX with tracked
changes by writers/comparison.py, into the output folder by `diff_output`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time
from difflib import SequenceMatcher
from pathlib import Path

from ..checks import load_edition
from ..content.edition import Edition
from ..content.schema import ComparisonWording, PartialDate
from ..content.text import expand, fill, placeholder_names
from ..document.comparison import (
    LOCAL_TIME,
    AgencyChange,
    Change,
    Comparison,
    ParagraphDiff,
    PartDiff,
    PartKind,
    Piece,
    Status,
    Substitution,
)
from ..document.model import Block, Document, Span
from ..document.parts import issuer_name
from ..document.plan import PlanPart, build_plan, plan_parts
from ..engine import WriteReport
from ..errors import GeneratorError
from .common import edition_years, existing_edition, newest_year

PAIR_RATIO = 0.5  # a deleted and an added paragraph at least this alike are one changed paragraph


# ---------------------------------------------------------------- what is compared
@dataclass(frozen=True)
class _Unit:
    """One compared paragraph: as printed, and as typed (the key compared)."""

    shown: Block
    typed: Block  # placeholders not filled in; the same spans as `shown`
    label: int = 0  # length of the generated label that starts the typed text ("II. ", "- "), left aside
    field: str | None = None  # what a header field is, for the list of automatic substitutions

    @property
    def key(self) -> str:
        return self.typed.text[self.label :]


class _AsTyped(Edition):
    """An edition whose text is given as typed: every content placeholder left as `{name}`. A
    sentence template's own values (an agency's name in its kind's heading) are filled in: they
    are themselves typed text, and the template is wording the clerk did not type in the plan."""

    def text(self, raw: str, **values: str) -> str:
        return fill(raw, values)


def _as_typed(edition: Edition, **document: object) -> Edition:
    values = {f.name: getattr(edition, f.name) for f in fields(edition) if f.init}
    if document:
        values["plan"] = replace(edition.plan, document=replace(edition.plan.document, **document))
    return _AsTyped(**values)


def _drafted(old: Edition, new: Edition) -> Edition:
    """The old edition as typed, numbered and dated as `new-year` drafts it for the new one: the new
    edition's year, and a blank where the new edition has one. Only what differs from that is an edit."""
    old_meta, new_meta = old.plan.document, new.plan.document
    when = PartialDate(
        year=new_meta.date.year,
        month=old_meta.date.month if new_meta.date.month is not None else None,
        day=old_meta.date.day if new_meta.date.day is not None else None,
    )
    return _as_typed(old, date=when, number=old_meta.number if new_meta.number is not None else None)


# The labels the generator puts before a paragraph (Decree 30 numbering and task dashes).
_LABEL = re.compile(r"(?:[IVXLCDM]+\.|\d+\.|[a-zđ]\)|-) ")
_NUMBERED_PARTS = ("section", "organisation", "agency")


@dataclass(frozen=True)
class _Part:
    kind: PartKind
    key: str
    title: str
    units: tuple[_Unit, ...]
    agency: str | None = None  # agency name
    fields: bool = False  # compared one to one (header fields, the signer), not aligned


def _line(text: str, bold: bool = False) -> Block:
    return Block("paragraph", (Span(text, bold=bold),))


def _parts(edition: Edition, typed: Edition, words: ComparisonWording) -> list[_Part]:
    """An edition's plan in parts, named in the new edition's `words` (so_sanh.phan) for both."""
    names = words.parts
    shown_plan, typed_plan = build_plan(edition), build_plan(typed)

    def header_lines(plan: Document) -> list[Block]:
        return [
            _line(plan.header.number_line),
            _line(plan.header.place_date),
            _line(plan.type_name or ""),
            _line(plan.title or "", bold=True),
        ]

    fields = (names.number_line, names.date_line, names.type_name, names.title)
    shown_lines, typed_lines = header_lines(shown_plan), header_lines(typed_plan)
    header = tuple(_Unit(s, t, field=name) for s, t, name in zip(shown_lines, typed_lines, fields, strict=True))
    parts = [_Part("header", "header", names.header, header, fields=True)]
    for shown, typed_part in zip(plan_parts(edition), plan_parts(typed), strict=True):
        parts.append(_plan_part(edition, shown, typed_part, words))

    def lines(shown: tuple[str, ...], as_typed: tuple[str, ...], bold: bool = False) -> tuple[_Unit, ...]:
        return tuple(_Unit(_line(s, bold), _line(t, bold)) for s, t in zip(shown, as_typed, strict=True))

    signature, typed_signature = shown_plan.signature, typed_plan.signature
    signed = lines(signature.lines, typed_signature.lines, bold=True)
    parts.append(_Part("signature", "signature", names.signature, signed))
    signer = lines((signature.name,), (typed_signature.name,), bold=True)
    parts.append(_Part("signer", "signer", names.signer, signer, fields=True))
    listed = lines(shown_plan.recipients, typed_plan.recipients)
    parts.append(_Part("recipients", "recipients", names.recipients, listed))
    return parts


def _plan_part(edition: Edition, shown: PlanPart, typed: PlanPart, words: ComparisonWording) -> _Part:
    numbered = shown.kind in _NUMBERED_PARTS
    units = []
    for shown_block, typed_block in zip(shown.blocks, typed.blocks, strict=True):
        label = _LABEL.match(typed_block.text) if numbered else None
        units.append(_Unit(shown_block, typed_block, label.end() if label else 0))
    units = tuple(units)
    if shown.kind in ("opening", "closing"):
        return _Part(shown.kind, shown.key, getattr(words.parts, shown.kind), units)
    title = shown.blocks[0].text if shown.blocks else shown.key
    agency = edition.agency(shown.agency).name if shown.agency else None
    return _Part(shown.kind, shown.key, title, units, agency)


# ---------------------------------------------------------------- pieces of styled text
def _styled(block: Block, start: int, end: int, change: Change, values: dict[str, str] | None = None) -> list[Piece]:
    """The characters start:end of a block as pieces, split where its spans change style; typed
    text is expanded with an edition's placeholder values."""
    pieces, offset = [], 0
    for span in block.spans:
        left, right = max(start, offset), min(end, offset + len(span.text))
        if left < right:
            text = span.text[left - offset : right - offset]
            pieces.append(Piece(expand(text, values) if values else text, change, span.bold, span.italic))
        offset += len(span.text)
    return pieces


def _whole(block: Block, change: Change) -> tuple[Piece, ...]:
    return tuple(_styled(block, 0, len(block.text), change))


# A placeholder is one word: it is never split, so a piece always expands as the whole text does.
_TOKEN = re.compile(r"(?<!\{)\{[a-z_][a-z0-9_]*\}(?!\})|\w+|\s+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, _tokens(old), _tokens(new), autojunk=False).ratio()


def word_diff(old: _Unit, new: _Unit, old_values: dict[str, str], new_values: dict[str, str]) -> tuple[Piece, ...]:
    """A changed paragraph word by word on its typed text: unchanged words once (as the new edition
    prints them), deleted then inserted words. The new label stands first, unchanged."""
    old_text, new_text = old.typed.text, new.typed.text
    a, b = _tokens(old_text[old.label :]), _tokens(new_text[new.label :])
    a_at = [old.label]
    for token in a:
        a_at.append(a_at[-1] + len(token))
    b_at = [new.label]
    for token in b:
        b_at.append(b_at[-1] + len(token))
    # Opcodes as character ranges; a lone space between two changes joins them into one change,
    # so "a b" → "x y" reads as one replaced phrase, not word, space, word.
    ops: list[list] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append([tag != "equal", a_at[i1], a_at[i2], b_at[j1], b_at[j2]])
    for index in range(1, len(ops) - 1):
        changed, i1, i2, _, _ = ops[index]
        if not changed and not old_text[i1:i2].strip() and ops[index - 1][0] and ops[index + 1][0]:
            ops[index][0] = True
    merged: list[list] = []
    for op in ops:
        if merged and op[0] and merged[-1][0]:
            merged[-1][2], merged[-1][4] = op[2], op[4]
        else:
            merged.append(list(op))
    pieces = _styled(new.typed, 0, new.label, "same")
    for changed, i1, i2, j1, j2 in merged:
        if not changed:
            pieces += _styled(new.typed, j1, j2, "same", new_values)
        else:
            pieces += _styled(old.typed, i1, i2, "del", old_values) + _styled(new.typed, j1, j2, "ins", new_values)
    return tuple(pieces)


# ---------------------------------------------------------------- paragraphs of one part
class _Context:
    """What the whole comparison shares: the editions' placeholder values, the numbering of moves
    (each pair has its own name in the DOCX) and the automatic substitutions found."""

    def __init__(self, old: Edition, new: Edition, words: ComparisonWording) -> None:
        self.old_values, self.new_values = old.placeholder_values, new.placeholder_values
        self.words = words
        self.moves = 0
        self.automatic: list[Substitution] = []

    def next_move(self) -> int:
        self.moves += 1
        return self.moves

    def note(self, part: _Part, old: _Unit, new: _Unit) -> None:
        """Record the unit as an automatic substitution if it reads differently with the same typed text."""
        if old.shown.text == new.shown.text:
            return
        reasons = [
            f"{{{name}}}: {self.old_values[name]} → {self.new_values[name]}"
            for name in dict.fromkeys(placeholder_names(new.key))
            if self.old_values[name] != self.new_values[name]
        ]
        if old.typed.text[: old.label] != new.typed.text[: new.label]:
            reasons.append(self.words.parts.renumbered)
        if new.field is not None and not reasons:  # the number or date new-year moved
            reasons.append(new.field)
        self.automatic.append(Substitution(part.title, old.shown.text, new.shown.text, tuple(reasons)))


def _paragraph(unit: _Unit, status: Status, change: Change, move: int | None = None) -> ParagraphDiff:
    return ParagraphDiff(status, _whole(unit.shown, change), unit.shown.kind, move)


def _same(context: _Context, part: _Part, old: _Unit, new: _Unit) -> ParagraphDiff:
    context.note(part, old, new)
    return _paragraph(new, "same", "same")


def _changed(context: _Context, old: _Unit, new: _Unit) -> ParagraphDiff:
    return ParagraphDiff("changed", word_diff(old, new, context.old_values, context.new_values), new.shown.kind)


def compare_fields(old_part: _Part, new_part: _Part, context: _Context) -> tuple[ParagraphDiff, ...]:
    """Fields compared one to one: the same, or changed word by word."""
    return tuple(
        _same(context, new_part, old, new) if old.key == new.key else _changed(context, old, new)
        for old, new in zip(old_part.units, new_part.units, strict=True)
    )


def compare_units(old_part: _Part, new_part: _Part, context: _Context) -> tuple[ParagraphDiff, ...]:
    old, new = old_part.units, new_part.units
    a, b = [unit.key for unit in old], [unit.key for unit in new]
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    deleted = [i for tag, i1, i2, _, _ in opcodes if tag in ("delete", "replace") for i in range(i1, i2)]
    inserted = [j for tag, _, _, j1, j2 in opcodes if tag in ("insert", "replace") for j in range(j1, j2)]
    # Moves: the same typed text deleted in one place and inserted in another.
    move_of_old: dict[int, int] = {}
    move_of_new: dict[int, int] = {}
    for i in deleted:
        j = next((j for j in inserted if j not in move_of_new and b[j] == a[i]), None)
        if j is not None:
            move_of_old[i] = move_of_new[j] = context.next_move()
            context.note(new_part, old[i], new[j])

    result: list[ParagraphDiff] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            result += [
                _same(context, new_part, old[i], new[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
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
                result.append(_changed(context, old[i], new[j]))
                di += 1
                ji += 1
    return tuple(result)


# ---------------------------------------------------------------- parts
def _text(part: _Part) -> str:
    return "\n".join(unit.key for unit in part.units)


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
        candidates = [
            (SequenceMatcher(None, _text(part), _text(new[j]), autojunk=False).ratio(), -j, j)
            for j, other in enumerate(new)
            if j not in taken and other.kind == "section"
        ]
        if candidates:
            ratio, _, j = max(candidates)
            if ratio >= PAIR_RATIO:
                matched[i] = j
                taken.add(j)
    return matched


def _agency_change(part: PartDiff) -> AgencyChange | None:
    """Only an agency whose tasks changed: a heading that reads differently is not a new task."""
    if part.kind != "agency":
        return None
    tasks = part.paragraphs[1:] if part.paragraphs and part.paragraphs[0].heading else part.paragraphs
    if part.status in ("added", "removed"):
        return AgencyChange(part.agency or part.title, part.status, 0, 0, 0, 0, len(tasks))
    if not any(p.status != "same" for p in tasks):
        return None
    return AgencyChange(
        part.agency or part.title,
        "changed",
        tasks_added=sum(1 for p in tasks if p.status == "added"),
        tasks_removed=sum(1 for p in tasks if p.status == "removed"),
        tasks_changed=sum(1 for p in tasks if p.status == "changed"),
        tasks_moved=sum(1 for p in tasks if p.status == "moved_to"),
        tasks=sum(1 for p in tasks if p.status not in ("removed", "moved_from")),
    )


def drafting_office(edition: Edition) -> str:
    """Who wrote the changes, as a reader of the review copy knows them: the drafting office's name
    in words (ke-hoach.yaml ten_don_vi_soan_thao), else the issuer's name; never the abbreviation
    of the "Lưu" line, which means nothing to a reader."""
    return edition.plan.document.drafting_unit_name or issuer_name(edition)


def _moment(on: date | datetime | None) -> datetime:
    """The comparison's time in the issuer's local time: now, a given time, or a given day's start."""
    if on is None:
        return datetime.now(LOCAL_TIME).replace(microsecond=0)
    if isinstance(on, datetime):
        return on.astimezone(LOCAL_TIME) if on.tzinfo else on.replace(tzinfo=LOCAL_TIME)
    return datetime.combine(on, time(), LOCAL_TIME)


def compare(old_edition: Edition, new_edition: Edition, on: date | datetime | None = None) -> Comparison:
    """The comparison of two editions, made `on` (by default now: a review document is dated when made)."""
    words = new_edition.labels(new_edition.words.comparison)  # the new edition's, labels as printed
    old = _parts(old_edition, _drafted(old_edition, new_edition), words)
    new = _parts(new_edition, _as_typed(new_edition), words)
    matched = _match_parts(old, new)
    moment = _moment(on)
    new_to_old = {j: i for i, j in matched.items()}
    context = _Context(old_edition, new_edition, words)
    parts: list[PartDiff] = []
    shown_old: set[int] = set()

    def removed(i: int) -> None:
        part = old[i]
        paragraphs = tuple(_paragraph(unit, "removed", "del") for unit in part.units)
        parts.append(PartDiff(part.kind, part.title, "removed", paragraphs, part.agency))
        shown_old.add(i)

    for j, part in enumerate(new):
        i = new_to_old.get(j)
        # Old parts that are gone are shown where they stood: before the next part they preceded.
        for k in range(0, len(old) if i is None else i):
            if k not in matched and k not in shown_old:
                removed(k)
        if i is None:
            paragraphs = tuple(_paragraph(unit, "added", "ins") for unit in part.units)
            parts.append(PartDiff(part.kind, part.title, "added", paragraphs, part.agency))
            continue
        paragraphs = (compare_fields if part.fields else compare_units)(old[i], part, context)
        status = "changed" if any(p.status != "same" for p in paragraphs) else "same"
        parts.append(PartDiff(part.kind, part.title, status, paragraphs, part.agency))
        shown_old.add(i)
    for k in range(len(old)):
        if k not in matched and k not in shown_old:
            removed(k)
    agencies = tuple(change for part in parts if (change := _agency_change(part)) is not None)
    return Comparison(
        old_edition.year,
        new_edition.year,
        tuple(parts),
        moment.date(),
        drafting_office(new_edition),
        agencies,
        tuple(context.automatic),
        build_plan(new_edition),
        moment,
        words,
        new_edition.placeholder_values,
    )


# ---------------------------------------------------------------- the command
def years_to_compare(content: Path, from_year: int | None, to_year: int | None) -> tuple[int, int]:
    """Default: the newest edition against the edition before it."""
    if to_year is None:
        to_year = newest_year(content)
    if from_year is None:
        older = [year for year in edition_years(content) if year < to_year]
        if not older:
            raise GeneratorError(f"không có bản nào trước năm {to_year} để so sánh; ghi rõ năm của bản cũ: FROM=<năm>")
        from_year = older[-1]
    if from_year == to_year:
        raise GeneratorError(f"hai năm cần so sánh trùng nhau ({to_year})")
    return from_year, to_year


def diff(
    content: Path,
    output: Path,
    templates: Path,
    from_year: int | None = None,
    to_year: int | None = None,
    on: date | None = None,
) -> tuple[WriteReport, Comparison]:
    """Compare two editions and write output/<TO>/so-sanh-<FROM>-<TO>.html and .docx."""
    from .diff_output import write_comparison  # python-docx is imported only when comparing

    from_year, to_year = years_to_compare(content, from_year, to_year)
    old_edition = load_edition(existing_edition(content, from_year))
    new_edition = load_edition(existing_edition(content, to_year))
    comparison = compare(old_edition, new_edition, on)
    return write_comparison(comparison, output / str(to_year), templates), comparison
