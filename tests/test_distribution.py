"""Issue 3: a letter and a report form for every recipient, and the distribution list.

Expected values are read from the content YAML directly (not through the generator), so a wrong
generator cannot agree with itself.
"""

from __future__ import annotations

import csv
import re

import docx
import pytest
import yaml

from conftest import CONTENT, YEAR, run_cli

EDITION = CONTENT / str(YEAR)


def load(name: str) -> dict:
    return yaml.safe_load((EDITION / name).read_text(encoding="utf-8"))


def file_key(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


@pytest.fixture(scope="module")
def expected(fill) -> list[dict]:
    """Every recipient the content defines: name, key, verb, tasks (as printed), indicators."""
    plan, registry, communes = load("ke-hoach.yaml"), load("co-quan.yaml"), load("xa-thi-tran.yaml")
    agencies = {a["ma"]: a for a in registry["co_quan"]}
    result = []
    for entry in plan["to_chuc_thuc_hien"]:
        agency = agencies[entry["co_quan"]]
        if agency.get("gui_cong_van", True) is False:
            continue
        tasks = [fill(t).replace("*", "") for t in entry["nhiem_vu"]]
        if len(tasks) > 1:
            tasks = [f"- {t}" for t in tasks]
        indicators = [(ref["muc_tieu"], n) for ref in entry.get("bao_cao_chi_tieu", []) for n in ref["chi_tieu"]]
        verb = "giao" if agency["quan_he"] == "giao" else "đề nghị"
        if agency.get("la_cac_xa"):
            for commune in communes["don_vi"]:
                lower = commune["ten"][0].lower() + commune["ten"][1:]
                result.append(dict(name=f"Ủy ban nhân dân {lower}", key=file_key(f"UBND {lower}"),
                                   verb=verb, tasks=tasks, indicators=indicators))
        else:
            result.append(dict(name=agency["ten"], key=file_key(agency["ten_viet_tat"]), verb=verb,
                               tasks=tasks, indicators=indicators))
    return result


def paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_one_letter_and_one_form_per_recipient(built, expected):
    folder = built.output / str(YEAR)
    # 17 named bodies plus the 13 communes; the generic entry gets no letter.
    assert len(expected) == 30
    letters = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/cong-van-*.docx"))
    forms = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/bao-cao-*.docx"))
    assert letters == sorted(f"{r['key']}/cong-van-{r['key']}.docx" for r in expected)
    assert forms == sorted(f"{r['key']}/bao-cao-{r['key']}.docx" for r in expected)
    for stem in letters + forms:
        assert (folder / stem).with_suffix(".pdf").is_file()


def test_each_letter_holds_exactly_its_tasks_and_verb(built, expected):
    folder = built.output / str(YEAR)
    for recipient in expected:
        text = paragraphs(folder / recipient["key"] / f"cong-van-{recipient['key']}.docx")
        opening = next(t for t in text if t.startswith("Thực hiện Kế hoạch số"))
        name = recipient["name"]
        mid = name[0].lower() + name[1:] if name.startswith("Các ") else name
        assert f"UBND huyện {recipient['verb']} {mid} " in opening, opening
        assert f"Kính gửi: {name}." in text
        heading = "1. Nhiệm vụ được giao" if recipient["verb"] == "giao" else "1. Nội dung đề nghị phối hợp"
        start = text.index(heading) + 1
        end = next(i for i in range(start, len(text)) if re.match(r"^\d+\. ", text[i]))
        assert text[start:end] == recipient["tasks"], recipient["name"]


def test_each_letter_lists_its_indicators_with_text_or_reference(built, expected):
    catalog = {(o["so"], i["so"]): i["noi_dung"] for o in load("chi-tieu.yaml")["muc_tieu"] for i in o["chi_tieu"]}
    folder = built.output / str(YEAR)
    for recipient in expected:
        text = paragraphs(folder / recipient["key"] / f"cong-van-{recipient['key']}.docx")
        listed = [t for t in text if t.startswith("- Chỉ tiêu ")]
        wanted = [
            f"- Chỉ tiêu {n} của Mục tiêu {o}: {catalog[(o, n)]}" if catalog[(o, n)] else f"- Chỉ tiêu {n} của Mục tiêu {o}."
            for o, n in recipient["indicators"]
        ]
        assert listed == wanted, recipient["name"]


def test_each_form_table_two_holds_exactly_its_indicators(built, expected):
    folder = built.output / str(YEAR)
    activities = [a["ten"] for a in load("bieu-mau.yaml")["hoat_dong"]]
    for recipient in expected:
        document = docx.Document(str(folder / recipient["key"] / f"bao-cao-{recipient['key']}.docx"))
        form_tables = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
        activity_rows = [row.cells[1].text for row in form_tables[0].rows[1:]]
        assert activity_rows == activities
        if recipient["indicators"]:
            assert len(form_tables) == 2
            rows = [row.cells[1].text for row in form_tables[1].rows[1:]]
            assert [re.match(r"Chỉ tiêu (\d+) của Mục tiêu (\d+)", r).groups() for r in rows] == [
                (str(n), str(o)) for o, n in recipient["indicators"]
            ]
            assert [row.cells[0].text for row in form_tables[1].rows[1:]] == [str(i) for i in range(1, len(rows) + 1)]
        else:
            assert len(form_tables) == 1
        # Header rows repeat on every page and no row splits across pages.
        for table in form_tables:
            assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for row in table.rows)


