"""A comparison of two editions' plans (commands/diff.py makes it), and its words.

What the writers show (writers/comparison.py): each part of the plan with its paragraphs as
pieces of unchanged, inserted and deleted text, the agencies whose tasks changed, the automatic
substitutions, and the summary lines in the clerk's words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal

from ..content.edition import packaged_defaults
from ..content.schema import ComparisonWording
from ..content.text import expand, italic_runs
from .model import BlockKind, Document

# Vietnam keeps one time all year, UTC+7 (Giờ Đông Dương), for every issuer the content can name. A
# fixed offset, not a zoneinfo name: Windows has no time-zone database without another package.
LOCAL_TIME = timezone(timedelta(hours=7))

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
    kind: BlockKind = "paragraph"
    move: int | None = None  # links a moved_from paragraph to its moved_to, numbered from 1

    @property
    def heading(self) -> bool:
        return self.kind == "heading"

    @property
    def text(self) -> str:
        """The text as it reads in the new edition (empty for a removed or moved-away paragraph)."""
        return "".join(p.text for p in self.pieces if p.change != "del")

    @property
    def old_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.change != "ins")


PartKind = Literal[
    "header", "opening", "section", "organisation", "agency", "closing", "signature", "signer", "recipients"
]


@dataclass(frozen=True)
class PartDiff:
    kind: PartKind
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
    """How one agency's tasks in section IV changed (its heading is not a task)."""

    name: str
    status: Literal["changed", "added", "removed"]
    tasks_added: int
    tasks_removed: int
    tasks_changed: int
    tasks_moved: int
    tasks: int  # its tasks in the new edition (in the old one when removed)


@dataclass(frozen=True)
class Substitution:
    """A paragraph the clerk left as typed that reads differently in the new edition."""

    part: str  # the title of its part
    old: str
    new: str
    reasons: tuple[str, ...]  # e.g. "{nam}: 2024 → 2025", "đánh số lại", "dòng ngày tháng"


@dataclass(frozen=True)
class Comparison:
    from_year: int
    to_year: int
    parts: tuple[PartDiff, ...]
    stamp: date  # the date of the comparison: of its tracked changes and of the review DOCX
    author: str  # the drafting office, the author of every tracked change
    agencies: tuple[AgencyChange, ...] = ()
    automatic: tuple[Substitution, ...] = ()
    plan: Document | None = field(default=None, compare=False, repr=False)  # the new edition's plan
    # When the comparison was made, in the issuer's local time: the time of its tracked changes.
    moment: datetime | None = None
    # The new edition's wording (loi-van.yaml, so_sanh), labels printed; None: the packaged one.
    words: ComparisonWording | None = None
    # The new edition's placeholder values ({nam}, {dia_danh}…), for the wording's sentence templates.
    values: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def revision_time(self) -> datetime:
        return self.moment if self.moment is not None else datetime.combine(self.stamp, time(), LOCAL_TIME)

    def total(self, status: Status) -> int:
        return sum(part.count(status) for part in self.parts)

    @property
    def has_changes(self) -> bool:
        return any(part.has_changes for part in self.parts)


# ---------------------------------------------------------------- words
# The comparison's sentences are the new edition's (loi-van.yaml, so_sanh): its labels already
# printed (Comparison.words), its sentence templates filled in here.


def _say(comparison: Comparison, template: str, **values: object) -> str:
    """A sentence template of the comparison's wording with its placeholders filled in, as plain text."""
    filled = {**comparison.values, "nam_cu": str(comparison.from_year), "nam_moi": str(comparison.to_year)}
    filled.update((name, str(value)) for name, value in values.items())
    return "".join(expand(part, filled) for part, _ in italic_runs(template))


def words(comparison: Comparison) -> ComparisonWording:
    return comparison.words if comparison.words is not None else packaged_defaults("loi-van.yaml").comparison


def status_words(comparison: Comparison) -> dict[str, str]:
    """The words of a part's status (PartDiff.status)."""
    statuses = words(comparison).statuses
    return {"same": statuses.same, "changed": statuses.changed, "added": statuses.added, "removed": statuses.removed}


def part_columns(comparison: Comparison) -> list[str]:
    names = words(comparison).columns
    return [names.part, names.status, names.added, names.removed, names.changed, names.moved]


def moved_away(comparison: Comparison, start: str) -> str:
    """The note left where a moved paragraph stood (the HTML page), `start` its first words."""
    return _say(comparison, words(comparison).page.moved_away, doan=start)


def summary_heading(comparison: Comparison) -> str:
    return _say(comparison, words(comparison).summary_heading)


def title(comparison: Comparison) -> str:
    return _say(comparison, words(comparison).title)


def summary_lines(comparison: Comparison) -> list[str]:
    """The short summary of the clerk's edits at the top of both outputs (and printed by the CLI)."""
    said = words(comparison)
    if not comparison.has_changes:
        return [_say(comparison, said.unedited if comparison.automatic else said.identical)]
    lines = [
        _say(
            comparison,
            said.totals,
            them=comparison.total("added"),
            bo=comparison.total("removed"),
            sua=comparison.total("changed"),
            chuyen=comparison.total("moved_to"),
        )
    ]
    for change in comparison.agencies:
        if change.status == "added":
            lines.append(_say(comparison, said.agency_added, co_quan=change.name, so_nhiem_vu=change.tasks))
        elif change.status == "removed":
            lines.append(_say(comparison, said.agency_removed, co_quan=change.name, so_nhiem_vu=change.tasks))
        else:
            counts = [
                _say(comparison, sentence, so=n)
                for sentence, n in (
                    (said.tasks_added, change.tasks_added),
                    (said.tasks_removed, change.tasks_removed),
                    (said.tasks_changed, change.tasks_changed),
                    (said.tasks_moved, change.tasks_moved),
                )
                if n
            ]
            lines.append(
                _say(
                    comparison,
                    said.agency_changed,
                    co_quan=change.name,
                    thay_doi=", ".join(counts),
                    so_nhiem_vu=change.tasks,
                )
            )
    return lines


def automatic_line(comparison: Comparison) -> str | None:
    """The automatic substitutions in one line: not edits, so apart from the summary."""
    if not comparison.automatic:
        return None
    said = words(comparison)
    reasons = Counter(reason for substitution in comparison.automatic for reason in substitution.reasons)
    return _say(
        comparison,
        said.automatic,
        so_doan=len(comparison.automatic),
        ly_do="; ".join(
            _say(comparison, said.automatic_reason, ly_do=reason, so_doan=count) for reason, count in reasons.items()
        ),
    )
