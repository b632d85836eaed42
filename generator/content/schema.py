"""The content model: every YAML file of an edition, declared once.

Each field names its YAML key (Vietnamese, without diacritics, as the clerk types it) and carries a
one-line description. The loader binds YAML nodes to these classes and reports every problem with
its file and line; `generator.content.binding` is the only code that reads this metadata.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Origin:
    """Where an object was read: its file, the line it starts on, and the line of each given field."""

    path: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, self.line)


def spec(
    key: str,
    doc: str,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    *,
    one_or_more: bool = False,
    placeholders: tuple[str, ...] = (),
    line_marks: bool = False,
) -> Any:
    """A model field: its YAML key, its one-line description and, if optional, its default.

    `one_or_more`: a list field that may also be written as a single value. `placeholders`: the
    names, besides the content's own ({nam}, {dia_danh}, …), that this text may hold; the program
    fills them in for each document (a sentence template). `line_marks`: a title, where `|` marks
    the end of a line (anywhere else a bare `|` is refused, not silently printed as a space)."""
    kwargs: dict[str, Any] = {
        "metadata": {
            "key": key,
            "doc": doc,
            "one_or_more": one_or_more,
            "placeholders": placeholders,
            "line_marks": line_marks,
        }
    }
    if default is not MISSING:
        kwargs["default"] = default
    if default_factory is not MISSING:
        kwargs["default_factory"] = default_factory
    return field(**kwargs)


# Every bound object remembers where it was read; excluded from comparison so that two equal
# editions compare equal wherever their text sits.
def origin_field() -> Any:
    return field(default=None, compare=False, repr=False, metadata={"origin": True})


# The levels of People's Committee that issue plans: the two levels in force since 1 July 2025, and
# the district level of earlier editions.
IssuerLevel = Literal[
    "tinh",
    "thanh_pho_truc_thuoc_trung_uong",
    "xa",
    "phuong",
    "dac_khu",
    "huyen",
    "thi_xa",
    "quan",
    "thanh_pho_thuoc_tinh",
]
DISTRICT_LEVELS = ("huyen", "thi_xa", "quan", "thanh_pho_thuoc_tinh")

# How a recipient's report form is headed: a state body under the national name and motto, a Party
# body under "ĐẢNG CỘNG SẢN VIỆT NAM" (Hướng dẫn 36-HD/VPTW), or no form at all.
FormStyle = Literal["nha_nuoc", "dang", "khong"]

# Placeholders of the sentence templates of letters and forms, filled in for each recipient.
LETTER_PLACEHOLDERS = (
    "ban_hanh",
    "ten_ban_hanh",
    "ten",
    "ten_trong_cau",
    "ke_hoach",
    "trich_yeu_ke_hoach",
    "noi_dung_bao_cao",
    "noi_tong_hop",
    "han_bao_cao",
    "han_tong_hop",
    "cong_van",
    "trich_yeu_cong_van",
)
UNIT_PLACEHOLDERS = ("ten_don_vi", "ten_don_vi_trong_cau", "dia_danh_don_vi")


# ---------------------------------------------------------------- co-quan-ban-hanh.yaml
@dataclass(kw_only=True)
class Issuer:
    """The People's Committee that issues the plan and its letters."""

    level: IssuerLevel = spec(
        "cap",
        "Cấp của cơ quan ban hành: tinh, thanh_pho_truc_thuoc_trung_uong, xa, phuong, dac_khu "
        "(trước 7/2025 còn huyen, thi_xa, quan, thanh_pho_thuoc_tinh)",
    )
    name: str = spec("ten", "Tên đầy đủ, ví dụ Ủy ban nhân dân xã Tân Khai (in ở Kính gửi của biểu mẫu báo cáo)")
    short_name: str = spec(
        "ten_viet_tat", "Tên viết tắt khi trích dẫn văn bản, ví dụ UBND xã Tân Khai (… của UBND xã Tân Khai)"
    )
    self_name: str = spec("xung_ho", "Cách cơ quan tự gọi mình trong câu văn, ví dụ UBND xã (UBND xã giao …)")
    parent_agency: str | None = spec(
        "co_quan_chu_quan", "Tên cơ quan chủ quản (dòng trên, không in đậm); để trống nếu không có", default=None
    )
    header_lines: list[str] = spec(
        "dong_tieu_de", "Tên cơ quan ở tiêu đề văn bản, mỗi dòng một phần tử (chương trình in chữ hoa)"
    )
    code: str = spec("ky_hieu", "Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản, ví dụ UBND")
    place: str = spec("dia_danh", "Địa danh ghi ở dòng ngày tháng, ví dụ Tân Khai; cũng là giá trị của {dia_danh}")
    authority: str = spec("tham_quyen", "Dòng thẩm quyền khi ký thay mặt tập thể, ví dụ TM. ỦY BAN NHÂN DÂN")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- ke-hoach.yaml
@dataclass(kw_only=True)
class PartialDate:
    year: int = spec("nam", "Năm (bắt buộc)")
    month: int | None = spec("thang", "Tháng; để trống khi chưa biết", default=None)
    day: int | None = spec("ngay", "Ngày; để trống khi chưa biết", default=None)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class DocumentMeta:
    type_code: str = spec("ky_hieu_loai", "Chữ viết tắt tên loại văn bản, ví dụ KH (Kế hoạch)")
    type_name: str = spec("ten_loai", "Tên loại văn bản, ví dụ KẾ HOẠCH")
    number: int | None = spec("so", "Số văn bản; để trống khi còn là dự thảo", default=None)
    date: PartialDate = spec("ngay_ban_hanh", "Ngày ban hành; ngày, tháng có thể để trống khi chưa biết")
    title: str = spec(
        "trich_yeu",
        "Trích yếu nội dung (dòng in đậm dưới tên loại văn bản); | đánh dấu chỗ xuống dòng",
        line_marks=True,
    )
    drafting_unit: str = spec("don_vi_soan_thao", "Chữ viết tắt của đơn vị soạn thảo, in ở dòng Lưu, ví dụ VX")
    drafting_unit_name: str | None = spec(
        "ten_don_vi_soan_thao",
        "Tên đầy đủ của đơn vị soạn thảo, ghi là người sửa trong bản so sánh (make diff); "
        "để trống: ghi tên cơ quan ban hành",
        default=None,
    )
    first_year: int | None = spec(
        "tu_nam", "Kế hoạch nhiều năm: năm đầu của giai đoạn, ví dụ 2026; để trống: kế hoạch một năm", default=None
    )
    last_year: int | None = spec("den_nam", "Kế hoạch nhiều năm: năm cuối của giai đoạn, ví dụ 2030", default=None)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ActionMonth:
    start: str = spec("bat_dau", "Ngày bắt đầu Tháng hành động, dạng ngày/tháng, ví dụ 15/11")
    end: str = spec("ket_thuc", "Ngày kết thúc Tháng hành động, dạng ngày/tháng, ví dụ 15/12")
    origin: Origin | None = origin_field()

    @staticmethod
    def month_day(value: str) -> tuple[int, int] | None:
        """(month, day) of a day/month such as 15/12, in an order that compares; None for anything
        else (an error the cross-checks report)."""
        day, _, month = value.partition("/")
        return (int(month), int(day)) if day.isdigit() and month.isdigit() else None


