"""Who receives a letter and a report form, and the checks that the plan says so too.

Every body named by a section IV entry is one recipient (an entry may name several; a body named by
several entries gets the tasks of all of them, in the plan's order); an entry that
stands for a unit list (the communes of a province, the hamlets of a commune) is one recipient per
unit, or one for the whole list where the list says so; a body marked `gui_cong_van: false` is
deliberately not served. Each recipient must be reachable through the plan's "Nơi nhận", directly
or through a group, and must have tasks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import Problem
from ..files import name_folded, portable_name_problem
from .text import without_marks
from .schema import Agency, Assignment, IndicatorRef, RecipientKind, Unit, UnitList

if TYPE_CHECKING:
    from .edition import Edition

# Printed where a letter to a whole unit list leaves each unit to write its own name.
UNIT_BLANK = "……"


@dataclass(frozen=True)
class Recipient:
    """One body that receives a letter and, if its kind reports, a report form."""

    id: str  # its code in co-quan.yaml or don-vi.yaml: the letters' numbers refer to it
    key: str  # its short name without diacritics: names its folder and files
    name: str  # full name, for "Kính gửi"
    short_name: str
    kind: RecipientKind  # how the issuer speaks to it, whether it reports, how its form is headed
    assignment: Assignment  # the section IV entry its tasks come from
    entry: str  # the code of the co-quan.yaml entry the section IV entry names for it
    parent: str | None  # line above its own name in its report's header
    own_lines: tuple[str, ...]  # its name as issuing agency of its report, line by line (Decree 30: in full)
    place: str  # place name on its report's date line
    reached_by: str  # how the plan's Nơi nhận reaches it
    signer: tuple[str, ...]  # the signature lines of its report
    signer_note: str | None  # under them, where it differs from bieu-mau.yaml's (a hamlet has no seal)
    symbol_code: str | None  # its abbreviation in its own documents' symbols, if the content gives it
    # What its form tells it, where its unit list says otherwise than bieu-mau.yaml (a hamlet has no
    # seal and no records desk): the instructions as typed, the archive entries ([]: no Lưu line).
    form_instructions: tuple[str, ...] | None = None
    form_archive: tuple[str, ...] | None = None

    @property
    def tasks(self) -> list[str]:
        return self.assignment.tasks

    @property
    def indicators(self) -> list[IndicatorRef]:
        return self.assignment.indicators

    @property
    def reports(self) -> bool:
        """Asked for a report, on a form sent with the letter."""
        return self.kind.report is not None and self.kind.form != "khong"


@dataclass(frozen=True)
class NotServed:
    agency: Agency
    reason: str  # in a clerk's words


@dataclass(frozen=True)
class Distribution:
    recipients: tuple[Recipient, ...]
    not_served: tuple[NotServed, ...]


# Names the program itself writes in output/<year>/ (the summary's folder and its set-aside copies,
# the sending list, the plan): a recipient folder of one of these names would take their place.
# Compared after name_folded, as Windows and macOS compare names.
PROGRAM_NAMES = frozenset({"tong-hop", "ban-sua-tay", "danh-sach-gui", "ke-hoach"})


def file_key(name: str) -> str:
    """ "Phòng LĐ-TB&XH" → "Phong-LD-TB-XH": a name that survives any file system and e-mail."""
    return re.sub(r"[^A-Za-z0-9]+", "-", without_marks(name)).strip("-")


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: "Xã An Khương" → "xã An Khương"."""
    return name[:1].lower() + name[1:]


def reach(edition: Edition, agency: Agency) -> str | None:
    """How the plan's Nơi nhận reaches an agency: its own line or the line of a group it is in."""
    for line in edition.plan.recipients:
        if line.agency == agency.id:
            return edition.plain(edition.words.distribution.reach.own_line, ten=edition.plain(agency.short_name))
    for line in edition.plan.recipients:
        if line.group is not None and line.group in agency.groups:
            return edition.plain(
                edition.words.distribution.reach.group, nhom=edition.plain(edition.group_name(line.group))
            )
    if agency.unit_list is not None:  # a list of units whose every unit has its own line
        units = edition.unit_list(agency.unit_list)
        lines = {edition.plain(line.text) for line in edition.plan.recipients if line.text is not None}
        if units.units and all(edition.plain(units.short_name, **_unit_values(u)) in lines for u in units.units):
            return edition.plain(edition.words.distribution.reach.unit_lines)
    return None


def reaching_line(edition: Edition, agency: Agency) -> str | None:
    """The line of the plan's Nơi nhận that reaches an agency, as printed: its own, or its group's."""
    if any(line.agency == agency.id for line in edition.plan.recipients):
        return edition.plain(agency.short_name)
    group = next((line.group for line in edition.plan.recipients if line.group and line.group in agency.groups), None)
    return edition.plain(edition.group_name(group)) if group else None


