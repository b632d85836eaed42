"""Issue 13: the Word template styles both formats, its styles are found by name, and the layout
rules (no split symbols, no addressee line starting with a dash, signature never alone, the
clerk's title line breaks) hold on the page, read back from the PDF and from LibreOffice's
rendering of the DOCX."""

from __future__ import annotations

import itertools
import re
import shutil
import zipfile
from pathlib import Path

import docx
import nd30
import pytest
import yaml
from conftest import CONTENT, ROOTS, TEMPLATES, YEAR, convert, run_main
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from pypdf import PdfReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MM = nd30.PT_PER_MM


# ----------------------------------------------------------------------------- reading lines off a PDF page
def lines(page) -> list[nd30.PdfText]:
    """The text lines of a page, top to bottom: fragments on one baseline (±1 pt) and close
    together joined; the two columns of a table stay apart when a wide gap separates them."""
    fragments = sorted((f for f in nd30.pdf_fragments(page) if f.text.strip()), key=lambda f: (-round(f.y), f.x))
    found: list[list[nd30.PdfText]] = []
    for fragment in fragments:
        if found and abs(found[-1][-1].y - fragment.y) <= 1 and fragment.x - found[-1][-1].x < 400:
            found[-1].append(fragment)
        else:
            found.append([fragment])
    result = []
    for group in found:
        group.sort(key=lambda f: f.x)
        text = re.sub(r"\s+", " ", "".join(f.text for f in group)).strip()
        result.append(nd30.PdfText(text, group[0].x, group[0].y, max(f.size for f in group)))
    return result


def body_lines(reader) -> list[list[nd30.PdfText]]:
    """Each page's lines without the page number in the top margin."""
    return [[line for line in lines(page) if line.y < float(page.mediabox.height) - 20 * MM] for page in reader.pages]


# ----------------------------------------------------------------------------- restyling the template as a clerk would
def restyle(template: Path, changes: dict[str, float]) -> None:
    """Set the font size of paragraph styles (by name) with python-docx, as Word would save it."""
    document = docx.Document(str(template))
    for name, size in changes.items():
        document.styles[name].font.size = Pt(size)
    document.save(str(template))


def rename_style_ids(template: Path) -> dict[str, str]:
    """Give every style of the template a new id, everywhere it is referred to, as LibreOffice
    does when it saves (VBRuleAgency → Gchditncquan); the names stay."""
    with zipfile.ZipFile(template) as package:
        parts = {info: package.read(info.filename) for info in package.infolist()}
    styles_info = next(info for info in parts if info.filename == "word/styles.xml")
    styles = etree.fromstring(parts[styles_info])
    renamed = {}
    for number, style in enumerate(styles.iter(f"{{{W}}}style")):
        old = style.get(f"{{{W}}}styleId")
        if old.startswith("VB"):
            renamed[old] = f"Lo{number}x{abs(hash(old)) % 10_000}"
    attributes = ("pStyle", "rStyle", "basedOn", "next", "link")
    for info, data in list(parts.items()):
        if not (info.filename.startswith("word/") and info.filename.endswith(".xml")):
            continue
        root = etree.fromstring(data)
        for element in root.iter():
            if element.tag == f"{{{W}}}style" and element.get(f"{{{W}}}styleId") in renamed:
                element.set(f"{{{W}}}styleId", renamed[element.get(f"{{{W}}}styleId")])
            elif element.tag in {f"{{{W}}}{a}" for a in attributes} and element.get(f"{{{W}}}val") in renamed:
                element.set(f"{{{W}}}val", renamed[element.get(f"{{{W}}}val")])
        parts[info] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in parts.items():
            package.writestr(info, data)
    return renamed


