"""Issue 23's first must-hold, on a whole edition: restyle the body style of the Word template (13 pt,
1.15 lines, a font given on the command line), build, and compare every PDF with LibreOffice's
rendering of its DOCX: page count, fonts used, size of the restyled text.

    .venv/bin/python tools/measure_restyle.py "Liberation Sans" [content/2024]

Slow (a full build and one LibreOffice call for every DOCX); tests/test_font_follow.py runs the
same comparison on a tiny edition and on the 2024 plan.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_font_follow import compare, convert_all, restyled_templates  # noqa: E402

from generator.build import Project, build  # noqa: E402
from generator.fonts import body_font  # noqa: E402


def main(family: str, edition: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="measure-restyle-"))
    templates = restyled_templates(work, family)
    year = int(edition.name)
    build(Project(content=edition.parent, templates=templates, output=work / "output"), year=year)
    folder = work / "output" / str(year)
    sources = sorted(folder.rglob("*.docx"))
    converted = convert_all(sources, work / "libreoffice")
    # Both renderings draw a family this machine lacks in its metric twin (Arial in Liberation Sans).
    drawn = body_font(family).family
    problems = compare({source.with_suffix(".pdf"): pdf for source, pdf in converted.items()}, drawn)
    print(f"{family} ({drawn}): {len(sources)} documents, {len(problems)} differences (output in {work})")
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "content" / "2024")))
