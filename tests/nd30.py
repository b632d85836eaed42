"""Decree 30/2020 (Phụ lục I) layout checks, read back from a generated DOCX or PDF.

The checks follow the table in /work/shared/reference/nd30-format.md §14 (IDs such as HD3, BD4 are
quoted in the messages). They find the parts of a document by their text and position, never by
the generator's style names, so they work on any kind of document and on a template edited in
Word:

* a document with a type name (Kế hoạch, Báo cáo…):
      check_header(doc, type_name="KẾ HOẠCH", title="Triển khai …", type_code="KH")
* a công văn (no type name; "V/v …" under the number; "Kính gửi"):
      check_header(doc, type_name=None, title="V/v triển khai …")
      check_addressees(doc, ["Kính gửi: …"] or ["Kính gửi:", "- A;", "- B."])
      check_body(doc, addressees=[...same lines...])
      check_signature(doc, lines=[...], name="…", addressed=True)

Every check raises AssertionError listing every problem it found, with the element and the rule.

Formatting is resolved as Word does it, property by property: run → character style chain →
paragraph style chain (basedOn) → table style chain → document defaults (docDefaults). Toggle
properties (bold, italic) take the first explicit value in that order.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import astuple, dataclass
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator, Sequence

from docx.oxml.ns import qn

# ----------------------------------------------------------------------------- constants (§1–§9)
NATIONAL_NAMES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20

A4_MM = (210.0, 297.0)
PAGE_TOLERANCE_MM = 0.5
MARGIN_TOLERANCE_MM = 0.2
MARGINS_MM = {"top": (20.0, 25.0), "bottom": (20.0, 25.0), "left": (30.0, 35.0), "right": (15.0, 20.0)}
FIRST_LINE_INDENTS_MM = (10.0, 12.7)
INDENT_TOLERANCE_MM = 0.5  # ±0.05 cm
SIGNATURE_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
ACADEMIC_TITLES = ("TS.", "ThS.", "PGS.", "GS.")
# Phụ lục III type abbreviations: a công văn's symbol must not start with one of them.
# fmt: off
TYPE_CODES = ["NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL"]
# fmt: on

# HD6 / HD7 with the blanks a draft leaves for handwriting (two or more spaces).
_NUMBER = r"(?:0[1-9]|[1-9][0-9]+)"
_SYMBOL = r"[A-Za-zĐđ&]+(?:-[A-Za-zĐđ0-9&]+)+"
NUMBER_LINE = re.compile(rf"^Số:(?: ?{_NUMBER}| {{2,}})/(?P<symbol>{_SYMBOL})$")
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:0[12]|[3-9]|1[0-2])"
# The year too is a blank on a form filled in several years (a five-year plan's yearly reports).
PLACE_DATE_LINE = re.compile(rf"^[^,]+, ngày(?: {_DAY} | {{2,}})tháng(?: {_MONTH} | {{2,}})năm(?: [0-9]{{4}}| *)$")
ARCHIVE_LINE = re.compile(r"^- Lưu: VT(, .+)?\.$")


# ----------------------------------------------------------------------------- small helpers
def mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def _on(element) -> bool:
    """A toggle (w:b, w:i…) element: present without w:val, or with a true value."""
    return element.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


def _int(value: str | None) -> int | None:
    return None if value is None else int(float(value))


def normalise(text: str) -> str:
    """NFC, whitespace runs collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class Problems:
    """Collects the problems of one check and raises them together."""

    def __init__(self, check: str):
        self.check = check
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(message)

    def expect(self, condition: bool, message: str) -> bool:
        if not condition:
            self.add(message)
        return bool(condition)

    def raise_if_any(self) -> None:
        if self.items:
            listing = "\n  - ".join(self.items)
            raise AssertionError(f"{self.check}: {len(self.items)} problem(s):\n  - {listing}")


# ----------------------------------------------------------------------------- text of the XML
def paragraph_text(p) -> str:
    """The visible text of a w:p (runs, also inside fields and hyperlinks; tabs, breaks and
    no-break hyphens). A no-break hyphen shows as a hyphen and a no-break space as a space: where
    a line may break is layout, not text."""
    parts = []
    for element in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if element.tag == qn("w:t"):
            parts.append((element.text or "").replace("\u00a0", " "))
        elif element.tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif element.tag == qn("w:tab"):
            # w:tab is also the name of a tab stop inside w:tabs; only count it inside a run.
            if element.getparent().tag == qn("w:r"):
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def text_runs(p) -> list:
    """The w:r elements of a paragraph that carry visible text (not whitespace-only)."""
    runs = []
    for run in p.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.findall(qn("w:t")))
        if text.strip():
            runs.append(run)
    return runs


def run_text(run) -> str:
    return "".join(t.text or "" for t in run.findall(qn("w:t")))


def block_items(container) -> Iterator:
    """The w:p and w:tbl children of a body or cell, in document order."""
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from block_items(content)


def rows(tbl) -> list:
    return tbl.findall(qn("w:tr"))


def cells(tr) -> list:
    return tr.findall(qn("w:tc"))


def all_paragraphs(container) -> Iterator:
    """Every paragraph in document order, table cells included (row by row, cell by cell)."""
    for item in block_items(container):
        if item.tag == qn("w:p"):
            yield item
        else:
            for tr in rows(item):
                for tc in cells(tr):
                    yield from all_paragraphs(tc)


def document_text_paragraphs(document) -> list[str]:
    """Texts of the body paragraphs and table cells in document order (no headers/footers)."""
    return [paragraph_text(p) for p in all_paragraphs(document.element.body)]


def story_roots(document) -> list[tuple[str, object]]:
    """Main body plus every header and footer part, as (name, XML root)."""
    roots = [("body", document.element.body)]
    seen = set()
    for index, section in enumerate(document.sections, start=1):
        for kind in (
            "header",
            "first_page_header",
            "even_page_header",
            "footer",
            "first_page_footer",
            "even_page_footer",
        ):
            part = getattr(section, kind)
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            roots.append((f"section {index} {kind}", element))
    return roots