def render_plan(templates: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The 2024 plan written through both writers with these templates."""
    from generator.checks import load_edition
    from generator.document.plan import build_plan
    from generator.writers.docx import render_docx
    from generator.writers.pdf import render_pdf

    document = build_plan(load_edition(CONTENT / str(YEAR)))
    docx_path, pdf_path = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach.pdf"
    docx_path.write_bytes(render_docx(document, templates / "van-ban.docx"))
    pdf_path.write_bytes(render_pdf(document, templates / "html", "van-ban.html", templates / "van-ban.docx"))
    return docx_path, pdf_path


def body_sizes(reader) -> set[float]:
    """Font sizes of the plan's body text lines (those starting at the left margin, below page 1's header)."""
    sizes = set()
    for page_lines in body_lines(reader)[1:]:
        sizes |= {round(line.size, 1) for line in page_lines if abs(line.x - 30 * MM) < 1 and len(line.text) > 40}
    return sizes


@pytest.fixture
def restyled(tmp_path):
    """The templates with "Đoạn văn" and "Đề mục" at 13 pt and every style id renamed."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    restyle(templates / "van-ban.docx", {"Đoạn văn": 13, "Đề mục": 13, "Đoạn kết": 13})
    renamed = rename_style_ids(templates / "van-ban.docx")
    assert renamed["VBRuleAgency"] != "VBRuleAgency"
    return templates


def test_a_restyled_template_with_renamed_ids_restyles_both_formats(
    restyled, tmp_path, libreoffice, plan_content, issuer_content, fill
):
    (tmp_path / "before").mkdir()
    original_docx, original_pdf = render_plan(TEMPLATES, tmp_path / "before")
    docx_path, pdf_path = render_plan(restyled, tmp_path)
    before, after = PdfReader(str(original_pdf)), PdfReader(str(pdf_path))
    assert body_sizes(before) == {14.0}
    assert body_sizes(after) == {13.0}, "the PDF must take the body size from the Word template"
    assert len(after.pages) < len(before.pages)

    document = docx.Document(str(docx_path))
    resolver = nd30.Resolver(document)
    body = [
        p
        for p in nd30.body_paragraphs(document)
        if len(nd30.paragraph_text(p)) > 40 and resolver.alignment(p) == "both"
    ]
    assert {resolver.size_pt(nd30.text_runs(p)[0], p) for p in body} == {13.0}
    # The rules are found by their style's name whatever its id: each keeps its Decree 30 length.
    meta = plan_content["van_ban"]
    nd30.check_header(
        document,
        type_name=meta["ten_loai"],
        title=fill(meta["trich_yeu"]),
        type_code=meta["ky_hieu_loai"],
        agency_lines=[fill(line).upper() for line in issuer_content["dong_tieu_de"]],
        parent_agency=fill(issuer_content["co_quan_chu_quan"]).upper()
        if issuer_content.get("co_quan_chu_quan")
        else None,
    )
    original = docx.Document(str(original_docx))
    assert rule_indents(document) == rule_indents(original)

    done, converted = libreoffice(docx_path)
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(str(converted)).pages) == len(after.pages), "DOCX (LibreOffice) and PDF page counts differ"


def rule_indents(document) -> list[tuple[str, str]]:
    """(left, right) indents of every paragraph drawn as a rule (an empty paragraph with a bottom border)."""
    found = []
    for p in nd30.all_paragraphs(document.element.body):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = (
            document.styles.element.xpath(f'w:style[@w:styleId="{style.get(qn("w:val"))}"]/w:name/@w:val')
            if style is not None
            else []
        )
        if name and name[0].startswith("Gạch dưới"):
            ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            found.append((name[0], ind.get(qn("w:left")), ind.get(qn("w:right"))))
    assert len(found) == 3, found
    return found


def test_a_template_without_a_needed_style_is_refused_naming_it(work):
    templates = work.base / "templates"
    shutil.copytree(TEMPLATES, templates)
    document = docx.Document(str(templates / "van-ban.docx"))
    document.styles["Gạch dưới tên cơ quan"].name = "Gach duoi"
    document.save(str(templates / "van-ban.docx"))
    result = run_main(
        ["--content", "content", "--output", "output", "--templates", str(templates), "build", "--year", str(YEAR)],
        work.base,
    )
    assert result.returncode == 1, result.stderr
    assert len(result.stderr_lines) == 1, result.stderr
    assert "“Gạch dưới tên cơ quan”" in result.stderr and "van-ban.docx" in result.stderr, result.stderr
    written = [p for p in (work.base / "output").rglob("*") if p.is_file()] if (work.base / "output").exists() else []
    assert [p for p in written if p.suffix in (".docx", ".pdf")] == []


