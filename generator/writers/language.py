"""The language Word checks the spelling of: every document is Vietnamese (vi-VN).

Both the template maker (its document defaults and styles) and the DOCX writer (every run it
writes, including those docxtpl and the appendix add) mark their text with it, so that Word's
spell-checker uses its Vietnamese dictionary instead of marking every word as misspelt.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE = "vi-VN"

# The children of w:rPr that come after w:lang in the schema's sequence (ECMA-376 CT_RPr).
_AFTER_LANG = tuple(qn(tag) for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange"))


def set_language(rpr, language: str = LANGUAGE) -> None:
    """Give one run-properties element (of a run, a style or the document defaults) `language`
    for Latin and complex-script text; the East Asian language is left as it is."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if following is None:
            rpr.append(lang)
        else:
            following.addprevious(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), language)


def mark_runs(element, language: str = LANGUAGE) -> None:
    """Every run under `element` (a document body) in `language`."""
    for run in element.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.insert(0, rpr)
        set_language(rpr, language)
