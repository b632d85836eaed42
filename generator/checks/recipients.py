"""Rules on who receives what: the plan's "Nơi nhận" lines, and the recipients of the letters
(content.distribution), which can only be worked out once every reference resolves."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.distribution import distribution
from ..content.edition import Edition
from ..content.schema import RecipientLine
from ..content.text import roman
from ..errors import Notice, Problem
from .common import at


def recipient_lines(lines: list[RecipientLine], prefix: str, edition: Edition) -> Iterator[Problem]:
    """A "Nơi nhận" list: each line one of agency, group or text, and each reference known."""
    agencies = {a.id for a in edition.registry.agencies}
    groups = {g.id for g in edition.registry.groups}
    for number, line in enumerate(lines, start=1):
        key = f"{prefix}[{number}]"
        given = [name for name in ("agency", "group", "text") if getattr(line, name) is not None]
        if len(given) != 1:
            yield at(
                line.origin,
                given[1] if len(given) > 1 else "agency",
                key,
                "mỗi nơi nhận ghi đúng một trong ba trường: co_quan, nhom hoặc ten",
            )
        elif line.agency is not None and line.agency not in agencies:
            yield line.origin.problem("agency", _unknown_agency(edition, line.agency))
        elif line.group is not None and line.group not in groups:
            yield line.origin.problem("group", f"không có nhóm mã “{line.group}” trong co-quan.yaml")


def _unknown_agency(edition: Edition, code: str) -> str:
    """The message for a Nơi nhận code co-quan.yaml lacks; a unit of a list is reached through the
    entry that stands for its list, which is named."""
    message = f"không có cơ quan mã “{code}” trong co-quan.yaml"
    for unit_list in edition.unit_lists.lists:
        if any(unit.id == code for unit in unit_list.units):
            entries = [a.id for a in edition.registry.agencies if a.unit_list == unit_list.id]
            through = f": ghi mã “{entries[0]}” của co-quan.yaml, mục đại diện danh sách đó" if entries else ""
            return f"{message}; “{code}” là một đơn vị của danh sách “{unit_list.id}” (don-vi.yaml){through}"
    return message


def plan_recipients(edition: Edition) -> Iterator[Problem]:
    yield from recipient_lines(edition.plan.recipients, "noi_nhan", edition)


def letters_reach(edition: Edition) -> Iterator[Problem]:
    """Every body served is reached by the plan's Nơi nhận, has tasks and a name for its files."""
    yield from distribution(edition)[1]


def unassigned_lines(edition: Edition) -> Iterator[Notice]:
    """Notice: a Nơi nhận line naming an agency (co_quan) or a group (nhom) that no entry of Tổ
    chức thực hiện explains. Free-text lines (ten) are superiors and others informed, outside that
    section by nature, and are not reported."""
    plan = edition.plan
    section = f"mục {roman(len(plan.sections) + 1)} ({plan.organisation_title.rstrip(': ').capitalize()})"
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
