"""Build one assignment letter (công văn, Decree 30 Mẫu 1.5) for one recipient."""

from __future__ import annotations

from ..content.distribution import Recipient
from ..content.edition import Edition
from . import wording
from .model import Block, Document, DocumentInfo, Span
from .parts import collects_reports, header, indicator_lines, issue_date, issuer_name, plain, report_deadline, signature, task_blocks, with_closing

GIVES = {"giao": "giao", "de_nghi": "đề nghị"}


def plan_reference(edition: Edition) -> str:
    """"Kế hoạch số 05/KH-UBND ngày 12/11/2024 của UBND huyện Hớn Quản", with blanks in a draft."""
    meta = edition.plan.document
    return (
        f"Kế hoạch số {wording.document_number(meta.number)}/{meta.type_code}-{meta.agency_code} "
        f"ngày {wording.short_date(meta.date)} của UBND huyện {meta.place}"
    )


def letter_subject(edition: Edition) -> str:
    return edition.text(edition.letters.subject)


def build_letter(edition: Edition, recipient: Recipient) -> Document:
    plan = edition.plan
    meta = plan.document
    receiver = edition.agency(plan.reporting.receiver)
    name = wording.within_sentence(recipient.name)
    title = wording.lower_first(edition.text(meta.title))
    commands = recipient.relation == "giao"
    blocks: list[Block] = [
        plain(
            f"Thực hiện {plan_reference(edition)} về {title} (sau đây gọi là Kế hoạch), UBND huyện "
            f"{GIVES[recipient.relation]} {name} "
            + ("thực hiện các nhiệm vụ sau:" if commands else "phối hợp thực hiện các nội dung sau:")
        )
    ]
    section = 1
    blocks.append(Block("heading", (Span(f"{section}. " + ("Nhiệm vụ được giao" if commands else "Nội dung đề nghị phối hợp"), bold=True),)))
    blocks += task_blocks(edition, recipient.tasks)
    indicators = indicator_lines(edition, recipient.indicators)
    if indicators:
        section += 1
        blocks.append(Block("heading", (Span(f"{section}. Chỉ tiêu theo dõi, báo cáo", bold=True),)))
        blocks.append(plain(
            f"Theo dõi, thu thập số liệu và báo cáo kết quả thực hiện các chỉ tiêu sau của "
            f"{edition.text(edition.catalog.source)}:"
        ))
        blocks += [plain(f"- {label}: {text}" if text else f"- {label}.") for label, text, _ in indicators]
    section += 1
    deadline = report_deadline(edition, recipient)
    blocks.append(Block("heading", (Span(f"{section}. Chế độ báo cáo", bold=True),)))
    if collects_reports(edition, recipient):
        blocks.append(plain(
            "Tổng hợp kết quả thực hiện của các cơ quan, đơn vị, địa phương và kết quả của đơn vị mình (theo biểu mẫu kèm "
            f"theo), báo cáo UBND huyện trước ngày {deadline}."
        ))
    else:
        # A body the committee only asks to cooperate is asked for its report too, not ordered to send it.
        blocks.append(plain(
            ("Báo cáo" if commands else f"Đề nghị {name} gửi báo cáo")
            + f" kết quả thực hiện Tháng hành động (theo biểu mẫu kèm theo) về UBND huyện (qua {receiver.name}) "
            f"trước ngày {deadline} để tổng hợp, báo cáo theo quy định."
        ))
    blocks.append(plain(
        f"UBND huyện yêu cầu {name} triển khai thực hiện./." if commands
        else f"UBND huyện đề nghị {name} quan tâm, phối hợp thực hiện./."
    ))
    entries = ["Như trên"]
    if not collects_reports(edition, recipient):
        entries.append(f"{receiver.short_name} (t/h)")
    subject = letter_subject(edition)
    symbol = f"{meta.agency_code}-{meta.drafting_unit}"
    return Document(
        header=header(edition, symbol, subject_lines=(f"V/v {wording.lower_first(subject)}",)),
        type_name=None,
        title=None,
        addressees=(f"Kính gửi: {recipient.name}.",),
        blocks=with_closing(blocks),
        signature=signature(edition),
        recipients=wording.list_lines(entries, [*plan.archive, meta.drafting_unit]),
        info=DocumentInfo(title=f"Công văn: {subject} ({recipient.short_name})", author=issuer_name(edition), created=issue_date(edition),
                          reference=wording.reference(meta.number, symbol)),
    )