# ----------------------------------------------------------------------------- style resolution
class Resolver:
    """Word's property inheritance for one document."""

    def __init__(self, document):
        root = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        defaults = root.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None else None
        self.default_style = {}
        for style in root.findall(qn("w:style")):
            if style.get(qn("w:default")) in ("1", "true", "on"):
                self.default_style[style.get(qn("w:type"))] = style

    def chain(self, style_id: str | None, kind: str) -> list:
        """The style and its basedOn ancestors; the default style of the kind when none is named."""
        style = self.styles.get(style_id) if style_id else self.default_style.get(kind)
        result, seen = [], set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            result.append(style)
            based = style.find(qn("w:basedOn"))
            style = self.styles.get(based.get(qn("w:val"))) if based is not None else None
        return result

    @staticmethod
    def _table_of(p):
        for ancestor in p.iterancestors(qn("w:tbl")):
            return ancestor
        return None

    def _table_style_chain(self, p) -> list:
        tbl = self._table_of(p)
        if tbl is None:
            return []
        style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        return self.chain(style.get(qn("w:val")) if style is not None else None, "table")

    def _paragraph_style_chain(self, p) -> list:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return self.chain(style.get(qn("w:val")) if style is not None else None, "paragraph")

    def ppr_sources(self, p) -> list:
        sources = [p.find(qn("w:pPr"))]
        sources += [s.find(qn("w:pPr")) for s in self._paragraph_style_chain(p)]
        sources += [s.find(qn("w:pPr")) for s in self._table_style_chain(p)]
        sources.append(self.default_ppr)
        return [s for s in sources if s is not None]

    def rpr_sources(self, run, p) -> list:
        rpr = run.find(qn("w:rPr"))
        sources = [rpr]
        if rpr is not None and rpr.find(qn("w:rStyle")) is not None:
            sources += [s.find(qn("w:rPr")) for s in self.chain(rpr.find(qn("w:rStyle")).get(qn("w:val")), "character")]
        sources += [s.find(qn("w:rPr")) for s in self._paragraph_style_chain(p)]
        sources += [s.find(qn("w:rPr")) for s in self._table_style_chain(p)]
        sources.append(self.default_rpr)
        return [s for s in sources if s is not None]

    @staticmethod
    def _first(sources: Iterable, getter: Callable):
        for source in sources:
            value = getter(source)
            if value is not None:
                return value
        return None

    # --- paragraph properties
    def ppr(self, p, getter: Callable):
        return self._first(self.ppr_sources(p), getter)

    def alignment(self, p) -> str:
        value = self.ppr(p, lambda ppr: _attr(ppr, "w:jc", "w:val"))
        return {"both": "both", "distribute": "both", "start": "left", "end": "right"}.get(value, value or "left")

    def indent(self, p, which: str) -> int:
        """left/right/firstLine/hanging in twips (w:start/w:end accepted)."""
        names = {"left": ("w:left", "w:start"), "right": ("w:right", "w:end")}.get(which, (f"w:{which}",))

        def get(ppr):
            ind = ppr.find(qn("w:ind"))
            if ind is None:
                return None
            for name in names:
                if ind.get(qn(name)) is not None:
                    return _int(ind.get(qn(name)))
            if which == "firstLine" and ind.get(qn("w:hanging")) is not None:
                return -_int(ind.get(qn("w:hanging")))  # a hanging indent overrides a first-line one
            return None

        return self.ppr(p, get) or 0

    def spacing(self, p, which: str) -> int | None:
        return _int(self.ppr(p, lambda ppr: _attr(ppr, "w:spacing", f"w:{which}")))

    def line_rule(self, p) -> str:
        return self.ppr(p, lambda ppr: _attr(ppr, "w:spacing", "w:lineRule")) or "auto"

    def bottom_border(self, p):
        """The resolved w:pBdr/w:bottom element, or None when there is no visible bottom border."""

        def get(ppr):
            border = ppr.find(qn("w:pBdr"))
            if border is None:
                return None
            return border.find(qn("w:bottom"))

        element = self.ppr(p, get)
        if element is None or element.get(qn("w:val")) in ("nil", "none"):
            return None
        return element

    # --- run properties
    def rpr(self, run, p, getter: Callable):
        return self._first(self.rpr_sources(run, p), getter)

    def size_pt(self, run, p) -> float:
        half_points = self.rpr(run, p, lambda rpr: _attr(rpr, "w:sz", "w:val"))
        return int(half_points) / 2 if half_points is not None else 10.0  # Word's built-in default

    def bold(self, run, p) -> bool:
        return bool(self.rpr(run, p, lambda rpr: _toggle(rpr, "w:b")))

    def italic(self, run, p) -> bool:
        return bool(self.rpr(run, p, lambda rpr: _toggle(rpr, "w:i")))

    def caps(self, run, p) -> bool:
        return bool(self.rpr(run, p, lambda rpr: _toggle(rpr, "w:caps")))

    def font(self, run, p, slot: str) -> str | None:
        """The font of one rFonts slot (ascii, hAnsi, cs); a theme font reads "theme:<name>"."""

        def get(rpr):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                return None
            theme = fonts.get(qn(f"w:{slot}Theme" if slot != "cs" else "w:cstheme"))
            if theme is not None:
                return f"theme:{theme}"
            return fonts.get(qn(f"w:{slot}"))

        return self.rpr(run, p, get)

    def colour(self, run, p) -> tuple[str | None, str | None]:
        """(w:color/@w:val, w:color/@w:themeColor) of a run."""

        def get(rpr):
            colour = rpr.find(qn("w:color"))
            if colour is None:
                return None
            return colour.get(qn("w:val")), colour.get(qn("w:themeColor"))

        return self.rpr(run, p, get) or (None, None)


def _attr(parent, tag: str, attribute: str) -> str | None:
    element = parent.find(qn(tag))
    return None if element is None else element.get(qn(attribute))


def _toggle(rpr, tag: str) -> bool | None:
    element = rpr.find(qn(tag))
    return None if element is None else _on(element)


# ----------------------------------------------------------------------------- geometry
def text_width_twips(document) -> int:
    # The first section holds the header, title, body and signature; sections after it are
    # appendices, which may be landscape.
    section = document.sections[0]
    return section.page_width.twips - section.left_margin.twips - section.right_margin.twips


