"""An appendix table's column widths: each column's share of the source table's width (a DOCX's
grid or first row, a PDF's ruling lines), fitted to the text width the builder gives the page."""

from __future__ import annotations

from ..untrusted import W
from ..writers.layout import appendix_text_mm
from .wordml import cells

EDGE_PT = 2.0  # a PDF's cell edges this close are one ruling line


def _shares(widths: list[float]) -> tuple[float, ...] | None:
    total = sum(widths)
    if not widths or total <= 0 or any(w <= 0 for w in widths):
        return None
    return tuple(w / total for w in widths)


def _number(node, attribute: str = "w") -> float | None:
    value = (node.get(f"{W}{attribute}") or "") if node is not None else ""
    try:
        return float(value.rstrip("%"))
    except ValueError:
        return None


def docx_shares(table, first_row) -> tuple[float, ...] | None:
    """The shares of the first row's cells: from the table's grid (w:gridCol, a cell spanning
    w:gridSpan of them), else from the cells' own widths (w:tcW, all in twips or all in percent)."""
    row = list(cells(first_row)) if first_row is not None else []
    spans = [int(_number(cell.find(f"{W}tcPr/{W}gridSpan"), "val") or 1) for cell in row]
    grid = [_number(col) or 0.0 for col in table.findall(f"{W}tblGrid/{W}gridCol")]
    if row and len(grid) == sum(spans):
        starts = [sum(spans[:i]) for i in range(len(spans))]
        shares = _shares([sum(grid[start : start + span]) for start, span in zip(starts, spans, strict=True)])
        if shares:
            return shares
    widths = [cell.find(f"{W}tcPr/{W}tcW") for cell in row]
    kinds = {(w.get(f"{W}type") or "dxa") if w is not None else None for w in widths}
    if len(kinds) != 1 or kinds & {None, "auto", "nil"}:
        return None
    return _shares([_number(w) or 0.0 for w in widths])


def pdf_shares(boxes: list[tuple[float, float, float, float]], columns: int) -> tuple[float, ...] | None:
    """The shares of a PDF table's columns from its cells' boxes (x0, top, x1, bottom): the ruling
    lines their left and right edges draw; None unless they make `columns` columns."""
    edges: list[float] = []
    for x in sorted({x for box in boxes for x in (box[0], box[2])}):
        if not edges or x - edges[-1] > EDGE_PT:
            edges.append(x)
    if len(edges) != columns + 1:
        return None
    return _shares([b - a for a, b in zip(edges, edges[1:], strict=False)])


def fitted_mm(shares: tuple[float, ...] | None, landscape: bool) -> list[int] | None:
    """Whole millimetres that add up to the page's text width in the shares given (largest
    remainders get the millimetres rounding leaves over); None when the columns are even, which
    is what the content means when it gives no width."""
    if not shares:
        return None
    total = round(appendix_text_mm(landscape))
    exact = [share * total for share in shares]
    widths = [int(w) for w in exact]
    for index in sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])[: total - sum(widths)]:
        widths[index] += 1
    even = total / len(widths)
    if all(abs(w - even) <= 1 for w in widths):
        return None
    return widths
