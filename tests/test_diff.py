"""`diff`: the comparison of two editions for the approver, as HTML and as DOCX with tracked
changes (issue 4)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import CONTENT, TEMPLATES, YEAR, run_main

from generator.commands.diff import compare
from generator.commands.diff_output import automatic_line, render_docx, render_html, summary_lines
from generator.commands.new_year import new_year
from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.writers.docx import render_docx as render_plan_docx

PLAN, AGENCIES = "ke-hoach.yaml", "co-quan.yaml"
ON = date(2025, 10, 31)  # the comparison's date
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# The edits, as data: each is the line of a task in ke-hoach.yaml (without its indentation and quotes).
CHANGED_OLD = (
    "Căn cứ vào nguồn kinh phí đã bố trí trong dự toán cho các đơn vị, tiến hành thẩm định, quyết toán theo quy định."
)
CHANGED_NEW = (
    "Căn cứ vào nguồn kinh phí đã bố trí trong dự toán cho các đơn vị, hướng dẫn, thẩm định, quyết toán theo quy định."
)
REMOVED_START = "Thường xuyên theo dõi, cập nhật biến động của đội ngũ cán bộ nữ"
MOVED_START = "Đẩy mạnh công tác tuyên truyền về bình đẳng giới trong lĩnh vực Y tế"
MOVED_AFTER_START = "Chủ trì, phối hợp với các đơn vị địa phương thực hiện các chương trình, dự án"
ADDED_AFTER_START = "Chịu trách nhiệm tổ chức thực hiện, theo dõi và báo cáo kết quả chỉ tiêu 3,4 của Mục tiêu 6"
ADDED = "Phối hợp tổ chức hội thi tuyên truyền viên giỏi về bình đẳng giới cấp huyện."
NEW_AGENCY = ("van-phong", "Văn phòng HĐND và UBND huyện", "VP HĐND-UBND huyện")
NEW_TASKS = (
    "Bố trí hội trường, phương tiện cho các hoạt động của Tháng hành động.",
    "Đăng tải Kế hoạch trên Cổng thông tin điện tử huyện.",
)


def task_line(text: str, start: str) -> str:
    """The whole line of the task that starts with `start`."""
    matches = [line for line in text.splitlines(keepends=True) if line.startswith(f'      - "{start}')]
    assert len(matches) == 1, start
    return matches[0]


def edit(folder: Path) -> None:
    """The known edits: one task changed, one added, one removed, one moved, one agency added."""
    plan = folder / PLAN
    text = plan.read_text(encoding="utf-8")
    assert text.count(CHANGED_OLD) == 1
    text = text.replace(CHANGED_OLD, CHANGED_NEW)
    text = text.replace(task_line(text, REMOVED_START), "")
    moved = task_line(text, MOVED_START)
    text = text.replace(moved, "")
    after = task_line(text, MOVED_AFTER_START)
    text = text.replace(after, after + moved)
    after = task_line(text, ADDED_AFTER_START)
    text = text.replace(after, after + f'      - "{ADDED}"\n')
    marker = "\nket_thuc:"
    assert text.count(marker) == 1
    entry = f'\n  - co_quan: "{NEW_AGENCY[0]}"\n    nhiem_vu:\n' + "".join(f'      - "{t}"\n' for t in NEW_TASKS)
    text = text.replace(marker, entry + marker)
    plan.write_text(text, encoding="utf-8")
    with (folder / AGENCIES).open("a", encoding="utf-8") as agencies:
        agencies.write(
            f'\n  - ma: "{NEW_AGENCY[0]}"\n    ten: "{NEW_AGENCY[1]}"\n    ten_viet_tat: "{NEW_AGENCY[2]}"\n'
            '    loai: "giao"\n    thuoc_nhom: ["co-quan-huyen"]\n'
        )


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """The 2024 edition and an edited copy of it (same year, so that only the edits differ)."""
    base = tmp_path_factory.mktemp("editions")
    old, new = base / "old" / str(YEAR), base / "new" / str(YEAR)
    shutil.copytree(CONTENT / str(YEAR), old)
    shutil.copytree(CONTENT / str(YEAR), new)
    edit(new)
    return load_edition(old), load_edition(new)


@pytest.fixture(scope="module")
def comparison(editions):
    return compare(*editions, on=ON)


def tasks_of(folder: Path, agency: str) -> list[str]:
    plan = yaml.safe_load((folder / PLAN).read_text(encoding="utf-8"))
    return next(a["nhiem_vu"] for a in plan["to_chuc_thuc_hien"] if a["co_quan"] == agency)


def agency_name(folder: Path, agency: str) -> str:
    registry = yaml.safe_load((folder / AGENCIES).read_text(encoding="utf-8"))
    return next(a["ten"] for a in registry["co_quan"] if a["ma"] == agency)


def part(comparison, agency_id: str, folder: Path):
    name = agency_name(folder, agency_id)
    found = [p for p in comparison.parts if p.kind == "agency" and p.agency == name]
    assert len(found) == 1
    return found[0]


# ---------------------------------------------------------------- the comparison itself
def test_an_edition_compared_with_itself_has_no_change(editions):
    old, _ = editions
    same = compare(old, old)

    assert not same.has_changes
    assert all(p.status == "same" for part in same.parts for p in part.paragraphs)
    assert all(piece.change == "same" for part in same.parts for p in part.paragraphs for piece in p.pieces)
    assert summary_lines(same) == [f"Hai bản giống nhau: kế hoạch năm {YEAR} không có thay đổi nào so với năm {YEAR}."]
    assert same.agencies == ()
    document = zipfile.ZipFile(io.BytesIO(render_docx(same, TEMPLATES))).read("word/document.xml")
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        assert not etree.fromstring(document).findall(f".//w:{tag}", NS)
    html = render_html(same, TEMPLATES / "html").decode("utf-8")
    assert "<ins>" not in html and "<del>" not in html


def test_known_edits_show_up_as_exactly_those(editions, comparison):
    old, new = editions
    changed = [p for p in comparison.parts if p.has_changes]
    ids = ["phong-noi-vu", "phong-tckh", "phong-vhtt", "trung-tam-y-te"]
    assert [p.agency for p in changed] == [agency_name(new.folder, a) for a in ids] + [NEW_AGENCY[1]]

    noi_vu, tckh, vhtt, ttyt, added_agency = changed
    counts = {p.agency: (p.added, p.removed, p.changed, p.moved) for p in changed}
    assert counts == {
        noi_vu.agency: (0, 1, 0, 0),
        tckh.agency: (0, 0, 1, 0),
        vhtt.agency: (1, 0, 0, 0),
        ttyt.agency: (0, 0, 0, 1),
        NEW_AGENCY[1]: (1 + len(NEW_TASKS), 0, 0, 0),
    }
    # Removed: the old task, where it stood.
    [removed] = [p for p in noi_vu.paragraphs if p.status == "removed"]
    assert removed.old_text == "- " + next(
        t for t in tasks_of(old.folder, "phong-noi-vu") if t.startswith(REMOVED_START)
    )
    assert removed.text == ""
    # Changed: word by word, only the words that differ.
    [changed_task] = [p for p in tckh.paragraphs if p.status == "changed"]
    assert (changed_task.old_text, changed_task.text) == ("- " + CHANGED_OLD, "- " + CHANGED_NEW)
    assert [(p.change, p.text) for p in changed_task.pieces if p.change != "same"] == [
        ("del", "tiến hành"),
        ("ins", "hướng dẫn,"),
    ]
    # Added: the new task, last.
    assert vhtt.paragraphs[-1].status == "added" and vhtt.paragraphs[-1].text == f"- {ADDED}"
    # Moved: away from its old place and to its new one, one move, never deleted and added.
    statuses = [p.status for p in ttyt.paragraphs]
    assert statuses.count("moved_from") == statuses.count("moved_to") == 1
    assert "added" not in statuses and "removed" not in statuses
    moved_from = next(p for p in ttyt.paragraphs if p.status == "moved_from")
    moved_to = next(p for p in ttyt.paragraphs if p.status == "moved_to")
    assert moved_from.move == moved_to.move and moved_from.old_text == moved_to.text
    assert moved_to.text.startswith(f"- {MOVED_START}")
    new_order = tasks_of(new.folder, "trung-tam-y-te")
    assert [p.text for p in ttyt.paragraphs if p.status in ("same", "moved_to")][1:] == [
        "- " + new.text(t) for t in new_order
    ]
    # The new agency: its heading and its tasks, all added.
    assert added_agency.status == "added"
    number = len(yaml.safe_load((new.folder / PLAN).read_text(encoding="utf-8"))["to_chuc_thuc_hien"])
    assert [p.text for p in added_agency.paragraphs] == [f"{number}. {NEW_AGENCY[1]}:"] + [f"- {t}" for t in NEW_TASKS]

    assert (
        comparison.total("added"),
        comparison.total("removed"),
        comparison.total("changed"),
        comparison.total("moved_to"),
    ) == (1 + 1 + len(NEW_TASKS), 1, 1, 1)


def test_summary_names_the_agencies_that_gained_or_lost_tasks(editions, comparison):
    _, new = editions
    count = {a: len(tasks_of(new.folder, a)) for a in ("phong-noi-vu", "phong-tckh", "phong-vhtt", "trung-tam-y-te")}
    name = {a: agency_name(new.folder, a) for a in count}
    assert summary_lines(comparison) == [
        f"Tổng cộng: thêm {2 + len(NEW_TASKS)} đoạn, bỏ 1 đoạn, sửa 1 đoạn, chuyển chỗ 1 đoạn.",
        f"{name['phong-noi-vu']}: bỏ 1 nhiệm vụ; nay có {count['phong-noi-vu']} nhiệm vụ.",
        f"{name['phong-tckh']}: sửa 1 nhiệm vụ; nay có {count['phong-tckh']} nhiệm vụ.",
        f"{name['phong-vhtt']}: thêm 1 nhiệm vụ; nay có {count['phong-vhtt']} nhiệm vụ.",
        f"{name['trung-tam-y-te']}: chuyển chỗ 1 nhiệm vụ; nay có {count['trung-tam-y-te']} nhiệm vụ.",
        f"{NEW_AGENCY[1]}: mới có trong kế hoạch, {len(NEW_TASKS)} nhiệm vụ.",
    ]


# ---------------------------------------------------------------- HTML and DOCX
def test_html_marks_each_change(comparison):
    html = render_html(comparison, TEMPLATES / "html").decode("utf-8")
    classes = re.findall(r'<p class="([a-z_]+)[ "]', html)
    assert {c: classes.count(c) for c in ("added", "removed", "changed", "moved_from", "moved_to")} == {
        "added": 2 + len(NEW_TASKS),
        "removed": 1,
        "changed": 1,
        "moved_from": 1,
        "moved_to": 1,
    }
    assert "<del>tiến hành</del><ins>hướng dẫn,</ins>" in html


def docx_body(data: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def flat(text: str) -> str:
    return " ".join(text.split())


# Word's no-break hyphen is an element of its own; it reads as the character, a line break as a space.
READ_AS = {"noBreakHyphen": "\u2011", "br": " "}


def run_text(element, texts: set[str]) -> str:
    name = etree.QName(element).localname
    return (element.text or "") if name in texts else READ_AS.get(name, "")


def plan_paragraphs(edition) -> list[str]:
    """Every paragraph of the edition's plan as the DOCX writer makes it (header and signature tables included)."""
    body = docx_body(render_plan_docx(build_plan(edition), TEMPLATES / "van-ban.docx"))
    return [flat("".join(run_text(e, {"t"}) for e in p.iter())) for p in body.iter(f"{{{W}}}p")]


