"""The `tong-hop` subcommand: collect the returned forms of an edition (generator/collect/)."""

from __future__ import annotations

import argparse

from ..build import Project
from ..engine import held_open_line
from ..files import display_path
from .table import command_help


def add_command(commands: argparse._SubParsersAction, year) -> None:
    collecting = commands.add_parser("tong-hop", help=command_help("tong-hop"))
    collecting.add_argument(
        "--year", type=year, metavar="NĂM", help="năm cần tổng hợp (mặc định: năm mới nhất trong content/)"
    )
    collecting.add_argument(
        "--ky",
        metavar="KỲ",
        help="kế hoạch nhiều kỳ báo cáo: kỳ cần tổng hợp, ghi năm của hạn kỳ đó (như trong tên tệp biểu mẫu), ví dụ 2027",
    )


def run(args: argparse.Namespace) -> int:
    from ..collect.run import REPORT_UP, collect_edition

    project = Project(content=args.content, templates=args.templates, output=args.output)
    report = collect_edition(project, args.year, args.ky)
    for path, copy in report.set_aside:
        print(f"  {display_path(path)} đã được sửa tay: bản sửa được chép sang {display_path(copy)}")
    for path in report.kept_edited:
        print(f"  giữ nguyên bản sửa tay {display_path(path)} (không có báo cáo mới)")
    for path in report.written:
        print(f"  đã ghi {display_path(path)}")
    for path in report.held_open:
        print(held_open_line(path))
    if not report.written and not report.held_open:
        print("  không có báo cáo mới hay thay đổi: không ghi tệp nào")
    print(f"Đã báo cáo: {report.reported}/{report.expected} đơn vị.")
    if report.missing:
        print(f"Chưa báo cáo ({len(report.missing)}): {', '.join(report.missing)}.")
    if report.late:
        print(f"Báo cáo trễ hạn ({len(report.late)}): {', '.join(report.late)}.")
    for name, problems in report.bad_files:
        print(f"Tệp {name} không được tính: {'; '.join(problems)}")
    for name, problems in report.invalid:
        print(f"Tệp {name} được tính, trừ số liệu chưa hợp lệ: {'; '.join(problems)}")
    print(
        f"Xem {display_path(report.folder / 'theo-doi-bao-cao.html')} (mở bằng trình duyệt) và "
        f"{display_path(report.folder / 'bao-cao-tong-hop.docx')} (mở bằng Word để sửa)."
    )
    report_up = report.folder / f"{REPORT_UP}.docx"
    if report_up.is_file():
        print(f"Báo cáo gửi cấp trên: {display_path(report_up)} (mở bằng Word, ghi số, ngày rồi trình ký).")
    return 1 if report.held_open else 0
