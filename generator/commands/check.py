"""`check`: validate an edition without building anything, and warn about what a clerk would want
to see before sending a draft up.

Errors are exactly those of the build (`load_edition` raises `ContentError`). Warnings are
`Notice`s, one per finding, of five kinds:

- `nam-cu`: the year before the plan's typed in the text ("ngày 31/10/2024" in the 2025 plan), or
  a period ending that year: what a draft copied from last year's edition most likely still has
  to change. Older years are citations (a law of 2006, a decree of 2021) and are not reported;
  neither is a period that reaches the plan's year ("giai đoạn 2021-2030").
- `ngay-ngoai-nam`: a report deadline in another year than the plan's, or a date typed in the
  text (d/m/yyyy) in a later year.
- `chi-tieu`: an indicator an agency must report on whose text is still null (letters and report
  forms then print only its number).
- `noi-nhan`: a Nơi nhận line naming an agency (co_quan) or a group (nhom) that no section IV entry
  explains: the agency has no entry, or no member of the group has one. Free-text lines (ten) are
  superiors and others informed, outside section IV by nature, and are not reported.
- `muc-rong`: an empty section: an item with neither paragraphs nor sub-items, or an agency
  entry of section IV without tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator

from ..content.schema import EDITION_FILES
from ..checks import NOTICE, load_edition, problems
from ..content.edition import Edition, plan_targets, text_values
from ..content.schema import Item, PartialDate
from ..document import wording
from ..document.plan import DEEPEST_LEVEL, assignment_heading
from ..errors import Notice
from ..files import display_path
from .common import YEAR, excerpt, existing_edition, newest_year

# The kinds of warning, in the order of the summary, with how the summary counts them.
KINDS = {
    "nam-cu": "nhắc năm trước",
    "ngay-ngoai-nam": "ngày ngoài năm của kế hoạch",
    "chi-tieu": "chỉ tiêu chưa có nội dung",
    "chi-tieu-ke-hoach": "chỉ tiêu của kế hoạch không giao báo cáo",
    "noi-nhan": "nơi nhận không có nhiệm vụ ở mục Tổ chức thực hiện",
    "muc-rong": "mục trống",
    "cau-truc": "mục lồng quá năm cấp",
    "thu-tu-han": "hạn báo cáo sớm hơn việc được báo cáo",
    "tep-thua": "tệp không được đọc",
    "so-ngay": "số và ngày công văn không đi cùng nhau",
    "kiem-tra": "chỗ make nhap đoán chưa được xác nhận",
    "so-chua-xac-nhan": "số thứ tự chỉ tiêu chưa xác nhận",
}

# "2021-2030", "2021 - 2030", "2021–2030": a period, judged by its last year.
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
# A full date typed in text: 31/10/2024, 5/3/2021, 31-10-2024.
_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)")
# A citation of another document, whose years are that document's, not the plan's: a numbered
# document with its symbol and day ("Chỉ thị số 08/CT-TTg ngày 04/02/2020", "Nghị định số
# 15/2024/NĐ-CP"), or a law by its name and year ("Luật Phòng, chống bạo lực gia đình năm 2022").
_CITED_DAY = r"(?:\s+ngày\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
_CITATION = re.compile(
    r"\bsố\s+\d+(?:/\d{4})?/[A-ZĐ][\wĐđ&.-]*"
    + _CITED_DAY
    + r"|\b(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh)\s+[^.;:()\n]{1,120}?\bnăm\s+\d{4}(?!\d)"
)


def _cited(text: str) -> set[int]:
    """The positions of `text` inside a citation of another document."""
    return {i for m in _CITATION.finditer(text) for i in range(m.start(), m.end())}


@dataclass(frozen=True)
class CheckResult:
    folder: Path
    year: int
    notices: tuple[Notice, ...]

    def counts(self) -> dict[str, int]:
        """Number of warnings of each kind that occurs, in the order of KINDS."""
        return {kind: n for kind in KINDS if (n := sum(1 for notice in self.notices if notice.kind == kind))}


def check(content: Path, year: int | None = None) -> CheckResult:
    """Validate the edition of `year` (default: the newest) and collect its warnings."""
    folder = existing_edition(content, year if year is not None else newest_year(content))
    edition = load_edition(folder)
    # By file and line; on one line, in the order found (the order of the text).
    return CheckResult(folder, edition.year, tuple(sorted(warnings(edition), key=lambda n: (n.path, n.line))))


def warnings(edition: Edition) -> Iterator[Notice]:
    yield from _years_in_text(edition)
    yield from _deadline(edition)
    yield from _indicators(edition)
    yield from _recipients(edition)
    yield from _empty_sections(edition)
    yield from _too_deep(edition)
    yield from _unreported_targets(edition)
    yield from _periods_outside_the_plan(edition)
    yield from _unread_files(edition)
    yield from _letter_days(edition)
    yield from _unconfirmed_guesses(edition)
    # The NOTICE rules of generator/checks/ (RULES), after the build's own rules passed.
    yield from (notice for notice in problems(edition, NOTICE) if isinstance(notice, Notice))


def _letter_days(edition: Edition) -> Iterator[Notice]:
    """A letter's number and day are given together (Decree 30, Art. 15): a numbered letter with
    no day, or a shared day that no numbered letter uses."""
    letters = edition.letters
    for number, entry in enumerate(letters.numbers, start=1):
        day = entry.date.day if entry.date is not None else letters.date.day if letters.date is not None else None
        if day is None:
            yield Notice(
                entry.origin.path,
                entry.origin.line_of("number"),
                f"so[{number}].so",
                f"công văn số {entry.number} chưa có ngày ban hành: ghi ngày (ngay_ban_hanh) cùng với số đã vào sổ",
                "so-ngay",
            )
    if letters.date is None or letters.date.day is None:
        return
    # The shared day is the day of the numbered letters that have none of their own; the others
    # print a blank day. A shared day no numbered letter uses is a day without a number.
    if not any(entry.date is None for entry in letters.numbers):
        yield Notice(
            letters.date.origin.path,
            letters.date.origin.line_of("day"),
            "ngay_ban_hanh.ngay",
            f"có ngày ban hành (ngày {letters.date.day}) nhưng không công văn nào dùng ngày này có số (so); "
            "công văn chưa có số thì in trống ngày: ghi số đã vào sổ, hoặc để trống ngày (ngay: null)",
            "so-ngay",
        )


def _unread_files(edition: Edition) -> Iterator[Notice]:
    """A YAML file in the edition's folder that the program does not read (an old file kept from a
    former content format): what the clerk writes there reaches no document."""
    for path in sorted(edition.folder.iterdir()):
        if path.suffix.lower() in (".yaml", ".yml") and path.name not in EDITION_FILES:
            yield Notice(
                display_path(path),
                1,
                "(tệp)",
                "chương trình không đọc tệp này nên nội dung trong đó không vào văn bản nào; các tệp được đọc: "
                + ", ".join(EDITION_FILES)
                + ". Chuyển nội dung cần dùng sang đúng tệp rồi xóa hoặc đổi tên tệp này",
                "tep-thua",
            )


def _unconfirmed_guesses(edition: Edition) -> Iterator[Notice]:
    """Every `# KIỂM TRA:` comment `make nhap` wrote and the clerk has not yet deleted."""
    from ..importing.emit import unconfirmed

    for path in sorted(edition.folder.glob("*.yaml")):
        for line, note in unconfirmed(path.read_text(encoding="utf-8")):
            yield Notice(
                display_path(path),
                line,
                "# KIỂM TRA",
                f"chương trình đoán: {note}; xem lại rồi xóa chú thích «# KIỂM TRA:» để xác nhận",
                kind="kiem-tra",
            )


# ---------------------------------------------------------------- years and dates
def _years_in_text(edition: Edition) -> Iterator[Notice]:
    plan_year = edition.plan.document.date.year
    last_year = edition.plan.document.last_year or plan_year  # a multi-year plan's dates run to its den_nam
    years = str(plan_year) if last_year == plan_year else f"{plan_year}–{last_year}"
    # The national strategy's milestones (2025, 2030) are its own, not years a clerk forgot to change.
    catalog = edition.catalog.origin.path if edition.catalog is not None else None
    # A Quyết định's Căn cứ lines cite laws by the dates they were passed: years of their own too.
    decision = edition.decision.origin.path if edition.decision is not None else None
    for text, origin, field_name, key in text_values(edition):
        if origin.path == catalog or (origin.path == decision and field_name.startswith("grounds[")):
            continue
        found: list[tuple[int, str, str]] = []  # (position, message, kind), reported in the order of the text
        cited = _cited(text)
        periods = [m for m in _PERIOD.finditer(text) if m.start() not in cited]
        inside_period = {m.start(g) for m in periods for g in (1, 2)}
        for period in periods:
            if int(period.group(2)) == plan_year - 1:
                found.append(
                    (
                        period.start(),
                        f"nhắc giai đoạn {period.group(0)}, kết thúc năm trước năm của kế hoạch "
                        f"({plan_year}): {excerpt(text, period.start(), period.end())}",
                        "nam-cu",
                    )
                )
        for match in YEAR.finditer(text):
            if match.start() not in inside_period | cited and int(match.group(0)) == plan_year - 1:
                found.append(
                    (
                        match.start(),
                        f"nhắc năm {match.group(0)}, năm trước năm của kế hoạch ({plan_year}): "
                        f"{excerpt(text, match.start(), match.end())}",
                        "nam-cu",
                    )
                )
        for date in _DATE.finditer(text):
            if date.start() not in cited and int(date.group(3)) > last_year:
                found.append(
                    (
                        date.start(),
                        f"ngày {date.group(0)} không thuộc năm của kế hoạch ({years}): "
                        f"{excerpt(text, date.start(), date.end())}",
                        "ngay-ngoai-nam",
                    )
                )
        for _, message, kind in sorted(found, key=lambda item: item[0]):
            yield Notice(origin.path, origin.line_of(field_name), key, message, kind)


def _date_text(date: PartialDate) -> str:
    parts = [str(date.day) if date.day else None, str(date.month) if date.month else None, str(date.year)]
    return "/".join(part for part in parts if part)


def _deadline(edition: Edition) -> Iterator[Notice]:
    plan_year = edition.plan.document.date.year
    reporting = edition.plan.reporting
    for key, what, deadline in (
        ("han_bao_cao", "hạn báo cáo", reporting.deadline),
        ("han_tong_hop", "hạn tổng hợp", reporting.summary_deadline),
    ):
        if deadline is not None and deadline.year != plan_year:
            yield Notice(
                deadline.origin.path,
                deadline.origin.line_of("year"),
                f"bao_cao.{key}.nam",
                f"{what} {_date_text(deadline)} không thuộc năm của kế hoạch ({plan_year})",
                "ngay-ngoai-nam",
            )
    yield from _deadline_order(edition)


def _day(date: PartialDate) -> tuple[int, int, int] | None:
    return (date.year, date.month, date.day) if date.month and date.day else None


def _deadline_order(edition: Edition) -> Iterator[Notice]:
    """Reports asked before the Action Month they report on is over, and a summary due no later than
    the reports it sums up."""
    reporting, month = edition.plan.reporting, edition.plan.action_month
    deadline = _day(reporting.deadline) if reporting.deadline is not None else None
    end = month.month_day(month.end) if month is not None else None
    if deadline is not None and end is not None and deadline <= (edition.plan.document.date.year, *end):
        yield Notice(
            reporting.deadline.origin.path,
            reporting.deadline.origin.line_of("day"),
            "bao_cao.han_bao_cao",
            f"hạn báo cáo {_date_text(reporting.deadline)} không sau ngày kết thúc Tháng hành động ({month.end}): "
            "các đơn vị phải báo cáo khi tháng chưa kết thúc",
            "thu-tu-han",
        )
    summary = _day(reporting.summary_deadline) if reporting.summary_deadline is not None else None
    if deadline is not None and summary is not None and summary <= deadline:
        yield Notice(
            reporting.summary_deadline.origin.path,
            reporting.summary_deadline.origin.line_of("day"),
            "bao_cao.han_tong_hop",
            f"hạn tổng hợp {_date_text(reporting.summary_deadline)} không sau hạn báo cáo "
            f"của các đơn vị ({_date_text(reporting.deadline)}): cơ quan tổng hợp không còn ngày nào để tổng hợp",
            "thu-tu-han",
        )


# ---------------------------------------------------------------- indicators
def _indicators(edition: Edition) -> Iterator[Notice]:
    if edition.catalog is None:
        return
    reporters: dict[tuple[int, int], list[str]] = {}
    for assignment in edition.plan.assignments:
        for ref in assignment.indicators:
            for number in ref.indicators:
                reporters.setdefault((ref.objective, number), []).extend(
                    edition.plain(edition.agency(agency_id).short_name) for agency_id in assignment.agencies
                )
    for o_index, objective in enumerate(edition.catalog.objectives, start=1):
        for i_index, indicator in enumerate(objective.indicators, start=1):
            agencies = reporters.get((objective.number, indicator.number))
            if indicator.text is None and agencies:
                yield Notice(
                    indicator.origin.path,
                    indicator.origin.line_of("text"),
                    f"muc_tieu[{o_index}].chi_tieu[{i_index}].noi_dung",
                    f"Chỉ tiêu {indicator.number} của Mục tiêu {objective.number} chưa có nội dung (noi_dung: null) "
                    f"nhưng được giao báo cáo cho: {', '.join(agencies)}; công văn và biểu mẫu in chỗ trống để ghi tay",
                    "chi-tieu",
                )


# ---------------------------------------------------------------- Nơi nhận
def _recipients(edition: Edition) -> Iterator[Notice]:
    plan = edition.plan
    section = f"mục {wording.roman(len(plan.sections) + 1)} ({plan.organisation_title.rstrip(': ').capitalize()})"
    assigned = {agency_id for a in plan.assignments for agency_id in a.agencies}
    for number, line in enumerate(plan.recipients, start=1):
        if line.agency is not None and line.agency not in assigned:
            agency = edition.agency(line.agency)
            yield Notice(
                line.origin.path,
                line.origin.line_of("agency"),
                f"noi_nhan[{number}].co_quan",
                f"“{agency.short_name}” có ở Nơi nhận nhưng không có nhiệm vụ nào ở {section}",
                "noi-nhan",
            )
        elif line.group is not None:
            members = {a.id for a in edition.registry.agencies if line.group in a.groups}
            if not members & assigned:
                yield Notice(
                    line.origin.path,
                    line.origin.line_of("group"),
                    f"noi_nhan[{number}].nhom",
                    f"nhóm “{edition.group_name(line.group)}” có ở Nơi nhận nhưng không cơ quan nào "
                    f"của nhóm có nhiệm vụ ở {section}",
                    "noi-nhan",
                )


# ---------------------------------------------------------------- empty sections
def _empty_items(items: list[Item], key: str) -> Iterator[tuple[Item, str]]:
    for index, item in enumerate(items, start=1):
        item_key = f"{key}[{index}]"
        if not item.paragraphs and not item.items:
            yield item, item_key
        yield from _empty_items(item.items, f"{item_key}.muc")


def _empty_sections(edition: Edition) -> Iterator[Notice]:
    plan = edition.plan
    for item, key in _empty_items(plan.sections, "noi_dung"):
        message = (
            f"mục “{item.title}” không có đoạn văn nào và không có mục con"
            if item.title is not None
            else "mục không có tiêu đề, đoạn văn hay mục con nào"
        )
        yield Notice(item.origin.path, item.origin.line, key, message, "muc-rong")
    for number, assignment in enumerate(plan.assignments, start=1):
        if not assignment.tasks and not assignment.points:
            yield Notice(
                assignment.origin.path,
                assignment.origin.line_of("tasks"),
                f"to_chuc_thuc_hien[{number}].nhiem_vu",
                f"“{assignment_heading(edition, assignment).rstrip(':')}” có tiêu đề ở mục Tổ chức thực hiện nhưng "
                "không có nhiệm vụ nào",
                "muc-rong",
            )


def summary(result: CheckResult, strict: bool) -> str:
    """The last line of `generator check`."""
    where = display_path(result.folder)
    if not result.notices:
        return f"Kiểm tra {where}: không có lỗi, không có cảnh báo."
    counts = ", ".join(f"{n} {KINDS[kind]}" for kind, n in result.counts().items())
    line = f"Kiểm tra {where}: không có lỗi, {len(result.notices)} cảnh báo ({counts})."
    if strict:
        line += " Có STRICT=1 nên cảnh báo được tính là lỗi."
    return line


# ---------------------------------------------------------------- plan structure
def _deep_items(items: list[Item], key: str, depth: int) -> Iterator[tuple[Item, str]]:
    for index, item in enumerate(items, start=1):
        item_key = f"{key}[{index}]"
        if depth > DEEPEST_LEVEL:
            yield item, item_key
        else:
            yield from _deep_items(item.items, f"{item_key}.muc", depth + 1)


def _too_deep(edition: Edition) -> Iterator[Notice]:
    """Items below the fifth level (I. → 1. → a) → - → +) print as the fifth: a reviewer would ask."""
    roots = [(edition.plan.sections, "noi_dung", 1)] + [
        (a.points, f"to_chuc_thuc_hien[{n}].muc", 3) for n, a in enumerate(edition.plan.assignments, start=1)
    ]
    for items, key, depth in roots:
        for item, item_key in _deep_items(items, key, depth):
            yield Notice(
                item.origin.path,
                item.origin.line,
                item_key,
                f"mục ở cấp thứ {DEEPEST_LEVEL + 1} trở xuống: in như cấp thứ {DEEPEST_LEVEL} (dấu +); nên gộp lên cấp trên",
                "cau-truc",
            )


def _unreported_targets(edition: Edition) -> Iterator[Notice]:
    reported = {n for a in edition.plan.assignments for n in a.plan_targets}
    for number, target in enumerate(plan_targets(edition.plan), start=1):
        if number not in reported:
            yield Notice(
                target.origin.path,
                target.origin.line,
                f"chỉ tiêu {number} của kế hoạch",
                f"chỉ tiêu {number} của kế hoạch không được giao cho cơ quan nào báo cáo "
                "(bao_cao_chi_tieu_ke_hoach ở mục Tổ chức thực hiện)",
                "chi-tieu-ke-hoach",
            )


def _periods_outside_the_plan(edition: Edition) -> Iterator[Notice]:
    meta = edition.plan.document
    first, last = (meta.first_year, meta.last_year) if meta.first_year else (meta.date.year, meta.date.year)
    for number, period in enumerate(edition.plan.reporting.periods, start=1):
        if not first <= period.deadline.year <= last:
            yield Notice(
                period.deadline.origin.path,
                period.deadline.origin.line_of("year"),
                f"bao_cao.ky_bao_cao[{number}].han.nam",
                f"kỳ báo cáo “{edition.plain(period.name)}” hạn năm {period.deadline.year}, ngoài giai đoạn "
                f"của kế hoạch ({first}–{last})",
                "ngay-ngoai-nam",
            )
