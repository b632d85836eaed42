"""Rules on the plan's appendices (ke-hoach.yaml phu_luc): tables whose rows fit their columns."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..errors import Problem


def tables(edition: Edition) -> Iterator[Problem]:
    """Each appendix has columns; each row as many cells; an agency column names known bodies."""
    agencies = {a.id for a in edition.registry.agencies}
    for appendix in edition.plan.appendices:
        if not appendix.columns:
            yield appendix.origin.problem("columns", "phụ lục không có cột nào")
        for index, row in enumerate(appendix.rows, start=1):
            if len(row) != len(appendix.columns):
                message = f"dòng có {len(row)} ô nhưng bảng có {len(appendix.columns)} cột"
                yield appendix.origin.problem(f"rows[{index}]", message)
                continue
            for column, cell in zip(appendix.columns, row, strict=True):
                for code in (c.strip() for c in cell.split(",")) if column.agency else ():
                    if code not in agencies:
                        message = f"cột “{column.title}”: không có cơ quan mã “{code}” trong co-quan.yaml"
                        yield appendix.origin.problem(f"rows[{index}]", message)