def test_commune_form_is_issued_by_the_commune(built, expected):
    commune = next(r for r in expected if r["key"] == "UBND-xa-An-Khuong")
    document = docx.Document(str(built.output / str(YEAR) / commune["key"] / f"bao-cao-{commune['key']}.docx"))
    header = document.tables[0]
    assert header.rows[0].cells[0].text.split("\n")[0] == "UBND XÃ AN KHƯƠNG"
    assert header.rows[1].cells[1].text.startswith("An Khương, ngày")
    assert "TM. ỦY BAN NHÂN DÂN" in [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs]


def test_manifest_lists_every_recipient_with_existing_files(built, expected):
    folder = built.output / str(YEAR)
    with open(folder / "danh-sach-gui.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["Nơi nhận"] for row in rows] == [r["name"] for r in expected]
    for row in rows:
        for name in row["Tệp gửi kèm"].split() + row["Kế hoạch"].split():
            assert (folder / name).is_file(), name
        assert row["Có trong Nơi nhận của kế hoạch"].startswith(("trực tiếp", "qua nhóm", "qua dòng"))
    page = (folder / "danh-sach-gui.html").read_text(encoding="utf-8")
    assert "Các phòng, ban, đơn vị liên quan: gui_cong_van: false trong co-quan.yaml" in page


def test_recipient_missing_from_noi_nhan_fails_the_build(content_copy):
    text = content_copy.text("ke-hoach.yaml")
    entry = text.index('- co_quan: "hoi-lhpn"')  # its section IV entry
    recipient = text.index('- co_quan: "hoi-lhpn"', text.index("\nnoi_nhan:"))  # its Nơi nhận line
    line_start = text.rindex("\n", 0, recipient) + 1
    content_copy.path("ke-hoach.yaml").write_text(text[:line_start] + text[text.index("\n", recipient) + 1:], encoding="utf-8")
    result = run_cli(["--content", str(content_copy.content), "--output", str(content_copy.base / "output"), "build"], cwd=content_copy.base)
    assert result.returncode == 1
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/ke-hoach.yaml:{text.count(chr(10), 0, entry) + 1}: to_chuc_thuc_hien[13].co_quan: "
        "“Hội Liên hiệp Phụ nữ huyện” được gửi công văn nhưng không có trong Nơi nhận của kế hoạch (noi_nhan), "
        "kể cả qua nhóm; thêm vào noi_nhan hoặc ghi gui_cong_van: false"
    )
    assert not (content_copy.base / "output").exists()


def test_agency_without_tasks_fails_the_build(content_copy):
    text = content_copy.text("ke-hoach.yaml")
    start = text.index('co_quan: "cong-an"')
    tasks = text.index("nhiem_vu:", start)
    task_line = text.index("\n", tasks) + 1
    task_end = text.index("\n", task_line) + 1
    content_copy.path("ke-hoach.yaml").write_text(text[:tasks] + "nhiem_vu: []\n" + text[task_end:], encoding="utf-8")
    line = text.count("\n", 0, tasks) + 1
    result = run_cli(["--content", str(content_copy.content), "--output", str(content_copy.base / "output"), "build"], cwd=content_copy.base)
    assert result.returncode == 1
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/ke-hoach.yaml:{line}: to_chuc_thuc_hien[10].nhiem_vu: “Công an huyện” được gửi công văn "
        "nhưng không có nhiệm vụ nào"
    )
