"""Shared pieces of the content model: where a value was read, how a field is declared,
and the types several files use (a partial date, a signature, a line of Nơi nhận)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from typing import Any

from ...errors import Problem


@dataclass(frozen=True)
class Origin:
    """Where an object was read: its file, the line it starts on, and the line of each given field;
    the key path the binder walked to it (`to_chuc_thuc_hien[3]`; "" for a file's top level) and
    the YAML key of each of its fields, so that a rule names a field as the clerk typed it."""

    path: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    key: str = field(default="", compare=False)
    field_keys: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, self.line)

    def key_of(self, field_name: str) -> str:
        """The key path of a field (`items[3]`: of its third item), as the clerk finds it in the file."""
        name, bracket, index = field_name.partition("[")
        own = self.field_keys.get(name, name) + bracket + index
        return f"{self.key}.{own}" if self.key else own

    def problem(self, field_name: str, message: str) -> Problem:
        """A problem at a field of this object: its line, its key path."""
        return Problem(self.path, self.line_of(field_name), self.key_of(field_name), message)


def spec(
    key: str,
    doc: str,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    *,
    one_or_more: bool = False,
    placeholders: tuple[str, ...] = (),
    line_marks: bool = False,
) -> Any:
    """A model field: its YAML key, its one-line description and, if optional, its default.

    `one_or_more`: a list field that may also be written as a single value. `placeholders`: the
    names, besides the content's own ({nam}, {dia_danh}, …), that this text may hold; the program
    fills them in for each document (a sentence template). `line_marks`: a title, where `|` marks
    the end of a line (anywhere else a bare `|` is refused, not silently printed as a space)."""
    kwargs: dict[str, Any] = {
        "metadata": {
            "key": key,
            "doc": doc,
            "one_or_more": one_or_more,
            "placeholders": placeholders,
            "line_marks": line_marks,
        }
    }
    if default is not MISSING:
        kwargs["default"] = default
    if default_factory is not MISSING:
        kwargs["default_factory"] = default_factory
    return field(**kwargs)


# Every bound object remembers where it was read; excluded from comparison so that two equal
# editions compare equal wherever their text sits.
def origin_field() -> Any:
    return field(default=None, compare=False, repr=False, metadata={"origin": True})


# Placeholders of the sentence templates of letters and forms, filled in for each recipient.
LETTER_PLACEHOLDERS = (
    "ban_hanh",
    "ten_ban_hanh",
    "ten",
    "ten_trong_cau",
    "ke_hoach",
    "trich_yeu_ke_hoach",
    "noi_dung_bao_cao",
    "noi_tong_hop",
    "han_bao_cao",
    "han_tong_hop",
    "cong_van",
    "trich_yeu_cong_van",
    "ke_hoach_day_du",
    "cong_van_day_du",
)
UNIT_PLACEHOLDERS = ("ten_don_vi", "ten_don_vi_trong_cau", "dia_danh_don_vi", "loai_don_vi")


@dataclass(kw_only=True)
class PartialDate:
    year: int = spec("nam", "Năm (bắt buộc)")
    month: int | None = spec("thang", "Tháng; để trống khi chưa biết", default=None)
    day: int | None = spec("ngay", "Ngày; để trống khi chưa biết", default=None)
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class Signature:
    on_behalf: bool = spec(
        "thay_mat",
        "true: ký thay mặt tập thể, in dòng thẩm quyền (tham_quyen) của co-quan-ban-hanh.yaml trên chức vụ",
        default=True,
    )
    title: list[str] = spec(
        "chuc_vu",
        "Chức vụ người ký, có tiền tố KT./Q./TL. nếu có; nhiều dòng thì ghi danh sách, "
        'ví dụ ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]',
        one_or_more=True,
    )
    name: str = spec("ho_ten", "Họ và tên người ký")
    origin: Origin | None = origin_field()


@dataclass(kw_only=True)
class RecipientLine:
    """One line of "Nơi nhận": an agency, a group of agencies, or free text."""

    agency: str | None = spec("co_quan", "Mã cơ quan trong co-quan.yaml (in tên viết tắt)", default=None)
    group: str | None = spec("nhom", "Mã nhóm cơ quan trong co-quan.yaml (in tên nhóm)", default=None)
    text: str | None = spec("ten", "Tên nơi nhận ghi tự do, khi không có trong co-quan.yaml", default=None)
    origin: Origin | None = origin_field()
