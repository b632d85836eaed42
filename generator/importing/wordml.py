"""Where a Word document keeps its words, beyond the w:p and w:r a naive reader finds.

Paragraphs and tables can sit inside block-level content controls (w:sdt) or custom XML, rows and
cells inside row- and cell-level ones; a paragraph's runs inside run-level content controls,
hyperlinks, smart tags, simple fields, custom XML, bidirectional spans and tracked insertions or
moves. All of them read as if the wrapper were not there, except what Word does not show: tracked
deletions and moves away (w:del, w:moveFrom), text formatted as hidden (w:vanish on the run: a
drafter's note Word neither shows nor prints), and a content control still showing its placeholder
("Bấm vào đây để nhập văn bản"). A complex field's result is ordinary runs; its instruction is
w:instrText, which is never read as text. What is not named here (w:del, w:moveFrom, bookmarks,
proofing marks) is skipped. A text box's paragraphs read as part of the paragraph that anchors it,
once: of a drawing's alternatives (mc:AlternateContent, a DrawingML box and its VML copy), the first.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..untrusted import W

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Wrappers whose children stand in their place, at the levels they can wrap.
INLINE = {f"{W}{tag}" for tag in ("hyperlink", "smartTag", "ins", "moveTo", "fldSimple", "customXml", "bdo", "dir")}
BLOCK = {f"{W}customXml"}


def control_content(sdt):
    """A content control's content, or None while it shows its placeholder text."""
    if sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None:
        return None
    return sdt.find(f"{W}sdtContent")


def _unwrapped(container, wanted: tuple[str, ...], wrappers: set[str]) -> Iterator:
    """The `wanted` children of `container`, also inside content controls and `wrappers`."""
    for child in container:
        if child.tag in wanted:
            yield child
        elif child.tag == f"{W}sdt":
            content = control_content(child)
            if content is not None:
                yield from _unwrapped(content, wanted, wrappers)
        elif child.tag in wrappers:
            yield from _unwrapped(child, wanted, wrappers)
        elif child.tag == f"{MC}AlternateContent" and len(child):
            yield from _unwrapped(child[0], wanted, wrappers)


def blocks(container) -> Iterator:
    """The w:p and w:tbl of a body or a cell, in order."""
    return _unwrapped(container, (f"{W}p", f"{W}tbl"), BLOCK)


def rows(table) -> Iterator:
    return _unwrapped(table, (f"{W}tr",), BLOCK)


def cells(row) -> Iterator:
    return _unwrapped(row, (f"{W}tc",), BLOCK)


def property_on(run_properties, tag: str) -> bool:
    """Whether a run's on/off property (w:b, w:i, w:vanish) is set: present, and not turned off by
    its w:val."""
    node = run_properties.find(f"{W}{tag}") if run_properties is not None else None
    return node is not None and node.get(f"{W}val", "true") not in ("0", "false", "off", "none")


def runs(paragraph) -> Iterator:
    """The w:r of a paragraph that Word shows, in order, a text box's after the run holding it."""
    for run in _unwrapped(paragraph, (f"{W}r",), INLINE):
        if property_on(run.find(f"{W}rPr"), "vanish"):  # hidden text: Word neither shows nor prints it
            continue
        yield run
        for child in run:
            first = child[0] if child.tag == f"{MC}AlternateContent" and len(child) else child
            for box in first.iter(f"{W}txbxContent"):
                for block in blocks(box):
                    yield from runs(block) if block.tag == f"{W}p" else ()


def cell_paragraphs(cell) -> Iterator:
    """Every paragraph of a cell, a nested table's row by row."""
    for block in blocks(cell):
        if block.tag == f"{W}p":
            yield block
        else:
            for row in rows(block):
                for inner in cells(row):
                    yield from cell_paragraphs(inner)
