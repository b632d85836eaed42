"""The layout checks of nd30.py catch what they claim to: each test breaks one rule in a copy
of the generated plan and expects the matching check to fail with a message naming it."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf.generic import NameObject

import nd30
from conftest import CONTENT, YEAR, signature_lines


@pytest.fixture
def plan(built):
    """A fresh, editable copy of the generated plan."""
    return docx.Document(str(built.plan_docx))


@pytest.fixture(scope="module")
def header_args(plan_content, fill):
    meta = plan_content["van_ban"]
    return dict(type_name=meta["ten_loai"], title=fill(meta["trich_yeu"]), type_code=meta["ky_hieu_loai"])


def find(document, predicate):
    for p in nd30.all_paragraphs(document.element.body):
        if predicate(nd30.paragraph_text(p)):
            return p
    raise AssertionError("paragraph not found")


def set_rpr(run, tag: str, **attributes):
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    for old in rpr.findall(qn(tag)):
        rpr.remove(old)
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    rpr.append(element)


def signature_args(plan_content):
    import yaml

    issuer = yaml.safe_load((CONTENT / str(YEAR) / "co-quan-ban-hanh.yaml").read_text(encoding="utf-8"))
    return dict(lines=signature_lines(plan_content, issuer), name=plan_content["nguoi_ky"]["ho_ten"])


def test_narrow_left_margin_is_caught(plan):
    plan.sections[0].left_margin = Mm(25)
    with pytest.raises(AssertionError, match=r"PG2–4 section 1: left margin 2[45]\.\d+ mm"):
        nd30.check_page(plan)


def test_letter_paper_is_caught(plan):
    plan.sections[0].page_width = Mm(215.9)
    with pytest.raises(AssertionError, match="PG1"):
        nd30.check_page(plan)


def test_page_number_on_page_one_is_caught(plan):
    plan.sections[0].different_first_page_header_footer = False
    with pytest.raises(AssertionError, match="titlePg"):
        nd30.check_page(plan)


def test_italic_page_number_is_caught(plan):
    header = plan.sections[0].header._element
    for run in header.iter(qn("w:r")):
        set_rpr(run, "w:i")
    with pytest.raises(AssertionError, match="page number must be upright"):
        nd30.check_page(plan)


def test_font_is_resolved_through_styles_and_defaults(plan):
    """Fonts removed from every style still resolve to docDefaults; a wrong default is caught."""
    styles = plan.styles.element
    for fonts in list(styles.iter(qn("w:rFonts"))):
        if fonts.getparent().getparent().tag == qn("w:style"):
            fonts.getparent().remove(fonts)
    nd30.check_fonts(plan)  # still Times New Roman, from the document defaults
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    defaults.set(qn("w:hAnsi"), "Arial")
    with pytest.raises(AssertionError, match="hAnsi font 'Arial'"):
        nd30.check_fonts(plan)


def test_theme_font_in_a_paragraph_style_is_caught(plan):
    """A theme font (asciiTheme) overrides w:ascii at its level, as in Word."""
    p = find(plan, lambda t: t.startswith("Thực hiện"))
    style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
    style = plan.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        style.get_or_add_rPr().append(fonts)
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    with pytest.raises(AssertionError, match="theme:minorHAnsi"):
        nd30.check_fonts(plan)


def test_coloured_run_is_caught(plan):
    run = nd30.text_runs(find(plan, lambda t: t.startswith("Thực hiện")))[0]
    set_rpr(run, "w:color", val="FF0000")
    with pytest.raises(AssertionError, match="FN2"):
        nd30.check_fonts(plan)


def set_side_indents(paragraph, twips: str) -> None:
    """Change a rule's length: its left and right indents."""
    indent = paragraph.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    indent.set(qn("w:left"), twips)
    indent.set(qn("w:right"), twips)


def test_motto_rule_of_column_width_is_caught(plan, header_args):
    motto = find(plan, lambda t: t == nd30.MOTTO)
    paragraphs = list(nd30.all_paragraphs(plan.element.body))
    set_side_indents(nd30._rule_below(nd30.Resolver(plan), paragraphs, paragraphs.index(motto)), "0")
    with pytest.raises(AssertionError, match="HD3 motto: rule is"):
        nd30.check_header(plan, **header_args)