# ----------------------------------------------------------------------------- every 2024 document, both formats
@pytest.fixture(scope="module")
def libreoffice_pdfs(built, soffice, tmp_path_factory) -> dict[str, Path]:
    """Every DOCX of the 2024 build converted by LibreOffice, in one call: relative path → its PDF."""
    folder = built.output / str(YEAR)
    sources = sorted(folder.rglob("*.docx"))
    outdir, profile = tmp_path_factory.mktemp("lo-all"), tmp_path_factory.mktemp("lo-all-profile")
    done = convert(soffice, sources, outdir, profile=profile, timeout=900)
    assert done.returncode == 0, done.stderr
    assert len({p.stem for p in sources}) == len(sources), "converted files would overwrite each other"
    return {p.relative_to(folder).with_suffix(".pdf").as_posix(): outdir / f"{p.stem}.pdf" for p in sources}


def both_formats(built, libreoffice_pdfs):
    """(name, reader) for every PDF of the build and every LibreOffice rendering of its DOCX."""
    folder = built.output / str(YEAR)
    for name, converted in sorted(libreoffice_pdfs.items()):
        yield f"{name} (PDF)", nd30.read_pdf(folder / name)
        yield f"{name} (DOCX in LibreOffice)", nd30.read_pdf(converted)


@pytest.fixture(scope="module")
def every_rendering(built, libreoffice_pdfs) -> list[tuple[str, list[float], list[list[nd30.PdfText]]]]:
    """(name, each page's height, each page's body lines) of both_formats(), read once for the
    tests below that only read them: reading the lines off 120 PDFs took about 15 s a test."""
    return [
        (name, [float(page.mediabox.height) for page in reader.pages], body_lines(reader))
        for name, reader in both_formats(built, libreoffice_pdfs)
    ]


def test_docx_and_pdf_of_every_document_have_the_same_page_count(built, libreoffice_pdfs):
    folder = built.output / str(YEAR)
    counts = {
        name: (len(PdfReader(str(folder / name)).pages), len(PdfReader(str(converted)).pages))
        for name, converted in libreoffice_pdfs.items()
    }
    assert len(counts) == 60  # the plan, 30 letters, 29 forms (the HĐND committees are sent none)
    differing = {name: pair for name, pair in counts.items() if pair[0] != pair[1]}
    assert not differing, f"pages (PDF, DOCX via LibreOffice): {differing}"


def test_the_signature_block_never_stands_alone_on_its_page(every_rendering):
    """The page with "Nơi nhận" and the signature also holds what comes before them: the block
    starts at least two lines below the top of the text area (text, or lines to write on, above)."""
    problems = []
    for name, heights, pages in every_rendering:
        for number, (height, page_lines) in enumerate(zip(heights, pages, strict=True), start=1):
            label = next((line for line in page_lines if line.text.startswith("Nơi nhận:")), None)
            top = height - 20 * MM
            if label is not None and top - label.y < 2 * 14 * 1.15 + 12:
                problems.append(f"{name} page {number}: the Nơi nhận and signature block opens the page")
    assert not problems, "\n".join(problems)


def test_the_hoi_lhpn_letter_leaves_no_page_for_its_signature_alone(built, libreoffice_pdfs, plan_content):
    """The block kept with the closing sentence (a small space, then Nơi nhận and the signature)
    fits the 52 mm that page 1 has left: one page in both formats, the signer's name inside the
    text area."""
    for name, reader in both_formats(built, {k: v for k, v in libreoffice_pdfs.items() if "cong-van-Hoi-LHPN" in k}):
        assert len(reader.pages) == 1, name
        name_line = next(line for line in body_lines(reader)[0] if line.text == plan_content["nguoi_ky"]["ho_ten"])
        assert name_line.y > 20 * MM, name


