"""`nhap` of the entries of Tổ chức thực hiện as clerks type them: "UBND các xã, phường" becomes a
unit list in don-vi.yaml, its units taken from the Nơi nhận lines that name them, one letter and one
form each; a run-in heading ("2. Sở Y tế: Chủ trì …") is kept on one line with its first task. The
Word inputs are typed here with python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from generator.cli import main
from generator.content.distribution import distribution, file_key
from generator.files import MAX_NAME
from generator.checks import load_edition
from generator.document.plan import build_plan
from generator.writers.docx import render_docx

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "van-ban.docx"
UNITS_HEADING = "UBND các xã, phường:"
UNIT_TASK = "Tổ chức tuyên truyền tại khu dân cư; báo cáo kết quả trước ngày 10/12/2026."
ENTRIES = [
    ("1. Sở Y tế:", True),
    ("Hướng dẫn các địa phương tổ chức tuyên truyền.", False),
    (f"2. {UNITS_HEADING}", True),
    (UNIT_TASK, False),
]


def plan_opening(document) -> None:
    """A provincial plan's header, title and opening line, as typed in Word (tab-separated columns)."""
    document.add_paragraph("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("TỈNH LẠNG SƠN\tĐộc lập - Tự do - Hạnh phúc")
    document.add_paragraph("Số: 7/KH-UBND\tLạng Sơn, ngày 2 tháng 3 năm 2026")
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Thực hiện công tác bình đẳng giới năm 2026").bold = True
    document.add_paragraph("UBND tỉnh ban hành Kế hoạch như sau:")


def typed_plan(path: Path, recipients: list[str], entries=ENTRIES) -> Path:
    document = docx.Document()
    plan_opening(document)
    for text, bold in [
        ("I. MỤC ĐÍCH", True),
        ("Nâng cao nhận thức về bình đẳng giới.", False),
        ("II. TỔ CHỨC THỰC HIỆN", True),
        *entries,
    ]:
        paragraph = document.add_paragraph()
        if isinstance(bold, str):  # a bold run-in heading, then its task in regular type
            paragraph.add_run(text).bold = True
            paragraph.add_run(bold)
        else:
            paragraph.add_run(text).bold = bold
    document.add_paragraph("UBND tỉnh yêu cầu các đơn vị triển khai thực hiện./.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(["Nơi nhận:", *(f"- {r};" for r in recipients), "- Lưu: VT, KGVX."])
    table.cell(0, 1).text = "\n".join(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Văn Tỉnh"])
    document.save(path)
    return path


def imported(tmp_path: Path, source: Path, capsys) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    assert main(["--content", str(content), "nhap", str(source)]) == 0, capsys.readouterr().err
    return content / "2026"


def cell_lines(data: bytes) -> list[str]:
    import io

    document = docx.Document(io.BytesIO(data))
    lines = [t for table in document.tables for c in table.rows[-1].cells for t in c.text.split("\n")]
    return [re.sub(r"\s+", " ", line).strip() for line in lines if line.strip()]


def body(data: bytes) -> list[str]:
    import io

    return [re.sub(r"\s+", " ", p.text).strip() for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def test_units_of_a_list_come_from_the_noi_nhan(tmp_path, capsys):
    recipients = ["Sở Y tế", "UBND xã Mẫu Sơn", "UBND phường Đông Kinh", "UBND xã Hữu Lũng"]
    folder = imported(tmp_path, typed_plan(tmp_path / "ke-hoach.docx", recipients), capsys)
    edition = load_edition(folder)
    [units] = edition.unit_lists.lists
    assert [(u.name, u.place) for u in units.units] == [
        ("Xã Mẫu Sơn", "Mẫu Sơn"),
        ("Phường Đông Kinh", "Đông Kinh"),
        ("Xã Hữu Lũng", "Hữu Lũng"),
    ]
    entry = next(a for a in edition.registry.agencies if a.unit_list is not None)
    assert entry.unit_list == units.id and entry.name == UNITS_HEADING.rstrip(":")
    assert "# KIỂM TRA: các đơn vị lấy từ các dòng Nơi nhận" in (folder / "co-quan.yaml").read_text(encoding="utf-8")
    letters = distribution(edition)[0].recipients
    assert len(letters) == 4  # the department and each of the three units

    # The plan built from it says what the source said: its tasks and its Nơi nhận, line for line.
    plan = render_docx(build_plan(edition), TEMPLATE)
    assert f"2. {UNITS_HEADING}" in body(plan) and UNIT_TASK in body(plan)
    assert [line for line in cell_lines(plan) if line.startswith("- ") and "Lưu" not in line] == [
        f"- {r};" for r in recipients
    ]

    # Each unit gets its letter and its form, addressed to its own People's Committee.
    output = tmp_path / "output"
    assert main(["--content", str(tmp_path / "content"), "--output", str(output), "build", "-j", "1"]) == 0
    letter = next((output / "2026").rglob("cong-van-*Dong-Kinh*.docx"))
    text = " ".join(body(letter.read_bytes()))
    assert "Ủy ban nhân dân phường Đông Kinh" in text and UNIT_TASK in text
    assert next((output / "2026").rglob("bao-cao-*Dong-Kinh*.docx")).is_file()


def test_a_list_the_noi_nhan_does_not_name_stays_one_body(tmp_path, capsys):
    recipients = ["Sở Y tế", "UBND các xã, phường"]
    folder = imported(tmp_path, typed_plan(tmp_path / "ke-hoach.docx", recipients), capsys)
    out = capsys.readouterr().out
    assert "Nơi nhận không ghi tên từng đơn vị" in out
    edition = load_edition(folder)
    assert edition.unit_lists.lists == []
    assert any(a.name == UNITS_HEADING.rstrip(":") for a in edition.registry.agencies)


RUN_IN = [
    ("1. Sở Y tế:", " Chủ trì hướng dẫn các cơ sở y tế tuyên truyền về bình đẳng giới."),
    ("2. Công an tỉnh:", " Phát hiện, xử lý kịp thời các vụ bạo lực gia đình."),
    ("- Phối hợp hỗ trợ nạn nhân.", False),
    ("- Báo cáo kết quả trước ngày 10/12/2026.", False),
]


def test_a_run_in_entry_heading_stays_on_its_line(tmp_path, capsys):
    source = typed_plan(tmp_path / "ke-hoach.docx", ["Sở Y tế", "Công an tỉnh"], RUN_IN)
    folder = imported(tmp_path, source, capsys)
    assert "viết liền" not in capsys.readouterr().out  # nothing left unplaced about it
    edition = load_edition(folder)
    health, police = edition.plan.assignments
    assert health.run_in and health.heading == "Sở Y tế"
    assert health.tasks == ["Chủ trì hướng dẫn các cơ sở y tế tuyên truyền về bình đẳng giới."]
    assert police.tasks[0] == "Phát hiện, xử lý kịp thời các vụ bạo lực gia đình." and len(police.tasks) == 3
    typed = [text + (bold if isinstance(bold, str) else "") for text, bold in RUN_IN]
    built = body(render_docx(build_plan(edition), TEMPLATE))
    at = built.index("II. TỔ CHỨC THỰC HIỆN") + 1
    assert built[at : at + len(typed)] == typed  # word for word, the heading and its task on one line
    # The letters carry every task, the first one too.
    output = tmp_path / "output"
    assert main(["--content", str(tmp_path / "content"), "--output", str(output), "build", "-j", "1"]) == 0
    letter = " ".join(body(next((output / "2026").rglob("cong-van-*Cong-an*.docx")).read_bytes()))
    assert "Phát hiện, xử lý kịp thời các vụ bạo lực gia đình." in letter and "Phối hợp hỗ trợ nạn nhân." in letter


def test_a_name_with_commas_the_noi_nhan_writes_whole_is_one_body(tmp_path, capsys):
    entries = [
        ("1. Sở Văn hóa, Thể thao và Du lịch:", True),
        ("Tổ chức các hoạt động văn hóa, thể thao hưởng ứng Tháng hành động.", False),
        ("2. Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh:", True),
        ("Tuyên truyền đến đoàn viên, hội viên.", False),
    ]
    recipients = ["Sở Văn hóa, Thể thao và Du lịch", "LĐLĐ tỉnh", "Hội Nông dân tỉnh"]
    folder = imported(tmp_path, typed_plan(tmp_path / "ke-hoach.docx", recipients, entries), capsys)
    edition = load_edition(folder)
    names = [[edition.agency(a).name for a in entry.agencies] for entry in edition.plan.assignments]
    assert names == [["Sở Văn hóa, Thể thao và Du lịch"], ["Liên đoàn Lao động tỉnh", "Hội Nông dân tỉnh"]]
    plan = render_docx(build_plan(edition), TEMPLATE)
    assert [line for line in cell_lines(plan) if line.startswith("- ") and "Lưu" not in line] == [
        f"- {r};" for r in recipients
    ]


def test_noi_nhan_initials_without_marks_and_a_name_too_long_for_a_file(tmp_path, capsys):
    """ "UBMTTQVN tỉnh và các tổ chức CT - XH" names the Mặt trận's heading (Ủ read as U, a spaced
    dash no word), "Phòng VHXH" its Phòng; the UBND's long joint heading, which no line names, is
    imported with a short name that fits a file name (it was refused, and nothing written)."""
    joint = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội"
    long_name = "Ban Chỉ đạo công tác bình đẳng giới và vì sự tiến bộ của phụ nữ tỉnh và các cơ quan"
    entries = [
        ("1. Phòng Văn hóa - Xã hội:", True),
        ("Tham mưu tổ chức thực hiện.", False),
        (f"2. Đề nghị {joint}:", True),
        ("Tuyên truyền đến đoàn viên, hội viên.", False),
        (f"3. {long_name}:", True),
        ("Theo dõi, đôn đốc.", False),
    ]
    recipients = ["Phòng VHXH", "UBMTTQVN tỉnh và các tổ chức CT - XH"]
    folder = imported(tmp_path, typed_plan(tmp_path / "ke-hoach.docx", recipients, entries), capsys)
    edition = load_edition(folder)
    bodies = [edition.agency(entry.agencies[0]) for entry in edition.plan.assignments]
    assert [edition.plain(b.short_name) for b in bodies[:2]] == recipients  # from the Nơi nhận lines
    short = edition.plain(bodies[2].short_name)  # its first words, as many as a file name holds
    assert long_name.startswith(short + " ") and len(file_key(short)) <= MAX_NAME < len(file_key(long_name))
    plan = render_docx(build_plan(edition), TEMPLATE)
    listed = [line for line in cell_lines(plan) if line.startswith("- ") and "Lưu" not in line]
    assert listed[:2] == [f"- {r};" for r in recipients] and len(listed) == 3, listed  # no line twice
    text = (folder / "co-quan.yaml").read_text(encoding="utf-8")
    assert "tên đầy đủ quá dài cho tên tệp nên đã cắt bớt" in text
    # The Mặt trận signs for its Ban Thường trực (nhap.yaml), the others as their kind says.
    signers = [tuple(b.form_signer) for b in bodies]
    assert signers[1] == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH") and signers[0] == signers[2] == ()
