"""The command line: `python -m generator build [--year N]`, and `new-year`, `check`, `diff`
(generator/commands/).

Known problems (GeneratorError) are printed in Vietnamese and end with exit code 1; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .build import Project, build
from .engine import held_open_line
from .commands.console import (
    EDITION_COMMANDS,
    ArgumentParser,
    add_edition_commands,
    positive,
    run_edition_command,
    year,
)
from .commands.table import command_help
from .errors import ContentError, GeneratorError
from .files import display_path
from .fonts import font_in_use

ROOT = Path(__file__).resolve().parent.parent


class ProgressBar:
    """A one-line bar on a terminal; nothing when the output goes to a file or a pipe."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.shown = stream.isatty()

    def update(self, done: int, total: int) -> None:
        if self.shown:
            filled = self.WIDTH * done // total
            self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} tệp")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 20) + "\r")
            self.stream.flush()


def parser() -> argparse.ArgumentParser:
    main = ArgumentParser(prog="generator", description="Tạo văn bản (DOCX, PDF) từ nội dung kế hoạch.")
    main.add_argument(
        "--content",
        type=Path,
        default=ROOT / "content",
        metavar="THƯ_MỤC",
        help="thư mục nội dung (mặc định: content/)",
    )
    main.add_argument(
        "--templates",
        type=Path,
        default=ROOT / "templates",
        metavar="THƯ_MỤC",
        help="thư mục mẫu (mặc định: templates/)",
    )
    main.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="THƯ_MỤC",
        help="thư mục kết quả (mặc định: output/; với --content khác content/: output/<tên thư mục nội dung>/)",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="lệnh")
    build_command = commands.add_parser("build", help=command_help("build"))
    build_command.add_argument(
        "--year", type=year, metavar="NĂM", help="năm cần tạo (mặc định: năm mới nhất trong content/)"
    )
    build_command.add_argument("--force", action="store_true", help="tạo lại mọi văn bản, kể cả văn bản không thay đổi")
    build_command.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=None,
        metavar="SỐ",
        help="số tiến trình chạy song song (mặc định: số lõi CPU)",
    )
    preview_command = commands.add_parser("xem", help=command_help("xem"))
    preview_command.add_argument(
        "--year", type=year, metavar="NĂM", help="năm cần xem (mặc định: năm mới nhất trong content/)"
    )
    preview_command.add_argument(
        "--port", type=positive, default=8030, metavar="CỔNG", help="cổng của trang xem (mặc định: 8030)"
    )
    preview_command.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    add_edition_commands(commands)
    return main


def default_output(content: Path) -> Path:
    """Where a content tree's documents go: output/ for the project's own content, output/<name>/
    for another tree (an example under examples/), so that two trees never share a year folder."""
    if content.resolve() == (ROOT / "content").resolve():
        return ROOT / "output"
    return ROOT / "output" / content.resolve().name


def check_apart(content: Path, output: Path) -> None:
    """The content and output folders must not hold one another: outputs inside content/ would be
    read as content (and copied into next year's by new-year), content inside output/ could be
    removed by a build."""
    inner, outer = content.resolve(), output.resolve()
    if inner == outer or outer.is_relative_to(inner) or inner.is_relative_to(outer):
        raise GeneratorError(
            f"thư mục kết quả {display_path(output)} và thư mục nội dung {display_path(content)} không được "
            "trùng nhau hay nằm trong nhau; chọn --output ở ngoài thư mục nội dung"
        )


def any_pdf(paths) -> bool:
    return any(Path(path).suffix == ".pdf" for path in paths)


def other_fonts_note(template: Path) -> str:
    from .writers.word_styles import other_fonts_note as note  # python-docx: only after a build wrote PDFs

    return note(template)


def run(args: argparse.Namespace) -> int | None:
    if args.output is None:
        args.output = default_output(args.content)
    check_apart(args.content, args.output)
    if args.command in EDITION_COMMANDS:
        return run_edition_command(args)
    project = Project(content=args.content, templates=args.templates, output=args.output)
    if args.command == "xem":
        from .preview import serve

        return serve(project, args.year, port=args.port, browser=not args.no_browser)
    if args.command == "build":
        bar = ProgressBar(sys.stderr)
        report = build(project, args.year, force=args.force, workers=args.jobs, progress=bar.update)
        bar.close()
        from .document.wording import decimal  # here: a no-op build must not pay for the content model

        moved = dict(report.moved_aside)
        for path in report.removed:
            if path in moved:
                print(
                    f"  đã bỏ {display_path(path)} (không còn trong nội dung); tệp đã được sửa tay nên được "
                    f"chuyển sang {display_path(moved[path])}"
                )
            else:
                print(f"  đã xóa {display_path(path)} (không còn trong nội dung)")
        for path, copy in report.set_aside:
            print(
                f"  {display_path(path)} đã được sửa tay: bản sửa được chép sang {display_path(copy)}, "
                "văn bản được tạo lại theo nội dung"
            )
        for path in report.kept_edited:
            print(f"  giữ nguyên bản sửa tay {display_path(path)} (nội dung của văn bản này không đổi)")
        for path in report.held_open:
            print(held_open_line(path))
        for notice in report.notices:  # before the last line, which names the PDFs' font
            print(notice)
        held = f", {len(report.held_open)} tệp đang mở chưa ghi được" if report.held_open else ""
        # A restyled template's other fonts, once PDFs were written (their styles are read by then).
        others = other_fonts_note(project.templates / "van-ban.docx") if any_pdf(report.written) else ""
        print(
            f"{'Chưa xong' if held else 'Xong'} {display_path(report.folder)}: ghi {len(report.written)} tệp, "
            f"giữ nguyên {report.unchanged}, xóa {len(report.removed)}{held}; {decimal(report.seconds, 1)} giây. "
            f"{font_in_use()}{others}."
        )
        return 1 if held else 0


def _stop(signum, frame) -> None:
    # SIGTERM becomes an exception, so the file being written is removed and workers are stopped.
    raise KeyboardInterrupt


def utf8_output() -> None:
    """Vietnamese on any console. Windows gives output to a pipe or a file its ANSI code page
    (cp1252, …), which has no ơ or ư: printing would end in UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    args = parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    try:
        code = run(args)
    except KeyboardInterrupt:
        print("Đã dừng giữa chừng. Các tệp đã ghi đều trọn vẹn; chạy lại lệnh để hoàn tất.", file=sys.stderr)
        return 130
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"Có {len(err.problems)} lỗi trong nội dung; chưa tạo hay thay đổi văn bản nào.", file=sys.stderr)
        return 1
    except GeneratorError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    return code or 0
