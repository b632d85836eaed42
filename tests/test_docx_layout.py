"""The plan's DOCX read back against the Decree 30 layout (reference §1–§9, checks of §14)."""

from __future__ import annotations

import re

import pytest

import nd30
from conftest import signature_lines


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@pytest.fixture(scope="module")
def expected(plan_content, issuer_content, fill):
    """What the header, title and signature must say, taken from ke-hoach.yaml."""
    meta = plan_content["van_ban"]
    signer = plan_content["nguoi_ky"]
    return {
        "type_name": meta["ten_loai"],
        "title": fill(meta["trich_yeu"]),
        "type_code": meta["ky_hieu_loai"],
        "agency_lines": [fill(line).upper() for line in issuer_content["dong_tieu_de"]],
        "parent_agency": fill(issuer_content["co_quan_chu_quan"]).upper()
        if issuer_content.get("co_quan_chu_quan")
        else None,
        "signature_lines": signature_lines(plan_content, issuer_content),
        "signer": signer["ho_ten"],
    }


def test_page_size_margins_and_page_numbers(plan_docx):
    nd30.check_page(plan_docx)


def test_every_run_is_black_times_new_roman(plan_docx):
    nd30.check_fonts(plan_docx)


def test_header_table_and_title_block(plan_docx, expected):
    nd30.check_header(
        plan_docx,
        type_name=expected["type_name"],
        title=expected["title"],
        type_code=expected["type_code"],
        agency_lines=expected["agency_lines"],
        parent_agency=expected["parent_agency"],
    )


def test_body_paragraphs(plan_docx, expected):
    nd30.check_body(plan_docx, type_name=expected["type_name"], title=expected["title"])


def test_signature_and_recipients(plan_docx, expected):
    nd30.check_signature(plan_docx, lines=expected["signature_lines"], name=expected["signer"])


def test_motto_rule_is_as_long_as_the_motto(plan_docx):
    """HD3 on its own, measured from the bold Liberation Serif file the PDF is set in."""
    from fontTools.ttLib import TTFont

    from generator.fonts import body_font

    resolver = nd30.Resolver(plan_docx)
    motto = next(p for p in nd30.all_paragraphs(plan_docx.element.body) if nd30.paragraph_text(p) == nd30.MOTTO)
    runs = nd30.text_runs(motto)
    size = resolver.size_pt(runs[0], motto)
    font = TTFont(body_font().files["bold"])
    cmap, advances, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    motto_mm = sum(advances[cmap[ord(c)]][0] for c in nd30.MOTTO) / units * size * 25.4 / 72
    paragraphs = list(nd30.all_paragraphs(plan_docx.element.body))
    rule = nd30._rule_below(resolver, paragraphs, paragraphs.index(motto))
    assert rule is not None, "no rule under the motto"
    rule_mm = nd30.mm(nd30.available_width_twips(plan_docx, resolver, rule))
    assert abs(rule_mm - motto_mm) <= 0.1 * motto_mm, f"rule {rule_mm:.1f} mm vs motto {motto_mm:.1f} mm"


def test_draft_number_and_date_are_blank_where_the_content_has_none(plan_docx, plan_content, issuer_content):
    """so: null and ngay: null leave room to write by hand; what the content gives is printed."""
    meta = plan_content["van_ban"]
    table = nd30.header_table(plan_docx)
    texts = [nd30.paragraph_text(p) for p in table.iter(nd30.qn("w:p"))]
    number = next(t for t in texts if t.startswith("Số:"))
    date = next(t for t in texts if ", ngày" in t)
    if meta["so"] is None:
        assert re.fullmatch(r"Số: {2,}/.+", number), number
    else:
        assert number.startswith(f"Số: {meta['so']:02d}/"), number
    when = meta["ngay_ban_hanh"]
    day = r" {2,}" if when["ngay"] is None else f" {when['ngay']:02d} "
    month = (
        r" {2,}"
        if when["thang"] is None
        else (f" {when['thang']:02d} " if when["thang"] <= 2 else f" {when['thang']} ")
    )
    assert re.fullmatch(rf"{re.escape(issuer_content['dia_danh'])}, ngày{day}tháng{month}năm {when['nam']}", date), date


def test_section_iv_has_one_numbered_entry_per_agency(plan_docx, plan_content, fill):
    """Section IV: 19 entries numbered 1..19 consecutively, bold headings, in content order."""
    roman = ROMAN[len(plan_content["noi_dung"])]
    heading = f"{roman}. {fill(plan_content['tieu_de_to_chuc_thuc_hien'])}"
    resolver = nd30.Resolver(plan_docx)
    body = nd30.body_paragraphs(plan_docx)
    texts = [nd30.paragraph_text(p) for p in body]
    assert heading in texts, f"no section heading {heading!r}"
    start = texts.index(heading)
    closing = fill(plan_content["ket_thuc"][0])
    end = texts.index(closing)
    entries = [
        (p, t) for p, t in zip(body[start + 1 : end], texts[start + 1 : end], strict=True) if re.match(r"^\d+\. ", t)
    ]
    numbers = [int(t.split(".")[0]) for _, t in entries]
    assert len(entries) == 19
    assert len(entries) == len(plan_content["to_chuc_thuc_hien"])
    assert numbers == list(range(1, 20)), numbers
    default = plan_content.get("nhiem_vu_cung_dong", False)
    for (p, text), entry in zip(entries, plan_content["to_chuc_thuc_hien"], strict=True):
        runs = nd30.text_runs(p)
        if entry.get("cung_dong", default):
            # A one-task entry on its heading's line: the bold heading, then its task, not bold.
            bold = "".join(nd30.run_text(r) for r in runs if resolver.bold(r, p)).strip()
            assert bold.endswith(":") and text == f"{bold} {fill(entry['nhiem_vu'][0])}", text
            continue
        assert all(resolver.bold(r, p) for r in runs), f"entry heading not bold: {text!r}"
        assert text.endswith(":"), f"entry heading must end with a colon: {text!r}"


def test_no_template_tag_is_left_in_the_text(plan_docx):
    leftovers = [t for t in nd30.document_text_paragraphs(plan_docx) if re.search(r"\{\{|\}\}|\{%|%\}", t)]
    assert not leftovers, leftovers


# ECMA-376 Part 1 sequences (CT_PPrBase + CT_PPr, CT_RPr, CT_TblPr, CT_SectPr): Word reads these
# properties as ordered sequences, each element at most once.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "sectPr": "footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
    "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange",
}


def test_docx_xml_follows_the_schema_order(built):
    import zipfile

    from lxml import etree

    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    problems = []
    with zipfile.ZipFile(built.plan_docx) as package:
        parts = [n for n in package.namelist() if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", n)]
        for part in parts:
            root = etree.fromstring(package.read(part))
            for tag, sequence in SCHEMA_ORDER.items():
                order = sequence.split()
                for element in root.iter(namespace + tag):
                    if tag == "rPr" and element.getparent().tag == namespace + "pPr":
                        continue  # paragraph mark properties: a different sequence
                    names = [c.tag[len(namespace) :] for c in element if c.tag.startswith(namespace)]
                    names = [n for n in names if not (tag == "sectPr" and n in ("headerReference", "footerReference"))]
                    ranks = [order.index(n) for n in names if n in order]
                    if ranks != sorted(ranks) or len(set(names)) != len(names):
                        problems.append(f"{part}: w:{tag} children out of order or repeated: {' '.join(names)}")
    assert not problems, "\n".join(sorted(set(problems)))
