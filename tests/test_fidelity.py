"""Every paragraph of the signed plan (tests/data/seed-2024.txt) is in the generated DOCX.

The seed is kept verbatim, defects included (see tests/data/README.md). It is compared with the
DOCX after removing its Markdown residue and the numbering the generator writes itself, and after
applying the fixes declared in the tables below — nothing else is forgiven.

Each seed line is one paragraph. A line is found in the DOCX only as a whole paragraph (numbering
label removed on both sides), searched in order, so a paragraph in the wrong place also fails.
A run-in heading ("**1. Chủ đề tháng hành động:** text") is checked as its heading (at the start
of a paragraph) and its text (at the end of the same or of the next paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

import nd30
from conftest import SEED

# ----------------------------------------------------------------------------- declared fixes
# Misspellings of the transcript, corrected in the content: (seed text, DOCX text).
SPELLING_FIXES = [
    ("Hón Quản", "Hớn Quản"),  # the district is Hớn Quản; the transcript has "Hón" in the title and in II.1.a
]

# Paragraphs split in two by a page break of the signed copy, joined with one space in the
# content: (end of the first part, start of the second part).
PAGE_BREAK_JOINS = [
    ("môi giới hôn nhân có yếu tố nước ngoài, mua", "bán người,... xảy ra tại cơ quan"),  # II.6, third dash
    ("mạng xã hội trong các hoạt động truyền thông; khuyến khích", "việc xuất bản các ấn phẩm"),  # IV, Phòng VH&TT
]

# Section IV headings are printed from the agency registry (co-quan.yaml), not typed: the name is
# the registry's, "Đề nghị …" kept for the agencies the district only requests, and every heading
# ends with a colon. (seed spelling, registry spelling):
SECTION_IV_NAME_FIXES = [
    (
        "Phòng Lao động – Thương binh và Xã hội huyện",
        "Phòng Lao động - Thương binh và Xã hội huyện",
    ),  # en dash → hyphen
    (
        "Chi cục Thống kê Bình Long - Hớn Quản",
        "Đề nghị Chi cục Thống kê Bình Long - Hớn Quản",
    ),  # a vertical agency: the district asks it to cooperate, it does not direct it (issue 19)
]

# Nơi nhận lines the content corrects: (seed line, DOCX line).
RECIPIENT_FIXES = [
    # Named on the Nơi nhận as on the Kính gửi of its letter and its heading in section IV (issue 19).
    ("- Chi cục Thống kê Khu vực BL-HQ;", "- Chi cục Thống kê Bình Long - Hớn Quản;"),
]
SECTION_IV_COLON = ":"  # "## 8. Trung tâm Y tế" in the seed → "8. Trung tâm Y tế:" in the plan

# The seed's header lines are a draft: number, day and month left blank for handwriting. In the
# DOCX each blank may stay blank (two or more spaces) or be filled in by the content.
BLANK_SLOTS = [
    ("Số: /", r"Số:(?: {2,}| ?\d{2,})/"),
    ("ngày tháng", r"ngày(?: {2,}| \d{2} )tháng"),
    ("tháng năm", r"tháng(?: {2,}| \d{1,2} )năm"),
]

# ----------------------------------------------------------------------------- reading the seed
LABEL = re.compile(r"^(?:[IVXLC]+\.|\d+\.|[a-zđ]\)|-)\s+")


def strip_label(text: str) -> str:
    return LABEL.sub("", text, count=1)


def unmark(text: str) -> str:
    """Markdown residue: headings (#), links [x](#), bold ** and italic * markers."""
    text = re.sub(r"^#+\s*", "", text)
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)
    return text.replace("**", "").replace("*", "")


def fix_spelling(text: str) -> str:
    for wrong, right in SPELLING_FIXES:
        text = text.replace(wrong, right)
    return text


@dataclass
class Unit:
    kind: str  # "paragraph", "heading" (run-in), "run-in text", "section IV heading"
    text: str
    line: int


