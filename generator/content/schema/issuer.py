"""co-quan-ban-hanh.yaml: the People's Committee that issues the plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .common import Origin, origin_field, spec


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
