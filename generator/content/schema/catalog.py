"""chi-tieu.yaml: the objectives and indicators of the national strategy."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Origin, origin_field, spec
from .issuer import IssuerLevel
from .plan import COUNT_UNIT_DOC, MEASURES_DOC, TOTAL_UNIT_DOC

UNCONFIRMED_DOC = "Số thứ tự chưa đối chiếu được với văn bản nguồn: lời ghi chú in trong ngoặc sau số chỉ tiêu"
LEVELS_DOC = "Cấp (cap ở co-quan-ban-hanh.yaml) không đo chỉ tiêu này, ví dụ [huyen, xa]: kế hoạch cấp đó không giao"


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
    count_unit: str | None = spec("don_vi_tu_so", COUNT_UNIT_DOC, default=None)
    total_unit: str | None = spec("don_vi_mau_so", TOTAL_UNIT_DOC, default=None)
    measures: list[str] = spec("cac_muc", MEASURES_DOC, default_factory=list)
    unconfirmed_number: str | None = spec("so_chua_xac_nhan", UNCONFIRMED_DOC, default=None)
    not_measured_at: list[IssuerLevel] = spec("khong_do_o_cap", LEVELS_DOC, default_factory=list, one_or_more=True)
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
