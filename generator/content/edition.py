"""An edition: the content of one year's plan, read from `content/<year>/` and fully validated."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Iterator

from ..errors import ContentError, Problem
from ..files import display_path
from .binding import Binder, compose
from .distribution import distribution
from .limits import edition_problems, read_source
from .schema import (
    EDITION_FILES,
    Agency,
    AgencyRegistry,
    CommuneList,
    Indicator,
    IndicatorCatalog,
    LetterSettings,
    Objective,
    Origin,
    PartialDate,
    Plan,
    ReportFormSettings,
)
from .text import check_markup, expand


@dataclass(frozen=True)
class Edition:
    year: int
    folder: Path
    plan: Plan
    registry: AgencyRegistry
    communes: CommuneList
    catalog: IndicatorCatalog
    letters: LetterSettings
    report_form: ReportFormSettings

    def agency(self, agency_id: str) -> Agency:
        return next(a for a in self.registry.agencies if a.id == agency_id)

    def group_name(self, group_id: str) -> str:
        return next(g.name for g in self.registry.groups if g.id == group_id)

    def objective(self, number: int) -> Objective:
        return next(o for o in self.catalog.objectives if o.number == number)

    def indicator(self, objective: int, number: int) -> Indicator:
        return next(i for i in self.objective(objective).indicators if i.number == number)

    @property
    def placeholder_values(self) -> dict[str, str]:
        meta = self.plan.document
        return {
            "nam": str(meta.date.year),
            "dia_danh": meta.place,
            "ngay_bat_dau": self.plan.action_month.start,
            "ngay_ket_thuc": self.plan.action_month.end,
        }

    def text(self, raw: str) -> str:
        """Content text with its placeholders filled in (italic markers are kept)."""
        return expand(raw, self.placeholder_values)


def load_edition(folder: Path) -> Edition:
    """Read and validate every file of an edition; raise ContentError with all problems found."""
    problems: list[Problem] = []
    bound: dict[str, object] = {}
    if not re.fullmatch(r"\d{4}", folder.name):
        raise ContentError([Problem(display_path(folder), 1, "(thư mục)", "tên thư mục nội dung phải là một năm, ví dụ content/2024")])
    for name, model in EDITION_FILES.items():
        path = folder / name
        shown = display_path(path)
        if not path.is_file():
            problems.append(Problem(shown, 1, "(tệp)", "không tìm thấy tệp"))
            continue
        text = read_source(path, shown, problems)
        if text is None:
            continue
        known = len(problems)
        node = compose(shown, text, problems)
        # A file that does not parse has its one syntax problem; binding it would add noise.
        bound[name] = Binder(shown, problems).bind(node, model) if len(problems) == known else None
    if problems or any(value is None for value in bound.values()):
        raise ContentError(problems)
    edition = Edition(
        year=int(folder.name),
        folder=folder,
        plan=bound["ke-hoach.yaml"],
        registry=bound["co-quan.yaml"],
        communes=bound["xa-thi-tran.yaml"],
        catalog=bound["chi-tieu.yaml"],
        letters=bound["cong-van.yaml"],
        report_form=bound["bieu-mau.yaml"],
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
            yield _at(date.origin, "day", f"{key}.ngay", f"ngày {date.day} không có trong tháng {date.month}/{date.year}")


def _check_day_month(value: str, origin: Origin, field_name: str, key: str, year: int) -> Iterator[Problem]:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value)
    if not match:
        yield _at(origin, field_name, key, f"“{value}” phải có dạng ngày/tháng, ví dụ 15/11")
        return
    day, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        yield _at(origin, field_name, key, f"“{value}” không phải là một ngày có thật")


def _strings(obj: object, key: str) -> Iterator[tuple[str, Origin, str, str]]:
    """Every text value of a bound object: (text, origin of its owner, field name, key path)."""
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
                yield item, obj.origin, f"{f.name}[{index}]" if is_list else f.name, item_key
            elif is_dataclass(item):
                yield from _strings(item, item_key)


def text_values(edition: Edition) -> Iterator[tuple[str, Origin, str, str]]:
    """Every text value of every file of an edition, as typed (placeholders not filled in):
    (text, origin of its owner, field name for `Origin.line_of`, key path such as `mo_dau[1]`)."""
    for source in (edition.plan, edition.registry, edition.communes, edition.catalog, edition.letters, edition.report_form):
        yield from _strings(source, "")


def _cross_checks(edition: Edition) -> list[Problem]:
    plan, registry, catalog = edition.plan, edition.registry, edition.catalog
    problems: list[Problem] = []
    agencies = {a.id: a for a in registry.agencies}
    groups = {g.id for g in registry.groups}

    problems += _unique(registry.agencies, "id", "co_quan.ma", "mã cơ quan")
    problems += _unique(registry.groups, "id", "nhom.ma", "mã nhóm")
    problems += _unique(edition.communes.communes, "id", "don_vi.ma", "mã đơn vị")
    problems += _unique(edition.communes.communes, "name", "don_vi.ten", "tên đơn vị")
    problems += _unique(catalog.objectives, "number", "muc_tieu.so", "Mục tiêu số")
    for objective in catalog.objectives:
        problems += _unique(objective.indicators, "number", "muc_tieu.chi_tieu.so", f"chỉ tiêu của Mục tiêu {objective.number} số")
    for agency in registry.agencies:
        for group in agency.groups:
            if group not in groups:
                problems.append(_at(agency.origin, "groups", "co_quan.thuoc_nhom", f"không có nhóm “{group}” trong mục nhom"))
    if sum(a.communes for a in registry.agencies) > 1:
        for agency in registry.agencies[1:]:
            if agency.communes:
                problems.append(_at(agency.origin, "communes", "co_quan.la_cac_xa", "chỉ một mục được đại diện cho các xã, thị trấn"))

    meta = plan.document
    if meta.date.year != edition.year:
        problems.append(_at(meta.date.origin, "year", "van_ban.ngay_ban_hanh.nam",
                            f"năm {meta.date.year} khác với năm của thư mục nội dung ({edition.year})"))
    problems += _check_date(meta.date, "van_ban.ngay_ban_hanh")
    problems += _check_date(plan.reporting.deadline, "bao_cao.han_bao_cao")
    summary = plan.reporting.summary_deadline
    if summary is not None:
        problems += _check_date(summary, "bao_cao.han_tong_hop")
        deadline = plan.reporting.deadline
        if (summary.year, summary.month or 12, summary.day or 31) < (deadline.year, deadline.month or 1, deadline.day or 1):
            problems.append(_at(summary.origin, "year", "bao_cao.han_tong_hop",
                                "hạn tổng hợp phải sau hạn các đơn vị gửi báo cáo (han_bao_cao)"))
    if meta.number is not None and meta.number < 1:
        problems.append(_at(meta.origin, "number", "van_ban.so", "số văn bản phải lớn hơn 0"))
    month = plan.action_month
    problems += _check_day_month(month.start, month.origin, "start", "thang_hanh_dong.bat_dau", edition.year)
    problems += _check_day_month(month.end, month.origin, "end", "thang_hanh_dong.ket_thuc", edition.year)
    if plan.reporting.receiver not in agencies:
        problems.append(_at(plan.reporting.origin, "receiver", "bao_cao.noi_nhan_bao_cao",
                            f"không có cơ quan mã “{plan.reporting.receiver}” trong co-quan.yaml"))

    problems += _unique(plan.assignments, "agency", "to_chuc_thuc_hien.co_quan", "cơ quan")
    for number, assignment in enumerate(plan.assignments, start=1):
        key = f"to_chuc_thuc_hien[{number}]"
        if assignment.agency not in agencies:
            problems.append(_at(assignment.origin, "agency", f"{key}.co_quan",
                                f"không có cơ quan mã “{assignment.agency}” trong co-quan.yaml"))
        for ref in assignment.indicators:
            objective = next((o for o in catalog.objectives if o.number == ref.objective), None)
            if objective is None:
                problems.append(_at(ref.origin, "objective", f"{key}.bao_cao_chi_tieu.muc_tieu",
                                    f"không có Mục tiêu {ref.objective} trong chi-tieu.yaml"))
                continue
            known = {i.number for i in objective.indicators}
            for indicator in ref.indicators:
                if indicator not in known:
                    problems.append(_at(ref.origin, "indicators", f"{key}.bao_cao_chi_tieu.chi_tieu",
                                        f"không có chỉ tiêu {indicator} của Mục tiêu {ref.objective} trong chi-tieu.yaml"))

    for number, line in enumerate(plan.recipients, start=1):
        key = f"noi_nhan[{number}]"
        given = [name for name in ("agency", "group", "text") if getattr(line, name) is not None]
        if len(given) != 1:
            problems.append(_at(line.origin, given[1] if len(given) > 1 else "agency", key,
                                "mỗi nơi nhận ghi đúng một trong ba trường: co_quan, nhom hoặc ten"))
        elif line.agency is not None and line.agency not in agencies:
            problems.append(_at(line.origin, "agency", f"{key}.co_quan", f"không có cơ quan mã “{line.agency}” trong co-quan.yaml"))
        elif line.group is not None and line.group not in groups:
            problems.append(_at(line.origin, "group", f"{key}.nhom", f"không có nhóm mã “{line.group}” trong co-quan.yaml"))

    for text, origin, field_name, key in text_values(edition):
        for message in check_markup(text):
            problems.append(_at(origin, field_name, key, message))
    return problems
