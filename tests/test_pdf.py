"""The plan's PDF: paper, fonts, page numbers (that it shows the DOCX's words: test_golden.py)."""

from __future__ import annotations

import nd30


def test_every_page_is_a4_and_numbered_from_page_two(plan_pdf):
    assert len(plan_pdf.pages) >= 2, "the plan should run to several pages"
    nd30.check_pdf_pages(plan_pdf)


def test_every_font_is_embedded_and_metric_compatible_with_times(plan_pdf):
    nd30.check_pdf_fonts(plan_pdf)


def test_number_and_place_date_share_a_line(plan_pdf):
    """HD7: the place-date line sits level with “Số:” (same table row, same baseline ±3 pt)."""
    fragments = [f for f in nd30.pdf_fragments(plan_pdf.pages[0]) if f.text.strip()]
    number = next(f for f in fragments if f.text.lstrip().startswith("Số:"))
    date = next(f for f in fragments if ", ngày" in f.text)
    assert abs(number.y - date.y) <= 3, (number, date)
    assert number.x < date.x, "“Số:” must be left of the date"
