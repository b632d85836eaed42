"""Issue 21: a plan issued by a Quyết định, the plan attached after its signature.

Built on a copy of tests/roots/tinh-mau with the example's quyet-dinh.yaml added. Expected texts
are read from that YAML and the root's own files, never from the output.
"""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

import nd30
from conftest import ROOT as PROJECT
from conftest import ROOTS, run_main

ROOT = ROOTS / "tinh-mau"
YEAR = 2026
DECISION = PROJECT / "examples" / "ubnd-tinh" / str(YEAR) / "quyet-dinh.yaml"


def load(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def make_root(base, plan_number: bool = False):
    """The tiny root with the example's Quyết định added and, as a clerk does then, the plan's own
    number removed (kept with `plan_number`)."""
    root = base / "noi-dung"
    shutil.copytree(ROOT, root)
    shutil.copy(DECISION, root / str(YEAR) / "quyet-dinh.yaml")
    if not plan_number:
        plan = root / str(YEAR) / "ke-hoach.yaml"
        number = load(ROOT / str(YEAR) / "ke-hoach.yaml")["van_ban"]["so"]
        text = plan.read_text(encoding="utf-8")
        assert text.count(f"so: {number}") == 1
        plan.write_text(text.replace(f"so: {number}", "so: null"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator.build import Project, build

    base = tmp_path_factory.mktemp("quyet-dinh")
    root = make_root(base)
    build(Project(content=root, templates=PROJECT / "templates", output=base / "ra"), year=YEAR)
    return root / str(YEAR), base / "ra" / str(YEAR)


def expected(edition) -> dict:
    decision, issuer, plan = (
        load(edition / name) for name in ("quyet-dinh.yaml", "co-quan-ban-hanh.yaml", "ke-hoach.yaml")
    )
    number = load(ROOT / str(YEAR) / "ke-hoach.yaml")["van_ban"]["so"]  # the plan's before the decision
    place = issuer["dia_danh"]
    date = decision["ngay_ban_hanh"]
    code = f"{decision['ky_hieu_loai']}-{issuer['ky_hieu']}"
    reference = (
        f"Quyết định số {decision['so']}/{code} ngày {date['ngay']:02d}/{date['thang']:02d}/{date['nam']} "
        f"của {issuer['ten_viet_tat'].replace('{dia_danh}', place)}"
    )
    month = f"{date['thang']:02d}" if date["thang"] <= 2 else str(date["thang"])
    citation = (  # Decree 30's full wording, for the "(Kèm theo …)" line
        f"Quyết định số {decision['so']}/{code} ngày {date['ngay']:02d} tháng {month} năm {date['nam']} "
        f"của {issuer['ten'].replace('{dia_danh}', place)}"
    )
    return {
        "authority": decision["tham_quyen_ban_hanh"].replace("{dia_danh}", place).upper(),
        "grounds": decision["can_cu"],
        "number": f"Số: {decision['so']}/{code}",
        "note": decision["kem_theo"].replace("{quyet_dinh_day_du}", citation).replace("{quyet_dinh}", reference),
        "plan_title": plan["van_ban"]["trich_yeu"].replace("{dia_danh}", place),
        "plan_number": f"{number}/{plan['van_ban']['ky_hieu_loai']}-{issuer['ky_hieu']}",
        "plan_reference": decision["ke_hoach_kem_theo"].replace("{quyet_dinh}", reference),
        "articles": len(decision["dieu"]),
    }


def test_docx_carries_the_decision_then_the_plan(built):
    edition, folder = built
    want = expected(edition)
    document = docx.Document(str(folder / "quyet-dinh.docx"))
    plan = load(edition / "ke-hoach.yaml")
    # The plan's appendices close the file, each a section of its own, cited to the Quyết định.
    nd30.check_page(document, appendices=[bool(page.get("ngang")) for page in plan.get("phu_luc", [])])
    nd30.check_fonts(document)
    decision = load(edition / "quyet-dinh.yaml")
    title = decision["trich_yeu"].replace(
        "{trich_yeu_ke_hoach}", want["plan_title"][:1].lower() + want["plan_title"][1:]
    )
    nd30.check_header(document, type_name=decision["ten_loai"], title=title, type_code=decision["ky_hieu_loai"])
    issuer = load(edition / "co-quan-ban-hanh.yaml")
    signer = plan["nguoi_ky"]
    recipients = [f"- {line['ten']};" for line in decision["noi_nhan"]] + [f"- Lưu: {', '.join(plan['luu'])}."]
    nd30.check_signature(
        document,
        lines=[issuer["tham_quyen"], *signer["chuc_vu"]],
        name=signer["ho_ten"],
        recipients=recipients,
    )
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    # The header is the Quyết định's, numbered with its own symbol.
    header = [nd30.paragraph_text(p) for p in nd30.header_table(document).iter(docx.oxml.ns.qn("w:p"))]
    assert want["number"] in header
    # The authority line and "QUYẾT ĐỊNH:" are bold, centred, on their own lines.
    for line in (want["authority"], "QUYẾT ĐỊNH:"):
        p = paragraphs[texts.index(line)]
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in p.runs if run.text.strip())
    assert texts.index(want["authority"]) < texts.index(want["grounds"][0]) < texts.index("QUYẾT ĐỊNH:")
    # Điều 1., Điều 2.… numbered in order, the label bold and run in, the text after it not bold.
    articles = [p for p in paragraphs if p.text.startswith("Điều ")]
    assert [p.text.split(" ", 2)[1] for p in articles] == [f"{n}." for n in range(1, want["articles"] + 1)]
    for p in articles:
        runs = [run for run in p.runs if run.text.strip()]
        assert runs[0].bold and runs[0].text.startswith("Điều ") and runs[0].text.endswith(".")
        assert not any(run.bold for run in runs[1:])
    # Then, from a new page, the plan: its type name, title and "(Kèm theo …)", and no number.
    start = texts.index("KẾ HOẠCH")
    assert start > texts.index("QUYẾT ĐỊNH:")
    assert paragraphs[start].paragraph_format.page_break_before
    assert nd30.normalise(texts[start + 1]) == nd30.normalise(want["plan_title"])
    assert nd30.normalise(texts[start + 2]) == nd30.normalise(want["note"])
    appendix_titles = [page["tieu_de"].upper() for page in plan.get("phu_luc", [])]
    for title in appendix_titles:
        at = [nd30.normalise(t) for t in texts].index(nd30.normalise(title))
        assert at > start and nd30.normalise(texts[at + 1]) == nd30.normalise(want["note"])
    plan_text = "\n".join(texts[start:])
    assert "MỤC ĐÍCH, YÊU CẦU" in plan_text
    assert want["plan_number"] not in "\n".join(nd30.document_text_paragraphs(document))
    # The signature table sits between the articles and the attached plan.
    body = list(document.element.body)
    signature = nd30.signature_table(document)
    assert body.index(articles[-1]._p) < body.index(signature) < body.index(paragraphs[start]._p)


def test_pdf_carries_the_decision_then_the_plan(built):
    edition, folder = built
    want = expected(edition)
    reader = PdfReader(str(folder / "quyet-dinh.pdf"))
    pages = [nd30.normalise(page.extract_text()) for page in reader.pages]
    assert len(pages) >= 2
    first = pages[0]
    assert "QUYẾT ĐỊNH:" in first and "Điều 1." in first and want["number"] in first
    assert first.index(want["authority"]) < first.index("QUYẾT ĐỊNH:") < first.index("Điều 1.")
    # The plan starts on a page of its own, under its "(Kèm theo …)" line, with no number.
    plan_page = next(index for index, text in enumerate(pages) if "KẾ HOẠCH" in text)
    assert plan_page >= 1 and "QUYẾT ĐỊNH:" not in pages[plan_page]
    assert nd30.normalise(want["note"]) in pages[plan_page].replace("\n", " ")
    assert want["plan_number"] not in " ".join(pages)


def test_the_decision_is_the_one_document_and_the_letters_cite_it(built):
    edition, folder = built
    want = expected(edition)
    # No separate, numbered plan contradicts the decision.
    assert not (folder / "ke-hoach.docx").exists() and not (folder / "ke-hoach.pdf").exists()
    letters = sorted(folder.glob("*/cong-van-*.docx"))
    assert letters
    for letter in letters:
        text = nd30.normalise(" ".join(nd30.document_text_paragraphs(docx.Document(str(letter)))))
        assert nd30.normalise(want["plan_reference"]) in text, letter.name
        assert want["plan_number"] not in text, letter.name
    # The grounds are in italic (Decree 30, Appendix I, II.6.a).
    document = docx.Document(str(folder / "quyet-dinh.docx"))
    by_text = {nd30.normalise(p.text): p for p in document.paragraphs}
    for line in want["grounds"]:
        runs = [run for run in by_text[nd30.normalise(line)].runs if run.text.strip()]
        assert runs and all(run.italic for run in runs), line


def test_a_plan_number_beside_a_decision_is_refused(tmp_path):
    root = make_root(tmp_path, plan_number=True)
    plan = root / str(YEAR) / "ke-hoach.yaml"
    line = next(n for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "  so: " in text)
    output = tmp_path / "ra"
    result = run_main(["--content", str(root), "--output", str(output), "build", "--year", str(YEAR)], tmp_path)
    assert result.returncode == 1
    assert f"ke-hoach.yaml:{line}" in result.stderr and "quyết định" in result.stderr, result.stderr
    assert not output.exists() or not any(output.rglob("*.docx"))


def test_without_the_file_no_decision(tmp_path, prebuilt):
    assert not (ROOT / str(YEAR) / "quyet-dinh.yaml").exists()
    output = prebuilt(ROOT.name, tmp_path) / "output"  # the root's build, as it stands
    assert not (output / str(YEAR) / "quyet-dinh.docx").exists()
    assert (output / str(YEAR) / "ke-hoach.docx").is_file()


def test_bad_field_is_named_with_its_line(tmp_path):
    root = make_root(tmp_path)
    path = root / str(YEAR) / "quyet-dinh.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("so:"))
    lines[line - 1] = 'so: "mười hai"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "ra"
    result = run_main(["--content", str(root), "--output", str(output), "build", "--year", str(YEAR)], tmp_path)
    assert result.returncode == 1
    assert f"quyet-dinh.yaml:{line}" in result.stderr and "so" in result.stderr
    assert not output.exists() or not any(output.rglob("*.docx"))


def test_new_year_drafts_the_decision_without_its_number_and_day(tmp_path):
    root = make_root(tmp_path)
    result = run_main(["--content", str(root), "new-year", "--from", str(YEAR), "--to", str(YEAR + 1)], tmp_path)
    assert result.returncode == 0, result.stderr
    old, new = load(root / str(YEAR) / "quyet-dinh.yaml"), load(root / str(YEAR + 1) / "quyet-dinh.yaml")
    assert old["so"] is not None and new["so"] is None
    assert new["ngay_ban_hanh"] == {"nam": old["ngay_ban_hanh"]["nam"] + 1, "thang": None, "ngay": None}
    assert new["dieu"] == old["dieu"] and new["can_cu"] == old["can_cu"]


def test_check_passes_the_grounds_years_but_not_an_articles(tmp_path):
    root = make_root(tmp_path)
    path = root / str(YEAR) / "quyet-dinh.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"năm {YEAR - 1}" in text  # a Căn cứ line cites a law of the year before
    args = ["--content", str(root), "check", "--year", str(YEAR)]
    passed = run_main(args, tmp_path)
    assert f"năm {YEAR - 1}" not in passed.stdout + passed.stderr
    text = text.replace("có hiệu lực kể từ ngày ký.", f"có hiệu lực kể từ ngày 01/01/{YEAR - 1}.")
    path.write_text(text, encoding="utf-8")
    result = run_main(args, tmp_path)
    assert "quyet-dinh.yaml" in result.stdout + result.stderr and str(YEAR - 1) in result.stdout + result.stderr
