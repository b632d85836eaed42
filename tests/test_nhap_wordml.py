"""`nhap` reads every word Word shows, wherever the XML keeps it: content controls around
paragraphs, tables, rows, cells and runs; tracked insertions (kept) and deletions (dropped); smart
tags, hyperlinks, simple and complex fields' results; and paragraphs numbered only through their
style (Word's List Number 2, List Bullet 3, or a clerk's own style based on another). The Word
inputs are typed here with python-docx and raw WordprocessingML."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.writers.docx import render_docx
from test_nhap import _numbering
from test_nhap_entries import imported, plan_opening

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "van-ban.docx"
W = nsdecls("w")


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _control(inner: str, placeholder: bool = False) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return f"<w:sdt><w:sdtPr>{shown}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def _paragraph(inner: str) -> str:
    return f"<w:p {W}>{inner}</w:p>"


# (the paragraph's XML inside w:p, its words as Word shows them)
HIDDEN = [
    (
        _run("Tổ chức ") + _control(_run("hội nghị tập huấn")) + _run(" cho cán bộ."),
        "Tổ chức hội nghị tập huấn cho cán bộ.",
    ),
    (
        _run("Phát động ")
        + f'<w:ins w:id="1" w:author="A" w:date="2026-03-01T00:00:00Z">{_run("phong trào thi đua")}</w:ins>'
        + _run(" trong toàn tỉnh.")
        + '<w:del w:id="2" w:author="A" w:date="2026-03-01T00:00:00Z"><w:r><w:delText> Bỏ câu thừa.</w:delText></w:r></w:del>',
        "Phát động phong trào thi đua trong toàn tỉnh.",
    ),
    (
        _run("Hướng dẫn tại ")
        + f'<w:smartTag w:uri="urn:x" w:element="place">{_run("thành phố Lạng Sơn")}</w:smartTag>'
        + _run(" các nội dung."),
        "Hướng dẫn tại thành phố Lạng Sơn các nội dung.",
    ),
    (
        _run("Đăng tải trên ")
        + f'<w:hyperlink w:anchor="x">{_run("Cổng thông tin điện tử tỉnh")}</w:hyperlink>'
        + _run("."),
        "Đăng tải trên Cổng thông tin điện tử tỉnh.",
    ),
    (
        _run("Giao ")
        + f'<w:fldSimple w:instr=" DOCPROPERTY coquan ">{_run("Sở Tư pháp")}</w:fldSimple>'
        + _run(" hướng dẫn."),
        "Giao Sở Tư pháp hướng dẫn.",
    ),
    (
        _run("Phối hợp với ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD tenhoi </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("Hội Nông dân tỉnh")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _run(" tuyên truyền.")
        + _control(_run("Bấm vào đây để nhập văn bản."), placeholder=True),
        "Phối hợp với Hội Nông dân tỉnh tuyên truyền.",
    ),
]
NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _text_box(text: str) -> str:
    """A run holding a text box as Word saves one: a DrawingML box and its VML copy for old readers."""
    box = f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"
    return (
        f'<w:r><mc:AlternateContent {NAMESPACES}><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


HIDDEN.append((_run("Tổ chức tọa đàm ") + _text_box("về bình đẳng giới."), "Tổ chức tọa đàm về bình đẳng giới."))
# Hidden text (w:vanish): a drafter's note Word neither shows nor prints; w:val="0" shows it again.
HIDDEN.append(
    (
        _run("Lồng ghép nội dung ")
        + '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">(ghi chú ẩn của người soạn) </w:t></w:r>'
        + '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">bình đẳng giới</w:t></w:r>'
        + _run(" vào sinh hoạt."),
        "Lồng ghép nội dung bình đẳng giới vào sinh hoạt.",
    )
)
DROPPED = ["Bỏ câu thừa", "MERGEFIELD", "DOCPROPERTY", "Bấm vào đây", "ghi chú ẩn"]
BLOCK_PARAGRAPH = "Tuyên truyền trong khu dân cư bằng nhiều hình thức."
SIGNER = "Hoàng Văn Điều"
RECIPIENT = "Sở Văn hóa, Thể thao và Du lịch"


def _signature_table() -> str:
    """Nơi nhận and signature as one table in a block-level content control, its row in a
    row-level one, the signer's cell in a cell-level one and a Nơi nhận line in a run-level one."""

    def cell(lines: list[str]) -> str:
        return (
            "<w:tc><w:tcPr><w:tcW w:w='4500' w:type='dxa'/></w:tcPr>"
            + "".join(_paragraph(x) for x in lines)
            + "</w:tc>"
        )

    left = cell(
        [
            _run("Nơi nhận:"),
            _run("- Sở Y tế;"),
            _run("- ") + _control(_run(RECIPIENT)) + _run(";"),
            _run("- Lưu: VT, KGVX."),
        ]
    )
    right = _control(cell([_run("TM. ỦY BAN NHÂN DÂN"), _run("CHỦ TỊCH"), _control(_run(SIGNER))]))
    row = _control(f"<w:tr>{left}{right}</w:tr>")
    table = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w='4500'/><w:gridCol w:w='4500'/></w:tblGrid>{row}</w:tbl>"
    return f"<w:sdt {W}><w:sdtPr/><w:sdtContent>{table}</w:sdtContent></w:sdt>"


