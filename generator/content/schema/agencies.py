"""co-quan.yaml: the bodies and groups a plan names."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Origin, origin_field, spec


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
        "Tên cơ quan cấp trên in ở dòng trên tên đơn vị, ở biểu mẫu báo cáo, ví dụ UBND huyện {dia_danh}; "
        "| đánh dấu chỗ xuống dòng",
        default=None,
        line_marks=True,
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