def _unit_values(unit: Unit | None) -> dict[str, str]:
    """The placeholders of a unit list's templates for one unit, or blanks for a letter to the whole list."""
    if unit is None:
        return dict.fromkeys(("ten_don_vi", "ten_don_vi_trong_cau", "dia_danh_don_vi", "loai_don_vi"), UNIT_BLANK)
    place = unit.place or unit.name
    return {
        "ten_don_vi": unit.name,
        "ten_don_vi_trong_cau": in_sentence(unit.name),
        "dia_danh_don_vi": place,
        # The name before its place, where a header breaks it: "Trường Tiểu học" of "… Tân Khai".
        "loai_don_vi": unit.name.removesuffix(place).rstrip(),
    }


def _unit_recipient(
    edition: Edition, agency: Agency, unit_list: UnitList, unit: Unit | None, assignment: Assignment
) -> Recipient:
    values = _unit_values(unit)
    kind = edition.kind(unit_list.kind)
    # A unit may head its own form (a school whose name breaks elsewhere than its list's pattern).
    lines = unit.header_lines if unit is not None and unit.header_lines is not None else unit_list.header_lines
    parent = unit.parent if unit is not None and unit.parent is not None else unit_list.parent
    if unit is None:
        name, short_name, ident = edition.plain(agency.name), edition.plain(agency.short_name), agency.id
    else:
        name, short_name, ident = (
            edition.plain(unit_list.addressed, **values),
            edition.plain(unit_list.short_name, **values),
            unit.id,
        )
    return Recipient(
        id=ident,
        key=file_key(short_name),
        name=name,
        short_name=short_name,
        kind=kind,
        assignment=assignment,
        entry=agency.id,
        parent=edition.plain(parent, **values) if parent else None,
        own_lines=tuple(edition.plain(line, **values) for line in lines),
        place=edition.plain(unit_list.place, **values),
        reached_by=_unit_reached_by(edition, agency, short_name),
        signer=tuple(edition.plain(line) for line in unit_list.form_signer),
        signer_note=edition.plain(unit_list.signer_note) if unit_list.signer_note else None,
        symbol_code=_unit_symbol(edition, unit_list, unit, values),
        form_instructions=tuple(unit_list.form_instructions) if unit_list.form_instructions is not None else None,
        form_archive=tuple(unit_list.form_archive) if unit_list.form_archive is not None else None,
    )


def _unit_symbol(edition: Edition, unit_list: UnitList, unit: Unit | None, values: dict[str, str]) -> str | None:
    """A unit's own abbreviation (two schools of one list), else its list's pattern, else none."""
    if unit is not None and unit.symbol_code:
        return edition.plain(unit.symbol_code)
    return edition.plain(unit_list.symbol_code, **values) if unit_list.symbol_code else None


def _unit_reached_by(edition: Edition, agency: Agency, short_name: str) -> str:
    """How the plan's Nơi nhận reaches a unit of a list: through the line of its list (or of the
    list's group), else through its own line (reach: every unit of the list has one)."""
    words = edition.words.distribution.reach
    line = reaching_line(edition, agency)
    if line is None:
        return edition.plain(words.own_line, ten=short_name)
    return edition.plain(words.list_line, dong=line)


def _agency_recipient(edition: Edition, agency: Agency, assignment: Assignment, reached: str) -> Recipient:
    kind = edition.agency_kind(agency)
    return Recipient(
        id=agency.id,
        key=file_key(edition.plain(agency.short_name)),
        name=edition.plain(agency.name),
        short_name=edition.plain(agency.short_name),
        kind=kind,
        assignment=assignment,
        entry=agency.id,
        parent=edition.plain(agency.parent) if agency.parent else None,
        own_lines=tuple(edition.plain(line) for line in agency.header_lines or [agency.name]),
        place=edition.issuer.place,
        reached_by=reached,
        signer=tuple(edition.plain(line) for line in agency.form_signer or kind.form_signer),
        signer_note=None,
        symbol_code=agency.symbol_code,
    )


def assignments_by_body(edition: Edition) -> dict[str, Assignment]:
    """Each body of section IV with what it is assigned: its first entry, with the tasks, indicators
    and plan targets of every later entry that names it too ("Ủy ban MTTQ và các tổ chức chính trị -
    xã hội" after the Hội LHPN's own entry). An entry with points a), b)… is not merged: the checks
    refuse a body named there and elsewhere."""
    if "assignments_by_body" not in edition.prepared:
        merged: dict[str, Assignment] = {}
        for assignment in edition.plan.assignments:
            for agency_id in dict.fromkeys(assignment.agencies):
                first = merged.get(agency_id)
                merged[agency_id] = assignment if first is None else _merged(first, assignment)
        edition.prepared["assignments_by_body"] = merged
    return edition.prepared["assignments_by_body"]


def _merged(first: Assignment, later: Assignment) -> Assignment:
    def asking(ref: IndicatorRef) -> tuple:
        return ref.objective, tuple(ref.indicators), ref.narrowing

    asked = {asking(ref) for ref in first.indicators}
    scopes = {scope.target for scope in first.plan_target_scopes}
    return replace(
        first,
        tasks=[*first.tasks, *later.tasks],
        indicators=[*first.indicators, *(ref for ref in later.indicators if asking(ref) not in asked)],
        plan_targets=list(dict.fromkeys([*first.plan_targets, *later.plan_targets])),
        plan_target_scopes=[
            *first.plan_target_scopes,
            *(s for s in later.plan_target_scopes if s.target not in scopes),
        ],
    )


