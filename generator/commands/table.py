"""Every command, declared once: its name for `make` and `van-ban`, the NAME=value arguments it
takes, its one line of help for the clerk, and the `python -m generator` subcommand it runs.

`make help` and `van-ban` read this table (generator/van_ban.py), the CLI takes its subcommands'
help from it (generator/cli.py), and tests/test_commands.py holds the Makefile's targets and the
CLI's parser to it. Only the standard library: `make help` runs before anything is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

# The offline bundle (`make offline-bundle`): the wheels an install without network takes.
BUNDLE = "goi-cai-dat"


@dataclass(frozen=True)
class Command:
    """One command, declared once: `make <name>`, `van-ban <name>`, and the subcommand of
    `python -m generator` it runs (tests/test_commands.py holds the Makefile, the CLI's parser and
    `make help` to this table)."""

    name: str  # the make target and the van-ban command
    variables: tuple[str, ...]  # NAME=value arguments it takes, as in the Makefile
    help: str  # one line, for the clerk
    program: str | None = None  # the `python -m generator` subcommand it runs; None: a tool of its own
    for_developers: bool = False


# How a NAME=value argument reaches `python -m generator`: an option of the subcommand, a flag set by
# any value, the program's own --output (before the subcommand), or the subcommand's file argument.
OPTIONS = {"YEAR": "--year", "FROM": "--from", "TO": "--to", "KY": "--ky"}
FLAGS = {"STRICT": "--strict"}
PROGRAM_OPTIONS = {"OUTPUT": "--output"}
FILE_ARGUMENT = "TEP"


COMMANDS = (
    Command(
        "documents",
        ("YEAR", "OUTPUT"),
        "tạo văn bản (Word và PDF) của năm mới nhất, hoặc của năm YEAR, vào output/<năm>/",
        "build",
    ),
    Command(
        "xem",
        ("YEAR", "OUTPUT"),
        "xem văn bản trong trình duyệt; tự tạo lại mỗi khi lưu nội dung (Ctrl+C để dừng)",
        "xem",
    ),
    Command("test", (), "kiểm tra chương trình"),
    Command(
        "check", ("YEAR", "STRICT"), "kiểm tra nội dung mà không tạo văn bản; STRICT=1: coi cảnh báo là lỗi", "check"
    ),
    Command("new-year", ("FROM", "TO"), "soạn nội dung năm TO từ nội dung năm FROM (bản dự thảo)", "new-year"),
    Command(
        "diff",
        ("FROM", "TO", "OUTPUT"),
        "so sánh kế hoạch năm FROM với năm TO (tệp HTML và tệp Word có đánh dấu thay đổi)",
        "diff",
    ),
    Command(
        "tong-hop",
        ("YEAR", "KY", "OUTPUT"),
        "tổng hợp các biểu mẫu đã nhận ở content/<năm>/bao-cao-nhan/ vào output/<năm>/tong-hop/; "
        "kế hoạch nhiều kỳ: KY=<năm của kỳ>",
        "tong-hop",
    ),
    Command(
        "offline-bundle",
        (),
        f"tải các gói Python vào thư mục {BUNDLE}/ để mang sang cài ở máy không có mạng (cùng loại máy)",
    ),
    Command(
        "nhap", ("TEP", "YEAR"), "tạo nội dung content/<năm>/ từ tệp kế hoạch Word TEP (không ghi đè năm đã có)", "nhap"
    ),
    Command(
        "nhan-sua",
        ("YEAR", "OUTPUT"),
        "đưa chỗ sửa trong Word của kế hoạch (output/<năm>/ke-hoach.docx) về nội dung",
        "nhan-sua",
    ),
    Command("help", (), "xem danh sách lệnh này"),
    Command("templates", (), "tạo lại mẫu Word từ generator/writers/layout.py", for_developers=True),
    Command("golden", (), "ghi lại tests/golden/ sau khi cố ý đổi lời văn", for_developers=True),
    Command("bench", (), "đo thời gian tạo văn bản", for_developers=True),
    Command("lint", (), "kiểm tra cách viết mã nguồn (ruff)", for_developers=True),
    Command(
        "test-portable",
        (),
        "kiểm tra chương trình như trên Windows (tiến trình spawn, khóa bằng tệp)",
        for_developers=True,
    ),
)
EXAMPLES = {
    "YEAR": "2024",
    "STRICT": "1",
    "FROM": "2024",
    "TO": "2025",
    "TEP": "ke-hoach.docx",
    "OUTPUT": "ket-qua",
    "KY": "2027",
}


def command_help(program: str) -> str:
    """The one-line help of the command that runs `program`, for the CLI's own --help."""
    return next(c.help for c in COMMANDS if c.program == program)
