"""Rules on the letters' settings (cong-van.yaml): their date and their numbers in the register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..content.edition import Edition
from ..errors import Notice, Problem
from ..content.schema import PartialDate
from .common import check_date, date_key, unique


def numbers(edition: Edition) -> Iterator[Problem]:
    """Each number is for a known recipient, once, positive, with a date that exists, and is not
    the plan's own number; no letter is dated before the plan it carries out."""
    letters = edition.letters
    known = {a.id for a in edition.registry.agencies}
    known |= {unit.id for unit_list in edition.unit_lists.lists for unit in unit_list.units}
    if letters.date is not None:
        # Named as before the key path was kept: the file has no cong_van key.
        yield from check_date(letters.date, "cong_van.ngay_ban_hanh")
    yield from unique(letters.numbers, "recipient", "cong_van.so.noi_nhan", "nơi nhận")
    for entry in letters.numbers:
        if entry.recipient not in known:
            yield entry.origin.problem(
                "recipient",
                f"không có cơ quan hay đơn vị mã “{entry.recipient}” trong co-quan.yaml, don-vi.yaml",
            )
        if entry.number < 1:
            yield entry.origin.problem("number", "số công văn phải lớn hơn 0")
        if entry.date is not None:
            yield from check_date(entry.date)
    yield from unique(letters.numbers, "number", "cong_van.so.so", "số công văn")
    yield from _not_the_plans(edition)
    yield from _not_before_the_plan(edition)


def _not_the_plans(edition: Edition) -> Iterator[Problem]:
    plan_number = edition.plan.document.number
    for entry in edition.letters.numbers:
        if plan_number is not None and entry.number == plan_number:
            yield entry.origin.problem(
                "number",
                f"số {entry.number} là số của chính kế hoạch (ke-hoach.yaml van_ban.so); "
                "mỗi công văn phải có số riêng đã vào sổ",
            )


def _not_before_the_plan(edition: Edition) -> Iterator[Problem]:
    """A letter says "Thực hiện Kế hoạch số … ngày …": a day before the plan's cannot be right. Only
    dates known to be earlier count (a month alone is any of its days)."""
    plan = edition.plan.document.date
    dates = [(letters_date, "cong_van.ngay_ban_hanh") for letters_date in [edition.letters.date] if letters_date]
    dates += [(entry.date, None) for entry in edition.letters.numbers if entry.date is not None]
    for date, key in dates:
        if date_key(date, last=True) < date_key(plan, last=False):
            yield Problem(
                date.origin.path,
                date.origin.line_of("day" if date.day is not None else "month" if date.month else "year"),
                key or date.origin.key,
                f"công văn ngày {_shown(date)} sớm hơn ngày của kế hoạch ({_shown(plan)}, {Path(plan.origin.path).name} "
                f"{plan.origin.key}): công văn triển khai kế hoạch ghi ngày đó hoặc ngày sau",
            )


def _shown(date: PartialDate) -> str:
    return "/".join(f"{part:02d}" if part < 100 else str(part) for part in (date.day, date.month, date.year) if part)


def number_days(edition: Edition) -> Iterator[Notice]:
    """Notice: a letter's number and day are given together (Decree 30, Art. 15): a numbered letter with
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
