"""`make check` warns of an indicator number chi-tieu.yaml marks as unconfirmed (so_chua_xac_nhan)
when a letter and form cite it: a NOTICE rule of generator/checks/ (RULES), at that field's line,
naming who cites it; `check --strict` then fails. Built on a copy of tests/roots/xa-mau, whose
Công an xã reports indicator 3 of objective 3 and Phòng VH-XH indicator 1.
"""

from __future__ import annotations

import shutil

import yaml

from conftest import ROOTS, run_main

YEAR = 2026
CATALOG = f"content/{YEAR}/chi-tieu.yaml"
NOTE = "số thứ tự tạm xếp, chưa đối chiếu với Nghị quyết"


def content(tmp_path, marked: tuple[int, ...]):
    """A copy of xa-mau with so_chua_xac_nhan on the indicators numbered `marked` of objective 3;
    returns the line of each mark."""
    shutil.copytree(ROOTS / "xa-mau" / str(YEAR), tmp_path / "content" / str(YEAR))
    path = tmp_path / CATALOG
    out, lines = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        out.append(line)
        stripped = line.strip()
        if (
            stripped.startswith("- so: ")
            and int(stripped.removeprefix("- so: ")) in marked
            and line.startswith("      ")
        ):
            out.append(f'        so_chua_xac_nhan: "{NOTE}"')
            lines[int(stripped.removeprefix("- so: "))] = len(out)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    assert set(lines) == set(marked)
    return lines


def notices(tmp_path) -> list[str]:
    done = run_main(["check", "--year", str(YEAR)], tmp_path, cwd_folders=True)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if "so_chua_xac_nhan" in line]


def test_a_cited_unconfirmed_number_is_warned_of_at_its_line(tmp_path):
    lines = content(tmp_path, (1, 3))
    catalog = yaml.safe_load((tmp_path / CATALOG).read_text(encoding="utf-8"))
    assert [i.get("so_chua_xac_nhan") for i in catalog["muc_tieu"][0]["chi_tieu"]] == [NOTE, None, NOTE]
    found = notices(tmp_path)
    assert [line.split(": ", 1)[0] for line in found] == [f"{CATALOG}:{lines[1]}", f"{CATALOG}:{lines[3]}"]
    first, third = found
    assert (
        "muc_tieu[1].chi_tieu[1].so_chua_xac_nhan: số thứ tự của Chỉ tiêu 1 của Mục tiêu 3 chưa được xác nhận" in first
    )
    assert NOTE in first and "Phòng" in first and "Công an" not in first
    assert "Chỉ tiêu 3 của Mục tiêu 3" in third and "Công an" in third
    summary = run_main(["check", "--year", str(YEAR)], tmp_path, cwd_folders=True).stdout.splitlines()[-1]
    assert "2 số thứ tự chỉ tiêu chưa xác nhận" in summary
    strict = run_main(["check", "--year", str(YEAR), "--strict"], tmp_path, cwd_folders=True)
    assert strict.returncode == 1 and any(line.startswith(f"{CATALOG}:{lines[1]}: ") for line in strict.stderr_lines)


def test_no_notice_without_the_mark(tmp_path):
    content(tmp_path, ())
    assert notices(tmp_path) == []
