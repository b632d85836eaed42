"""Build the report form (biểu mẫu báo cáo) a recipient fills in, signs and sends back."""

from __future__ import annotations

from ..content.distribution import Recipient
from ..content.edition import Edition
from . import wording
from .model import Block, BodyPart, Document, DocumentInfo, Signature, Span, Table, WritingLines
from .parts import collects_reports, header, indicator_lines, issue_date, letter_values, paragraph, plain, report_deadline, spans

ACTIVITY_COLUMNS = ("STT", "Hoạt động", "Đơn vị tính", "Số lượng", "Số người tham gia", "Trong đó nữ", "Ghi chú")
WRITING_LINES = 6


def indicator_columns(year: int) -> tuple[str, ...]:
    return ("STT", "Chỉ tiêu", "Đơn vị tính", f"Kết quả năm {year}", "Ghi chú")


def build_report_form(edition: Edition, recipient: Recipient) -> Document:
    form = edition.report_form
    values = letter_values(edition, recipient)
    values["han_bao_cao"] = report_deadline(edition, recipient)
    # Reports go to the issuer through the body that collects them, as the letter says; that
    # body's own report goes to the issuer directly.
    addressee = form.collector_addressee if collects_reports(edition, recipient) else form.addressee
    deadline = spans(edition, form.deadline, **values)
    blocks: list[BodyPart] = [
        Block("paragraph", tuple(Span(span.text, bold=span.bold, italic=True) for span in deadline)),
        paragraph(edition, form.opening, **values),
        Block("heading", (Span("I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG", bold=True),)),
        Table(
            name="activities",
            columns=ACTIVITY_COLUMNS,
            rows=tuple(
                (str(number), edition.plain(activity.name), edition.plain(activity.unit), "", "", "", "")
                for number, activity in enumerate(form.activities, start=1)
            ),
        ),
        Block("heading", (Span("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold=True),)),
    ]
    indicators = indicator_lines(edition, recipient.indicators, recipient.assignment.plan_targets)
    if indicators:
        blocks.append(Table(
            name="indicators",
            columns=indicator_columns(edition.year),
            rows=tuple(
                (str(number), f"{label}: {text}" if text else label, unit or "", "", "")
                for number, (label, text, unit) in enumerate(indicators, start=1)
            ),
        ))
    else:
        blocks.append(plain("Đơn vị không được giao theo dõi, báo cáo chỉ tiêu của Chiến lược."))
    blocks += [
        Block("heading", (Span("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", bold=True),)),
        WritingLines(WRITING_LINES),
    ]
    title = edition.plain(form.title)
    party = recipient.kind.form == "dang"
    symbol_code = recipient.symbol_code or wording.BLANK
    return Document(
        header=header(
            edition,
            f"BC/{symbol_code}" if party else f"BC-{symbol_code}",
            parent=recipient.parent,
            agency_lines=recipient.own_lines,
            place=recipient.place,
            style=recipient.kind.form,
        ),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {edition.plain(addressee, **values)}.",),
        blocks=tuple(blocks),
        signature=Signature(lines=tuple(line.upper() for line in recipient.signer), name="", note="(Ký, ghi rõ họ tên, đóng dấu)"),
        recipients=wording.list_lines(["Như trên"], ["VT"]),
        info=DocumentInfo(title=f"Báo cáo {wording.lower_first(title)} ({recipient.short_name})", author=recipient.short_name, created=issue_date(edition)),
    )
