"""Notices on the files of an edition's folder: a file the program does not read, and the
guesses `make nhap` marked that the clerk has not yet confirmed."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition
from ..content.schema import EDITION_FILES
from ..content.source import unconfirmed
from ..errors import Notice
from ..files import display_path


def unread_files(edition: Edition) -> Iterator[Notice]:
    """Notice: a YAML file in the edition's folder that the program does not read (an old file kept from a
    former content format): what the clerk writes there reaches no document."""
    for path in sorted(edition.folder.iterdir()):
        if path.suffix.lower() in (".yaml", ".yml") and path.name not in EDITION_FILES:
            yield Notice(
                display_path(path),
                1,
                "(tệp)",
                "chương trình không đọc tệp này nên nội dung trong đó không vào văn bản nào; các tệp được đọc: "
                + ", ".join(EDITION_FILES)
                + ". Chuyển nội dung cần dùng sang đúng tệp rồi xóa hoặc đổi tên tệp này",
                "tep-thua",
            )


def unconfirmed_guesses(edition: Edition) -> Iterator[Notice]:
    """Notice: every `# KIỂM TRA:` comment `make nhap` wrote and the clerk has not yet deleted."""
    for path in sorted(edition.folder.glob("*.yaml")):
        for line, note in unconfirmed(path.read_text(encoding="utf-8")):
            yield Notice(
                display_path(path),
                line,
                "# KIỂM TRA",
                f"chương trình đoán: {note}; xem lại rồi xóa chú thích «# KIỂM TRA:» để xác nhận",
                kind="kiem-tra",
            )
