"""Who receives a letter and a report form, and the checks that the plan says so too.

Every section IV entry of a specific body is one recipient; the entry that stands for the communes
("UBND các xã, thị trấn") is one recipient per commune; an entry marked `gui_cong_van: false` is
deliberately not served. Each recipient must be reachable through the plan's "Nơi nhận", directly
or through a group, and must have tasks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Problem
from ..files import name_folded, portable_name_problem
from .schema import Agency, Assignment, IndicatorRef

if TYPE_CHECKING:
    from .edition import Edition

_COMMUNE_KIND = re.compile(r"^(Xã|Thị trấn|Phường)\s+")


@dataclass(frozen=True)
class Recipient:
    """One body that receives a letter and a report form."""

    key: str  # its short name without diacritics: names its folder and files
    name: str  # full name, for "Kính gửi"
    short_name: str
    relation: str  # "giao" or "de_nghi"
    assignment: Assignment  # the section IV entry its tasks come from
    parent: str | None  # line above its own name in its report's header
    own_lines: tuple[str, ...]  # its name as issuing agency of its report, line by line (Decree 30: in full)
    place: str  # place name on its report's date line
    reached_by: str  # how the plan's Nơi nhận reaches it
    commune: bool  # a commune's People's Committee (signs its report "TM. ỦY BAN NHÂN DÂN")
    symbol_code: str | None  # its abbreviation in its own documents' symbols, if the content gives it

    @property
    def tasks(self) -> list[str]:
        return self.assignment.tasks

    @property
    def indicators(self) -> list[IndicatorRef]:
        return self.assignment.indicators


@dataclass(frozen=True)
class NotServed:
    agency: Agency
    reason: str


@dataclass(frozen=True)
class Distribution:
    recipients: tuple[Recipient, ...]
    not_served: tuple[NotServed, ...]


def file_key(name: str) -> str:
    """"Phòng LĐ-TB&XH" → "Phong-LD-TB-XH": a name that survives any file system and e-mail."""
    ascii_name = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(char for char in ascii_name if not unicodedata.combining(char))
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")


def _reach(edition: Edition, agency: Agency) -> str | None:
    """How the plan's Nơi nhận reaches an agency: its own line or the line of a group it is in."""
    for line in edition.plan.recipients:
        if line.agency == agency.id:
            return f"trực tiếp (“{agency.short_name}”)"
    for line in edition.plan.recipients:
        if line.group is not None and line.group in agency.groups:
            return f"qua nhóm “{edition.group_name(line.group)}”"
    return None


def distribution(edition: Edition) -> tuple[Distribution, list[Problem]]:
    recipients: list[Recipient] = []
    not_served: list[NotServed] = []
    problems: list[Problem] = []
    named_at: list[Problem] = []  # where each recipient's name is written, for a clash of file names
    for number, assignment in enumerate(edition.plan.assignments, start=1):
        agency = edition.agency(assignment.agency)
        where = assignment.origin
        if not agency.letter:
            not_served.append(NotServed(agency, "gui_cong_van: false trong co-quan.yaml"))
            continue
        reached = _reach(edition, agency)
        if reached is None:
            problems.append(Problem(where.path, where.line_of("agency"), f"to_chuc_thuc_hien[{number}].co_quan",
                                    f"“{agency.name}” được gửi công văn nhưng không có trong Nơi nhận của kế hoạch "
                                    "(noi_nhan), kể cả qua nhóm; thêm vào noi_nhan hoặc ghi gui_cong_van: false"))
            continue
        if not assignment.tasks:
            problems.append(Problem(where.path, where.line_of("tasks"), f"to_chuc_thuc_hien[{number}].nhiem_vu",
                                    f"“{agency.name}” được gửi công văn nhưng không có nhiệm vụ nào"))
            continue
        if agency.communes:
            for commune in edition.communes.communes:
                place = _COMMUNE_KIND.sub("", commune.name)
                lower = commune.name[0].lower() + commune.name[1:]
                short = f"UBND {lower}"
                recipients.append(Recipient(
                    key=file_key(short), name=f"Ủy ban nhân dân {lower}", short_name=short,
                    relation=agency.relation, assignment=assignment, parent=None, own_lines=("Ủy ban nhân dân", lower),
                    place=place, reached_by=f"qua dòng “{agency.short_name}”", commune=True,
                    symbol_code="UBND",
                ))
                named_at.append(Problem(commune.origin.path, commune.origin.line_of("name"), "don_vi.ten", ""))
        else:
            recipients.append(Recipient(
                key=file_key(agency.short_name), name=agency.name, short_name=agency.short_name,
                relation=agency.relation, assignment=assignment,
                parent=edition.text(agency.parent) if agency.parent else None,
                own_lines=tuple(edition.text(line) for line in agency.header_lines or [agency.name]),
                place=edition.plan.document.place, reached_by=reached, commune=False,
                symbol_code=agency.symbol_code,
            ))
            named_at.append(Problem(agency.origin.path, agency.origin.line_of("short_name"), "co_quan.ten_viet_tat", ""))
    seen: dict[str, Problem] = {}
    for recipient, where in zip(recipients, named_at):
        unportable = portable_name_problem(recipient.key)
        if unportable:
            problems.append(Problem(where.path, where.line, where.field, f"“{recipient.short_name}”: {unportable}"))
        elif name_folded(recipient.key) in seen:
            first = seen[name_folded(recipient.key)]
            problems.append(Problem(where.path, where.line, where.field,
                                    f"“{recipient.short_name}” cho cùng tên tệp ({recipient.key}) với tên ở "
                                    f"{first.path}:{first.line}; đổi một trong hai tên cho khác"))
        else:
            seen[name_folded(recipient.key)] = where
    return Distribution(tuple(recipients), tuple(not_served)), problems
