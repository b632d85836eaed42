"""Plan (d): a ward People's Committee, typed after the importer was fixed (a holdout).

Mixed numbering (I. and 1. automatic, a) and - typed with a space), the agency's two lines in
one cell with a manual line break, empty paragraphs between parts, TM. above KT. in the signature,
an introduction in Tổ chức thực hiện, run-in headings on automatic numbers, lettered points in an
entry, a joint entry of two bodies, sections after Tổ chức thực hiện.
Usage: python tools/unseen_plans/ke_hoach_phuong.py OUTPUT_FOLDER
"""

from __future__ import annotations

from _word import CENTER, new_document, no_borders, para, save, set_widths
from docx.shared import Mm, Pt
from ke_hoach_tinh import add_numbering, item


def header(document) -> None:
    table = document.add_table(rows=2, cols=2)
    no_borders(table)
    set_widths(table, (Mm(65), Mm(100)))
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.alignment = CENTER
    p.add_run("ỦY BAN NHÂN DÂN").bold = True
    p.add_run().add_break()
    p.add_run("PHƯỜNG TRẤN BIÊN").bold = True
    p = right.paragraphs[0]
    p.alignment = CENTER
    p.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    p.add_run().add_break()
    p.add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    table.rows[1].cells[0].paragraphs[0].text = "Số:   208/KH-UBND"
    table.rows[1].cells[0].paragraphs[0].alignment = CENTER
    date = table.rows[1].cells[1].paragraphs[0]
    date.alignment = CENTER
    date.add_run("Trấn Biên, ngày 05 tháng 5 năm 2026").italic = True
    for cell in table._cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(13)


def body(document) -> None:
    para(document, "", indent=False)
    para(document, [("KẾ HOẠCH", "b")], align=CENTER, indent=False, after=0)
    para(
        document,
        [("Tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam 28/6 năm 2026", "b")],
        align=CENTER,
        indent=False,
        after=0,
    )
    para(document, "", indent=False)
    para(
        document,
        "Thực hiện Kế hoạch số 95/KH-UBND ngày 02 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh về"
        " tổ chức các hoạt động nhân Ngày Gia đình Việt Nam năm 2026, Ủy ban nhân dân phường xây dựng Kế"
        " hoạch như sau:",
    )
    item(document, 0, [("MỤC ĐÍCH, YÊU CẦU", "b")])
    para(
        document,
        "- Tôn vinh giá trị tốt đẹp của gia đình Việt Nam; nâng cao nhận thức về vai trò, trách nhiệm của gia đình.",
    )
    para(document, "- Các hoạt động tổ chức thiết thực, tiết kiệm, phù hợp với tình hình thực tế của phường.")
    para(document, "")
    item(document, 0, [("NỘI DUNG", "b")])
    item(document, 1, [("Tuyên truyền", "b")])
    para(document, "a) Treo băng rôn tại các tuyến đường chính, trụ sở các khu phố.")
    para(document, "b) Đưa tin trên trang thông tin điện tử của phường:")
    para(document, "- Các tin, bài về gương gia đình văn hóa tiêu biểu;")
    para(document, "- Các câu chuyện về chia sẻ việc nhà giữa vợ và chồng.")
    item(document, 1, [("Hoạt động hưởng ứng", "b")])
    para(document, "Tổ chức hội thi “Gia đình hạnh phúc” cấp phường vào tuần cuối tháng 6 năm 2026.")
    item(document, 0, [("TỔ CHỨC THỰC HIỆN", "b")])
    para(document, "Để Kế hoạch được triển khai hiệu quả, Ủy ban nhân dân phường phân công như sau:")
    item(
        document,
        1,
        [
            ("Phòng Văn hóa - Xã hội:", "b"),
            " Chủ trì tham mưu tổ chức các hoạt động; tổng hợp kết quả, báo cáo Ủy ban nhân dân phường.",
        ],
    )
    item(document, 1, [("Trung tâm Cung ứng dịch vụ công phường:", "b")])
    para(document, "a) Bố trí hội trường, âm thanh cho hội thi;")
    para(document, "b) Phối hợp đưa tin trên trang thông tin điện tử.")
    item(
        document,
        1,
        [
            ("Đề nghị Hội Liên hiệp Phụ nữ phường, Đoàn Thanh niên phường:", "b"),
            " Vận động hội viên, đoàn viên tham gia hội thi.",
        ],
    )
    item(document, 1, [("Ban điều hành các khu phố:", "b"), " Tuyên truyền, vận động các hộ gia đình tham gia."])
    item(document, 0, [("KINH PHÍ", "b")])
    para(document, "Từ nguồn kinh phí sự nghiệp văn hóa năm 2026 của phường.")
    para(
        document,
        "Trên đây là Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam 28/6 năm 2026"
        " của Ủy ban nhân dân phường Trấn Biên./.",
    )
    para(document, "")


SENT_TO = [
    "- Sở Văn hóa, Thể thao và Du lịch (b/c);",
    "- TT Đảng ủy, TT HĐND phường;",
    "- CT, PCT UBND phường;",
    "- Phòng Văn hóa - Xã hội;",
    "- Trung tâm Cung ứng DVC phường;",
    "- Hội LHPN phường;",
    "- Đoàn TN phường;",
    "- Ban điều hành các khu phố;",
    "- Lưu: VT.",
]


def signature(document) -> None:
    table = document.add_table(rows=1, cols=2)
    no_borders(table)
    set_widths(table, (Mm(80), Mm(85)))
    left, right = table.rows[0].cells
    para(left, [("Nơi nhận:", "bi")], indent=False, after=0)
    for line in SENT_TO:
        para(left, line, indent=False, after=0).runs[0].font.size = Pt(11)
    left._tc.remove(left.paragraphs[0]._p)
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Nguyễn Hoàng Nam"):
        para(right, [(line, "b")] if line else "", align=CENTER, indent=False, after=0)
    right._tc.remove(right.paragraphs[0]._p)


LETTERS = [
    ["Phòng Văn hóa - Xã hội"],
    ["Trung tâm Cung ứng dịch vụ công phường"],
    ["Hội Liên hiệp Phụ nữ phường"],
    ["Đoàn Thanh niên phường"],
    ["Ban điều hành các khu phố"],
]


def main() -> None:
    document = new_document()
    add_numbering(document)
    header(document)
    body(document)
    signature(document)
    save(document, "ke-hoach-phuong-tran-bien.docx", LETTERS)


if __name__ == "__main__":
    main()
