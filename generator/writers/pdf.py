"""Write a Document as PDF: a Jinja2 HTML template rendered by WeasyPrint."""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..document.model import Document
from ..errors import TemplateProblem
from . import layout
from .fonts import check_harfbuzz_subset, no_library_search
from .jinja import strict_environment, template_files
from .typography import (
    KEEP_END,
    KEEP_START,
    LINE_BREAK,
    NO_BREAK_HYPHEN,
    hanging_mm,
    keep_addressees,
    keep_places,
    keep_whole,
    typeset_document,
)
from .word_styles import font_faces, template_fonts, template_styles, template_stylesheet

# Jinja-rendered with the layout numbers (page, tables, columns), then followed by the rules made
# from the Word template's paragraph styles (word_styles.py) and applied to every document.
STYLESHEET = "style.css"

# The archive copy: PDF/A-2, level B (ISO 19005-2, TCVN 14159-2:2024), what e-office systems and
# archives keep. WeasyPrint embeds the sRGB output intent and writes the XMP packet; its file
# identifier is a hash of the content, so the same document still gives the same bytes.
PDF_VARIANT = "pdf/a-2b"


class _Collect(logging.Handler):
    """Keeps WeasyPrint's warnings: a missing glyph or font is only a log line there."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def keep_spaces(text: str) -> str:
    """HTML folds runs of spaces into one; the blanks left for handwriting must keep their width."""
    return re.sub(r" {2,}", lambda match: "\u00a0" * len(match.group(0)), text)


# What typography keeps whole first: a kept phrase may hold a word with a no-break hyphen.
_UNBROKEN = re.compile(rf"{KEEP_START}[^{KEEP_END}]*{KEEP_END}|\S*{NO_BREAK_HYPHEN}\S*")


def _unbroken(match: re.Match) -> str:
    kept = match[0].strip(KEEP_START + KEEP_END).replace(NO_BREAK_HYPHEN, "-")
    return '<span class="unbroken">' + kept + "</span>"


def text(value: str) -> Markup:
    """Typeset text as HTML: blanks kept, a word with a no-break hyphen kept on one line (with a
    plain hyphen, so that a reader searching the PDF finds it), as what typography keeps whole,
    a title's line breaks as <br>."""
    html = str(escape(keep_spaces(keep_whole(value))))
    return Markup(_UNBROKEN.sub(_unbroken, html).replace(LINE_BREAK, "<br>"))


@functools.cache
def _environment(html_folder: Path) -> jinja2.Environment:
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    environment.filters["keep_spaces"] = keep_spaces
    environment.filters["text"] = text
    return environment


def pdf_template_files(html_folder: Path, template: str) -> list[Path]:
    """What a PDF's layout depends on besides its document: its HTML template and the stylesheet."""
    return sorted({*template_files(html_folder, template), *template_files(html_folder, STYLESHEET)})


def _hanging(document: Document, style) -> list[str]:
    """Each addressee line's inline style: its continuation lines hang after its label, as in the DOCX."""
    indents = []
    for line in document.addressees:
        hang = hanging_mm(line, style.size_pt, style.face, style.font) * 72 / 25.4
        margin = f"margin-left: {round(style.left_pt + hang, 2):g}pt; text-indent: {-round(hang, 2):g}pt"
        indents.append(margin if hang else "")
    return indents


def render_html(document: Document, html_folder: Path, template: str, word_template: Path) -> str:
    styles = template_styles(word_template)
    shown = keep_addressees(keep_places(typeset_document(document)))
    try:
        return (
            _environment(html_folder)
            .get_template(template)
            .render(doc=shown, rules=styles.rules(document), hanging=_hanging(shown, styles["VBAddressee"]), L=layout)
        )
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / template}: lỗi mẫu HTML: {err}") from err


@functools.cache
def weasyprint_and_fonts():
    """WeasyPrint and one font configuration for the process: loading fonts per document is wasted."""
    check_harfbuzz_subset()
    try:
        with no_library_search(), contextlib.redirect_stdout(io.StringIO()):
            import weasyprint  # half a second to import: only when a PDF is written
    except OSError:
        # A library known by another name than WeasyPrint's own list says: found by the search.
        import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    return weasyprint, FontConfiguration()


