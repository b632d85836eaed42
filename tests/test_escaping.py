"""Characters that mean something to XML, HTML or Jinja come out as typed, in DOCX and PDF.

`&`, `<`, `>`, both quotes and template-looking text are put into the title and the first opening
paragraph of a content copy, which is then built. The DOCX must still open (python-docx, and a
LibreOffice conversion) and both formats must show the text literally.
"""

from __future__ import annotations

import json

import docx
import pytest
import yaml
from pypdf import PdfReader

import nd30
from conftest import ROOTS, ContentCopy, run_build

SPECIAL = "A & B < C > D \"ngoặc kép\" 'nháy đơn' {{ 1+1 }} {% if x %}"
TITLE = f"Kiểm tra ký tự {SPECIAL} trong trích yếu"
PARAGRAPH = f"Đoạn mở đầu có {SPECIAL} ở giữa câu."
# A star that is not italics, typed as the error message for a lone * advises: \\* inside double quotes.
STAR_TYPED = r'- "Tích 5 \\* 3 = 15, không in nghiêng."'
STAR_SHOWN = "Tích 5 * 3 = 15, không in nghiêng."


# On the tiny commune root: the plan's text goes through the same writers in any edition, and
# building a copy of the 2024 set (122 files) for its plan alone took most of this module's time.
TINY, TINY_YEAR = ROOTS / "xa-mau", 2026


@pytest.fixture(scope="module")
def special_build(tmp_path_factory):
    copy = ContentCopy(tmp_path_factory.mktemp("special"), TINY_YEAR, source=TINY)
    text = copy.text("ke-hoach.yaml")
    plan = yaml.safe_load(text)
    title_line = next(ln for ln in text.splitlines() if ln.startswith("  trich_yeu:"))
    copy.replace_once("ke-hoach.yaml", title_line, f"  trich_yeu: {json.dumps(TITLE, ensure_ascii=False)}")
    first = f"- {json.dumps(plan['mo_dau'][0], ensure_ascii=False)}"
    indent = next(ln for ln in text.splitlines() if ln.endswith(first))[: -len(first)]
    copy.replace_once("ke-hoach.yaml", first, f"- {json.dumps(PARAGRAPH, ensure_ascii=False)}\n{indent}{STAR_TYPED}")
    edited = yaml.safe_load(copy.text("ke-hoach.yaml"))
    assert edited["van_ban"]["trich_yeu"] == TITLE and edited["mo_dau"][0] == PARAGRAPH
    assert edited["mo_dau"][1].startswith("Tích 5 ")
    return run_build(copy.content, tmp_path_factory.mktemp("special-output"), year=TINY_YEAR)


def test_docx_opens_and_shows_the_text_literally(special_build):
    document = docx.Document(str(special_build.plan_docx))
    texts = nd30.document_text_paragraphs(document)
    # The title is broken into lines at phrase boundaries: its lines, joined, are the title.
    assert TITLE in [" ".join(text.split()) for text in texts], "title not found literally in the DOCX"
    assert PARAGRAPH in texts, "paragraph not found literally in the DOCX"
    assert STAR_SHOWN in texts
    core = document.core_properties
    assert TITLE[1:] in core.title and core.title.endswith(TITLE[1:])  # after "Kế hoạch ", run on


def test_pdf_shows_the_text_literally(special_build):
    text = " ".join(nd30.pdf_text(PdfReader(str(special_build.plan_pdf))).split())
    assert " ".join(TITLE.split()) in text
    assert " ".join(PARAGRAPH.split()) in text
    assert STAR_SHOWN in text
    assert "A &amp; B" not in text and "&lt;" not in text and "&#" not in text


def test_libreoffice_converts_the_docx(special_build, libreoffice):
    done, pdf = libreoffice(special_build.plan_docx)
    assert done.returncode == 0, done.stderr
    assert pdf.is_file(), f"no PDF: {done.stdout} {done.stderr}"
    text = " ".join(nd30.pdf_text(PdfReader(str(pdf))).split())
    assert " ".join(PARAGRAPH.split()) in text
