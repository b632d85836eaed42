"""Matching returned forms to the recipients asked to report, and reading their figures.

Each returned file is read (reading.py), recognised by its identity and checked cell by cell
against the form this edition makes for that recipient (document/report_form.py). A file with a
problem (another edition's, a missing table or row, a duplicate) is named and not counted; a bad
figure (words in a number cell, more women than participants) leaves out only its row or cell,
named in the clerk's words, and the rest of the form counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..content.distribution import Recipient, distribution
from ..content.edition import Edition
from ..checks.limits import YEARS_AHEAD
from ..checks.text import character_problem
from ..document import wording
from ..document.model import Table
from ..document.parts import ReportingPeriod, asked_periods, collects_reports
from ..document.report_form import (
    ACTIVITIES,
    BUDGET,
    INDICATORS,
    NARRATIVE,
    NOT_ASKED,
    TASKS,
    activity_indices,
    budget_indices,
    form_indicators,
    form_identity,
    form_tables,
    part_numbers,
    roman,
    task_rows,
)
from . import RETURNED
from .reading import NotAForm, ReadForm, normal, read_form
from .periods import other_period
from .received import RECEIVED, received_dates


@dataclass
class UnitReport:
    """What one usable form says."""

    # (row name, result per period, its lead-in); (quantity, participants, women, note)
    tasks: list[tuple[str, tuple[str, ...], str | None]] = field(default_factory=list)
    activities: list[tuple[float | None, float | None, float | None, str]] = field(default_factory=list)
    indicators: list[tuple[tuple[float | None, ...], tuple[float | None, ...], tuple[float | None, ...]]] = field(
        default_factory=list
    )
    budget: list[float | None] = field(default_factory=list)
    # What the unit wrote in the note column, next to each indicator and each budget source ("" if nothing).
    indicator_notes: list[str] = field(default_factory=list)
    budget_notes: list[str] = field(default_factory=list)
    difficulties: str = ""
    proposals: str = ""


@dataclass
class ReturnedFile:
    path: Path
    recipient: Recipient | None = None
    reported_on: date | None = None
    date_written: bool = False  # the date is the one written on the report (else the file's date)
    received_on: date | None = None  # as typed in bao-cao-nhan/ngay-nhan.yaml, else the day the file appeared there
    problems: list[str] = field(default_factory=list)  # why it is not counted
    # Counted, but these figures (a row or cell in the clerk's words, and why) are left out of it.
    invalid: list[str] = field(default_factory=list)
    invalid_cells: list[str] = field(default_factory=list)  # where each is, without why (the summary's note)
    warnings: list[str] = field(default_factory=list)  # counted, but worth a look
    report: UnitReport | None = None

    @property
    def usable(self) -> bool:
        return self.report is not None and not self.problems


@dataclass
class Collection:
    edition: Edition
    expected: tuple[Recipient, ...]  # the recipients asked to report, in the plan's order
    files: list[ReturnedFile]
    period: ReportingPeriod | None = None  # the period collected (tong-hop --ky), of a multi-year plan

    def used(self, recipient: Recipient) -> ReturnedFile | None:
        return next((f for f in self.files if f.recipient is recipient and f.usable), None)

    def late(self, recipient: Recipient, reported_on: date | None) -> bool:
        """Whether a report of that date is late: "trước ngày D" includes D only where content says so."""
        due = self.deadline(recipient)
        if due is None or reported_on is None:
            return False
        return reported_on > due if self.edition.plan.reporting.deadline_day_included else reported_on >= due

    def deadline(self, recipient: Recipient) -> date | None:
        reporting = self.edition.plan.reporting
        due = (
            reporting.summary_deadline
            if collects_reports(self.edition, recipient) and reporting.summary_deadline
            else reporting.deadline
        )
        due = due or (self.period.deadline if self.period is not None else None)
        if due is None or due.month is None or due.day is None:
            return None
        return date(due.year, due.month, due.day)


# ---------------------------------------------------------------- numbers
# One rule for every figure a form returns: ASCII digits 0-9 only, dots between thousands (1.250.000),
# a comma before decimals (12,5) where the cell may hold them; counts are whole numbers.
MAX_NUMBER = 10**15  # a figure past a million billion (đồng or people) is a typing error
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_PLAIN = re.compile(r"[0-9]+(?:,[0-9]+)?")


def shown_cell(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


class NotANumber(ValueError):
    """A cell that is not a figure by the rule above; the message is the clerk's."""


