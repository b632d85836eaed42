"""An edition: the content of one year's plan, read from `content/<year>/` and bound to the schema.

This stage only binds: every file is read, parsed and bound, with every problem the binder finds.
What spans fields and files is checked a stage above, by `generator.checks.load_edition`, the
entry point callers use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from collections.abc import Iterator

from ..errors import ContentError, Problem
from ..files import display_path
from .binding import Binder, compose
from .deadlines import deadline_values
from .source import read_source
from .schema import (
    Decision,
    EDITION_FILES,
    OPTIONAL_FILES,
    Item,
    Agency,
    AgencyRegistry,
    Indicator,
    IndicatorCatalog,
    Issuer,
    LetterSettings,
    Objective,
    Origin,
    Plan,
    RecipientKind,
    RecipientKinds,
    ReportFormSettings,
    UnitList,
    UnitLists,
    WITH_DEFAULTS,
    Wording,
)
from .text import expand, italic_runs

# The packaged files that give the keys an edition's file of the same name leaves out.
DEFAULTS = Path(__file__).resolve().parent / "mac-dinh"


@dataclass(frozen=True)
class Edition:
    year: int
    folder: Path
    issuer: Issuer
    plan: Plan
    kinds: RecipientKinds
    registry: AgencyRegistry
    unit_lists: UnitLists
    catalog: IndicatorCatalog | None  # None: the plan reports on no national strategy
    letters: LetterSettings
    report_form: ReportFormSettings
    decision: Decision | None = None  # None: the plan is issued on its own, with its own number
    # The lists' wording (loi-van.yaml over the packaged defaults); None only for an Edition made
    # by hand, which then reads the packaged defaults (see `words`).
    wording: Wording | None = None
    # What is worked out once from the bound content and then shared by every stage (the checks,
    # the builders, the distribution list, tong-hop): content.distribution keeps the recipients here.
    prepared: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def agency(self, agency_id: str) -> Agency:
        return next(a for a in self.registry.agencies if a.id == agency_id)

    def kind(self, kind_id: str) -> RecipientKind:
        return next(k for k in self.kinds.kinds if k.id == kind_id)

    def unit_list(self, list_id: str) -> UnitList:
        return next(u for u in self.unit_lists.lists if u.id == list_id)

    def agency_kind(self, agency: Agency) -> RecipientKind:
        """The kind of an agency: its own, or for an entry standing for a unit list, that list's."""
        return self.kind(agency.kind if agency.kind is not None else self.unit_list(agency.unit_list).kind)

    def group_name(self, group_id: str) -> str:
        return next(g.name for g in self.registry.groups if g.id == group_id)

    def objective(self, number: int) -> Objective:
        return next(o for o in self.catalog.objectives if o.number == number)

    def indicator(self, objective: int, number: int) -> Indicator:
        return next(i for i in self.objective(objective).indicators if i.number == number)

    @property
    def placeholder_values(self) -> dict[str, str]:
        values = {"nam": str(self.plan.document.date.year), "dia_danh": self.issuer.place}
        if self.plan.action_month is not None:
            values.update(ngay_bat_dau=self.plan.action_month.start, ngay_ket_thuc=self.plan.action_month.end)
        return values | deadline_values(self.plan.reporting, values)

    @property
    def words(self) -> Wording:
        """The wording of the distribution list, the tracking list and the comparison."""
        return self.wording if self.wording is not None else packaged_defaults("loi-van.yaml")

    def labels(self, words: object) -> object:
        """A copy of a wording object with each label printed as plain text (placeholders such as
        {nam} filled in, italic markers dropped); a sentence template, with placeholders of its own,
        stays as typed for `plain` to fill in."""
        changes = {}
        for f in fields(words):
            value = getattr(words, f.name)
            if is_dataclass(value):
                changes[f.name] = self.labels(value)
            elif isinstance(value, str) and not f.metadata.get("placeholders"):
                changes[f.name] = self.plain(value)
        return replace(words, **changes)

    def plan_target(self, number: int) -> Item:
        """Target `number` of the plan's own (the items of its section marked la_chi_tieu)."""
        return plan_targets(self.plan)[number - 1]

    def text(self, raw: str, **values: str) -> str:
        """Content text with its placeholders filled in (italic markers are kept); `values` fill
        the placeholders of a sentence template."""
        return expand(raw, {**self.placeholder_values, **values})

    def plain(self, raw: str, **values: str) -> str:
        """Content text printed where no italics can be (names, header lines, signer lines): the
        same rules as in paragraphs, with the italic markers dropped rather than printed."""
        return "".join(self.text(part, **values) for part, _ in italic_runs(raw))


