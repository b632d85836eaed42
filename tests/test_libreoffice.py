"""The plan's DOCX converts with LibreOffice headless, and lays out as Decree 30 asks."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

import nd30


@pytest.fixture(scope="module")
def converted(built, libreoffice):
    done, pdf = libreoffice(built.plan_docx)
    assert done.returncode == 0, f"soffice exited {done.returncode}: {done.stderr}"
    assert "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert pdf.is_file(), f"soffice wrote no PDF: {done.stdout} {done.stderr}"
    return PdfReader(str(pdf))


def test_libreoffice_converts_the_plan(converted):
    assert len(converted.pages) > 1


def test_motto_and_national_name_stay_on_one_line(converted):
    """HD1/HD2: the motto's paragraph is exactly as wide as its rule; it must not wrap."""
    # A no-break space shows as a space: where a line may break is layout, not text.
    lines = [line.replace("\u00a0", " ").strip() for line in converted.pages[0].extract_text().splitlines()]
    assert nd30.MOTTO in lines, lines[:8]
    assert any(line in nd30.NATIONAL_NAMES for line in lines), lines[:8]


def test_word_layout_numbers_pages_from_two(converted):
    nd30.check_pdf_pages(converted)