def resolved(body, accept: bool) -> list[str]:
    """Every paragraph of a DOCX with all tracked changes accepted (or rejected), as Word does it:
    a paragraph whose mark is deleted (inserted) goes, and so do the deleted (inserted) runs."""
    gone = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    texts = {"t"} if accept else {"t", "delText"}
    paragraphs = []
    for p in body.iter(f"{{{W}}}p"):
        if any(p.find(f"w:pPr/w:rPr/w:{tag}", NS) is not None for tag in gone):
            continue
        words = [
            run_text(e, texts) for e in p.iter() if not any(etree.QName(a).localname in gone for a in e.iterancestors())
        ]
        paragraphs.append(flat("".join(words)))
    return paragraphs


def marked_paragraphs(body, tag: str) -> list:
    return [p for p in body.iter(f"{{{W}}}p") if p.find(f"w:pPr/w:rPr/w:{tag}", NS) is not None]


def test_docx_has_tracked_changes_with_a_fixed_date(editions, comparison):
    _, new = editions
    data = render_docx(comparison, TEMPLATES)
    assert render_docx(comparison, TEMPLATES) == data  # reproducible
    body = docx_body(data)

    def text(p) -> str:
        return "".join(p.xpath(".//w:t/text()|.//w:delText/text()", namespaces=NS))

    number = len(yaml.safe_load((new.folder / PLAN).read_text(encoding="utf-8"))["to_chuc_thuc_hien"])
    assert [text(p) for p in marked_paragraphs(body, "ins")] == (
        [f"- {ADDED}", f"{number}. {NEW_AGENCY[1]}:"] + [f"- {t}" for t in NEW_TASKS]
    )
    [removed] = marked_paragraphs(body, "del")
    assert text(removed).startswith(f"- {REMOVED_START}") and removed.findall(".//w:del/w:r/w:delText", NS)
    [moved_from] = marked_paragraphs(body, "moveFrom")
    [moved_to] = marked_paragraphs(body, "moveTo")
    assert text(moved_from) == text(moved_to)
    assert moved_from.find("w:moveFromRangeStart", NS).get(f"{{{W}}}name") == moved_to.find(
        "w:moveToRangeStart", NS
    ).get(f"{{{W}}}name")
    assert body.xpath("//w:p[not(w:pPr/w:rPr/w:del)]/w:del/w:r/w:delText/text()", namespaces=NS) == ["tiến hành"]
    assert body.xpath("//w:p[not(w:pPr/w:rPr/w:ins)]/w:ins/w:r/w:t/text()", namespaces=NS) == ["hướng dẫn,"]

    marks = body.xpath(
        "//w:ins|//w:del|//w:moveFrom|//w:moveTo|//w:moveFromRangeStart|//w:moveToRangeStart", namespaces=NS
    )
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(ids) == len(set(ids))
    # The comparison's day in the issuer's local time (UTC+7), not midnight UTC.
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2025-10-31T00:00:00+07:00"}
    # The drafting office, by the name in words the content gives it.
    plan = yaml.safe_load((new.folder / PLAN).read_text(encoding="utf-8"))["van_ban"]
    assert {m.get(f"{{{W}}}author") for m in marks} == {plan["ten_don_vi_soan_thao"]}