@functools.cache
def _archive_metadata():
    """WeasyPrint's XMP metadata (title, creator = the issuing body, dates) with the số ký hiệu
    added as dc:identifier, a property PDF/A knows without an extension schema."""
    from xml.etree.ElementTree import SubElement, fromstring, tostring

    from weasyprint.pdf.metadata import NS, DocumentMetadata

    class ArchiveMetadata(DocumentMetadata):
        def __init__(self, metadata: DocumentMetadata, reference: str | None) -> None:
            super().__init__()
            vars(self).update(vars(metadata))
            self.reference = reference

        def generate_rdf_metadata(self, *args) -> bytes:
            rdf = fromstring(super().generate_rdf_metadata(*args))
            if self.reference:
                description = SubElement(rdf, f"{{{NS['rdf']}}}Description", {f"{{{NS['rdf']}}}about": ""})
                SubElement(description, f"{{{NS['dc']}}}identifier").text = self.reference
            return tostring(rdf, encoding="utf-8")

    return ArchiveMetadata


@functools.cache
def _compress_once():
    """A finisher for WeasyPrint: PDF/A's file identifier is a hash of every object's bytes, and
    pydyf makes a stream's bytes, compressing it, each time they are asked for, so every font and
    page would be compressed twice (the identifier, then the file). Each stream keeps its bytes."""
    import pydyf

    class StreamOnce(pydyf.Stream):
        @property
        def data(self) -> bytes:
            if "_bytes" not in vars(self):
                self._bytes = pydyf.Stream.data.fget(self)
            return self._bytes

    def finish(document, pdf) -> None:
        for pdf_object in pdf.objects:
            if type(pdf_object) is pydyf.Stream:
                pdf_object.__class__ = StreamOnce

    return finish


@functools.cache
def _stylesheet(css: str):
    """The parsed stylesheet, once per process for each text of it."""
    weasyprint, fonts = weasyprint_and_fonts()
    return weasyprint.CSS(string=css, font_config=fonts)


def _css(html_folder: Path, word_template: Path) -> str:
    # @font-face rules first (fonts found in a Windows fonts folder, by their files); text that no
    # style covers is in the body style's font; the template's styles last, overriding the layout.
    used = template_fonts(word_template)
    font = used[template_styles(word_template)["VBBody"].font]
    try:
        layout_css = _environment(html_folder).get_template(STYLESHEET).render(L=layout, font=font)
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / STYLESHEET}: lỗi mẫu CSS: {err}") from err
    return font_faces(used) + layout_css + template_stylesheet(word_template)


def render_pdf(document: Document, html_folder: Path, template: str, word_template: Path) -> bytes:
    """`word_template`: the DOCX template of the same document, whose paragraph styles the PDF takes."""
    html = render_html(document, html_folder, template, word_template)
    css = _css(html_folder, word_template)
    return pdf_from_html(
        html, css, html_folder=html_folder, reference=document.info.reference, source=html_folder / template
    )


def pdf_from_html(html: str, css: str, *, html_folder: Path, reference: str | None, source: Path) -> bytes:
    """WeasyPrint's part: the same arguments give the same bytes in one process (its fonts are
    loaded once). `source` is only named in an error: the template the HTML was made from."""
    weasyprint, fonts = weasyprint_and_fonts()
    stylesheet = _stylesheet(css)
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        options = {"pdf_variant": PDF_VARIANT} if PDF_VARIANT else {}
        rendering = weasyprint.HTML(string=html, base_url=str(html_folder)).render(
            stylesheets=[stylesheet], font_config=fonts, **options
        )
        rendering.metadata = _archive_metadata()(rendering.metadata, reference)
        pdf = rendering.write_pdf(finisher=_compress_once(), **options)
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        raise TemplateProblem(f"{source}: WeasyPrint báo lỗi khi dàn trang: " + "; ".join(collector.messages))
    return pdf
