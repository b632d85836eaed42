"""The PDFs as archive copies: PDF/A-2b (TCVN 14159-2:2024), XMP metadata that names the document,
its issuer and its số ký hiệu, and bookmarks for the plan's sections; all read back from the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pypdf import PdfReader

from conftest import ROOTS, TEMPLATES, YEAR, ContentCopy, replace_once

from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.render import RenderTask, render

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"


def rdf(reader: PdfReader):
    return etree.fromstring(reader.xmp_metadata.stream.get_data()).find(f".//{{{RDF}}}RDF")


def pdfa_identification(reader: PdfReader) -> tuple[str | None, str | None]:
    """pdfaid:part and pdfaid:conformance, as attributes or elements of an rdf:Description."""
    found = {}
    for description in rdf(reader).iter(f"{{{RDF}}}Description"):
        for name in ("part", "conformance"):
            value = description.get(f"{{{PDFAID}}}{name}") or description.findtext(f"{{{PDFAID}}}{name}")
            if value:
                found[name] = value
    return found.get("part"), found.get("conformance")


def some_pdfs(built) -> list[Path]:
    """The plan, one letter and one form of the session's build."""
    folder = built.output / str(built.year)
    return [built.plan_pdf, next(folder.glob("*/cong-van-*.pdf")), next(folder.glob("*/bao-cao-*.pdf"))]


def test_every_kind_of_document_is_pdf_a_2b(built):
    for path in some_pdfs(built):
        data = path.read_bytes()
        reader = PdfReader(io.BytesIO(data))
        assert data.startswith(b"%PDF-1.7"), path
        assert pdfa_identification(reader) == ("2", "B"), path
        # The output intent PDF/A asks for, with the ICC profile it names embedded.
        [intent] = reader.trailer["/Root"]["/OutputIntents"]
        assert intent["/S"] == "/GTS_PDFA1"
        profile = intent["/DestOutputProfile"].get_object().get_data()
        assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB ", path  # an ICC profile of an RGB space
        assert "/ID" in reader.trailer, path
        # Every font embedded: PDF/A allows no other.
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
                    "/FontDescriptor"
                ]
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    path,
                    font["/BaseFont"],
                )


def test_xmp_names_the_plan_and_its_issuer_as_the_info_dictionary_does(built, plan_content, issuer_content, fill):
    reader = PdfReader(str(built.plan_pdf))
    meta = plan_content["van_ban"]
    subject = fill(meta["trich_yeu"])  # run on after the document's kind, so not capitalised
    title = f"{meta['ten_loai'].capitalize()} {subject[0].lower()}{subject[1:]}"
    issuer = fill(issuer_content["ten"])
    when = meta["ngay_ban_hanh"]
    created = f"{when['nam']}-{when['thang'] or 1:02d}-{when['ngay'] or 1:02d}"

    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": title} and reader.metadata["/Title"] == title
    assert xmp.dc_creator == [issuer] and reader.metadata["/Author"] == issuer
    assert xmp.xmp_create_date.date().isoformat() == created
    assert reader.metadata["/CreationDate"] == "D:" + created.replace("-", "")
    # A draft has no number yet, so no số ký hiệu to file it under.
    assert meta["so"] is None and xmp.dc_identifier is None


def test_a_numbered_plan_is_filed_under_its_so_ky_hieu(tmp_path):
    # The tiny commune root: the metadata is written the same for any plan, and rendering the
    # 2024 plan twice here cost seconds.
    content_copy = ContentCopy(tmp_path / "work", 2026, source=ROOTS / "xa-mau")
    replace_once(content_copy.path("ke-hoach.yaml"), "\n  so: 12\n", "\n  so: 7\n")
    meta = yaml.safe_load(content_copy.path("ke-hoach.yaml").read_text(encoding="utf-8"))["van_ban"]
    issuer = yaml.safe_load(content_copy.path("co-quan-ban-hanh.yaml").read_text(encoding="utf-8"))
    task = RenderTask(
        "pdf",
        build_plan(load_edition(content_copy.folder)),
        TEMPLATES / "html" / "van-ban.html",
        TEMPLATES / "van-ban.docx",
    )

    data = render(task)

    assert PdfReader(io.BytesIO(data)).xmp_metadata.dc_identifier == f"07/{meta['ky_hieu_loai']}-{issuer['ky_hieu']}"
    # Reproducible: no random id or clock time in the XMP or the file identifier.
    assert render(task) == data


def test_bookmarks_are_the_plans_sections_and_its_agencies(built, plan_content):
    reader = PdfReader(str(built.plan_pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    sections = [s["tieu_de"] for s in plan_content["noi_dung"]] + [plan_content["tieu_de_to_chuc_thuc_hien"]]
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert [item.title for item in top] == [f"{romans[n]}. {title}" for n, title in enumerate(sections)]

    # Under the last section, one bookmark for each agency's entry, numbered in order.
    children = reader.outline[reader.outline.index(top[-1]) + 1]
    assert isinstance(children, list)
    assert [item.title.split(". ", 1)[0] for item in children] == [
        str(n) for n in range(1, len(plan_content["to_chuc_thuc_hien"]) + 1)
    ]
    # Each bookmark leads to the page that shows its heading.
    for item in top + children:
        page = reader.get_destination_page_number(item)
        words = " ".join(reader.pages[page].extract_text().split())
        assert " ".join(item.title.split()[:4]) in words, (item.title, page + 1)


@pytest.mark.parametrize("kind", ["cong-van", "bao-cao"])
def test_letters_and_forms_have_no_bookmarks(built, kind):
    """Only the plan is long enough to need them."""
    path = next((built.output / str(YEAR)).glob(f"*/{kind}-*.pdf"))
    assert PdfReader(str(path)).outline == []