def test_libreoffice_sees_the_tracked_changes(editions, comparison, libreoffice, tmp_path):
    source = tmp_path / "so-sanh.docx"
    source.write_bytes(render_docx(comparison, TEMPLATES))
    done, odt = libreoffice(source, "odt")
    assert done.returncode == 0 and odt.is_file(), f"LibreOffice could not convert {source}: {done.stderr}"
    content = etree.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    T = f"{{{text_ns}}}"

    regions = content.findall(f".//{T}changed-region")
    assert regions, "LibreOffice found no tracked change"
    deleted = " ".join("".join(r.itertext()) for r in regions if r.find(f"{T}deletion") is not None)
    assert "tiến hành" in deleted and REMOVED_START in deleted and MOVED_START in deleted
    assert any(r.find(f"{T}insertion") is not None for r in regions)

    # With every change accepted, LibreOffice's text up to the summary is the new plan's, as the
    # DOCX writer makes it. A title's line break reads as a space, as in the DOCX's text.
    for line_break in content.iter(f"{T}line-break"):
        line_break.tail = " " + (line_break.tail or "")
    shown = [
        flat("".join(p.itertext()))
        for p in content.iter(f"{T}p")
        if not any(a.tag in (f"{T}tracked-changes", f"{T}p") for a in p.iterancestors())
    ]
    end = shown.index(f"TÓM TẮT THAY ĐỔI SO VỚI KẾ HOẠCH NĂM {YEAR}")
    assert [line for line in shown[:end] if line] == [line for line in plan_paragraphs(editions[1]) if line]


