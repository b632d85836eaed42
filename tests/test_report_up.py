"""Issue 20 (the report the People's Committee sends up) and issue 19 (deadlines written once).

Built on tests/roots/xa-mau, whose ke-hoach.yaml has bao_cao.cap_tren; forms filled with
python-docx as in test_collect. Every expected word comes from the root's content, every figure
from the forms the test fills in.
"""

from __future__ import annotations

import shutil

import docx
import pytest
import yaml
from conftest import ROOTS, TEMPLATES, build_root_copy, run_main
from pypdf import PdfReader
from test_collect import ACTIVITIES, COLUMNS, FIGURES, collected, fill, texts_of_table  # noqa: F401 (a fixture)

ROOT = ROOTS / "xa-mau"
YEAR = 2026
PLAN = yaml.safe_load((ROOT / str(YEAR) / "ke-hoach.yaml").read_text(encoding="utf-8"))
UP = PLAN["bao_cao"]["cap_tren"]
ISSUER = yaml.safe_load((ROOT / str(YEAR) / "co-quan-ban-hanh.yaml").read_text(encoding="utf-8"))
SUMMARY = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))["tong_hop"]
PLACE = ISSUER["dia_danh"]

# The test's own figures: activity → (quantity, participants, women) per unit folder; budget per source.
FORMS = {
    "Phong-VH-XH": {"activities": {ACTIVITIES[0]: (2, 120, 70), ACTIVITIES[1]: (5, 0, 0)}, "budget": ["1.500.000", ""]},
    "Cong-an-xa": {"activities": {ACTIVITIES[0]: (1, 40, 12)}, "budget": ["300.000", "200.000"]},
}


def filled(text: str, **values: str) -> str:
    for name, value in {"nam": str(YEAR), "dia_danh": PLACE, **values}.items():
        text = text.replace(f"{{{name}}}", value)
    return text


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    from generator.collect.run import collect_edition

    project = build_root_copy(tmp_path_factory, ROOT, YEAR)
    built = project.output / str(YEAR)
    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    inbox.mkdir()
    for folder, figures in FORMS.items():
        fill(shutil.copy(built / folder / f"bao-cao-{folder}.docx", inbox / f"{folder}.docx"), figures)
    report = collect_edition(project, YEAR)
    return {"project": project, "built": built, "report": report, "folder": built / "tong-hop"}


def up_docx(returned):
    return docx.Document(str(returned["folder"] / "bao-cao-cap-tren.docx"))


