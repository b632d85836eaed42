"""`nhan-sua` on the real 2024 plan: eight typical edits of a leader, made in the program's own
ke-hoach.docx (two of them as Word's tracked changes), come back into content/2024/ke-hoach.yaml;
the rebuilt plan reads as the edited one, the letter and the form of the body given a new task
carry it, the YAML keeps every comment where it stood, and the comparison of the content before
and after (`diff`) shows those eight edits and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import CONTENT, TEMPLATES
from docx_text import add_after, text_of, texts
from docx_text import set_runs as shared_set_runs
from generator.cli import main

YEAR = "2024"
OPENING_ADDED = "Căn cứ tình hình thực tế của địa phương năm 2024."
TASK_ADDED = "Phối hợp tổ chức trợ giúp pháp lý miễn phí cho nạn nhân bạo lực gia đình."
SIGNER = "Trần Văn Ký"
TRACKED_INSERTION = ", kiểm tra"
TRACKED_DELETION = " đạt hiệu quả"


def paragraph(document, start: str):
    """The one paragraph that starts with `start`, or whose task does after its entry's heading
    printed on the same line ("15. Thường trực HĐND huyện: Có kế hoạch …", cung_dong)."""
    run_in = re.compile(r"\d+\. [^:]+: " + re.escape(start))
    found = [
        p for p in document.element.body.iter(qn("w:p")) if text_of(p).startswith(start) or run_in.match(text_of(p))
    ]
    assert len(found) == 1, start
    return found[0]


def set_runs(p, pieces: list[tuple[str, str | None]]) -> None:
    """docx_text.set_runs, as the UBND's leader tracks changes in 2024."""
    shared_set_runs(p, pieces, author="Lãnh đạo UBND", date="2024-11-12T08:00:00Z")


def around(p, word: str, kind: str, piece: str) -> None:
    """A tracked insertion of `piece` after `word`, or a tracked deletion of `piece`, in `p`."""
    text = text_of(p)
    if kind == "ins":
        cut = text.index(word) + len(word)
        set_runs(p, [(text[:cut], None), (piece, "ins"), (text[cut:], None)])
    else:
        cut = text.index(piece)
        set_runs(p, [(text[:cut], None), (piece, "del"), (text[cut + len(piece) :], None)])


def leader_edits(path: Path) -> dict[str, str]:
    """The eight edits, made in the built plan; returns the words they touch, for the checks."""
    document = docx.Document(str(path))
    words = paragraph(document, "- Đẩy mạnh xã hội hóa, huy động nguồn lực hợp pháp")
    replaced = text_of(words).replace("nguồn lực hợp pháp", "mọi nguồn lực hợp pháp")
    set_runs(words, [(replaced, None)])
    add_after(paragraph(document, "Thực hiện Kế hoạch số 322/KH-UBND"), OPENING_ADDED)
    bullet = paragraph(document, "- Tổ chức học tập, trao đổi kinh nghiệm")
    deleted = text_of(bullet)
    bullet.getparent().remove(bullet)
    add_after(paragraph(document, "- Nâng cao năng lực cho đội ngũ cán bộ, hòa giải viên"), f"- {TASK_ADDED}")
    first = paragraph(document, "- Truyền thông, quảng bá Tổng đài")
    second = paragraph(document, "- Tuyên truyền Tháng hành động vì bình đẳng giới và phòng ngừa")
    second.addnext(first)
    set_runs(paragraph(document, "Nguyễn Văn Hạ"), [(SIGNER, None)])
    around(paragraph(document, "Có kế hoạch giám sát việc"), "giám sát", "ins", TRACKED_INSERTION)
    around(paragraph(document, "Phối hợp triển khai Kế hoạch hoạt động"), "", "del", TRACKED_DELETION)
    document.save(str(path))
    return {"replaced": replaced, "deleted": deleted}


def comments(text: str) -> list[str]:
    """Every comment of a YAML text, in order (no string of this plan holds a "#")."""
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def comment_places(text: str) -> list[tuple[str, str]]:
    """Each whole-line comment and the first line of YAML after it: where it stands."""
    lines = text.splitlines()
    places = []
    for number, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            following = (x for x in lines[number + 1 :] if x.strip() and not x.lstrip().startswith("#"))
            places.append((line, next(following, "")))
    return places


