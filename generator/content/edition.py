"""An edition: the content of one year's plan, read from `content/<year>/` and fully validated."""

from __future__ import annotations

import calendar
import re
from itertools import pairwise
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from collections.abc import Iterator

from ..errors import ContentError, Problem
from ..files import display_path
from . import rules_deadlines
from .binding import Binder, compose
from .deadlines import deadline_values, unavailable_deadlines
from .distribution import distribution
from .limits import edition_problems, read_source
from .schema import (
    DISTRICT_LEVELS,
    Decision,
    EDITION_FILES,
    MAX_REPORTING_PERIODS,
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
    PartialDate,
    Plan,
    RecipientKind,
    RecipientKinds,
    ReportFormSettings,
    UnitList,
    UnitLists,
)
from .text import ACTION_MONTH_PLACEHOLDERS, check_markup, expand, italic_runs


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


def load_edition(folder: Path) -> Edition:
    """Read and validate every file of an edition; raise ContentError with all problems found."""
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
    problems.extend(_cross_checks(edition) + edition_problems(edition))
    if not problems:
        # Who gets a letter can only be worked out once every reference resolves.
        problems.extend(distribution(edition)[1])
    if problems:
        raise ContentError(problems)
    return edition


# ---------------------------------------------------------------- cross-file checks
def _at(origin: Origin, field_name: str, key: str, message: str) -> Problem:
    return Problem(origin.path, origin.line_of(field_name), key, message)


def _unique(items: list, attribute: str, key: str, what: str) -> Iterator[Problem]:
    seen: dict[object, int] = {}
    for item in items:
        value = getattr(item, attribute)
        if value in seen:
            yield _at(item.origin, attribute, key, f"{what} “{value}” bị trùng (đã có ở dòng {seen[value]})")
        else:
            seen[value] = item.origin.line_of(attribute)


def _check_date(date: PartialDate, key: str) -> Iterator[Problem]:
    if date.month is not None and not 1 <= date.month <= 12:
        yield _at(date.origin, "month", f"{key}.thang", f"tháng {date.month} không hợp lệ (1–12)")
    elif date.day is not None:
        if date.month is None:
            yield _at(date.origin, "day", f"{key}.ngay", "có ngày thì phải có tháng")
        elif not 1 <= date.day <= calendar.monthrange(date.year, date.month)[1]:
            yield _at(
                date.origin, "day", f"{key}.ngay", f"ngày {date.day} không có trong tháng {date.month}/{date.year}"
            )


def _check_day_month(value: str, origin: Origin, field_name: str, key: str, year: int) -> Iterator[Problem]:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value)
    if not match:
        yield _at(origin, field_name, key, f"“{value}” phải có dạng ngày/tháng, ví dụ 15/11")
        return
    day, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        yield _at(origin, field_name, key, f"“{value}” không phải là một ngày có thật")


def _strings(obj: object, key: str) -> Iterator[tuple[str, Origin, str, str, dict]]:
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
                yield from _strings(item, item_key)
            elif isinstance(item, list):
                # A table row (an appendix's dong): its cells are text like any other.
                for column, cell in enumerate(item, start=1):
                    if isinstance(cell, str):
                        yield cell, obj.origin, f"{f.name}[{index}]", f"{item_key}[{column}]", f.metadata


def _sources(edition: Edition) -> tuple[object, ...]:
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
    for source in _sources(edition):
        for text, origin, field_name, key, _ in _strings(source, ""):
            yield text, origin, field_name, key


def _after_reform(date: PartialDate) -> bool:
    """Issued on or after 1 July 2025, when district-level government ended."""
    return (date.year, date.month or 1) >= (2025, 7)


def _kind_resolves(agency: Agency, kinds: dict, unit_lists: dict) -> bool:
    if agency.kind is not None:
        return agency.kind in kinds
    return agency.unit_list in unit_lists and unit_lists[agency.unit_list].kind in kinds


