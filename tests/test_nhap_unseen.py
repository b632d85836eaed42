"""`nhap` on shapes clerks type that the first importer got wrong (tools/measure_unseen.py found
them on plans it had never seen): rules typed as underscores, italic words, sections after Tổ chức
thực hiện, body headings without a colon, a deadline written in words, a PDF's tab after a number.
Every Word input is typed here with python-docx, a few paragraphs each."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.checks import load_edition
from generator.cli import main
from generator.content.distribution import distribution
from generator.document.plan import build_plan
from generator.importing.emit import content_text
from generator.importing.pdf import Fragment, _separated, unwrapped
from generator.importing.pdf import _paragraph as pdf_paragraph
from generator.writers.docx import render_docx

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "van-ban.docx"
TITLE = "Thực hiện công tác gia đình trên địa bàn xã Tân Lập năm 2026"
CLOSING = "Trên đây là Kế hoạch của Ủy ban nhân dân xã Tân Lập./."


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _cell(cell, lines) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _paragraph(document, parts) -> None:
    """parts: a string, or (text, "b"/"i"/"bi") pairs."""
    p = document.add_paragraph()
    for part in [parts] if isinstance(parts, str) else parts:
        text, style = (part, "") if isinstance(part, str) else part
        run = p.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None


def typed_plan(path: Path, body: list, *, recipients=("- Lưu: VT.",), tabbed: bool = False) -> Path:
    """A commune plan typed as a clerk does: header in a borderless table with "____" rules under
    the agency and the motto, a "____" rule under the trích yếu, then `body`, then the signature."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    _no_borders(header)
    _cell(header.rows[0].cells[0], ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "________"])
    _cell(header.rows[0].cells[1], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______"])
    _cell(header.rows[1].cells[0], ["Số: 12/KH-UBND"])
    _cell(header.rows[1].cells[1], ["Tân Lập, ngày 02 tháng 3 năm 2026"])
    for parts in [[("KẾ HOẠCH", "b")], [(TITLE, "b")], "__________", *body, CLOSING]:
        _paragraph(document, parts)
    signer = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lê Thị Hoa"]
    if tabbed:  # the two columns typed side by side, kept apart by a tab
        left = ["Nơi nhận:", *recipients]
        for index in range(max(len(left), len(signer))):
            right = signer[index] if index < len(signer) else ""
            _paragraph(document, (left[index] if index < len(left) else "") + (f"\t{right}" if right else ""))
    else:
        signature = document.add_table(rows=1, cols=2)
        _no_borders(signature)
        _cell(signature.rows[0].cells[0], ["Nơi nhận:", *recipients])
        _cell(signature.rows[0].cells[1], signer)
    document.save(path)
    return path


def imported(tmp_path: Path, source: Path):
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(source)]) == 0
    return load_edition(content / "2026")


def rebuilt(edition) -> docx.Document:
    return docx.Document(io.BytesIO(render_docx(build_plan(edition), TEMPLATE)))


def shown(document) -> list[str]:
    texts = [re.sub(r"\s+", " ", p.text).strip() for p in document.paragraphs]
    return [t for t in texts if t]


def typed_body(body: list) -> list[str]:
    texts = [t if isinstance(t, str) else "".join(p if isinstance(p, str) else p[0] for p in t) for t in body]
    return [re.sub(r"\s+", " ", t).strip() for t in texts]


TASKS = [
    [("I.\tTỔ CHỨC THỰC HIỆN", "b")],
    [("1.\tPhòng Văn hóa - Xã hội:", "b")],
    "Tham mưu Ủy ban nhân dân xã triển khai Kế hoạch.",
]


