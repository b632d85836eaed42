"""Rules on the Quyết định that issues the plan, when the content has one (quyet-dinh.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import at, check_date
from .recipients import recipient_lines


def decision(edition: Edition) -> Iterator[Problem]:
    """Its date exists, it has grounds and articles, a valid number and known recipients."""
    decision = edition.decision
    if decision is None:
        return
    yield from check_date(decision.date, "ngay_ban_hanh")
    for field_name, key, what in (
        ("grounds", "can_cu", "một dòng Căn cứ"),
        ("articles", "dieu", "một điều (Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …)"),
    ):
        if not getattr(decision, field_name):
            yield at(decision.origin, field_name, key, f"cần ít nhất {what}")
    if decision.number is not None and decision.number < 1:
        yield at(decision.origin, "number", "so", f"số quyết định {decision.number} không hợp lệ")
    yield from recipient_lines(decision.recipients, "noi_nhan", edition)