def _recipient_lines(lines: list, prefix: str, agencies: dict, groups: set) -> list[Problem]:
    """A "Nơi nhận" list: each line one of agency, group or text, and each reference known."""
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        key = f"{prefix}[{number}]"
        given = [name for name in ("agency", "group", "text") if getattr(line, name) is not None]
        if len(given) != 1:
            problems.append(
                _at(
                    line.origin,
                    given[1] if len(given) > 1 else "agency",
                    key,
                    "mỗi nơi nhận ghi đúng một trong ba trường: co_quan, nhom hoặc ten",
                )
            )
        elif line.agency is not None and line.agency not in agencies:
            problems.append(
                _at(line.origin, "agency", f"{key}.co_quan", f"không có cơ quan mã “{line.agency}” trong co-quan.yaml")
            )
        elif line.group is not None and line.group not in groups:
            problems.append(
                _at(line.origin, "group", f"{key}.nhom", f"không có nhóm mã “{line.group}” trong co-quan.yaml")
            )
    return problems


def _decision_checks(edition: Edition, agencies: dict, groups: set) -> list[Problem]:
    """The Quyết định that issues the plan, when the content has one (quyet-dinh.yaml)."""
    decision = edition.decision
    if decision is None:
        return []
    problems = list(_check_date(decision.date, "ngay_ban_hanh"))
    for field_name, key, what in (
        ("grounds", "can_cu", "một dòng Căn cứ"),
        ("articles", "dieu", "một điều (Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …)"),
    ):
        if not getattr(decision, field_name):
            problems.append(_at(decision.origin, field_name, key, f"cần ít nhất {what}"))
    if decision.number is not None and decision.number < 1:
        problems.append(_at(decision.origin, "number", "so", f"số quyết định {decision.number} không hợp lệ"))
    return problems + _recipient_lines(decision.recipients, "noi_nhan", agencies, groups)


