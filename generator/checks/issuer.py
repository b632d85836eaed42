"""Rules on the issuer (co-quan-ban-hanh.yaml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..content.schema import DISTRICT_LEVELS, PartialDate
from ..errors import Problem


def _after_reform(date: PartialDate) -> bool:
    """Issued on or after 1 July 2025, when district-level government ended."""
    return (date.year, date.month or 1) >= (2025, 7)


def level_in_force(edition: Edition) -> Iterator[Problem]:
    """No district-level issuer for a plan issued after the reform of 1 July 2025."""
    issuer, date = edition.issuer, edition.plan.document.date
    if issuer.level in DISTRICT_LEVELS and _after_reform(date):
        yield issuer.origin.problem(
            "level",
            f"từ ngày 01/7/2025 không còn chính quyền cấp huyện; kế hoạch "
            f"năm {date.year} do UBND tỉnh, thành phố hoặc xã, phường, đặc khu ban hành",
        )


def header_lines(edition: Edition) -> Iterator[Problem]:
    """The issuer's name is printed in the header: at least one line of it."""
    issuer = edition.issuer
    if not issuer.header_lines:
        yield issuer.origin.problem(
            "header_lines",
            'cần ít nhất một dòng tên cơ quan ban hành, ví dụ ["Ủy ban nhân dân", "xã …"]',
        )
