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
from pathlib import Path

from .commands.table import BUNDLE, COMMANDS, EXAMPLES, FILE_ARGUMENT, FLAGS, OPTIONS, PROGRAM_OPTIONS, Command

ROOT = Path(__file__).resolve().parent.parent


# The Makefile's TEST_JOBS: two test processes (pytest-xdist), one test file each at a time.
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
    result = []
    for name, value in values.items():
        if not value:
            continue
        if name == FILE_ARGUMENT:
            result.insert(0, value)
        elif name in FLAGS:
            result.append(FLAGS[name])
        elif name in PROGRAM_OPTIONS:
            result[:0] = [PROGRAM_OPTIONS[name], value]  # an option of the program, before the subcommand
        else:
            result += [OPTIONS[name], value]
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
    if command.program is not None:
        from .cli import main

        leading = arguments[:2] if arguments[:1] == ["--output"] else []
        return main([*leading, command.program, *arguments[len(leading) :]])
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