def hidden_plan(path: Path) -> Path:
    document = docx.Document()
    plan_opening(document)
    document.add_paragraph().add_run("I. MỤC ĐÍCH").bold = True
    body = document.element.body
    sectPr = body[-1]
    block = _paragraph(_run(f"- {BLOCK_PARAGRAPH}"))
    sectPr.addprevious(parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent>{block}</w:sdtContent></w:sdt>"))
    for inner, _ in HIDDEN:
        sectPr.addprevious(parse_xml(_paragraph(_run("- ") + inner)))
    for text, bold in [("II. TỔ CHỨC THỰC HIỆN", True), ("1. Sở Y tế:", True), ("Hướng dẫn tuyên truyền.", False)]:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold
    document.add_paragraph("UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.")
    sectPr.addprevious(parse_xml(_signature_table()))
    document.save(path)
    return path


def test_words_in_content_controls_fields_and_revisions_come_back(tmp_path, capsys):
    folder = imported(tmp_path, hidden_plan(tmp_path / "ke-hoach.docx"), capsys)
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yaml")))
    for _, words in HIDDEN:
        assert f'"{words}"' in text
    assert f'"{BLOCK_PARAGRAPH}"' in text
    for gone in DROPPED:
        assert gone not in text
    plan = load_edition(folder).plan
    assert plan.signature.name == SIGNER and plan.signature.title == ["CHỦ TỊCH"]
    assert f'"{RECIPIENT}"' in text


def _style(document, style_id: str, based_on: str | None, num_pr: str) -> None:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    document.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            f"{based}<w:pPr><w:numPr>{num_pr}</w:numPr></w:pPr></w:style>"
        )
    )


# (style, text, the number the rebuilt plan shows)
STYLED = [
    ("Muc1", "MỤC ĐÍCH, YÊU CẦU", "I."),
    ("List Number 2", "Mục đích", "1."),
    ("Muc3", "Nâng cao nhận thức về bình đẳng giới.", "a)"),
    ("List Bullet 3", "Tuyên truyền tại khu dân cư.", "-"),
    ("Muc5", "Treo băng rôn, khẩu hiệu.", "+"),
    ("Muc3", "Phòng ngừa bạo lực trên cơ sở giới.", "b)"),
    ("Muc1", "TỔ CHỨC THỰC HIỆN", "II."),
    ("Muc2", "Sở Y tế:", "1."),
    ("Muc4", "Hướng dẫn các địa phương tổ chức tuyên truyền.", "-"),
    ("Muc4", "Tổng hợp kết quả thực hiện.", "-"),
]


