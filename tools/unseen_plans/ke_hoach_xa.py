"""Plan (a): a commune People's Committee after the 2025 reform, typed the way a commune clerk does.

Typed numbering followed by a tab, the header in a borderless table, run-in bold headings in
Tổ chức thực hiện, manual line breaks, a word split across runs by Word's editing.
Usage: python tools/unseen_plans/ke_hoach_xa.py OUTPUT_FOLDER
"""

from __future__ import annotations

from _word import CENTER, new_document, no_borders, para, save, set_widths, signature_table
from docx.shared import Mm, Pt


def header(document) -> None:
    table = document.add_table(rows=2, cols=2)
    no_borders(table)
    set_widths(table, (Mm(62), Mm(103)))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    para(left, [("ỦY BAN NHÂN DÂN", "")], align=CENTER, indent=False, after=0)
    para(left, [("XÃ HÒA AN", "b")], align=CENTER, indent=False, after=0)
    para(left, "_______", align=CENTER, indent=False, after=0)
    left._tc.remove(left.paragraphs[0]._p)
    para(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b")], align=CENTER, indent=False, after=0)
    para(right, [("Độc lập - Tự do - Hạnh phúc", "b")], align=CENTER, indent=False, after=0)
    para(right, "____________________", align=CENTER, indent=False, after=0)
    right._tc.remove(right.paragraphs[0]._p)
    number, date = table.rows[1].cells
    para(number, "Số: 45/KH-UBND", align=CENTER, indent=False, after=0)
    number._tc.remove(number.paragraphs[0]._p)
    para(date, [("Hòa An, ngày 12 tháng 3 năm 2026", "i")], align=CENTER, indent=False, after=0)
    date._tc.remove(date.paragraphs[0]._p)
    for cell in table._cells:
        for p in cell.paragraphs:
            for run in p.runs:
                run.font.size = Pt(13)


BASES = [
    "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
    "Căn cứ Luật Phòng, chống bạo lực gia đình ngày 14 tháng 11 năm 2022;",
    "Căn cứ Kế hoạch số 310/KH-UBND ngày 20 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh về thực hiện"
    " Chiến lược quốc gia về bình đẳng giới năm 2026;",
]

AIMS = [
    (
        "1.\tMục đích",
        [
            "Nâng cao nhận thức, thay đổi hành vi của cán bộ, công chức và Nhân dân trên địa bàn xã về"
            " bình đẳng giới, phòng ngừa và ứng phó với bạo lực trên cơ sở giới.",
            "Thúc đẩy sự tham gia của các cơ quan, đoàn thể, thôn và trường học vào việc bảo đảm quyền"
            " của phụ nữ, trẻ em gái và người yếu thế.",
        ],
    ),
    (
        "2.\tYêu cầu",
        [
            "Các hoạt động được tổ chức thiết thực, hiệu quả, phù hợp với điều kiện của từng thôn, tiết"
            " kiệm, tránh hình thức.",
            "Có sự phối hợp chặt chẽ giữa các cơ quan, đơn vị; lồng ghép với các phong trào, cuộc vận"
            " động đang triển khai tại địa phương.",
        ],
    ),
]


def body(document) -> None:
    para(document, [("KẾ HOẠCH", "b")], align=CENTER, indent=False, before=12, after=0)
    para(
        document,
        [
            ("Triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó", "b"),
            "\n",
            ("với bạo lực trên cơ sở giới trên địa bàn xã năm 2026", "b"),
        ],
        align=CENTER,
        indent=False,
        after=0,
    )
    para(document, "___________", align=CENTER, indent=False, after=12)
    for text in BASES:
        para(document, [(text, "i")])
    para(
        document,
        "Ủy ban nhân dân xã Hòa An ban hành Kế hoạch triển khai Tháng hành động vì bình đẳng"
        " giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026 như sau:",
    )
    para(document, [("I.\tMỤC ĐÍCH, YÊU CẦU", "b")])
    for heading, bullets in AIMS:
        para(document, [(heading, "b")])
        for text in bullets:
            para(document, "-\t" + text)
    para(document, [("II.\tNỘI DUNG HOẠT ĐỘNG", "b")])
    para(document, [("1.\tChủ đề và thời gian", "b")])
    para(
        document,
        [
            ("a)\tChủ đề: ", "i"),
            "“Chung tay xóa bỏ bạo lực trên cơ sở giới, vì một cộng đồng an toàn cho phụ nữ và trẻ em gái”.",
        ],
    )
    para(document, "b)\tThời gian: từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026.")
    para(document, [("2.\tCác hoạt động trọng tâm", "b")])
    para(
        document,
        [
            "a)\tTuyên truyền trên hệ thống loa truyền thanh của xã và các thôn ít nhất hai lần"
            " mỗi tuần trong thời gian diễn ra Tháng hành động;",
            "\n",
            "treo băng rôn, khẩu hiệu tại trụ sở Ủy ban nhân dân xã và nhà văn hóa các thôn.",
        ],
    )
    para(
        document,
        [
            "b)\tTổ chức hội nghị đối thoại với phụ nữ, trẻ em gái về ",
            "phò",
            "ng ngừa bạo lực gia đình, xâm hại tình dục trẻ em.",
        ],
    )
    para(document, "c)\tRà soát, hỗ trợ nạn nhân bị bạo lực trên cơ sở giới:")
    para(document, "-\tLập danh sách các trường hợp có nguy cơ cao để theo dõi, hỗ trợ kịp thời;")
    para(document, "-\tKết nối nạn nhân với các dịch vụ y tế, pháp lý và tạm lánh khi cần.")
    para(document, "d)\tTổ chức các hoạt động hưởng ứng trong trường học, gắn với giáo dục kỹ năng sống cho học sinh.")
    tasks(document)
    para(document, [("IV.\tKINH PHÍ THỰC HIỆN", "b")])
    para(
        document,
        "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách xã năm 2026 giao cho"
        " Phòng Văn hóa - Xã hội và các nguồn huy động hợp pháp khác theo quy định.",
    )
    para(document, [("V.\tCHẾ ĐỘ BÁO CÁO", "b")])
    para(
        document,
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân xã (qua"
        " Phòng Văn hóa - Xã hội) trước ngày 20 tháng 12 năm 2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    )
    para(
        document,
        "Trên đây là Kế hoạch triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng"
        " phó với bạo lực trên cơ sở giới năm 2026 của Ủy ban nhân dân xã Hòa An. Trong quá trình thực"
        " hiện, có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Phòng Văn hóa - Xã hội để tổng"
        " hợp, báo cáo Ủy ban nhân dân xã xem xét, giải quyết./.",
    )


def run_in(document, heading: str, text: str) -> None:
    para(document, [(heading, "b"), " " + text])


def tasks(document) -> None:
    para(document, [("III.\tTỔ CHỨC THỰC HIỆN", "b")])
    run_in(
        document,
        "1.\tPhòng Văn hóa - Xã hội:",
        "Chủ trì, phối hợp với các cơ quan, đơn vị tham mưu"
        " Ủy ban nhân dân xã triển khai Kế hoạch; hướng dẫn các thôn tổ chức các hoạt động hưởng ứng;"
        " tổng hợp kết quả, báo cáo Ủy ban nhân dân xã và Sở Nội vụ theo quy định.",
    )
    run_in(
        document,
        "2.\tTrạm Y tế xã:",
        "Tổ chức tư vấn, khám sức khỏe sinh sản cho phụ nữ; tiếp"
        " nhận, sơ cứu, điều trị cho nạn nhân bị bạo lực và thống kê các trường hợp theo quy định.",
    )
    run_in(
        document,
        "3.\tCông an xã:",
        "Nắm tình hình, kịp thời phát hiện, ngăn chặn và xử lý nghiêm"
        " các hành vi bạo lực gia đình, mua bán người, xâm hại trẻ em trên địa bàn.",
    )
    run_in(
        document,
        "4.\tĐề nghị Đoàn Thanh niên Cộng sản Hồ Chí Minh xã:",
        "Tổ chức các hoạt động"
        " truyền thông trong đoàn viên, thanh niên về bình đẳng giới và tình yêu, hôn nhân lành mạnh.",
    )
    run_in(
        document,
        "5.\tĐề nghị Hội Liên hiệp Phụ nữ xã:",
        "Phối hợp tổ chức đối thoại, hỗ trợ"
        " phụ nữ bị bạo lực; nhân rộng các mô hình phòng, chống bạo lực gia đình tại cộng đồng.",
    )
    run_in(
        document,
        "6.\tBan Nhân dân các thôn:",
        "Tổ chức tuyên truyền tại nhà văn hóa thôn; rà"
        " soát, báo cáo các trường hợp bạo lực gia đình về Ủy ban nhân dân xã.",
    )
    run_in(
        document,
        "7.\tCác trường Mầm non, Tiểu học, Trung học cơ sở trên địa bàn xã:",
        "Lồng ghép"
        " nội dung bình đẳng giới vào hoạt động ngoại khóa; tổ chức cho học sinh cam kết không bạo lực"
        " học đường.",
    )


SENT_TO = [
    "- UBND tỉnh (b/c);",
    "- Sở Nội vụ (b/c);",
    "- TT. Đảng ủy xã (b/c);",
    "- TT. HĐND xã;",
    "- CT, các PCT UBND xã;",
    "- Các cơ quan, đơn vị tại mục III;",
    "- Ban Nhân dân thôn Hòa Bình, thôn Hòa Lợi, thôn Phú Thạnh;",
    "- Trường MN Hòa An, Trường TH Hòa An, Trường THCS Hòa An;",
]


def signature(document) -> None:
    signature_table(document, SENT_TO + ["- Lưu: VT, VHXH."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Thu Hà")


LETTERS = [
    ["Phòng Văn hóa - Xã hội"],
    ["Trạm Y tế xã"],
    ["Công an xã"],
    ["Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Đoàn Thanh niên xã"],
    ["Hội Liên hiệp Phụ nữ xã"],
    ["thôn Hòa Bình"],
    ["thôn Hòa Lợi"],
    ["thôn Phú Thạnh"],
    ["Trường MN Hòa An", "Trường Mầm non Hòa An"],
    ["Trường TH Hòa An", "Trường Tiểu học Hòa An"],
    ["Trường THCS Hòa An", "Trường Trung học cơ sở Hòa An"],
]


def main() -> None:
    document = new_document()
    header(document)
    body(document)
    signature(document)
    save(document, "ke-hoach-xa-hoa-an.docx", LETTERS)


if __name__ == "__main__":
    main()
