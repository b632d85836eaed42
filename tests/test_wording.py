"""generator/document/wording.py and the plan's item numbering (Decree 30, PL I §II.3–4, §V)."""

from __future__ import annotations

import re

import pytest

import nd30
from generator.content.schema import PartialDate
from generator.document import wording
from generator.document.plan import item_label


def date(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day)


# ----------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [
        (2, 5, "Hớn Quản, ngày 05 tháng 02 năm 2024"),  # the decree's own example: day and Feb take a zero
        (1, 31, "Hớn Quản, ngày 31 tháng 01 năm 2024"),
        (11, 15, "Hớn Quản, ngày 15 tháng 11 năm 2024"),  # months 3–12 never take a zero
        (3, 9, "Hớn Quản, ngày 09 tháng 3 năm 2024"),
        (12, 10, "Hớn Quản, ngày 10 tháng 12 năm 2024"),
    ],
)
def test_place_date_zero_rule(month, day, expected):
    text = wording.place_date("Hớn Quản", date(2024, month, day))
    assert text == expected
    assert nd30.PLACE_DATE_LINE.match(text)


@pytest.mark.parametrize("month", range(1, 13))
def test_only_january_and_february_take_a_leading_zero(month):
    assert wording.month_text(month) == (f"0{month}" if month <= 2 else str(month))


@pytest.mark.parametrize("day", range(1, 32))
def test_days_below_ten_take_a_leading_zero(day):
    assert wording.day_text(day) == f"{day:02d}" and len(wording.day_text(day)) == 2


def test_draft_date_leaves_blanks_to_write_in():
    assert wording.place_date("Hớn Quản", date(2024, 11)) == "Hớn Quản, ngày      tháng 11 năm 2024"
    blank = wording.place_date("Hớn Quản", date(2024))
    assert re.fullmatch(r"Hớn Quản, ngày {2,}tháng {2,}năm 2024", blank)
    for text in (wording.place_date("Hớn Quản", date(2024, 11)), blank):
        assert nd30.PLACE_DATE_LINE.match(text), text


def test_short_dates_follow_the_same_zero_rule():
    assert wording.short_date(date(2020, 3, 5)) == "05/3/2020"
    assert wording.short_date(date(2024, 2, 5)) == "05/02/2024"
    assert wording.short_date(date(2024, 12, 20)) == "20/12/2024"


# ----------------------------------------------------------------------------- numbers
def test_number_line():
    assert wording.number_line(5, "KH-UBND") == "Số: 05/KH-UBND"
    assert wording.number_line(123, "KH-UBND") == "Số: 123/KH-UBND"
    assert wording.number_line(None, "KH-UBND") == "Số:      /KH-UBND"
    for number in (5, 10, 123, None):
        assert nd30.NUMBER_LINE.match(wording.number_line(number, "KH-UBND"))


# ----------------------------------------------------------------------------- numbering
ROMAN = {
    1: "I",
    2: "II",
    3: "III",
    4: "IV",
    5: "V",
    6: "VI",
    7: "VII",
    8: "VIII",
    9: "IX",
    10: "X",
    11: "XI",
    14: "XIV",
    19: "XIX",
    24: "XXIV",
    39: "XXXIX",
}


@pytest.mark.parametrize(("number", "expected"), ROMAN.items())
def test_roman_numerals(number, expected):
    assert wording.roman(number) == expected


def test_roman_numerals_from_forty():
    assert [wording.roman(n) for n in (40, 49, 50)] == ["XL", "XLIX", "L"]


def test_point_letters_follow_the_vietnamese_alphabet():
    """a b c d đ e g h i k…: no f, j, w, z; đ after d (PL I §V row 6b)."""
    letters = [wording.point_letter(i) for i in range(1, 24)]
    assert letters[:11] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert not {"f", "j", "w", "z"} & set(letters)
    assert letters[-1] == "y" and len(set(letters)) == 23


@pytest.mark.parametrize(
    ("depth", "index", "label"),
    [
        (1, 1, "I."),
        (1, 4, "IV."),
        (2, 1, "1."),
        (2, 12, "12."),
        (3, 1, "a)"),
        (3, 5, "đ)"),
        (3, 6, "e)"),
        (3, 7, "g)"),
        (4, 1, "-"),
        (5, 3, "+"),
        (6, 1, "+"),
    ],
)
def test_item_labels_by_depth(depth, index, label):
    assert item_label(depth, index) == label


# ----------------------------------------------------------------------------- lists and names
def test_recipient_list_lines():
    lines = wording.list_lines(["Sở LĐ-TB&XH", "UBND các xã, thị trấn"], ["VT", "VX"])
    assert lines == ("- Sở LĐ-TB&XH;", "- UBND các xã, thị trấn;", "- Lưu: VT, VX.")
    assert nd30.ARCHIVE_LINE.match(lines[-1])
    assert wording.list_lines([], ["VT"]) == ("- Lưu: VT.",)
    # A Party body's (Hướng dẫn 36-HD/VPTW): commas, and the archive line without a colon.
    assert wording.list_lines(["Như trên", "Ban Thường vụ"], ["Văn phòng Đảng ủy"], party=True) == (
        "- Như trên,",
        "- Ban Thường vụ,",
        "- Lưu Văn phòng Đảng ủy.",
    )
    # No archive (a hamlet has no records desk): the last entry ends the list.
    assert wording.list_lines(["Như trên", "UBND xã"], []) == ("- Như trên;", "- UBND xã.")
    assert wording.list_lines(["Như trên"], [], party=True) == ("- Như trên.",)


def test_names_inside_a_sentence_lose_a_leading_capital_common_noun():
    assert wording.within_sentence("Các Ban của HĐND huyện") == "các Ban của HĐND huyện"
    assert wording.within_sentence("Hội Liên hiệp Phụ nữ huyện") == "Hội Liên hiệp Phụ nữ huyện"
