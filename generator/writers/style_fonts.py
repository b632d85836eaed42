"""The font family a Word style sets its text in, as Word resolves it: the nearest w:rFonts of the
style, the styles it is based on and the document defaults, or the theme font one of them names."""

from __future__ import annotations

from docx.oxml.ns import qn

from .fonts import FAMILY

DEFAULTS_NAME = "Normal (mặc định của tài liệu)"  # where a font comes from the document defaults
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"


def style_font(run_properties: list, owners: list[str], theme: dict[str, str]) -> tuple[str, str]:
    """The family of a style's Latin text and the name of the style that names it. `run_properties`:
    the w:rPr elements of the style's chain, nearest first, each owned by the style of `owners`; a
    theme font (w:asciiTheme, which wins over w:ascii beside it) is read from `theme_fonts`."""
    for properties, owner in zip(run_properties, owners, strict=True):
        element = properties.find(qn("w:rFonts"))
        if element is None:
            continue
        themed = element.get(qn("w:asciiTheme"))
        kind = "major" if themed and themed.startswith("major") else "minor"
        if themed is not None and theme.get(kind):
            return theme[kind], owner
        if element.get(qn("w:ascii")):
            return element.get(qn("w:ascii")), owner
    return FAMILY, DEFAULTS_NAME  # Word's own default where nothing names a font


def theme_fonts(document) -> dict[str, str]:
    """The theme's "major" (headings) and "minor" (body) Latin fonts, when the template has a theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from lxml import etree

    try:
        theme = etree.fromstring(document.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    found = {}
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{_DRAWING}}}{kind}Font/{{{_DRAWING}}}latin")
        if latin is not None and latin.get("typeface"):
            found[kind] = latin.get("typeface")
    return found
