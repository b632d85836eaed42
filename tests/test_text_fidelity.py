"""Issue 12: no writer silently loses text.

A seeded fuzz of text values goes through the whole route a clerk's text takes (YAML file →
validation → document → DOCX and PDF): every text validation accepts must come out whole in both
files, inside the page; every text it refuses must hold a character that cannot be printed. The
loop is bounded by rounds and by time (it is not a timing test: it only stops early on a slow
machine, never fails for being slow).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from conftest import CONTENT, TEMPLATES, YEAR
from docx.oxml.ns import qn

SEED = 20261202
ROUNDS = 20
SECONDS = 60  # at most, whatever ROUNDS says
TEXTS_PER_ROUND = 4

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper() + "fjwzFJWZ0123456789"
PUNCTUATION = " .,;:!?-–—…()[]/&<>\"'“”‘’%$#@_=+~^`|§°±×"
# Characters a writer cannot show: each must be refused by validation, never printed wrongly.
UNPRINTABLE = ["\x00", "\x0b", "\x1b", "\u2028", "\u2029", "\ufffe", "\ufdd0", "\u200b", "😀", "司"]


def fuzz_text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.08:
            words.append("".join(rng.choice(LETTERS) for _ in range(rng.randint(60, 140))))  # a long unbroken word
        elif kind < 0.25:
            words.append("".join(rng.choice(PUNCTUATION + LETTERS) for _ in range(rng.randint(1, 8))))
        else:
            words.append("".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 9))))
    text = " ".join(words)
    if rng.random() < 0.07:
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(UNPRINTABLE) + text[at:]
    if rng.random() < 0.1:
        text = text.replace(" ", "  ", 1)  # two spaces (blanks left to write in keep their width)
    return unicodedata.normalize("NFC", text.strip().replace("*", "").replace("\\", ""))


def with_tasks(plan_text: str, agency: str, tasks: list[str]) -> tuple[str, int]:
    """ke-hoach.yaml with the tasks of `agency` replaced (as JSON strings, which YAML reads as
    double-quoted text); and the line of the first task."""
    lines = plan_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f'- co_quan: "{agency}"')
    head = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("nhiem_vu:"))
    indent = lines[head][: len(lines[head]) - len(lines[head].lstrip())]
    end = head + 1
    while end < len(lines) and lines[end].startswith(indent + "  -"):
        end += 1
    new = [f"{indent}  - {json.dumps(task, ensure_ascii=False)}\n" for task in tasks]
    return "".join(lines[: head + 1] + new + lines[end:]), head + 2


def docx_paragraphs(path: Path) -> list[str]:
    """Each paragraph's text as typed: Word's no-break hyphen read as a hyphen, a no-break space as a space."""
    body = docx.Document(str(path)).element.body
    return [
        "".join(
            e.text or "" if e.tag == qn("w:t") else "-" if e.tag == qn("w:noBreakHyphen") else "" for e in p.iter()
        ).replace("\u00a0", " ")
        for p in body.iter(qn("w:p"))
    ]


def pdf_words(path: Path) -> tuple[list[tuple[float, float, str]], float]:
    """Each word pdftotext finds, with its left and right edge, and the page width."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(out.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    width = float(root.find(".//page").get("width"))
    return [(float(w.get("xMin")), float(w.get("xMax")), w.text or "") for w in root.iter("word")], width


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_fuzzed_texts_come_out_whole_in_both_formats_or_are_refused(tmp_path):
    from generator.checks import load_edition
    from generator.errors import ContentError
    from generator.kinds import jobs
    from generator.render import RenderTask, render

    rng = random.Random(SEED)
    folder = tmp_path / "content" / str(YEAR)
    shutil.copytree(CONTENT / str(YEAR), folder)
    plan_path = folder / "ke-hoach.yaml"
    original = plan_path.read_text(encoding="utf-8")
    stop = time.monotonic() + SECONDS
    shown = refused = 0
    for round_number in range(ROUNDS):
        if round_number >= 3 and time.monotonic() > stop:
            break
        texts = [fuzz_text(rng) or "x" for _ in range(TEXTS_PER_ROUND)]
        plan_text, first_line = with_tasks(original, "phong-tu-phap", texts)
        plan_path.write_text(plan_text, encoding="utf-8")
        try:
            edition = load_edition(folder)
        except ContentError as err:
            # Refused: a character no writer can show, or a `|`, which marks a line break in a title
            # only and is refused anywhere else rather than printed as a space.
            bad = {index for index, text in enumerate(texts) if any(char in text for char in [*UNPRINTABLE, "|"])}
            assert bad, f"round {round_number}: refused texts that can be printed: {err}"
            at = {p.line - first_line for p in err.problems}
            # Each bad text at its line; a character YAML itself refuses stops the file at the first.
            assert at == bad or (len(at) == 1 and at <= bad and err.problems[0].field == "cú pháp"), (
                f"round {round_number}: {err}"
            )
            refused += len(bad)
            continue
        assert not any(char in text for text in texts for char in [*UNPRINTABLE, "|"]), texts
        job = next(j for j in jobs(edition) if j.kind.id == "cong-van" and j.recipient.key == "Phong-Tu-phap")
        document = job.document(edition)
        docx_file, pdf_file = tmp_path / f"r{round_number}.docx", tmp_path / f"r{round_number}.pdf"
        docx_file.write_bytes(render(RenderTask("docx", document, TEMPLATES / job.kind.docx_template)))
        pdf_file.write_bytes(
            render(
                RenderTask(
                    "pdf", document, TEMPLATES / "html" / job.kind.html_template, TEMPLATES / job.kind.docx_template
                )
            )
        )
        paragraphs = docx_paragraphs(docx_file)
        words, width = pdf_words(pdf_file)
        pdf_text = "".join("".join(word.split()) for _, _, word in words)
        for text in texts:
            assert any(text in paragraph for paragraph in paragraphs), f"round {round_number}: DOCX lost {text!r}"
            assert "".join(text.split()) in pdf_text, f"round {round_number}: PDF lost {text!r}"
        outside = [word for left, right, word in words if left < 0 or right > width]
        assert outside == [], f"round {round_number}: words off the page: {outside}"
        shown += len(texts)
    assert shown >= 8 and refused >= 1, (shown, refused)  # the seed exercises both ways


def test_a_docx_that_lost_text_is_an_error_not_a_file():
    """Past validation (as a bug elsewhere could let it be), a NUL makes docxtpl drop the & < >
    after it; the render raises instead of returning such a DOCX."""
    import dataclasses

    from generator.checks import load_edition
    from generator.errors import GeneratorError
    from generator.kinds import jobs
    from generator.render import RenderTask, render

    edition = load_edition(CONTENT / str(YEAR))
    job = next(j for j in jobs(edition) if j.kind.id == "cong-van" and j.recipient.key == "Phong-Tu-phap")
    recipient = dataclasses.replace(
        job.recipient,
        assignment=dataclasses.replace(
            job.recipient.assignment, tasks=["Phối hợp với Sở LĐ-TB&XH \x0b và <Phòng> & “Hội”."]
        ),
    )
    document = job.kind.build(edition, recipient)
    with pytest.raises(GeneratorError, match="thiếu chữ so với nội dung"):
        render(RenderTask("docx", document, TEMPLATES / job.kind.docx_template))
