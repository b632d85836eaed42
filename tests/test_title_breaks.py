"""Issue 23 (and 19's PDF-only breaks): an unmarked title or "V/v" subject breaks at a phrase
boundary, in lines of balanced length, the same lines in Word and in the PDF; `|` still decides
where the clerk marked it. In the PDF, a spaced year range, "(b/c)" and the place name of the
header are never split, as Word keeps them. Read back from the DOCX (python-docx) and the PDF (pypdf)."""

from __future__ import annotations

import re
import shutil

import docx
import nd30
import pytest
from conftest import ROOTS
from pypdf import PdfReader
from test_restyle import body_lines, lines

YEAR = 2026
MM = nd30.PT_PER_MM
# The test's own idea of a phrase boundary: after a comma, beside "và", before a preposition, or
# before a two-syllable verb that opens a phrase in these titles.
PREPOSITIONS = {"vì", "với", "trên", "tại", "của", "cho", "về", "trong", "năm", "giai"}
OPENERS = {("thực", "hiện"), ("triển", "khai"), ("tổ", "chức")}
TITLE = (
    "Triển khai thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
    "trên địa bàn thành phố {dia_danh} năm {nam}"
)
SUBJECT = "Triển khai Kế hoạch thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực năm {nam}"
PLACE = "Phan Rang - Tháp Chàm"


def at_phrase_boundary(line: str, following: str) -> bool:
    last, first = line.split()[-1], following.split()
    return (
        last.endswith(",")
        or "và" in (last, first[0])
        or first[0] in PREPOSITIONS
        or (len(first) > 1 and (first[0].casefold(), first[1].casefold()) in OPENERS)
    )


def sizes(widths: list[float]) -> float:
    return min(widths) / max(widths)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The tiny commune root with a long plan title, a long letter subject and a place name of
    several words, in a header line long enough to wrap, built."""
    from generator.build import Project, build
    from conftest import TEMPLATES

    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), content / str(YEAR))
    folder = content / str(YEAR)
    for name, old, new in (
        ("ke-hoach.yaml", '"Thực hiện công tác bình đẳng giới trên địa bàn xã {dia_danh} năm {nam}"', f'"{TITLE}"'),
        ("cong-van.yaml", '"Triển khai Kế hoạch thực hiện công tác bình đẳng giới năm {nam}"', f'"{SUBJECT}"'),
        ("co-quan-ban-hanh.yaml", 'dia_danh: "Mẫu Sơn"', f'dia_danh: "{PLACE}"'),
        ("co-quan-ban-hanh.yaml", '["Ủy ban nhân dân", "xã {dia_danh}"]', '["Ủy ban nhân dân {dia_danh}"]'),
    ):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    output = tmp_path_factory.mktemp("output")
    build(Project(content=content, templates=TEMPLATES, output=output), year=YEAR)
    return output / str(YEAR)


def docx_lines(path, starts: str) -> list[str]:
    """The lines of the first paragraph (body or table cell) starting so, spaces as read."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    texts = (Paragraph(p, document).text for p in document.element.body.iter(qn("w:p")))
    text = next(t for t in texts if t.startswith(starts))
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]


def column_lines(page, right: bool = False) -> list[str]:
    """The lines of the header's left (or right) column of a page, top to bottom."""
    edge = 30 * MM + 62 * MM
    fragments = [f for f in nd30.pdf_fragments(page) if f.text.strip() and (f.x >= edge - 1) == right]
    rows: dict[int, list] = {}
    for fragment in fragments:
        rows.setdefault(round(fragment.y), []).append(fragment)
    return [
        re.sub(r"\s+", " ", "".join(f.text for f in sorted(row, key=lambda f: f.x))).strip()
        for _, row in sorted(rows.items(), reverse=True)
    ]


def test_the_plan_title_breaks_at_a_phrase_boundary_alike_in_both_formats(built):
    from generator.writers.fonts import text_width_mm

    expected = docx_lines(built / "ke-hoach.docx", "Triển khai thực hiện")
    assert len(expected) >= 2, expected
    assert " ".join(expected) == TITLE.replace("{dia_danh}", PLACE).replace("{nam}", str(YEAR))
    for line, following in zip(expected, expected[1:], strict=False):
        assert at_phrase_boundary(line, following), (line, following)
        assert not (line.endswith("ứng") and following.startswith("phó")), expected
    widths = [text_width_mm(line, 14, "bold") for line in expected]
    assert sizes(widths) > 0.6, (expected, widths)  # balanced: no short last line
    page = [line.text for line in body_lines(PdfReader(str(built / "ke-hoach.pdf")))[0]]
    start = page.index("KẾ HOẠCH") + 1
    assert page[start : start + len(expected)] == expected, page[:12]


def test_a_letter_subject_breaks_at_phrase_boundaries_alike_in_both_formats(built):
    letter = next(built.rglob("cong-van-*.docx"))
    expected = docx_lines(letter, "V/v")
    assert len(expected) >= 3, expected
    for line, following in zip(expected, expected[1:], strict=False):
        assert at_phrase_boundary(line, following), (line, following)
    page = column_lines(PdfReader(str(letter.with_suffix(".pdf"))).pages[0])
    start = next(i for i, text in enumerate(page) if text.startswith("V/v"))
    assert page[start : start + len(expected)] == expected, page[:14]


