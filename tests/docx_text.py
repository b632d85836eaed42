"""Reading and editing a built DOCX's paragraphs as Word shows and changes them (python-docx's
XML): the helpers the nhan-sua tests share."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def text_of(p) -> str:
    """A paragraph's text as Word shows it with changes accepted: w:t kept, w:delText dropped,
    a non-breaking hyphen read as a hyphen, tabs and breaks as spaces."""
    pieces = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            pieces.append(node.text or "")
        elif node.tag == qn("w:noBreakHyphen"):
            pieces.append("-")
        elif node.tag in (qn("w:tab"), qn("w:br")):
            pieces.append(" ")
    return re.sub(r"\s+", " ", "".join(pieces).replace("\u00a0", " ")).strip()


def texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the DOCX (tables included), as text_of reads it."""
    body = docx.Document(str(path)).element.body
    return [text for text in (text_of(p) for p in body.iter(qn("w:p"))) if text]


def set_runs(p, pieces: list[tuple[str, str | None]], *, author: str = "Lãnh đạo", date: str = "") -> None:
    """A paragraph's runs replaced by `pieces`, each plain ("kind" None) or inside a w:ins / w:del
    as Word writes them, with the first run's character properties."""
    runs = p.findall(qn("w:r"))
    properties = next((r.find(qn("w:rPr")) for r in runs if r.find(qn("w:rPr")) is not None), None)
    for run in runs:
        p.remove(run)
    for number, (text, kind) in enumerate(pieces):
        run = OxmlElement("w:r")
        if properties is not None:
            run.append(copy.deepcopy(properties))
        t = OxmlElement("w:delText" if kind == "del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        if kind is None:
            p.append(run)
            continue
        wrapper = OxmlElement(f"w:{kind}")
        wrapper.set(qn("w:id"), str(900 + number))
        wrapper.set(qn("w:author"), author)
        wrapper.set(qn("w:date"), date or "2026-03-01T08:00:00Z")
        wrapper.append(run)
        p.append(wrapper)


def add_after(p, text: str):
    """A new paragraph like `p` right after it, holding `text`."""
    new = copy.deepcopy(p)
    p.addnext(new)
    set_runs(new, [(text, None)])
    return new