def parse_number(text: str, *, percent: bool = False, whole: bool = False) -> float | None:
    """A figure as a clerk types it: 12, 1.250.000 (dots between thousands), 12,5 (decimal comma,
    not for a count when `whole`); empty is None. Anything else raises NotANumber with the reason."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if percent:
        cleaned = cleaned.removesuffix("%")
    if cleaned in ("", "-", NOT_ASKED):  # NOT_ASKED: what a form prints where it asks nothing
        return None
    negative = cleaned[0] in "-–−"
    body = cleaned[1:] if negative else cleaned
    if len(body) > 40:
        raise NotANumber(f"«{shown_cell(text)}»: số quá lớn (tối đa {shown_number(MAX_NUMBER)})")
    if any(char.isdigit() and char not in "0123456789" for char in body):
        raise NotANumber(
            f"«{shown_cell(text)}»: có chữ số không phải 0–9 (chữ số toàn khổ hay của chữ viết khác); gõ lại bằng chữ số 0–9"
        )
    if _THOUSANDS.fullmatch(body):
        digits = body.replace(".", "").replace(",", ".")
    elif _PLAIN.fullmatch(body):
        if re.fullmatch(r"[0-9]{1,3},[0-9]{3}", body):
            raise NotANumber(
                f"«{shown_cell(text)}»: không rõ là số thập phân hay hàng nghìn (dấu phẩy là dấu thập phân); hàng nghìn ghi bằng "
                "dấu chấm, ví dụ 1.000"
            )
        digits = body.replace(",", ".")
    elif re.fullmatch(r"[0-9]+\.[0-9]{1,2}", body):
        raise NotANumber(
            f"«{shown_cell(text)}»: dấu chấm chỉ dùng ngăn hàng nghìn (1.250.000); số thập phân ghi bằng dấu phẩy, ví dụ 2,5"
        )
    else:
        raise NotANumber(f"«{text}» không phải là số (chỉ ghi chữ số, ví dụ 12 hoặc 1.250.000)")
    if negative:
        raise NotANumber(f"số âm ({text})")
    if whole and "." in digits:
        raise NotANumber(f"«{shown_cell(text)}»: phải là số nguyên (đếm số lần, số người: không có phần thập phân)")
    value = float(digits)
    if value > MAX_NUMBER:
        raise NotANumber(f"«{shown_cell(text)}»: số quá lớn (tối đa {shown_number(MAX_NUMBER)})")
    return value


def shown_number(value: float | None) -> str:
    """12 → "12", 1250000 → "1.250.000", 12.5 → "12,5"."""
    if value is None:
        return ""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


# ---------------------------------------------------------------- one form
class _Reader:
    """Reads one returned form's cells against the tables this edition makes for its recipient."""

    def __init__(self, edition: Edition, recipient: Recipient, tables: tuple, returned: ReturnedFile, period=None):
        self.edition, self.recipient, self.read, self.returned = edition, recipient, tables, returned
        self.period = period
        self.expected = form_tables(edition, recipient, period)
        self.parts = part_numbers(self.expected)
        headings = edition.report_form.headings
        self.titles = {
            TASKS: headings.tasks,
            ACTIVITIES: headings.activities,
            INDICATORS: headings.indicators,
            BUDGET: headings.budget,
            NARRATIVE: headings.narrative,
        }

    def part(self, name: str) -> str:
        return f"phần {roman(self.parts[name])}. {wording.sentence_case(self.edition.plain(self.titles[name]).lower())}"

    def rows(self, name: str, optional=lambda matched: ()) -> list[tuple[str, ...] | None]:
        """The read rows matching the expected table's rows, in order (None where a row is missing).
        `optional(matched)`: the indices of expected rows whose absence, given what matched, is no
        problem."""
        table: Table = self.expected[name]
        header = tuple(normal(c) for c in table.columns)
        found = next((t for t in self.read if t and t[0][: len(header)] == header), None)
        if found is None:
            self.returned.problems.append(
                f"không tìm thấy bảng {self.part(name)} (tiêu đề cột đã bị sửa hoặc bảng bị xóa)"
            )
            return [None] * len(table.rows)
        body, matched, position, used = found[1:], [], 0, set()
        for row in table.rows:
            label = normal(row[1])
            index = next((i for i in range(position, len(body)) if len(body[i]) > 1 and body[i][1] == label), None)
            if index is None:
                matched.append(None)
            else:
                matched.append(body[index])
                used.add(index)
                position = index + 1
        excused = set(optional(matched))
        for index, (row, read) in enumerate(zip(table.rows, matched, strict=True)):
            if read is None and index not in excused:
                self.returned.problems.append(
                    f"{self.part(name)}: không tìm thấy dòng «{self.short(row[1])}» (tên dòng đã bị sửa hoặc xóa)"
                )
        # A row the unit added is not read: said, so that nothing it wrote is lost without a word.
        for index, row in enumerate(body):
            if index not in used and any(cell for cell in row[2:]):
                self.returned.warnings.append(
                    f"{self.part(name)}: dòng «{self.short(row[1] if len(row) > 1 else '')}» do đơn vị "
                    "thêm vào không được tính; nhập tay vào báo cáo tổng hợp nếu cần"
                )
        return matched

    def tasks(self, periods: int) -> list[tuple[str, tuple[str, ...], str | None]]:
        """(row name, result per period, the lead-in it is a point of) for each task row. A form
        made before an entry's points a), b)… had rows of their own has none of them: they are not
        asked for, and the results on the lead-in's row, if any, are read for the whole entry. A
        lead-in's own row holds nothing to read: it may be missing where its points are found."""
        rows = task_rows(self.edition, self.recipient)
        points = [i for i, row in enumerate(rows) if row.point]
        lead_ins = [i for i, row in enumerate(rows) if row.lead_in]

        def before_points(matched) -> bool:
            return bool(points) and all(matched[i] is None for i in points)

        matched = self.rows(TASKS, lambda matched: points if before_points(matched) else lead_ins)
        old_form = before_points(matched)
        results = []
        for row, read in zip(rows, matched, strict=True):
            if (row.point and old_form) or (row.lead_in and not old_form):
                continue
            cells = (
                tuple(self.text(TASKS, read, (row.number, row.name), c) for c in range(2, 2 + periods) if c < len(read))
                if read
                else ()
            )
            results.append((row.name, cells + ("",) * (periods - len(cells)), row.under))
        return results

    @staticmethod
    def short(text: str) -> str:
        words = normal(text).split(" ")
        return " ".join(words[:8]) + (" …" if len(words) > 8 else "")

    def number(
        self,
        name: str,
        row: tuple[str, ...],
        expected_row: tuple[str, ...],
        column: int,
        *,
        percent: bool = False,
        whole: bool = False,
    ) -> float | None:
        cell = row[column] if column < len(row) else ""
        try:
            return parse_number(cell, percent=percent, whole=whole)
        except NotANumber as err:
            self.left_out(name, expected_row, column, str(err))
            return None

    def text(self, name: str, row: tuple[str, ...], expected_row: tuple[str, ...], column: int) -> str:
        """A text cell, checked as content text is (length, invisible characters, glyphs the font
        lacks): a cell that fails is named and read as empty, so it never reaches a page."""
        cell = row[column] if column < len(row) else ""
        problem = character_problem(cell)
        if problem:
            self.left_out(name, expected_row, column, problem)
            return ""
        return cell

    def location(self, name: str, expected_row: tuple[str, ...], column: int) -> str:
        number = f"dòng {expected_row[0]} " if expected_row[0] else "dòng "
        return (
            f"{self.part(name)}, {number}«{self.short(expected_row[1])}», cột «{self.expected[name].columns[column]}»"
        )

    def cell(self, name: str, expected_row: tuple[str, ...], column: int, message: str) -> str:
        return f"{self.location(name, expected_row, column)}: {message}"

    def left_out(self, name: str, expected_row: tuple[str, ...], column: int, message: str) -> None:
        """A bad figure: named in the tracking list and the summary, left out of the totals."""
        self.returned.invalid.append(self.cell(name, expected_row, column, message))
        self.returned.invalid_cells.append(self.location(name, expected_row, column))

    def report(self) -> UnitReport:
        result = UnitReport()
        periods = len(asked_periods(self.edition, self.period))
        result.tasks = self.tasks(periods)
        result.activities = self.activities()
        if INDICATORS in self.expected:
            read = iter(zip(self.rows(INDICATORS), self.expected[INDICATORS].rows, strict=True))
            for indicator in form_indicators(self.edition, self.recipient):
                row, expected = next(read)
                # "45%" in a cell whose unit is a percentage is 45.
                values = self.values(row, expected, periods, percent=(indicator.unit or "").startswith("%"))
                counts = totals = (None,) * periods
                if indicator.percentage:
                    (count_row, count_expected), (total_row, total_expected) = next(read), next(read)
                    counts = self.values(count_row, count_expected, periods, whole=True)
                    totals = self.values(total_row, total_expected, periods, whole=True)
                    for period, (count, total) in enumerate(zip(counts, totals, strict=True)):
                        if count is not None and total is not None and count > total:
                            # The period's count and total are left out; the unit's other figures count.
                            counts = counts[:period] + (None,) + counts[period + 1 :]
                            totals = totals[:period] + (None,) + totals[period + 1 :]
                            self.left_out(
                                INDICATORS,
                                count_expected,
                                3 + period,
                                f"số đạt ({shown_number(count)}) lớn hơn tổng số ({shown_number(total)})",
                            )
                result.indicators.append((values, counts, totals))
                result.indicator_notes.append(row[3 + periods] if row and len(row) > 3 + periods else "")
        # Figures go where the source is in bieu-mau.yaml (None where this unit was not asked it).
        result.budget = [None] * len(self.edition.report_form.budget_sources)
        result.budget_notes = [""] * len(result.budget)
        read = zip(
            budget_indices(self.edition, self.recipient), self.rows(BUDGET), self.expected[BUDGET].rows, strict=True
        )
        for index, row, expected in read:
            result.budget[index] = self.number(BUDGET, row, expected, 2) if row else None
            result.budget_notes[index] = row[3] if row and len(row) > 3 else ""
        narrative = self.rows(NARRATIVE)
        rows = self.expected[NARRATIVE].rows
        result.difficulties = self.text(NARRATIVE, narrative[0], rows[0], 2) if narrative[0] else ""
        result.proposals = self.text(NARRATIVE, narrative[1], rows[1], 2) if narrative[1] else ""
        return result

    def activities(self) -> list[tuple[float | None, float | None, float | None, str]]:
        """(quantity, participants, women, note) for each activity where it is in bieu-mau.yaml,
        then the "other activity" row; nothing where this unit was not asked it or its row is missing."""
        figures = [(None, None, None, "")] * (len(self.edition.report_form.activities) + 1)
        indices = activity_indices(self.edition, self.recipient)
        for index, row, expected in zip(indices, self.rows(ACTIVITIES), self.expected[ACTIVITIES].rows, strict=True):
            if row is None:
                continue
            before = len(self.returned.invalid)
            quantity, participants, women = (self.number(ACTIVITIES, row, expected, c, whole=True) for c in (3, 4, 5))
            if participants is not None and women is not None and women > participants:
                self.left_out(
                    ACTIVITIES,
                    expected,
                    5,
                    f"số nữ ({shown_number(women)}) lớn hơn số người tham gia ({shown_number(participants)})",
                )
            if len(self.returned.invalid) > before:
                # Which of a bad row's figures are right is not known: the whole row is left out.
                quantity = participants = women = None
            figures[index] = (quantity, participants, women, self.text(ACTIVITIES, row, expected, 6))
        return figures

    def values(
        self, row, expected, periods: int, *, percent: bool = False, whole: bool = False
    ) -> tuple[float | None, ...]:
        if row is None:
            return (None,) * periods
        return tuple(
            self.number(INDICATORS, row, expected, 3 + p, percent=percent, whole=whole) for p in range(periods)
        )


