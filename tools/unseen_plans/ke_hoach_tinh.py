"""Plan (b): a provincial People's Committee, typed with Word's automatic multilevel numbering.

I./1./a)/- come from numbering.xml (no number in the text), the header is three tab-stopped lines
instead of a table, the appendix table sits on a landscape section after the signature.
Usage: python tools/unseen_plans/ke_hoach_tinh.py OUTPUT_FOLDER
"""

from __future__ import annotations

from _word import CENTER, JUSTIFY, new_document, para, save, set_widths, signature_table
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

NUM_ID = 90
LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-"), ("bullet", "+")]


def add_numbering(document) -> None:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr>'
        f'<w:rPr><w:b w:val="{1 if i < 2 else 0}"/></w:rPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS)
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}"><w:nsid w:val="1A2B3C4D"/>'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def item(document, level: int, parts, **kwargs):
    p = para(document, parts, indent=False, **kwargs)
    ppr = p._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>')
    ppr.insert(0, num_pr)
    return p


def header(document) -> None:
    lines = [
        [("ỦY BAN NHÂN DÂN", "b"), "\t", ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b")],
        [("TỈNH ĐỒNG THÁP", "b"), "\t", ("Độc lập - Tự do - Hạnh phúc", "b")],
        ["\t", "_______", "\t", "______________________"],
        ["Số: 1250/KH-UBND", "\t", ("Đồng Tháp, ngày 20 tháng 4 năm 2026", "i")],
    ]
    for parts in lines:
        p = document.add_paragraph()
        stops = p.paragraph_format.tab_stops
        if parts[0] != "\t":
            p.paragraph_format.left_indent = Mm(-5)
            stops.add_tab_stop(Mm(113), WD_TAB_ALIGNMENT.CENTER)
        else:
            stops.add_tab_stop(Mm(26), WD_TAB_ALIGNMENT.CENTER)
            stops.add_tab_stop(Mm(113), WD_TAB_ALIGNMENT.CENTER)
        for part in parts:
            text, style = (part, "") if isinstance(part, str) else part
            run = p.add_run(text)
            run.bold = "b" in style or None
            run.italic = "i" in style or None
            run.font.size = Pt(13)


def opening(document) -> None:
    para(document, [("KẾ HOẠCH", "b")], align=CENTER, indent=False, before=18, after=0)
    para(
        document,
        [("Thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn tỉnh năm 2026", "b")],
        align=CENTER,
        indent=False,
        after=0,
    )
    para(document, "____________", align=CENTER, indent=False, after=12)
    para(
        document,
        "Thực hiện Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ ban hành"
        " Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030; Kế hoạch số 45/KH-UBND ngày"
        " 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về phát triển kinh tế - xã hội năm 2026,",
    )
    para(
        document,
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới"
        " trên địa bàn tỉnh năm 2026, cụ thể như sau:",
    )


def content(document) -> None:
    item(document, 0, [("MỤC ĐÍCH, YÊU CẦU", "b")])
    item(document, 1, [("Mục đích", "b")])
    item(
        document,
        3,
        "Tiếp tục thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để phụ nữ và nam giới"
        " tham gia, thụ hưởng bình đẳng trong các lĩnh vực của đời sống xã hội.",
    )
    item(document, 3, "Phấn đấu đạt các chỉ tiêu về bình đẳng giới năm 2026 mà Hội đồng nhân dân tỉnh đã giao.")
    item(document, 1, [("Yêu cầu", "b")])
    item(
        document,
        3,
        "Các sở, ban, ngành, địa phương xác định cụ thể nhiệm vụ, bố trí nguồn lực và"
        " tổ chức thực hiện hiệu quả các nội dung của Kế hoạch.",
    )
    item(
        document,
        3,
        "Lồng ghép việc thực hiện Kế hoạch với các chương trình mục tiêu quốc gia đang triển khai trên địa bàn tỉnh.",
    )
    item(document, 0, [("NHIỆM VỤ VÀ GIẢI PHÁP", "b")])
    item(document, 1, [("Công tác chỉ đạo, điều hành", "b")])
    item(
        document,
        2,
        "Kiện toàn Ban vì sự tiến bộ của phụ nữ các cấp sau khi sắp xếp đơn vị hành chính;"
        " phân công cán bộ phụ trách công tác bình đẳng giới tại các xã, phường.",
    )
    item(document, 2, "Đưa chỉ tiêu bình đẳng giới vào kế hoạch phát triển kinh tế - xã hội của các ngành, địa phương.")
    item(document, 1, [("Công tác truyền thông", "b")])
    item(document, 2, "Đa dạng hóa hình thức truyền thông:")
    item(document, 3, "Trên Báo và Phát thanh, Truyền hình Đồng Tháp, cổng thông tin điện tử của tỉnh;")
    item(document, 4, "Chuyên mục định kỳ hằng tháng về bình đẳng giới;")
    item(document, 4, "Tin, bài phản ánh gương điển hình trong thực hiện bình đẳng giới.")
    item(document, 3, "Trên mạng xã hội và hệ thống thông tin cơ sở của các xã, phường.")
    item(
        document,
        2,
        "Hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực"
        " trên cơ sở giới từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026.",
    )
    item(document, 1, [("Kinh phí thực hiện", "b")])
    para(
        document,
        "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm 2026 của"
        " các cơ quan, đơn vị, địa phương theo phân cấp ngân sách hiện hành và nguồn xã hội hóa.",
    )


def organisation(document) -> None:
    item(document, 0, [("TỔ CHỨC THỰC HIỆN", "b")])
    item(document, 1, [("Sở Nội vụ", "b")])
    item(
        document,
        3,
        "Chủ trì, phối hợp với các sở, ngành, địa phương triển khai thực hiện Kế hoạch;"
        " hướng dẫn, kiểm tra, đôn đốc việc thực hiện.",
    )
    item(document, 3, "Tổng hợp kết quả, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ theo quy định.")
    item(document, 1, [("Sở Y tế", "b")])
    para(
        document,
        "Chỉ đạo các cơ sở y tế thực hiện các biện pháp giảm thiểu mất cân bằng giới tính khi"
        " sinh; bảo đảm dịch vụ chăm sóc sức khỏe cho nạn nhân bị bạo lực trên cơ sở giới.",
    )
    item(document, 1, [("Sở Giáo dục và Đào tạo", "b")])
    para(
        document,
        "Lồng ghép nội dung bình đẳng giới vào chương trình giáo dục phổ thông; phòng, chống"
        " bạo lực, xâm hại trong trường học.",
    )
    item(document, 1, [("Công an tỉnh", "b")])
    para(
        document,
        "Chỉ đạo Công an các xã, phường tăng cường phòng ngừa, phát hiện và xử lý các hành vi"
        " bạo lực gia đình, mua bán người, xâm hại trẻ em.",
    )
    item(document, 1, [("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "b")])
    para(
        document,
        "Chỉ đạo các tổ chức thành viên tăng cường giám sát, phản biện xã hội việc thực hiện"
        " pháp luật về bình đẳng giới; vận động hội viên tham gia các hoạt động của Kế hoạch.",
    )
    item(document, 1, [("Ủy ban nhân dân các xã, phường", "b")])
    item(
        document,
        2,
        "Xây dựng kế hoạch thực hiện công tác bình đẳng giới năm 2026 phù hợp với điều kiện của địa phương;",
    )
    item(document, 2, "Bố trí kinh phí và phân công công chức phụ trách công tác bình đẳng giới;")
    item(
        document,
        2,
        "Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 05 tháng 12 năm 2026.",
    )
    para(
        document,
        "Trên đây là Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn tỉnh"
        " năm 2026. Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện; trong quá"
        " trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo"
        " cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
    )


SENT_TO = [
    "- Bộ Nội vụ (b/c);",
    "- TT. Tỉnh ủy, TT. HĐND tỉnh (b/c);",
    "- CT, các PCT UBND tỉnh;",
    "- UBMTTQ Việt Nam tỉnh;",
    "- Các sở: Nội vụ, Y tế, GD&ĐT;",
    "- Công an tỉnh;",
    "- UBND các xã, phường;",
    "- LĐVP UBND tỉnh;",
    "- Lưu: VT, KGVX (Nam).",
]


def signature(document) -> None:
    signature_table(document, SENT_TO, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn Phước")


ROWS = [
    ("1", "Kiện toàn Ban vì sự tiến bộ của phụ nữ tỉnh", "Sở Nội vụ", "Các sở, ngành liên quan", "Quý I/2026"),
    ("2", "Tập huấn nghiệp vụ bình đẳng giới cho công chức cấp xã", "Sở Nội vụ", "UBND các xã, phường", "Quý II/2026"),
    ("3", "Truyền thông về giảm thiểu mất cân bằng giới tính khi sinh", "Sở Y tế", "Báo và PT-TH Đồng Tháp", "Cả năm"),
    (
        "4",
        "Hội thi tìm hiểu pháp luật về bình đẳng giới trong trường học",
        "Sở Giáo dục và Đào tạo",
        "Tỉnh đoàn",
        "Tháng 11/2026",
    ),
    ("5", "Tổng kết, báo cáo kết quả thực hiện năm 2026", "Sở Nội vụ", "Các cơ quan, địa phương", "Tháng 12/2026"),
]


def appendix(document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(20), Mm(20)
    section.top_margin, section.bottom_margin = Mm(30), Mm(15)
    para(document, [("Phụ lục", "b")], align=CENTER, indent=False, after=0)
    para(
        document,
        [("CÁC HOẠT ĐỘNG TRỌNG TÂM THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2026", "b")],
        align=CENTER,
        indent=False,
        after=0,
    )
    para(
        document,
        [("(Kèm theo Kế hoạch số 1250/KH-UBND ngày 20 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh Đồng Tháp)", "i")],
        align=CENTER,
        indent=False,
        after=12,
    )
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    heads = ("STT", "Nội dung hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    widths = (Mm(15), Mm(100), Mm(45), Mm(50), Mm(40))
    for cell, text, width in zip(table.rows[0].cells, heads, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].alignment = CENTER
        cell.paragraphs[0].add_run(text).bold = True
    for values in ROWS:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.paragraphs[0].alignment = CENTER if index != 1 else JUSTIFY
            cell.paragraphs[0].add_run(text)
    set_widths(table, widths)


LETTERS = [
    ["Sở Nội vụ"],
    ["Sở Y tế"],
    ["Sở Giáo dục và Đào tạo"],
    ["Công an tỉnh"],
    ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
    ["Ủy ban nhân dân các xã, phường", "UBND các xã, phường"],
]


def main() -> None:
    document = new_document()
    add_numbering(document)
    header(document)
    opening(document)
    content(document)
    organisation(document)
    signature(document)
    appendix(document)
    save(document, "ke-hoach-tinh-dong-thap.docx", LETTERS)


if __name__ == "__main__":
    main()
