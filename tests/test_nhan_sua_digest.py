"""`nhan-sua` and the content a file was made from: every generated DOCX keeps the digest of its
document in a custom property (computed by the build, written by the DOCX writer), so an edit made
to a copy of an older build is refused wherever the file lies, and an edit made before a change of
content the document does not show is still taken."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOTS, TEMPLATES
from generator.cli import main

YEAR = "2026"
PROPERTY = "van-ban-ma-noi-dung"


def custom_properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("docProps/custom.xml").decode("utf-8")
    return dict(re.findall(r'name="([^"]+)"><vt:lpwstr>([^<]*)</vt:lpwstr>', xml))


def rename_signer(path: Path, old: str, new: str) -> None:
    """The signer's name retyped in Word (python-docx, as a leader's edit)."""
    document = docx.Document(str(path))
    found = [
        p for p in document.element.body.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))) == old
    ]
    assert len(found) == 1
    texts = list(found[0].iter(qn("w:t")))
    texts[0].text = new
    for t in texts[1:]:
        t.text = ""
    document.save(str(path))


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOTS / "xa-mau", tmp_path / "content")
    return tmp_path


@pytest.fixture
def built_root(tmp_path, prebuilt) -> Path:
    """`root` after `build -j 1`: a copy of one build of the module's root (tests/conftest.py)."""
    return prebuilt("xa-mau", tmp_path / "built")


def cli(root: Path, *args: str) -> list[str]:
    return ["--content", str(root / "content"), "--output", str(root / "output"), "--templates", str(TEMPLATES), *args]


def test_every_generated_docx_keeps_the_digest_of_its_content(built_root):
    root = built_root
    folder = root / "output" / YEAR
    plan = custom_properties(folder / "ke-hoach.docx")
    letter = custom_properties(folder / "Phong-VH-XH" / "cong-van-Phong-VH-XH.docx")
    form = custom_properties(folder / "Phong-VH-XH" / "bao-cao-Phong-VH-XH.docx")
    digests = [plan.get(PROPERTY), letter.get(PROPERTY), form.get(PROPERTY)]
    assert all(d and re.fullmatch(r"[0-9a-f]{64}", d) for d in digests)
    assert len(set(digests)) == 3  # one per document
    assert "van-ban-ma-bieu-mau" in form  # the form's identity is still there beside it

    # A change the plan shows changes its digest; the letters of other bodies keep theirs.
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    plan_yaml.write_text(
        plan_yaml.read_text(encoding="utf-8").replace("Giám sát việc", "Giám sát chặt chẽ việc"), encoding="utf-8"
    )
    assert main(cli(root, "build", "-j", "1")) == 0
    assert custom_properties(folder / "ke-hoach.docx")[PROPERTY] != plan[PROPERTY]


def test_an_edit_of_a_copy_of_an_older_build_is_refused(built_root, tmp_path, capsys):
    root = built_root
    sent = tmp_path / "gui-lanh-dao.docx"  # the copy the leader was sent, outside output/
    shutil.copy(root / "output" / YEAR / "ke-hoach.docx", sent)
    rename_signer(sent, "Trần Thị Mẫu", "Nguyễn Văn Ký")
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    plan_yaml.write_text(
        plan_yaml.read_text(encoding="utf-8").replace("Giám sát việc", "Giám sát chặt chẽ việc"), encoding="utf-8"
    )
    source = plan_yaml.read_bytes()
    capsys.readouterr()
    assert main(cli(root, "nhan-sua", "--yes", str(sent))) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gui-lanh-dao.docx" in err[0]
    assert "bản tạo trước khi nội dung thay đổi" in err[0]
    assert plan_yaml.read_bytes() == source


def test_a_change_the_plan_does_not_show_leaves_its_edits_takeable(built_root, tmp_path, capsys):
    root = built_root
    sent = tmp_path / "gui-lanh-dao.docx"
    shutil.copy(root / "output" / YEAR / "ke-hoach.docx", sent)
    rename_signer(sent, "Trần Thị Mẫu", "Nguyễn Văn Ký")
    # The letters' own wording changes: the plan does not print it.
    letters = root / "content" / YEAR / "cong-van.yaml"
    letters.write_text(
        letters.read_text(encoding="utf-8").replace("Chế độ báo cáo", "Chế độ thông tin, báo cáo"), encoding="utf-8"
    )
    assert main(cli(root, "nhan-sua", "--yes", str(sent))) == 0
    assert 'ho_ten: "Nguyễn Văn Ký"' in (root / "content" / YEAR / "ke-hoach.yaml").read_text(encoding="utf-8")


def test_a_plan_set_aside_after_the_content_changed_is_refused(built_root, capsys):
    root = built_root
    folder = root / "output" / YEAR
    rename_signer(folder / "ke-hoach.docx", "Trần Thị Mẫu", "Nguyễn Văn Ký")
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    plan_yaml.write_text(
        plan_yaml.read_text(encoding="utf-8").replace("Giám sát việc", "Giám sát chặt chẽ việc"), encoding="utf-8"
    )
    assert main(cli(root, "build", "-j", "1")) == 0  # the edited plan is set aside, a new one written
    aside = folder / "ban-sua-tay" / "ke-hoach.docx"
    assert aside.is_file()
    source = plan_yaml.read_bytes()
    capsys.readouterr()
    assert main(cli(root, "nhan-sua", "--yes")) == 1
    assert "bản tạo trước khi nội dung thay đổi" in capsys.readouterr().err
    assert plan_yaml.read_bytes() == source and aside.is_file()  # nothing written, nothing moved
