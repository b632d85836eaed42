"""quyet-dinh.yaml: the Quyết định that issues the plan, when the content has one."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Origin, PartialDate, RecipientLine, Signature, origin_field, spec


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
        "{quyet_dinh_day_du} ghi đầy đủ như Nghị định 30, ví dụ (Kèm theo {quyet_dinh_day_du})",
        placeholders=("quyet_dinh", "quyet_dinh_day_du"),
    )
    plan_reference: str = spec(
        "ke_hoach_kem_theo",
        "Cách công văn, biểu mẫu và báo cáo nhắc đến kế hoạch (giá trị của {ke_hoach}); {quyet_dinh} "
        "là số, ngày của quyết định, ví dụ Kế hoạch ban hành kèm theo {quyet_dinh}",
        placeholders=("quyet_dinh",),
    )
    recipients: list[RecipientLine] = spec("noi_nhan", "Nơi nhận của quyết định, đúng thứ tự; dòng Lưu tự thêm")
    signature: Signature | None = spec(
        "nguoi_ky", "Người ký quyết định, khi khác người ký kế hoạch; để trống thì như kế hoạch", default=None
    )
    origin: Origin | None = origin_field()
