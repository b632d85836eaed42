"""The `new-year`, `check` and `diff` subcommands: their arguments and what they print.

`generator/cli.py` adds them to its parser and hands them over here; errors the clerk can fix are
`GeneratorError`s, printed by cli.py as one Vietnamese line each.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from ..files import display_path
from ..errors import ContentError
from .table import command_help

# The commands' modules are imported when one is run: `build` does not pay for them at start-up.


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """argparse words its help and errors in English; the clerk reads Vietnamese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **{**kwargs, "add_help": False})
        self._positionals.title = "các lệnh"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="xem hướng dẫn này")

    TRANSLATIONS = (
        (r"invalid choice: (.*?) \(choose from (.*)\)$", r"không có lựa chọn \1 (chọn một trong: \2)"),
        (r"expected one argument$", "cần một giá trị"),
        (r"ignored explicit argument (.*)$", r"không nhận giá trị (bỏ \1)"),
        (r"^unrecognized arguments: ", "không hiểu tham số: "),
        (r"^the following arguments are required: ", "thiếu: "),
        (r"^argument ([^:]+): ", r"tham số \1: "),
    )

    def error(self, message: str) -> None:
        for pattern, replacement in self.TRANSLATIONS:
            message = re.sub(pattern, replacement, message)
        help_command = " ".join(filter(None, ("python -m generator", self.prog.partition(" ")[2], "--help")))
        self.exit(2, f"Lỗi lệnh: {message} (xem: {help_command})\n")


def year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"năm phải là bốn chữ số, ví dụ 2025 (nhận được «{text}»)")
    return int(text)


def day(text: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"ngày phải có dạng năm-tháng-ngày, ví dụ 2025-10-31 (nhận được «{text}»)")


def positive(text: str) -> int:
    if not re.fullmatch(r"\d+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên từ 1 trở lên (nhận được «{text}»)")
    return int(text)


