"""Import plans this project has never seen, build them, and measure what came through.

    .venv/bin/python tools/measure_unseen.py --make /tmp/unseen
    .venv/bin/python tools/measure_unseen.py /tmp/unseen

--make first writes the plans of tools/unseen_plans/ into the folder (one script per plan) and
prints the provincial one to PDF with LibreOffice. Then, for every .docx and .pdf in the folder,
it runs `nhap` and `build` as a clerk would (a scratch content and output folder each) and
compares the built ke-hoach.docx with the source DOCX (for a PDF: the DOCX it was printed from):

- paragraphs: the source's body paragraphs (title to signature, numbering as Word shows it,
  whitespace normalised) found word for word, in order, in the built plan;
- levels: of the paragraphs found by their words without numbering, how many have the same level
  (I. / 1. / a) / - / +);
- signer lines, Nơi nhận lines, appendix cells: equal or not;
- appendix widths: the most a built column's width is off the source's, each source table's
  grid scaled to the built table's width (nhap fits the columns to the builder's text width);
- letters: for each body the plan assigns (<plan>.expect.json, written by the plan's script) a
  letter whose Kính gửi names it, and a form beside it;
- Decree 30: the layout checks of tests/nd30.py on the plan (page, fonts, header, body,
  signature) and on every letter and form (page, fonts); each failing check counts one.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import docx
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import nd30  # noqa: E402  (the tests' own Decree 30 checks)

TITLE = "KẾ HOẠCH"
MARKERS = ((r"[IVXLC]+\.", 1), (r"\d{1,2}\.", 2), (r"[a-zđ]\)", 3), (r"[-–]", 4), (r"\+", 5))
RULE = re.compile(r"^[_\-–—.]{3,}$")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


def marker(text: str) -> tuple[int, str]:
    """(level, text without the number) of a paragraph as shown."""
    for pattern, level in MARKERS:
        match = re.match(rf"^{pattern}\s+", text)
        if match:
            return level, text[match.end() :]
    return 0, text


# ------------------------------------------------------------------ Word's automatic numbering


def _roman(n: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _formats(document) -> dict:
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for node in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            fmt, text = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText"))
            levels[int(lvl.get(qn("w:ilvl")))] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "",
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    return {
        num.get(qn("w:numId")): abstract.get(num.find(qn("w:abstractNumId")).get(qn("w:val")), {})
        for num in root.findall(qn("w:num"))
    }


def _numbering_of(node) -> dict[str, str]:
    """The numId and ilvl a paragraph's or a style's own w:numPr gives."""
    num = node.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    found = {}
    for tag in ("numId", "ilvl"):
        child = num.find(qn(f"w:{tag}")) if num is not None else None
        if child is not None:
            found[tag] = child.get(qn("w:val"))
    return found


def _style_numbering(document) -> dict[str, dict[str, str]]:
    """styleId → the numId and ilvl its paragraphs take, each from the nearest style of its basedOn
    chain that gives it."""
    own, based = {}, {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.get(qn("w:styleId"))
        own[name] = _numbering_of(style)
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based[name] = parent.get(qn("w:val"))
    result = {}
    for name in own:
        found, current, seen = {}, name, set()
        while current is not None and current not in seen:
            seen.add(current)
            for tag, value in own.get(current, {}).items():
                found.setdefault(tag, value)
            current = based.get(current)
        result[name] = found
    return result


class Numbering:
    """The number Word shows before each automatically numbered paragraph (its own numbering, or
    its paragraph style's)."""

    def __init__(self, document):
        self.formats = _formats(document)
        self.styles = _style_numbering(document)
        self.counters: dict[str, list[int]] = {}

    def label(self, p) -> str:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        given = {**self.styles.get(style.get(qn("w:val")) if style is not None else None, {}), **_numbering_of(p)}
        num_id = given.get("numId")
        if num_id in (None, "0"):
            return ""
        ilvl = int(given.get("ilvl", "0"))
        levels = self.formats.get(num_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text = levels[ilvl]
        if fmt == "bullet":
            return text
        for index in range(ilvl + 1):
            value = counters[index]
            shown = {"upperRoman": _roman(value), "lowerLetter": "abcdefghijklmnopqrstuvwxyz"[value - 1]}.get(
                levels.get(index, ("decimal", ""))[0], str(value)
            )
            text = text.replace(f"%{index + 1}", shown)
        return text


# ------------------------------------------------------------------ a plan's parts, as shown


def parts(path: Path, built: bool = False) -> dict:
    """Body paragraphs (title to signature), signature lines, Nơi nhận lines, appendix cells.
    A typed rule ("_____") under the title is the source's drawing, not a paragraph; in the built
    plan (which draws its rules as borders) such a line is text and counts."""
    document = docx.Document(str(path))
    numbering = Numbering(document)
    body, appendix, widths, signature, tabbed = [], [], [], None, ([], [])
    started = False
    for item in nd30.block_items(document.element.body):
        if item.tag == qn("w:tbl"):
            texts = [norm(nd30.paragraph_text(p)) for p in item.iter(qn("w:p"))]
            if signature in (None, "tabs") and started and any(t.startswith("Nơi nhận") for t in texts):
                signature = item
            elif signature is not None:
                appendix.append([[norm(nd30.paragraph_text(tc)) for tc in nd30.cells(tr)] for tr in nd30.rows(item)])
                widths.append([int(col.get(qn("w:w"))) * 25.4 / 1440 for col in item.iter(qn("w:gridCol"))])
            continue
        label = numbering.label(item)
        raw = nd30.paragraph_text(item)
        text = norm(f"{label} {raw}")
        if not started and text == TITLE:
            started = True
        if started and signature is None and text.startswith("Nơi nhận"):
            signature = "tabs"  # Nơi nhận and signature typed side by side with tabs, not in a table
        if signature == "tabs" and text:
            columns = [norm(c) for c in re.split(r"\t+", raw)]
            tabbed[0].extend(columns[:1] if columns[0] else [])
            tabbed[1].extend(c for c in columns[1:] if c)
            continue
        if started and signature is None and text and not (RULE.match(text) and not built):
            body.append(text)
    recipients, signer = tabbed
    if signature is not None and signature != "tabs":
        row = nd30.rows(signature)[0]
        left, right = nd30.cells(row)[0], nd30.cells(row)[-1]
        recipients = [t for t in (norm(nd30.paragraph_text(p)) for p in left.iter(qn("w:p"))) if t]
        signer = [t for t in (norm(nd30.paragraph_text(p)) for p in right.iter(qn("w:p"))) if t]
    return {
        "body": body,
        "recipients": recipients,
        "signer": signer,
        "appendix": appendix,
        "widths": widths,
        "document": document,
    }


def width_error(source: list[list[float]], built: list[list[float]]) -> float | None:
    """The largest difference (mm) between a built column and the source's scaled to the built
    table's width; None when the tables or their columns do not pair up."""
    if len(source) != len(built) or any(len(a) != len(b) for a, b in zip(source, built, strict=False)):
        return None
    errors = [
        abs(a * sum(y) / sum(x) - b) for x, y in zip(source, built, strict=True) for a, b in zip(x, y, strict=True)
    ]
    return max(errors, default=0.0)


def found_in_order(source: list[str], built: list[str]) -> tuple[int, list[str]]:
    matcher = difflib.SequenceMatcher(None, source, built, autojunk=False)
    matched = set()
    for block in matcher.get_matching_blocks():
        matched.update(range(block.a, block.a + block.size))
    missing = []
    for index, text in enumerate(source):
        if index not in matched:
            near = difflib.get_close_matches(text, built, n=1, cutoff=0.5)
            missing.append(f"  nguồn: {text[:110]}\n  in ra: {near[0][:110] if near else '(không có)'}")
    return len(matched), missing


def same_levels(source: list[str], built: list[str]) -> tuple[int, int, list[str]]:
    a, b = [marker(t) for t in source], [marker(t) for t in built]
    matcher = difflib.SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    pairs = [(block.a + i, block.b + i) for block in matcher.get_matching_blocks() for i in range(block.size)]
    wrong = [f"  cấp {a[i][0]} → {b[j][0]}: {a[i][1][:80]}" for i, j in pairs if a[i][0] != b[j][0]]
    return len(pairs) - len(wrong), len(pairs), wrong


# ------------------------------------------------------------------ running the program


def run(*args: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    return done.returncode, (done.stdout + done.stderr).strip()


def nd30_failures(plan: Path, source: dict, built: dict, letters: list[Path]) -> list[str]:
    document = built["document"]
    landscape = [s.orientation == 1 for s in document.sections[1:]]
    title = source["body"][1] if len(source["body"]) > 1 else ""
    signer = source["signer"]
    checks = [
        ("page", lambda: nd30.check_page(document, appendices=landscape)),
        ("fonts", lambda: nd30.check_fonts(document)),
        ("header", lambda: nd30.check_header(document, type_name=TITLE, title=title, type_code="KH")),
        ("body", lambda: nd30.check_body(document, type_name=TITLE, title=title)),
        ("signature", lambda: nd30.check_signature(document, lines=signer[:-1], name=signer[-1])),
    ]
    for letter in letters:
        other = docx.Document(str(letter))
        checks += [
            (f"{letter.name} page", lambda other=other: nd30.check_page(other)),
            (f"{letter.name} fonts", lambda other=other: nd30.check_fonts(other)),
        ]
    failures = []
    for name, check in checks:
        try:
            check()
        except AssertionError as err:
            failures.append(f"  {name}: " + "\n    ".join(line[:200] for line in str(err).splitlines()))
    return failures


def letters_found(output: Path, expected: list[list[str]]) -> tuple[int, list[str], list[Path]]:
    letters = sorted(output.rglob("cong-van-*.docx"))
    forms = sorted(output.rglob("bao-cao-*.docx"))
    addressed = []
    for letter in letters:
        texts = [norm(nd30.paragraph_text(p)) for p in nd30.all_paragraphs(docx.Document(str(letter)).element.body)]
        start = next((i for i, t in enumerate(texts) if t.startswith("Kính gửi")), None)
        addressed.append(" ".join(texts[start : start + 3]).casefold() if start is not None else "")
    missing = []
    for names in expected:
        hit = next((i for i, text in enumerate(addressed) if any(n.casefold() in text for n in names)), None)
        if hit is None:
            missing.append(f"  không có công văn gửi {names[0]}")
        elif not (letters[hit].parent / letters[hit].name.replace("cong-van-", "bao-cao-")).exists():
            missing.append(f"  công văn gửi {names[0]} không có biểu mẫu kèm theo")
    extra = len(letters) - len(expected)
    if extra > 0:
        missing.append(f"  {extra} công văn thừa: " + ", ".join(p.parent.name for p in letters))
    return len(expected) - sum(1 for m in missing if "thừa" not in m), missing, letters + forms


def measure(path: Path, scratch: Path) -> dict:
    original = path.with_suffix(".docx")
    expected = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))["letters"]
    content, output = scratch / "content", scratch / "output"
    code, said = run("--content", str(content), "--output", str(output), "nhap", str(path))
    if code != 0:
        return {"plan": path.name, "error": said}
    code, built_said = run("--content", str(content), "--output", str(output), "build")
    plan = next(output.rglob("ke-hoach.docx"), None)
    if code != 0 or plan is None:
        return {"plan": path.name, "error": built_said}
    source, built = parts(original), parts(plan, built=True)
    same, missing = found_in_order(source["body"], built["body"])
    # Word for word: the same words in the same order, punctuation aside (nhap puts the endings
    # Decree 30 sets on "Căn cứ" lines, and marks each one it changed).
    same_words, _ = found_in_order(
        *([" ".join(re.findall(r"\w+", t)) for t in part["body"]] for part in (source, built))
    )
    level_same, level_pairs, wrong_levels = same_levels(source["body"], built["body"])
    letters_ok, letter_problems, letters = letters_found(plan.parent, expected)
    return {
        "plan": path.name,
        "paragraphs": (same, len(source["body"]), missing),
        "same_words": same_words,
        "extra": len(built["body"]) - same,
        "levels": (level_same, level_pairs, wrong_levels),
        "signer": (source["signer"] == built["signer"], source["signer"], built["signer"]),
        "recipients": (source["recipients"] == built["recipients"], source["recipients"], built["recipients"]),
        "appendix": (source["appendix"] == built["appendix"], source["appendix"], built["appendix"]),
        "widths": width_error(source["widths"], built["widths"]),
        "letters": (letters_ok, len(expected), letter_problems),
        "nd30": nd30_failures(plan, source, built, letters),
        "said": said,
    }


def report(result: dict, verbose: bool) -> None:
    print(f"== {result['plan']}")
    if "error" in result:
        print(f"  LỖI: {result['error']}")
        return
    same, total, missing = result["paragraphs"]
    print(f"  đoạn văn giữ nguyên: {same}/{total} ({100 * same / max(total, 1):.1f} %), thêm: {result['extra']}")
    words = result["same_words"]
    print(f"  đoạn văn cùng chữ (bỏ qua dấu câu): {words}/{total} ({100 * words / max(total, 1):.1f} %)")
    level_same, pairs, wrong = result["levels"]
    print(f"  cấp giữ nguyên: {level_same}/{pairs}")
    for name in ("signer", "recipients", "appendix"):
        equal, source, built = result[name]
        print(f"  {name}: {'giống' if equal else 'KHÁC'}")
        if not equal and verbose:
            print(f"    nguồn: {source}\n    in ra: {built}")
    if result["appendix"][1]:
        error = result["widths"]
        shown = "không so được" if error is None else f"lệch tối đa {error:.1f} mm"
        print(f"  độ rộng cột phụ lục: {shown}")
    ok, expected, problems = result["letters"]
    print(f"  công văn + biểu mẫu: {ok}/{expected}")
    print(f"  lỗi thể thức Nghị định 30: {len(result['nd30'])}")
    if verbose:
        for line in missing + wrong + problems + result["nd30"]:
            print(line)


def make(folder: Path) -> None:
    for script in sorted((ROOT / "tools" / "unseen_plans").glob("ke_hoach_*.py")):
        subprocess.run([sys.executable, str(script), str(folder)], check=True, capture_output=True)
    for plan in sorted(folder.glob("ke-hoach-*.docx")):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(plan)],
            check=True,
            capture_output=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--make", action="store_true", help="write the plans of tools/unseen_plans/ first")
    parser.add_argument("-q", "--quiet", action="store_true", help="figures only, not the differences")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.make:
        make(args.folder)
    plans = sorted(p for p in args.folder.iterdir() if p.suffix in (".docx", ".pdf"))
    for path in plans:
        with tempfile.TemporaryDirectory() as scratch:
            report(measure(path, Path(scratch)), not args.quiet)


if __name__ == "__main__":
    main()