def no_label(text: str) -> str:
    return re.sub(r"^(- |[IVX]+\. |\d+\. |[a-zđ]\) )", "", text)


@pytest.fixture
def edited_root(built, tmp_path) -> Path:
    """The session build of 2024 and its content, copied, with the eight edits made in its plan."""
    shutil.copytree(CONTENT / YEAR, tmp_path / "content" / YEAR)
    shutil.copytree(CONTENT / YEAR, tmp_path / "before" / YEAR)
    shutil.copytree(built.output / YEAR, tmp_path / "output" / YEAR)
    return tmp_path


def cli(root: Path, *args: str) -> list[str]:
    folders = ("--content", str(root / "content"), "--output", str(root / "output"), "--templates", str(TEMPLATES))
    return [*folders, *args]


def test_eight_leader_edits_come_back_through_nhan_sua(edited_root, capsys):
    root = edited_root
    plan = root / "output" / YEAR / "ke-hoach.docx"
    plan_yaml = root / "content" / YEAR / "ke-hoach.yaml"
    source = plan_yaml.read_text(encoding="utf-8")
    before = texts(plan)
    touched = leader_edits(plan)
    edited = texts(plan)
    assert len(edited) == len(before) + 1  # two added, one deleted
    assert "Có kế hoạch giám sát, kiểm tra việc thực hiện" in " ".join(edited)
    assert "tổ chức mình." in " ".join(edited) and "tổ chức mình đạt hiệu quả" not in " ".join(edited)

    capsys.readouterr()
    assert main(cli(root, "nhan-sua", "--yes")) == 0
    printed = capsys.readouterr().out
    assert "Chưa đưa về nội dung được" not in printed
    after = plan_yaml.read_text(encoding="utf-8")
    assert comments(after) == comments(source)
    assert comment_places(after) == comment_places(source)
    assert after.count("{nam}") == source.count("{nam}")  # the moved bullet keeps its placeholder

    assert main(cli(root, "build", "--year", YEAR)) == 0
    assert "sửa tay" not in capsys.readouterr().out
    assert texts(plan) == edited
    folder = root / "output" / YEAR / "Phong-Tu-phap"
    for name in ("cong-van-Phong-Tu-phap.docx", "bao-cao-Phong-Tu-phap.docx"):
        assert TASK_ADDED in " ".join(texts(folder / name)), name

    assert_diff_shows_the_edits(root, touched)


def assert_diff_shows_the_edits(root: Path, touched: dict[str, str]) -> None:
    from generator.commands.diff import compare
    from generator.checks import load_edition

    comparison = compare(load_edition(root / "before" / YEAR), load_edition(root / "content" / YEAR))
    found = [
        (part.kind, p.status, no_label(p.old_text), no_label(p.text))
        for part in comparison.parts
        for p in part.paragraphs
        if p.status != "same"
    ]
    assert comparison.automatic == ()
    by_status = sorted((kind, status) for kind, status, _, _ in found)
    assert by_status == sorted(
        [
            ("opening", "added"),
            ("section", "changed"),
            ("section", "removed"),
            ("section", "moved_from"),
            ("section", "moved_to"),
            ("agency", "added"),
            ("agency", "changed"),
            ("agency", "changed"),
            ("signer", "changed"),
        ]
    )
    news = {status_new for _, _, _, status_new in found}
    olds = {old for _, _, old, _ in found}
    assert {OPENING_ADDED, TASK_ADDED, SIGNER, no_label(touched["replaced"])} <= news
    assert no_label(touched["deleted"]) in olds and "Nguyễn Văn Hạ" in olds
    assert any(TRACKED_INSERTION in new and TRACKED_INSERTION not in old for _, _, old, new in found)
    assert any(TRACKED_DELETION in old and TRACKED_DELETION not in new for _, _, old, new in found)
    moved = [old or new for _, status, old, new in found if status.startswith("moved")]
    assert len(set(moved)) == 1 and moved[0].startswith("Tuyên truyền Tháng hành động vì bình đẳng giới")