# ---------------------------------------------------------------- all forms
def returned_files(folder: Path) -> list[Path]:
    """The files the collecting office dropped in bao-cao-nhan/ (sub-folders too), except hidden
    files and Word's lock files (~$…); links are not followed."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith((".", "~$")) for part in relative) or path.is_symlink() or not path.is_file():
            continue
        if relative == (RECEIVED,):  # the clerk's received dates, not a returned file
            continue
        found.append(path)
    return found


def linked_files(folder: Path) -> list[Path]:
    """The links (symlinks) among the returned files: never followed, but named, so that a form
    saved as a link is not left out without a word."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if path.is_symlink() and not any(part.startswith((".", "~$")) for part in relative):
            found.append(path)
    return found


def collect(edition: Edition, period: ReportingPeriod | None = None) -> Collection:
    expected = tuple(r for r in distribution(edition)[0].recipients if r.reports)
    by_id = {r.id: r for r in expected}
    files: list[ReturnedFile] = [
        ReturnedFile(
            link,
            problems=[
                "là một liên kết (link), không phải tệp; chương trình không đọc qua liên kết, hãy chép chính tệp "
                "báo cáo vào thư mục bao-cao-nhan"
            ],
        )
        for link in linked_files(edition.folder / RETURNED)
    ]
    inbox = edition.folder / RETURNED
    paths = returned_files(inbox)
    typed = received_dates(inbox, {path.relative_to(inbox).as_posix() for path in paths})
    for path in paths:
        received = typed.get(path.relative_to(inbox).as_posix())
        returned = ReturnedFile(path, received_on=received or datetime.fromtimestamp(path.stat().st_mtime).date())
        files.append(returned)
        _read(edition, by_id, returned, period)
    _mark_duplicates(files)
    return Collection(edition, expected, files, period)


