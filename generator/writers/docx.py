"""Write a Document as DOCX through a docxtpl template."""

from __future__ import annotations

import copy
import functools
import io
import re
from datetime import datetime, time
from pathlib import Path

import jinja2
from docx import Document as open_docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.opc.pkgwriter import PackageWriter
from docx.shared import Mm
from docxtpl import DocxTemplate, RichText
from lxml import etree

from ..document.model import CONTENT_DIGEST_PROPERTY, IDENTITY_PROPERTY, Block, Document, Table
from ..errors import TemplateProblem
from ..files import zip_of
from .docx_appendix import add_appendices
from .docx_attached import add_attached, centre_lines, template_kind
from .jinja import CompilingOnceEnvironment, strict_environment
from .language import mark_runs
from . import layout
from .typography import NO_BREAK_HYPHEN, hanging_mm, typeset_document
from .word_styles import RULED_STYLES, TemplateStyles, template_bytes, template_styles


@functools.cache
def _environment() -> jinja2.Environment:
    return strict_environment(cls=CompilingOnceEnvironment)


@functools.lru_cache(maxsize=8)
def _patched_xml(source: str) -> str:
    return DocxTemplate.patch_xml(None, source)


@functools.lru_cache(maxsize=8)
def _opened(data: bytes):
    """The template as python-docx opens it, once per process for each content of it: a render
    changes a copy (opening the package again parsed a dozen XML parts each time)."""
    return open_docx(io.BytesIO(data))


class _DocxTemplate(DocxTemplate):
    """docxtpl cleans each part's XML with some twenty regular expressions before every render: a
    third of a DOCX's time. The same template part always cleans to the same text, so it is done
    once per process."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)

    def init_docx(self, reload: bool = True) -> None:
        if not self.docx or (self.is_rendered and reload):
            self.docx = copy.deepcopy(_opened(self.template_file.getvalue()))
            self.is_rendered = False

    def map_tree(self, tree) -> None:
        """docxtpl moves the rendered body into the template's document element, and lxml then
        resolves the namespaces of each moved node one by one: another third of a DOCX's time. The
        document element is parsed again around the body instead, as one text."""
        part = self.docx.part
        template = etree.tostring(part.element, encoding="unicode")
        body = _BODY.search(template)
        rendered = etree.tostring(tree, encoding="unicode")
        if tree.nsmap.items() <= part.element.nsmap.items():
            # The body was cut out with the document element's namespaces declared on it: as they
            # are the same, it goes back without them, as lxml would have moved it.
            rendered = _BODY_START.sub("<w:body>", rendered, count=1)
        part._element = parse_xml(template[: body.start()] + rendered + template[body.end() :])
        self.docx = part.document


# The body of a document part as python-docx writes it: one w:body, which cannot nest.
_BODY = re.compile(r"<w:body[ >].*</w:body>", re.DOTALL)
_BODY_START = re.compile(r"<w:body[^>]*>")


def rich(block: Block) -> RichText:
    text = RichText()
    for span in block.spans:
        text.add(span.text, bold=span.bold, italic=span.italic)
    return text


def render_docx(document: Document, template: Path, content_digest: str | None = None) -> bytes:
    """The DOCX of a document; `content_digest`, computed by the caller, is kept in a custom property."""
    data = template_bytes(template)  # read once, for its styles and for the copy rendered
    styles = template_styles(template, data)  # refuses a template without the styles the writer needs
    docx_template = _DocxTemplate(io.BytesIO(data))
    shown = typeset_document(document)
    context = {
        "doc": shown,
        # Paragraph text goes in as docxtpl rich text (runs with bold and italic); tables and
        # writing lines are laid out by the template from their own fields.
        "blocks": [
            {"kind": template_kind(block), "rich": rich(block)} if isinstance(block, Block) else block
            for block in shown.blocks
        ],
    }
    try:
        docx_template.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as err:
        near = " / ".join(line.strip() for line in getattr(err, "docx_context", []) if line.strip())
        raise TemplateProblem(f"{template}: lỗi mẫu Word: {err}" + (f" (gần: {near})" if near else "")) from err
    _draw_rules(docx_template.docx, document, styles)
    tables = _body_tables(docx_template.docx, shown, styles)
    _span_group_rows(tables)
    _keep_small_tables(tables)
    _hang_addressees(docx_template.docx, shown, styles)
    _italic_label_lines(docx_template.docx, shown, styles)
    _keep_last_row_with_signature(docx_template.docx, styles)
    centre_lines(docx_template.docx, shown)
    add_attached(docx_template.docx, shown)
    add_appendices(docx_template.docx, shown)
    _no_break_hyphens(docx_template.docx)
    _mark_language(docx_template.docx)
    _set_properties(docx_template.docx, shown, content_digest)
    return _package_bytes(docx_template.docx)


class _Members(dict):
    """What python-docx's package writer writes, kept by member name instead of zipped."""

    def write(self, pack_uri, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def _package_bytes(docx) -> bytes:
    """The package zipped once, reproducibly: saved through python-docx, it was zipped with the
    time of day, then unzipped and zipped again by reproducible_zip (a tenth of a DOCX's time).
    Nothing docxtpl's save adds is used here (it replaces pictures and media given to it)."""
    package = docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)
    return zip_of(members)