def _cross_checks(edition: Edition) -> list[Problem]:
    plan, registry, catalog = edition.plan, edition.registry, edition.catalog
    problems: list[Problem] = []
    agencies = {a.id: a for a in registry.agencies}
    groups = {g.id for g in registry.groups}
    kinds = {k.id: k for k in edition.kinds.kinds}
    for number, kind in enumerate(edition.kinds.kinds, start=1):
        if kind.heading.rstrip().endswith(":"):
            problems.append(
                _at(
                    kind.origin,
                    "heading",
                    f"loai[{number}].tieu_de_ke_hoach",
                    "bỏ dấu hai chấm ở cuối: chương trình tự thêm dấu “:” sau tiêu đề mục của cơ quan",
                )
            )
    unit_lists = {u.id: u for u in edition.unit_lists.lists}
    units = {unit.id: unit for unit_list in edition.unit_lists.lists for unit in unit_list.units}

    issuer = edition.issuer
    if issuer.level in DISTRICT_LEVELS and _after_reform(plan.document.date):
        problems.append(
            _at(
                issuer.origin,
                "level",
                "cap",
                f"từ ngày 01/7/2025 không còn chính quyền cấp huyện; kế hoạch "
                f"năm {plan.document.date.year} do UBND tỉnh, thành phố hoặc xã, phường, đặc khu ban hành",
            )
        )
    problems += _unique(edition.kinds.kinds, "id", "loai.ma", "mã loại nơi nhận")
    for number, kind in enumerate(edition.kinds.kinds, start=1):
        if kind.form != "khong" and kind.report is None:
            problems.append(
                _at(
                    kind.origin,
                    "form",
                    f"loai[{number}].bieu_mau",
                    "loại nơi nhận không được đề nghị báo cáo (bao_cao: null) thì ghi bieu_mau: khong",
                )
            )
        if kind.form != "khong" and not kind.form_signer:
            problems.append(
                _at(kind.origin, "form", f"loai[{number}].ky_bieu_mau", "thiếu các dòng ký của biểu mẫu báo cáo")
            )

    problems += _unique(registry.agencies, "id", "co_quan.ma", "mã cơ quan")
    problems += _unique(registry.groups, "id", "nhom.ma", "mã nhóm")
    problems += _unique(edition.unit_lists.lists, "id", "danh_sach.ma", "mã danh sách")
    if catalog is not None:
        problems += _unique(catalog.objectives, "number", "muc_tieu.so", "Mục tiêu số")
    for objective in catalog.objectives if catalog else []:
        problems += _unique(
            objective.indicators, "number", "muc_tieu.chi_tieu.so", f"chỉ tiêu của Mục tiêu {objective.number} số"
        )
    for number, agency in enumerate(registry.agencies, start=1):
        key = f"co_quan[{number}]"
        for group in agency.groups:
            if group not in groups:
                problems.append(
                    _at(agency.origin, "groups", f"{key}.thuoc_nhom", f"không có nhóm “{group}” trong mục nhom")
                )
        if agency.unit_list is not None and agency.unit_list not in unit_lists:
            problems.append(
                _at(
                    agency.origin,
                    "unit_list",
                    f"{key}.danh_sach",
                    f"không có danh sách đơn vị mã “{agency.unit_list}” trong don-vi.yaml",
                )
            )
        if agency.kind is None and agency.unit_list is None:
            problems.append(_at(agency.origin, "id", f"{key}.loai", "thiếu loại nơi nhận (loai), ví dụ loai: giao"))
        elif agency.kind is not None and agency.kind not in kinds:
            problems.append(
                _at(
                    agency.origin,
                    "kind",
                    f"{key}.loai",
                    f"không có loại nơi nhận mã “{agency.kind}” trong "
                    f"loai-noi-nhan.yaml; các loại có: {', '.join(kinds)}",
                )
            )

    seen_units: dict[str, int] = {}
    for number, unit_list in enumerate(edition.unit_lists.lists, start=1):
        key = f"danh_sach[{number}]"
        if unit_list.kind not in kinds:
            problems.append(
                _at(
                    unit_list.origin,
                    "kind",
                    f"{key}.loai",
                    f"không có loại nơi nhận mã “{unit_list.kind}” trong "
                    f"loai-noi-nhan.yaml; các loại có: {', '.join(kinds)}",
                )
            )
        if not unit_list.units:
            problems.append(
                _at(unit_list.origin, "units", f"{key}.don_vi", f"danh sách “{unit_list.id}” không có đơn vị nào")
            )
        problems += _unique(unit_list.units, "name", f"{key}.don_vi.ten", "tên đơn vị")
        for index, unit in enumerate(unit_list.units, start=1):
            if unit.id in agencies:
                problems.append(
                    _at(
                        unit.origin,
                        "id",
                        f"{key}.don_vi[{index}].ma",
                        f"mã đơn vị “{unit.id}” trùng với mã một cơ quan trong co-quan.yaml",
                    )
                )
            elif unit.id in seen_units:
                problems.append(
                    _at(
                        unit.origin,
                        "id",
                        f"{key}.don_vi[{index}].ma",
                        f"mã đơn vị “{unit.id}” bị trùng (đã có ở dòng {seen_units[unit.id]})",
                    )
                )
            seen_units.setdefault(unit.id, unit.origin.line_of("id"))

    meta = plan.document
    if meta.date.year != edition.year:
        problems.append(
            _at(
                meta.date.origin,
                "year",
                "van_ban.ngay_ban_hanh.nam",
                f"năm {meta.date.year} khác với năm của thư mục nội dung ({edition.year})",
            )
        )
    problems += _check_date(meta.date, "van_ban.ngay_ban_hanh")
    problems += _reporting_checks(edition)
    if meta.number is not None and meta.number < 1:
        problems.append(_at(meta.origin, "number", "van_ban.so", "số văn bản phải lớn hơn 0"))
    if (meta.first_year is None) != (meta.last_year is None) or (meta.first_year or 0) > (meta.last_year or 0):
        problems.append(
            _at(
                meta.origin,
                "first_year",
                "van_ban.tu_nam",
                "kế hoạch nhiều năm ghi cả tu_nam và den_nam, tu_nam không sau den_nam",
            )
        )
    month = plan.action_month
    if month is not None:
        problems += _check_day_month(month.start, month.origin, "start", "thang_hanh_dong.bat_dau", edition.year)
        problems += _check_day_month(month.end, month.origin, "end", "thang_hanh_dong.ket_thuc", edition.year)
    if plan.reporting.receiver not in agencies:
        problems.append(
            _at(
                plan.reporting.origin,
                "receiver",
                "bao_cao.noi_nhan_bao_cao",
                f"không có cơ quan mã “{plan.reporting.receiver}” trong co-quan.yaml",
            )
        )

    if not plan.assignments:
        problems.append(
            _at(
                plan.origin,
                "assignments",
                "to_chuc_thuc_hien",
                "mục Tổ chức thực hiện không có cơ quan nào: không có công văn nào để gửi",
            )
        )
    assigned: dict[str, int] = {}
    for number, assignment in enumerate(plan.assignments, start=1):
        key = f"to_chuc_thuc_hien[{number}]"
        # The heading of a body's entry is printed with a colon after it (assignment_heading).
        last = assignment.heading_suffix or assignment.heading
        if assignment.agencies and last is not None and last.rstrip().endswith(":"):
            field_name = "heading_suffix" if assignment.heading_suffix else "heading"
            problems.append(
                _at(
                    assignment.origin,
                    field_name,
                    f"{key}.{'them_vao_tieu_de' if assignment.heading_suffix else 'tieu_de'}",
                    "bỏ dấu hai chấm ở cuối: chương trình tự thêm dấu “:” sau tiêu đề mục của cơ quan",
                )
            )
        if not assignment.agencies and assignment.heading is None:
            problems.append(
                _at(
                    assignment.origin,
                    "agencies",
                    f"{key}.co_quan",
                    "mục không ghi cơ quan nào (co_quan); "
                    "mục không phải một cơ quan (ví dụ Chế độ thông tin, báo cáo) thì ghi tieu_de",
                )
            )
        targets = len(plan_targets(plan))
        for target in assignment.plan_targets:
            if not 1 <= target <= targets:
                problems.append(
                    _at(
                        assignment.origin,
                        "plan_targets",
                        f"{key}.bao_cao_chi_tieu_ke_hoach",
                        f"kế hoạch không có chỉ tiêu {target} (có {targets} chỉ tiêu ở mục ghi la_chi_tieu: true)",
                    )
                )
        for agency_id in assignment.agencies:
            if agency_id not in agencies:
                problems.append(
                    _at(
                        assignment.origin,
                        "agencies",
                        f"{key}.co_quan",
                        f"không có cơ quan mã “{agency_id}” trong co-quan.yaml",
                    )
                )
            elif agency_id in assigned:
                problems.append(
                    _at(
                        assignment.origin,
                        "agencies",
                        f"{key}.co_quan",
                        f"cơ quan “{agency_id}” đã có nhiệm vụ ở mục dòng {assigned[agency_id]}",
                    )
                )
            else:
                assigned[agency_id] = assignment.origin.line_of("agencies")
        known = [
            agencies[a] for a in assignment.agencies if a in agencies and _kind_resolves(agencies[a], kinds, unit_lists)
        ]
        if len(known) > 1 and assignment.heading is None and len({edition.agency_kind(a).heading for a in known}) > 1:
            problems.append(
                _at(
                    assignment.origin,
                    "agencies",
                    f"{key}.tieu_de",
                    "các cơ quan của mục thuộc các loại nơi nhận khác nhau: ghi tiêu đề của mục (tieu_de)",
                )
            )
        for ref in assignment.indicators:
            if catalog is None:
                problems.append(
                    _at(
                        ref.origin,
                        "objective",
                        f"{key}.bao_cao_chi_tieu",
                        "không có tệp chi-tieu.yaml nên không giao báo cáo chỉ tiêu của Chiến lược được",
                    )
                )
                continue
            objective = next((o for o in catalog.objectives if o.number == ref.objective), None)
            if objective is None:
                problems.append(
                    _at(
                        ref.origin,
                        "objective",
                        f"{key}.bao_cao_chi_tieu.muc_tieu",
                        f"không có Mục tiêu {ref.objective} trong chi-tieu.yaml",
                    )
                )
                continue
            known = {i.number for i in objective.indicators}
            for indicator in ref.indicators:
                if indicator not in known:
                    problems.append(
                        _at(
                            ref.origin,
                            "indicators",
                            f"{key}.bao_cao_chi_tieu.chi_tieu",
                            f"không có chỉ tiêu {indicator} của Mục tiêu {ref.objective} trong chi-tieu.yaml",
                        )
                    )

    problems += _recipient_lines(plan.recipients, "noi_nhan", agencies, groups)
    problems += _decision_checks(edition, agencies, groups)

    letters = edition.letters
    if letters.date is not None:
        problems += _check_date(letters.date, "cong_van.ngay_ban_hanh")
    problems += _unique(letters.numbers, "recipient", "cong_van.so.noi_nhan", "nơi nhận")
    for number, entry in enumerate(letters.numbers, start=1):
        key = f"so[{number}]"
        if entry.recipient not in agencies and entry.recipient not in units:
            problems.append(
                _at(
                    entry.origin,
                    "recipient",
                    f"{key}.noi_nhan",
                    f"không có cơ quan hay đơn vị mã “{entry.recipient}” trong co-quan.yaml, don-vi.yaml",
                )
            )
        if entry.number < 1:
            problems.append(_at(entry.origin, "number", f"{key}.so", "số công văn phải lớn hơn 0"))
        if entry.date is not None:
            problems += _check_date(entry.date, f"{key}.ngay_ban_hanh")

    problems += _unique(letters.numbers, "number", "cong_van.so.so", "số công văn")
    plan_number = plan.document.number
    for number, entry in enumerate(letters.numbers, start=1):
        if plan_number is not None and entry.number == plan_number:
            problems.append(
                _at(
                    entry.origin,
                    "number",
                    f"so[{number}].so",
                    f"số {entry.number} là số của chính kế hoạch (ke-hoach.yaml van_ban.so); "
                    "mỗi công văn phải có số riêng đã vào sổ",
                )
            )
    problems += _appendix_checks(edition)
    problems += rules_deadlines.problems(edition)
    without_month = (() if plan.action_month is not None else ACTION_MONTH_PLACEHOLDERS) + unavailable_deadlines(
        plan.reporting
    )
    problems += _check_task_groups(edition)
    for source in _sources(edition):
        for text, origin, field_name, key, metadata in _strings(source, ""):
            for message in check_markup(
                text, metadata["placeholders"], unavailable=without_month, line_marks=metadata["line_marks"]
            ):
                problems.append(_at(origin, field_name, key, message))
    return problems


