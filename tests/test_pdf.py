"""The plan's PDF: paper, fonts, page numbers, and the same text as the DOCX."""

from __future__ import annotations

import difflib

import nd30


def test_every_page_is_a4_and_numbered_from_page_two(plan_pdf):
    assert len(plan_pdf.pages) >= 2, "the plan should run to several pages"
    nd30.check_pdf_pages(plan_pdf)


def test_every_font_is_embedded_and_metric_compatible_with_times(plan_pdf):
    nd30.check_pdf_fonts(plan_pdf)


def test_pdf_text_is_the_docx_text(plan_docx, plan_pdf):
    """Word sequences agree: DOCX body paragraphs and table cells in order; PDF without page numbers."""
    docx_words = nd30.words("\n".join(nd30.document_text_paragraphs(plan_docx)))
    pdf_words = nd30.words(nd30.pdf_text(plan_pdf))
    if docx_words != pdf_words:
        matcher = difflib.SequenceMatcher(a=docx_words, b=pdf_words, autojunk=False)
        differences = [
            f"{tag}: DOCX {' '.join(docx_words[i1:i2])!r} / PDF {' '.join(pdf_words[j1:j2])!r}"
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        raise AssertionError("PDF and DOCX texts differ:\n" + "\n".join(differences[:20]))
    assert len(docx_words) > 1000, "suspiciously little text"


def test_number_and_place_date_share_a_line(plan_pdf):
    """HD7: the place-date line sits level with “Số:” (same table row, same baseline ±3 pt)."""
    fragments = [f for f in nd30.pdf_fragments(plan_pdf.pages[0]) if f.text.strip()]
    number = next(f for f in fragments if f.text.lstrip().startswith("Số:"))
    date = next(f for f in fragments if ", ngày" in f.text)
    assert abs(number.y - date.y) <= 3, (number, date)
    assert number.x < date.x, "“Số:” must be left of the date"
