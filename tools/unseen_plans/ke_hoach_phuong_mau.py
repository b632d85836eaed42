"""Plan (d'): the ward plan of ke_hoach_phuong.py typed into an office's Word template, with its
leader's tracked changes still in it.

The header and the signature tables sit in block-level content controls, the number and the
signer's name in run-level ones; the I. and 1. numbers come from the paragraph styles "Mục 1"
(naming the list) and "Mục 2" (based on it, giving only its level) instead of each paragraph's
own numbering; a few words are tracked insertions, one sentence a tracked deletion, one name a
hyperlink; a portrait appendix whose columns are not even follows the signature.
Usage: python tools/unseen_plans/ke_hoach_phuong_mau.py OUTPUT_FOLDER
"""

from __future__ import annotations

import ke_hoach_phuong as ward
from _word import CENTER, new_document, para, save, set_widths
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from ke_hoach_tinh import NUM_ID, add_numbering

W = nsdecls("w")
REVISION = 'w:author="Chủ tịch" w:date="2026-05-04T08:00:00Z"'


def styles(document) -> None:
    for style_id, name, based, num_pr in (
        ("Muc1", "Mục 1", "Normal", f'<w:ilvl w:val="0"/><w:numId w:val="{NUM_ID}"/>'),
        ("Muc2", "Mục 2", "Muc1", '<w:ilvl w:val="1"/>'),
    ):
        based_on = f'<w:basedOn w:val="{based}"/>'
        document.styles.element.append(
            parse_xml(
                f'<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
                f"{based_on}<w:pPr><w:numPr>{num_pr}</w:numPr></w:pPr></w:style>"
            )
        )


def numbered_by_style(document) -> None:
    """Each paragraph numbered with its own w:numPr takes the style of its level instead."""
    for p in document.element.body.iter(qn("w:p")):
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            continue
        level = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
        num_pr.getparent().remove(num_pr)
        p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), f"Muc{level + 1}")


def in_control(element) -> None:
    """`element` (a table, or a run) moved into a content control of its level."""
    content = "<w:sdtContent/>"
    sdt = parse_xml(
        f'<w:sdt {W}><w:sdtPr><w:alias w:val="Mẫu"/><w:id w:val="{id(element) % 100000}"/></w:sdtPr>{content}</w:sdt>'
    )
    element.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(element)


def run_with(document, text: str):
    return next(r for r in document.element.body.iter(qn("w:r")) if r.text == text)


def revisions(document) -> None:
    """A tracked insertion in two paragraphs, a tracked deletion of a sentence, a hyperlink."""
    paragraphs = list(document.paragraphs)
    target = next(p for p in paragraphs if p.text.startswith("- Các hoạt động tổ chức thiết thực"))
    target.runs[0].text = "- Các hoạt động tổ chức thiết thực, tiết kiệm, "
    run = target.runs[0]._r
    inserted = parse_xml(
        f'<w:ins {W} w:id="901" {REVISION}><w:r><w:t xml:space="preserve">hiệu quả, </w:t></w:r></w:ins>'
    )
    run.addnext(inserted)
    inserted.addnext(parse_xml(f"<w:r {W}><w:t>phù hợp với tình hình thực tế của phường.</w:t></w:r>"))
    contest = next(p for p in paragraphs if p.text.startswith("Tổ chức hội thi"))
    contest._p.append(
        parse_xml(
            f'<w:del {W} w:id="902" {REVISION}><w:r><w:delText xml:space="preserve"> Mỗi khu phố cử hai gia đình'
            " tham gia.</w:delText></w:r></w:del>"
        )
    )
    funding = next(p for p in paragraphs if p.text.startswith("Từ nguồn kinh phí"))
    funding._p.append(
        parse_xml(
            f'<w:ins {W} w:id="903" {REVISION}><w:r><w:t xml:space="preserve"> và nguồn xã hội hóa</w:t></w:r></w:ins>'
        )
    )
    funding.runs[0].text = funding.runs[0].text.rstrip(".")
    funding._p.append(parse_xml(f"<w:r {W}><w:t>.</w:t></w:r>"))
    news = next(p for p in paragraphs if p.text.startswith("b) Đưa tin"))
    news.runs[0].text = "b) Đưa tin trên "
    news._p.append(
        parse_xml(
            f'<w:hyperlink {W} w:anchor="trang-tin"><w:r><w:t>trang thông tin điện tử của phường</w:t></w:r></w:hyperlink>'
        )
    )
    news._p.append(parse_xml(f"<w:r {W}><w:t>:</w:t></w:r>"))


def without_markup(document) -> None:
    """Word's "No Markup" view, which LibreOffice also prints by: the PDF shows the text as accepted."""
    document.settings.element.append(parse_xml(f'<w:revisionView {W} w:markup="0" w:insDel="0" w:formatting="0"/>'))


def appendix(document) -> None:
    para(document, "", indent=False).add_run().add_break(WD_BREAK.PAGE)
    para(document, [("Phụ lục", "b")], align=CENTER, indent=False, after=0)
    para(document, [("LỊCH TỔ CHỨC CÁC HOẠT ĐỘNG", "b")], align=CENTER, indent=False, after=0)
    para(
        document,
        [("(Kèm theo Kế hoạch số 208/KH-UBND ngày 05 tháng 5 năm 2026 của Ủy ban nhân dân phường Trấn Biên)", "i")],
        align=CENTER,
        indent=False,
        after=12,
    )
    rows = [
        ("STT", "Hoạt động", "Đơn vị thực hiện", "Thời gian"),
        ("1", "Treo băng rôn tại các tuyến đường chính", "Phòng Văn hóa - Xã hội", "Tháng 6/2026"),
        ("2", "Hội thi “Gia đình hạnh phúc” cấp phường", "Hội LHPN phường", "Tuần cuối tháng 6/2026"),
        ("3", "Đưa tin trên trang thông tin điện tử", "Trung tâm Cung ứng DVC phường", "Tháng 6 - 7/2026"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for cells, values in zip((row.cells for row in table.rows), rows, strict=True):
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(text).bold = values is rows[0] or None
    set_widths(table, (Mm(14), Mm(73), Mm(45), Mm(33)))


def main() -> None:
    document = new_document()
    add_numbering(document)
    styles(document)
    ward.header(document)
    ward.body(document)
    ward.signature(document)
    numbered_by_style(document)
    revisions(document)
    without_markup(document)
    header, signature = document.tables
    in_control(run_with(document, "Nguyễn Hoàng Nam"))
    in_control(run_with(document, "Số:   208/KH-UBND"))
    in_control(header._tbl)
    in_control(signature._tbl)
    appendix(document)
    save(document, "ke-hoach-phuong-tran-bien-mau.docx", ward.LETTERS)


if __name__ == "__main__":
    main()
