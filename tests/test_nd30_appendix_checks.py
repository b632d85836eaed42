"""The Decree 30 checks of nd30.py for a plan with appendices catch what they claim to: an appendix
is its own section, A4 in its orientation, numbered from 1 on its own (Phụ lục I, III.1.đ).

Built on tests/roots/tinh-mau: two appendices, the first landscape, the second portrait."""

from __future__ import annotations

import docx
import nd30
import pytest
import yaml
from conftest import ROOTS, build_root
from docx.oxml.ns import qn
from pypdf import PdfReader

ROOT = ROOTS / "tinh-mau"
YEAR = 2026
APPENDICES = [
    bool(a.get("ngang"))
    for a in yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))["phu_luc"]
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_root(tmp_path_factory, ROOT, YEAR)


@pytest.fixture
def plan(folder):
    return docx.Document(str(folder / "ke-hoach.docx"))


def appendix_starts(reader) -> list[int]:
    return [n for n, text in enumerate(nd30.pdf_page_texts(reader), start=1) if text.lstrip().startswith("Phụ lục")]


def test_the_generated_plan_passes(plan, folder):
    nd30.check_page(plan, appendices=APPENDICES)
    reader = PdfReader(str(folder / "ke-hoach.pdf"))
    nd30.check_pdf_pages(reader, appendices=list(zip(appendix_starts(reader), APPENDICES, strict=True)))


def test_a_landscape_appendix_is_not_taken_for_the_body(plan):
    with pytest.raises(AssertionError, match="PG1 section 2: .* must be A4 portrait"):
        nd30.check_page(plan)


def test_an_appendix_numbered_on_from_the_body_is_caught(plan):
    plan.sections[2]._sectPr.remove(plan.sections[2]._sectPr.find(qn("w:pgNumType")))
    with pytest.raises(AssertionError, match=r"PG5 section 3: an appendix is numbered on its own: .* is None"):
        nd30.check_page(plan, appendices=APPENDICES)


def test_pdf_pages_numbered_on_from_the_body_are_caught(folder):
    reader = PdfReader(str(folder / "ke-hoach.pdf"))
    starts = appendix_starts(reader)
    with pytest.raises(AssertionError, match=rf"PG5 page {starts[0]}: top margin shows '', expected '{starts[0]}'"):
        nd30.check_pdf_pages(reader)
    shifted = [(start - 1, landscape) for start, landscape in zip(starts, APPENDICES, strict=True)]
    with pytest.raises(AssertionError, match=r"\(appendix page 1\)"):
        nd30.check_pdf_pages(reader, appendices=shifted)
