"""Issue 23: a restyle in Word (body 13 pt, 1.15 lines, another installed font) reaches both
formats. The body-text styles inherit from the body style, the PDF follows the template's font and
size, and DOCX (rendered by LibreOffice) and PDF keep the same page count, fonts and sizes; a font
this machine lacks is refused before anything is written."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import CONTENT, ROOTS, TEMPLATES, YEAR, convert, run_main
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

BODY = "Đoạn văn"
# The styles a clerk expects to change with the body style: headings, closing paragraph, Kính gửi.
BODY_TEXT = ("Đề mục", "Đoạn kết", "Kính gửi")
ROOT, ROOT_YEAR = ROOTS / "xa-mau", 2026


def installed_font() -> str:
    """A sans-serif family with Vietnamese letters that this machine has (not Times' metrics)."""
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    for family in ("Liberation Sans", "DejaVu Sans"):
        if any(family in line.split(",") for line in listed.splitlines()):
            return family
    pytest.skip("neither Liberation Sans nor DejaVu Sans is installed")


def postscript_prefix(family: str) -> str:
    return family.replace(" ", "").casefold()


def restyled_templates(folder: Path, family: str) -> Path:
    """The templates with the body style in `family`, 13 pt, 1.15 lines, as Word would save it."""
    templates = folder / "templates"
    shutil.copytree(TEMPLATES, templates)
    document = docx.Document(str(templates / "van-ban.docx"))
    body = document.styles[BODY]
    body.font.name = family
    body.font.size = Pt(13)
    body.paragraph_format.line_spacing = 1.15
    document.save(str(templates / "van-ban.docx"))
    return templates


def fonts_and_sizes(reader: PdfReader) -> list[tuple[str, float, str]]:
    """(font name without its subset tag, size in pt, text) of every text fragment."""
    found = []

    def visit(text, cm, tm, font, size):
        if not text.strip() or font is None:
            return
        scale = (abs(tm[0] * cm[0] + tm[1] * cm[2]) ** 2 + abs(tm[0] * cm[1] + tm[1] * cm[3]) ** 2) ** 0.5
        # Without the subset tag, and as one word: WeasyPrint writes "Liberation-Sans-Bold", LibreOffice "LiberationSans-Bold".
        name = re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont", "")).lstrip("/"))
        name = re.sub(r"[-\s]", "", name).casefold()
        found.append((name, round(size * scale, 1), text))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def convert_all(sources: list[Path], outdir: Path) -> dict[Path, Path]:
    """Every DOCX through LibreOffice in one call: source → its PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed")
    flat = outdir / "in"
    flat.mkdir(parents=True)
    copies = {}
    for number, source in enumerate(sources):
        copies[source] = flat / f"{number:03d}-{source.name}"
        shutil.copyfile(source, copies[source])
    done = convert(soffice, list(copies.values()), outdir)
    assert done.returncode == 0, done.stderr
    return {source: outdir / f"{copy.stem}.pdf" for source, copy in copies.items()}


def compare(pairs: dict[Path, Path], family: str) -> list[str]:
    """What differs between each PDF and LibreOffice's rendering of its DOCX: page count, the fonts
    used, and the size of the text in the restyled font (13 pt, and found in both)."""
    problems = []
    prefix = postscript_prefix(family)
    for pdf, converted in pairs.items():
        ours, theirs = PdfReader(str(pdf)), PdfReader(str(converted))
        if len(ours.pages) != len(theirs.pages):
            problems.append(f"{pdf.name}: {len(ours.pages)} pages in the PDF, {len(theirs.pages)} from the DOCX")
        mine, other = fonts_and_sizes(ours), fonts_and_sizes(theirs)
        if {f[0] for f in mine} != {f[0] for f in other}:
            problems.append(f"{pdf.name}: fonts {sorted({f[0] for f in mine})} ≠ {sorted({f[0] for f in other})}")
        for label, fragments in (("PDF", mine), ("DOCX", other)):
            restyled = {size for name, size, _ in fragments if name.startswith(prefix)}
            if restyled != {13.0}:
                problems.append(f"{pdf.name} ({label}): text in {family} at sizes {sorted(restyled)}")
    return problems


# ----------------------------------------------------------------------------- the template itself
def test_body_text_styles_inherit_font_size_and_spacing_from_the_body_style():
    document = docx.Document(str(TEMPLATES / "van-ban.docx"))
    for name in BODY_TEXT:
        style = document.styles[name]
        assert style.base_style.name == BODY, name
        rpr = style.element.find(qn("w:rPr"))
        own = {child.tag.split("}")[1] for child in rpr} if rpr is not None else set()
        assert not own & {"rFonts", "sz"}, (name, own)
        if name != "Kính gửi":  # which has its own space before, and so its own w:spacing
            assert style.paragraph_format.line_spacing is None, name
    # One font for the whole template, named once in Normal and the document defaults.
    named = document.styles.element.xpath("//w:style[w:rPr/w:rFonts]/w:name/@w:val")
    assert [n for n in named if not n.endswith("Char")] == ["Normal"], named


def test_restyling_the_body_style_restyles_every_body_text_style(tmp_path):
    from generator.writers.word_styles import template_styles

    family = installed_font()
    styles = template_styles(restyled_templates(tmp_path, family) / "van-ban.docx")
    for style_id in ("VBBody", "VBHeading", "VBClosing", "VBAddressee"):
        style = styles[style_id]
        assert (style.font, style.size_pt) == (family, 13.0), style
        assert style.line_value == (1.15 if style_id != "VBAddressee" else 1.0), style
    assert styles["VBSignature"].font == "Times New Roman" and styles["VBSignature"].size_pt == 14


# ----------------------------------------------------------------------------- both formats, every document
def test_a_restyled_body_gives_the_same_pages_fonts_and_sizes_in_docx_and_pdf(tmp_path):
    family = installed_font()
    templates = restyled_templates(tmp_path, family)
    output = tmp_path / "output"
    result = run_main(
        ["--content", ROOT, "--output", output, "--templates", templates, "build", "--year", ROOT_YEAR], tmp_path
    )
    assert result.returncode == 0, result.stderr
    # The build's last line tells the clerk which font the restyled body is printed in.
    assert f"mẫu Word còn dùng phông {family}" in result.stdout.splitlines()[-1], result.stdout
    folder = output / str(ROOT_YEAR)
    sources = sorted(folder.rglob("*.docx"))
    assert len(sources) >= 10
    converted = convert_all(sources, tmp_path / "lo")
    pairs = {source.with_suffix(".pdf"): pdf for source, pdf in converted.items()}
    problems = compare(pairs, family)
    assert not problems, "\n".join(problems)


def test_the_2024_plan_restyled_keeps_its_pages_in_both_formats(tmp_path):
    from generator.checks import load_edition
    from generator.document.plan import build_plan
    from generator.writers.docx import render_docx
    from generator.writers.pdf import render_pdf

    family = installed_font()
    templates = restyled_templates(tmp_path, family)
    document = build_plan(load_edition(CONTENT / str(YEAR)))
    docx_path, pdf_path = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach.pdf"
    docx_path.write_bytes(render_docx(document, templates / "van-ban.docx"))
    pdf_path.write_bytes(render_pdf(document, templates / "html", "van-ban.html", templates / "van-ban.docx"))
    converted = convert_all([docx_path], tmp_path / "lo")
    problems = compare({pdf_path: converted[docx_path]}, family)
    assert not problems, "\n".join(problems)
    # The body text really is in the restyled font in the PDF: most fragments of the plan.
    fragments = fonts_and_sizes(PdfReader(str(pdf_path)))
    restyled = [f for f in fragments if f[0].startswith(postscript_prefix(family))]
    assert len(restyled) > len(fragments) / 2


# ----------------------------------------------------------------------------- a font the PDF cannot use
def test_a_font_this_machine_lacks_is_refused_before_anything_is_written(tmp_path):
    missing = "Phong Khong Co That"
    templates = restyled_templates(tmp_path, missing)
    content = tmp_path / "content"
    shutil.copytree(ROOT / str(ROOT_YEAR), content / str(ROOT_YEAR))
    result = run_main(
        ["--content", "content", "--output", "output", "--templates", str(templates), "build", "--year", ROOT_YEAR],
        tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert len(result.stderr_lines) == 1, result.stderr
    assert f"“{missing}”" in result.stderr and f"“{BODY}”" in result.stderr and "van-ban.docx" in result.stderr
    assert "cài phông" in result.stderr  # says what to do
    written = [p for p in (tmp_path / "output").rglob("*") if p.suffix in (".docx", ".pdf")]
    assert written == []


def test_a_font_the_machine_has_only_as_its_metric_twin_prints_in_the_twin(tmp_path):
    """Arial on a machine without it (Linux, LibreOffice's own substitute): the PDF's body style
    names Liberation Sans or Arimo, whose letters have Arial's widths, and says nothing of Arial."""
    from generator.writers.word_styles import template_fonts, template_stylesheet

    template = restyled_templates(tmp_path, "Arial") / "van-ban.docx"
    found = template_fonts(template)["Arial"]
    if found.family == "Arial":
        pytest.skip("Arial itself is installed here")
    assert found.family in ("Liberation Sans", "Arimo")
    body_rule = next(line for line in template_stylesheet(template).splitlines() if line.startswith(".paragraph "))
    assert f'font-family: "{found.family}"' in body_rule and "13pt" in body_rule, body_rule
