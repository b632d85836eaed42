"""Rules on the letters' settings (cong-van.yaml): their date and their numbers in the register."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import at, check_date, unique


def numbers(edition: Edition) -> Iterator[Problem]:
    """Each number is for a known recipient, once, positive, with a date that exists, and is not
    the plan's own number."""
    letters = edition.letters
    known = {a.id for a in edition.registry.agencies}
    known |= {unit.id for unit_list in edition.unit_lists.lists for unit in unit_list.units}
    if letters.date is not None:
        yield from check_date(letters.date, "cong_van.ngay_ban_hanh")
    yield from unique(letters.numbers, "recipient", "cong_van.so.noi_nhan", "nơi nhận")
    for number, entry in enumerate(letters.numbers, start=1):
        key = f"so[{number}]"
        if entry.recipient not in known:
            yield at(
                entry.origin,
                "recipient",
                f"{key}.noi_nhan",
                f"không có cơ quan hay đơn vị mã “{entry.recipient}” trong co-quan.yaml, don-vi.yaml",
            )
        if entry.number < 1:
            yield at(entry.origin, "number", f"{key}.so", "số công văn phải lớn hơn 0")
        if entry.date is not None:
            yield from check_date(entry.date, f"{key}.ngay_ban_hanh")
    yield from unique(letters.numbers, "number", "cong_van.so.so", "số công văn")
    yield from _not_the_plans(edition)


def _not_the_plans(edition: Edition) -> Iterator[Problem]:
    plan_number = edition.plan.document.number
    for number, entry in enumerate(edition.letters.numbers, start=1):
        if plan_number is not None and entry.number == plan_number:
            yield at(
                entry.origin,
                "number",
                f"so[{number}].so",
                f"số {entry.number} là số của chính kế hoạch (ke-hoach.yaml van_ban.so); "
                "mỗi công văn phải có số riêng đã vào sổ",
            )
