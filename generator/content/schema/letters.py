"""cong-van.yaml: the letters sent with the plan."""

from __future__ import annotations

from dataclasses import dataclass

from .common import LETTER_PLACEHOLDERS, Origin, PartialDate, Signature, origin_field, spec


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
