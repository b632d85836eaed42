"""`nhan-sua`: a leader's Word edits of the plan (tracked or not) come back into ke-hoach.yaml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOTS, TEMPLATES
from docx_text import add_after, set_runs, text_of, texts
from generator.cli import main

YEAR = "2026"


def paragraph(document, text: str):
    found = [p for p in document.element.body.iter(qn("w:p")) if text_of(p) == text]
    assert len(found) == 1, text
    return found[0]


def run(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOTS / "xa-mau", tmp_path / "content")
    return tmp_path


@pytest.fixture
def built_root(tmp_path, prebuilt) -> Path:
    """`root` after `build -j 1`: a copy of one build of the module's root (tests/conftest.py)."""
    return prebuilt("xa-mau", tmp_path / "built")


def cli(root: Path, *args: str) -> list[str]:
    return [
        "--content",
        str(root / "content"),
        "--output",
        str(root / "output"),
        "--templates",
        str(TEMPLATES),
        *args,
    ]


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_leader_edits_come_back_into_content(root, capsys):
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    # The fixture has few comments: give it some, and quoting of both kinds, to see them kept.
    source = plan_yaml.read_text(encoding="utf-8")
    source = source.replace("\nmo_dau:\n", "\n# Các đoạn mở đầu\nmo_dau:  # trước mục I\n", 1)
    source = source.replace('  ho_ten: "Trần Thị Mẫu"', '  ho_ten: "Trần Thị Mẫu"  # người ký')
    # An entry left with one task prints it without its dash: keep two after the deletion.
    stats = '      - "Thống kê số vụ bạo lực gia đình đã xử lý."\n'
    source = source.replace(stats, stats + '      - "Báo cáo kết quả về UBND xã."\n', 1)
    plan_yaml.write_text(source, encoding="utf-8")
    assert run(*cli(root, "build", "-j", "1")) == 0
    built = root / "output" / YEAR / "ke-hoach.docx"
    before = texts(built)

    document = docx.Document(str(built))
    words = paragraph(document, "Nâng cao nhận thức về bình đẳng giới.")
    set_runs(words, [("Nâng cao nhận thức và hành động về bình đẳng giới.", None)])
    add_after(words, "Bảo đảm sự tham gia của nam giới.")
    # Two tasks swapped, then one added to the same entry; one task of another entry removed.
    first = paragraph(document, "- Tham mưu UBND xã triển khai Kế hoạch; tổng hợp báo cáo.")
    second = paragraph(document, "- Theo dõi, đôn đốc các đơn vị.")
    second.addnext(first)
    add_after(first, "- Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ.")
    removed = paragraph(document, "- Thống kê số vụ bạo lực gia đình đã xử lý.")
    removed.getparent().remove(removed)
    set_runs(paragraph(document, "Trần Thị Mẫu"), [("Nguyễn Văn Ký", None)])
    set_runs(paragraph(document, "- UBND tỉnh Lạng Sơn;"), [("- UBND tỉnh Lạng Sơn (báo cáo);", None)])
    set_runs(
        paragraph(document, "UBND xã yêu cầu các đơn vị triển khai thực hiện./."),
        [("UBND xã yêu cầu các đơn vị triển khai thực hiện", None), (" nghiêm túc", "ins"), ("./.", None)],
    )
    set_runs(
        paragraph(document, "Lồng ghép giáo dục giới trong nhà trường."),
        [("Lồng ghép giáo dục", None), (" giới", "del"), (" trong nhà trường.", None)],
    )
    document.save(str(built))
    edited = texts(built)
    assert edited != before
    assert "UBND xã yêu cầu các đơn vị triển khai thực hiện nghiêm túc./." in edited
    assert "Lồng ghép giáo dục trong nhà trường." in edited

    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 0
    printed = capsys.readouterr().out
    assert "Chưa đưa về nội dung được" not in printed
    assert re.search(r"^\+  ho_ten: \"Nguyễn Văn Ký\" +# người ký$", printed, re.M)  # the YAML compared
    after = plan_yaml.read_text(encoding="utf-8")
    assert comments(after) == comments(source)
    assert '"Bảo đảm sự tham gia của nam giới."' in after  # quoted as its neighbours
    assert "{nam}" in after and "{dia_danh}" in after

    capsys.readouterr()
    assert run(*cli(root, "build", "-j", "1")) == 0
    assert "sửa tay" not in capsys.readouterr().out  # no longer a hand edit
    assert texts(built) == edited
    # The Phòng VH-XH letter and form carry the added task.
    folder = root / "output" / YEAR / "Phong-VH-XH"
    for name in ("cong-van-Phong-VH-XH.docx", "bao-cao-Phong-VH-XH.docx"):
        assert "Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ." in " ".join(texts(folder / name)), name


def test_without_terminal_or_yes_nothing_is_written(built_root, capsys):
    root = built_root
    built = root / "output" / YEAR / "ke-hoach.docx"
    document = docx.Document(str(built))
    set_runs(paragraph(document, "Trần Thị Mẫu"), [("Nguyễn Văn Ký", None)])
    document.save(str(built))
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    source = plan_yaml.read_bytes()
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua")) == 0  # pytest's stdin is not a terminal
    out = capsys.readouterr().out
    assert "Chưa ghi gì" in out and "Nguyễn Văn Ký" in out
    assert plan_yaml.read_bytes() == source


