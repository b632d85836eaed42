"""Issue 23: title and V/v lines broken inside a phrase, before (each line filled as far as it goes,
as Word and the PDF wrapped an unmarked title) and after (writers/title_breaks.py), over the
unmarked titles of the editions given (default: content/2024 and both examples).

    .venv/bin/python tools/measure_title_breaks.py [-v] [edition folder…]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.checks import load_edition  # noqa: E402
from generator.content.text import title_lines  # noqa: E402
from generator.kinds import jobs  # noqa: E402
from generator.writers import layout  # noqa: E402
from generator.writers.fonts import text_width_mm  # noqa: E402
from generator.writers.title_breaks import COST_INSIDE, break_cost, broken_title  # noqa: E402


def filled(text: str, size: float, width: float, style: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width_mm(f"{lines[-1]} {word}", size, style) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def inside_a_phrase(lines: list[str]) -> int:
    words, count, at = " ".join(lines).split(), 0, 0
    for line in lines[:-1]:
        at += len(line.split())
        count += break_cost(words, at) >= COST_INSIDE
    return count


def titles(folder: Path):
    edition = load_edition(folder)
    for job in jobs(edition):
        document = job.document(edition)
        if document.title:
            yield document.title, layout.TITLE_PT, layout.TEXT_WIDTH_MM, "bold"
        for subject in document.header.subject_lines:
            yield subject, layout.SUBJECT_PT, layout.HEADER_LEFT_MM, "regular"


def main(arguments: list[str]) -> None:
    verbose = "-v" in arguments
    folders = [Path(a) for a in arguments if a != "-v"] or [
        ROOT / "content" / "2024",
        *sorted(p for p in (ROOT / "examples").glob("*/*") if p.is_dir()),
    ]
    totals = {"titles": 0, "inside before": 0, "inside after": 0, "lines before": 0, "lines after": 0}
    for folder in folders:
        for text, size, width, style in dict.fromkeys(titles(folder)):
            if len(title_lines(text)) > 1:
                continue  # marked by the clerk
            before, after = filled(text, size, width, style), broken_title(text, size, width, style)
            totals["titles"] += 1
            totals["inside before"] += inside_a_phrase(before)
            totals["inside after"] += inside_a_phrase(after)
            totals["lines before"] += len(before)
            totals["lines after"] += len(after)
            if verbose and before != after:
                print(f"{folder}:\n  before: {before}\n  after:  {after}")
    print(totals)


if __name__ == "__main__":
    main(sys.argv[1:])