# ---------------------------------------------------------------- the command
def test_cli_writes_both_files_for_the_newest_edition(work):
    new_year(work.content, YEAR, YEAR + 1)
    edit(work.content / str(YEAR + 1))

    done = run_main(["diff", "--date", ON.isoformat()], work.base, cwd_folders=True)

    assert done.returncode == 0, done.stderr
    stem = f"output/{YEAR + 1}/so-sanh-{YEAR}-{YEAR + 1}"
    lines = done.stdout.splitlines()
    assert lines[:2] == [f"  đã ghi {stem}.html", f"  đã ghi {stem}.docx"]
    comparison = compare(load_edition(work.content / str(YEAR)), load_edition(work.content / str(YEAR + 1)), on=ON)
    assert lines[2:-1] == summary_lines(comparison) + [automatic_line(comparison)]
    assert (work.base / f"{stem}.docx").read_bytes() == render_docx(comparison, TEMPLATES)
    assert (work.base / f"{stem}.html").read_bytes() == render_html(comparison, TEMPLATES / "html")


def test_cli_refuses_a_date_that_is_not_one(work):
    done = run_main(["diff", "--date", "31/10/2025"], work.base, cwd_folders=True)
    assert done.returncode == 2
    assert "ngày phải có dạng năm-tháng-ngày" in done.stderr
    assert not work.output.exists()


