"""No writer may silently lose text: the words a document says, and the words a DOCX shows.

docxtpl re-parses each rendered part in recover mode, so a character XML cannot hold would drop text
after it without an error. The build compares each DOCX with its document instead of trusting it.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import Counter

from ..document.model import Block, Document, Table
from ..errors import TemplateProblem
from .typography import NO_BREAK_HYPHEN, typeset_document


def _table_texts(table: Table) -> list[str]:
    return [*table.columns, *(cell for row in table.rows for cell in row)]


def document_texts(document: Document) -> list[str]:
    """Every text a document shows, in no particular order, as the writers typeset it (no-break
    hyphens and spaces, a title's marked line ends, a line-break mark elsewhere read as a space)."""
    document = typeset_document(document)
    header, signature = document.header, document.signature
    texts = [
        header.parent_agency or "",
        *header.agency_lines,
        header.number_line,
        header.place_date,
        *header.subject_lines,
        header.national_name,
        header.motto or "",
        header.agency_mark or "",
        document.type_name or "",
        document.title or "",
        *document.addressees,
        *signature.lines,
        signature.name,
        signature.note or "",
        document.recipients_label,
        *document.recipients,
        *(line.text for line in document.label_lines),
        *document.notes,
    ]
    for block in document.blocks:
        if isinstance(block, Block):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts += _table_texts(block)
    for page in document.appendices:
        texts += [page.label, page.title, page.reference, *_table_texts(page.table)]
    return texts


def words(texts: list[str]) -> Counter[str]:
    return Counter(word for text in texts for word in text.split())


# A paragraph, and in it the text runs and what reads as a space (a break, a tab). Read with
# regular expressions, not an XML parser: a few times faster, on XML that python-docx just wrote.
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>|<w:p/>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(noBreakHyphen)\b|<w:(?:br|tab|cr)\b")


def docx_texts(data: bytes) -> list[str]:
    """The text of each paragraph of a DOCX's body, runs joined, breaks and tabs as spaces. A
    paragraph inside another (in a text box) is read with the outer one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    # A no-break hyphen is Word's own element: it reads as the character the typesetting put in.
    return [
        "".join(
            html.unescape(match.group(1)) if match.group(1) is not None else NO_BREAK_HYPHEN if match.group(2) else " "
            for match in _TEXT.finditer(paragraph)
        )
        for paragraph in _PARAGRAPH.findall(xml)
    ]


def check_docx(document: Document, data: bytes) -> None:
    """Raise unless every word of `document` is in the DOCX as often as the document says it."""
    missing = words(document_texts(document)) - words(docx_texts(data))
    if missing:
        shown = ", ".join(f"“{word}”" for word in list(missing)[:5])
        raise TemplateProblem(
            f"bản Word của “{document.info.title}” thiếu chữ so với nội dung ({shown}); chưa ghi tệp nào. "
            "Đây là lỗi của chương trình hoặc mẫu Word: báo cho người phát triển kèm nội dung vừa sửa"
        )
