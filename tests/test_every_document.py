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