def test_typed_rules_are_neither_agency_lines_nor_paragraphs(tmp_path):
    body = ["Ủy ban nhân dân xã ban hành Kế hoạch như sau:", *TASKS]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    assert [edition.plain(line).upper() for line in edition.issuer.header_lines] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]
    assert edition.issuer.parent_agency is None
    assert edition.plan.opening == ["Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]
    assert not any("___" in text for text in shown(rebuilt(edition)))


def test_italic_words_stay_italic_and_only_they(tmp_path):
    basis = "Căn cứ Luật Hôn nhân và gia đình ngày 19 tháng 6 năm 2014."
    body = [
        [(basis, "i")],
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
        [("I.\tNỘI DUNG", "b")],
        [("1.\tHoạt động", "b")],
        [("a)\tChủ đề: ", "i"), "“Gia đình bình đẳng, không bạo lực”."],
        *[[("II.\tTỔ CHỨC THỰC HIỆN", "b")], *TASKS[1:]],
    ]
    plan = rebuilt(imported(tmp_path, typed_plan(tmp_path / "kh.docx", body)))
    assert shown(plan)[2 : 2 + len(body)] == typed_body(body)
    paragraphs = {re.sub(r"\s+", " ", p.text).strip(): p for p in plan.paragraphs}
    assert all(run.italic for run in paragraphs[basis].runs if run.text.strip())
    theme = paragraphs["a) Chủ đề: “Gia đình bình đẳng, không bạo lực”."]
    italic = "".join(run.text for run in theme.runs if run.italic).strip()
    assert italic == "Chủ đề:"


def test_sections_after_the_organisation_stay_after_it_with_their_numbers(tmp_path, capsys):
    body = [
        [("I.\tMỤC ĐÍCH", "b")],
        "Nâng cao nhận thức về gia đình.",
        *[[("II.\tTỔ CHỨC THỰC HIỆN", "b")], *TASKS[1:]],
        [("III.\tKINH PHÍ", "b")],
        "Kinh phí bố trí trong dự toán của xã.",
        [("IV.\tCHẾ ĐỘ BÁO CÁO", "b")],
        "Báo cáo kết quả trước ngày 20 tháng 11 năm 2026.",
    ]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    assert [s.title for s in edition.plan.sections_after] == ["KINH PHÍ", "CHẾ ĐỘ BÁO CÁO"]
    assert shown(rebuilt(edition))[2 : 3 + len(body)] == [*typed_body(body), CLOSING]
    deadline = edition.plan.reporting.deadline
    assert (deadline.year, deadline.month, deadline.day) == (2026, 11, 20)


def test_body_headings_without_a_colon_are_bodies_and_print_as_typed(tmp_path):
    body = [
        [("I.\tTỔ CHỨC THỰC HIỆN", "b")],
        [("1.\tSở Giáo dục và Đào tạo", "b")],
        "Chỉ đạo các trường lồng ghép nội dung gia đình.",
        [("2.\tĐề nghị Hội Liên hiệp Phụ nữ xã", "b")],
        "Vận động hội viên tham gia.",
        [("3.\tChế độ thông tin, báo cáo", "b")],
        "Các đơn vị báo cáo định kỳ hằng quý.",
        [("4.\tHội nghị sơ kết", "b")],
        "Tổ chức vào tháng 12 năm 2026.",
    ]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    entries = edition.plan.assignments
    names = [[edition.plain(edition.agency(a).name) for a in entry.agencies] for entry in entries]
    assert names == [["Sở Giáo dục và Đào tạo"], ["Hội Liên hiệp Phụ nữ xã"], [], []]
    assert edition.agency(entries[1].agencies[0]).kind == "de-nghi"
    assert edition.plan.colon_after_bodies is False
    assert shown(rebuilt(edition))[2 : 3 + len(body)] == [*typed_body(body), CLOSING]


def test_one_heading_with_a_colon_keeps_the_colons(tmp_path):
    body = [*TASKS, [("2.\tCông an xã", "b")], "Giữ gìn an ninh trật tự."]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    assert edition.plan.colon_after_bodies is True
    assert [len(entry.agencies) for entry in edition.plan.assignments] == [1, 1]


def test_a_number_set_before_a_tab_in_a_pdf_gets_its_space_back():
    line = [Fragment(0, 121, 700, "I.", True), Fragment(0, 157, 700, "MỤC ĐÍCH, YÊU CẦU", True)]
    assert "".join(text for text, _ in _separated(line)).split() == ["I.", "MỤC", "ĐÍCH,", "YÊU", "CẦU"]
    words = [Fragment(0, 85, 600, "Tuyên truyền ", False), Fragment(0, 150, 600, "trên loa", True)]
    assert "".join(text for text, _ in _separated(words)) == "Tuyên truyền trên loa"


def test_hamlets_and_schools_named_together_on_one_line_get_a_letter_each(tmp_path):
    body = [
        *TASKS,
        [("2.\tBan Nhân dân các thôn:", "b"), " Tuyên truyền tại nhà văn hóa thôn."],
        [("3.\tCác trường Mầm non, Tiểu học trên địa bàn xã:", "b"), " Lồng ghép vào hoạt động ngoại khóa."],
    ]
    lines = [
        "- Phòng Văn hóa - Xã hội;",
        "- Ban Nhân dân thôn Đông, thôn Tây;",
        "- Trường MN Tân Lập, Trường TH Tân Lập;",
    ]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body, recipients=[*lines, "- Lưu: VT."]))
    letters, problems = distribution(edition)
    assert not problems
    assert [r.name for r in letters.recipients] == [
        "Phòng Văn hóa - Xã hội",
        "Ban Nhân dân thôn Đông",
        "Ban Nhân dân thôn Tây",
        "Trường MN Tân Lập",
        "Trường TH Tân Lập",
    ]
    plan = rebuilt(edition)
    signature = plan.tables[-1].rows[0].cells[0]
    assert [re.sub(r"\s+", " ", p.text).strip() for p in signature.paragraphs][1:4] == lines
    assert shown(plan)[2 : 3 + len(body)] == [*typed_body(body), CLOSING]