def words(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_make_tong_hop_writes_the_report_up_beside_the_summary(returned):
    folder = returned["folder"]
    written = {path.name for path in returned["report"].written}
    assert {"bao-cao-cap-tren.docx", "bao-cao-cap-tren.pdf", "bao-cao-tong-hop.docx"} <= written
    reader = PdfReader(str(folder / "bao-cao-cap-tren.pdf"))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert f"Kính gửi: {UP['kinh_gui']}." in text
    assert filled(UP["trich_yeu"]) in text


def test_the_report_up_is_a_document_of_the_people_s_committee(returned):
    import nd30

    document = up_docx(returned)
    title = filled(UP["trich_yeu"])
    nd30.check_page(document)
    nd30.check_fonts(document)
    agency = [filled(line).upper() for line in ISSUER["dong_tieu_de"]]
    nd30.check_header(document, type_name="BÁO CÁO", title=title, type_code="BC", agency_lines=agency)
    header = [nd30.normalise(p.text) for row in document.tables[0].rows for c in row.cells for p in c.paragraphs]
    assert any(line.startswith("Số") and line.endswith(f"/BC-{ISSUER['ky_hieu']}") for line in header), header
    assert any(line.startswith(f"{PLACE}, ngày") and line.endswith(f"năm {UP['han']['nam']}") for line in header)
    signer = PLAN["nguoi_ky"]
    nd30.check_signature(
        document,
        lines=[ISSUER["tham_quyen"], *signer["chuc_vu"]],
        name=signer["ho_ten"],
        recipients=[
            "- Như trên;",
            *(f"- {line['ten']};" for line in UP["noi_nhan"]),
            f"- Lưu: {', '.join(PLAN['luu'])}.",
        ],
        addressed=True,
    )
    nd30.check_addressees(document, [f"Kính gửi: {UP['kinh_gui']}."])
    nd30.check_body(document, type_name="BÁO CÁO", title=title, addressees=[f"Kính gửi: {UP['kinh_gui']}."])


def test_the_report_up_has_no_internal_lines_and_its_wording_comes_from_content(returned):
    lines = words(up_docx(returned))
    everything = "\n".join(lines)
    form = yaml.safe_load((ROOT / str(YEAR) / "bieu-mau.yaml").read_text(encoding="utf-8"))
    assert form["thoi_han"].split("{")[0].strip() not in everything
    assert SUMMARY["chua_bao_cao"].split("{")[0] not in everything  # who has not reported: the office's business
    assert SUMMARY["y_kien"] not in everything  # the units' own difficulties go to the issuer, not up
    opening = next(line for line in lines if line.startswith(UP["mo_dau"][0].split("{")[0]))
    assert "2/8 cơ quan, đơn vị" in opening and "{" not in opening
    # 2 + 1 cuộc, 5 tin, bài (counts of different units are never added), 120 + 40 people, 70 + 12 women,
    # 1.500.000 + 300.000 + 200.000 đồng.
    assessment = next(i for i, line in enumerate(lines) if line.endswith(f". {SUMMARY['danh_gia']}"))
    assert lines[assessment + 1] == filled(
        UP["danh_gia_noi_dung"][0],
        tong_so_luong_cuoc="3",
        tong_so_luong_tin_bai="5",
        tong_so_nguoi="160",
        tong_so_nu="82",
        tong_kinh_phi="2.000.000",
    )
    proposal = next(i for i, line in enumerate(lines) if line.endswith(f". {SUMMARY['de_xuat']}"))
    assert lines[proposal + 1] == filled(UP["de_xuat_noi_dung"][0], so_phai_bao_cao="8") and proposal > assessment
    closing = [line for line in lines if line.strip()][-1]
    assert closing == filled(UP["ket_thuc"])


def test_the_report_up_carries_the_summary_s_tables_and_figures(returned):
    folder = returned["folder"]
    for first, second in ((COLUMNS["stt"], COLUMNS["hoat_dong"]), (COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])):
        up = texts_of_table(folder / "bao-cao-cap-tren.docx", first, second)
        assert up == texts_of_table(folder / "bao-cao-tong-hop.docx", first, second)
    rows = texts_of_table(folder / "bao-cao-cap-tren.docx", COLUMNS["stt"], COLUMNS["hoat_dong"])
    header = rows[0]
    first = next(r for r in rows if r[1] == ACTIVITIES[0])
    assert [first[header.index(COLUMNS[c])] for c in ("so_luong", "so_nguoi", "nu")] == ["3", "160", "82"]
    budget = texts_of_table(folder / "bao-cao-cap-tren.docx", COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])
    assert budget[-1][2] == "2.000.000"


def test_nothing_new_writes_nothing_and_an_edited_report_up_is_set_aside(returned):
    from generator.collect.run import collect_edition

    project, folder = returned["project"], returned["folder"]
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}
    again = collect_edition(project, YEAR)
    assert again.written == []
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()} == before
    # The clerk edits the report up in Word, then one more form comes back.
    edited = docx.Document(str(folder / "bao-cao-cap-tren.docx"))
    edited.add_paragraph("Sửa tay của văn thư.")
    edited.save(str(folder / "bao-cao-cap-tren.docx"))
    inbox = project.content / str(YEAR) / "bao-cao-nhan"
    form = shutil.copy(returned["built"] / "Hoi-LHPN-xa" / "bao-cao-Hoi-LHPN-xa.docx", inbox / "hoi.docx")
    fill(form, {"activities": {ACTIVITIES[0]: (1, 10, 10)}, "budget": []})
    third = collect_edition(project, YEAR)
    kept = folder / "ban-sua-tay" / "bao-cao-cap-tren.docx"
    assert (folder / "bao-cao-cap-tren.docx", kept) in third.set_aside
    assert "Sửa tay của văn thư." in "\n".join(words(docx.Document(str(kept))))
    assert "Sửa tay của văn thư." not in "\n".join(words(up_docx(returned)))