def test_cli_refuses_to_compare_a_year_with_itself(work):
    done = run_main(["diff", "--from", str(YEAR), "--to", str(YEAR)], work.base, cwd_folders=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"Lỗi: hai năm cần so sánh trùng nhau ({YEAR})"]
    assert not work.output.exists()


def summary_start(paragraphs: list[str]) -> int:
    return paragraphs.index(f"TÓM TẮT THAY ĐỔI SO VỚI KẾ HOẠCH NĂM {YEAR}")


def test_accepting_all_gives_the_new_plan_and_rejecting_all_the_old(editions, comparison):
    old, new = editions
    body = docx_body(render_docx(comparison, TEMPLATES))
    accepted, rejected = resolved(body, accept=True), resolved(body, accept=False)
    assert accepted[: summary_start(accepted)] == plan_paragraphs(new)
    assert rejected[: summary_start(rejected)] == plan_paragraphs(old)


def style_of(p) -> str | None:
    style = p.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(f"{{{W}}}val")


def test_review_docx_is_laid_out_by_the_word_template(editions, comparison):
    """The plan's own layout: the template's styles and header parts (page numbers), every
    paragraph in the style the DOCX writer gives it; the summary after the plan, on a page of its
    own, in the template's styles too."""
    _, new = editions
    review = zipfile.ZipFile(io.BytesIO(render_docx(comparison, TEMPLATES)))
    plan = zipfile.ZipFile(io.BytesIO(render_plan_docx(build_plan(new), TEMPLATES / "van-ban.docx")))
    headers = [name for name in plan.namelist() if name.startswith("word/header")]
    assert any(b"PAGE" in plan.read(name) for name in headers)
    for name in headers + ["word/styles.xml"]:
        assert review.read(name) == plan.read(name), name

    body = etree.fromstring(review.read("word/document.xml"))
    kept = [
        p
        for p in body.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:rPr/w:del", NS) is None and p.find("w:pPr/w:rPr/w:moveFrom", NS) is None
    ]
    start = summary_start(resolved(body, accept=True))
    plan_body = etree.fromstring(plan.read("word/document.xml"))
    assert [style_of(p) for p in kept[:start]] == [style_of(p) for p in plan_body.iter(f"{{{W}}}p")]
    summary = kept[start:]
    assert summary[0].find("w:pPr/w:pageBreakBefore", NS) is not None
    assert None not in [style_of(p) for p in summary]
    # No direct formatting of size or font: the styles carry it.
    assert not body.xpath("//w:r/w:rPr/w:sz|//w:r/w:rPr/w:rFonts", namespaces=NS)