def test_long_agency_rule_is_caught(plan, header_args):
    table = nd30.header_table(plan)
    rule = next(
        p
        for p in table.iter(qn("w:p"))
        if not nd30.paragraph_text(p) and nd30.Resolver(plan).bottom_border(p) is not None
    )
    set_side_indents(rule, "200")
    with pytest.raises(AssertionError, match="HD5 agency: rule"):
        nd30.check_header(plan, **header_args)


def test_date_without_leading_zero_is_caught(plan, header_args):
    date = find(plan, lambda t: ", ngày" in t)
    date.findall(f".//{qn('w:t')}")[0].text = "Hớn Quản, ngày 5 tháng 11 năm 2024"
    with pytest.raises(AssertionError, match="HD7"):
        nd30.check_header(plan, **header_args)


def test_number_line_in_14_pt_is_caught(plan, header_args):
    number = find(plan, lambda t: t.startswith("Số:"))
    for run in nd30.text_runs(number):
        set_rpr(run, "w:sz", val="28")
    with pytest.raises(AssertionError, match="HD6 number run .*14 pt"):
        nd30.check_header(plan, **header_args)


def test_date_moved_off_the_number_row_is_caught(plan, header_args):
    table = nd30.header_table(plan)
    rows = table.findall(qn("w:tr"))
    date_cell = rows[1].findall(qn("w:tc"))[1]
    date_p = date_cell.find(qn("w:p"))
    rows[0].findall(qn("w:tc"))[1].append(date_p)
    date_cell.append(OxmlElement("w:p"))
    with pytest.raises(AssertionError, match="HD7: expected the place-date line on the row"):
        nd30.check_header(plan, **header_args)


def test_left_aligned_body_is_caught(plan, header_args):
    body = nd30.body_paragraphs(plan, type_name=header_args["type_name"], title=header_args["title"])
    plan_paragraph = next(p for p in plan.paragraphs if p._p is body[3])
    plan_paragraph.alignment = 0  # left
    with pytest.raises(AssertionError, match="BD2"):
        nd30.check_body(plan, type_name=header_args["type_name"], title=header_args["title"])


def test_wrong_first_line_indent_and_tight_spacing_are_caught(plan, header_args):
    body = nd30.body_paragraphs(plan, type_name=header_args["type_name"], title=header_args["title"])
    paragraph = next(p for p in plan.paragraphs if p._p is body[1])
    paragraph.paragraph_format.first_line_indent = Mm(15)
    paragraph.paragraph_format.space_before = Pt(2)
    paragraph.paragraph_format.space_after = Pt(2)
    paragraph.paragraph_format.line_spacing = 2.0
    with pytest.raises(AssertionError) as caught:
        nd30.check_body(plan, type_name=header_args["type_name"], title=header_args["title"])
    for check in ("BD3", "BD4", "BD5"):
        assert check in str(caught.value)


def test_mixed_body_sizes_are_caught(plan, header_args):
    body = nd30.body_paragraphs(plan, type_name=header_args["type_name"], title=header_args["title"])
    set_rpr(nd30.text_runs(body[2])[-1], "w:sz", val="26")
    with pytest.raises(AssertionError, match="BD1"):
        nd30.check_body(plan, type_name=header_args["type_name"], title=header_args["title"])


def test_missing_end_mark_is_caught(plan, header_args):
    body = nd30.body_paragraphs(plan, type_name=header_args["type_name"], title=header_args["title"])
    text = body[-1].findall(f".//{qn('w:t')}")
    last = [t for t in text if t.text][-1]
    last.text = last.text.replace("./.", ".")
    with pytest.raises(AssertionError, match="BD7"):
        nd30.check_body(plan, type_name=header_args["type_name"], title=header_args["title"])