def seed_lines() -> list[tuple[int, str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    fixes = dict(RECIPIENT_FIXES)
    result = [(n, fixes.get(line.strip(), line.strip())) for n, line in enumerate(lines, start=1) if line.strip()]
    # Page-break joins.
    joined: list[tuple[int, str]] = []
    for n, line in result:
        if joined:
            previous_n, previous = joined[-1]
            if any(previous.endswith(end) and line.startswith(start) for end, start in PAGE_BREAK_JOINS):
                joined[-1] = (previous_n, f"{previous} {line}")
                continue
        joined.append((n, line))
    return joined


def seed_units() -> tuple[list[Unit], list[Unit], list[Unit]]:
    """(header lines, body units in order, section IV headings in order)."""
    header, body, section_iv = [], [], []
    in_section_iv = False
    started = False
    for n, raw in seed_lines():
        run_in = re.match(r"^\*\*(.+?)\*\*\s+(\S.*)$", raw)
        plain = nd30.normalise(fix_spelling(unmark(raw)))
        if not started:
            if plain == "KẾ HOẠCH":
                started = True
            else:
                header.append(Unit("paragraph", plain, n))
                continue
        if re.match(r"^[IVXLC]+\. ", plain):
            in_section_iv = plain.startswith("IV.")
        if plain.startswith("Trên đây là Kế hoạch"):
            in_section_iv = False
        is_entry_heading = (
            in_section_iv and (raw.startswith("#") or raw.startswith("**")) and re.match(r"^\d+\. ", plain)
        )
        if is_entry_heading:
            heading = run_in.group(1) if run_in else unmark(raw)
            text = strip_label(nd30.normalise(fix_spelling(unmark(heading))))
            for seed_name, registry_name in SECTION_IV_NAME_FIXES:
                text = text.replace(seed_name, registry_name)
            if not text.endswith(SECTION_IV_COLON):
                text += SECTION_IV_COLON
            # A run-in heading starts the paragraph its task ends (cung_dong in the content).
            section_iv.append(Unit("heading" if run_in else "section IV heading", text, n))
            if run_in:
                body.append(Unit("run-in text", nd30.normalise(fix_spelling(unmark(run_in.group(2)))), n))
            continue
        if run_in:
            body.append(Unit("heading", strip_label(nd30.normalise(fix_spelling(unmark(run_in.group(1))))), n))
            body.append(Unit("run-in text", nd30.normalise(fix_spelling(unmark(run_in.group(2)))), n))
        else:
            body.append(Unit("paragraph", strip_label(plain), n))
    return header, body, section_iv


@pytest.fixture(scope="module")
def docx_paragraphs(plan_docx) -> list[str]:
    """DOCX paragraphs (body and table cells, in order), normalised, numbering labels removed."""
    return [strip_label(nd30.normalise(t)) for t in nd30.document_text_paragraphs(plan_docx) if t.strip()]


def find_in_order(units: list[Unit], paragraphs: list[str]) -> list[str]:
    """Search the units in order; return a message for every unit not found where it should be."""
    stream = "\n" + "\n".join(paragraphs) + "\n"
    position = 0
    missing = []
    for unit in units:
        if unit.kind == "heading":
            patterns = [f"\n{unit.text} ", f"\n{unit.text}\n"]
        elif unit.kind == "run-in text":
            patterns = [f" {unit.text}\n", f"\n{unit.text}\n"]
        else:
            patterns = [f"\n{unit.text}\n"]
        hits = [stream.find(p, position) for p in patterns]
        hits = [h for h in hits if h >= 0]
        if not hits:
            anywhere = any(p in stream for p in patterns)
            where = "found earlier, out of order" if anywhere else "not in the DOCX"
            missing.append(f"seed line {unit.line} ({unit.kind}, {where}): {unit.text[:90]!r}")
            continue
        position = min(hits) + 1
    return missing


def test_seed_is_parsed_as_expected():
    """Guards the reader itself: the declared joins happened and the counts are the seed's."""
    header, body, section_iv = seed_units()
    lines = [text for _, text in seed_lines()]
    for end, start in PAGE_BREAK_JOINS:
        assert sum(end in line and start in line for line in lines) == 1, f"join {end!r} + {start!r} not applied"
    assert [u.text for u in header] == ["Số: /KH-UBND", "Hớn Quản, ngày tháng năm 2024"]
    assert len(section_iv) == 19
    assert body[0].text == "KẾ HOẠCH" and body[-1].text == "Nguyễn Văn Hạ"


def test_matcher_reports_missing_and_misplaced_paragraphs():
    paragraphs = ["Một hai ba.", "Bốn năm: sáu bảy.", "Tám chín."]
    units = [
        Unit("paragraph", "Một hai ba.", 1),
        Unit("heading", "Bốn năm:", 2),
        Unit("run-in text", "sáu bảy.", 2),
        Unit("paragraph", "Tám chín.", 3),
    ]
    assert find_in_order(units, paragraphs) == []
    assert len(find_in_order(units, paragraphs[:2])) == 1  # dropped
    assert "out of order" in find_in_order([units[3], units[0]], paragraphs)[0]
    assert find_in_order([Unit("paragraph", "hai ba.", 1)], paragraphs), "a part of a paragraph is not a paragraph"


def test_every_seed_paragraph_is_in_the_docx_in_order(docx_paragraphs):
    _, body, _ = seed_units()
    missing = find_in_order(body, docx_paragraphs)
    assert not missing, f"{len(missing)} seed paragraph(s) missing from the DOCX:\n" + "\n".join(missing)


def test_section_iv_headings_are_the_registry_names_in_order(docx_paragraphs):
    _, _, section_iv = seed_units()
    missing = find_in_order(section_iv, docx_paragraphs)
    assert not missing, f"{len(missing)} section IV heading(s) differ from the seed:\n" + "\n".join(missing)


def test_draft_header_lines_match_with_blanks(plan_docx):
    """Số line and place-date line: the seed's blanks may stay blank or be filled in."""
    header, _, _ = seed_units()
    table = nd30.header_table(plan_docx)
    texts = [nd30.paragraph_text(p) for p in table.iter(nd30.qn("w:p")) if nd30.paragraph_text(p).strip()]
    for unit in header:
        pattern = re.escape(fix_spelling(unit.text))
        for seed_text, docx_pattern in BLANK_SLOTS:
            pattern = pattern.replace(re.escape(seed_text), docx_pattern)
        assert any(re.fullmatch(pattern, t) for t in texts), (
            f"seed line {unit.line} {unit.text!r} not in the header {texts!r}"
        )


def test_recipients_are_the_seed_list_in_order(plan_docx):
    """The 13 recipients and “- Lưu: VT.”, exactly and in order, in the Nơi nhận column."""
    lines = [text for _, text in seed_lines()]
    start = lines.index("**Nơi nhận:**") + 1
    seed = []
    for line in lines[start:]:
        if not line.startswith("- "):
            break
        seed.append(line)
    assert len(seed) == 14 and seed[-1] == "- Lưu: VT."
    table = nd30.signature_table(plan_docx)
    texts = [nd30.paragraph_text(p) for p in table.iter(nd30.qn("w:p"))]
    label = texts.index("Nơi nhận:")
    listed = [t for t in texts[label + 1 :] if t.startswith("- ")]
    assert listed == seed


def styled_segments(document, body, styled) -> list[str]:
    """Maximal runs of text with a style (italic, bold) in the given paragraphs, normalised."""
    resolver = nd30.Resolver(document)
    segments = []
    for p in body:
        current = []
        for run in p.iter(nd30.qn("w:r")):
            text = nd30.run_text(run)
            if not text:
                continue
            if styled(resolver, run, p):
                current.append(text)
            elif text.strip():
                if current:
                    segments.append("".join(current))
                current = []
        if current:
            segments.append("".join(current))
    return [nd30.normalise(s) for s in segments if s.strip()]


def test_italic_words_of_the_seed_are_italic_and_nothing_else_is(plan_docx, plan_content, fill):
    """The seed's *…* passages are the body's only italic text."""
    seed = SEED.read_text(encoding="utf-8")
    expected = [nd30.normalise(m) for m in re.findall(r"(?<!\*)\*([^*\n]+)\*(?!\*)", seed)]
    assert expected, "the seed has italic passages"
    meta = plan_content["van_ban"]
    body = nd30.body_paragraphs(plan_docx, type_name=meta["ten_loai"], title=fill(meta["trich_yeu"]))
    assert styled_segments(plan_docx, body, lambda r, run, p: r.italic(run, p)) == expected


def test_run_in_headings_are_bold_and_their_text_is_not(plan_docx, plan_content, fill):
    """“**1. Chủ đề tháng hành động:** text”: the heading bold, the text after it regular."""
    meta = plan_content["van_ban"]
    body = nd30.body_paragraphs(plan_docx, type_name=meta["ten_loai"], title=fill(meta["trich_yeu"]))
    runs_in = [
        m
        for _, line in seed_lines()
        if (m := re.match(r"^\*\*(.+?)\*\*\s+(\S.*)$", line)) and not re.match(r"^\d+\. (Phòng|Đề nghị)", m.group(1))
    ]
    assert len(runs_in) == 3, [m.group(1) for m in runs_in]
    for match in runs_in:
        heading = nd30.normalise(match.group(1))
        p = next(p for p in body if nd30.normalise(nd30.paragraph_text(p)).startswith(heading + " "))
        bold = styled_segments(plan_docx, [p], lambda r, run, q: r.bold(run, q))
        assert bold == [heading], (heading, bold)
