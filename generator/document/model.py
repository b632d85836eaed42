"""The format-neutral document: everything numbered, worded and ordered, nothing laid out.

Builders (`plan.py`, …) turn an edition into these objects; the DOCX and PDF writers only place
them on the page, so the two formats cannot disagree about what a document says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal


@dataclass(frozen=True)
class Span:
    """A run of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


# A heading stays with the paragraph after it; the closing paragraph stays with the signature.
BlockKind = Literal["heading", "paragraph", "closing", "centred"]  # centred: bold, on its own line


@dataclass(frozen=True)
class Block:
    """One body paragraph. A heading is kept with the paragraph after it."""

    kind: BlockKind
    spans: tuple[Span, ...]
    outline: int | None = None  # level of the heading in the PDF's bookmarks (1 = a section), None if not there
    bookmark: str | None = None  # the bookmark's label where it is not the whole text (a run-in heading's)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Table:
    """A table of a report form. `name` says which table of the template lays it out."""

    kind: ClassVar[str] = "table"
    name: str
    columns: tuple[str, ...]  # header row
    rows: tuple[
        tuple[str, ...], ...
    ]  # body rows, first cell the row number (STT); CELL_LINE_BREAK between a cell's lines
    # Rows that head the rows after them (a lead-in "…; cụ thể:" over its points a), b)…): the
    # label spans the row's other cells, nothing is filled in there, and the row stays with the next.
    group_rows: tuple[int, ...] = ()


# Between the lines of a table cell: both writers break the line there.
CELL_LINE_BREAK = "\n"


@dataclass(frozen=True)
class WritingLines:
    """Empty ruled lines for the reader to write on."""

    kind: ClassVar[str] = "writing_lines"
    count: int


BodyPart = Block | Table | WritingLines


@dataclass(frozen=True)
class Header:
    """The two-column header of page 1 (Decree 30, boxes 1–5b)."""

    parent_agency: str | None  # upright line above the agency, e.g. "UBND HUYỆN HỚN QUẢN"
    agency_lines: tuple[str, ...]  # bold, upper case
    number_line: str  # "Số: 05/KH-UBND", or with blanks in a draft
    place_date: str  # "Hớn Quản, ngày 05 tháng 11 năm 2024", or with blanks
    subject_lines: tuple[str, ...] = ()  # công văn only: "V/v …" under the number
    national_name: str = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # right column, bold; a Party body's: "ĐẢNG CỘNG SẢN VIỆT NAM"
    )
    motto: str | None = (
        "Độc lập - Tự do - Hạnh phúc"  # under the national name, ruled; None for a Party body (its name is ruled)
    )
    agency_mark: str | None = None  # printed under the agency name instead of a rule: "*" for a Party body


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]  # authority and title lines, upper case
    name: str  # empty on a form the reader signs
    note: str | None = None  # e.g. "(Ký, ghi rõ họ tên, đóng dấu)" under the title lines


@dataclass(frozen=True)
class Document:
    """A whole official document, ready to be written in any format."""

    header: Header
    type_name: str | None  # "KẾ HOẠCH"; None for a công văn
    title: str | None  # the trích yếu under the type name
    addressees: tuple[str, ...]  # "Kính gửi" lines, already punctuated
    blocks: tuple[BodyPart, ...]
    signature: Signature
    recipients: tuple[str, ...]  # "Nơi nhận" lines, already punctuated, "- Lưu: …" last
    info: DocumentInfo = field(compare=False)
    recipients_label: str = "Nơi nhận:"  # above the lines
    # How the label is set: "nha_nuoc" bold italic (Decree 30), "dang" upright and underlined
    # (Hướng dẫn 36-HD/VPTW); each writer has a style of each.
    recipients_style: str = "nha_nuoc"
    appendices: tuple[AppendixPage, ...] = ()  # after the signature, each from a new page numbered on its own
    # A form's "Mẫu …" label and its "(Kèm theo …)" line (italic, as Decree 30 prints such lines),
    # right-aligned above the header.
    label_lines: tuple[Span, ...] = ()
    notes: tuple[str, ...] = ()  # a form's instructions, printed after the signature (outside what the unit signs)
    attached: Attachment | None = None  # a Quyết định's plan, on a new page after its signature


@dataclass(frozen=True)
class Attachment:
    """A document issued with another one (a plan attached to its Quyết định): from a new page, its
    type name, title and "(Kèm theo …)" line, then its body; no header or number of its own."""

    type_name: str  # "KẾ HOẠCH"
    title: str
    note: str  # "(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/01/2026 của UBND tỉnh …)"
    blocks: tuple[Block, ...]


# The DOCX custom property holding a report form's identity (DocumentInfo.identity).
IDENTITY_PROPERTY = "van-ban-ma-bieu-mau"
# The DOCX custom property holding the digest of the document the file shows (render.content_digest):
# `nhan-sua` tells by it a file made from the current content from one made before it changed.
CONTENT_DIGEST_PROPERTY = "van-ban-ma-noi-dung"


@dataclass(frozen=True)
class AppendixPage:
    """An appendix of a plan (Decree 30, Phụ lục I, III.1): its own pages after the signature."""

    label: str  # "Phụ lục", or "Phụ lục I", "Phụ lục II"… when there are several
    title: str  # upper case
    reference: str  # "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)", blanks while a draft
    table: Table
    widths_mm: tuple[float | None, ...]  # one per column as the content gives it; None: a share of the rest
    landscape: bool


@dataclass(frozen=True)
class DocumentInfo:
    """File metadata: written into the DOCX core properties and the PDF info dictionary."""

    title: str
    author: str
    created: date  # taken from the content, never from the clock, so builds are reproducible
    identity: str | None = None  # a report form's identity (year/recipient/version), read back by make tong-hop
    reference: str | None = None  # số ký hiệu, "05/KH-UBND", written in the PDF's XMP; None while not numbered
