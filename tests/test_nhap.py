"""`nhap`: a Kế hoạch typed in Word (built here with python-docx) becomes content that builds the same plan."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import needs_symlinks

from generator.cli import main
from generator.checks import load_edition
from generator.content.distribution import distribution
from generator.document.plan import build_plan
from generator.writers.docx import render_docx

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "van-ban.docx"
ROOTS = Path(__file__).resolve().parent / "roots"

OPENING = "Để triển khai công tác bình đẳng giới năm 2026, UBND xã ban hành Kế hoạch như sau:"
CLOSING = "UBND xã yêu cầu các đơn vị triển khai thực hiện./."
# (marker, text, bold prefix length: None = not bold, 0 = all bold)
BODY = [
    ("I.", "MỤC ĐÍCH, YÊU CẦU", 0),
    ("1.", "Mục đích", 0),
    ("a)", "Nâng cao nhận thức về bình đẳng giới trong cán bộ, nhân dân.", None),
    ("-", "Tuyên truyền tại khu dân cư.", None),
    ("+", "Treo băng rôn, khẩu hiệu.", None),
    ("+", "Phát thanh trên loa truyền thanh.", None),
    ("-", "Tổ chức hội nghị.", None),
    ("b)", "Phòng ngừa bạo lực trên cơ sở giới.", None),
    ("2.", "Yêu cầu: Bám sát nhiệm vụ, phù hợp tình hình thực tế.", len("Yêu cầu:")),
    ("II.", "TỔ CHỨC THỰC HIỆN", 0),
    ("1.", "Phòng Văn hóa - Xã hội:", 0),
    ("-", "Tham mưu UBND xã triển khai Kế hoạch; tổng hợp báo cáo trước ngày 10/12/2026.", None),
    ("-", "Theo dõi, đôn đốc các đơn vị.", None),
    ("2.", "Đề nghị Hội Liên hiệp Phụ nữ xã:", 0),
    (None, "Tuyên truyền đến hội viên.", None),
    ("3.", "Công an xã:", 0),
    (None, "Phát hiện, xử lý kịp thời các vụ bạo lực gia đình.", None),
]
RECIPIENTS = ["Phòng Văn hóa - Xã hội", "Hội LHPN xã", "Công an xã"]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Thị Mẫu"]
LEVELS = {"I.": 0, "II.": 0, "1.": 1, "2.": 1, "3.": 1, "a)": 2, "b)": 2, "-": 3, "+": 4}


def _header(document, as_table: bool) -> None:
    left = ["ỦY BAN NHÂN DÂN", "XÃ MẪU SƠN"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if as_table:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "\n".join(left)
        table.cell(0, 1).text = "\n".join(right)
        table.cell(1, 0).text = "Số: 12/KH-UBND"
        table.cell(1, 1).text = "Mẫu Sơn, ngày 5 tháng 3 năm 2026"
    else:
        for one, two in zip(left, right, strict=True):
            document.add_paragraph(f"{one}\t{two}")
        document.add_paragraph("Số: 12/KH-UBND\tMẫu Sơn, ngày 5 tháng 3 năm 2026")


def _numbering(document) -> dict[str, int]:
    """An abstract numbering I. / 1. / a) / - / + in numbering.xml, as Word writes for a multilevel list."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (fmt, text) in enumerate(
        [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-"), ("bullet", "+")]
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:numFmt", fmt), ("w:lvlText", text)):
            node = OxmlElement(tag)
            node.set(qn("w:val"), value)
            lvl.append(node)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return LEVELS


def _numbered(paragraph, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", "90")):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        num_pr.append(node)
    properties.append(num_pr)


def word_plan(path: Path, *, automatic: bool = False, header_table: bool = True, body=BODY, tab: bool = False) -> Path:
    """A plan as a clerk types it in Word."""
    document = docx.Document()
    _header(document, header_table)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Thực hiện công tác bình đẳng giới trên địa bàn xã Mẫu Sơn năm 2026").bold = True
    document.add_paragraph(OPENING)
    if automatic:
        _numbering(document)
    for marker, text, bold in body:
        paragraph = document.add_paragraph()
        if automatic and marker:
            _numbered(paragraph, LEVELS[marker])
            prefix = ""
        else:
            prefix = f"{marker}{chr(9) if tab else ' '}" if marker else ""
        if bold is None:
            paragraph.add_run(prefix + text)
        elif bold == 0:
            paragraph.add_run(prefix + text).bold = True
        else:
            paragraph.add_run(prefix + text[:bold]).bold = True
            # Word splits runs mid-word after edits: the rest comes in two pieces.
            paragraph.add_run(text[bold : bold + 4])
            paragraph.add_run(text[bold + 4 :])
    document.add_paragraph(CLOSING)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(["Nơi nhận:", *(f"- {r};" for r in RECIPIENTS), "- Lưu: VT, VHXH."])
    table.cell(0, 1).text = "\n".join(SIGNER)
    document.save(path)
    return path


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def body_paragraphs(source) -> list[str]:
    """Every non-empty paragraph outside tables, as read back by python-docx."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else source)
    return [_normal(p.text) for p in document.paragraphs if p.text.strip()]


def cell_lines(source) -> list[str]:
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else source)
    return [
        _normal(t) for table in document.tables for c in table.rows[-1].cells for t in c.text.split("\n") if t.strip()
    ]


def expected_body(typed: bool = True) -> list[str]:
    lines = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới trên địa bàn xã Mẫu Sơn năm 2026", OPENING]
    lines += [f"{m} {t}" if m else t for m, t, _ in BODY]
    return lines + [CLOSING]


def imported(tmp_path: Path, source: Path, *extra: str) -> tuple[int, Path]:
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    code = main(["--content", str(content), "nhap", str(source), *extra])
    return code, content


def rebuilt(folder: Path) -> bytes:
    return render_docx(build_plan(load_edition(folder)), TEMPLATE)


@pytest.mark.parametrize(
    "shape", [{"header_table": True}, {"header_table": False, "tab": True}, {"automatic": True}], ids=str
)
def test_typed_plan_builds_word_for_word(tmp_path, shape, capsys):
    source = word_plan(tmp_path / "ke-hoach-go-tay.docx", **shape)
    code, content = imported(tmp_path, source)
    assert code == 0, capsys.readouterr().err
    plan = rebuilt(content / "2026")
    assert body_paragraphs(plan) == expected_body()
    # The typed source without its header, word for word (tabs read as spaces).
    if not shape.get("automatic"):
        assert body_paragraphs(plan)[-len(expected_body()) :] == body_paragraphs(source)[-len(expected_body()) :]
    lines = cell_lines(plan)
    assert [f"- {r};" for r in RECIPIENTS] == [line for line in lines if line.startswith("- ") and "Lưu" not in line]
    assert "- Lưu: VT, VHXH." in lines
    assert "Trần Thị Mẫu" in lines and "KT. CHỦ TỊCH" in lines and "TM. ỦY BAN NHÂN DÂN" in lines


def test_bodies_get_letters_with_guessed_kinds(tmp_path):
    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx"))
    assert code == 0
    edition = load_edition(content / "2026")
    kinds = {agency.name: agency.kind for agency in edition.registry.agencies}
    assert kinds == {"Phòng Văn hóa - Xã hội": "giao", "Hội Liên hiệp Phụ nữ xã": "de-nghi", "Công an xã": "giao"}
    letters = distribution(edition)[0].recipients
    assert len(letters) == 3
    text = (content / "2026" / "co-quan.yaml").read_text(encoding="utf-8")
    assert "# KIỂM TRA: loại đoán từ chữ «đề nghị»" in text
    plan = edition.plan
    assert plan.assignments[1].tasks == ["Tuyên truyền đến hội viên."]
    assert plan.sections[0].items[1].run_in and plan.sections[0].items[1].title == "Yêu cầu:"
    assert (plan.reporting.deadline.day, plan.reporting.deadline.month) == (10, 12)


def test_check_lists_unconfirmed_guesses(tmp_path, capsys):
    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx"))
    assert code == 0
    capsys.readouterr()
    assert main(["--content", str(content), "check", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    shown = [line for line in out.splitlines() if "KIỂM TRA" in line]
    files = list((content / "2026").glob("*.yaml"))
    total = sum(f.read_text(encoding="utf-8").count("# KIỂM TRA:") for f in files)
    assert total > 5 and len(shown) == total
    # Deleting a comment confirms it.
    path = content / "2026" / "co-quan-ban-hanh.yaml"
    path.write_text(re.sub(r"  # KIỂM TRA:.*", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["--content", str(content), "check", "--year", "2026"]) == 0
    assert len([line for line in capsys.readouterr().out.splitlines() if "KIỂM TRA" in line]) < total


@pytest.mark.parametrize("root", ["xa-mau", "tinh-mau"])
def test_round_trip_of_a_built_plan(tmp_path, root, capsys):
    copy = tmp_path / "goc"
    shutil.copytree(ROOTS / root, copy)
    built = rebuilt(copy / "2026")
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(built)
    code, content = imported(tmp_path, source)
    assert code == 0, capsys.readouterr().err
    again = rebuilt(content / "2026")
    assert body_paragraphs(again) == body_paragraphs(built)
    assert cell_lines(again) == cell_lines(built)


def _nothing_written(content: Path) -> bool:
    return list(content.iterdir()) == []


def _fails(tmp_path, source, capsys, *extra) -> str:
    code, content = imported(tmp_path, source, *extra)
    err = capsys.readouterr().err
    assert code == 1
    assert _nothing_written(content)
    assert len(err.strip().splitlines()) == 1 and err.startswith("Lỗi: ")
    return err


def test_not_a_plan(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("Biên bản họp tổ dân phố")
    document.save(tmp_path / "bien-ban.docx")
    assert "không phải một kế hoạch" in _fails(tmp_path, tmp_path / "bien-ban.docx", capsys)


def test_docm_encrypted_and_entities_refused(tmp_path, capsys):
    macro = word_plan(tmp_path / "kh.docx")
    shutil.copy(macro, tmp_path / "kh.docm")
    assert ".docm" in _fails(tmp_path, tmp_path / "kh.docm", capsys)
    encrypted = tmp_path / "mat-khau.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)  # an OLE file, as Word encrypts
    assert "mật khẩu" in _fails(tmp_path, encrypted, capsys)
    entity = tmp_path / "entity.docx"
    with zipfile.ZipFile(macro) as old, zipfile.ZipFile(entity, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            new.writestr(info, data)
    assert "DOCTYPE" in _fails(tmp_path, entity, capsys)


def test_too_large_refused(tmp_path, capsys):
    big = tmp_path / "lon.docx"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert "20 MB" in _fails(tmp_path, big, capsys)


def test_existing_year_not_overwritten(tmp_path, capsys):
    content = tmp_path / "content"
    (content / "2026").mkdir(parents=True)
    (content / "2026" / "ke-hoach.yaml").write_text("giữ nguyên\n", encoding="utf-8")
    code = main(["--content", str(content), "nhap", str(word_plan(tmp_path / "kh.docx"))])
    err = capsys.readouterr().err
    assert code == 1 and "không ghi đè" in err and len(err.strip().splitlines()) == 1
    assert [p.name for p in content.iterdir()] == ["2026"]
    assert (content / "2026" / "ke-hoach.yaml").read_text(encoding="utf-8") == "giữ nguyên\n"


def test_no_organisation_section_imports_with_warning(tmp_path, capsys):
    body = [line for line in BODY[:9]]
    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx", body=body))
    out = capsys.readouterr().out
    assert code == 0
    assert "không có công văn, biểu mẫu nào được tạo" in out
    edition = load_edition(content / "2026")
    assert len(edition.plan.assignments) == 1 and distribution(edition)[0].recipients == ()


@needs_symlinks
def test_year_option_and_a_link_named_like_the_year(tmp_path, capsys):
    source = word_plan(tmp_path / "kh.docx")
    code, content = imported(tmp_path, source, "--year", "2027")
    assert code == 0
    edition = load_edition(content / "2027")
    assert edition.plan.document.date.year == 2027 and edition.plan.document.date.month is None
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    (content / "2028").symlink_to(elsewhere, target_is_directory=True)
    capsys.readouterr()
    assert main(["--content", str(content), "nhap", str(source), "--year", "2028"]) == 1
    assert "liên kết" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in content.iterdir()) == ["2027", "2028"]


def test_a_plan_printed_to_pdf(tmp_path, capsys):
    """The PDF of a built plan (its text layer) imports to a plan with the same paragraphs."""
    from conftest import run_build

    copy = tmp_path / "goc"
    shutil.copytree(ROOTS / "xa-mau", copy)
    built = run_build(copy, tmp_path / "out", 2026)
    code, content = imported(tmp_path, built.plan_pdf)
    assert code == 0, capsys.readouterr().err
    again = rebuilt(content / "2026")
    original = built.plan_docx.read_bytes()
    assert body_paragraphs(again) == body_paragraphs(original)
    assert cell_lines(again) == cell_lines(original)


def test_a_scanned_pdf_is_refused(tmp_path, capsys):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (tmp_path / "ban-quet.pdf").open("wb") as handle:
        writer.write(handle)
    assert "không có lớp chữ" in _fails(tmp_path, tmp_path / "ban-quet.pdf", capsys)


VARIED = [
    ("I.", "MỤC ĐÍCH", None),  # a section heading the clerk did not bold
    (None, "Kế hoạch nhằm nâng cao nhận thức của cán bộ và nhân dân.", None),
    ("1.", "Mục đích", 0),
    (None, "Thống nhất nhận thức trong toàn xã.", None),
    (None, "Gắn trách nhiệm của từng đơn vị.", None),
    ("II.", "TỔ CHỨC THỰC HIỆN", 0),
    (None, "Các đơn vị thực hiện các nhiệm vụ sau:", None),
    ("1.", "Phòng Văn hóa - Xã hội:", 0),
    (None, "Chủ trì thực hiện Kế hoạch với các nhiệm vụ:", None),
    ("a)", "Tham mưu tổ chức Tháng hành động;", None),
    ("b)", "Tổng hợp kết quả:", None),
    ("-", "Báo cáo sơ kết;", None),
    ("-", "Báo cáo tổng kết.", None),
    ("2.", "Chế độ thông tin, báo cáo", 0),  # no colon: an item that is not a body
    (None, "Các đơn vị báo cáo trước ngày 10/12/2026.", None),
]


def test_varied_shapes_and_points_of_an_entry(tmp_path, capsys):
    source = word_plan(tmp_path / "kh.docx", body=VARIED, tab=True)
    code, content = imported(tmp_path, source)
    assert code == 0, capsys.readouterr().err
    plan = body_paragraphs(rebuilt(content / "2026"))
    typed = body_paragraphs(source)
    start = typed.index("KẾ HOẠCH")
    assert plan == typed[start:]
    edition = load_edition(content / "2026")
    entry = edition.plan.assignments[0]
    assert [p.paragraphs[0] for p in entry.points] == ["Tham mưu tổ chức Tháng hành động;", "Tổng hợp kết quả:"]
    assert edition.plan.assignments[1].agencies == []
    assert edition.plan.organisation_intro == ["Các đơn vị thực hiện các nhiệm vụ sau:"]


def test_the_rebuilt_plan_passes_the_decree_30_checks(tmp_path):
    import nd30

    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx", automatic=True))
    assert code == 0
    plan = docx.Document(io.BytesIO(rebuilt(content / "2026")))
    title = "Thực hiện công tác bình đẳng giới trên địa bàn xã Mẫu Sơn năm 2026"
    nd30.check_page(plan)
    nd30.check_fonts(plan)
    nd30.check_header(
        plan,
        type_name="KẾ HOẠCH",
        title=title,
        type_code="KH",
        agency_lines=["ỦY BAN NHÂN DÂN", "XÃ MẪU SƠN"],
        parent_agency=None,
    )
    nd30.check_body(plan, type_name="KẾ HOẠCH", title=title)


def test_what_it_cannot_place_is_printed_with_its_paragraph(tmp_path, capsys):
    # One task with a dash: the new plan prints a single task without one (a run-in heading is placed).
    body = [*BODY[:10], ("1.", "Phòng Kinh tế:", 0), ("-", "Tham mưu tổ chức hội chợ việc làm cho phụ nữ.", None)]
    code, content = imported(tmp_path, word_plan(tmp_path / "kh.docx", body=body))
    out = capsys.readouterr().out
    assert code == 0
    line = next(line for line in out.splitlines() if "một nhiệm vụ có gạch đầu dòng" in line)
    assert "«Phòng Kinh tế" in line and re.search(r"đoạn \d+", line)
    edition = load_edition(content / "2026")
    assert edition.plan.assignments[0].tasks == ["Tham mưu tổ chức hội chợ việc làm cho phụ nữ."]