def _date_key(date: PartialDate, last: bool) -> tuple[int, int, int]:
    """A partial date as the first (or last) day it may be, for comparisons."""
    return (date.year, date.month or (12 if last else 1), date.day or (31 if last else 1))


def _reporting_checks(edition: Edition) -> list[Problem]:
    reporting = edition.plan.reporting
    problems: list[Problem] = []
    if (reporting.deadline is None) == (not reporting.periods):
        problems.append(
            _at(
                reporting.origin,
                "deadline",
                "bao_cao.han_bao_cao",
                "ghi một hạn báo cáo (han_bao_cao) hoặc các kỳ báo cáo (ky_bao_cao), không ghi cả hai",
            )
        )
    if reporting.deadline is not None:
        problems += _check_date(reporting.deadline, "bao_cao.han_bao_cao")
    if len(reporting.periods) > MAX_REPORTING_PERIODS:
        problems.append(
            _at(
                reporting.origin,
                "periods",
                "bao_cao.ky_bao_cao",
                f"có {len(reporting.periods)} kỳ báo cáo; biểu mẫu có cột cho tối đa {MAX_REPORTING_PERIODS} kỳ",
            )
        )
    for number, period in enumerate(reporting.periods, start=1):
        problems += _check_date(period.deadline, f"bao_cao.ky_bao_cao[{number}].han")
    deadlines = [period.deadline for period in reporting.periods] or [reporting.deadline] * (
        reporting.deadline is not None
    )
    for earlier, later in pairwise(deadlines):
        if _date_key(later, True) < _date_key(earlier, False):
            problems.append(
                _at(later.origin, "year", "bao_cao.ky_bao_cao.han", "các kỳ báo cáo phải theo thứ tự thời gian")
            )
    summary = reporting.summary_deadline
    if summary is not None:
        problems += _check_date(summary, "bao_cao.han_tong_hop")
        if deadlines and _date_key(summary, True) < _date_key(deadlines[0], False):
            problems.append(
                _at(
                    summary.origin,
                    "year",
                    "bao_cao.han_tong_hop",
                    "hạn tổng hợp phải sau hạn các đơn vị gửi báo cáo (han_bao_cao)",
                )
            )
    return problems