def _read(edition: Edition, by_id: dict[str, Recipient], returned: ReturnedFile, period=None) -> None:
    """Read one returned file: its recipient, date and figures, or why it cannot be counted."""
    try:
        read = read_form(returned.path)
    except NotAForm as err:
        returned.problems.append(str(err))
        return
    if read.identity is None:
        returned.problems.append(
            "không phải biểu mẫu báo cáo do chương trình tạo (không có mã biểu mẫu); nếu là báo cáo "
            "của một đơn vị, nhập số liệu bằng tay"
        )
        return
    year, recipient_id, version = read.identity
    if year != edition.year:
        returned.problems.append(
            f"là biểu mẫu năm {year} (mã {year}/{recipient_id}/{version}), không phải của kế hoạch năm {edition.year}"
        )
        return
    recipient = by_id.get(recipient_id)
    if recipient is None:
        returned.problems.append(
            f"mã đơn vị «{recipient_id}» của biểu mẫu không có trong các nơi phải báo cáo năm {edition.year}"
        )
        return
    returned.recipient = recipient
    if other := other_period(edition, recipient, version, period):
        return returned.problems.append(other)
    if version != form_identity(edition, recipient, period=period).version:
        returned.warnings.append(
            "biểu mẫu được tạo trước lần sửa nội dung gần nhất; số liệu được đọc theo tên dòng, tên cột"
        )
    if read.date_problem:
        returned.warnings.append(f"{read.date_problem}; dùng ngày của tệp")
    elif read.written_date and not edition.year <= read.written_date.year <= edition.year + YEARS_AHEAD:
        returned.warnings.append(
            f"năm ghi trên báo cáo ({read.written_date.year}) ngoài năm của kế hoạch ({edition.year}); dùng ngày của tệp"
        )
        read = ReadForm(read.identity, read.tables, None)
    returned.reported_on, returned.date_written = (
        (read.written_date, True) if read.written_date else (returned.received_on, False)
    )
    returned.report = _Reader(edition, recipient, read.tables, returned, period).report()


def _mark_duplicates(files: list[ReturnedFile]) -> None:
    """Two usable files of one recipient: the later one (by its date, then the file's time) counts."""
    by_recipient: dict[str, list[ReturnedFile]] = {}
    for returned in files:
        if returned.usable:
            by_recipient.setdefault(returned.recipient.id, []).append(returned)
    for group in by_recipient.values():
        group.sort(key=lambda f: (f.reported_on, f.path.stat().st_mtime_ns, f.path.name))
        kept = group[-1]
        for duplicate in group[:-1]:
            duplicate.problems.append(
                f"trùng: đã có tệp {kept.path.name} của cùng đơn vị ({kept.recipient.short_name}), "
                "mới hơn; tệp này không được tính"
            )