def distribution(edition: Edition) -> tuple[Distribution, tuple[Problem, ...]]:
    """Who gets which letter and form, with the problems that keep a body from getting one;
    worked out once per edition, whichever stage asks first."""
    if "distribution" not in edition.prepared:
        edition.prepared["distribution"] = _distribution(edition)
    return edition.prepared["distribution"]


def _distribution(edition: Edition) -> tuple[Distribution, tuple[Problem, ...]]:
    recipients: list[Recipient] = []
    not_served: list[NotServed] = []
    problems: list[Problem] = []
    named_at: list[Problem] = []  # where each recipient's name is written, for a clash of file names
    bodies = assignments_by_body(edition)
    served: set[str] = set()
    for number, entry in enumerate(edition.plan.assignments, start=1):
        for agency_id in entry.agencies:
            if agency_id in served:  # named by an earlier entry too: served there, with these tasks
                continue
            served.add(agency_id)
            assignment = bodies[agency_id]
            agency = edition.agency(agency_id)
            if not agency.letter:
                not_served.append(NotServed(agency, edition.plain(edition.words.distribution.not_served_reason)))
                continue
            reached = reach(edition, agency)
            problem = _unservable(edition, agency, assignment, number, reached)
            if problem is not None:
                problems.append(problem)
                continue
            for recipient, where in _recipients_of(edition, agency, assignment, reached):
                recipients.append(recipient)
                named_at.append(where)
    problems += _file_name_problems(recipients, named_at)
    return Distribution(tuple(recipients), tuple(not_served)), tuple(problems)


def _unservable(
    edition: Edition, agency: Agency, assignment: Assignment, number: int, reached: str | None
) -> Problem | None:
    """Why a body to be sent a letter cannot be: the Nơi nhận does not reach it, or it has no tasks."""
    where, name = assignment.origin, edition.plain(agency.name)
    if reached is None:
        return Problem(
            where.path,
            where.line_of("agencies"),
            f"to_chuc_thuc_hien[{number}].co_quan",
            f"“{name}” được gửi công văn nhưng không có trong Nơi nhận của kế hoạch "
            "(noi_nhan), kể cả qua nhóm; thêm vào noi_nhan hoặc ghi gui_cong_van: false",
        )
    if not assignment.tasks and not assignment.points:
        return Problem(
            where.path,
            where.line_of("tasks"),
            f"to_chuc_thuc_hien[{number}].nhiem_vu",
            f"“{name}” được gửi công văn nhưng không có nhiệm vụ nào",
        )
    return None


def _recipients_of(
    edition: Edition, agency: Agency, assignment: Assignment, reached: str
) -> Iterator[tuple[Recipient, Problem]]:
    """The recipients a body of section IV stands for, each with where its name is written: the
    body itself, its unit list as one, or each unit of the list."""
    named_here = Problem(agency.origin.path, agency.origin.line_of("short_name"), "co_quan.ten_viet_tat", "")
    if agency.unit_list is None:
        yield _agency_recipient(edition, agency, assignment, reached), named_here
        return
    unit_list = edition.unit_list(agency.unit_list)
    if unit_list.one_letter:
        yield _unit_recipient(edition, agency, unit_list, None, assignment), named_here
        return
    for unit in unit_list.units:
        named = Problem(unit.origin.path, unit.origin.line_of("name"), "don_vi.ten", "")
        yield _unit_recipient(edition, agency, unit_list, unit, assignment), named


def _file_name_problems(recipients: list[Recipient], named_at: list[Problem]) -> Iterator[Problem]:
    """Each recipient's file name is portable, not one the program uses, and its own."""
    seen: dict[str, Problem] = {}
    for recipient, where in zip(recipients, named_at, strict=True):
        unportable = portable_name_problem(recipient.key)
        if unportable:
            yield Problem(where.path, where.line, where.field, f"“{recipient.short_name}”: {unportable}")
        elif name_folded(recipient.key) in PROGRAM_NAMES:
            yield Problem(
                where.path,
                where.line,
                where.field,
                f"“{recipient.short_name}” cho tên thư mục {recipient.key}, trùng tên chương trình dùng cho "
                "tệp của mình (" + ", ".join(sorted(PROGRAM_NAMES)) + "); đổi tên viết tắt cho khác",
            )
        elif name_folded(recipient.key) in seen:
            first = seen[name_folded(recipient.key)]
            yield Problem(
                where.path,
                where.line,
                where.field,
                f"“{recipient.short_name}” cho cùng tên tệp ({recipient.key}) với tên ở "
                f"{first.path}:{first.line}; đổi một trong hai tên cho khác",
            )
        else:
            seen[name_folded(recipient.key)] = where
