"""The little markup allowed inside content text: placeholders, italics and title line breaks.

`{nam}`, `{dia_danh}`, `{ngay_bat_dau}`, `{ngay_ket_thuc}` stand for values written once in the
content, so a new edition changes them in one place. `*…*` marks italic words. `|` marks the end
of a line in a title. Nothing else is markup: `{{ 1+1 }}`, `&`, `<` and quotes are ordinary text and come out as typed.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import GeneratorError
from .schema import MAX_REPORTING_PERIODS

# The reporting deadlines of ke-hoach.yaml's bao_cao, written once there (generator/content/deadlines.py).
DEADLINE_PLACEHOLDERS = {
    "han_bao_cao": "hạn các đơn vị gửi báo cáo (bao_cao.han_bao_cao, hoặc hạn các kỳ báo cáo)",
    "han_tong_hop": "hạn gửi báo cáo tổng hợp (bao_cao.han_tong_hop)",
    "han_cap_tren": "hạn báo cáo cấp trên (bao_cao.cap_tren.han)",
    "truoc_han": "chữ trước hạn (bao_cao.loi_han)",
    **{
        f"han_ky_{number}": f"kỳ báo cáo thứ {number} (bao_cao.ky_bao_cao)"
        for number in range(1, MAX_REPORTING_PERIODS + 1)
    },
}

PLACEHOLDERS = {
    "nam": "năm của kế hoạch (lấy từ ngay_ban_hanh.nam)",
    "dia_danh": "địa danh (van_ban.dia_danh)",
    "ngay_bat_dau": "ngày bắt đầu Tháng hành động (thang_hanh_dong.bat_dau)",
    "ngay_ket_thuc": "ngày kết thúc Tháng hành động (thang_hanh_dong.ket_thuc)",
    **DEADLINE_PLACEHOLDERS,
}

ACTION_MONTH_PLACEHOLDERS = ("ngay_bat_dau", "ngay_ket_thuc")

# A single-braced lowercase name; `{{ … }}` is left alone so Jinja-looking text stays literal.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")
# A placeholder typed with Vietnamese letters ({năm}, {ngày_bắt_đầu}): the clerk meant one of the
# names above, so it is refused rather than printed as typed. Other braced words ({Nam}, { nam })
# stay ordinary text.
_ACCENTED_PLACEHOLDER = re.compile(r"(?<!\{)\{([^\W\dA-Z]+)\}(?!\})")


class TextMarkupError(GeneratorError):
    """A piece of content text has markup that cannot be read."""


STAR_ADVICE = (
    "dấu * đánh dấu chữ nghiêng phải đi thành cặp (*chữ nghiêng*); muốn in chính dấu * thì "
    "gõ \\\\* (hai dấu gạch chéo ngược) trong đoạn văn đặt giữa dấu ngoặc kép"
)

BAR_ELSEWHERE = (
    "dấu | chỉ dùng để đánh dấu chỗ xuống dòng trong trích yếu (trich_yeu); muốn in chính dấu | thì gõ "
    "\\\\| (hai dấu gạch chéo ngược)"
)
BAR_ADVICE = (
    "dấu | đánh dấu chỗ xuống dòng trong trích yếu phải đứng giữa hai đoạn chữ (không ở đầu, ở cuối, "
    "không hai dấu liền nhau); muốn in chính dấu | thì gõ \\\\|"
)


def placeholder_names(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)


def check_markup(
    text: str,
    template_placeholders: tuple[str, ...] = (),
    unavailable: tuple[str, ...] = (),
    line_marks: bool = False,
    refused: dict[str, str] | None = None,
) -> list[str]:
    """Problems with the markup of `text`, as Vietnamese messages (empty when it is fine).
    `template_placeholders`: the names a sentence template may hold besides the content's own;
    `unavailable`: content placeholders this edition has no value for (no Action Month);
    `refused`: names this edition's content makes meaningless, with the message saying why."""
    refused = refused or {}
    allowed = [
        name
        for name in dict.fromkeys((*PLACEHOLDERS, *template_placeholders))
        if name not in unavailable and name not in refused
    ]
    messages = [
        refused[name]
        if name in refused
        else f"kế hoạch không có Tháng hành động (thang_hanh_dong) nên không dùng được “{{{name}}}”"
        if name in unavailable and name in ACTION_MONTH_PLACEHOLDERS
        else f"kế hoạch không có {PLACEHOLDERS[name]} nên không dùng được “{{{name}}}”"
        if name in unavailable
        else f"không có biến “{{{name}}}”; các biến dùng được: " + ", ".join(f"{{{n}}}" for n in allowed)
        for name in placeholder_names(text)
        if name not in allowed
    ]
    for match in _ACCENTED_PLACEHOLDER.finditer(text):
        if not _PLACEHOLDER.fullmatch(match.group(0)) and not match.group(1).isascii():
            meant = without_marks(match.group(1))
            hint = f"có phải “{{{meant}}}”? " if meant in allowed else ""
            messages.append(
                f"“{match.group(0)}” không phải là biến (tên biến viết không dấu); {hint}các biến dùng được: "
                + ", ".join(f"{{{n}}}" for n in allowed)
            )
    if not line_marks and re.search(r"(?<!\\)\|", text):
        messages.append(BAR_ELSEWHERE)
    elif re.search(r"^\s*\||(?<!\\)\|\s*$|(?<!\\)\|\s*\|", text):
        messages.append(BAR_ADVICE)
    if _unescaped_stars(text) % 2:
        # Content strings sit between double quotes, where YAML reads \\ as one backslash: the
        # clerk types two for the one that keeps the star literal.
        messages.append(STAR_ADVICE)
    return messages


