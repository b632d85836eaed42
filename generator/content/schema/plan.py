"""ke-hoach.yaml: the plan itself."""

from __future__ import annotations

from dataclasses import dataclass

from .common import LETTER_PLACEHOLDERS, Origin, PartialDate, RecipientLine, Signature, origin_field, spec
from .forms import SUMMARY_FIGURES


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


MEASURES_DOC = "Chỉ tiêu đặt nhiều mức (… trên 90%; … trên 70%): mỗi mức một phần tử, biểu mẫu hỏi mỗi mức một dòng"
COUNT_UNIT_DOC = (
    "Chỉ tiêu tỷ lệ: đơn vị tính của dòng số đạt (tử số), ví dụ người; để trống thì lấy don_vi_tu_so ở bieu-mau.yaml"
)
TOTAL_UNIT_DOC = (
    "Chỉ tiêu tỷ lệ: đơn vị tính của dòng tổng số (mẫu số), ví dụ trẻ sinh sống; để trống thì như dòng số đạt"
)


# The deepest level a plan numbers or marks (I. → 1. → a) → - → +); deeper items are marked as
# this one (make check warns).
DEEPEST_LEVEL = 5


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
    count_unit: str | None = spec("don_vi_tu_so", COUNT_UNIT_DOC, default=None)
    total_unit: str | None = spec("don_vi_mau_so", TOTAL_UNIT_DOC, default=None)
    measures: list[str] = spec("cac_muc", MEASURES_DOC, default_factory=list)
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


SCOPES_DOC = "Phần của một chỉ tiêu của kế hoạch mà cơ quan báo cáo, khi cơ quan chỉ giữ một phần của chỉ tiêu đó"


@dataclass(kw_only=True)
class PlanTargetScope:
    target: int = spec("chi_tieu", "Số thứ tự chỉ tiêu của kế hoạch (có trong bao_cao_chi_tieu_ke_hoach)")
    narrowing: str = spec("pham_vi", "Phần cơ quan báo cáo, in trong ngoặc sau số chỉ tiêu")
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
    plan_target_scopes: list[PlanTargetScope] = spec("pham_vi_chi_tieu_ke_hoach", SCOPES_DOC, default_factory=list)
    run_in: bool | None = spec(
        "cung_dong",
        "true: đoạn nhiệm vụ đầu tiên in tiếp sau tiêu đề, cùng dòng; để trống: theo nhiem_vu_cung_dong",
        default=None,
    )
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
    deadline: PartialDate | None = spec(
        "han",
        "Hạn gửi báo cáo cấp trên, không trước hạn tổng hợp, giá trị của {han_cap_tren}; "
        "kế hoạch không ghi hạn thì bỏ trường này (khi đó không dùng {han_cap_tren})",
        default=None,
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
    sections_after: list[Item] = spec(
        "noi_dung_sau",
        "Các mục sau mục Tổ chức thực hiện (ví dụ Kinh phí, Chế độ báo cáo), đánh số tiếp theo",
        default_factory=list,
    )
    colon_after_bodies: bool = spec(
        "hai_cham_sau_co_quan",
        "false: tiêu đề mục của từng cơ quan ở Tổ chức thực hiện in không có dấu hai chấm (như kế hoạch gốc)",
        default=True,
    )
    run_in_tasks: bool = spec(
        "nhiem_vu_cung_dong", "true: mục Tổ chức thực hiện có một đoạn nhiệm vụ in đoạn đó sau tiêu đề", default=False
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
