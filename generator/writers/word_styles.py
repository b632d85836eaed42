"""The paragraph styles of the Word template, read by name: the one source of how each kind of
paragraph looks, in the DOCX (Word applies them) and in the PDF (its stylesheet is made from them).

A clerk restyles every document by changing a style in `templates/van-ban.docx` with Word. Word
and LibreOffice may change a style's internal id when they save (LibreOffice turns
`VBRuleAgency` into `Gchditncquan`), never its name, so the writers look styles up by the names
of `STYLE_NAMES`. A template without one of them cannot be laid out and is refused, naming it.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn

from ..errors import EnvironmentProblem, GeneratorError, TemplateProblem
from .. import fonts
from . import layout
from .fonts import single_line
from .style_fonts import DEFAULTS_NAME, style_font, theme_fonts

# Style id given by tools/make_docx_templates.py → the name shown in Word, which the writers go by.
STYLE_NAMES = {
    "VBAgencyParent": "Cơ quan chủ quản",
    "VBAgency": "Tên cơ quan ban hành",
    "VBNationalName": "Quốc hiệu",
    "VBMotto": "Tiêu ngữ",
    "VBNumber": "Số, ký hiệu",
    "VBSubject": "Trích yếu công văn",
    "VBPlaceDate": "Địa danh, ngày tháng",
    "VBTypeName": "Tên loại văn bản",
    "VBTitle": "Trích yếu",
    "VBAddressee": "Kính gửi",
    "VBHeading": "Đề mục",
    "VBBody": "Đoạn văn",
    "VBClosing": "Đoạn kết",
    "VBRecipientsLabel": "Nơi nhận",
    "VBRecipientsLabelParty": "Nơi nhận (văn bản Đảng)",
    "VBRecipients": "Danh sách nơi nhận",
    "VBSignature": "Chức vụ người ký",
    "VBSignatureNote": "Ghi chú chữ ký",
    "VBSignerName": "Họ tên người ký",
    "VBTableHeader": "Tiêu đề bảng",
    "VBTableCell": "Ô bảng",
    "VBTableNumber": "Ô bảng (giữa)",
    "VBTableFigure": "Ô bảng (số)",
    "VBTableSpace": "Khoảng trên bảng",
    "VBSignatureSpace": "Khoảng trên chữ ký",
    "VBWritingLine": "Dòng để viết",
    "VBWritingLineLast": "Dòng để viết (cuối)",
    "VBFormLabel": "Nhãn biểu mẫu",
    "VBFormNote": "Hướng dẫn biểu mẫu",
    "VBPageNumber": "Số trang",
    "VBRuleAgency": "Gạch dưới tên cơ quan",
    "VBRuleMotto": "Gạch dưới tiêu ngữ",
    "VBRuleTitle": "Gạch dưới trích yếu",
}

# Empty paragraphs drawn as a rule by their bottom border: style id → (Rules attribute, column width).
RULED_STYLES = {
    "VBRuleAgency": ("agency_mm", layout.HEADER_LEFT_MM),
    "VBRuleMotto": ("motto_mm", layout.HEADER_RIGHT_MM),
    "VBRuleTitle": ("title_mm", layout.TEXT_WIDTH_MM),
}

# The PDF element each style lays out (HTML class of templates/html/van-ban.html, or table cells).
TEXT_SELECTORS = {
    "VBAgencyParent": ".parent",
    "VBAgency": ".agency",
    "VBNationalName": ".national-name",
    "VBMotto": ".motto",
    "VBNumber": ".number",
    "VBSubject": ".subject",
    "VBPlaceDate": ".place-date",
    "VBTypeName": ".type-name",
    "VBTitle": ".title",
    "VBAddressee": ".addressee",
    "VBHeading": ".heading",
    "VBBody": ".paragraph",
    "VBClosing": ".closing",
    "VBRecipientsLabel": ".recipients-label",
    "VBRecipientsLabelParty": ".recipients-label.party",  # after the state's, which it overrides
    "VBRecipients": ".recipient",
    "VBSignature": ".signature-line",
    "VBSignatureNote": ".signature-note",
    "VBSignerName": ".signer-name",
    "VBFormLabel": ".form-label",
    "VBFormNote": ".form-note",
}
# Table cells have the cell padding of the layout; their styles give type and alignment only.
CELL_SELECTORS = {
    "VBTableHeader": "table.form th",
    "VBTableCell": "table.form td",
    "VBTableNumber": "table.form td.centre",
    "VBTableFigure": "table.form td.figure",
}
RULE_SELECTORS = {"VBRuleAgency": ".rule-agency", "VBRuleMotto": ".rule-motto", "VBRuleTitle": ".rule-title"}

TWIPS_PER_PT = 20
DEFAULT_SIZE_PT = 10  # Word's size where neither a style nor the document defaults give one
ALIGNMENTS = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "mediumKashida": "justify",
    "highKashida": "justify",
    "lowKashida": "justify",
    "thaiDistribute": "justify",
}


@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph style makes of a paragraph, every property resolved through the style's
    `basedOn` chain and the document defaults, as Word resolves it."""

    name: str
    size_pt: float
    bold: bool
    italic: bool
    underline: bool
    alignment: str  # CSS text-align
    left_pt: float
    right_pt: float
    first_line_pt: float  # negative: a hanging indent
    before_pt: float
    after_pt: float
    line_rule: str  # "auto" (a multiple of single spacing), "exact" or "atLeast"
    line_value: float  # the multiple for "auto", points otherwise
    keep_with_next: bool
    keep_lines: bool
    page_break_before: bool
    widow_control: bool
    font: str = fonts.FAMILY  # the family Word sets the style's text in (w:rFonts w:ascii)
    font_from: str = ""  # the name of the style that names that family (this one, or one it is based on)
    single_line: float = layout.SINGLE_LINE  # the font's single line height, in font sizes

    @property
    def line_pt(self) -> float:
        """The height of one line of the style's own text."""
        single = self.single_line * self.size_pt
        if self.line_rule == "auto":
            return self.line_value * single
        if self.line_rule == "atLeast":
            return max(self.line_value, single)
        return self.line_value

    @property
    def face(self) -> str:
        """The face of the font its text is set in: "regular", "bold", "italic" or "bold-italic"."""
        return "-".join(name for name, on in (("bold", self.bold), ("italic", self.italic)) if on) or "regular"

    @property
    def empty_height_pt(self) -> float:
        """The height an empty paragraph of this style takes: its spacing and one line."""
        return self.before_pt + self.line_pt + self.after_pt


