"""Rules on the Quyết định that issues the plan, when the content has one (quyet-dinh.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem
from .common import check_date
from .recipients import recipient_lines


def decision(edition: Edition) -> Iterator[Problem]:
    """Its date exists, it has grounds and articles, a valid number and known recipients."""
    decision = edition.decision
    if decision is None:
        return
    yield from check_date(decision.date)
    for field_name, what in (
        ("grounds", "một dòng Căn cứ"),
        ("articles", "một điều (Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …)"),
    ):
        if not getattr(decision, field_name):
            yield decision.origin.problem(field_name, f"cần ít nhất {what}")
    if decision.number is not None and decision.number < 1:
        yield decision.origin.problem("number", f"số quyết định {decision.number} không hợp lệ")
    meta = edition.plan.document
    if meta.number is not None:
        # The plan is the decision's attachment: a number of its own would be printed nowhere and
        # contradict the decision's.
        yield meta.origin.problem(
            "number",
            f"kế hoạch ban hành kèm theo quyết định (quyet-dinh.yaml) không có số riêng: bỏ số {meta.number} "
            "(so: null); các văn bản ghi số của quyết định",
        )
    yield from recipient_lines(decision.recipients, "noi_nhan", edition)
