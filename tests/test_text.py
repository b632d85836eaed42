"""generator/content/text.py: placeholders, literal template-looking text, italics."""

from __future__ import annotations

import pytest

from generator.content import text

VALUES = {"nam": "2024", "dia_danh": "Hớn Quản", "ngay_bat_dau": "15/11", "ngay_ket_thuc": "15/12"}


def test_placeholders_are_filled():
    raw = "Huyện {dia_danh} năm {nam}, từ ngày {ngay_bat_dau} đến ngày {ngay_ket_thuc}/{nam}."
    assert text.check_markup(raw) == []
    assert text.expand(raw, VALUES) == "Huyện Hớn Quản năm 2024, từ ngày 15/11 đến ngày 15/12/2024."
    assert text.placeholder_names(raw) == ["dia_danh", "nam", "ngay_bat_dau", "ngay_ket_thuc", "nam"]


@pytest.mark.parametrize(
    "literal", ["{{ x }}", "{{x}}", "{{ nam }}", "{{nam}}", "{{ 1+1 }}", "{% if x %}", "{ nam }", "{Nam}"]
)
def test_template_looking_text_is_left_literal(literal):
    raw = f"Chữ {literal} giữ nguyên"
    assert text.check_markup(raw) == []
    assert text.expand(raw, VALUES) == raw


def test_unknown_placeholder_is_reported_by_name_with_the_valid_ones():
    messages = text.check_markup("năm {nam_ke_hoach}")
    assert len(messages) == 1
    assert "{nam_ke_hoach}" in messages[0]
    for name in VALUES:
        assert "{" + name + "}" in messages[0]


@pytest.mark.parametrize("raw", ["*nghiêng", "a *b* c*", "***"])
def test_unbalanced_star_is_reported(raw):
    assert text.check_markup(raw) == [
        "dấu * đánh dấu chữ nghiêng phải đi thành cặp (*chữ nghiêng*); muốn in chính dấu * thì gõ \\\\* "
        "(hai dấu gạch chéo ngược) trong đoạn văn đặt giữa dấu ngoặc kép"
    ]
    with pytest.raises(text.TextMarkupError):
        text.italic_runs(raw)


@pytest.mark.parametrize("raw", ["không có sao", "*một* và *hai*", r"5 \* 3", r"*a \* b*"])
def test_balanced_or_escaped_stars_are_fine(raw):
    assert text.check_markup(raw) == []


def test_italic_runs():
    assert text.italic_runs("a *b* c") == [("a ", False), ("b", True), (" c", False)]
    assert text.italic_runs("*chữ nghiêng*") == [("chữ nghiêng", True)]
    assert text.italic_runs(r"5 \* 3") == [("5 * 3", False)]
    assert text.italic_runs(r"*a \* b* c") == [("a * b", True), (" c", False)]


def test_title_lines_are_split_at_each_bar_and_read_as_spaces_in_a_sentence():
    raw = "Triển khai Kế hoạch | thực hiện Tháng hành động|vì bình đẳng giới"
    assert text.check_markup(raw, line_marks=True) == []
    assert text.title_lines(raw) == ["Triển khai Kế hoạch", "thực hiện Tháng hành động", "vì bình đẳng giới"]
    assert text.running_text(raw) == "Triển khai Kế hoạch thực hiện Tháng hành động vì bình đẳng giới"
    assert text.title_lines("Không xuống dòng") == ["Không xuống dòng"]


def test_an_escaped_bar_is_a_literal_bar():
    raw = r"A \| B | C"
    assert text.check_markup(raw, line_marks=True) == []
    assert text.title_lines(raw) == ["A | B", "C"]
    assert text.running_text(raw) == "A | B C"


@pytest.mark.parametrize("raw", ["| đầu dòng", "cuối dòng |", "hai || dấu", "hai | | dấu"])
def test_a_bar_with_no_line_on_one_side_is_reported(raw):
    assert text.check_markup(raw, line_marks=True) == [
        (
            "dấu | đánh dấu chỗ xuống dòng trong trích yếu phải đứng giữa hai đoạn chữ (không ở đầu, ở cuối, "
            "không hai dấu liền nhau); muốn in chính dấu | thì gõ \\\\|"
        )
    ]


def test_typesetting_keeps_symbols_ranges_and_spaced_dashes_together():
    from generator.writers.typography import NO_BREAK_HYPHEN, NO_BREAK_SPACE, typeset

    H, S = NO_BREAK_HYPHEN, NO_BREAK_SPACE

    assert typeset("Kế hoạch số 180/KH-UBND giai đoạn 2021-2030") == f"Kế hoạch số 180/KH{H}UBND giai đoạn 2021{H}2030"
    assert typeset("Phòng LĐ-TB&XH (t/h)") == f"Phòng LĐ{H}TB&XH (t/h)"
    assert typeset("giai đoạn 2021 – 2030") == f"giai đoạn 2021{S}–{S}2030"
    assert typeset("Phòng Lao động - Thương binh") == f"Phòng Lao động{S}- Thương binh"
    # A list dash opens its paragraph and a lower-case compound may break: both left alone.
    assert typeset("- Triển khai e-office") == "- Triển khai e-office"


@pytest.mark.parametrize("raw", ["Phân công | phối hợp", "A|B"])
def test_a_bar_outside_a_title_is_refused_not_printed_as_a_space(raw):
    assert text.check_markup(raw) == [
        "dấu | chỉ dùng để đánh dấu chỗ xuống dòng trong trích yếu (trich_yeu); muốn in chính dấu | thì gõ "
        "\\\\| (hai dấu gạch chéo ngược)"
    ]
    assert text.check_markup(raw.replace("|", "\\|")) == []