def test_a_pdfs_italic_font_keeps_its_words_italic():
    line = [Fragment(0, 121, 700, "a)", False, True), Fragment(0, 157, 700, "Chủ đề: ", False, True)]
    line.append(Fragment(0, 220, 700, "“Gia đình”.", False))
    paragraph = pdf_paragraph(_separated(line), 1)
    assert paragraph.level == 3
    assert content_text(paragraph.text) == "*Chủ đề:* “Gia đình”."


def test_a_pdfs_nơi_nhận_line_wrapped_in_its_column_is_one_line():
    printed = ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Ban Nhân dân thôn Đông, thôn", "Tây;", "- Lưu: VT."]
    assert unwrapped(printed) == [
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Ban Nhân dân thôn Đông, thôn Tây;",
        "- Lưu: VT.",
    ]


def _spaced_header_plan(path: Path, body: list, *, numbered_style: bool = False) -> Path:
    """The header typed as lines whose two columns are kept apart by spaces (no table, no tab);
    with numbered_style, the sections numbered I., II. by a paragraph style (the list is the style's)."""
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "     XÃ NAM SƠN                     Độc lập - Tự do - Hạnh phúc",
        "  Số: 33/KH-UBND             Nam Sơn, ngày 10 tháng 02 năm 2026",
    ):
        _paragraph(document, line)
    if numbered_style:
        numbering = document.part.numbering_part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), "77")
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, value in (("w:numFmt", "upperRoman"), ("w:lvlText", "%1.")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
        numbering.find(qn("w:num")).addprevious(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), "77")
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "77")
        num.append(ref)
        numbering.append(num)
        style = document.styles.add_style("Muc La Ma", 1)
        num_pr = OxmlElement("w:numPr")
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), "77")
        num_pr.append(num_id)
        style.element.get_or_add_pPr().append(num_pr)
    for parts in [[("KẾ HOẠCH", "b")], [(TITLE, "b")], *body, CLOSING]:
        if isinstance(parts, tuple):  # ("style", text): a paragraph numbered by its style
            document.add_paragraph(style="Muc La Ma").add_run(parts[1]).bold = True
        else:
            _paragraph(document, parts)
    signature = document.add_table(rows=1, cols=2)
    _cell(signature.rows[0].cells[0], ["Nơi nhận:", "- Lưu: VT."])
    _cell(signature.rows[0].cells[1], ["CHỦ TỊCH", "", "Phạm Văn Tâm"])
    document.save(path)
    return path


