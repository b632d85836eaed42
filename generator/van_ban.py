"""The `van-ban` command: the Makefile's commands for a machine without make (Windows).

`van-ban documents YEAR=2024` does what `make documents YEAR=2024` does, and so on for each
command of the Makefile. `make help` prints the same list as `van-ban help`, from the table below
(the Makefile runs `python -m generator.van_ban help make`): the clerk's commands, in Vietnamese.
Only the standard library is imported before a command runs, so that `make help` works before
anything is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The offline bundle (`make offline-bundle`): the wheels an install without network takes.
BUNDLE = "goi-cai-dat"


@dataclass(frozen=True)
class Command:
    name: str
    variables: tuple[str, ...]  # NAME=value arguments it takes, as in the Makefile
    help: str  # one line, for the clerk
    for_developers: bool = False


COMMANDS = (
    Command(
        "documents",
        ("YEAR", "OUTPUT"),
        "tạo văn bản (Word và PDF) của năm mới nhất, hoặc của năm YEAR, vào output/<năm>/",
    ),
    Command(
        "xem", ("YEAR", "OUTPUT"), "xem văn bản trong trình duyệt; tự tạo lại mỗi khi lưu nội dung (Ctrl+C để dừng)"
    ),
    Command("test", (), "kiểm tra chương trình"),
    Command("check", ("YEAR", "STRICT"), "kiểm tra nội dung mà không tạo văn bản; STRICT=1: coi cảnh báo là lỗi"),
    Command("new-year", ("FROM", "TO"), "soạn nội dung năm TO từ nội dung năm FROM (bản dự thảo)"),
    Command(
        "diff",
        ("FROM", "TO", "OUTPUT"),
        "so sánh kế hoạch năm FROM với năm TO (tệp HTML và tệp Word có đánh dấu thay đổi)",
    ),
    Command(
        "tong-hop",
        ("YEAR", "OUTPUT"),
        "tổng hợp các biểu mẫu đã nhận ở content/<năm>/bao-cao-nhan/ vào output/<năm>/tong-hop/",
    ),
    Command(
        "offline-bundle",
        (),
        f"tải các gói Python vào thư mục {BUNDLE}/ để mang sang cài ở máy không có mạng (cùng loại máy)",
    ),
    Command("nhap", ("TEP", "YEAR"), "tạo nội dung content/<năm>/ từ tệp kế hoạch Word TEP (không ghi đè năm đã có)"),
    Command(
        "nhan-sua", ("YEAR", "OUTPUT"), "đưa chỗ sửa trong Word của kế hoạch (output/<năm>/ke-hoach.docx) về nội dung"
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
}
# The Makefile's PYTEST_JOBS: two test processes (pytest-xdist), one test file each at a time.
TEST_JOBS = ("-n", "2", "--dist", "loadfile")
# What the Makefile's test-portable target sets: the paths Windows takes, on any system.
PORTABLE = {"GENERATOR_START_METHOD": "spawn", "GENERATOR_LOCK": "file"}


def help_text(program: str) -> str:
    width = max(len(f"{program} {c.name} " + " ".join(f"[{v}={EXAMPLES[v]}]" for v in c.variables)) for c in COMMANDS)
    lines = [f"Cách dùng: {program} <lệnh> [TÊN=giá trị …]", "", "Các lệnh:"]
    for developers in (False, True):
        if developers:
            lines += ["", "Cho người phát triển chương trình:"]
        for command in (c for c in COMMANDS if c.for_developers == developers):
            usage = f"{program} {command.name} " + " ".join(f"[{v}={EXAMPLES[v]}]" for v in command.variables)
            lines.append(f"  {usage.ljust(width)}  {command.help}")
    lines += [
        "",
        "Không ghi YEAR, FROM, TO thì chương trình chọn năm mới nhất trong content/ (xem README.md).",
        "Không ghi OUTPUT thì văn bản được ghi vào thư mục output/.",
    ]
    return "\n".join(lines)


class UsageError(Exception):
    pass


def _arguments(command: Command, assignments: list[str]) -> list[str]:
    """NAME=value arguments as the options of `python -m generator <command>`."""
    values = {}
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        if not equals or name not in command.variables:
            accepted = ", ".join(f"{v}=…" for v in command.variables) or "không nhận tham số nào"
            raise UsageError(f"lệnh {command.name} không hiểu «{assignment}» (lệnh này nhận: {accepted})")
        values[name] = value
    options = {"YEAR": "--year", "FROM": "--from", "TO": "--to"}
    result = []
    for name, value in values.items():
        if name == "TEP":
            result.insert(0, value)
        elif name == "STRICT":
            if value:
                result.append("--strict")
        elif name == "OUTPUT":
            if value:
                result[:0] = ["--output", value]  # an option of the program, before the command's name
        elif value:
            result += [options[name], value]
    return result


def _python(*args: str, environment: dict[str, str] | None = None) -> int:
    """Another Python process in the project folder, with UTF-8 output on any code page."""
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8", **(environment or {}))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env).returncode


def run(argv: list[str]) -> int:
    if not argv or argv[0] in ("help", "-h", "--help"):
        program = argv[1] if len(argv) > 1 and argv[0] == "help" else "van-ban"
        print(help_text(program))
        return 0
    command = next((c for c in COMMANDS if c.name == argv[0]), None)
    if command is None:
        raise UsageError(f"không có lệnh «{argv[0]}» (xem: van-ban help)")
    arguments = _arguments(command, argv[1:])
    if command.name == "nhap" and "TEP" not in " ".join(argv[1:]):
        raise UsageError("lệnh nhap cần tên tệp kế hoạch, ví dụ: van-ban nhap TEP=ke-hoach.docx")
    if command.name in ("documents", "xem", "check", "new-year", "diff", "tong-hop", "nhap", "nhan-sua"):
        from .cli import main

        leading = arguments[:2] if arguments[:1] == ["--output"] else []
        name = {"documents": "build"}.get(command.name, command.name)
        return main([*leading, name, *arguments[len(leading) :]])
    if command.name == "test":
        return _python("-m", "pytest", "-q", *TEST_JOBS)
    if command.name == "test-portable":
        return _python("-m", "pytest", "-q", "-p", "tests.posix_disabled", *TEST_JOBS, environment=PORTABLE)
    if command.name == "golden":
        return _python("-m", "pytest", "-q", "tests/test_golden.py", "--update-golden")
    if command.name == "offline-bundle":
        return _python(
            *("-m", "pip", "download", "--disable-pip-version-check", "-d", BUNDLE, ".[test]", "setuptools>=68", "pip")
        )
    if command.name == "bench":
        return _python("tools/bench.py")
    if command.name == "lint":
        paths = ("generator", "tests", "tools")
        return _python("-m", "ruff", "check", *paths) or _python("-m", "ruff", "format", "--check", *paths)
    return _python("tools/make_docx_templates.py")


def main(argv: list[str] | None = None) -> int:
    from .cli import utf8_output

    utf8_output()
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except UsageError as err:
        print(f"Lỗi lệnh: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
