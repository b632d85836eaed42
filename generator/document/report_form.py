"""Build the report form (biểu mẫu báo cáo) a recipient fills in, signs and sends back."""

from __future__ import annotations

from ..content.distribution import Recipient
from ..content.edition import Edition
from . import wording
from .letter import letter_subject
from .model import Block, BodyPart, Document, DocumentInfo, Signature, Span, Table, WritingLines
from .parts import collects_reports, header, indicator_lines, issue_date, issuer_name, plain, report_deadline

ACTIVITY_COLUMNS = ("STT", "Hoạt động", "Đơn vị tính", "Số lượng", "Số người tham gia", "Trong đó nữ", "Ghi chú")
WRITING_LINES = 6


def indicator_columns(year: int) -> tuple[str, ...]:
    return ("STT", "Chỉ tiêu", "Đơn vị tính", f"Kết quả năm {year}", "Ghi chú")


def build_report_form(edition: Edition, recipient: Recipient) -> Document:
    plan = edition.plan
    meta = plan.document
    form = edition.report_form
    receiver = edition.agency(plan.reporting.receiver)
    # Reports go to the committee through the body that collects them, as the letter says; that
    # body's own report goes to the committee directly.
    addressee = issuer_name(edition) if collects_reports(edition, recipient) else f"{issuer_name(edition)} (qua {receiver.name})"
    blocks: list[BodyPart] = [
        Block("paragraph", (Span(f"Thời hạn gửi báo cáo: trước ngày {report_deadline(edition, recipient)}.", italic=True),)),
        plain(
            f"Thực hiện Công văn số {wording.BLANK}/{meta.agency_code}-{meta.drafting_unit} ngày {wording.short_date(meta.date)} "
            f"của UBND huyện {meta.place} "
            f"về việc {wording.lower_first(letter_subject(edition))}, {wording.within_sentence(recipient.name)} "
            "báo cáo kết quả như sau:"
        ),
        Block("heading", (Span("I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG", bold=True),)),
        Table(
            name="activities",
            columns=ACTIVITY_COLUMNS,
            rows=tuple(
                (str(number), edition.text(activity.name), edition.text(activity.unit), "", "", "", "")
                for number, activity in enumerate(form.activities, start=1)
            ),
        ),
        Block("heading", (Span("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold=True),)),
    ]
    indicators = indicator_lines(edition, recipient.indicators)
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
    title = edition.text(form.title)
    signer = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") if recipient.commune else ("THỦ TRƯỞNG ĐƠN VỊ",)
    return Document(
        header=header(
            edition,
            f"BC-{recipient.symbol_code or wording.BLANK}",
            parent=recipient.parent,
            agency_lines=recipient.own_lines,
            place=recipient.place,
            blank_date=True,
        ),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {addressee}.",),
        blocks=tuple(blocks),
        signature=Signature(lines=signer, name="", note="(Ký, ghi rõ họ tên, đóng dấu)"),
        recipients=wording.list_lines(["Như trên"], ["VT"]),
        info=DocumentInfo(title=f"Báo cáo {wording.lower_first(title)} ({recipient.short_name})", author=recipient.short_name, created=issue_date(edition)),
    )
