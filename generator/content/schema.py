"""The content model: every YAML file of an edition, declared once.

Each field names its YAML key (Vietnamese, without diacritics, as the clerk types it) and carries a
one-line description. The loader binds YAML nodes to these classes and reports every problem with
its file and line; `generator.content.binding` is the only code that reads this metadata.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from typing import Any, Literal, Optional

@dataclass(frozen=True)
class Origin:
    """Where an object was read: its file, the line it starts on, and the line of each given field."""

    path: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, self.line)


def spec(key: str, doc: str, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """A model field: its YAML key, its one-line description and, if optional, its default."""
    kwargs: dict[str, Any] = {"metadata": {"key": key, "doc": doc}}
    if default is not MISSING:
        kwargs["default"] = default
    if default_factory is not MISSING:
        kwargs["default_factory"] = default_factory
    return field(**kwargs)


# Every bound object remembers where it was read; excluded from comparison so that two equal
# editions compare equal wherever their text sits.
def origin_field() -> Any:
    return field(default=None, compare=False, repr=False, metadata={"origin": True})


Relation = Literal["giao", "de_nghi"]


# ---------------------------------------------------------------- ke-hoach.yaml
@dataclass(kw_only=True)
class PartialDate:
    year: int = spec("nam", "Năm (bắt buộc)")
    month: Optional[int] = spec("thang", "Tháng; để trống khi chưa biết", default=None)
    day: Optional[int] = spec("ngay", "Ngày; để trống khi chưa biết", default=None)
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class DocumentMeta:
    parent_agency: Optional[str] = spec(
        "co_quan_chu_quan", "Tên cơ quan chủ quản (dòng trên, không in đậm); để trống nếu không có", default=None
    )
    agency_lines: list[str] = spec("co_quan_ban_hanh", "Tên cơ quan ban hành, mỗi dòng một phần tử, chữ in hoa")
    agency_code: str = spec("ky_hieu_co_quan", "Chữ viết tắt của cơ quan ban hành trong số ký hiệu, ví dụ UBND")
    type_code: str = spec("ky_hieu_loai", "Chữ viết tắt tên loại văn bản, ví dụ KH (Kế hoạch)")
    type_name: str = spec("ten_loai", "Tên loại văn bản, ví dụ KẾ HOẠCH")
    number: Optional[int] = spec("so", "Số văn bản; để trống khi còn là dự thảo", default=None)
    place: str = spec("dia_danh", "Địa danh ghi ở dòng ngày tháng, ví dụ Hớn Quản")
    date: PartialDate = spec("ngay_ban_hanh", "Ngày ban hành; ngày, tháng có thể để trống khi chưa biết")
    title: str = spec("trich_yeu", "Trích yếu nội dung (dòng in đậm dưới tên loại văn bản)")
    drafting_unit: str = spec("don_vi_soan_thao", "Chữ viết tắt của đơn vị soạn thảo, in ở dòng Lưu, ví dụ VX")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class ActionMonth:
    start: str = spec("bat_dau", "Ngày bắt đầu Tháng hành động, dạng ngày/tháng, ví dụ 15/11")
    end: str = spec("ket_thuc", "Ngày kết thúc Tháng hành động, dạng ngày/tháng, ví dụ 15/12")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Item:
    """One numbered item of a section, at any depth (I. → 1. → a) → -)."""

    title: Optional[str] = spec("tieu_de", "Tiêu đề của mục (không ghi số thứ tự, chương trình tự đánh số)", default=None)
    run_in: bool = spec("cung_dong", "true: đoạn đầu tiên viết tiếp ngay sau tiêu đề, trên cùng một dòng", default=False)
    paragraphs: list[str] = spec("doan", "Các đoạn văn của mục, mỗi phần tử một đoạn", default_factory=list)
    dashed: bool = spec("gach_dau_dong", "true: mỗi đoạn bắt đầu bằng dấu gạch ngang (-)", default=False)
    items: list["Item"] = spec("muc", "Các mục con, được đánh số ở cấp tiếp theo", default_factory=list)
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class IndicatorRef:
    objective: int = spec("muc_tieu", "Số thứ tự Mục tiêu trong Chiến lược (1–6)")
    indicators: list[int] = spec("chi_tieu", "Số thứ tự các chỉ tiêu của Mục tiêu đó mà cơ quan báo cáo")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Assignment:
    """One entry of section IV: what one agency (or group) is assigned or requested to do."""

    agency: str = spec("co_quan", "Mã cơ quan trong co-quan.yaml")
    heading_suffix: Optional[str] = spec(
        "them_vao_tieu_de", "Phần in thêm sau tên cơ quan ở tiêu đề (cách một dấu cách), ví dụ (Cơ quan Thường trực …)", default=None
    )
    tasks: list[str] = spec("nhiem_vu", "Các đoạn nhiệm vụ của cơ quan, đúng thứ tự, mỗi phần tử một đoạn")
    indicators: list[IndicatorRef] = spec(
        "bao_cao_chi_tieu", "Các chỉ tiêu của Chiến lược mà cơ quan phải theo dõi, báo cáo", default_factory=list
    )
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Signature:
    authority: Optional[str] = spec("tham_quyen", "Dòng thẩm quyền ký, ví dụ TM. ỦY BAN NHÂN DÂN; để trống nếu không có", default=None)
    title: str = spec("chuc_vu", "Chức vụ người ký, có tiền tố KT./Q./TL. nếu có, ví dụ Q. CHỦ TỊCH")
    name: str = spec("ho_ten", "Họ và tên người ký")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class RecipientLine:
    """One line of "Nơi nhận": an agency, a group of agencies, or free text."""

    agency: Optional[str] = spec("co_quan", "Mã cơ quan trong co-quan.yaml (in tên viết tắt)", default=None)
    group: Optional[str] = spec("nhom", "Mã nhóm cơ quan trong co-quan.yaml (in tên nhóm)", default=None)
    text: Optional[str] = spec("ten", "Tên nơi nhận ghi tự do, khi không có trong co-quan.yaml", default=None)
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Reporting:
    deadline: PartialDate = spec("han_bao_cao", "Hạn gửi báo cáo kết quả Tháng hành động")
    receiver: str = spec("noi_nhan_bao_cao", "Mã cơ quan nhận và tổng hợp báo cáo trong co-quan.yaml")
    summary_deadline: Optional[PartialDate] = spec(
        "han_tong_hop", "Hạn cơ quan nhận báo cáo gửi báo cáo tổng hợp lên UBND huyện; để trống thì dùng hạn báo cáo", default=None
    )
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Plan:
    document: DocumentMeta = spec("van_ban", "Thông tin chung của văn bản: cơ quan, số, ngày, trích yếu")
    action_month: ActionMonth = spec("thang_hanh_dong", "Thời gian Tháng hành động")
    reporting: Reporting = spec("bao_cao", "Hạn và nơi nhận báo cáo kết quả")
    opening: list[str] = spec("mo_dau", "Các đoạn mở đầu, trước mục I")
    sections: list[Item] = spec("noi_dung", "Các mục I, II, III… (trừ mục Tổ chức thực hiện)")
    organisation_title: str = spec("tieu_de_to_chuc_thuc_hien", "Tiêu đề mục Tổ chức thực hiện")
    assignments: list[Assignment] = spec("to_chuc_thuc_hien", "Nhiệm vụ của từng cơ quan, đơn vị, đúng thứ tự trong kế hoạch")
    closing: list[str] = spec("ket_thuc", "Các đoạn kết thúc kế hoạch")
    signature: Signature = spec("nguoi_ky", "Khối chữ ký")
    recipients: list[RecipientLine] = spec("noi_nhan", "Nơi nhận, đúng thứ tự; dòng Lưu do chương trình tự thêm")
    archive: list[str] = spec("luu", "Nơi lưu sau chữ Lưu:, ví dụ [VT]")
    origin: Optional[Origin] = origin_field()


# ---------------------------------------------------------------- co-quan.yaml
@dataclass(kw_only=True)
class Agency:
    id: str = spec("ma", "Mã cơ quan, viết thường không dấu, nối bằng gạch ngang; dùng để tham chiếu")
    name: str = spec("ten", "Tên đầy đủ, chính thức (in ở tiêu đề nhiệm vụ và dòng Kính gửi)")
    short_name: str = spec("ten_viet_tat", "Tên viết tắt (in ở Nơi nhận, đặt tên tệp)")
    relation: Relation = spec("quan_he", "giao: UBND huyện giao nhiệm vụ; de_nghi: UBND huyện đề nghị phối hợp")
    header_lines: Optional[list[str]] = spec(
        "ten_tieu_de", "Tên đơn vị ở tiêu đề biểu mẫu báo cáo, mỗi dòng một phần tử (in chữ hoa); để trống thì in tên đầy đủ", default=None
    )
    parent: Optional[str] = spec("co_quan_cap_tren", "Tên cơ quan cấp trên in ở dòng trên tên đơn vị, ở biểu mẫu báo cáo, ví dụ UBND huyện {dia_danh}", default=None)
    symbol_code: Optional[str] = spec(
        "ky_hieu", "Chữ viết tắt tên cơ quan trong số, ký hiệu văn bản của cơ quan (ví dụ ở báo cáo: …/BC-TP); để trống thì cơ quan tự ghi", default=None
    )
    groups: list[str] = spec("thuoc_nhom", "Mã các nhóm (ở mục nhom) mà cơ quan thuộc về", default_factory=list)
    communes: bool = spec("la_cac_xa", "true: mục này đại diện cho tất cả đơn vị cấp xã trong xa-thi-tran.yaml", default=False)
    letter: bool = spec("gui_cong_van", "false: không gửi công văn riêng cho mục này (ví dụ nhóm chung chung)", default=True)
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class AgencyGroup:
    id: str = spec("ma", "Mã nhóm, viết thường không dấu")
    name: str = spec("ten", "Tên nhóm in ở Nơi nhận, ví dụ Các cơ quan, phòng, ban huyện")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class AgencyRegistry:
    agencies: list[Agency] = spec("co_quan", "Danh sách cơ quan, đơn vị, tổ chức")
    groups: list[AgencyGroup] = spec("nhom", "Các nhóm cơ quan dùng ở Nơi nhận", default_factory=list)
    origin: Optional[Origin] = origin_field()


# ---------------------------------------------------------------- xa-thi-tran.yaml
@dataclass(kw_only=True)
class Commune:
    id: str = spec("ma", "Mã đơn vị, viết thường không dấu")
    name: str = spec("ten", "Tên đơn vị, ví dụ Xã An Khương, Thị trấn Tân Khai")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class CommuneList:
    communes: list[Commune] = spec("don_vi", "Các xã, thị trấn thuộc huyện")
    origin: Optional[Origin] = origin_field()


# ---------------------------------------------------------------- chi-tieu.yaml
@dataclass(kw_only=True)
class Indicator:
    number: int = spec("so", "Số thứ tự chỉ tiêu trong Mục tiêu")
    text: Optional[str] = spec("noi_dung", "Nội dung chỉ tiêu; để trống (null) khi chưa có nguồn xác nhận, không tự điền", default=None)
    unit: Optional[str] = spec("don_vi_tinh", "Đơn vị tính dùng ở biểu mẫu báo cáo", default=None)
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Objective:
    number: int = spec("so", "Số thứ tự Mục tiêu (1–6)")
    title: str = spec("ten", "Tên Mục tiêu, ví dụ Trong lĩnh vực chính trị")
    indicators: list[Indicator] = spec("chi_tieu", "Các chỉ tiêu của Mục tiêu")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class IndicatorCatalog:
    source: str = spec("nguon", "Văn bản ban hành Chiến lược")
    objectives: list[Objective] = spec("muc_tieu", "Các Mục tiêu và chỉ tiêu")
    origin: Optional[Origin] = origin_field()


# ---------------------------------------------------------------- cong-van.yaml, bieu-mau.yaml
@dataclass(kw_only=True)
class LetterSettings:
    subject: str = spec("trich_yeu", "Trích yếu công văn, in sau chữ “V/v ” dưới số công văn")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class Activity:
    name: str = spec("ten", "Tên hoạt động, hình thức tuyên truyền (một dòng của bảng I)")
    unit: str = spec("don_vi_tinh", "Đơn vị tính số lượng, ví dụ cuộc, bản, cái")
    origin: Optional[Origin] = origin_field()


@dataclass(kw_only=True)
class ReportFormSettings:
    title: str = spec("trich_yeu", "Trích yếu của báo cáo, in dưới chữ BÁO CÁO")
    activities: list[Activity] = spec("hoat_dong", "Các dòng của bảng I: hoạt động Tháng hành động và hình thức tuyên truyền")
    origin: Optional[Origin] = origin_field()


# The files of an edition and the model each one holds.
EDITION_FILES: dict[str, type] = {
    "ke-hoach.yaml": Plan,
    "co-quan.yaml": AgencyRegistry,
    "xa-thi-tran.yaml": CommuneList,
    "chi-tieu.yaml": IndicatorCatalog,
    "cong-van.yaml": LetterSettings,
    "bieu-mau.yaml": ReportFormSettings,
}