def bind_edition(folder: Path) -> Edition:
    """Read and bind every file of an edition; raise ContentError with all problems found.

    The edition returned is not checked yet: use `generator.checks.load_edition`."""
    problems: list[Problem] = []
    bound: dict[str, object] = {}
    if not re.fullmatch(r"\d{4}", folder.name):
        raise ContentError(
            [Problem(display_path(folder), 1, "(thư mục)", "tên thư mục nội dung phải là một năm, ví dụ content/2024")]
        )
    for name, model in EDITION_FILES.items():
        path = folder / name
        defaults = packaged_defaults(name) if name in WITH_DEFAULTS else None
        if not path.is_file():
            if name in OPTIONAL_FILES:
                bound[name] = defaults
            else:
                problems.append(Problem(display_path(path), 1, "(tệp)", "không tìm thấy tệp"))
            continue
        bound[name] = _bind_file(path, model, problems, defaults)
    if problems or any(bound.get(name) is None for name in EDITION_FILES if name not in OPTIONAL_FILES):
        raise ContentError(problems)
    edition = Edition(
        year=int(folder.name),
        folder=folder,
        issuer=bound["co-quan-ban-hanh.yaml"],
        plan=bound["ke-hoach.yaml"],
        kinds=bound["loai-noi-nhan.yaml"],
        registry=bound["co-quan.yaml"],
        unit_lists=bound["don-vi.yaml"],
        catalog=bound.get("chi-tieu.yaml"),
        letters=bound["cong-van.yaml"],
        report_form=bound["bieu-mau.yaml"],
        decision=bound.get("quyet-dinh.yaml"),
        wording=bound["loi-van.yaml"],
    )
    return edition


def _bind_file(path: Path, model: type, problems: list[Problem], defaults: object = None) -> object:
    """One file bound to its model, or None with its problems added. A file with packaged defaults
    may be empty (only comments): it changes nothing."""
    shown = display_path(path)
    text = read_source(path, shown, problems)
    if text is None:
        return None
    known = len(problems)
    node = compose(shown, text, problems)
    if len(problems) > known:
        return None  # a file that does not parse has its one syntax problem; binding it would add noise
    if node is None and defaults is not None:
        return defaults
    return Binder(shown, problems, defaults).bind(node, model)


@functools.cache
def packaged_defaults(name: str) -> object:
    """The packaged file `name` of mac-dinh/, bound to its model once per process; a problem in it
    is the program's own, reported like a content file's."""
    problems: list[Problem] = []
    bound = _bind_file(DEFAULTS / name, EDITION_FILES[name], problems)
    if problems or bound is None:
        raise ContentError(problems or [Problem(display_path(DEFAULTS / name), 1, "(tệp)", "tệp rỗng")])
    return bound


def text_fields(obj: object, key: str = "") -> Iterator[tuple[str, Origin, str, str, dict]]:
    """Every text value of a bound object: (text, origin of its owner, field name, key path, the
    field's metadata: the sentence-template placeholders it may hold, whether it has line marks)."""
    for f in fields(obj):
        if "key" not in f.metadata:
            continue
        value = getattr(obj, f.name)
        where = f"{key}.{f.metadata['key']}" if key else f.metadata["key"]
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items, start=1):
            is_list = isinstance(value, list)
            item_key = f"{where}[{index}]" if is_list else where
            if isinstance(item, str):
                yield item, obj.origin, f"{f.name}[{index}]" if is_list else f.name, item_key, f.metadata
            elif is_dataclass(item):
                yield from text_fields(item, item_key)
            elif isinstance(item, list):
                # A table row (an appendix's dong): its cells are text like any other.
                for column, cell in enumerate(item, start=1):
                    if isinstance(cell, str):
                        yield cell, obj.origin, f"{f.name}[{index}]", f"{item_key}[{column}]", f.metadata


def sources(edition: Edition) -> tuple[object, ...]:
    return tuple(
        source
        for source in (
            edition.issuer,
            edition.plan,
            edition.kinds,
            edition.registry,
            edition.unit_lists,
            edition.catalog,
            edition.letters,
            edition.report_form,
            edition.decision,
            edition.wording,
        )
        if source is not None
    )


def plan_targets(plan: Plan) -> list[Item]:
    """The plan's own targets, numbered 1, 2… in the order printed: the sub-items of every section
    marked la_chi_tieu."""

    def marked(items: list[Item]) -> list[Item]:
        return [target for item in items for target in (item.items if item.targets else marked(item.items))]

    return marked(plan.sections)


def text_values(edition: Edition) -> Iterator[tuple[str, Origin, str, str]]:
    """Every text value of every file of an edition, as typed (placeholders not filled in):
    (text, origin of its owner, field name for `Origin.line_of`, key path such as `mo_dau[1]`)."""
    for source in sources(edition):
        for text, origin, field_name, key, _ in text_fields(source):
            yield text, origin, field_name, key
