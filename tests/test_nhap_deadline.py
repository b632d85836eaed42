"""`nhap`: whether the report deadline's day is still on time is read from the plan's own words.

"trước ngày 20/12" leaves the day out (a report dated on it is late); "chậm nhất ngày", "trước hoặc
trong ngày", "đến hết ngày" keep it in. The value is a guess, so it carries a `# KIỂM TRA:` comment
naming the words, and the tracking list then judges a report dated on the deadline day by it.
"""

from __future__ import annotations

import pytest
from test_nhap import BODY, imported, word_plan

from generator.checks import load_edition
from generator.content.source import CHECK_MARK

SETTINGS = ("tinh_ca_ngay_han: true", "tinh_ca_ngay_han: false")
TASK = BODY.index(next(line for line in BODY if "trước ngày 10/12/2026" in line[1]))


def plan_saying(tmp_path, words: str | None):
    """The typed plan of test_nhap with its deadline sentence in `words` (None: no deadline)."""
    marker, text, bold = BODY[TASK]
    said = text.replace("trước ngày 10/12/2026", words) if words else "Tham mưu UBND xã triển khai Kế hoạch."
    body = [*BODY[:TASK], (marker, said, bold), *BODY[TASK + 1 :]]
    tmp_path.mkdir(parents=True, exist_ok=True)
    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx", body=body))
    assert code == 0
    return content / "2026"


def reporting_line(folder, key: str) -> str:
    lines = (folder / "ke-hoach.yaml").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.strip().startswith(f"{key}:"))


@pytest.mark.parametrize(
    ("words", "included"),
    [
        ("trước ngày 20/12/2026", False),
        ("chậm nhất ngày 20/12/2026", True),
        ("chậm nhất là ngày 20 tháng 12 năm 2026", True),
        ("trước hoặc trong ngày 20/12/2026", True),
        ("đến hết ngày 20/12", True),
        ("Chậm nhất ngày 20/12/2026", True),
    ],
)
def test_the_deadline_day_is_counted_as_the_plan_says(tmp_path, words, included):
    folder = plan_saying(tmp_path, words)
    reporting = load_edition(folder).plan.reporting
    assert reporting.deadline_day_included is included
    assert (reporting.deadline.day, reporting.deadline.month, reporting.deadline.year) == (20, 12, 2026)
    line = reporting_line(folder, "tinh_ca_ngay_han")
    value, comment = line.split(CHECK_MARK)
    assert value.split(":", 1)[1].strip() == ("true" if included else "false")
    # The comment names the plan's own words, as the importer's other guesses do.
    assert f"«{' '.join(words.split())}" in comment
    assert ("vẫn đúng hạn" if included else "là trễ hạn") in comment
    # The setting appears once in the section (the defaults no longer add a second, unguessed one).
    text = (folder / "ke-hoach.yaml").read_text(encoding="utf-8")
    settings = [ln for ln in text.splitlines() if ln.strip().split("#")[0].strip() in SETTINGS]
    assert settings == [line]


def test_a_plan_without_a_deadline_is_marked_to_check(tmp_path):
    folder = plan_saying(tmp_path, None)
    assert load_edition(folder).plan.reporting.deadline_day_included is False
    line = reporting_line(folder, "tinh_ca_ngay_han")
    assert CHECK_MARK in line and "không ghi hạn" in line


def test_the_letters_words_before_the_deadline_follow_the_guess(tmp_path):
    from generator.content.deadlines import deadline_values

    for words, before in (("trước ngày 20/12/2026", "trước ngày"), ("đến hết ngày 20/12/2026", "chậm nhất ngày")):
        folder = plan_saying(tmp_path / before.replace(" ", "-"), words)
        reporting = load_edition(folder).plan.reporting
        # {truoc_han} of the letters and forms: the words of the section's loi_han for that setting.
        assert deadline_values(reporting, {})["truoc_han"] == before