# ---------------------------------------------------------------- a new year: what the clerk did not write
@pytest.fixture(scope="module")
def next_year(tmp_path_factory) -> Path:
    """content/ with the 2024 edition and the draft `new-year` makes of it, nothing else changed."""
    content = tmp_path_factory.mktemp("next-year") / "content"
    shutil.copytree(CONTENT / str(YEAR), content / str(YEAR))
    new_year(content, YEAR, YEAR + 1)
    return content


def typed_with(folder: Path, placeholder: str) -> int:
    """How many text values of ke-hoach.yaml the clerk typed with the placeholder."""

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    plan = yaml.safe_load((folder / PLAN).read_text(encoding="utf-8"))
    plan.pop("bao_cao")  # its texts (the report up's, cap_tren) are no paragraph of the plan
    return sum(placeholder in text for text in strings(plan))


def revision_marks(data: bytes) -> list:
    return docx_body(data).xpath("//w:ins|//w:del|//w:moveFrom|//w:moveTo", namespaces=NS)


def test_new_year_alone_reports_no_edit(next_year):
    old, new = load_edition(next_year / str(YEAR)), load_edition(next_year / str(YEAR + 1))
    comparison = compare(old, new, on=ON)

    assert not comparison.has_changes
    assert comparison.agencies == ()
    assert {p.status for part in comparison.parts for p in part.paragraphs} == {"same"}
    assert summary_lines(comparison) == [
        f"Không có chỗ nào được sửa: lời văn kế hoạch năm {YEAR + 1} giữ nguyên như năm {YEAR}."
    ]
    assert not revision_marks(render_docx(comparison, TEMPLATES))
    html = render_html(comparison, TEMPLATES / "html").decode("utf-8")
    assert "<ins>" not in html and "<del>" not in html

    # Listed apart instead: each paragraph typed with {nam}, and the date line new-year moved.
    year_change = f"{{nam}}: {YEAR} → {YEAR + 1}"
    by_year = [s for s in comparison.automatic if year_change in s.reasons]
    assert len(by_year) == typed_with(new.folder, "{nam}") > 0
    assert all(str(YEAR) in s.old and str(YEAR + 1) in s.new for s in by_year)
    [date_line] = [s for s in comparison.automatic if s not in by_year]
    assert date_line.old.endswith(f"năm {YEAR}") and date_line.new.endswith(f"năm {YEAR + 1}")
    line = automatic_line(comparison)
    assert line.startswith(f"Chương trình tự thay, không tính là sửa: {len(by_year) + 1} đoạn (")
    assert f"{year_change} ở {len(by_year)} đoạn" in line
    assert f"<summary>{line}</summary>" in html