def test_bad_archive_line_and_recipient_size_are_caught(plan, plan_content):
    table = nd30.signature_table(plan)
    archive = next(p for p in table.iter(qn("w:p")) if nd30.paragraph_text(p).startswith("- Lưu"))
    archive.findall(f".//{qn('w:t')}")[0].text = "- Lưu VT"
    first = next(p for p in table.iter(qn("w:p")) if nd30.paragraph_text(p).startswith("- "))
    set_rpr(nd30.text_runs(first)[0], "w:sz", val="24")
    with pytest.raises(AssertionError) as caught:
        nd30.check_signature(plan, **signature_args(plan_content))
    assert "last line '- Lưu VT'" in str(caught.value)
    assert "12 pt, allowed 11 pt" in str(caught.value)


def test_signer_name_not_bold_is_caught(plan, plan_content):
    args = signature_args(plan_content)
    name = find(plan, lambda t: t == args["name"])
    for run in nd30.text_runs(name):
        set_rpr(run, "w:b", val="0")
    with pytest.raises(AssertionError, match="SG2 signer run .*must be bold"):
        nd30.check_signature(plan, **args)


def test_recipients_label_not_italic_is_caught(plan, plan_content):
    label = find(plan, lambda t: t == "Nơi nhận:")
    for run in nd30.text_runs(label):
        set_rpr(run, "w:i", val="0")
    with pytest.raises(AssertionError, match="RC1 Nơi nhận run .*must be italic"):
        nd30.check_signature(plan, **signature_args(plan_content))


# ----------------------------------------------------------------------------- patterns
@pytest.mark.parametrize(
    "line", ["Số: 05/KH-UBND", "Số: 123/KH-UBND", "Số:05/QĐ-UBND", "Số:      /KH-UBND", "Số: 12/UBND-VX"]
)
def test_number_line_pattern_accepts(line):
    assert nd30.NUMBER_LINE.match(line)


@pytest.mark.parametrize(
    "line", ["Số: 5/KH-UBND", "Số: 05/KH UBND", "Số: 05/KH", "Số 05/KH-UBND", "Số: /KH-UBND", "số: 05/KH-UBND"]
)
def test_number_line_pattern_rejects(line):
    assert not nd30.NUMBER_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hớn Quản, ngày 05 tháng 02 năm 2024",
        "Hà Nội, ngày 29 tháng 6 năm 2019",
        "Hớn Quản, ngày      tháng 11 năm 2024",
        "Hớn Quản, ngày      tháng      năm 2024",
    ],
)
def test_place_date_pattern_accepts(line):
    assert nd30.PLACE_DATE_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hớn Quản, ngày 5 tháng 02 năm 2024",
        "Hớn Quản, ngày 05 tháng 2 năm 2024",
        "Hớn Quản, ngày 05 tháng 06 năm 2024",
        "Hớn Quản, ngày tháng 11 năm 2024",
        "Hớn Quản ngày 05 tháng 11 năm 2024",
        "Hớn Quản, ngày 32 tháng 11 năm 2024",
    ],
)
def test_place_date_pattern_rejects(line):
    assert not nd30.PLACE_DATE_LINE.match(line)


# ----------------------------------------------------------------------------- PDF checks
@pytest.fixture
def pdf(built):
    from pypdf import PdfReader

    return PdfReader(str(built.plan_pdf))


def _first_descendant(pdf):
    font = next(f for _, f in nd30.pdf_fonts(pdf) if f.get("/Subtype") == "/Type0")
    return font["/DescendantFonts"][0].get_object()


def test_unembedded_font_is_caught(pdf):
    descendant = _first_descendant(pdf)
    descriptor = descendant["/FontDescriptor"].get_object()
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        descriptor.pop(NameObject(key), None)
    with pytest.raises(AssertionError, match="not embedded"):
        nd30.check_pdf_fonts(pdf)


def test_dejavu_font_is_caught(pdf):
    descendant = _first_descendant(pdf)
    descendant[NameObject("/BaseFont")] = NameObject("/ABCDEF+DejaVuSerif")
    with pytest.raises(AssertionError, match="DejaVu"):
        nd30.check_pdf_fonts(pdf)