def _appendix_checks(edition: Edition) -> list[Problem]:
    problems: list[Problem] = []
    agencies = {a.id for a in edition.registry.agencies}
    for number, appendix in enumerate(edition.plan.appendices, start=1):
        key = f"phu_luc[{number}]"
        if not appendix.columns:
            problems.append(_at(appendix.origin, "columns", f"{key}.cot", "phụ lục không có cột nào"))
        for index, row in enumerate(appendix.rows, start=1):
            line = appendix.origin.line_of(f"rows[{index}]")
            if len(row) != len(appendix.columns):
                problems.append(
                    Problem(
                        appendix.origin.path,
                        line,
                        f"{key}.dong[{index}]",
                        f"dòng có {len(row)} ô nhưng bảng có {len(appendix.columns)} cột",
                    )
                )
                continue
            for column, cell in zip(appendix.columns, row, strict=True):
                for code in (c.strip() for c in cell.split(",")) if column.agency else ():
                    if code not in agencies:
                        problems.append(
                            Problem(
                                appendix.origin.path,
                                line,
                                f"{key}.dong[{index}]",
                                f"cột “{column.title}”: không có cơ quan mã “{code}” trong co-quan.yaml",
                            )
                        )
    return problems


def _check_task_groups(edition: Edition) -> Iterator[Problem]:
    """bieu-mau.yaml nhom_nhiem_vu: each group names an entry of section IV and tasks it has."""
    entries = {agency: assignment for assignment in edition.plan.assignments for agency in assignment.agencies}
    grouped: set[tuple[str, int]] = set()
    for number, group in enumerate(edition.report_form.task_groups, start=1):
        key = f"nhom_nhiem_vu[{number}]"
        assignment = entries.get(group.entry)
        if assignment is None:
            yield _at(
                group.origin,
                "entry",
                f"{key}.co_quan",
                f"“{group.entry}” không có nhiệm vụ ở mục Tổ chức thực hiện của kế hoạch",
            )
            continue
        for task in group.tasks:
            if not 1 <= task <= len(assignment.tasks):
                yield _at(
                    group.origin,
                    "tasks",
                    f"{key}.nhiem_vu",
                    f"mục của “{group.entry}” có {len(assignment.tasks)} nhiệm vụ, không có nhiệm vụ {task}",
                )
            elif (group.entry, task) in grouped:
                yield _at(
                    group.origin,
                    "tasks",
                    f"{key}.nhiem_vu",
                    f"nhiệm vụ {task} của “{group.entry}” đã ở một dòng gộp khác",
                )
            grouped.add((group.entry, task))