def _copy(tmp_path):
    from generator.build import Project

    year = tmp_path / "c" / str(YEAR)
    shutil.copytree(ROOT / str(YEAR), year)
    return year, Project(content=tmp_path / "c", templates=TEMPLATES, output=tmp_path / "o")


def test_without_a_report_up_in_content_none_is_made(tmp_path):
    from generator.build import build
    from generator.collect.run import collect_edition

    year, project = _copy(tmp_path)
    plan = (year / "ke-hoach.yaml").read_text(encoding="utf-8")
    start, end = plan.index("  cap_tren:"), plan.index("\nmo_dau:") + 1
    (year / "ke-hoach.yaml").write_text(plan[:start] + plan[end:], encoding="utf-8")
    build(project, year=YEAR)
    (year / "bao-cao-nhan").mkdir()
    collect_edition(project, YEAR)
    made = sorted(p.name for p in (tmp_path / "o" / str(YEAR) / "tong-hop").iterdir())
    assert "bao-cao-tong-hop.docx" in made and not any(name.startswith("bao-cao-cap-tren") for name in made)


def test_the_plan_s_text_uses_the_deadlines_written_once(tmp_path):
    from generator.build import build

    year, project = _copy(tmp_path)
    plan = (year / "ke-hoach.yaml").read_text(encoding="utf-8")
    opening = PLAN["mo_dau"][0]
    typed = "Hạn báo cáo {han_bao_cao}, tổng hợp {han_tong_hop}, báo cáo cấp trên {han_cap_tren}."
    (year / "ke-hoach.yaml").write_text(plan.replace(opening, f"{typed} {opening}", 1), encoding="utf-8")
    build(project, year=YEAR)
    document = docx.Document(str(tmp_path / "o" / str(YEAR) / "ke-hoach.docx"))
    dates = [PLAN["bao_cao"][key] for key in ("han_bao_cao", "han_tong_hop")] + [UP["han"]]
    shown = [f"{d['ngay']:02d}/{d['thang']}/{d['nam']}" for d in dates]
    expected = f"Hạn báo cáo {shown[0]}, tổng hợp {shown[1]}, báo cáo cấp trên {shown[2]}."
    assert any(p.text.startswith(expected) for p in document.paragraphs), expected


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            "    han: {nam: 2026, thang: 12, ngay: 20}",
            "    han: {nam: 2026, thang: 12, ngay: 14}",
            "bao_cao.cap_tren.han",
            "hạn báo cáo cấp trên phải sau hạn tổng hợp (han_tong_hop)",
        ),
        (
            "    han: {nam: 2026, thang: 12, ngay: 20}",
            "    han: {nam: 2026, thang: 13, ngay: 20}",
            "bao_cao.cap_tren.han.thang",
            "tháng 13 không hợp lệ",
        ),
        (
            '      - ten: "Sở Nội vụ tỉnh Lạng Sơn"',
            '      - co_quan: "so-khong-co"',
            "bao_cao.cap_tren.noi_nhan[1].co_quan",
            "không có cơ quan mã “so-khong-co”",
        ),
        (
            '  - "Để triển khai',
            '  - "Hạn {han_ky_2}. Để triển khai',
            "mo_dau[1]",
            "nên không dùng được “{han_ky_2}”",
        ),
    ],
)
def test_a_wrong_deadline_or_report_up_field_is_refused_at_its_line(tmp_path, old, new, field, message):
    from conftest import ContentCopy

    copy = ContentCopy(tmp_path / "work", YEAR, source=ROOT)
    line = copy.replace_once("ke-hoach.yaml", old, new)
    result = run_main(["check"], copy.base, cwd_folders=True)
    assert result.returncode == 1
    where = f"content/{YEAR}/ke-hoach.yaml:{line}: {field}: "
    assert any(p.startswith(where) and message in p for p in result.stderr_lines), result.stderr_lines