def test_a_header_whose_columns_are_kept_apart_by_spaces(tmp_path):
    edition = imported(tmp_path, _spaced_header_plan(tmp_path / "kh.docx", TASKS))
    issuer = edition.issuer
    assert [edition.plain(line).upper() for line in issuer.header_lines] == ["ỦY BAN NHÂN DÂN", "XÃ NAM SƠN"]
    assert issuer.place == "Nam Sơn"
    assert edition.plan.document.number == 33


def test_sections_numbered_by_their_paragraph_style(tmp_path):
    body = [("style", "MỤC ĐÍCH"), "Giảm số vụ bạo lực gia đình.", ("style", "TỔ CHỨC THỰC HIỆN"), *TASKS[1:]]
    edition = imported(tmp_path, _spaced_header_plan(tmp_path / "kh.docx", body, numbered_style=True))
    assert [section.title for section in edition.plan.sections] == ["MỤC ĐÍCH"]
    assert len(edition.plan.assignments) == 1 and edition.plan.assignments[0].agencies
    assert shown(rebuilt(edition))[2:6] == [
        "I. MỤC ĐÍCH",
        "Giảm số vụ bạo lực gia đình.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa - Xã hội:",
    ]


def test_bases_typed_with_other_endings_get_decree_30_s_and_are_pointed_out(tmp_path):
    import nd30

    bases = ["Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006", "Căn cứ Luật Phòng, chống bạo lực gia đình;"]
    body = [*([(text, "i")] for text in bases), "Ủy ban nhân dân xã ban hành Kế hoạch như sau:", *TASKS]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    # The words are the clerk's; only the endings Decree 30 sets are put: ";" then "." on the last.
    assert edition.plan.opening[:2] == [f"*{bases[0]};*", f"*{bases[1][:-1]}.*"]
    lines = (tmp_path / "content" / "2026" / "ke-hoach.yaml").read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if bases[0] in line)
    last = next(line for line in lines if bases[1][:-1] in line)
    assert "# KIỂM TRA:" in first and "không có dấu" in first and "«;»" in first
    assert "# KIỂM TRA:" in last and "«;»" in last and "«.»" in last
    nd30.check_body(rebuilt(edition), type_name="KẾ HOẠCH", title=TITLE)


def test_bases_carried_on_by_a_thuc_hien_line_keep_their_semicolon(tmp_path):
    """A plan's grounds often go on "Thực hiện Kế hoạch số …;" after the last "Căn cứ": that "Căn
    cứ" line keeps its ";" (a "." there was followed by a line ending ";")."""
    bases = ["Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;", "Căn cứ Luật Phòng, chống bạo lực gia đình;"]
    carried = "Thực hiện Kế hoạch số 112/KH-SVHTTDL ngày 05/01/2026 của Sở Văn hóa, Thể thao và Du lịch;"
    body = [*bases, carried, "Ủy ban nhân dân xã ban hành Kế hoạch như sau:", *TASKS]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", body))
    assert edition.plan.opening[:3] == [*bases, carried]
    text = (tmp_path / "content" / "2026" / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert "dòng căn cứ" not in text  # nothing marked: the source was right


def test_nơi_nhận_and_signature_typed_side_by_side_with_tabs(tmp_path):
    lines = ["- Phòng Văn hóa - Xã hội;", "- Lưu: VT."]
    edition = imported(tmp_path, typed_plan(tmp_path / "kh.docx", TASKS, recipients=lines, tabbed=True))
    signer = edition.plan.signature
    assert (signer.title, signer.name) == (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Thị Hoa")
    assert edition.plan.archive == ["VT"]
    cell = rebuilt(edition).tables[-1].rows[0].cells[0]
    assert [re.sub(r"\s+", " ", p.text).strip() for p in cell.paragraphs] == ["Nơi nhận:", *lines]