def without_marks(name: str) -> str:
    """A name with its Vietnamese letters written without marks (năm → nam, Đầu → Dau)."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _unescaped_stars(text: str) -> int:
    return len(re.findall(r"(?<!\\)\*", text))


def expand(text: str, values: dict[str, str]) -> str:
    """Replace the placeholders of already-checked text by their values."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def fill(text: str, values: dict[str, str]) -> str:
    """Replace only the placeholders named in `values`, leaving the others as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def italic_runs(text: str) -> list[tuple[str, bool]]:
    """Split checked text into (text, italic) runs, dropping the `*` markers and `\\*` escapes."""
    parts = re.split(r"(?<!\\)\*", text)
    if len(parts) % 2 == 0:
        raise TextMarkupError(f"dấu * không thành cặp trong: {text}")
    runs = [(part.replace("\\*", "*"), index % 2 == 1) for index, part in enumerate(parts)]
    return [run for run in runs if run[0]]


# `|` in a title (the trích yếu of a plan, a letter or a form) marks where the clerk wants a line
# to end, so that a phrase is not split across lines. Where a title is quoted in running text
# (a letter citing the plan) the mark is a space. `\|` is a literal bar.
LINE_BREAK = "|"
_LINE_BREAK = re.compile(r"\s*(?<!\\)\|\s*")


def title_lines(text: str) -> list[str]:
    """The lines of a title as the clerk marked them with `|` (one line when unmarked)."""
    return [line.replace("\\|", "|") for line in _LINE_BREAK.split(text)]


def marked_breaks(text: str, line_end: str) -> list[str]:
    """What each character of `text` becomes where its line-break marks are read (`title_lines`,
    `running_text`): a mark (its bar and the spaces around it) is one `line_end` in the bar's
    place, an escaped bar is the bar. Character for character, so that a text cut into runs can
    be read mark by mark across the runs."""
    shown = list(text)
    for mark in _LINE_BREAK.finditer(text):
        shown[mark.start() : mark.end()] = ["" if char != "|" else line_end for char in mark.group()]
    for escape in re.finditer(r"\\(?=\|)", text):
        shown[escape.start()] = ""
    return shown


def running_text(text: str) -> str:
    """Text with its line-break marks read as spaces: a title quoted in a sentence."""
    if "|" not in text:
        return text
    return _LINE_BREAK.sub(" ", text).replace("\\|", "|")


# A year as a four-digit number standing alone: "31/10/2024", "năm 2024", "2021-2030", not "120245".
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

EXCERPT_CHARS = 40  # characters of context shown on each side of a mention


def excerpt(text: str, start: int, end: int, chars: int = EXCERPT_CHARS) -> str:
    """`text[start:end]` with some words around it, "…" where the text is cut, inside “ ”."""
    left = max(0, start - chars)
    right = min(len(text), end + chars)
    # Cut at a space so that no word is shown half.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return "“" + ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "") + "”"


_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number: int) -> str:
    result = ""
    for value, letters in _ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result