def _plan(path: Path, numbering, numbered) -> Path:
    """A short plan whose STYLED paragraphs `numbered(paragraph, style)` numbers, after
    `numbering(document)` wrote the lists and styles."""
    document = docx.Document()
    plan_opening(document)
    numbering(document)
    for style, text, _ in STYLED:
        paragraph = document.add_paragraph()
        numbered(paragraph, style)
        paragraph.add_run(text).bold = style == "Muc1" or text.endswith(":")
    document.add_paragraph("UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(["Nơi nhận:", "- Sở Y tế;", "- Lưu: VT, KGVX."])
    table.cell(0, 1).text = "\n".join(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Văn Tỉnh"])
    document.save(path)
    return path


def _rebuilt_numbers(tmp_path: Path, source: Path, capsys) -> list[str]:
    """The STYLED paragraphs as the plan built from the imported content shows them."""
    folder = imported(tmp_path, source, capsys)
    rebuilt = docx.Document(io.BytesIO(render_docx(build_plan(load_edition(folder)), TEMPLATE)))
    shown = [re.sub(r"\s+", " ", p.text).strip() for p in rebuilt.paragraphs if p.text.strip()]
    start = shown.index("UBND tỉnh ban hành Kế hoạch như sau:") + 1
    return shown[start : start + len(STYLED)]


def _style_lists(document) -> None:
    """Word's built-in list styles are in python-docx's template; the clerk's Muc1…Muc5: only Muc1
    names the list (numId), the others, each based on the one before, give only their level."""
    _numbering(document)
    _style(document, "Muc1", None, '<w:ilvl w:val="0"/><w:numId w:val="90"/>')
    for level in range(2, 6):
        _style(document, f"Muc{level}", f"Muc{level - 1}", f'<w:ilvl w:val="{level - 1}"/>')


def test_paragraphs_numbered_by_their_style_keep_their_levels(tmp_path, capsys):
    def styled(paragraph, style: str) -> None:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), style.replace(" ", ""))

    source = _plan(tmp_path / "ke-hoach.docx", _style_lists, styled)
    styles = {s.style_id for s in docx.Document(str(source)).styles}
    assert {"ListNumber2", "ListBullet3", "Muc5"} <= styles  # the styles the paragraphs name exist
    assert _rebuilt_numbers(tmp_path, source, capsys) == [f"{number} {text}" for _, text, number in STYLED]


LIST_LEVEL = {"I.": 0, "1.": 1, "a)": 2, "-": 3, "+": 4}


def _list_style(document) -> None:
    """A list defined as a list style (Word's Define New List Style): list 91 defines the style
    DanhSachKeHoach with the levels I. / 1. / a) / - / +, list 92 only links to it; list 93 is 92
    with its fourth level overridden to a "+" bullet."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(
            [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-"), ("bullet", "+")]
        )
    )
    first = numbering.find(qn("w:num"))
    first.addprevious(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="91"><w:styleLink w:val="DanhSachKeHoach"/>{levels}</w:abstractNum>'
        )
    )
    first.addprevious(
        parse_xml(f'<w:abstractNum {W} w:abstractNumId="92"><w:numStyleLink w:val="DanhSachKeHoach"/></w:abstractNum>')
    )
    for num, abstract, extra in (
        ("91", "91", ""),
        ("92", "92", ""),
        (
            "93",
            "92",
            '<w:lvlOverride w:ilvl="3"><w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:lvlOverride>',
        ),
    ):
        numbering.append(parse_xml(f'<w:num {W} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{extra}</w:num>'))
    document.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="numbering" w:customStyle="1" w:styleId="DanhSachKeHoach">'
            '<w:name w:val="Danh sách kế hoạch"/><w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>'
        )
    )


def test_a_list_that_uses_a_list_style_keeps_its_levels(tmp_path, capsys):
    def listed(paragraph, style: str) -> None:
        number = next(number for s, _, number in STYLED if s == style)
        ilvl, num = (3, "93") if number == "+" else (LIST_LEVEL[number], "92")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
        )

    source = _plan(tmp_path / "ke-hoach.docx", _list_style, listed)
    assert _rebuilt_numbers(tmp_path, source, capsys) == [f"{number} {text}" for _, text, number in STYLED]