def add_edition_commands(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new-year", help=command_help("new-year"))
    new.add_argument(
        "--from",
        dest="from_year",
        type=year,
        metavar="NĂM",
        help="năm của bản cũ (mặc định: năm mới nhất trong content/)",
    )
    new.add_argument(
        "--to", dest="to_year", type=year, metavar="NĂM", help="năm của bản mới (mặc định: năm sau năm của bản cũ)"
    )
    checking = commands.add_parser("check", help=command_help("check"))
    checking.add_argument(
        "--year", type=year, metavar="NĂM", help="năm cần kiểm tra (mặc định: năm mới nhất trong content/)"
    )
    checking.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi (kết thúc với mã lỗi 1)")
    comparing = commands.add_parser("diff", help=command_help("diff"))
    comparing.add_argument(
        "--from", dest="from_year", type=year, metavar="NĂM", help="năm của bản cũ (mặc định: bản ngay trước bản mới)"
    )
    comparing.add_argument(
        "--to", dest="to_year", type=year, metavar="NĂM", help="năm của bản mới (mặc định: năm mới nhất trong content/)"
    )
    comparing.add_argument(
        "--date",
        dest="on",
        type=day,
        metavar="NGÀY",
        help="ngày ghi ở bản so sánh và các thay đổi, dạng 2025-10-31 (mặc định: hôm nay)",
    )
    from .tong_hop import add_command

    add_command(commands, year)
    importing = commands.add_parser("nhap", help=command_help("nhap"))
    importing.add_argument("file", type=Path, metavar="TỆP", help="tệp kế hoạch (.docx hoặc .pdf)")
    importing.add_argument(
        "--year", type=year, metavar="NĂM", help="năm của nội dung mới (mặc định: năm ghi ở ngày của kế hoạch)"
    )
    from . import nhan_sua

    nhan_sua.add_command(commands, year)


def _problems(err: ContentError) -> None:
    for problem in err.problems:
        print(problem, file=sys.stderr)


def run_edition_command(args: argparse.Namespace) -> int:
    return _EDITION_COMMANDS[args.command](args)


def _tong_hop(args: argparse.Namespace) -> int:
    from .tong_hop import run

    return run(args)


def _nhan_sua(args: argparse.Namespace) -> int:
    from .nhan_sua import run

    return run(args)


def _new_year(args: argparse.Namespace) -> int:
    from .new_year import NewEditionInvalid, new_year

    try:
        result = new_year(args.content, args.from_year, args.to_year)
    except NewEditionInvalid as err:
        _problems(err)
        print(
            f"Bản nháp năm mới có {len(err.problems)} lỗi như trên (số dòng là của bản nháp; tệp cùng tên của năm "
            "cũ có chỗ tương ứng); chưa tạo thư mục nào, nội dung cũ giữ nguyên.",
            file=sys.stderr,
        )
        return 1
    except ContentError as err:
        _problems(err)
        print(
            f"Nội dung năm cũ có {len(err.problems)} lỗi; sửa xong rồi chạy lại. Chưa tạo thư mục nào.", file=sys.stderr
        )
        return 1
    old_year, new_year_ = int(result.source.name), int(result.folder.name)
    print(
        f"Đã tạo {display_path(result.folder)} từ {display_path(result.source)} (nội dung năm {old_year} giữ nguyên)."
    )
    print("Đã đổi (bản dự thảo: số và ngày ban hành để trống):")
    for change in result.changes:
        print(f"  {change}")
    month = " và ngày của Tháng hành động" if result.action_month else ""
    print(f"Năm của kế hoạch ({{nam}}){month} tự theo năm {new_year_}.")
    if result.mentions:
        print(
            f"Các chỗ còn nhắc năm {old_year}, thường là số, ngày của văn bản khác; chương trình không tự sửa, "
            "hãy xem lại từng chỗ:"
        )
        for mention in result.mentions:
            print(mention)
        print(
            f"Còn {len(result.mentions)} chỗ nhắc năm {old_year} cần xem lại. "
            f"Sửa xong, kiểm tra bằng: make check YEAR={new_year_}"
        )
    else:
        print(f"Không còn chỗ nào nhắc năm {old_year}.")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .check import check, summary
    from .common import existing_edition, newest_year

    year = args.year if args.year is not None else newest_year(args.content)
    folder = existing_edition(args.content, year)
    try:
        result = check(args.content, year)
    except ContentError as err:
        _problems(err)
        print(
            f"Kiểm tra {display_path(folder)}: {len(err.problems)} lỗi; chưa xét cảnh báo (sửa hết lỗi rồi chạy lại).",
            file=sys.stderr,
        )
        return 1
    stream = sys.stderr if args.strict and result.notices else sys.stdout
    for notice in result.notices:
        print(notice, file=stream)
    print(summary(result, args.strict), file=stream)
    return 1 if args.strict and result.notices else 0


def _diff(args: argparse.Namespace) -> int:
    from ..engine import held_open_line
    from .diff import diff
    from .diff_output import automatic_line, summary_lines

    report, comparison = diff(args.content, args.output, args.templates, args.from_year, args.to_year, args.on)
    for path, copy in report.set_aside:
        print(f"  {display_path(path)} đã được sửa tay: bản sửa được chép sang {display_path(copy)}")
    for path in report.kept_edited:
        print(f"  giữ nguyên bản sửa tay {display_path(path)} (so sánh không đổi)")
    for path in report.written:
        print(f"  đã ghi {display_path(path)}")
    for path in report.held_open:
        print(held_open_line(path))
    for line in summary_lines(comparison):
        print(line)
    automatic = automatic_line(comparison)
    if automatic:
        print(automatic)
    print(
        "Mở tệp .html bằng trình duyệt để xem; mở tệp .docx bằng Word, thẻ Review (Xem lại), "
        "để chấp nhận (Accept) hoặc từ chối (Reject) từng thay đổi."
    )
    return 1 if report.held_open else 0


def _nhap(args: argparse.Namespace) -> int:
    from ..importing.run import nhap

    result = nhap(args.content, args.file, args.year)
    for warning in result.warnings:
        print(f"Chú ý: {warning}")
    if result.unplaced:
        print(f"Các đoạn chưa đặt đúng chỗ ({len(result.unplaced)}), cần xem lại trong {display_path(result.folder)}:")
        for unplaced in result.unplaced:
            print(f"  {unplaced}")
    print(
        f"Đã tạo {display_path(result.folder)} từ {display_path(args.file)}; có {result.guesses} chỗ chương trình "
        f"đoán, đánh dấu «# KIỂM TRA:». Xem lại, xóa chú thích đó ở chỗ đã đúng, rồi chạy: "
        f"make check YEAR={result.folder.name}"
    )
    return 0


# The subcommands run_edition_command runs (the others, build and xem, are the CLI's own).
_EDITION_COMMANDS = {
    "new-year": _new_year,
    "check": _check,
    "diff": _diff,
    "tong-hop": _tong_hop,
    "nhap": _nhap,
    "nhan-sua": _nhan_sua,
}
EDITION_COMMANDS = tuple(_EDITION_COMMANDS)
