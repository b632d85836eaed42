"""loai-noi-nhan.yaml: the kinds of recipient and how the issuer speaks to each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .common import LETTER_PLACEHOLDERS, Origin, origin_field, spec


# How a recipient's report form is headed: the code of a header style (loai-noi-nhan.yaml
# kieu_tieu_de; nha_nuoc and dang are built in), or "khong" for no form at all.
NO_FORM = "khong"


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
    form: str = spec(
        "bieu_mau",
        "Kiểu tiêu đề biểu mẫu báo cáo: mã ở kieu_tieu_de, ví dụ nha_nuoc (Quốc hiệu, Tiêu ngữ), dang "
        "(ĐẢNG CỘNG SẢN VIỆT NAM); khong: không gửi biểu mẫu",
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
class HeaderStyle:
    """How the header of a kind's report form is set: the line heading its right column and the rest."""

    id: str = spec("ma", "Mã kiểu tiêu đề; loại nơi nhận dùng mã này (bieu_mau: …)")
    national_name: str = spec("quoc_hieu", "Dòng đầu cột phải (in đậm, chữ hoa), ví dụ ĐOÀN TNCS HỒ CHÍ MINH")
    motto: str | None = spec("tieu_ngu", "Dòng dưới, có gạch chân; để trống: gạch chân dòng trên", default=None)
    agency_mark: str | None = spec("dau_duoi_ten", "In dưới tên đơn vị thay gạch chân, ví dụ *", default=None)
    convention: Literal["nha_nuoc", "dang"] = spec(
        "the_thuc", "Số, ký hiệu, Nơi nhận: nha_nuoc (Số: 05/BC-TP) hoặc dang (Số 05-BC/ĐU)", default="nha_nuoc"
    )
    number_line: bool = spec("dong_so", "false: không in dòng Số (thôn, ấp, khu phố không có sổ văn bản)", default=True)
    origin: Origin | None = origin_field()

    @property
    def party(self) -> bool:
        """Whether documents in this style follow the Party's rules for the number, symbol and Nơi
        nhận (the_thuc: dang), as the style declares."""
        return self.convention == "dang"


# The header styles every edition has without declaring them (kieu_tieu_de adds others).
BUILT_IN_STYLES = {
    "nha_nuoc": HeaderStyle(
        id="nha_nuoc", national_name="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto="Độc lập - Tự do - Hạnh phúc"
    ),
    "dang": HeaderStyle(id="dang", national_name="ĐẢNG CỘNG SẢN VIỆT NAM", agency_mark="\\*", convention="dang"),
}


@dataclass(kw_only=True)
class RecipientKinds:
    kinds: list[RecipientKind] = spec("loai", "Các loại nơi nhận")
    header_styles: list[HeaderStyle] = spec(
        "kieu_tieu_de", "Các kiểu tiêu đề biểu mẫu; nha_nuoc, dang có sẵn nếu không ghi", default_factory=list
    )
    origin: Origin | None = origin_field()