def _draw_rules(docx, document: Document, styles: TemplateStyles) -> None:
    """Set each ruled paragraph's indents so that its border is as long as the layout says. The
    paragraphs are found by their style's name: Word and LibreOffice may give it another id."""
    rules = styles.rules(document)
    ruled = {styles.template_ids[style_id]: value for style_id, value in RULED_STYLES.items()}
    body = docx.element.body
    for paragraph in body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in ruled:
            continue
        attribute, column_mm = ruled[style.get(qn("w:val"))]
        side = max((column_mm - getattr(rules, attribute)) / 2, 0)
        indent = paragraph.get_or_add_pPr().get_or_add_ind()
        indent.set(qn("w:left"), str(Mm(side).twips))
        indent.set(qn("w:right"), str(Mm(side).twips))


def _keep_with_next(paragraph) -> None:
    properties = paragraph.get_or_add_pPr()
    if properties.find(qn("w:keepNext")) is None:
        properties.insert(1 if properties.find(qn("w:pStyle")) is not None else 0, OxmlElement("w:keepNext"))


def _body_tables(docx, document: Document, styles: TemplateStyles) -> list:
    """(Table, its w:tbl) for each table of the body. The template sets each body table after a
    paragraph of the table-space style, in the order of the document's tables."""
    tables = [block for block in document.blocks if isinstance(block, Table)]
    if not tables:
        return []
    space = styles.template_ids["VBTableSpace"]
    rendered = []
    for paragraph in docx.element.body.iterchildren(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        following = paragraph.getnext()
        if (
            style is not None
            and style.get(qn("w:val")) == space
            and following is not None
            and following.tag == qn("w:tbl")
        ):
            rendered.append(following)
    if len(rendered) != len(tables):
        raise TemplateProblem(
            f"bản Word của “{document.info.title}” có {len(rendered)} bảng thay vì {len(tables)}: mẫu Word "
            "thiếu đoạn kiểu “Khoảng trên bảng” trước một bảng"
        )
    return list(zip(tables, rendered, strict=True))


def _span_group_rows(tables: list) -> None:
    """A table's group rows (a lead-in over its points): the label's cell spans the row's other
    cells, which are removed, and the row stays on the page of the next."""
    for table, element in tables:
        rows = element.findall(qn("w:tr"))[1:]  # after the header row
        for index in table.group_rows:
            cells = rows[index].findall(qn("w:tc"))
            label, rest = cells[1], cells[2:]
            widths = [cell.width for cell in cells[1:]]
            label.grid_span = sum(cell.grid_span for cell in cells[1:])
            if None not in widths:
                label.width = sum(widths)
            for cell in rest:
                rows[index].remove(cell)
            for paragraph in rows[index].iter(qn("w:p")):
                _keep_with_next(paragraph)


def _keep_small_tables(tables: list) -> None:
    """A small table (layout.kept_whole) stays on one page with its heading: no row splits, and
    every row but the last is kept with the next (the heading and the space above the table are
    kept with the next by their styles). A longer table breaks between rows, never with fewer than
    a few rows on either page (layout.kept_with_next); its header row is repeated on each page."""
    for table, element in tables:
        header, *rows = element.findall(qn("w:tr"))
        for row in (header, *rows):
            properties = row.get_or_add_trPr()
            if properties.find(qn("w:cantSplit")) is None:
                properties.insert(0, OxmlElement("w:cantSplit"))
        if header.trPr.find(qn("w:tblHeader")) is None:
            header.trPr.append(OxmlElement("w:tblHeader"))
        for row in (header, *(rows[index] for index in layout.kept_with_next(table))):
            for paragraph in row.iter(qn("w:p")):
                _keep_with_next(paragraph)


def _paragraphs_in_style(docx, style_id: str):
    """The body's own paragraphs (not those in tables) in the paragraph style of that id, in order."""
    for paragraph in docx.element.body.iterchildren(qn("w:p")):
        pstyle = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if pstyle is not None and pstyle.get(qn("w:val")) == style_id:
            yield paragraph


def _hang_addressees(docx, document: Document, styles: TemplateStyles) -> None:
    """Each "Kính gửi: …" line's continuation lines hang after its label, as Decree 30 sets them:
    the paragraph's left indent grows by the label's width, its first line hangs back by as much."""
    style = styles["VBAddressee"]
    addressee = styles.template_ids["VBAddressee"]
    lines = iter(document.addressees)
    for paragraph in _paragraphs_in_style(docx, addressee):
        hang = Mm(hanging_mm(next(lines, ""), style.size_pt, style.face, style.font)).twips
        if not hang:
            continue
        indent = paragraph.get_or_add_pPr().get_or_add_ind()
        indent.attrib.pop(qn("w:firstLine"), None)
        indent.set(qn("w:left"), str(round(style.left_pt * 20) + hang))
        indent.set(qn("w:hanging"), str(hang))


def _italic_label_lines(docx, document: Document, styles: TemplateStyles) -> None:
    """A form's label lines set as their spans say: the "(Kèm theo …)" line in italic."""
    label = styles.template_ids["VBFormLabel"]
    lines = iter(document.label_lines)
    for paragraph in _paragraphs_in_style(docx, label):
        line = next(lines, None)
        if line is None or not line.italic:
            continue
        for run in paragraph.iter(qn("w:r")):
            run.get_or_add_rPr().get_or_add_i()


def _keep_last_row_with_signature(docx, styles: TemplateStyles) -> None:
    """Where the body ends with a table (a report form's), its last row goes to the next page with
    the Nơi nhận and signature block rather than leave the block alone at the top of a page."""
    spacer = styles.template_ids["VBSignatureSpace"]
    for paragraph in docx.element.body.iterchildren(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) != spacer:
            continue
        table = paragraph.getprevious()
        if table is None or table.tag != qn("w:tbl"):
            return
        last_row = table.findall(qn("w:tr"))[-1]
        for cell_paragraph in last_row.iter(qn("w:p")):
            _keep_with_next(cell_paragraph)
        return


def _no_break_hyphens(docx) -> None:
    """Each no-break hyphen the typesetting put in becomes Word's own (w:noBreakHyphen)."""
    for text in list(docx.element.body.iter(qn("w:t"))):
        if NO_BREAK_HYPHEN not in (text.text or ""):
            continue
        pieces = text.text.split(NO_BREAK_HYPHEN)
        text.text = pieces[0]
        anchor = text
        for piece in pieces[1:]:
            hyphen = OxmlElement("w:noBreakHyphen")
            anchor.addnext(hyphen)
            anchor = hyphen
            if piece:
                following = OxmlElement("w:t")
                following.text = piece
                following.set(qn("xml:space"), "preserve")
                anchor.addnext(following)
                anchor = following


def _mark_language(docx) -> None:
    """Every run of the body, headers and footers in Vietnamese, whatever language the template's
    styles (perhaps restyled in an English Word) say: Word then checks the spelling in Vietnamese."""
    mark_runs(docx.element.body)
    for section in docx.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                mark_runs(part._element)


# Word's core properties hold at most 255 characters (python-docx refuses more): a long trích yếu
# is shortened there, never in the document.
_PROPERTY_CHARS = 255


def _property(text: str) -> str:
    if len(text) <= _PROPERTY_CHARS:
        return text
    cut = text[: _PROPERTY_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _set_properties(docx, document: Document, content_digest: str | None) -> None:
    core = docx.core_properties
    stamp = datetime.combine(document.info.created, time())
    core.title = _property(document.info.title)
    core.author = core.last_modified_by = _property(document.info.author)
    core.created = core.modified = stamp
    core.last_printed = stamp
    core.revision = 1
    if document.info.identity:
        core.identifier = document.info.identity
    custom = {IDENTITY_PROPERTY: document.info.identity, CONTENT_DIGEST_PROPERTY: content_digest}
    if any(custom.values()):
        _set_custom_properties(docx, {name: value for name, value in custom.items() if value})


CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPERTIES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _set_custom_properties(docx, values: dict[str, str]) -> None:
    """Text custom properties (File > Properties > Custom in Word): Word and LibreOffice keep them
    when they re-save the file, unlike most core properties."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from xml.sax.saxutils import escape, quoteattr

    properties = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{CUSTOM_PROPERTIES}" '
        f'xmlns:vt="{VT}">{properties}</Properties>'
    )
    package = docx.part.package
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_TYPE, xml.encode("utf-8"), package)
    package.relate_to(part, CUSTOM_PROPERTIES_REL)
