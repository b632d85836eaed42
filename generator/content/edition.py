"""An edition: the content of one year's plan, read from `content/<year>/` and bound to the schema.

This stage only binds: every file is read, parsed and bound, with every problem the binder finds.
What spans fields and files is checked a stage above, by `generator.checks.load_edition`, the
entry point callers use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
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
)
from .text import expand, italic_runs


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
        shown = display_path(path)
        if not path.is_file():
            if name in OPTIONAL_FILES:
                bound[name] = None
            else:
                problems.append(Problem(shown, 1, "(tệp)", "không tìm thấy tệp"))
            continue
        text = read_source(path, shown, problems)
        if text is None:
            continue
        known = len(problems)
        node = compose(shown, text, problems)
        # A file that does not parse has its one syntax problem; binding it would add noise.
        bound[name] = Binder(shown, problems).bind(node, model) if len(problems) == known else None
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
    )
    return edition


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