def _alignment(paragraph):
    return paragraph.alignment if paragraph.alignment is not None else paragraph.style.paragraph_format.alignment


@pytest.mark.parametrize("name", ["bao-cao-tong-hop", "bao-cao-cap-tren"])
def test_tables_have_numbered_captions_a_unit_column_and_right_aligned_figures(returned, name):
    import nd30
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    path = returned["folder"] / f"{name}.docx"
    lines = [p.text for p in docx.Document(str(path)).paragraphs]
    keys = ("bang_hoat_dong", "bang_don_vi", "bang_chi_tieu", "bang_kinh_phi")
    captions = [f"{SUMMARY['nhan_bang']} {n}. {SUMMARY[key]}" for n, key in enumerate(keys, start=1)]
    assert [line for line in lines if line.startswith(f"{SUMMARY['nhan_bang']} ")] == captions
    # Each caption stands right above its table (the table's space paragraph between them is empty).
    document = docx.Document(str(path))
    body = list(document.element.body.iterchildren())
    tables_after = [
        next(e for e in body[i + 1 :] if e.tag.endswith("}tbl") or (e.tag.endswith("}p") and nd30.paragraph_text(e)))
        for i, e in enumerate(body)
        if e.tag.endswith("}p") and nd30.paragraph_text(e) in captions
    ]
    assert len(tables_after) == 4 and all(e.tag.endswith("}tbl") for e in tables_after)
    # The indicators' unit of measure is a column of its own.
    rows = texts_of_table(path, COLUMNS["stt"], COLUMNS["chi_tieu"])
    unit = rows[0].index(COLUMNS["don_vi_tinh"])
    catalog = yaml.safe_load((ROOT / str(YEAR) / "chi-tieu.yaml").read_text(encoding="utf-8"))
    units = {i.get("don_vi_tinh") for o in catalog["muc_tieu"] for i in o["chi_tieu"]} - {None}
    assert {row[unit] for row in rows[1:]} & units
    # Figures right-aligned in Word: the per-unit table's people, women and amounts, the text left.
    table = next(t for t in document.tables if t.rows[0].cells[1].text == SUMMARY["theo_don_vi"])
    first = table.rows[1].cells
    assert all(_alignment(c.paragraphs[0]) == WD_ALIGN_PARAGRAPH.RIGHT for c in first[2:]), first
    assert _alignment(first[1].paragraphs[0]) in (None, WD_ALIGN_PARAGRAPH.LEFT)
    # …and in the PDF: the two units' rows of that table, 120 / 40 people and 1.500.000 / 500.000 đồng,
    # end at one edge, so the shorter figure starts further right (each cell is a text run of its own).
    lines = _pdf_runs(returned["folder"] / f"{name}.pdf")
    first, second = (
        next(xs for text, xs in lines if text.startswith(row)) for row in ("1 Phòng VH-XH", "2 Công an xã")
    )
    assert second[-3] - first[-3] > 2 and second[-1] - first[-1] > 5, (first, second)


def _pdf_runs(path) -> list[tuple[str, list[float]]]:
    """Each text line of the PDF with the x of each text run on it, left to right."""
    import nd30

    found = []
    for page in PdfReader(str(path)).pages:
        starts: list[tuple[float, float]] = []

        def before(op, args, cm, tm):
            if op == b"Tm" and len(args) == 6:
                e, f = float(args[4]), float(args[5])
                starts.append((e * cm[0] + f * cm[2] + cm[4], e * cm[1] + f * cm[3] + cm[5]))

        page.extract_text(visitor_operand_before=before)
        for fragment in nd30.pdf_fragments(page):
            xs = sorted(x for x, y in starts if abs(y - fragment.y) < 0.5)
            found.append((fragment.text.strip(), xs))
    return found