def _toggle(element) -> bool:
    return element.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


class _Chain:
    """A style's property elements, nearest first: the style, the styles it is based on, the document defaults."""

    def __init__(self, style, defaults) -> None:
        self.ppr, self.rpr, owners = [], [], []
        seen = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            element = style.element
            self.ppr.append(element.find(qn("w:pPr")))
            self.rpr.append(element.find(qn("w:rPr")))
            owners.append(style.name)
            style = style.base_style
        if defaults is not None:
            self.ppr.append(defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"))
            self.rpr.append(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
            owners.append(DEFAULTS_NAME)
        # The name of the style each run-properties element belongs to, for messages.
        self.owners = [owner for owner, e in zip(owners, self.rpr, strict=False) if e is not None]
        self.ppr = [e for e in self.ppr if e is not None]
        self.rpr = [e for e in self.rpr if e is not None]

    @staticmethod
    def _first(sources, tag: str, attribute: str | None):
        for properties in sources:
            element = properties.find(qn(tag))
            if element is None:
                continue
            if attribute is None:
                return element
            value = element.get(qn(attribute))
            if value is not None:
                return value
        return None

    def p(self, tag: str, attribute: str | None = None):
        return self._first(self.ppr, tag, attribute)

    def r(self, tag: str, attribute: str | None = None):
        return self._first(self.rpr, tag, attribute)


def _twips_pt(value: str | None) -> float:
    return int(float(value)) / TWIPS_PER_PT if value is not None else 0.0


def _resolve(style, defaults, theme: dict[str, str]) -> ParagraphStyle:
    chain = _Chain(style, defaults)
    size = chain.r("w:sz", "w:val")
    bold, italic, underline = chain.r("w:b"), chain.r("w:i"), chain.r("w:u", "w:val")
    line_rule = chain.p("w:spacing", "w:lineRule") or "auto"
    line = chain.p("w:spacing", "w:line")
    first_line, hanging = chain.p("w:ind", "w:firstLine"), chain.p("w:ind", "w:hanging")
    widow = chain.p("w:widowControl")
    return ParagraphStyle(
        name=style.name,
        size_pt=int(size) / 2 if size is not None else DEFAULT_SIZE_PT,
        bold=bold is not None and _toggle(bold),
        italic=italic is not None and _toggle(italic),
        underline=underline is not None and underline != "none",
        alignment=ALIGNMENTS.get(chain.p("w:jc", "w:val") or "left", "left"),
        left_pt=_twips_pt(chain.p("w:ind", "w:start") or chain.p("w:ind", "w:left")),
        right_pt=_twips_pt(chain.p("w:ind", "w:end") or chain.p("w:ind", "w:right")),
        first_line_pt=-_twips_pt(hanging) if hanging is not None else _twips_pt(first_line),
        before_pt=_twips_pt(chain.p("w:spacing", "w:before")),
        after_pt=_twips_pt(chain.p("w:spacing", "w:after")),
        line_rule=line_rule if line_rule in ("exact", "atLeast") else "auto",
        line_value=(int(line) / 240 if line_rule not in ("exact", "atLeast") else _twips_pt(line))
        if line is not None
        else 1.0,
        keep_with_next=_on(chain.p("w:keepNext")),
        keep_lines=_on(chain.p("w:keepLines")),
        page_break_before=_on(chain.p("w:pageBreakBefore")),
        widow_control=_on(widow),  # off where no style sets it (ECMA-376 §17.3.1.44)
        font=style_font(chain.rpr, chain.owners, theme)[0],
        font_from=style_font(chain.rpr, chain.owners, theme)[1],
    )


def _on(element) -> bool:
    return element is not None and _toggle(element)


@dataclass(frozen=True)
class TemplateStyles:
    """The styles the writers need, by their id in the generator, and their ids in this template."""

    by_id: dict[str, ParagraphStyle]
    template_ids: dict[str, str]  # generator's id → the id this template gives the style

    def __getitem__(self, style_id: str) -> ParagraphStyle:
        return self.by_id[style_id]

    def rules(self, document) -> layout.Rules:
        """The rules' lengths for a document, measured at the sizes of the texts' styles."""
        return layout.rules(
            document,
            agency_pt=self["VBAgency"].size_pt,
            motto_pt=self["VBMotto"].size_pt,
            title_pt=self["VBTitle"].size_pt,
            families={
                role: self[style_id].font
                for role, style_id in (
                    ("agency", "VBAgency"),
                    ("motto", "VBMotto"),
                    ("title", "VBTitle"),
                    ("national", "VBNationalName"),
                )
            },
        )

    @property
    def families(self) -> dict[str, str]:
        """Each font family the styles use → the name of the style that sets it (the first found)."""
        found: dict[str, str] = {}
        for style in self.by_id.values():
            found.setdefault(style.font, style.font_from)
        return found


def named_style(document, name: str, needed_for: str):
    """A paragraph style of a rendered document, by its name in Word; a Vietnamese error naming it
    when the template lacks it (`needed_for`: what needs it, "phụ lục", "bản so sánh")."""
    try:
        return document.styles[name]
    except KeyError:
        raise TemplateProblem(
            f"mẫu Word không có kiểu đoạn “{name}” mà {needed_for} cần; chạy make templates hoặc "
            "thêm kiểu đó trong Word"
        ) from None


def _display(path: Path | str) -> str:
    from ..files import display_path

    return display_path(Path(path))


@functools.lru_cache(maxsize=8)
def _read(data: bytes, shown: str) -> TemplateStyles:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds for a file that is not a Word document
        raise TemplateProblem(f"{shown}: không đọc được mẫu Word ({err})") from err
    paragraph_styles = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name is not None:
            paragraph_styles.setdefault(style.name, style)
    missing = [name for name in STYLE_NAMES.values() if name not in paragraph_styles]
    if missing:
        listed = ", ".join(f"“{name}”" for name in missing)
        raise TemplateProblem(
            f"{shown}: mẫu Word thiếu kiểu đoạn văn {listed}: các văn bản dùng kiểu này (tìm theo tên). "
            "Mở mẫu bằng Word, đặt lại đúng tên kiểu (Home > Styles > Modify), hoặc chạy make templates để tạo lại mẫu"
        )
    defaults = document.styles.element.find(qn("w:docDefaults"))
    theme = theme_fonts(document)
    by_id, template_ids = {}, {}
    for style_id, name in STYLE_NAMES.items():
        style = paragraph_styles[name]
        by_id[style_id] = _resolve(style, defaults, theme)
        template_ids[style_id] = style.style_id
    return TemplateStyles(by_id, template_ids)


def template_bytes(template: Path) -> bytes:
    try:
        return template.read_bytes()
    except OSError as err:
        raise TemplateProblem(f"{_display(template)}: không đọc được mẫu Word ({err.strerror})") from err


def template_styles(template: Path, data: bytes | None = None) -> TemplateStyles:
    """The writers' styles of a Word template (`data`: its bytes, when already read), read once
    per process for each content of it."""
    return _read(template_bytes(template) if data is None else data, _display(template))


# ---------------------------------------------------------------- the PDF's stylesheet
def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _type(style: ParagraphStyle) -> list[str]:
    line = (
        f"line-height: {_number(style.line_value * style.single_line)}"
        if style.line_rule == "auto"
        else f"line-height: {_number(style.line_pt)}pt"
    )
    return [
        f"font-size: {_number(style.size_pt)}pt",
        f"font-weight: {'bold' if style.bold else 'normal'}",
        f"font-style: {'italic' if style.italic else 'normal'}",
        f"text-decoration: {'underline' if style.underline else 'none'}",
        f"text-align: {style.alignment}",
        line,
        f'font-family: "{style.font}"',
    ]


def _paragraph(style: ParagraphStyle) -> list[str]:
    # Word adds the space after one paragraph to the space before the next; CSS margins would
    # collapse into the larger, so the space after is padding. A top margin is dropped at the top
    # of a page, as Word drops the space before there.
    return _type(style) + [
        f"margin: {_number(style.before_pt)}pt {_number(style.right_pt)}pt 0 {_number(style.left_pt)}pt",
        f"padding-bottom: {_number(style.after_pt)}pt",
        f"text-indent: {_number(style.first_line_pt)}pt",
        f"break-after: {'avoid' if style.keep_with_next else 'auto'}",
        f"break-inside: {'avoid' if style.keep_lines else 'auto'}",
        f"break-before: {'page' if style.page_break_before else 'auto'}",
        f"orphans: {2 if style.widow_control else 1}",
        f"widows: {2 if style.widow_control else 1}",
    ]


def _rule(selector: str, declarations: list[str]) -> str:
    return selector + " { " + "; ".join(declarations) + "; }"


def stylesheet(styles: TemplateStyles, system: tuple[tuple[str, str, float], ...] = ()) -> str:
    """CSS that lays out each element of the PDF as its style in the Word template lays out the
    matching paragraph of the DOCX. `system`: (family the template names, family that renders it
    on this machine, its single line height in font sizes) for each family the styles use."""
    found = {family: (rendered, single) for family, rendered, single in system}
    styles = TemplateStyles(
        {
            key: dataclasses.replace(style, font=found[style.font][0], single_line=found[style.font][1])
            if style.font in found
            else style
            for key, style in styles.by_id.items()
        },
        styles.template_ids,
    )
    rules = [_rule(selector, _paragraph(styles[style_id])) for style_id, selector in TEXT_SELECTORS.items()]
    rules += [_rule(selector, _type(styles[style_id])) for style_id, selector in CELL_SELECTORS.items()]
    for style_id, selector in RULE_SELECTORS.items():
        # The rule is the bottom border of an empty paragraph: its space above and its one line.
        rule = styles[style_id]
        rules.append(
            _rule(
                selector,
                [f"margin-top: {_number(rule.before_pt)}pt", f"height: {_number(rule.line_pt + rule.after_pt)}pt"],
            )
        )
    signature = styles["VBSignature"]
    rules.append(
        _rule(".signature-space", [f"height: {_number(layout.SIGNATURE_SPACE_LINES * signature.empty_height_pt)}pt"])
    )
    # An empty paragraph as small as a rule's stands between the text and the signature block.
    rules.append(_rule("table.signature", [f"margin-top: {_number(styles['VBSignatureSpace'].empty_height_pt)}pt"]))
    # An empty line as small as a rule's gives a form table its space above.
    rules.append(_rule("table.form", [f"margin-top: {_number(styles['VBTableSpace'].empty_height_pt)}pt"]))
    for style_id, selector in (("VBWritingLine", ".writing-line"), ("VBWritingLineLast", ".writing-line.last")):
        writing = styles[style_id]
        rules.append(
            _rule(
                selector,
                [
                    f"height: {_number(writing.line_pt)}pt",
                    f"margin-top: {_number(writing.before_pt)}pt",
                    f"break-after: {'avoid' if writing.keep_with_next else 'auto'}",
                ],
            )
        )
    number = styles["VBPageNumber"]
    rules.append("@page { @top-center { " + "; ".join([*_type(number)[:3], _type(number)[-1]]) + "; } }")
    return "\n".join(rules) + "\n"


@functools.lru_cache(maxsize=8)
def _stylesheet(data: bytes, shown: str, system: tuple[tuple[str, str, float], ...]) -> str:
    return stylesheet(_read(data, shown), system)


def template_fonts(template: Path, data: bytes | None = None) -> dict[str, fonts.BodyFont]:
    """Each font family the template's styles name → the font that renders it in the PDF (itself,
    or a family of the same metrics); a family this machine lacks is refused, naming the style."""
    styles = template_styles(template, data)
    found = {}
    for family, style_name in styles.families.items():
        try:
            found[family] = fonts.body_font(family)
        except EnvironmentProblem as err:
            raise EnvironmentProblem(
                f"{_display(template)}: kiểu đoạn “{style_name}” của mẫu Word dùng phông “{family}”, "
                f"bản PDF không in được bằng phông đó: {err}"
            ) from None
    return found


def other_fonts_note(template: Path) -> str:
    """For the build's last line: the fonts a restyled template names besides Times New Roman,
    each with the family that prints it where that is another ("" when there are none)."""
    try:
        used = template_fonts(template)
    except GeneratorError:
        return ""
    others = [
        family if font.family.casefold() == family.casefold() else f"{family} (in bằng {font.family})"
        for family, font in used.items()
        if family.casefold() not in map(str.casefold, fonts.METRIC_COMPATIBLE)
    ]
    return f"; mẫu Word còn dùng phông {', '.join(others)}" if others else ""


def font_faces(used: dict[str, fonts.BodyFont]) -> str:
    """@font-face rules for the fonts of `template_fonts` found by their files, each once."""
    return "".join(dict.fromkeys(font.font_faces for font in used.values()))


def template_stylesheet(template: Path) -> str:
    """The PDF stylesheet made from a Word template's styles and the fonts found for them, once per
    process for each content of it."""
    data = template_bytes(template)
    used = template_fonts(template, data)
    system = tuple(sorted((family, font.family, single_line(family)) for family, font in used.items()))
    return _stylesheet(data, _display(template), system)