def test_forms_titles_break_at_a_phrase_boundary_too(built):
    for form in sorted(built.rglob("bao-cao-*.docx")):
        title = docx_lines(form, "Kết quả thực hiện")
        for line, following in zip(title, title[1:], strict=False):
            assert at_phrase_boundary(line, following), (form.name, line, following)


def test_a_marked_title_keeps_the_clerks_lines():
    from generator.writers.title_breaks import broken_title

    title = (
        "Triển khai thực hiện Tháng hành động vì bình đẳng giới và | phòng ngừa, ứng phó với bạo lực trên cơ sở giới"
    )
    assert broken_title(title, 14, 165) == [
        "Triển khai thực hiện Tháng hành động vì bình đẳng giới và",
        "phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
    ]


def test_the_place_name_in_the_header_is_never_split_in_the_pdf(built):
    """ "ỦY BAN NHÂN DÂN XÃ PHAN RANG - THÁP CHÀM" wraps in its 62 mm column: the name stays whole."""
    page = PdfReader(str(built / "ke-hoach.pdf")).pages[0]
    header = column_lines(page)
    assert PLACE.upper() in header, header
    assert any(line.startswith(PLACE) for line in column_lines(page, right=True))  # the date line


# ----------------------------------------------------------------------------- PDF-only joins, on the page
def narrow_pdf(html_text: str, width_mm: float, tmp_path) -> list[str]:
    """One paragraph set by WeasyPrint in the body font at 14 pt in a box `width_mm` wide: its lines."""
    from generator.writers.fonts import body_font
    from generator.writers.pdf import weasyprint_and_fonts

    weasyprint, fonts = weasyprint_and_fonts()
    css = (
        body_font().font_faces
        + f'p {{ font-family: "{body_font().family}"; font-size: 14pt; width: {width_mm}mm; margin: 0; }}'
        ".unbroken { white-space: nowrap; } @page { size: A4; margin: 20mm; }"
    )
    path = tmp_path / "narrow.pdf"
    weasyprint.HTML(string=f"<p>{html_text}</p>").write_pdf(
        path, stylesheets=[weasyprint.CSS(string=css, font_config=fonts)], font_config=fonts
    )
    return [line.text for line in lines(PdfReader(str(path)).pages[0])]


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Kế hoạch năm học 2022 - 2023 của nhà trường", "2022 - 2023"),
        ("Gửi các đơn vị để biết (b/c) và thực hiện", "(b/c)"),
    ],
)
def test_a_year_range_and_a_slashed_token_stay_on_one_line_in_the_pdf(text, whole, tmp_path):
    from generator.writers.fonts import text_width_mm
    from generator.writers.pdf import text as pdf_text
    from generator.writers.typography import typeset

    # A box that ends just inside the token: a plain break would split it there.
    before, _, _ = text.partition(whole)
    width = text_width_mm(before + whole[: len(whole) // 2 + 1], 14) + 0.5
    plain = narrow_pdf(str(typeset(text)).replace("\u00a0", " "), width, tmp_path)
    assert not any(whole in line for line in plain), plain  # the box does split it without the joins
    kept = narrow_pdf(str(pdf_text(typeset(text))), width, tmp_path)
    assert any(whole in re.sub(r"\s+", " ", line) for line in kept), kept


def test_the_summary_title_breaks_at_a_phrase_boundary_alike_in_both_formats(tmp_path):
    """The collecting office's summary (make tong-hop) of one returned form, with a long title."""
    from conftest import TEMPLATES
    from generator.build import Project, build
    from generator.collect.run import collect_edition

    long_title = (
        "Tổng hợp kết quả thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực năm {nam}"
    )
    content = tmp_path / "content"
    folder = content / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    forms = folder / "bieu-mau.yaml"
    old = '"Tổng hợp kết quả công tác bình đẳng giới năm {nam}"'
    assert forms.read_text(encoding="utf-8").count(old) == 1
    forms.write_text(forms.read_text(encoding="utf-8").replace(old, f'"{long_title}"'), encoding="utf-8")
    project = Project(content=content, templates=TEMPLATES, output=tmp_path / "output")
    build(project, year=YEAR)
    built = project.output / str(YEAR)
    (folder / "bao-cao-nhan").mkdir()
    shutil.copy(built / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx", folder / "bao-cao-nhan" / "ca.docx")
    collect_edition(project, YEAR)
    summary = built / "tong-hop" / "bao-cao-tong-hop.docx"
    expected = docx_lines(summary, "Tổng hợp kết quả")
    assert len(expected) == 2, expected
    assert " ".join(expected) == long_title.replace("{nam}", str(YEAR))
    assert at_phrase_boundary(*expected), expected
    page = [line.text for line in body_lines(PdfReader(str(summary.with_suffix(".pdf"))))[0]]
    start = page.index(expected[0])
    assert page[start : start + 2] == expected, page[:14]
