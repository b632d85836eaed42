"""Where a title (trích yếu) breaks into lines when the clerk marked none with `|`: at a phrase
boundary, in lines of balanced length, the same lines in Word and in the PDF.

Vietnamese writes each syllable as a word, so a line may end between the two syllables of one
word ("ứng / phó"), which a reader stumbles on. A title is broken only where a phrase ends: after a
comma, before "và" or "hoặc", else before a word that opens a phrase (a preposition: "với",
"trên", "của"…). Of the ways with the fewest lines, the one whose lines are most nearly equal
wins; a title that no such way fits breaks between two other words as a last resort.
"""

from __future__ import annotations

import functools

from ..content.text import LINE_BREAK, title_lines
from .fonts import FAMILY, text_width_mm

# A line may end after these marks, before or after a joining word, or before a word (lowercase)
# that opens a phrase: a preposition, or a two-syllable word that heads one in a title.
AFTER_MARKS = (",", ";", ":")
JOINING = frozenset({"và", "hoặc"})
BEFORE_PHRASE = frozenset(
    {"vì", "với", "trên", "tại", "của", "cho", "về", "trong", "theo", "nhằm", "để", "đối", "giai", "năm", "đến", "từ"}
)
PHRASE_HEADS = frozenset(
    {
        ("thực", "hiện"),
        ("triển", "khai"),
        ("tổ", "chức"),
        ("tăng", "cường"),
        ("đẩy", "mạnh"),
        ("nâng", "cao"),
        ("phòng", "ngừa"),
        ("bảo", "đảm"),
        ("đảm", "bảo"),
        ("hướng", "dẫn"),
        ("kết", "quả"),
        ("tình", "hình"),
        ("công", "tác"),
        ("chương", "trình"),
        ("kế", "hoạch"),
        ("tháng", "hành"),
    }
)
# What each kind of break costs, against the raggedness of the lines (the sum of the squares of
# each line's unused share of the width: 0.32 for two lines of 60 %, 0.64 for 100 % and 20 %).
COST_JOINING, COST_PHRASE, COST_INSIDE = 0.0, 0.3, 10.0
COST_EXTRA_LINE = 0.3
FILL = 0.99  # of the width a line may take: Word and the PDF space a line a little differently


def break_cost(words: list[str], index: int) -> float:
    """The cost of a line break before words[index]."""
    word, before = words[index].casefold(), words[index - 1].casefold()
    if before.endswith(AFTER_MARKS) or word in JOINING:
        return COST_JOINING
    head = index + 1 < len(words) and (word, words[index + 1].casefold()) in PHRASE_HEADS
    return COST_PHRASE if word in BEFORE_PHRASE or before in JOINING or head else COST_INSIDE


def _best(words: list[str], widths: dict[tuple[int, int], float], lines: int) -> tuple[float, list[int]] | None:
    """The cheapest breaks of `words` into exactly `lines` lines that fit, as (cost, break indexes)."""
    count = len(words)
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for line in range(1, lines + 1):
        for end in range(line, count + 1):
            options = []
            for start in range(line - 1, end):
                previous = best.get((line - 1, start))
                share = widths.get((start, end))
                if previous is None or share is None:
                    continue
                cost = previous[0] + (1 - share) ** 2 + (break_cost(words, start) if start else 0.0)
                options.append((cost, [*previous[1], start] if start else []))
            if options:
                best[line, end] = min(options, key=lambda option: option[0])
    return best.get((lines, count))


def auto_lines(text: str, size_pt: float, width_mm: float, style: str = "bold", family: str = FAMILY) -> list[str]:
    """The lines of an unmarked title: one if it fits, else broken at phrase boundaries."""
    return list(_auto_lines(text, size_pt, width_mm, style, family))


# A build typesets the same subject and form title for every letter and form, in both formats:
# each is worked out once per process.
@functools.lru_cache(maxsize=1024)
def _auto_lines(text: str, size_pt: float, width_mm: float, style: str, family: str) -> tuple[str, ...]:
    words = text.split()
    limit = width_mm * FILL
    if len(words) < 2 or text_width_mm(" ".join(words), size_pt, style, family) <= limit:
        return (" ".join(words),)
    widths = {}
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            width = text_width_mm(" ".join(words[start:end]), size_pt, style, family)
            if width > limit and end > start + 1:
                break
            widths[start, end] = min(width / limit, 1.0)
    fewest = next(n for n in range(2, len(words) + 1) if _best(words, widths, n) is not None)
    found = [
        (cost + COST_EXTRA_LINE * (n - fewest), breaks)
        for n in (fewest, fewest + 1)
        if n <= len(words) and (best := _best(words, widths, n)) is not None
        for cost, breaks in [best]
    ]
    breaks = min(found, key=lambda option: option[0])[1]
    bounds = [0, *breaks, len(words)]
    return tuple(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))


def broken_title(text: str, size_pt: float, width_mm: float, style: str = "bold", family: str = FAMILY) -> list[str]:
    """A title's lines: where the clerk marked them with `|`, else at phrase boundaries."""
    if len(title_lines(text)) > 1:
        return title_lines(text)
    return auto_lines(title_lines(text)[0], size_pt, width_mm, style, family)


def marked(lines: list[str]) -> str:
    """Lines as one title marked with `|`."""
    return f" {LINE_BREAK} ".join(line.replace(LINE_BREAK, "\\" + LINE_BREAK) for line in lines)
