"""loai-noi-nhan.yaml: the kinds of recipient and how the issuer speaks to each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .common import LETTER_PLACEHOLDERS, Origin, origin_field, spec


# How a recipient's report form is headed: a state body under the national name and motto, a Party
# body under "ĐẢNG CỘNG SẢN VIỆT NAM" (Hướng dẫn 36-HD/VPTW), or no form at all.
FormStyle = Literal["nha_nuoc", "dang", "khong"]


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
