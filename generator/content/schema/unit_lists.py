"""don-vi.yaml: the lists of units (communes, hamlets, schools…) an entry stands for."""

from __future__ import annotations

from dataclasses import dataclass

from .common import LETTER_PLACEHOLDERS, Origin, UNIT_PLACEHOLDERS, origin_field, spec


@dataclass(kw_only=True)
class Unit:
    id: str = spec("ma", "Mã đơn vị, viết thường không dấu; khác mọi mã trong co-quan.yaml")
    name: str = spec("ten", "Tên đơn vị, ví dụ Xã An Khương, Phường Tân Phong, Ấp Tân Lập")
    place: str | None = spec(
        "dia_danh",
        "Địa danh của đơn vị (giá trị của {dia_danh_don_vi}), ví dụ An Khương; để trống thì dùng tên đơn vị",
        default=None,
    )
    header_lines: list[str] | None = spec(
        "ten_tieu_de",
        "Tên ở tiêu đề biểu mẫu của riêng đơn vị, mỗi dòng một phần tử; để trống: như danh sách",
        default=None,
        one_or_more=True,
        placeholders=UNIT_PLACEHOLDERS,
    )
    parent: str | None = spec(
        "co_quan_cap_tren",
        "Dòng cơ quan cấp trên ở tiêu đề biểu mẫu của riêng đơn vị; để trống: như danh sách",
        default=None,
        placeholders=UNIT_PLACEHOLDERS,
        line_marks=True,
    )
    symbol_code: str | None = spec(
        "ky_hieu",
        "Chữ viết tắt của riêng đơn vị trong số, ký hiệu báo cáo (ví dụ THTK); để trống: như danh sách",
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
        'Tên đơn vị ở tiêu đề biểu mẫu, mỗi dòng một phần tử, ví dụ ["Ủy ban nhân dân", "{ten_don_vi_trong_cau}"]; '
        "{loai_don_vi}: tên đơn vị bỏ địa danh ở cuối, để xuống dòng trước địa danh",
        placeholders=UNIT_PLACEHOLDERS,
    )
    parent: str | None = spec(
        "co_quan_cap_tren",
        "Dòng cơ quan cấp trên ở tiêu đề biểu mẫu; | đánh dấu chỗ xuống dòng; để trống nếu không có",
        default=None,
        placeholders=UNIT_PLACEHOLDERS,
        line_marks=True,
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