def test_no_line_of_an_addressee_or_a_paragraph_begins_with_a_dash(every_rendering):
    """A line that starts "- " reads as another recipient or list item; only a paragraph's first
    line (indented) and the Nơi nhận list (11 pt) may start so."""
    problems = []
    for name, _, pages in every_rendering:
        for number, page_lines in enumerate(pages, start=1):
            for line in page_lines:
                continuation = abs(line.x - 30 * MM) < 1 and line.size > 12  # body text at the left margin
                addressee = abs(line.x - 60 * MM) < 1 and number == 1  # Kính gửi, indented 30 mm
                if (continuation or addressee) and re.match(r"[-–] ", line.text):
                    problems.append(f"{name} page {number}: {line.text[:60]!r}")
    assert not problems, "\n".join(problems)


def test_symbols_abbreviations_and_year_ranges_never_split_at_their_hyphen(built, every_rendering):
    problems = []
    for name, _, pages in every_rendering:
        for number, page_lines in enumerate(pages, start=1):
            for line, following in itertools.pairwise(page_lines):
                if re.search(r"[0-9A-ZĐ&][-‑–]$|\d{4} ?[-–]$", line.text) and re.match(r"[0-9A-ZĐ&]", following.text):
                    problems.append(f"{name} page {number}: {line.text[-20:]!r} / {following.text[:20]!r}")
    assert not problems, "\n".join(problems)
    # The hyphens are real hyphens to a reader searching either file.
    plan = nd30.pdf_text(PdfReader(str(built.plan_pdf)))
    assert "180/KH-UBND" in plan and "2021-2030" in plan