def test_formatting_only_and_foreign_files(built_root, capsys, tmp_path):
    root = built_root
    built = root / "output" / YEAR / "ke-hoach.docx"
    document = docx.Document(str(built))
    set_runs(paragraph(document, "- Theo dõi, đôn đốc các đơn vị."), [("+ Theo dõi, đôn đốc các đơn vị.", None)])
    document.save(str(built))
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 0
    out = capsys.readouterr().out
    assert "Chưa đưa về nội dung được" in out and "ke-hoach.docx, đoạn" in out

    foreign = tmp_path / "khac.docx"
    other = docx.Document()
    other.add_paragraph("Một văn bản khác.")
    other.save(str(foreign))
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    source = plan_yaml.read_bytes()
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes", str(foreign))) == 1
    err = capsys.readouterr().err
    assert "không phải văn bản do chương trình tạo" in err
    assert plan_yaml.read_bytes() == source


def test_edit_of_an_older_build_is_refused(built_root, capsys):
    root = built_root
    built = root / "output" / YEAR / "ke-hoach.docx"
    document = docx.Document(str(built))
    set_runs(paragraph(document, "Trần Thị Mẫu"), [("Nguyễn Văn Ký", None)])
    document.save(str(built))
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    plan_yaml.write_text(
        plan_yaml.read_text(encoding="utf-8").replace("Giám sát việc", "Giám sát chặt chẽ việc"), encoding="utf-8"
    )
    source = plan_yaml.read_bytes()
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 1
    assert "bản tạo trước khi nội dung thay đổi" in capsys.readouterr().err
    assert plan_yaml.read_bytes() == source


def test_a_set_aside_plan_is_taken_then_put_away(built_root, capsys):
    root = built_root
    folder = root / "output" / YEAR
    document = docx.Document(str(folder / "ke-hoach.docx"))
    set_runs(paragraph(document, "Trần Thị Mẫu"), [("Nguyễn Văn Ký", None)])
    document.save(str(folder / "ke-hoach.docx"))
    assert run(*cli(root, "build", "-j", "1", "--force")) == 0
    aside = folder / "ban-sua-tay" / "ke-hoach.docx"
    assert "Nguyễn Văn Ký" in texts(aside) and "Trần Thị Mẫu" in texts(folder / "ke-hoach.docx")
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 0
    assert 'ho_ten: "Nguyễn Văn Ký"' in (root / "content" / YEAR / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert not aside.exists() and (folder / "ban-sua-tay" / "da-nhan" / "ke-hoach.docx").is_file()
    assert run(*cli(root, "build", "-j", "1")) == 0
    assert "Nguyễn Văn Ký" in texts(folder / "ke-hoach.docx")


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"plain text"])
def test_a_broken_file_is_one_vietnamese_line(built_root, capsys, tmp_path, data):
    root = built_root
    broken = tmp_path / "hong.docx"
    broken.write_bytes(data)
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes", str(broken))) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Lỗi: ") and "hong.docx" in err[0]


def test_a_task_edited_in_a_letter_goes_to_the_plan_entry(built_root, capsys):
    root = built_root
    folder = root / "output" / YEAR
    letter = folder / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx"
    document = docx.Document(str(letter))
    task = paragraph(document, "- Theo dõi, đôn đốc các đơn vị.")
    set_runs(task, [("- Theo dõi, đôn đốc, kiểm tra các đơn vị.", None)])
    add_after(task, "- Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ.")
    set_runs(paragraph(document, "- Như trên;"), [("- Như trên (để thực hiện);", None)])  # the letter's own line
    document.save(str(letter))
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 0
    out = capsys.readouterr().out
    assert "Như trên (để thực hiện)" in out and "Chưa đưa về nội dung được" in out  # listed, not guessed
    plan_yaml = (root / "content" / YEAR / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert '      - "Theo dõi, đôn đốc, kiểm tra các đơn vị."\n      - "Hướng dẫn các ấp' in plan_yaml
    assert run(*cli(root, "build", "-j", "1")) == 0
    plan = texts(folder / "ke-hoach.docx")
    assert "- Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ." in plan
    assert "- Theo dõi, đôn đốc, kiểm tra các đơn vị." in plan


def test_the_same_edit_in_the_plan_and_a_letter_is_made_once(built_root, capsys):
    root = built_root
    folder = root / "output" / YEAR
    for path in (folder / "ke-hoach.docx", folder / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx"):
        document = docx.Document(str(path))
        task = paragraph(document, "- Theo dõi, đôn đốc các đơn vị.")
        add_after(task, "- Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ.")
        document.save(str(path))
    set_runs_in(folder / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx", "- Theo dõi, đôn đốc các đơn vị.", "- Một cách.")
    set_runs_in(folder / "ke-hoach.docx", "- Theo dõi, đôn đốc các đơn vị.", "- Cách khác.")
    capsys.readouterr()
    assert run(*cli(root, "nhan-sua", "--yes")) == 0
    out = capsys.readouterr().out
    assert "được sửa khác nhau trong hai văn bản" in out
    plan_yaml = (root / "content" / YEAR / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert plan_yaml.count("Hướng dẫn các ấp lập danh sách hộ cần hỗ trợ.") == 1
    assert "Theo dõi, đôn đốc các đơn vị." in plan_yaml  # neither of the two clashing edits


def set_runs_in(path: Path, old: str, new: str) -> None:
    document = docx.Document(str(path))
    set_runs(paragraph(document, old), [(new, None)])
    document.save(str(path))