@pytest.mark.parametrize("included", [False, True])
def test_the_letters_deadline_words_follow_whether_the_day_counts(tmp_path, included):
    from generator.build import build

    year, project = _copy(tmp_path)
    plan = (year / "ke-hoach.yaml").read_text(encoding="utf-8")
    (year / "ke-hoach.yaml").write_text(
        plan.replace("tinh_ca_ngay_han: false", f"tinh_ca_ngay_han: {str(included).lower()}", 1), encoding="utf-8"
    )
    build(project, year=YEAR)
    words = PLAN["bao_cao"]["loi_han"]
    said, unsaid = (words["tinh_ca_ngay_han"], words["khong_tinh_ngay_han"])[:: 1 if included else -1]
    due = PLAN["bao_cao"]["han_bao_cao"]
    shown = f"{due['ngay']:02d}/{due['thang']}/{due['nam']}"
    for name in ("cong-van-Cong-an-xa", "bao-cao-Cong-an-xa"):
        document = docx.Document(str(tmp_path / "o" / str(YEAR) / "Cong-an-xa" / f"{name}.docx"))
        text = "\n".join(p.text.replace("\u00a0", " ") for p in document.paragraphs)
        assert f"{said} {shown}" in text and f"{unsaid} {shown}" not in text, name


def test_the_deadline_words_need_their_field(tmp_path):
    from conftest import ContentCopy

    copy = ContentCopy(tmp_path / "work", YEAR, source=ROOT)
    plan = copy.path("ke-hoach.yaml").read_text(encoding="utf-8")
    start = plan.index("  loi_han:")
    end = plan.index("\n", plan.index("    tinh_ca_ngay_han:", start)) + 1
    copy.path("ke-hoach.yaml").write_text(plan[:start] + plan[end:], encoding="utf-8")
    result = run_main(["check"], copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert any("nên không dùng được “{truoc_han}”" in line for line in result.stderr_lines), result.stderr_lines


def test_the_eight_file_return_trip_reports_up_the_summary_s_totals(collected):  # noqa: F811 (the fixture)
    """test_collect's return trip (re-saved, renamed, duplicate, bad and foreign files): the report
    up passes the Decree 30 checks and carries every total of the summary unchanged."""
    import nd30

    folder = collected["output"] / "tong-hop"
    document = docx.Document(str(folder / "bao-cao-cap-tren.docx"))
    nd30.check_page(document)
    nd30.check_fonts(document)
    nd30.check_header(document, type_name="BÁO CÁO", title=filled(UP["trich_yeu"]), type_code="BC")
    signer = PLAN["nguoi_ky"]
    nd30.check_signature(
        document, lines=[ISSUER["tham_quyen"], *signer["chuc_vu"]], name=signer["ho_ten"], addressed=True
    )
    nd30.check_pdf_pages(PdfReader(str(folder / "bao-cao-cap-tren.pdf")))
    for first, second in ((COLUMNS["stt"], COLUMNS["hoat_dong"]), (COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])):
        summary = texts_of_table(folder / "bao-cao-tong-hop.docx", first, second)
        assert texts_of_table(folder / "bao-cao-cap-tren.docx", first, second) == summary
    # The trip's budget: the three usable forms that typed amounts (test_collect.FIGURES).
    spent = sum(
        int(a.replace(".", "")) for k in ("Phong-VH-XH", "Cong-an-xa", "Hoi-LHPN-xa") for a in FIGURES[k]["budget"] if a
    )
    budget = texts_of_table(folder / "bao-cao-cap-tren.docx", COLUMNS["stt"], COLUMNS["nguon_kinh_phi"])
    assert budget[-1][2] == f"{spent:,}".replace(",", ".")