@dataclass(kw_only=True)
class Item:
    """One numbered item of a section, at any depth (I. → 1. → a) → -)."""

    title: str | None = spec("tieu_de", "Tiêu đề của mục (không ghi số thứ tự, chương trình tự đánh số)", default=None)
    run_in: bool = spec(
        "cung_dong", "true: đoạn đầu tiên viết tiếp ngay sau tiêu đề, trên cùng một dòng", default=False
    )
    paragraphs: list[str] = spec("doan", "Các đoạn văn của mục, mỗi phần tử một đoạn", default_factory=list)
    dashed: bool = spec("gach_dau_dong", "true: mỗi đoạn bắt đầu bằng dấu gạch ngang (-)", default=False)
    items: list[Item] = spec("muc", "Các mục con, được đánh số ở cấp tiếp theo", default_factory=list)
    targets: bool = spec(
        "la_chi_tieu",
        "true: các mục con của mục này là chỉ tiêu của kế hoạch (Chỉ tiêu 1, 2… của Kế "
        "hoạch), giao báo cáo được ở bao_cao_chi_tieu_ke_hoach",
        default=False,
    )
    unit: str | None = spec(
        "don_vi_tinh", "Chỉ tiêu của kế hoạch: đơn vị tính ở biểu mẫu báo cáo, ví dụ %", default=None
    )
    percentage: bool = spec(
        "ty_le", "Chỉ tiêu của kế hoạch là một tỷ lệ: biểu mẫu hỏi thêm số đạt và tổng số", default=False
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class IndicatorRef:
    objective: int = spec("muc_tieu", "Số thứ tự Mục tiêu trong Chiến lược (1–6)")
    indicators: list[int] = spec("chi_tieu", "Số thứ tự các chỉ tiêu của Mục tiêu đó mà cơ quan báo cáo")
    narrowing: str | None = spec(
        "pham_vi",
        "Phần của chỉ tiêu mà cơ quan báo cáo, khi kế hoạch chỉ giao một phần, ví dụ "
        "số liệu về bạo lực trên cơ sở giới (in trong ngoặc sau số chỉ tiêu)",
        default=None,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Assignment:
    """One entry of section IV: what one body, several bodies or a list of units is assigned or asked to do."""

    agencies: list[str] = spec(
        "co_quan",
        "Mã cơ quan trong co-quan.yaml; nhiều cơ quan cùng nhiệm vụ thì ghi danh sách, "
        "ví dụ [ldld, hoi-nong-dan]: mỗi cơ quan một công văn",
        one_or_more=True,
        default_factory=list,
    )
    heading: str | None = spec(
        "tieu_de", "Tiêu đề của mục (không ghi số thứ tự); để trống thì in tên cơ quan theo loại nơi nhận", default=None
    )
    heading_suffix: str | None = spec(
        "them_vao_tieu_de",
        "Phần in thêm sau tên cơ quan ở tiêu đề (cách một dấu cách), ví dụ (Cơ quan Thường trực …)",
        default=None,
    )
    tasks: list[str] = spec(
        "nhiem_vu", "Các đoạn nhiệm vụ của cơ quan, đúng thứ tự, mỗi phần tử một đoạn", default_factory=list
    )
    points: list[Item] = spec(
        "muc",
        "Các điểm a), b)… sau các đoạn nhiệm vụ, mỗi điểm có thể có đoạn và gạch đầu dòng; biểu mẫu "
        "báo cáo có mỗi điểm một dòng, dưới đoạn nhiệm vụ cuối nếu đoạn đó kết thúc bằng dấu hai chấm",
        default_factory=list,
    )
    indicators: list[IndicatorRef] = spec(
        "bao_cao_chi_tieu", "Các chỉ tiêu của Chiến lược mà cơ quan phải theo dõi, báo cáo", default_factory=list
    )
    plan_targets: list[int] = spec(
        "bao_cao_chi_tieu_ke_hoach",
        "Số thứ tự các chỉ tiêu của chính kế hoạch (mục có la_chi_tieu: true) mà cơ quan phải báo cáo",
        default_factory=list,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Signature:
    on_behalf: bool = spec(
        "thay_mat",
        "true: ký thay mặt tập thể, in dòng thẩm quyền (tham_quyen) của co-quan-ban-hanh.yaml trên chức vụ",
        default=True,
    )
    title: list[str] = spec(
        "chuc_vu",
        "Chức vụ người ký, có tiền tố KT./Q./TL. nếu có; nhiều dòng thì ghi danh sách, "
        'ví dụ ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]',
        one_or_more=True,
    )
    name: str = spec("ho_ten", "Họ và tên người ký")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class RecipientLine:
    """One line of "Nơi nhận": an agency, a group of agencies, or free text."""

    agency: str | None = spec("co_quan", "Mã cơ quan trong co-quan.yaml (in tên viết tắt)", default=None)
    group: str | None = spec("nhom", "Mã nhóm cơ quan trong co-quan.yaml (in tên nhóm)", default=None)
    text: str | None = spec("ten", "Tên nơi nhận ghi tự do, khi không có trong co-quan.yaml", default=None)
    origin: Origin | None = origin_field()


# The most reporting periods a form has result columns for.
MAX_REPORTING_PERIODS = 6


@dataclass(kw_only=True)
class ReportingPeriod:
    name: str = spec("ten", "Tên kỳ báo cáo, in trong câu, ví dụ báo cáo năm 2026, báo cáo tổng kết")
    column: str | None = spec(
        "ten_cot",
        "Tên ngắn của kỳ ở cột kết quả của biểu mẫu, ví dụ 2026, Tổng kết; để trống thì như ten",
        default=None,
    )
    deadline: PartialDate = spec("han", "Hạn gửi báo cáo của kỳ này")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Reporting:
    deadline: PartialDate | None = spec(
        "han_bao_cao",
        "Hạn các cơ quan, đơn vị gửi báo cáo kết quả (kế hoạch một lần báo cáo); kế hoạch nhiều kỳ thì ghi ky_bao_cao",
        default=None,
    )
    periods: list[ReportingPeriod] = spec(
        "ky_bao_cao", "Các kỳ báo cáo của kế hoạch nhiều năm, mỗi kỳ một tên và một hạn", default_factory=list
    )
    receiver: str = spec("noi_nhan_bao_cao", "Mã cơ quan nhận và tổng hợp báo cáo trong co-quan.yaml")
    deadline_day_included: bool = spec(
        "tinh_ca_ngay_han",
        "true: báo cáo ghi đúng ngày hạn vẫn là đúng hạn (“trước ngày D” gồm cả ngày D); false: phải trước ngày D",
        default=False,
    )
    summary_deadline: PartialDate | None = spec(
        "han_tong_hop",
        "Hạn cơ quan nhận báo cáo gửi báo cáo tổng hợp lên cơ quan ban hành; để trống thì dùng hạn báo cáo",
        default=None,
    )
    report_up: ReportUp | None = spec(
        "cap_tren", "Báo cáo của cơ quan ban hành gửi cấp trên (make tong-hop)", default=None
    )
    deadline_words: DeadlineWords | None = spec(
        "loi_han", "Chữ đứng trước hạn trong câu, giá trị của {truoc_han}, theo tinh_ca_ngay_han", default=None
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Plan:
    document: DocumentMeta = spec("van_ban", "Thông tin chung của văn bản: loại, số, ngày, trích yếu")
    action_month: ActionMonth | None = spec(
        "thang_hanh_dong",
        "Thời gian Tháng hành động; bỏ hẳn mục này nếu kế hoạch không có Tháng hành động",
        default=None,
    )
    reporting: Reporting = spec("bao_cao", "Hạn và nơi nhận báo cáo kết quả")
    opening: list[str] = spec("mo_dau", "Các đoạn mở đầu, trước mục I")
    sections: list[Item] = spec("noi_dung", "Các mục I, II, III… (trừ mục Tổ chức thực hiện)")
    organisation_title: str = spec("tieu_de_to_chuc_thuc_hien", "Tiêu đề mục Tổ chức thực hiện")
    organisation_intro: list[str] = spec(
        "mo_dau_to_chuc_thuc_hien", "Các đoạn ở đầu mục Tổ chức thực hiện, trước mục 1", default_factory=list
    )
    assignments: list[Assignment] = spec(
        "to_chuc_thuc_hien",
        "Nhiệm vụ của từng cơ quan, đơn vị, đúng thứ tự trong kế hoạch; "
        "một mục không phải cơ quan thì chỉ ghi tieu_de và nhiem_vu",
    )
    organisation_closing: list[str] = spec(
        "ket_thuc_to_chuc_thuc_hien", "Các đoạn ở cuối mục Tổ chức thực hiện", default_factory=list
    )
    closing: list[str] = spec("ket_thuc", "Các đoạn kết thúc kế hoạch")
    signature: Signature = spec("nguoi_ky", "Khối chữ ký")
    recipients: list[RecipientLine] = spec("noi_nhan", "Nơi nhận, đúng thứ tự; dòng Lưu do chương trình tự thêm")
    archive: list[str] = spec("luu", "Nơi lưu sau chữ Lưu:, ví dụ [VT]")
    appendices: list[Appendix] = spec(
        "phu_luc", "Các phụ lục kèm theo kế hoạch, in sau chữ ký, mỗi phụ lục từ một trang mới", default_factory=list
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class AppendixColumn:
    title: str = spec("ten", "Tên cột, in ở dòng đầu của bảng")
    width: float | None = spec("rong", "Độ rộng cột (mm); để trống thì chia đều phần còn lại", default=None)
    agency: bool = spec(
        "co_quan",
        "true: ô của cột này ghi mã cơ quan (co-quan.yaml), in tên viết tắt; nhiều cơ quan cách nhau dấu phẩy",
        default=False,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Appendix:
    title: str = spec("tieu_de", "Tên phụ lục, ví dụ DANH MỤC NHIỆM VỤ TRỌNG TÂM")
    landscape: bool = spec("ngang", "true: in trang ngang (bảng nhiều cột)", default=False)
    columns: list[AppendixColumn] = spec("cot", "Các cột của bảng; cột đầu thường là STT")
    rows: list[list[str]] = spec("dong", "Các dòng của bảng, mỗi dòng một danh sách ô, đúng số cột")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- loai-noi-nhan.yaml
@dataclass(kw_only=True)
class RecipientKind:
    """A kind of recipient: how the issuer speaks to it, whether it reports, how its form is headed."""

    id: str = spec("ma", "Mã loại, viết thường không dấu; co-quan.yaml và don-vi.yaml dùng mã này (loai: …)")
    name: str = spec("ten", "Tên loại, in ở cột Quan hệ của danh sách gửi, ví dụ Giao nhiệm vụ")
    heading: str = spec(
        "tieu_de_ke_hoach",
        "Tiêu đề mục của cơ quan ở phần Tổ chức thực hiện, ví dụ Đề nghị {ten_trong_cau}",
        placeholders=("ten", "ten_trong_cau"),
    )
    opening: str = spec("mo_dau", "Đoạn mở đầu công văn", placeholders=LETTER_PLACEHOLDERS)
    tasks_heading: str = spec("muc_nhiem_vu", "Tên mục nhiệm vụ trong công văn, ví dụ Nhiệm vụ được giao")
    report: str | None = spec(
        "bao_cao",
        "Câu yêu cầu (hoặc đề nghị) gửi báo cáo; để trống (null) thì không đề nghị báo cáo và không gửi biểu mẫu",
        default=None,
        placeholders=LETTER_PLACEHOLDERS,
    )
    closing: str = spec("ket_thuc", "Câu kết thúc công văn (có ./. ở cuối)", placeholders=LETTER_PLACEHOLDERS)
    form: FormStyle = spec(
        "bieu_mau",
        "Tiêu đề biểu mẫu báo cáo: nha_nuoc (Quốc hiệu, Tiêu ngữ), dang (ĐẢNG CỘNG SẢN VIỆT NAM) "
        "hoặc khong (không gửi biểu mẫu)",
    )
    form_signer: list[str] = spec(
        "ky_bieu_mau",
        "Các dòng ký của biểu mẫu báo cáo, ví dụ [THỦ TRƯỞNG ĐƠN VỊ]",
        one_or_more=True,
        default_factory=list,
    )
    form_archive: list[str] | None = spec(
        "luu_bieu_mau",
        "Nơi lưu in sau chữ Lưu ở biểu mẫu của loại này, ví dụ [Văn phòng Đảng ủy] "
        "cho cơ quan Đảng; [] thì không in dòng Lưu; để trống thì như bieu-mau.yaml (luu)",
        default=None,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class RecipientKinds:
    kinds: list[RecipientKind] = spec("loai", "Các loại nơi nhận")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- co-quan.yaml
@dataclass(kw_only=True)
class Agency:
    id: str = spec("ma", "Mã cơ quan, viết thường không dấu, nối bằng gạch ngang; dùng để tham chiếu")
    name: str = spec("ten", "Tên đầy đủ, chính thức (in ở tiêu đề nhiệm vụ và dòng Kính gửi)")
    short_name: str = spec("ten_viet_tat", "Tên viết tắt (in ở Nơi nhận, đặt tên tệp)")
    kind: str | None = spec(
        "loai",
        "Mã loại nơi nhận trong loai-noi-nhan.yaml, ví dụ giao, de_nghi, dang; "
        "mục đại diện cho một danh sách đơn vị thì để trống (lấy loại của danh sách)",
        default=None,
    )
    header_lines: list[str] | None = spec(
        "ten_tieu_de",
        "Tên đơn vị ở tiêu đề biểu mẫu báo cáo, mỗi dòng một phần tử (in chữ hoa); để trống thì in tên đầy đủ",
        default=None,
    )
    parent: str | None = spec(
        "co_quan_cap_tren",
        "Tên cơ quan cấp trên in ở dòng trên tên đơn vị, ở biểu mẫu báo cáo, ví dụ UBND huyện {dia_danh}",
        default=None,
    )
    symbol_code: str | None = spec(
        "ky_hieu",
        "Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản của cơ quan (ví dụ ở báo cáo: …/BC-TP); để trống thì cơ quan tự ghi",
        default=None,
    )
    form_signer: list[str] = spec(
        "ky_bieu_mau",
        "Các dòng ký của biểu mẫu báo cáo; để trống thì theo loại nơi nhận",
        one_or_more=True,
        default_factory=list,
    )
    groups: list[str] = spec("thuoc_nhom", "Mã các nhóm (ở mục nhom) mà cơ quan thuộc về", default_factory=list)
    unit_list: str | None = spec(
        "danh_sach",
        "Mã danh sách đơn vị trong don-vi.yaml mà mục này đại diện, ví dụ cac-xa (UBND các xã, phường)",
        default=None,
    )
    letter: bool = spec(
        "gui_cong_van", "false: không gửi công văn riêng cho mục này (ví dụ nhóm chung chung)", default=True
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class AgencyGroup:
    id: str = spec("ma", "Mã nhóm, viết thường không dấu")
    name: str = spec("ten", "Tên nhóm in ở Nơi nhận, ví dụ Các cơ quan, phòng, ban huyện")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class AgencyRegistry:
    agencies: list[Agency] = spec("co_quan", "Danh sách cơ quan, đơn vị, tổ chức")
    groups: list[AgencyGroup] = spec("nhom", "Các nhóm cơ quan dùng ở Nơi nhận", default_factory=list)
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- don-vi.yaml
@dataclass(kw_only=True)
class Unit:
    id: str = spec("ma", "Mã đơn vị, viết thường không dấu; khác mọi mã trong co-quan.yaml")
    name: str = spec("ten", "Tên đơn vị, ví dụ Xã An Khương, Phường Tân Phong, Ấp Tân Lập")
    place: str | None = spec(
        "dia_danh",
        "Địa danh của đơn vị (giá trị của {dia_danh_don_vi}), ví dụ An Khương; để trống thì dùng tên đơn vị",
        default=None,
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class UnitList:
    """A list of units one entry of section IV stands for, and how each unit is written to."""

    id: str = spec("ma", "Mã danh sách, viết thường không dấu; co-quan.yaml dùng mã này (danh_sach: …)")
    kind: str = spec("loai", "Mã loại nơi nhận của các đơn vị trong loai-noi-nhan.yaml, ví dụ giao")
    addressed: str = spec(
        "kinh_gui",
        "Tên đơn vị ở dòng Kính gửi, ví dụ Ủy ban nhân dân {ten_don_vi_trong_cau}",
        placeholders=UNIT_PLACEHOLDERS,
    )
    short_name: str = spec(
        "ten_viet_tat",
        "Tên viết tắt (Nơi nhận, tên tệp), ví dụ UBND {ten_don_vi_trong_cau}",
        placeholders=UNIT_PLACEHOLDERS,
    )
    header_lines: list[str] = spec(
        "ten_tieu_de",
        'Tên đơn vị ở tiêu đề biểu mẫu, mỗi dòng một phần tử, ví dụ ["Ủy ban nhân dân", "{ten_don_vi_trong_cau}"]',
        placeholders=UNIT_PLACEHOLDERS,
    )
    parent: str | None = spec(
        "co_quan_cap_tren",
        "Dòng cơ quan cấp trên ở tiêu đề biểu mẫu; để trống nếu không có",
        default=None,
        placeholders=UNIT_PLACEHOLDERS,
    )
    place: str = spec(
        "dia_danh", "Địa danh ở dòng ngày tháng của biểu mẫu, ví dụ {dia_danh_don_vi}", placeholders=UNIT_PLACEHOLDERS
    )
    symbol_code: str | None = spec(
        "ky_hieu",
        "Chữ viết tắt tên đơn vị trong số, ký hiệu báo cáo, ví dụ UBND; để trống thì đơn vị tự ghi",
        default=None,
        placeholders=UNIT_PLACEHOLDERS,
    )
    form_signer: list[str] = spec(
        "ky_bieu_mau", 'Các dòng ký của biểu mẫu, ví dụ ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]', one_or_more=True
    )
    signer_note: str | None = spec(
        "ghi_chu_ky",
        "Dòng dưới chức vụ người ký ở biểu mẫu của các đơn vị; để trống thì như "
        "bieu-mau.yaml, ví dụ (Ký, ghi rõ họ tên) cho ấp, khu phố",
        default=None,
    )
    form_instructions: list[str] | None = spec(
        "huong_dan",
        "Các câu hướng dẫn ở biểu mẫu của các đơn vị, thay cả huong_dan của "
        "bieu-mau.yaml (ví dụ ấp không có dấu: gửi bản có chữ ký); để trống thì "
        "như bieu-mau.yaml",
        default=None,
        placeholders=LETTER_PLACEHOLDERS,
    )
    form_archive: list[str] | None = spec(
        "luu_bieu_mau",
        "Nơi lưu in sau chữ Lưu ở biểu mẫu của các đơn vị; [] thì không in dòng "
        "Lưu (đơn vị không có văn thư); để trống thì như loại nơi nhận, rồi "
        "bieu-mau.yaml (luu)",
        default=None,
    )
    one_letter: bool = spec(
        "gui_chung",
        "true: một công văn và một biểu mẫu chung cho cả danh sách (Kính gửi: tên mục ở "
        "co-quan.yaml); false: mỗi đơn vị một công văn, một biểu mẫu",
        default=False,
    )
    units: list[Unit] = spec("don_vi", "Các đơn vị của danh sách, theo thứ tự in")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class UnitLists:
    lists: list[UnitList] = spec("danh_sach", "Các danh sách đơn vị")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- chi-tieu.yaml
@dataclass(kw_only=True)
class Indicator:
    number: int = spec("so", "Số thứ tự chỉ tiêu trong Mục tiêu")
    text: str | None = spec(
        "noi_dung", "Nội dung chỉ tiêu; để trống (null) khi chưa có nguồn xác nhận, không tự điền", default=None
    )
    unit: str | None = spec("don_vi_tinh", "Đơn vị tính dùng ở biểu mẫu báo cáo", default=None)
    percentage: bool = spec(
        "ty_le", "true: chỉ tiêu là một tỷ lệ; biểu mẫu hỏi thêm số đạt (tử số) và tổng số (mẫu số)", default=False
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Objective:
    number: int = spec("so", "Số thứ tự Mục tiêu (1–6)")
    title: str = spec("ten", "Tên Mục tiêu, ví dụ Trong lĩnh vực chính trị")
    indicators: list[Indicator] = spec("chi_tieu", "Các chỉ tiêu của Mục tiêu")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class IndicatorCatalog:
    source: str = spec("nguon", "Văn bản ban hành Chiến lược")
    citation: str | None = spec(
        "trich_dan",
        "Văn bản công văn trích dẫn khi giao chỉ tiêu (giá trị của {nguon} ở cong-van.yaml), "
        "ví dụ kế hoạch của cơ quan ban hành thực hiện Chiến lược; để trống thì dùng nguon",
        default=None,
    )
    objectives: list[Objective] = spec("muc_tieu", "Các Mục tiêu và chỉ tiêu")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- cong-van.yaml, bieu-mau.yaml
@dataclass(kw_only=True)
class LetterNumber:
    recipient: str = spec("noi_nhan", "Mã cơ quan (co-quan.yaml) hoặc mã đơn vị (don-vi.yaml) nhận công văn")
    number: int = spec("so", "Số công văn đã vào sổ")
    date: PartialDate | None = spec(
        "ngay_ban_hanh", "Ngày ban hành riêng của công văn này; để trống thì dùng ngày chung", default=None
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class LetterSettings:
    subject: str = spec(
        "trich_yeu",
        "Trích yếu công văn, in sau chữ “V/v ” dưới số công văn; | đánh dấu chỗ xuống dòng",
        line_marks=True,
    )
    symbol: str = spec("ky_hieu", "Ký hiệu công văn sau số, ví dụ UBND-VX (Số: 125/UBND-VX)")
    date: PartialDate | None = spec(
        "ngay_ban_hanh",
        "Ngày ban hành chung của các công văn; để trống thì để trống ngày, "
        "tháng (ghi tay khi ký), năm là năm của kế hoạch",
        default=None,
    )
    numbers: list[LetterNumber] = spec(
        "so", "Số của từng công văn khi đã vào sổ; công văn không có ở đây để trống số", default_factory=list
    )
    signature: Signature | None = spec(
        "nguoi_ky",
        "Người ký công văn, khi khác người ký kế hoạch (ví dụ TL. CHỦ TỊCH / "
        "CHÁNH VĂN PHÒNG); để trống thì như kế hoạch",
        default=None,
    )
    report_subject: str = spec(
        "noi_dung_bao_cao", "Nội dung báo cáo, giá trị của {noi_dung_bao_cao}, ví dụ kết quả thực hiện Tháng hành động"
    )
    indicators_heading: str = spec("muc_chi_tieu", "Tên mục chỉ tiêu trong công văn, ví dụ Chỉ tiêu theo dõi, báo cáo")
    indicators_intro: str = spec(
        "gioi_thieu_chi_tieu",
        "Câu dẫn danh sách chỉ tiêu; {nguon} là văn bản ban hành Chiến lược",
        placeholders=("nguon",),
    )
    report_heading: str = spec("muc_bao_cao", "Tên mục chế độ báo cáo trong công văn, ví dụ Chế độ báo cáo")
    summary_report: str = spec(
        "bao_cao_tong_hop",
        "Câu giao cơ quan nhận báo cáo tổng hợp (công văn gửi cơ quan đó)",
        placeholders=LETTER_PLACEHOLDERS,
    )
    receiver_copy: str = spec(
        "noi_nhan_tong_hop",
        "Dòng Nơi nhận cho cơ quan tổng hợp báo cáo, ví dụ {noi_tong_hop_viet_tat} (t/h)",
        placeholders=("noi_tong_hop_viet_tat",),
    )
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Activity:
    name: str = spec("ten", "Tên hoạt động, hình thức tuyên truyền (một dòng của bảng hoạt động)")
    unit: str = spec("don_vi_tinh", "Đơn vị tính số lượng, ví dụ cuộc, bản, cái")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class TaskGroup:
    """Several tasks of one section IV entry reported on one row of the form."""

    entry: str = spec("co_quan", "Mã cơ quan (co-quan.yaml) của mục ở Tổ chức thực hiện có các nhiệm vụ này")
    name: str = spec("ten", "Tên dòng ở bảng nhiệm vụ của biểu mẫu, ví dụ Tuyên truyền, truyền thông")
    tasks: list[int] = spec(
        "nhiem_vu",
        "Số thứ tự các nhiệm vụ (đoạn nhiem_vu của mục, đếm từ 1) gộp vào dòng này; gộp đoạn "
        "dẫn các điểm a), b)… (đoạn cuối, kết thúc bằng dấu hai chấm) thì các điểm đó cũng ở dòng này",
    )
    origin: Origin | None = origin_field()


# Placeholders of the form's own lines besides those of the letter.
FORM_PLACEHOLDERS = LETTER_PLACEHOLDERS + ("ma_bieu_mau",)


@dataclass(kw_only=True)
class FormHeadings:
    """The numbered parts of a report form (the program numbers them I., II., …)."""

    tasks: str = spec("nhiem_vu", "Phần kết quả thực hiện các nhiệm vụ được giao")
    activities: str = spec("hoat_dong", "Phần kết quả tổ chức các hoạt động")
    indicators: str = spec("chi_tieu", "Phần kết quả thực hiện các chỉ tiêu")
    budget: str = spec("kinh_phi", "Phần kinh phí thực hiện")
    narrative: str = spec("y_kien", "Phần khó khăn, vướng mắc và đề xuất, kiến nghị")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class FormColumns:
    """Column titles and fixed row names of the form's tables."""

    number: str = spec("stt", "Cột số thứ tự, ví dụ STT")
    task: str = spec("nhiem_vu", "Cột nhiệm vụ được giao")
    task_result: str = spec(
        "ket_qua_nhiem_vu", "Cột kết quả thực hiện nhiệm vụ; {ky_bao_cao} là kỳ báo cáo", placeholders=("ky_bao_cao",)
    )
    activity: str = spec("hoat_dong", "Cột tên hoạt động")
    unit: str = spec("don_vi_tinh", "Cột đơn vị tính")
    quantity: str = spec("so_luong", "Cột số lượng")
    participants: str = spec("so_nguoi", "Cột số người tham gia")
    women: str = spec("nu", "Cột số nữ trong số người tham gia")
    note: str = spec("ghi_chu", "Cột ghi chú")
    indicator: str = spec("chi_tieu", "Cột chỉ tiêu")
    result: str = spec(
        "ket_qua", "Cột kết quả chỉ tiêu của một kỳ; {ky_bao_cao} là kỳ báo cáo", placeholders=("ky_bao_cao",)
    )
    count_row: str = spec("dong_tu_so", "Dòng dưới chỉ tiêu tỷ lệ: số đạt (tử số)")
    total_row: str = spec("dong_mau_so", "Dòng dưới chỉ tiêu tỷ lệ: tổng số (mẫu số)")
    count_unit: str = spec("don_vi_tu_so", "Đơn vị tính của dòng tử số, mẫu số, ví dụ số lượng")
    budget_source: str = spec("nguon_kinh_phi", "Cột nguồn kinh phí")
    budget_amount: str = spec("so_tien", "Cột số tiền đã sử dụng")
    other_activity: str = spec("hoat_dong_khac", "Dòng cuối bảng hoạt động cho hoạt động chưa có trong bảng")
    item: str = spec("noi_dung", "Cột nội dung của bảng ý kiến")
    answer: str = spec("y_kien", "Cột ý kiến của đơn vị ở bảng ý kiến")
    difficulties: str = spec("kho_khan", "Dòng khó khăn, vướng mắc")
    proposals: str = spec("de_xuat", "Dòng đề xuất, kiến nghị")
    origin: Origin | None = origin_field()


# The summary's automatic figures, for the collecting office's own paragraphs.
SUMMARY_FIGURES = ("so_da_bao_cao", "so_phai_bao_cao", "tong_so_luong", "tong_so_nguoi", "tong_so_nu", "tong_kinh_phi")


@dataclass(kw_only=True)
class SummarySigner:
    """Who signs the collecting office's summary: its head (or deputy), by title and name."""

    title: list[str] = spec(
        "chuc_vu",
        'Chức vụ người ký, có tiền tố KT./Q. nếu có; nhiều dòng thì ghi danh sách, ví dụ ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]',
        one_or_more=True,
    )
    name: str | None = spec("ho_ten", "Họ và tên người ký; để trống (null) thì để chỗ trống ghi tay", default=None)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class SummaryReportSettings:
    """The collecting office's summary report to the issuer (bao-cao-tong-hop), made by make tong-hop."""

    title: str = spec("trich_yeu", "Trích yếu của báo cáo tổng hợp", placeholders=LETTER_PLACEHOLDERS, line_marks=True)
    opening: str = spec(
        "mo_dau",
        "Đoạn mở đầu; {so_da_bao_cao}, {so_phai_bao_cao}: số đơn vị đã và phải báo cáo",
        placeholders=LETTER_PLACEHOLDERS + ("so_da_bao_cao", "so_phai_bao_cao"),
    )
    activities: str = spec("hoat_dong", "Phần kết quả các hoạt động, theo hoạt động và theo đơn vị")
    by_unit: str = spec("theo_don_vi", "Cột hoặc tiêu đề bảng theo đơn vị, ví dụ Đơn vị")
    tasks: str = spec("nhiem_vu", "Phần kết quả thực hiện nhiệm vụ của từng đơn vị")
    indicators: str = spec("chi_tieu", "Phần kết quả các chỉ tiêu, theo đơn vị")
    budget: str = spec("kinh_phi", "Phần kinh phí, theo đơn vị")
    narrative: str = spec("y_kien", "Phần khó khăn, vướng mắc và đề xuất, kiến nghị của các đơn vị")
    total: str = spec("tong_cong", "Dòng tổng cộng, ví dụ Tổng cộng")
    caption: str = spec("nhan_bang", "Chữ trước số của tên bảng, ví dụ Bảng (in Bảng 1. …)")
    activities_caption: str = spec("bang_hoat_dong", "Tên bảng kết quả theo hoạt động (in trên bảng)")
    units_caption: str = spec("bang_don_vi", "Tên bảng số người tham gia và kinh phí theo đơn vị")
    indicators_caption: str = spec("bang_chi_tieu", "Tên bảng kết quả các chỉ tiêu")
    budget_caption: str = spec("bang_kinh_phi", "Tên bảng kinh phí theo nguồn")
    missing: str = spec(
        "chua_bao_cao",
        "Câu nêu các đơn vị chưa gửi báo cáo; {danh_sach} là tên các đơn vị",
        placeholders=("danh_sach",),
    )
    number: int | None = spec(
        "so", "Số của báo cáo tổng hợp khi đã vào sổ; để trống (null) khi chưa có số", default=None
    )
    symbol: str | None = spec(
        "ky_hieu",
        "Chữ viết tắt tên cơ quan tổng hợp trong ký hiệu (…/BC-LĐTBXH); để trống thì lấy ky_hieu của cơ quan ở co-quan.yaml",
        default=None,
    )
    signer: SummarySigner | None = spec(
        "nguoi_ky",
        "Người đứng đầu cơ quan tổng hợp ký báo cáo; để trống thì in chức vụ của biểu mẫu, không có họ tên",
        default=None,
    )
    assessment_title: str = spec("danh_gia", "Tên phần đánh giá chung của cơ quan tổng hợp, ví dụ ĐÁNH GIÁ CHUNG")
    assessment: list[str] = spec(
        "danh_gia_noi_dung",
        "Các đoạn đánh giá chung do cơ quan tổng hợp viết, mỗi phần tử một đoạn; {so_da_bao_cao}, "
        "{so_phai_bao_cao}, {tong_so_luong}, {tong_so_nguoi}, {tong_so_nu}, {tong_kinh_phi}: số liệu tự động",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    proposals_title: str = spec("de_xuat", "Tên phần đề xuất, kiến nghị của cơ quan tổng hợp")
    proposals: list[str] = spec(
        "de_xuat_noi_dung",
        "Các đoạn đề xuất, kiến nghị của cơ quan tổng hợp, mỗi phần tử một đoạn (có thể dùng các số liệu tự động "
        "như ở danh_gia_noi_dung)",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    invalid: str = spec(
        "chua_hop_le",
        "Câu nêu số liệu chưa hợp lệ (không tính) của một đơn vị đã báo cáo; {so_lieu}: các ô, {don_vi}: tên đơn vị",
        placeholders=("so_lieu", "don_vi"),
    )
    nothing: str = spec("khong_co", "Câu in khi không đơn vị nào ghi ý kiến hay kết quả ở một phần")
    closing: str = spec("ket_thuc", "Câu kết thúc báo cáo tổng hợp (có ./. ở cuối)", placeholders=LETTER_PLACEHOLDERS)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class DeadlineWords:
    """How a sentence says a deadline, as bao_cao.tinh_ca_ngay_han counts its day ({truoc_han})."""

    before: str = spec("khong_tinh_ngay_han", "Khi tinh_ca_ngay_han: false, ví dụ trước ngày")
    by: str = spec("tinh_ca_ngay_han", "Khi tinh_ca_ngay_han: true, ví dụ chậm nhất ngày")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ReportUp:
    """The issuer's own report to the level above (bao-cao-cap-tren), from the summary's figures."""

    addressee: str = spec("kinh_gui", "Cơ quan nhận báo cáo, in ở dòng Kính gửi, ví dụ Ủy ban nhân dân tỉnh …")
    recipients: list[RecipientLine] = spec(
        "noi_nhan", "Nơi nhận sau dòng Như trên (trước dòng Lưu), như noi_nhan của kế hoạch", default_factory=list
    )
    deadline: PartialDate = spec(
        "han", "Hạn gửi báo cáo cấp trên; không trước hạn tổng hợp; giá trị của {han_cap_tren}"
    )
    number: int | None = spec("so", "Số của báo cáo khi đã vào sổ; để trống (null) khi chưa có số", default=None)
    symbol: str | None = spec(
        "ky_hieu", "Ký hiệu sau số, ví dụ BC-UBND; để trống thì BC- và ky_hieu của cơ quan", default=None
    )
    signature: Signature | None = spec("nguoi_ky", "Người ký báo cáo; để trống thì như người ký kế hoạch", default=None)
    title: str = spec(
        "trich_yeu", "Trích yếu của báo cáo, in dưới chữ BÁO CÁO", placeholders=LETTER_PLACEHOLDERS, line_marks=True
    )
    opening: list[str] = spec(
        "mo_dau",
        "Các đoạn mở đầu; dùng được các số liệu tự động như ở tong_hop",
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    assessment: list[str] = spec(
        "danh_gia_noi_dung",
        "Các đoạn đánh giá chung",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    proposals: list[str] = spec(
        "de_xuat_noi_dung",
        "Các đoạn đề xuất, kiến nghị với cấp trên",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS + SUMMARY_FIGURES,
    )
    closing: str = spec("ket_thuc", "Câu kết thúc báo cáo (có ./. ở cuối)", placeholders=LETTER_PLACEHOLDERS)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class ReportFormSettings:
    title: str = spec(
        "trich_yeu", "Trích yếu của báo cáo, in dưới chữ BÁO CÁO; | đánh dấu chỗ xuống dòng", line_marks=True
    )
    addressee: str = spec(
        "kinh_gui", "Dòng Kính gửi của biểu mẫu (không ghi chữ Kính gửi)", placeholders=LETTER_PLACEHOLDERS
    )
    collector_addressee: str = spec(
        "kinh_gui_noi_tong_hop",
        "Dòng Kính gửi của biểu mẫu của chính cơ quan tổng hợp",
        placeholders=LETTER_PLACEHOLDERS,
    )
    label: str = spec(
        "nhan",
        "Dòng nhãn ở góc trên bên phải; {ma_bieu_mau} là mã chương trình dùng để nhận ra biểu mẫu "
        "khi đơn vị gửi lại (giữ nguyên chỗ điền này)",
        placeholders=FORM_PLACEHOLDERS,
    )
    attached: str = spec("kem_theo", "Dòng dưới nhãn, ví dụ (Kèm theo {cong_van})", placeholders=FORM_PLACEHOLDERS)
    deadline: str = spec("thoi_han", "Câu thời hạn, in ở phần hướng dẫn sau chữ ký", placeholders=LETTER_PLACEHOLDERS)
    instructions_heading: str = spec(
        "tieu_de_huong_dan", "Tiêu đề phần hướng dẫn điền (in sau chữ ký, ngoài phần đơn vị ký)"
    )
    instructions: list[str] = spec(
        "huong_dan",
        "Các câu hướng dẫn điền biểu mẫu, mỗi phần tử một câu",
        default_factory=list,
        placeholders=LETTER_PLACEHOLDERS,
    )
    opening: str = spec("mo_dau", "Đoạn mở đầu của báo cáo", placeholders=LETTER_PLACEHOLDERS)
    signer_note: str = spec(
        "ghi_chu_ky",
        "Dòng dưới chức vụ người ký, ví dụ (Ký, ghi rõ họ tên, đóng dấu); danh sách đơn vị "
        "không có dấu (ấp, khu phố) ghi riêng ở don-vi.yaml",
    )
    copies: list[str] = spec("noi_nhan", "Nơi nhận của biểu mẫu, trước dòng Lưu, ví dụ [Như trên]")
    archive: list[str] = spec("luu", "Nơi lưu biểu mẫu, sau chữ Lưu:, ví dụ [VT]")
    period: str = spec("ky_bao_cao", "Tên kỳ báo cáo in ở cột kết quả, ví dụ năm {nam}")
    headings: FormHeadings = spec("tieu_de_muc", "Tên các phần của biểu mẫu")
    columns: FormColumns = spec("cot", "Tên các cột và các dòng cố định của bảng")
    activities: list[Activity] = spec(
        "hoat_dong", "Các dòng của bảng hoạt động: hoạt động Tháng hành động và hình thức tuyên truyền"
    )
    task_groups: list[TaskGroup] = spec(
        "nhom_nhiem_vu",
        "Các nhiệm vụ được gộp vào một dòng của bảng nhiệm vụ; nhiệm vụ không có ở đây mỗi nhiệm vụ một dòng",
        default_factory=list,
    )
    budget_sources: list[str] = spec(
        "kinh_phi", "Các dòng của bảng kinh phí (nguồn kinh phí, theo mục kinh phí của kế hoạch)"
    )
    no_indicators: str = spec("khong_chi_tieu", "Câu in khi đơn vị không được giao báo cáo chỉ tiêu")
    unknown_indicator: str = spec(
        "chi_tieu_chua_co",
        "In thay nội dung chỉ tiêu chưa có trong chi-tieu.yaml (noi_dung: null), có chỗ trống để ghi tay",
    )
    summary: SummaryReportSettings = spec("tong_hop", "Báo cáo tổng hợp của cơ quan nhận báo cáo (make tong-hop)")
    origin: Origin | None = origin_field()


# ---------------------------------------------------------------- quyet-dinh.yaml
@dataclass(kw_only=True)
class Decision:
    """A Quyết định that issues the plan: the plan is then attached after it, with no number of its own."""

    type_code: str = spec("ky_hieu_loai", "Chữ viết tắt tên loại văn bản, ví dụ QĐ (Số: 12/QĐ-UBND)")
    type_name: str = spec("ten_loai", "Tên loại văn bản, ví dụ QUYẾT ĐỊNH")
    number: int | None = spec("so", "Số quyết định; để trống khi còn là dự thảo", default=None)
    date: PartialDate = spec("ngay_ban_hanh", "Ngày ban hành; ngày, tháng có thể để trống khi chưa biết")
    title: str = spec(
        "trich_yeu",
        "Trích yếu, ví dụ Ban hành Kế hoạch {trich_yeu_ke_hoach}; | đánh dấu chỗ xuống dòng",
        line_marks=True,
        placeholders=("trich_yeu_ke_hoach",),
    )
    authority: str = spec(
        "tham_quyen_ban_hanh",
        "Dòng thẩm quyền ban hành, in đậm, chữ hoa, giữa trang, ví dụ ỦY BAN NHÂN DÂN TỈNH {dia_danh}",
    )
    grounds: list[str] = spec("can_cu", "Các dòng Căn cứ …; và Theo đề nghị của …, mỗi dòng một phần tử")
    decides: str = spec("dong_quyet_dinh", "Dòng in đậm giữa trang trước các điều, ví dụ QUYẾT ĐỊNH:")
    article_label: str = spec("nhan_dieu", "Nhãn của mỗi điều trước số, ví dụ Điều (in Điều 1., Điều 2.…)")
    articles: list[str] = spec(
        "dieu",
        "Nội dung các điều theo thứ tự (chương trình đánh số Điều 1., Điều 2.…); "
        "{trich_yeu_ke_hoach} là trích yếu của kế hoạch",
        placeholders=("trich_yeu_ke_hoach",),
    )
    attached_note: str = spec(
        "kem_theo",
        "Dòng in nghiêng dưới tên kế hoạch kèm theo; {quyet_dinh} là số, ngày của quyết định, "
        "ví dụ (Kèm theo {quyet_dinh})",
        placeholders=("quyet_dinh",),
    )
    recipients: list[RecipientLine] = spec("noi_nhan", "Nơi nhận của quyết định, đúng thứ tự; dòng Lưu tự thêm")
    signature: Signature | None = spec(
        "nguoi_ky", "Người ký quyết định, khi khác người ký kế hoạch; để trống thì như kế hoạch", default=None
    )
    origin: Origin | None = origin_field()


# Files an edition may leave out: a plan that reports on no national strategy has no catalog; a
# plan issued on its own has no Quyết định.
OPTIONAL_FILES = ("chi-tieu.yaml", "quyet-dinh.yaml")

# The files of an edition and the model each one holds.
EDITION_FILES: dict[str, type] = {
    "co-quan-ban-hanh.yaml": Issuer,
    "ke-hoach.yaml": Plan,
    "loai-noi-nhan.yaml": RecipientKinds,
    "co-quan.yaml": AgencyRegistry,
    "don-vi.yaml": UnitLists,
    "chi-tieu.yaml": IndicatorCatalog,
    "cong-van.yaml": LetterSettings,
    "bieu-mau.yaml": ReportFormSettings,
    "quyet-dinh.yaml": Decision,
}