def test_the_docx_uses_word_no_break_hyphens(built):
    with zipfile.ZipFile(built.plan_docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "180/KH<w:noBreakHyphen/>" in xml or re.search(r"180/KH</w:t><w:noBreakHyphen/><w:t[^>]*>UBND", xml), (
        "no w:noBreakHyphen in 180/KH-UBND"
    )
    assert "\u2011" not in xml


# ----------------------------------------------------------------------------- the clerk's title line breaks
# On the tiny root: where a `|` breaks the title is the same code for any plan, and building the
# 2024 set's 120 documents to read two of them cost about 20 s.
TINY, TINY_YEAR = ROOTS / "xa-mau", 2026
PLAN_TITLE = "Thực hiện công tác bình đẳng giới trên địa bàn xã {dia_danh} năm {nam}"
MARKED_TITLE = "Thực hiện công tác | bình đẳng giới trên địa bàn | xã {dia_danh} năm {nam}"
SUBJECT = "Triển khai Kế hoạch thực hiện công tác bình đẳng giới năm {nam}"
MARKED_SUBJECT = "Triển khai Kế hoạch | thực hiện | công tác bình đẳng giới | năm {nam}"
MARKED_LETTER = "Hoi-LHPN-xa/cong-van-Hoi-LHPN-xa"


@pytest.fixture(scope="module")
def marked(tmp_path_factory, soffice):
    """A copy of the tiny root whose plan title and letter subject carry `|` marks, built, with
    LibreOffice's renderings of the plan's and one letter's DOCX (one call): (folder, fill, {stem: reader})."""
    from conftest import ContentCopy, run_build

    copy = ContentCopy(tmp_path_factory.mktemp("marked"), year=TINY_YEAR, source=TINY)
    copy.replace_once("ke-hoach.yaml", f'"{PLAN_TITLE}"', f'"{MARKED_TITLE}"')
    copy.replace_once("cong-van.yaml", f'"{SUBJECT}"', f'"{MARKED_SUBJECT}"')
    run_build(copy.content, copy.output, year=TINY_YEAR)
    folder = copy.output / str(TINY_YEAR)
    place = yaml.safe_load(copy.text("co-quan-ban-hanh.yaml"))["dia_danh"]
    fill = lambda text: text.replace("{dia_danh}", place).replace("{nam}", str(TINY_YEAR))
    sources = [folder / "ke-hoach.docx", folder / f"{MARKED_LETTER}.docx"]
    return folder, fill, converted_all(soffice, sources, tmp_path_factory.mktemp("marked-lo"))


def converted_all(soffice, sources: list[Path], outdir: Path) -> dict[str, PdfReader]:
    """LibreOffice's PDF of each DOCX, converted in one call: file stem → reader."""
    done = convert(soffice, sources, outdir, timeout=300)
    assert done.returncode == 0, done.stderr
    return {source.stem: PdfReader(str(outdir / f"{source.stem}.pdf")) for source in sources}


def marked_lines(text: str, fill) -> list[str]:
    """The lines a `|`-marked text must print as: cut at each mark, placeholders filled."""
    return [" ".join(fill(part).split()) for part in text.split("|")]


def test_a_marked_title_breaks_exactly_there_in_both_formats(marked):
    folder, fill, renderings = marked
    expected = marked_lines(MARKED_TITLE, fill)
    assert len(expected) == 3
    for reader in (PdfReader(str(folder / "ke-hoach.pdf")), renderings["ke-hoach"]):
        page = [line.text for line in body_lines(reader)[0]]
        start = page.index("KẾ HOẠCH") + 1
        assert page[start : start + 3] == expected, page[:12]
    title = next(p for p in docx.Document(str(folder / "ke-hoach.docx")).paragraphs if p.text.startswith(expected[0]))
    assert title.text.split("\n") == expected
    assert title._p.xpath("count(.//w:br)") == 2


def test_a_marked_subject_breaks_there_and_reads_as_a_space_in_a_sentence(marked):
    folder, fill, renderings = marked
    letter = folder / MARKED_LETTER
    expected = marked_lines("V/v " + MARKED_SUBJECT[0].lower() + MARKED_SUBJECT[1:], fill)
    assert len(expected) == 4
    for reader in (PdfReader(str(letter.with_suffix(".pdf"))), renderings[letter.name]):
        page = [line.text for line in lines(reader.pages[0]) if line.x < 30 * MM + 62 * MM]
        start = next(i for i, text in enumerate(page) if text.startswith("V/v"))
        assert page[start : start + len(expected)] == expected, page[:14]
        text = nd30.pdf_text(reader)
        assert "|" not in text
        # The letter cites the plan's title in its first sentence: the marks read as spaces there.
        cited = " ".join(fill(MARKED_TITLE.replace(" | ", " ")).split())
        assert cited[0].lower() + cited[1:] in " ".join(text.split())


def test_alignment_and_spacing_of_a_style_follow_the_template_in_both_formats(tmp_path, libreoffice):
    """The title set flush left and the headings given 24 pt above them, in Word: the PDF and
    LibreOffice's rendering of the DOCX place them alike."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    document = docx.Document(str(templates / "van-ban.docx"))
    document.styles["Trích yếu"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.styles["Đề mục"].paragraph_format.space_before = Pt(24)
    document.save(str(templates / "van-ban.docx"))
    docx_path, pdf_path = render_plan(templates, tmp_path)
    done, converted_path = libreoffice(docx_path)
    assert done.returncode == 0, done.stderr
    for reader in (PdfReader(str(pdf_path)), PdfReader(str(converted_path))):
        page = body_lines(reader)[0]
        start = next(i for i, line in enumerate(page) if line.text == "KẾ HOẠCH") + 1
        assert abs(page[start].x - 30 * MM) < 1, page[start]  # the title starts at the left margin
        heading = next(i for i, line in enumerate(page) if line.text.startswith("I. "))
        gap = page[heading - 1].y - page[heading].y
        assert abs(gap - (14 * 1.15 + 24)) < 1.5, gap  # one line and the 24 pt before it


def test_a_template_saved_again_in_the_same_place_is_read_again(tmp_path):
    """The DOCX writer keeps each template it has opened for the next document: a template restyled
    at the same path (a clerk saving it in Word between two builds of one session) is a new one."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    before = docx.Document(str(render_plan(templates, tmp_path)[0])).styles["Đoạn văn"].font.size
    restyle(templates / "van-ban.docx", {"Đoạn văn": 13})
    after = docx.Document(str(render_plan(templates, tmp_path)[0])).styles["Đoạn văn"].font.size
    assert (before, after) == (Pt(14), Pt(13))
