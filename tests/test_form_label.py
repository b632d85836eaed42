"""A form's "(Kèm theo …)" line in Decree 30's full wording takes two lines at most, broken at a
phrase boundary in balanced lines ("… năm 2026" / "của Ủy ban nhân dân xã …"), the issuer's name
never split, the same lines in the DOCX and the PDF. Built on a copy of tests/roots/xa-mau with a
long place name and the full wording ({cong_van_day_du}). A hamlet's form, in a header style
without a number line (dong_so: false), has no number paragraph in the PDF, and no "Số" line.
"""

from __future__ import annotations

import shutil

import docx
import pytest
from pypdf import PdfReader

from conftest import ROOTS, TEMPLATES, build_root

YEAR = 2026
PLACE = "Phan Rang - Tháp Chàm"


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    folder = content / str(YEAR)
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), folder)
    for name, old, new in (
        ("bieu-mau.yaml", 'kem_theo: "(Kèm theo {cong_van})"', 'kem_theo: "(Kèm theo {cong_van_day_du})"'),
        ("co-quan-ban-hanh.yaml", 'dia_danh: "Mẫu Sơn"', f'dia_danh: "{PLACE}"'),
        (
            "loai-noi-nhan.yaml",
            '    bieu_mau: "nha_nuoc"\n    ky_bieu_mau: ["TRƯỞNG ẤP"]',
            '    bieu_mau: "thon-ap"\n    ky_bieu_mau: ["TRƯỞNG ẤP"]',
        ),
    ):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, name
        path.write_text(text.replace(old, new), encoding="utf-8")
    styles = '\nkieu_tieu_de:\n  - {ma: "thon-ap", quoc_hieu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", dong_so: false}\n'
    with (folder / "loai-noi-nhan.yaml").open("a", encoding="utf-8") as kinds:
        kinds.write(styles)
    return content


@pytest.fixture(scope="module")
def output(tmp_path_factory, content):
    return build_root(tmp_path_factory, content, YEAR)


def forms(output):
    found = sorted(output.glob("*/bao-cao-*.docx"))
    assert len(found) >= 3
    return found


def attached_lines(path) -> list[str]:
    [paragraph] = [p for p in docx.Document(str(path)).paragraphs if p.text.startswith("(Kèm theo")]
    return paragraph.text.replace("\u00a0", " ").split("\n")


def test_the_attached_line_takes_two_balanced_lines_broken_before_the_issuer(output):
    for path in forms(output):
        first, second = attached_lines(path)
        assert first.startswith("(Kèm theo Công văn số ") and first.endswith(f"năm {YEAR}"), first
        assert second == f"của Ủy ban nhân dân xã {PLACE})", second


def test_the_pdf_breaks_the_attached_line_where_the_docx_does(output):
    for path in forms(output):
        first, second = attached_lines(path)
        page = PdfReader(str(path.with_suffix(".pdf"))).pages[0].extract_text() or ""
        lines = [" ".join(line.split()) for line in page.replace("\u00a0", " ").splitlines()]
        start = next(i for i, line in enumerate(lines) if line.startswith("(Kèm theo"))
        assert lines[start : start + 2] == [" ".join(first.split()), second], lines[: start + 3]


def test_a_form_without_a_number_line_has_no_number_paragraph(content, output):
    from generator.checks import load_edition
    from generator.content.distribution import distribution
    from generator.document.report_form import build_report_form
    from generator.writers.pdf import render_html

    edition = load_edition(content / str(YEAR))
    recipients = [r for r in distribution(edition)[0].recipients if r.reports]
    hamlets = [r for r in recipients if r.kind.form == "thon-ap"]
    assert hamlets and len(hamlets) < len(recipients)
    for recipient in recipients:
        document = build_report_form(edition, recipient)
        html = render_html(document, TEMPLATES / "html", "van-ban.html", TEMPLATES / "van-ban.docx")
        hamlet = recipient in hamlets
        assert ('class="number"' in html) is not hamlet, recipient.id
        pdf = output / recipient.key / f"bao-cao-{recipient.key}.pdf"
        page = PdfReader(str(pdf)).pages[0].extract_text() or ""
        assert ("/BC-" in page or "-BC/" in page) is not hamlet, recipient.id  # the number line's symbol
