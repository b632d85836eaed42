"""Issue 19: every document of a plan sendable unchanged. Appendix cells go through the same
content checks as every other text: a wrong one is refused by `check` with its file and line,
never a traceback or a literal mark in the PDF."""

from __future__ import annotations

import pytest
from conftest import ROOTS, ContentCopy, run_cli

from generator.commands.check import check
from generator.content.edition import load_edition
from generator.errors import ContentError

YEAR = 2026
PLAN = "ke-hoach.yaml"
CELL = '"Tập huấn cán bộ"'


@pytest.fixture
def province(tmp_path, monkeypatch) -> ContentCopy:
    work = ContentCopy(tmp_path / "work", year=YEAR, source=ROOTS / "tinh-mau")
    monkeypatch.chdir(work.base)
    return work


def problems_after(work: ContentCopy, new_cell: str) -> tuple[int, list[str]]:
    line = work.replace_once(PLAN, CELL, new_cell)
    with pytest.raises(ContentError) as caught:
        load_edition(work.folder)
    return line, [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("cell", "advice"),
    [
        ('"Tập huấn từ {ngay_bat_dau}"', "thang_hanh_dong"),  # the root has no Action Month
        ('"Tập huấn {nam_ke_hoach}"', "các biến dùng được"),
        ('"Tập huấn *cán bộ"', "dấu * đánh dấu chữ nghiêng"),
        ('"Tập huấn | cán bộ"', "dấu | chỉ dùng"),
    ],
)
def test_a_wrong_cell_is_refused_at_its_line(province, cell, advice):
    line, problems = problems_after(province, cell)
    mine = [p for p in problems if advice in p]
    assert len(mine) == 1, problems
    assert f"{PLAN}:{line}" in mine[0] and "phu_luc[1].dong[1][2]" in mine[0]


def test_check_names_the_cell_in_one_line_without_traceback(province):
    line = province.replace_once(PLAN, CELL, '"Tập huấn từ {ngay_bat_dau}"')
    done = run_cli(["check", "--year", str(YEAR)], province.base, cwd_folders=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "KeyError" not in done.stderr
    assert f"{PLAN}:{line}" in done.stdout + done.stderr


def test_good_cell_markup_prints_as_in_paragraphs(province):
    """A placeholder in a cell is filled in, an escaped bar prints as a bar, italics marks vanish."""
    province.replace_once(PLAN, CELL, '"Tập huấn năm {nam} tại {dia_danh}, *mẫu* A\\\\|B"')
    assert not [n for n in check(province.content, YEAR).notices if "dong[1][2]" in n.field]
    from generator.document.plan import appendix_pages

    edition = load_edition(province.folder)
    cell = appendix_pages(edition)[0].table.rows[0][1]
    assert cell == f"Tập huấn năm {YEAR} tại {edition.issuer.place}, mẫu A\\|B"


# ---------------------------------------------------------------- 2. years of cited documents
CLOSING = '  - "UBND tỉnh yêu cầu các sở, ngành triển khai thực hiện./."\n'


def add_closing(work: ContentCopy, *paragraphs: str) -> int:
    """Put paragraphs before the closing one; returns the line of the first."""
    return work.replace_once(PLAN, CLOSING, "".join(f'  - "{p}"\n' for p in paragraphs) + CLOSING)


def test_years_of_cited_documents_are_not_questioned(province):
    cited = (
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; Luật Phòng, chống bạo lực gia đình năm 2022; "
        "Chỉ thị số 08/CT-TTg ngày 04/02/2025 của Thủ tướng Chính phủ; Nghị định số 15/2025/NĐ-CP "
        "ngày 03 tháng 02 năm 2025; Kế hoạch số 12/KH-UBND ngày 15/01/2031 của UBND tỉnh."
    )
    assert not check(province.content, YEAR).notices
    add_closing(province, cited)
    assert not [str(n) for n in check(province.content, YEAR).notices]
    done = run_cli(["check", "--year", str(YEAR), "--strict"], province.base, cwd_folders=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_plans_own_years_are_still_questioned(province):
    """Next to a citation, a last year's plan or a day after the plan are the clerk's to change."""
    line = add_closing(
        province,
        "Căn cứ Luật Thanh niên năm 2020, tổng kết Kế hoạch năm 2025 trước ngày 15/01/2031.",
    )
    notices = [str(n) for n in check(province.content, YEAR).notices]
    assert len(notices) == 2, notices
    assert all(f"{PLAN}:{line}" in n for n in notices)
    assert "nhắc năm 2025" in notices[0] and "ngày 15/01/2031" in notices[1]
