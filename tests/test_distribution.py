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

from conftest import CONTENT, TEMPLATES, YEAR, run_main, signature_lines

EDITION = CONTENT / str(YEAR)


def load(name: str) -> dict:
    # libyaml's loader where PyYAML has it: these files are read again by almost every test here.
    return yaml.load((EDITION / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def file_key(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


@pytest.fixture(scope="module")
def expected(fill) -> list[dict]:
    """Every recipient the content defines: name, key, verb, tasks (as printed), indicators."""
    plan, registry, lists = load("ke-hoach.yaml"), load("co-quan.yaml"), load("don-vi.yaml")
    agencies = {a["ma"]: a for a in registry["co_quan"]}
    kinds = {k["ma"]: k for k in load("loai-noi-nhan.yaml")["loai"]}
    unit_lists = {u["ma"]: u for u in lists["danh_sach"]}
    result = []
    for entry in plan["to_chuc_thuc_hien"]:
        agency = agencies[entry["co_quan"]]
        if agency.get("gui_cong_van", True) is False:
            continue
        tasks = [fill(t).replace("*", "") for t in entry["nhiem_vu"]]
        if len(tasks) > 1:
            tasks = [f"- {t}" for t in tasks]
        indicators = [
            (ref["muc_tieu"], n, ref.get("pham_vi"))
            for ref in entry.get("bao_cao_chi_tieu", [])
            for n in ref["chi_tieu"]
        ]
        kind = kinds[agency["loai"] if "loai" in agency else unit_lists[agency["danh_sach"]]["loai"]]
        # The verb of the letter's opening, as its kind's template writes it.
        verb = re.search(r"\{ban_hanh\} (giao|đề nghị|trân trọng gửi)", kind["mo_dau"]).group(1)
        common = dict(
            verb=verb,
            tasks=tasks,
            indicators=indicators,
            agency=agency["ma"],
            kind=kind,
            reports=kind["bao_cao"] is not None and kind["bieu_mau"] != "khong",
        )
        if "danh_sach" in agency:
            for unit in unit_lists[agency["danh_sach"]]["don_vi"]:
                lower = unit["ten"][0].lower() + unit["ten"][1:]
                result.append(
                    dict(
                        name=f"Ủy ban nhân dân {lower}",
                        key=file_key(f"UBND {lower}"),
                        header=["ỦY BAN NHÂN DÂN", lower.upper()],
                        parent=None,
                        **common,
                    )
                )
        else:
            parent = agency.get("co_quan_cap_tren")
            result.append(
                dict(
                    name=agency["ten"],
                    key=file_key(agency["ten_viet_tat"]),
                    header=[fill(line).upper() for line in agency.get("ten_tieu_de") or [agency["ten"]]],
                    # "|" in the parent line marks where it breaks (a line too long for the column).
                    parent="\n".join(part.strip() for part in fill(parent).split("|")).upper() if parent else None,
                    **common,
                )
            )
    for recipient in result:
        # Inside a sentence a generic name starts lower case: "giao các Ban của HĐND huyện".
        name = recipient["name"]
        recipient["in_sentence"] = name[0].lower() + name[1:] if name.startswith("Các ") else name
    return result


def paragraphs(path) -> list[str]:
    return [p.text.replace("\u00a0", " ") for p in docx.Document(str(path)).paragraphs]  # a no-break space is layout


def test_one_letter_and_one_form_per_recipient(built, expected):
    folder = built.output / str(YEAR)
    # 17 named bodies plus the 13 communes; the generic entry gets no letter; the elected body
    # (the HĐND committees) is not asked to report, so it gets no form.
    assert len(expected) == 30
    assert [r["key"] for r in expected if not r["reports"]] == ["Cac-Ban-cua-HDND-huyen"]
    letters = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/cong-van-*.docx"))
    forms = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/bao-cao-*.docx"))
    assert letters == sorted(f"{r['key']}/cong-van-{r['key']}.docx" for r in expected)
    assert forms == sorted(f"{r['key']}/bao-cao-{r['key']}.docx" for r in expected if r["reports"])
    for stem in letters + forms:
        assert (folder / stem).with_suffix(".pdf").is_file()


def test_each_letter_holds_exactly_its_tasks_and_verb(built, expected):
    folder = built.output / str(YEAR)
    for recipient in expected:
        text = paragraphs(folder / recipient["key"] / f"cong-van-{recipient['key']}.docx")
        opening = next(t for t in text if t.startswith("Thực hiện Kế hoạch số"))
        assert f"UBND huyện {recipient['verb']} {recipient['in_sentence']} " in opening, opening
        assert f"Kính gửi: {recipient['name']}." in text
        # "1. …" where the letter has more sections; alone, its one section is not numbered.
        heading = next(
            t for t in text if t in ("1. " + recipient["kind"]["muc_nhiem_vu"], recipient["kind"]["muc_nhiem_vu"])
        )
        start = text.index(heading) + 1
        # The tasks run to the next numbered section, or to the closing sentence where there is none.
        end = next(i for i in range(start, len(text)) if re.match(r"^\d+\. ", text[i]) or text[i].endswith("./."))
        assert text[start:end] == recipient["tasks"], recipient["name"]


def indicator_labels() -> dict[tuple[int, int], str]:
    """How letters and forms name each indicator: with the note of a number not yet confirmed
    (so_chua_xac_nhan), as the README documents."""
    return {
        (o["so"], i["so"]): f"Chỉ tiêu {i['so']} của Mục tiêu {o['so']}"
        + (f" ({i['so_chua_xac_nhan']})" if i.get("so_chua_xac_nhan") else "")
        for o in load("chi-tieu.yaml")["muc_tieu"]
        for i in o["chi_tieu"]
    }


def test_each_letter_lists_its_indicators_with_narrowing_and_text_or_a_blank(built, expected, fill):
    catalog = {(o["so"], i["so"]): i["noi_dung"] for o in load("chi-tieu.yaml")["muc_tieu"] for i in o["chi_tieu"]}
    label = indicator_labels()
    blank = fill(load("bieu-mau.yaml")["chi_tieu_chua_co"])
    cited = fill(load("chi-tieu.yaml")["trich_dan"])
    folder = built.output / str(YEAR)
    for recipient in expected:
        text = paragraphs(folder / recipient["key"] / f"cong-van-{recipient['key']}.docx")
        listed = [t for t in text if t.startswith("- Chỉ tiêu ")]
        wanted = [
            f"- {label[o, n]}{f' ({narrow})' if narrow else ''}: {fill(catalog[(o, n)]) if catalog[(o, n)] else blank}"
            for o, n, narrow in recipient["indicators"]
        ]
        assert listed == wanted, recipient["name"]
        if wanted:
            assert any(cited in t for t in text), recipient["name"]


def test_each_form_asks_for_its_tasks_activities_indicators_budget_and_views(built, expected, fill):
    folder = built.output / str(YEAR)
    form = load("bieu-mau.yaml")
    columns = form["cot"]
    catalog = [(o["so"], i) for o in load("chi-tieu.yaml")["muc_tieu"] for i in o["chi_tieu"]]
    rates = {(o, i["so"]) for o, i in catalog if i.get("ty_le")}
    measures = {(o, i["so"]): len(i.get("cac_muc", [])) for o, i in catalog}  # a row for each measure it sets
    label = indicator_labels()
    for recipient in (r for r in expected if r["reports"]):
        document = docx.Document(str(folder / recipient["key"] / f"bao-cao-{recipient['key']}.docx"))
        tables = {t.rows[0].cells[1].text: t for t in document.tables if t.rows[0].cells[0].text == columns["stt"]}
        # A no-break space reads as a space: where a line may break is layout, not text.
        names = lambda title: [row.cells[1].text.replace("\u00a0", " ") for row in tables[title].rows[1:]]  # noqa: E731
        assert names(columns["nhiem_vu"]) == [t.removeprefix("- ") for t in recipient["tasks"]], recipient["name"]
        assert names(columns["hoat_dong"]) == [a["ten"] for a in form["hoat_dong"]] + [columns["hoat_dong_khac"]]
        assert names(columns["nguon_kinh_phi"]) == form["kinh_phi"]
        assert names(columns["noi_dung"]) == [columns["kho_khan"], columns["de_xuat"]]
        if recipient["indicators"]:
            rows = names(columns["chi_tieu"])
            wanted = []
            for o, n, narrow in recipient["indicators"]:
                wanted += [f"{label[o, n]}{f' ({narrow})' if narrow else ''}"] * max(1, measures[o, n])
                if (o, n) in rates:
                    wanted += [columns["dong_tu_so"], columns["dong_mau_so"]]
            fixed = (columns["dong_tu_so"], columns["dong_mau_so"])
            assert [r if r in fixed else r.split(":")[0] for r in rows] == wanted, recipient["name"]
        else:
            assert columns["chi_tieu"] not in tables
        # Header rows repeat on every page and no row splits across pages.
        for table in tables.values():
            assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for row in table.rows)


def test_commune_form_is_issued_by_the_commune(built, expected):
    commune = next(r for r in expected if r["key"] == "UBND-xa-An-Khuong")
    document = docx.Document(str(built.output / str(YEAR) / commune["key"] / f"bao-cao-{commune['key']}.docx"))
    header = document.tables[0]
    # Decree 30: the issuing body's name in full, not "UBND".
    assert header.rows[0].cells[0].text.split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "XÃ AN KHƯƠNG"]
    assert header.rows[1].cells[1].text.startswith("An Khương, ngày")
    assert "TM. ỦY BAN NHÂN DÂN" in [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs]


def test_manifest_lists_every_recipient_with_existing_files(built, expected):
    folder = built.output / str(YEAR)
    with open(folder / "danh-sach-gui.csv", encoding="utf-8-sig", newline="") as handle:
        # The letter recipients' table, up to the header of the plan's Nơi nhận lines that follows it.
        rows = list(csv.DictReader(handle))
        rows = rows[: next(i for i, row in enumerate(rows) if row["STT"] == "STT")]
    assert [row["Nơi nhận"] for row in rows] == [r["name"] for r in expected]
    for row in rows:
        for name in row["Công văn"].split() + row["Biểu mẫu báo cáo"].split() + row["Kế hoạch"].split():
            assert (folder / name).is_file(), name
        assert bool(row["Biểu mẫu báo cáo"]) == next(r["reports"] for r in expected if r["name"] == row["Nơi nhận"])
        assert row["Có trong Nơi nhận của kế hoạch"].startswith(("trực tiếp", "qua nhóm", "qua dòng"))
    page = (folder / "danh-sach-gui.html").read_text(encoding="utf-8")
    assert (
        "Các phòng, ban, đơn vị liên quan: mục chung ở Tổ chức thực hiện; "
        "danh sách cơ quan ghi không gửi công văn riêng cho mục này"
    ) in page


def test_recipient_missing_from_noi_nhan_fails_the_build(content_copy):
    text = content_copy.text("ke-hoach.yaml")
    entry = text.index('- co_quan: "hoi-lhpn"')  # its section IV entry
    recipient = text.index('- co_quan: "hoi-lhpn"', text.index("\nnoi_nhan:"))  # its Nơi nhận line
    line_start = text.rindex("\n", 0, recipient) + 1
    content_copy.path("ke-hoach.yaml").write_text(
        text[:line_start] + text[text.index("\n", recipient) + 1 :], encoding="utf-8"
    )
    result = run_main(["build"], content_copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/ke-hoach.yaml:{text.count(chr(10), 0, entry) + 1}: to_chuc_thuc_hien[13].co_quan: "
        "“Hội Liên hiệp Phụ nữ huyện” được gửi công văn nhưng không có trong Nơi nhận của kế hoạch (noi_nhan), "
        "kể cả qua nhóm; thêm vào noi_nhan hoặc ghi gui_cong_van: false"
    )
    assert not content_copy.output.exists()


def test_agency_without_tasks_fails_the_build(content_copy):
    text = content_copy.text("ke-hoach.yaml")
    start = text.index('co_quan: "cong-an"')
    tasks = text.index("nhiem_vu:", start)
    task_line = text.index("\n", tasks) + 1
    task_end = text.index("\n", task_line) + 1
    content_copy.path("ke-hoach.yaml").write_text(text[:tasks] + "nhiem_vu: []\n" + text[task_end:], encoding="utf-8")
    line = text.count("\n", 0, tasks) + 1
    result = run_main(["build"], content_copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/ke-hoach.yaml:{line}: to_chuc_thuc_hien[10].nhiem_vu: “Công an huyện” được gửi công văn "
        "nhưng không có nhiệm vụ nào"
    )


def test_two_recipients_with_one_file_name_fail_the_build(content_copy):
    first = content_copy.line_of("co-quan.yaml", 'ten_viet_tat: "Phòng Tư pháp"')
    second = content_copy.replace_once("co-quan.yaml", 'ten_viet_tat: "Phòng Dân tộc"', 'ten_viet_tat: "Phòng Tư-pháp"')
    result = run_main(["build"], content_copy.base, cwd_folders=True)
    assert result.returncode == 1
    assert result.stderr_lines[0] == (
        f"content/{YEAR}/co-quan.yaml:{second}: co_quan.ten_viet_tat: “Phòng Tư-pháp” cho cùng tên tệp (Phong-Tu-phap) "
        f"với tên ở content/{YEAR}/co-quan.yaml:{first}; đổi một trong hai tên cho khác"
    )


# ---------------------------------------------------------------- the plan's layout checks, reused
def letter_and_form(built, key: str):
    folder = built.output / str(YEAR) / key
    return folder / f"cong-van-{key}.docx", folder / f"bao-cao-{key}.docx"


def test_every_letter_passes_the_decree_30_checks(built, expected, fill, issuer_content):
    import nd30

    plan = load("ke-hoach.yaml")
    subject = "V/v " + fill(load("cong-van.yaml")["trich_yeu"])
    subject = "V/v " + subject[4].lower() + subject[5:]
    signer = plan["nguoi_ky"]
    lines = signature_lines(plan, issuer_content)
    for recipient in expected:
        document = docx.Document(str(letter_and_form(built, recipient["key"])[0]))
        nd30.check_page(document)
        nd30.check_fonts(document)
        nd30.check_header(
            document,
            type_name=None,
            title=subject,
            agency_lines=[fill(ln).upper() for ln in issuer_content["dong_tieu_de"]],
        )
        nd30.check_addressees(document, [f"Kính gửi: {recipient['name']}."])
        nd30.check_body(document, type_name=None, title=subject, addressees=[f"Kính gửi: {recipient['name']}."])
        nd30.check_signature(document, lines=lines, name=signer["ho_ten"], addressed=True)


def form_addressee(recipient: dict, fill) -> str:
    """To the committee; through the body that collects the reports, unless it is that body's own."""
    plan = load("ke-hoach.yaml")
    committee = fill(load("co-quan-ban-hanh.yaml")["ten"])
    receiver = {a["ma"]: a for a in load("co-quan.yaml")["co_quan"]}[plan["bao_cao"]["noi_nhan_bao_cao"]]
    if recipient["agency"] == receiver["ma"]:
        return f"Kính gửi: {committee}."
    return f"Kính gửi: {committee} (qua {receiver['ten']})."


def check_form(document, recipient: dict, fill) -> None:
    import nd30

    title = fill(load("bieu-mau.yaml")["trich_yeu"])
    addressees = [form_addressee(recipient, fill)]
    nd30.check_page(document)
    nd30.check_fonts(document)
    nd30.check_header(
        document,
        type_name="BÁO CÁO",
        title=title,
        type_code="BC",
        agency_lines=recipient["header"],
        parent_agency=recipient["parent"],
    )
    nd30.check_addressees(document, addressees)
    # A form ends with lines to write on, not with a paragraph ending "./.".
    nd30.check_body(document, type_name="BÁO CÁO", title=title, addressees=addressees, end_mark=False)


def short(date: dict) -> str:
    return f"{date['ngay']:02d}/{date['thang']:02d}/{date['nam']}"


def test_every_form_is_addressed_to_the_committee_and_headed_with_its_unit_on_lines_that_fit(built, expected, fill):
    import nd30
    from generator.writers import layout

    reporting = load("ke-hoach.yaml")["bao_cao"]
    for recipient in (r for r in expected if r["reports"]):
        document = docx.Document(str(letter_and_form(built, recipient["key"])[1]))
        texts = [p.text.replace("\u00a0", " ") for p in document.paragraphs]
        assert form_addressee(recipient, fill) in texts, recipient["key"]
        collects = recipient["agency"] == reporting["noi_nhan_bao_cao"]
        due = short(reporting["han_tong_hop"] if collects else reporting["han_bao_cao"])
        # The deadline is an instruction, printed after the signature, not in the body the unit signs.
        assert (
            f"- Thời hạn gửi báo cáo: trước ngày {due}."
            in texts[texts.index(load("bieu-mau.yaml")["tieu_de_huong_dan"]) :]
        ), recipient["key"]
        lines = [
            p.text.replace("\u00a0", " ") for p in document.tables[0].rows[0].cells[0].paragraphs if p.text.strip()
        ]
        # A Party body's name is marked with a star under it (Hướng dẫn 36-HD/VPTW).
        mark = ["*"] if recipient["kind"]["bieu_mau"] == "dang" else []
        assert lines == ([recipient["parent"]] if recipient["parent"] else []) + recipient["header"] + mark
        lines = [line for line in lines if line != "*"]
        # Each line is laid out as given: none is so long that it wraps in the header's left column.
        for line in (part for text in lines for part in text.split("\n")):
            assert nd30.measure_mm(line, layout.AGENCY_PT, bold=True) <= layout.HEADER_LEFT_MM, (recipient["key"], line)


def test_the_report_paragraph_of_each_letter_fits_the_relation_and_who_collects(built, expected):
    reporting = load("ke-hoach.yaml")["bao_cao"]
    receiver = {a["ma"]: a for a in load("co-quan.yaml")["co_quan"]}[reporting["noi_nhan_bao_cao"]]
    for recipient in expected:
        texts = paragraphs(letter_and_form(built, recipient["key"])[0])
        if not recipient["reports"]:
            # Not asked to report: no reporting section, no copy to the collecting office.
            assert not any("báo cáo" in t and "trước ngày" in t for t in texts), recipient["key"]
            assert not any(t.endswith("(t/h);") for t in texts), recipient["key"]
            continue
        if recipient["agency"] == receiver["ma"]:
            expected_text = (
                "Tổng hợp kết quả thực hiện của các cơ quan, đơn vị, địa phương và kết quả của đơn vị mình (theo biểu mẫu "
                f"kèm theo), báo cáo UBND huyện trước ngày {short(reporting['han_tong_hop'])}."
            )
        else:
            asked = "Báo cáo" if recipient["verb"] == "giao" else f"Đề nghị {recipient['in_sentence']} gửi báo cáo"
            expected_text = (
                f"{asked} kết quả thực hiện Tháng hành động (theo biểu mẫu kèm theo) về UBND huyện "
                f"(qua {receiver['ten']}) trước ngày {short(reporting['han_bao_cao'])} để tổng hợp, báo cáo theo quy định."
            )
        assert expected_text in texts, recipient["key"]


@pytest.mark.parametrize("key", ["UBND-xa-An-Khuong", "UBND-thi-tran-Tan-Khai"])
def test_commune_report_forms_pass_the_decree_30_checks(built, expected, fill, key):
    recipient = next(r for r in expected if r["key"] == key)
    document = docx.Document(str(letter_and_form(built, key)[1]))
    check_form(document, recipient, fill)


def test_agency_report_form_leaves_its_symbol_to_the_agency_unless_the_content_gives_it(
    built, expected, fill, content_copy, tmp_path
):
    from generator.content.distribution import distribution
    from generator.checks import load_edition
    from generator.document.report_form import build_report_form
    from generator.writers.docx import render_docx

    recipient = next(r for r in expected if r["key"] == "Phong-Tu-phap")
    document = docx.Document(str(letter_and_form(built, recipient["key"])[1]))
    assert document.tables[0].rows[1].cells[0].paragraphs[0].text == "Số:      /BC-      "
    # With its code in co-quan.yaml, the form carries a complete symbol and passes every check.
    content_copy.replace_once(
        "co-quan.yaml", '    ten: "Phòng Tư pháp"\n', '    ten: "Phòng Tư pháp"\n    ky_hieu: "TP"\n'
    )
    edition = load_edition(content_copy.folder)
    served = next(r for r in distribution(edition)[0].recipients if r.key == recipient["key"])
    path = tmp_path / "form.docx"
    path.write_bytes(render_docx(build_report_form(edition, served), TEMPLATES / "van-ban.docx"))
    document = docx.Document(str(path))
    assert document.tables[0].rows[1].cells[0].paragraphs[0].text == "Số:      /BC-TP"
    check_form(document, recipient, fill)


@pytest.mark.parametrize("kind", ["cong-van", "bao-cao"])
def test_letter_and_form_pdfs_are_a4_numbered_with_embedded_fonts(built, kind):
    """(That they show the words of their DOCX is checked for every PDF in test_golden.py.)"""
    import nd30
    from pypdf import PdfReader

    key = "Phong-VH-TT"
    reader = PdfReader(str(built.output / str(YEAR) / key / f"{kind}-{key}.pdf"))
    nd30.check_pdf_pages(reader)
    nd30.check_pdf_fonts(reader)


def test_the_distribution_list_prints_on_a4_landscape(built):
    """Printed from the browser (print media, as WeasyPrint renders it), its dozen columns get a
    landscape page's width."""
    import weasyprint

    pages = weasyprint.HTML(str(built.output / str(YEAR) / "danh-sach-gui.html")).render().pages
    assert all(round(page.width * 25.4 / 96) == 297 and round(page.height * 25.4 / 96) == 210 for page in pages)