def test_a_moved_task_is_a_move_whatever_its_placeholders_read(next_year, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(next_year, content)
    folder = content / str(YEAR + 1)
    plan = yaml.safe_load((folder / PLAN).read_text(encoding="utf-8"))
    # The first task typed with {nam} that is not its agency's last: moved to the end of its list.
    agency, task = next(
        (a["co_quan"], t) for a in plan["to_chuc_thuc_hien"] for t in a["nhiem_vu"][:-1] if "{nam}" in t
    )
    text = (folder / PLAN).read_text(encoding="utf-8")
    moved = task_line(text, task[:60])
    text = text.replace(moved, "")
    last = task_line(text, tasks_of(folder, agency)[-1][:60])
    (folder / PLAN).write_text(text.replace(last, last + moved), encoding="utf-8")

    comparison = compare(load_edition(content / str(YEAR)), load_edition(folder), on=ON)

    name = agency_name(folder, agency)
    [changed] = [p for p in comparison.parts if p.has_changes]
    assert changed.agency == name
    statuses = [p.status for p in changed.paragraphs]
    assert sorted(s for s in statuses if s != "same") == ["moved_from", "moved_to"]
    moved_from = next(p for p in changed.paragraphs if p.status == "moved_from")
    moved_to = next(p for p in changed.paragraphs if p.status == "moved_to")
    assert f"{YEAR}" in moved_from.old_text and f"{YEAR + 1}" in moved_to.text
    assert moved_from.old_text.replace(str(YEAR), str(YEAR + 1)) == moved_to.text
    tasks = len(tasks_of(folder, agency))
    assert [
        (a.name, a.status, a.tasks_added, a.tasks_removed, a.tasks_changed, a.tasks_moved, a.tasks)
        for a in comparison.agencies
    ] == [(name, "changed", 0, 0, 0, 1, tasks)]
    marks = revision_marks(render_docx(comparison, TEMPLATES))
    assert sorted({etree.QName(m).localname for m in marks}) == ["moveFrom", "moveTo"]


def test_an_agency_added_first_renumbers_the_others_without_changing_them(next_year, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(next_year, content)
    folder = content / str(YEAR + 1)
    text = (folder / PLAN).read_text(encoding="utf-8")
    marker = "\nto_chuc_thuc_hien:\n"
    assert text.count(marker) == 1
    entry = f'  - co_quan: "{NEW_AGENCY[0]}"\n    nhiem_vu:\n' + "".join(f'      - "{t}"\n' for t in NEW_TASKS)
    (folder / PLAN).write_text(text.replace(marker, marker + entry), encoding="utf-8")
    with (folder / AGENCIES).open("a", encoding="utf-8") as agencies:
        agencies.write(
            f'\n  - ma: "{NEW_AGENCY[0]}"\n    ten: "{NEW_AGENCY[1]}"\n    ten_viet_tat: "{NEW_AGENCY[2]}"\n'
            '    loai: "giao"\n    thuoc_nhom: ["co-quan-huyen"]\n'
        )

    comparison = compare(load_edition(content / str(YEAR)), load_edition(folder), on=ON)

    assert [(p.agency, p.status) for p in comparison.parts if p.has_changes] == [(NEW_AGENCY[1], "added")]
    assert [(a.name, a.status) for a in comparison.agencies] == [(NEW_AGENCY[1], "added")]
    # Every agency that was there already: its heading renumbered, listed apart.
    renumbered = [s for s in comparison.automatic if "đánh số lại" in s.reasons]
    assert len(renumbered) == len(yaml.safe_load(text)["to_chuc_thuc_hien"])
    assert all(int(s.new.split(".")[0]) == int(s.old.split(".")[0]) + 1 for s in renumbered)
    assert {etree.QName(m).localname for m in revision_marks(render_docx(comparison, TEMPLATES))} == {"ins"}
