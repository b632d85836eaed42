"""Issue 19: a rate's count and total rows carry the units the indicator gives them
(don_vi_tu_so, don_vi_mau_so), not the form's one word for every rate ("số lượng").

On a copy of tests/roots/xa-mau, whose indicator 3.3 (a rate, asked of the police) is given its
own units; read back from the police's form, DOCX and PDF.
"""

from __future__ import annotations

import docx
import nd30
import yaml
from conftest import run_main

YEAR = 2026
RATE = '        don_vi_tinh: "%"\n        ty_le: true\n'
NOT_A_RATE = '        don_vi_tinh: "giờ/ngày"\n'
COUNT_UNIT, TOTAL_UNIT = "người được hỗ trợ", "người bị bạo lực gia đình"  # the form says "người"


def edit(base, old: str, new: str) -> None:
    path = base / "content" / str(YEAR) / "chi-tieu.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, "the root's chi-tieu.yaml changed"
    path.write_text(text.replace(old, new), encoding="utf-8")


def row_units(path, label: str) -> list[str]:
    """The unit cell (third column) of every table row whose second cell is `label`."""
    return [
        nd30.normalise(row.cells[2].text)
        for table in docx.Document(str(path)).tables
        for row in table.rows
        if len(row.cells) > 2 and nd30.normalise(row.cells[1].text) == label
    ]


def test_a_rate_s_count_and_total_rows_carry_its_own_units(prebuilt, tmp_path):
    base = prebuilt("xa-mau", tmp_path)
    edit(base, RATE, f'{RATE}        don_vi_tu_so: "{COUNT_UNIT}"\n        don_vi_mau_so: "{TOTAL_UNIT}"\n')
    result = run_main(["build"], cwd=base, cwd_folders=True)
    assert result.returncode == 0, result.stderr
    columns = yaml.safe_load((base / "content" / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))["cot"]
    form = base / "output" / str(YEAR) / "Cong-an-xa" / "bao-cao-Cong-an-xa.docx"
    assert row_units(form, columns["dong_tu_so"]) == [COUNT_UNIT]
    assert row_units(form, columns["dong_mau_so"]) == [TOTAL_UNIT]
    assert TOTAL_UNIT in " ".join(nd30.pdf_text(nd30.read_pdf(form.with_suffix(".pdf"))).split())


def test_units_of_count_and_total_on_an_indicator_that_is_no_rate_are_refused_at_their_line(prebuilt, tmp_path):
    base = prebuilt("xa-mau", tmp_path)
    edit(base, NOT_A_RATE, f'{NOT_A_RATE}        don_vi_tu_so: "{COUNT_UNIT}"\n')
    path = base / "content" / str(YEAR) / "chi-tieu.yaml"
    line = path.read_text(encoding="utf-8").splitlines().index(f'        don_vi_tu_so: "{COUNT_UNIT}"') + 1
    before = sorted(p.stat().st_mtime_ns for p in (base / "output").rglob("*") if p.is_file())
    result = run_main(["build"], cwd=base, cwd_folders=True)
    assert result.returncode == 1
    assert f"chi-tieu.yaml:{line}" in result.stderr and "don_vi_tu_so" in result.stderr, result.stderr
    assert "ty_le: true" in result.stderr
    assert sorted(p.stat().st_mtime_ns for p in (base / "output").rglob("*") if p.is_file()) == before