def _table_cell_margins(resolver: Resolver, tc) -> tuple[int, int]:
    """Left and right cell margins in twips: cell → table → table style chain → Word's 108."""
    tbl = next(tc.iterancestors(qn("w:tbl")))
    candidates = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"), tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")]
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    for s in resolver.chain(style.get(qn("w:val")) if style is not None else None, "table"):
        candidates.append(s.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"))
    result = []
    for names in (("w:left", "w:start"), ("w:right", "w:end")):
        value = None
        for margins in candidates:
            if margins is None:
                continue
            for name in names:
                element = margins.find(qn(name))
                if element is not None and element.get(qn("w:type"), "dxa") == "dxa":
                    value = _int(element.get(qn("w:w")))
                    break
            if value is not None:
                break
        result.append(108 if value is None else value)
    return result[0], result[1]


def cell_width_twips(tc) -> int:
    """Width of a cell: its tcW in dxa, else the sum of the grid columns it spans."""
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is not None and width.get(qn("w:type"), "dxa") == "dxa" and _int(width.get(qn("w:w"))):
        return _int(width.get(qn("w:w")))
    tr = tc.getparent()
    tbl = tr.getparent()
    grid = [_int(col.get(qn("w:w"))) for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    start = 0
    for other in cells(tr):
        span = other.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        count = _int(span.get(qn("w:val"))) if span is not None else 1
        if other is tc:
            return sum(grid[start : start + count])
        start += count
    raise AssertionError("cell not found in its row")


def available_width_twips(document, resolver: Resolver, p) -> int:
    """The width a paragraph's lines (and its borders) span: container − indents."""
    tc = next(p.iterancestors(qn("w:tc")), None)
    if tc is None:
        container = text_width_twips(document)
    else:
        left, right = _table_cell_margins(resolver, tc)
        container = cell_width_twips(tc) - left - right
    return container - resolver.indent(p, "left") - resolver.indent(p, "right")


@functools.cache
def _font_metrics(style: str):
    from fontTools.ttLib import TTFont

    from generator.fonts import body_font

    font = TTFont(body_font().files[style])
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def measure_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Advance width of one line of text (no kerning) in the metric-compatible body font."""
    style = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold-italic"}[
        (bold, italic)
    ]
    cmap, metrics, units = _font_metrics(style)
    missing = [c for c in text if ord(c) not in cmap]
    assert not missing, f"font for {style} lacks {missing!r}"
    return sum(metrics[cmap[ord(c)]][0] for c in text) / units * size_pt * 25.4 / 72


def paragraph_width_mm(resolver: Resolver, p) -> float:
    """Width of a paragraph's text set on one line, run by run with each run's own format; of its
    widest line where line breaks (w:br, a title broken into its lines) divide it."""
    widths = [0.0]
    for run in p.iter(qn("w:r")):
        visible = run_text(run).strip()
        for child in run:
            if child.tag == qn("w:br"):
                widths.append(0.0)
            elif child.tag == qn("w:t") and visible and child.text:
                size, bold, italic = resolver.size_pt(run, p), resolver.bold(run, p), resolver.italic(run, p)
                widths[-1] += measure_mm(child.text, size, bold, italic)
    return max(widths)


# ----------------------------------------------------------------------------- locating parts
@dataclass
class Located:
    """A paragraph with where it sits: top level, or table/row/cell indices."""

    p: object
    text: str
    table: object | None = None
    row: int | None = None
    cell: int | None = None


def _paragraphs_of_table(tbl) -> list[Located]:
    found = []
    for r, tr in enumerate(rows(tbl)):
        for c, tc in enumerate(cells(tr)):
            for p in tc.iter(qn("w:p")):
                found.append(Located(p, paragraph_text(p), tbl, r, c))
    return found


def header_table(document):
    for item in block_items(document.element.body):
        if item.tag == qn("w:tbl"):
            texts = {normalise(paragraph_text(p)) for p in item.iter(qn("w:p"))}
            if texts & set(NATIONAL_NAMES):
                return item
    raise AssertionError("HD1: no table holding the national name “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”")


def signature_table(document):
    for item in block_items(document.element.body):
        if item.tag == qn("w:tbl") and any(normalise(paragraph_text(p)) == "Nơi nhận:" for p in item.iter(qn("w:p"))):
            return item
    raise AssertionError("RC1: no table holding the “Nơi nhận:” label")


def _rule_below(resolver: Resolver, paragraphs: list, index: int):
    """The paragraph drawing the rule under paragraphs[index]: itself, or the next empty one."""
    if resolver.bottom_border(paragraphs[index]) is not None:
        return paragraphs[index]
    for p in paragraphs[index + 1 :]:
        if paragraph_text(p).strip():
            return None
        if resolver.bottom_border(p) is not None:
            return p
    return None


def _check_rule(
    problems: Problems,
    document,
    resolver,
    rule_p,
    what: str,
    low: float,
    high: float,
    reference_mm: float,
    centred: bool = True,
) -> None:
    if not problems.expect(rule_p is not None, f"{what}: no solid rule (paragraph bottom border) directly below"):
        return
    border = resolver.bottom_border(rule_p)
    problems.expect(
        border.get(qn("w:val")) == "single", f"{what}: rule must be a solid single line, is {border.get(qn('w:val'))!r}"
    )
    length = mm(available_width_twips(document, resolver, rule_p))
    share = length / reference_mm
    problems.expect(
        low - 1e-9 <= share <= high + 1e-9,
        f"{what}: rule is {length:.1f} mm = {share:.0%} of {reference_mm:.1f} mm; allowed {low:.0%}–{high:.0%}",
    )
    if centred:
        offset = mm(abs(resolver.indent(rule_p, "left") - resolver.indent(rule_p, "right"))) / 2
        problems.expect(offset <= 2.0, f"{what}: rule is {offset:.1f} mm off centre (allowed ±2 mm)")


def _runs_format(
    problems: Problems,
    resolver: Resolver,
    p,
    what: str,
    *,
    sizes: Sequence[float] | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
) -> None:
    runs = text_runs(p)
    if not problems.expect(bool(runs), f"{what}: has no text"):
        return
    for run in runs:
        label = f"{what} run {run_text(run)!r}"
        if sizes is not None:
            size = resolver.size_pt(run, p)
            problems.expect(size in sizes, f"{label}: {size:g} pt, allowed {'/'.join(f'{s:g}' for s in sizes)} pt")
        if bold is not None:
            problems.expect(resolver.bold(run, p) == bold, f"{label}: must {'' if bold else 'not '}be bold")
        if italic is not None:
            problems.expect(resolver.italic(run, p) == italic, f"{label}: must {'' if italic else 'not '}be italic")


def _is_upper(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


# ----------------------------------------------------------------------------- PG1–PG5
def check_page(document, *, appendices: Sequence[bool] = ()) -> None:
    """PG1–PG4 for every section, and PG5 (page number from page 2, centred in the top margin).

    appendices: one flag per section after the first, whether that appendix is landscape. An
    appendix is its own section, A4 in its own orientation, numbered from 1 on its own (Phụ lục I,
    III.1.đ) with the number in its header as PG5 asks."""
    problems = Problems("page layout (PG1–PG5)")
    resolver = Resolver(document)
    if appendices:
        problems.expect(
            len(document.sections) == 1 + len(appendices),
            f"PG1: {len(document.sections)} sections, expected the body and {len(appendices)} appendix section(s)",
        )
    for index, section in enumerate(document.sections, start=1):
        where = f"section {index}"
        width, height = section.page_width.mm, section.page_height.mm
        landscape = index >= 2 and index - 2 < len(appendices) and appendices[index - 2]
        expected = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
        orientation = "landscape 297 × 210" if landscape else "portrait 210 × 297"
        fits = abs(width - expected[0]) <= PAGE_TOLERANCE_MM and abs(height - expected[1]) <= PAGE_TOLERANCE_MM
        problems.expect(fits, f"PG1 {where}: page {width:.1f} × {height:.1f} mm, must be A4 {orientation} mm")
        if index >= 2 and index - 2 < len(appendices):
            numbering = section._sectPr.find(qn("w:pgNumType"))
            start = numbering.get(qn("w:start")) if numbering is not None else None
            problems.expect(
                start == "1",
                f"PG5 {where}: an appendix is numbered on its own: w:pgNumType w:start is {start!r}, must be '1'",
            )
            _check_page_number_paragraph(problems, section, resolver, section.header, f"{where} default")
        for side, (low, high) in MARGINS_MM.items():
            value = getattr(section, f"{side}_margin").mm
            problems.expect(
                low - MARGIN_TOLERANCE_MM <= value <= high + MARGIN_TOLERANCE_MM,
                f"PG2–4 {where}: {side} margin {value:.2f} mm, allowed {low:g}–{high:g} mm",
            )
    _check_page_number(problems, document, resolver)
    problems.raise_if_any()


def _has_page_field(root) -> bool:
    for simple in root.iter(qn("w:fldSimple")):
        if re.match(r"^\s*PAGE\b", simple.get(qn("w:instr"), "")):
            return True
    return any(re.match(r"^\s*PAGE\b", instr.text or "") for instr in root.iter(qn("w:instrText")))


def _check_page_number(problems: Problems, document, resolver: Resolver) -> None:
    section = document.sections[0]
    problems.expect(
        section.different_first_page_header_footer,
        "PG5: “different first page” (w:titlePg) not set: page 1 would show a number",
    )
    first = section.first_page_header
    if not first.is_linked_to_previous:
        text = "".join(paragraph_text(p) for p in first._element.iter(qn("w:p"))).strip()
        problems.expect(not text, f"PG5: first-page header must be empty, has {text!r}")
        problems.expect(not _has_page_field(first._element), "PG5: first-page header has a PAGE field")
    headers = [("default", section.header)]
    if document.settings.odd_and_even_pages_header_footer:
        headers.append(("even-page", section.even_page_header))  # page 2 is an even page
    for kind, header in headers:
        if problems.expect(not header.is_linked_to_previous, f"PG5: section 1 has no {kind} header (no page number)"):
            _check_page_number_paragraph(problems, section, resolver, header, kind)


def _check_page_number_paragraph(problems: Problems, section, resolver: Resolver, header, kind: str) -> None:
    field_paragraphs = [p for p in header._element.iter(qn("w:p")) if _has_page_field(p)]
    if not problems.expect(bool(field_paragraphs), f"PG5: {kind} header has no PAGE field"):
        return
    p = field_paragraphs[0]
    problems.expect(
        resolver.alignment(p) == "center",
        f"PG5: page number paragraph aligned {resolver.alignment(p)!r}, must be centred",
    )
    problems.expect(
        resolver.indent(p, "left") == resolver.indent(p, "right"),
        "PG5: page number paragraph indents are unequal (not centred)",
    )
    runs = list(p.iter(qn("w:r")))
    problems.expect(bool(runs), "PG5: PAGE field has no result run")
    for run in runs:
        size = resolver.size_pt(run, p)
        problems.expect(size in (13, 14), f"PG5: page number {size:g} pt, must be 13–14 pt")
        problems.expect(not resolver.italic(run, p), "PG5: page number must be upright, is italic")
    # Inside the top margin: header distance plus one line of the number fits above the body.
    size = max([resolver.size_pt(r, p) for r in runs] or [14])
    bottom = section.header_distance.mm + size * 1.15 * 25.4 / 72
    problems.expect(
        bottom <= section.top_margin.mm,
        f"PG5: page number reaches {bottom:.1f} mm from the top, below the {section.top_margin.mm:.1f} mm top margin",
    )


# ----------------------------------------------------------------------------- FN1, FN2
def check_fonts(document) -> None:
    """FN1/FN2: every text run of body, tables, headers and footers: Times New Roman, black."""
    problems = Problems("fonts and colour (FN1, FN2)")
    resolver = Resolver(document)
    for story, root in story_roots(document):
        for p in root.iter(qn("w:p")):
            for run in text_runs(p):
                label = f"{story} run {run_text(run)[:40]!r}"
                for slot in ("ascii", "hAnsi", "cs"):
                    font = resolver.font(run, p, slot)
                    problems.expect(font == FONT, f"FN1 {label}: {slot} font {font!r}, must be {FONT!r}")
                value, theme = resolver.colour(run, p)
                black = value in (None, "auto", "000000") and theme in (None, "text1", "dark1")
                problems.expect(black, f"FN2 {label}: colour {value!r} (theme {theme!r}), must be black/auto")
                highlight = resolver.rpr(run, p, lambda rpr: _attr(rpr, "w:highlight", "w:val"))
                problems.expect(highlight in (None, "none"), f"FN2 {label}: highlighted {highlight!r}")
            text = paragraph_text(p)
            problems.expect(text == unicodedata.normalize("NFC", text), f"FN3 {story}: text not NFC: {text[:40]!r}")
    problems.raise_if_any()


# ----------------------------------------------------------------------------- HD1–HD7, TT1–TT3
def check_header(
    document,
    *,
    type_name: str | None,
    title: str,
    type_code: str | None = None,
    agency_lines: Sequence[str] | None = None,
    parent_agency: str | None = None,
) -> None:
    """The page-1 header table and the title block.

    type_name: "KẾ HOẠCH" etc., or None for a công văn, whose `title` is then the "V/v …" subject
    written under the number. type_code: the Phụ lục III code the symbol must start with ("KH");
    for a công văn leave None: the symbol must then not start with any Phụ lục III code.
    agency_lines / parent_agency: the expected texts, when known. Pass parent_agency whenever the
    document has a parent line: without it every line above the agency rule is checked as the
    (bold) issuing agency.
    """
    problems = Problems("header (HD1–HD7, TT1–TT3)")
    resolver = Resolver(document)
    table = header_table(document)
    located = _paragraphs_of_table(table)
    by_text = lambda pred: [ln for ln in located if pred(normalise(ln.text))]  # noqa: E731

    # HD1 national name
    national = by_text(lambda t: t in NATIONAL_NAMES)
    n = national[0]
    problems.expect(n.text in NATIONAL_NAMES, f"HD1: national name has stray spaces: {n.text!r}")
    problems.expect(n.cell >= 1, "HD1: national name must be in the right column")
    problems.expect(resolver.alignment(n.p) == "center", "HD1: national name must be centred")
    _runs_format(problems, resolver, n.p, "HD1 national name", sizes=(12, 13), bold=True)
    width = paragraph_width_mm(resolver, n.p)
    room = mm(available_width_twips(document, resolver, n.p))
    problems.expect(width <= room, f"HD1: national name ({width:.1f} mm) does not fit on one line ({room:.1f} mm)")

    # HD2 motto, directly under the national name in the same cell; HD3 its rule
    cell_ps = [ln for ln in located if ln.row == n.row and ln.cell == n.cell]
    index = next(i for i, ln in enumerate(cell_ps) if ln.p is n.p)
    following = [ln for ln in cell_ps[index + 1 :] if ln.text.strip()]
    if problems.expect(
        bool(following) and following[0].text == MOTTO,
        f"HD2: line under the national name must be exactly {MOTTO!r}, is {following[0].text if following else None!r}",
    ):
        motto = following[0]
        problems.expect(resolver.alignment(motto.p) == "center", "HD2: motto must be centred")
        _runs_format(problems, resolver, motto.p, "HD2 motto", sizes=(13, 14), bold=True)
        problems.expect(
            not any(resolver.caps(r, motto.p) for r in text_runs(motto.p)), "HD2: motto must not be set in capitals"
        )
        motto_mm = paragraph_width_mm(resolver, motto.p)
        paragraphs = [ln.p for ln in cell_ps]
        rule = _rule_below(resolver, paragraphs, paragraphs.index(motto.p))
        _check_rule(problems, document, resolver, rule, "HD3 motto", 0.9, 1.1, motto_mm)
        motto_room = mm(available_width_twips(document, resolver, motto.p))
        problems.expect(
            motto_mm <= motto_room, f"HD2: motto ({motto_mm:.2f} mm) does not fit on one line ({motto_room:.2f} mm)"
        )

    # HD4 agency (left column of the national name's row) and HD5 its rule
    left = [ln for ln in located if ln.row == n.row and ln.cell == 0]
    rule_index = next(
        (i for i, ln in enumerate(left) if not ln.text.strip() and resolver.bottom_border(ln.p) is not None), None
    )
    names = [ln for ln in (left[:rule_index] if rule_index is not None else left) if ln.text.strip()]
    if problems.expect(bool(names), "HD4: no agency name in the left column"):
        parent, own = (names[0], names[1:]) if parent_agency is not None else (None, names)
        if parent is not None:
            problems.expect(
                parent.text == parent_agency, f"HD4: parent agency {parent.text!r}, expected {parent_agency!r}"
            )
            _runs_format(problems, resolver, parent.p, "HD4 parent agency", sizes=(12, 13), bold=False)
            problems.expect(_is_upper(parent.text), f"HD4: parent agency {parent.text!r} must be upper case")
        if agency_lines is not None:
            problems.expect(
                [ln.text for ln in own] == list(agency_lines),
                f"HD4: agency lines {[ln.text for ln in own]!r}, expected {list(agency_lines)!r}",
            )
        for line in own:
            problems.expect(_is_upper(line.text), f"HD4: agency line {line.text!r} must be upper case")
            problems.expect(resolver.alignment(line.p) == "center", f"HD4: agency line {line.text!r} must be centred")
            _runs_format(problems, resolver, line.p, f"HD4 agency {line.text!r}", sizes=(12, 13), bold=True)
        if own:
            agency_mm = max(paragraph_width_mm(resolver, ln.p) for ln in own)
            # The rule is an empty ruled paragraph under the name, or the last name line's own border.
            cell_paragraphs = [ln.p for ln in left]
            rule = (
                left[rule_index].p
                if rule_index is not None
                else _rule_below(resolver, cell_paragraphs, cell_paragraphs.index(own[-1].p))
            )
            _check_rule(problems, document, resolver, rule, "HD5 agency", 1 / 3, 0.5, agency_mm)

    # HD6 number line, HD7 place and date on the same row
    numbers = by_text(lambda t: t.startswith("Số:") or t.startswith("Số "))
    if problems.expect(len(numbers) == 1, f"HD6: expected one “Số:” line in the header, found {len(numbers)}"):
        number = numbers[0]
        match = NUMBER_LINE.match(number.text)
        if problems.expect(
            match is not None,
            f"HD6: {number.text!r} does not match the number-line pattern (blank number allowed in drafts)",
        ):
            symbol = match.group("symbol")
            first = symbol.split("-")[0]
            if type_code is not None:
                problems.expect(first == type_code, f"HD6: symbol {symbol!r} must start with {type_code}-")
            else:
                problems.expect(
                    first not in TYPE_CODES,
                    f"HD6: công văn symbol {symbol!r} must not start with a Phụ lục III type code",
                )
        problems.expect(number.cell == 0, "HD6: “Số:” must be in the left column")
        problems.expect(resolver.alignment(number.p) == "center", "HD6: “Số:” line must be centred")
        _runs_format(problems, resolver, number.p, "HD6 number", sizes=(13,), italic=False)
        dates = [ln for ln in located if ln.row == number.row and ln.cell != number.cell and ln.text.strip()]
        if problems.expect(
            len(dates) == 1, f"HD7: expected the place-date line on the row of “Số:”, found {[d.text for d in dates]!r}"
        ):
            date = dates[0]
            problems.expect(
                PLACE_DATE_LINE.match(date.text) is not None,
                f"HD7: {date.text!r} does not match “<Place>, ngày DD tháng M năm YYYY” (blanks allowed in drafts)",
            )
            problems.expect(resolver.alignment(date.p) == "center", "HD7: place-date must be centred")
            _runs_format(problems, resolver, date.p, "HD7 place-date", sizes=(13, 14), italic=True)
        if type_name is None:
            _check_letter_subject(problems, document, resolver, located, number, title)

    if type_name is not None:
        _check_title_block(problems, document, resolver, table, type_name, title)
    problems.raise_if_any()


def _check_letter_subject(problems, document, resolver, located, number: Located, subject: str) -> None:
    """TT3: a công văn's "V/v …" summary under the number, in the left column."""
    cell = [ln for ln in located if ln.row == number.row and ln.cell == number.cell]
    after = [ln for ln in cell[cell.index(number) + 1 :] if ln.text.strip()]
    problems.expect(bool(after) and after[0].text.startswith("V/v "), "TT3: no “V/v …” line under the number")
    if not after:
        return
    text = normalise(" ".join(ln.text for ln in after))
    problems.expect(text == normalise(subject), f"TT3: subject {text!r}, expected {subject!r}")
    before = resolver.spacing(after[0].p, "before") or 0
    problems.expect(
        abs(before / TWIPS_PER_PT - 6) <= 1, f"TT3: space above “V/v” is {before / 20:g} pt, must be 6 pt (±1)"
    )
    for line in after:
        problems.expect(resolver.alignment(line.p) == "center", f"TT3: {line.text!r} must be centred")
        _runs_format(problems, resolver, line.p, "TT3 subject", sizes=(12, 13), bold=False)


def _top_level_after(document, table) -> list:
    items = list(block_items(document.element.body))
    return items[items.index(table) + 1 :]


def _check_title_block(problems, document, resolver, table, type_name: str, title: str) -> None:
    """TT1 type name, TT2 summary and its rule, directly after the header table."""
    following = []
    for item in _top_level_after(document, table):
        if item.tag != qn("w:p"):
            break
        following.append(item)
    texts = [paragraph_text(p) for p in following]
    filled = [i for i, t in enumerate(texts) if t.strip()]
    if not problems.expect(
        bool(filled) and texts[filled[0]] == type_name,
        f"TT1: first line after the header must be {type_name!r}, is {texts[filled[0]] if filled else None!r}",
    ):
        return
    type_p = following[filled[0]]
    problems.expect(_is_upper(type_name), f"TT1: type name {type_name!r} must be upper case")
    problems.expect(resolver.alignment(type_p) == "center", "TT1: type name must be centred")
    _runs_format(problems, resolver, type_p, "TT1 type name", sizes=(13, 14), bold=True)
    # The summary may wrap into several paragraphs (lines); they run until the first empty one.
    title_ps = []
    for p in following[filled[0] + 1 :]:
        if not paragraph_text(p).strip():
            break
        title_ps.append(p)
    text = normalise(" ".join(paragraph_text(p) for p in title_ps))
    problems.expect(text == normalise(title), f"TT2: summary {text!r}, expected {title!r}")
    if not title_ps:
        return
    for p in title_ps:
        problems.expect(resolver.alignment(p) == "center", "TT2: summary must be centred")
        _runs_format(problems, resolver, p, "TT2 summary", sizes=(13, 14), bold=True)
    problems.expect(not _is_upper(text), "TT2: summary must be in sentence case, not capitals")
    title_mm = min(max(paragraph_width_mm(resolver, p) for p in title_ps), mm(text_width_twips(document)))
    rule = _rule_below(resolver, following, following.index(title_ps[-1]))
    _check_rule(problems, document, resolver, rule, "TT2 summary", 1 / 3, 0.5, title_mm)


# ----------------------------------------------------------------------------- RC3 Kính gửi
def check_addressees(document, lines: Sequence[str]) -> None:
    """RC3: the "Kính gửi" block of a công văn: `lines` as they should read, 13–14 pt regular."""
    problems = Problems("Kính gửi (RC3)")
    resolver = Resolver(document)
    body = [p for p in _top_level_after(document, header_table(document)) if p.tag == qn("w:p")]
    start = next((i for i, p in enumerate(body) if paragraph_text(p).strip().startswith("Kính gửi")), None)
    if not problems.expect(start is not None, "RC3: no “Kính gửi” line"):
        problems.raise_if_any()
    block = [p for p in body[start : start + len(lines)]]
    texts = [paragraph_text(p).strip() for p in block]
    problems.expect(texts == list(lines), f"RC3: Kính gửi lines {texts!r}, expected {list(lines)!r}")
    listed = [t for t in texts if t.startswith("- ")]
    for i, text in enumerate(listed):
        end = "." if i == len(listed) - 1 else ";"
        problems.expect(text.endswith(end), f"RC3: recipient line {text!r} must end with {end!r}")
    for p in block:
        _runs_format(problems, resolver, p, "RC3 Kính gửi", sizes=(13, 14), bold=False)
    problems.raise_if_any()


# ----------------------------------------------------------------------------- BD1–BD7, HL1
def body_paragraphs(
    document, *, type_name: str | None = None, title: str | None = None, addressees: Sequence[str] = ()
) -> list:
    """Top-level paragraphs with text between the title block (or Kính gửi) and the signature table."""
    after = _top_level_after(document, header_table(document))
    stop = signature_table(document)
    paragraphs = []
    for item in after:
        if item is stop:
            break
        if item.tag == qn("w:p") and paragraph_text(item).strip():
            paragraphs.append(item)
    front = {normalise(t) for t in (type_name, *addressees) if t}
    title_text = normalise(title or "")
    while paragraphs:
        text = normalise(paragraph_text(paragraphs[0]))
        if text in front or text.startswith("Kính gửi") or (title_text and text in title_text):
            paragraphs.pop(0)
        else:
            break
    return paragraphs


def check_body(
    document,
    *,
    type_name: str | None = None,
    title: str | None = None,
    addressees: Sequence[str] = (),
    end_mark: bool = True,
    centred: Sequence[str] = (),
) -> None:
    """BD1–BD7 and HL1 on the body paragraphs (see body_paragraphs for what is the body).
    `centred`: lines Decree 30 sets centred, not as body text (a Quyết định's authority line and
    "QUYẾT ĐỊNH:"); they must be centred and are not held to BD2–BD3."""
    problems = Problems("body (BD1–BD7, HL1)")
    resolver = Resolver(document)
    paragraphs = body_paragraphs(document, type_name=type_name, title=title, addressees=addressees)
    if not problems.expect(bool(paragraphs), "body: no paragraphs found"):
        problems.raise_if_any()
    sizes = set()
    bases = []
    centred_lines = {normalise(line) for line in centred}
    for index, p in enumerate(paragraphs):
        text = paragraph_text(p)
        label = f"paragraph {normalise(text)[:50]!r}"
        if normalise(text) in centred_lines:
            problems.expect(
                resolver.alignment(p) == "center", f"{label}: aligned {resolver.alignment(p)!r}, not centred"
            )
            continue
        problems.expect(
            resolver.alignment(p) == "both", f"BD2 {label}: aligned {resolver.alignment(p)!r}, must be justified"
        )
        first = mm(resolver.indent(p, "firstLine"))
        problems.expect(
            any(abs(first - ok) <= INDENT_TOLERANCE_MM for ok in FIRST_LINE_INDENTS_MM),
            f"BD3 {label}: first-line indent {first:.2f} mm, must be 10 or 12.7 mm",
        )
        before, after = resolver.spacing(p, "before") or 0, resolver.spacing(p, "after") or 0
        problems.expect(
            before + after >= 6 * TWIPS_PER_PT,
            f"BD4 {label}: spacing {before / 20:g} + {after / 20:g} pt, must total ≥ 6 pt",
        )
        run_sizes = [resolver.size_pt(r, p) for r in text_runs(p)]
        sizes.update(run_sizes)
        line, rule = resolver.spacing(p, "line"), resolver.line_rule(p)
        if rule == "auto":
            value = 240 if line is None else line
            problems.expect(240 <= value <= 360, f"BD5 {label}: line spacing {value / 240:.2f} lines, must be 1.0–1.5")
        else:
            size = max(run_sizes or [14])
            ratio = (line or 0) / TWIPS_PER_PT / size
            problems.expect(
                1.1 <= ratio <= 1.75, f"BD5 {label}: {rule} line spacing {ratio:.2f}× the font size, must be 1.1–1.75×"
            )
        for run in text_runs(p):
            problems.expect(not resolver.caps(run, p) or _is_upper(run_text(run)), f"{label}: run set in caps")
        _check_heading_level(problems, resolver, p, text, label)
        # The legal basis opens the body; "Căn cứ Kế hoạch này, …" further on is an ordinary sentence.
        if normalise(text).startswith("Căn cứ") and len(bases) == index:
            bases.append(p)
    problems.expect(
        len(sizes) == 1 and sizes <= {13.0, 14.0}, f"BD1: body sizes {sorted(sizes)}, must be one size, 13 or 14 pt"
    )
    for i, p in enumerate(bases):
        text = normalise(paragraph_text(p))
        end = "." if i == len(bases) - 1 else ";"
        problems.expect(text.endswith(end), f"BD6: legal basis {text[:50]!r} must end with {end!r}")
        problems.expect(
            all(resolver.italic(r, p) for r in text_runs(p)), f"BD6: legal basis {text[:50]!r} must be italic"
        )
    if end_mark:
        last = normalise(paragraph_text(paragraphs[-1]))
        problems.expect(last.endswith("./."), f"BD7: last body paragraph must end with “./.”: {last[-50:]!r}")
    problems.raise_if_any()


_SECTION = re.compile(r"^[IVXLC]+\. ")
_POINT = re.compile(r"^[a-zđ]\) ")


def _check_heading_level(problems: Problems, resolver: Resolver, p, text: str, label: str) -> None:
    """HL1: "I." headings caps and bold; "a)" labels regular."""
    runs = text_runs(p)
    if _SECTION.match(text):
        problems.expect(_is_upper(text), f"HL1 {label}: a “I.” heading must be in capitals")
        problems.expect(all(resolver.bold(r, p) for r in runs), f"HL1 {label}: a “I.” heading must be bold")
    elif _POINT.match(text) and runs:
        problems.expect(not resolver.bold(runs[0], p), f"HL1 {label}: an “a)” label must not be bold")


# ----------------------------------------------------------------------------- SG1, SG2, RC1, RC2
def check_signature(
    document, *, lines: Sequence[str], name: str, recipients: Sequence[str] | None = None, addressed: bool = False
) -> None:
    """Signature block and "Nơi nhận" (SG1, SG2, RC1, RC2).

    lines: the authority/title lines as they should read; name: the signer; recipients: the
    expected "Nơi nhận" lines when known; addressed: True when the document has a "Kính gửi"
    (the list must then start with "- Như trên;").
    """
    problems = Problems("signature and recipients (SG1, SG2, RC1, RC2)")
    resolver = Resolver(document)
    table = signature_table(document)
    located = _paragraphs_of_table(table)
    label = next(ln for ln in located if normalise(ln.text) == "Nơi nhận:")
    left = [ln for ln in located if ln.row == label.row and ln.cell == label.cell and ln.text.strip()]
    right_cells = [ln for ln in located if ln.row == label.row and ln.cell != label.cell]
    right = [ln for ln in right_cells if ln.text.strip()]

    # RC1
    problems.expect(left[0] is label, "RC1: “Nơi nhận:” must be the first line of its column")
    problems.expect(label.text == "Nơi nhận:", f"RC1: label reads {label.text!r}")
    problems.expect(
        resolver.alignment(label.p) == "left"
        and resolver.indent(label.p, "left") <= 0
        and resolver.indent(label.p, "firstLine") == 0,
        "RC1: “Nơi nhận:” must be flush left",
    )
    _runs_format(problems, resolver, label.p, "RC1 Nơi nhận", sizes=(12,), bold=True, italic=True)
    problems.expect(
        label.cell < min((ln.cell for ln in right), default=label.cell + 1), "RC1: “Nơi nhận” must be the left column"
    )
    if right:
        same = (resolver.spacing(label.p, "before") or 0) == (resolver.spacing(right[0].p, "before") or 0)
        first_in_cell = right_cells[0].p is right[0].p
        problems.expect(same and first_in_cell, "RC1: “Nơi nhận:” must be level with the first signature line")

    # RC2
    listed = left[1:]
    texts = [ln.text for ln in listed]
    if recipients is not None:
        problems.expect(texts == list(recipients), f"RC2: recipients {texts!r}, expected {list(recipients)!r}")
    if problems.expect(bool(listed), "RC2: no recipient lines"):
        for line in listed[:-1]:
            problems.expect(
                line.text.startswith("- ") and line.text.endswith(";"),
                f"RC2: {line.text!r} must start “- ” and end “;”",
            )
        problems.expect(
            ARCHIVE_LINE.match(listed[-1].text) is not None,
            f"RC2: last line {listed[-1].text!r} must read “- Lưu: VT[, …].”",
        )
        if addressed:
            problems.expect(
                texts[0] == "- Như trên;", f"RC2: with Kính gửi the list must start “- Như trên;”, starts {texts[0]!r}"
            )
    for line in listed:
        problems.expect(
            resolver.alignment(line.p) == "left"
            and resolver.indent(line.p, "left") <= 0
            and resolver.indent(line.p, "firstLine") <= 0,
            f"RC2: {line.text!r} must start at the left edge",
        )
        _runs_format(problems, resolver, line.p, f"RC2 {line.text!r}", sizes=(11,), bold=False, italic=False)

    # SG1, SG2
    if problems.expect(
        len(right) >= 2, f"SG1: signature column must hold title lines and a name, has {[ln.text for ln in right]!r}"
    ):
        titles, signer = right[:-1], right[-1]
        problems.expect(
            [ln.text for ln in titles] == list(lines),
            f"SG1: title lines {[ln.text for ln in titles]!r}, expected {list(lines)!r}",
        )
        for line in titles:
            problems.expect(_is_upper(line.text), f"SG1: {line.text!r} must be upper case")
            prefix = re.match(r"^([A-ZĐ]+\.)", line.text)
            if prefix:
                problems.expect(
                    prefix.group(1) in SIGNATURE_PREFIXES
                    and line.text[len(prefix.group(1)) : len(prefix.group(1)) + 1] == " ",
                    f"SG1: {line.text!r}: prefix must be one of {SIGNATURE_PREFIXES} followed by a space",
                )
            problems.expect(resolver.alignment(line.p) == "center", f"SG1: {line.text!r} must be centred")
            _runs_format(problems, resolver, line.p, f"SG1 {line.text!r}", sizes=(13, 14), bold=True)
        problems.expect(signer.text == name, f"SG2: signer {signer.text!r}, expected {name!r}")
        problems.expect(not signer.text.startswith(ACADEMIC_TITLES), f"SG2: {signer.text!r} carries an academic title")
        problems.expect(not _is_upper(signer.text), f"SG2: signer name {signer.text!r} must be in sentence case")
        problems.expect(resolver.alignment(signer.p) == "center", "SG2: signer name must be centred")
        _runs_format(problems, resolver, signer.p, "SG2 signer", sizes=(13, 14), bold=True)
        # The signature space: empty lines between the last title line and the name.
        gap = [
            ln
            for ln in right_cells
            if right_cells.index(titles[-1]) < right_cells.index(ln) < right_cells.index(signer)
        ]
        problems.expect(len(gap) >= 3, f"SG: {len(gap)} empty line(s) left for the signature, expected at least 3")
    problems.raise_if_any()


# ----------------------------------------------------------------------------- PDF
A4_PT = (595.3, 841.9)
PT_PER_MM = 72 / 25.4
METRIC_COMPATIBLE_PDF_FONT = re.compile(
    r"^(LiberationSerif|Liberation-Serif|TimesNewRoman|Times-New-Roman|Times New Roman|Tinos)", re.I
)


@dataclass
class PdfText:
    """One text fragment of a PDF page: its text, baseline origin (PDF points) and font size."""

    text: str
    x: float
    y: float
    size: float


# Where pdf_fragments keeps what it read off each page of a file read with read_pdf, by the file's
# digest, for every test process of a run (tests/conftest.py sets it: an object with get(name) →
# bytes or None, and put(name, bytes)): the same PDF is read by tests in both processes, and a
# copied build holds the same bytes under another path.
FRAGMENT_STORE = None


def read_pdf(path):
    """The PdfReader of a file, shared while the file is unchanged: pypdf's text extraction is
    slow, and many tests read the same built PDFs (pdf_fragments keeps each page's result)."""
    status = Path(path).stat()
    return _read_pdf(str(Path(path).resolve()), status.st_mtime_ns, status.st_size, status.st_ino)


@functools.lru_cache(maxsize=512)
def _read_pdf(path: str, mtime_ns: int, size: int, inode: int):
    import io

    from pypdf import PdfReader

    data = Path(path).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    reader.nd30_digest = hashlib.sha256(data).hexdigest()
    return reader


def pdf_fragments(page) -> list[PdfText]:
    """Text fragments in content order, with positions in default user space (origin bottom-left).
    Kept on the page object: a page of a shared reader (read_pdf) is read once, and once per run
    where FRAGMENT_STORE is set."""
    cached = getattr(page, "_nd30_fragments", None)
    if cached is not None:
        return list(cached)
    digest = getattr(page.pdf, "nd30_digest", None)
    name = f"{digest}-{page.page_number}.json" if FRAGMENT_STORE is not None and digest else None
    kept = FRAGMENT_STORE.get(name) if name else None
    if kept is not None:
        fragments = [PdfText(*fields) for fields in json.loads(kept)]
    else:
        fragments = _extract_fragments(page)
        if name:
            FRAGMENT_STORE.put(name, json.dumps([astuple(f) for f in fragments]).encode("utf-8"))
    page._nd30_fragments = tuple(fragments)
    return fragments


def _extract_fragments(page) -> list[PdfText]:
    fragments: list[PdfText] = []

    def visit(text, cm, tm, font_dict, font_size):
        a, b, c, d, e, f = cm
        x = tm[4] * a + tm[5] * c + e
        y = tm[4] * b + tm[5] * d + f
        scale = (abs(tm[0] * a + tm[1] * c) ** 2 + abs(tm[0] * b + tm[1] * d) ** 2) ** 0.5
        fragments.append(PdfText(text, x, y, font_size * scale))

    page.extract_text(visitor_text=visit)
    return fragments


def _font_dicts(resources, seen: set) -> Iterator:
    if resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for name, ref in fonts.get_object().items():
            font = ref.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                yield name, font
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from _font_dicts(xobject.get("/Resources"), seen)


def pdf_fonts(reader) -> list[tuple[str, object]]:
    """(resource name, font dictionary) of every font used on any page (forms included)."""
    seen: set = set()
    found = []
    for page in reader.pages:
        found += list(_font_dicts(page.get("/Resources"), seen))
    return found


def check_pdf_fonts(reader) -> None:
    """FN1 (PDF): every font embedded and of a metric-compatible Times family, never DejaVu."""
    problems = Problems("PDF fonts (FN1)")
    fonts = pdf_fonts(reader)
    problems.expect(bool(fonts), "PDF uses no fonts")
    for name, font in fonts:
        subtype = font.get("/Subtype")
        described = [font]
        if subtype == "/Type0":
            described = [d.get_object() for d in font.get("/DescendantFonts", [])]
            problems.expect(bool(described), f"{name}: Type0 font without descendant fonts")
        elif subtype == "/Type3":
            continue  # glyphs drawn by the PDF itself
        for target in described:
            base = str(target.get("/BaseFont", font.get("/BaseFont", "")))
            family = base.lstrip("/").split("+", 1)[-1]
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            embedded = descriptor is not None and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            problems.expect(embedded, f"{name} {base}: not embedded (no FontFile/FontFile2/FontFile3)")
            problems.expect(
                "dejavu" not in family.lower(), f"{name} {base}: DejaVu is not metric-compatible with Times New Roman"
            )
            problems.expect(
                METRIC_COMPATIBLE_PDF_FONT.match(family) is not None,
                f"{name} {base}: not Times New Roman or a metric-compatible substitute",
            )
    problems.raise_if_any()


def check_pdf_pages(
    reader,
    *,
    top_margin_mm: float = 20.0,
    left_margin_mm: float = 30.0,
    right_margin_mm: float = 15.0,
    appendices: Sequence[tuple[int, bool]] = (),
) -> None:
    """PG1 (A4) and PG5 for a PDF: no number on page 1; page n ≥ 2 shows n centred in the top margin.

    appendices: (first page, landscape) of each appendix, pages counted from 1. An appendix is A4
    in its own orientation and numbered on its own: its first page shows no number, its n-th n."""
    problems = Problems("PDF pages (PG1, PG5)")
    starts = dict(appendices)
    start, landscape = 1, False
    for page_number, page in enumerate(reader.pages, start=1):
        if page_number in starts:
            start, landscape = page_number, starts[page_number]
        number = page_number - start + 1
        where = f"page {page_number}" + (f" (appendix page {number})" if start > 1 else "")
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        expected = (A4_PT[1], A4_PT[0]) if landscape else A4_PT
        problems.expect(
            abs(width - expected[0]) <= 1 and abs(height - expected[1]) <= 1,
            f"PG1 {where}: {width:.1f} × {height:.1f} pt, must be A4 {expected[0]:.1f} × {expected[1]:.1f} pt",
        )
        band = [f for f in pdf_fragments(page) if f.text.strip() and f.y > height - top_margin_mm * PT_PER_MM]
        text = "".join(f.text for f in band).strip()
        if number == 1:
            problems.expect(
                not re.search(r"\d", text), f"PG5 {where}: the top margin must show no page number, shows {text!r}"
            )
            continue
        if not problems.expect(
            text == str(number), f"PG5 {where}: top margin shows {text!r}, expected {str(number)!r}"
        ):
            continue
        fragment = band[0]
        # Digits are 0.5 em wide in Times New Roman and its metric-compatible substitutes.
        centre = fragment.x + 0.5 * fragment.size * len(text) / 2
        text_centre = left_margin_mm * PT_PER_MM + (width - (left_margin_mm + right_margin_mm) * PT_PER_MM) / 2
        problems.expect(
            abs(centre - text_centre) <= 5 * PT_PER_MM,
            f"PG5 {where}: number centred at {centre / PT_PER_MM:.1f} mm, text-area centre {text_centre / PT_PER_MM:.1f} mm (±5)",
        )
        problems.expect(
            13 - 0.1 <= fragment.size <= 14 + 0.1, f"PG5 {where}: number {fragment.size:.1f} pt, must be 13–14 pt"
        )
    problems.raise_if_any()


def pdf_page_texts(reader, *, top_margin_mm: float = 20.0) -> list[str]:
    """The text of each page, without what sits in the top margin (the page numbers)."""
    texts = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        texts.append(
            "".join(
                fragment.text
                for fragment in pdf_fragments(page)
                if not (fragment.text.strip() and fragment.y > height - top_margin_mm * PT_PER_MM)
            )
        )
    return texts


def pdf_text(reader, *, top_margin_mm: float = 20.0) -> str:
    """The text of every page, without what sits in the top margin (the page numbers)."""
    return "".join(text + "\n" for text in pdf_page_texts(reader, top_margin_mm=top_margin_mm))


def words(text: str) -> list[str]:
    """A word sequence for comparing layouts: NFC, split on whitespace, a line break after a
    hyphen or a slash inside a word (…/KH-⏎UBND, bé trai/⏎100) closed up, on both sides alike."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(?<=\S)([-/])\s+", r"\1", text)
    return text.split()
