"""Golden output: what every document of the 2024 edition says, kept as text in tests/golden/2024/.

Each DOCX is read back as text (paragraphs in order; a table row as its cells joined by " | ", a
cell's paragraphs joined by " / ") and compared with its golden file; each PDF must show the same
words as its DOCX. The distribution list's CSV is kept as it is written. A change in wording, numbering, order
or recipients shows up here as a diff to review. When the change is intended, `make golden`
rewrites the files, and the diff of tests/golden/ goes into the same commit.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import nd30
from conftest import YEAR

GOLDEN = Path(__file__).parent / "golden" / str(YEAR)
VERBATIM = ("danh-sach-gui.csv",)  # output files kept byte for byte


def docx_text(path: Path) -> str:
    lines = []
    for item in nd30.block_items(docx.Document(str(path)).element.body):
        if item.tag == qn("w:p"):
            text = nd30.paragraph_text(item)
            if text.strip():
                lines.append(text)
            continue
        for tr in nd30.rows(item):
            cells = [
                " / ".join(t for t in map(nd30.paragraph_text, nd30.all_paragraphs(tc)) if t.strip())
                for tc in nd30.cells(tr)
            ]
            lines.append(" | ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def golden_texts(folder: Path) -> dict[str, bytes]:
    """The golden file of each output in a build's folder, by path under tests/golden/<year>/."""
    texts = {
        f"{p.relative_to(folder).as_posix()}.txt": docx_text(p).encode("utf-8") for p in sorted(folder.rglob("*.docx"))
    }
    texts.update({name: (folder / name).read_bytes() for name in VERBATIM})
    return texts


def stored() -> dict[str, bytes]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def current(built, request) -> dict[str, bytes]:
    texts = golden_texts(built.output / str(YEAR))
    if request.config.getoption("--update-golden"):
        for name in set(stored()) - set(texts):
            (GOLDEN / name).unlink()
        for name, data in texts.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    return texts


def test_every_output_has_a_golden_file_and_no_golden_file_is_left_over(current):
    assert sorted(stored()) == sorted(current), (
        "the documents made differ from tests/golden: run `make golden` and review"
    )
    # The plan, 30 letters and 29 forms (the HĐND committees, an elected body, are sent no form).
    assert len(current) == 60 + len(VERBATIM)


def test_every_document_says_what_its_golden_file_says(current):
    golden = stored()
    differing = [name for name in current if name in golden and current[name] != golden[name]]
    if differing:
        name = differing[0]
        diff = difflib.unified_diff(
            golden[name].decode("utf-8").splitlines(),
            current[name].decode("utf-8").splitlines(),
            f"tests/golden/{YEAR}/{name}",
            "this build",
            lineterm="",
            n=1,
        )
        raise AssertionError(
            f"{len(differing)} file(s) differ from tests/golden ({', '.join(differing[:5])}…); "
            "if intended, run `make golden` and commit the diff. First one:\n" + "\n".join(list(diff)[:40])
        )


def repeated_header_rows(document) -> list[list[str]]:
    """The words of each table row marked to repeat at the top of every page the table runs onto."""
    return [
        nd30.words(" ".join(map(nd30.paragraph_text, tr.iter(qn("w:p")))))
        for tr in document.element.body.iter(qn("w:tr"))
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]


def pdf_words(pdf: Path, headers: list[list[str]]) -> list[str]:
    """The PDF's words, without a table's header row where it is repeated at the top of a page."""
    pages = [nd30.words(text) for text in nd30.pdf_page_texts(nd30.read_pdf(pdf))]
    for page in pages[1:]:
        for header in headers:
            if header and page[: len(header)] == header:
                del page[: len(header)]
    return nd30.words("\n".join(" ".join(page) for page in pages))


def test_every_pdf_shows_the_words_of_its_docx(built):
    """With the test above, every PDF also says what the golden files say: the formats agree."""
    folder = built.output / str(YEAR)
    differences = {}
    for path in sorted(folder.rglob("*.docx")):
        document = docx.Document(str(path))
        docx_words = nd30.words("\n".join(nd30.document_text_paragraphs(document)))
        shown = pdf_words(path.with_suffix(".pdf"), repeated_header_rows(document))
        if shown != docx_words:
            matcher = difflib.SequenceMatcher(a=docx_words, b=shown, autojunk=False)
            differences[path.relative_to(folder).with_suffix(".pdf").as_posix()] = [
                f"{tag}: DOCX {' '.join(docx_words[i1:i2])!r} / PDF {' '.join(shown[j1:j2])!r}"
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"
            ]
    assert not differences, "PDF and DOCX words differ:\n" + "\n".join(
        f"{name}: {'; '.join(lines[:5])}" for name, lines in list(differences.items())[:10]
    )
