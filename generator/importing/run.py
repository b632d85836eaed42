"""`nhap FILE [--year YEAR]`: write content/<năm>/ from a plan typed in Word, validated first."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..untrusted import NotAForm
from ..checks import load_edition
from ..content.source import unconfirmed
from ..errors import ContentError, EditionExists, GeneratorError
from ..files import check_folder, display_path
from .emit import document
from .plan import Imported, import_plan
from .source import read_lines
from .structure import NotAPlan, Unplaced

DEFAULTS = Path(__file__).resolve().parent / "mac-dinh"
COPIED = ("loai-noi-nhan.yaml", "don-vi.yaml", "bieu-mau.yaml")
HEADERS = {
    "co-quan-ban-hanh.yaml": "Cơ quan ban hành, nhập từ kế hoạch Word (make nhap). Xóa chú thích KIỂM TRA khi đã xem.",
    "ke-hoach.yaml": "Kế hoạch, nhập từ tệp Word (make nhap). Xóa chú thích KIỂM TRA khi đã xem lại chỗ đó.",
    "co-quan.yaml": "Các cơ quan ở mục Tổ chức thực hiện, nhập từ kế hoạch Word. Xóa chú thích KIỂM TRA khi đã xem.",
    "don-vi.yaml": "Các đơn vị cấp dưới, nhập từ Nơi nhận của kế hoạch Word. Xóa chú thích KIỂM TRA khi đã xem.",
}


class ImportProblem(GeneratorError):
    """The file given to `nhap` cannot be imported."""


@dataclass(frozen=True)
class ImportResult:
    folder: Path
    unplaced: tuple[Unplaced, ...]
    warnings: tuple[str, ...]
    guesses: int


def rules() -> dict:
    return yaml.safe_load((DEFAULTS / "nhap.yaml").read_text(encoding="utf-8"))


def read_plan(source: Path, year: int | None) -> Imported:
    """The imported content of `source`, or ImportProblem naming the file."""
    shown = display_path(source)
    if str(source) in ("", "."):
        raise ImportProblem("cần tên tệp kế hoạch Word, ví dụ: make nhap TEP=ke-hoach.docx")
    if not source.is_file():
        raise ImportProblem(f"không tìm thấy tệp {shown}")
    try:
        settings = rules()
        if source.suffix.lower() == ".pdf":
            from .pdf import read_pdf_lines

            return import_plan(read_pdf_lines(source, settings["ten_loai"]), settings, year)
        return import_plan(read_lines(source), settings, year)
    except (NotAForm, NotAPlan) as err:
        raise ImportProblem(f"{shown}: {err}; chưa ghi gì vào nội dung") from None


def _with_reporting_defaults(plan: str, year: int) -> str:
    """ke-hoach.yaml with the documented bao_cao fields of mac-dinh/bao-cao.yaml (the deadline
    words, and the summary deadline and report up commented out) after the ones read from the plan."""
    defaults = (DEFAULTS / "bao-cao.yaml").read_text(encoding="utf-8").replace("__NAM__", str(year))
    added = defaults.split("\nbao_cao:\n", 1)[1]
    lines = plan.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith("bao_cao:"))
    end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines))
    return "".join(lines[:end]) + added + "".join(lines[end:])


def texts(imported: Imported) -> dict[str, str]:
    """Every file of the new edition, as text."""
    result = {name: document(value, HEADERS[name]) for name, value in imported.files.items()}
    result["ke-hoach.yaml"] = _with_reporting_defaults(result["ke-hoach.yaml"], imported.year)
    for name in COPIED:
        if name not in result:
            result[name] = (DEFAULTS / name).read_text(encoding="utf-8")
    plan = imported.files["ke-hoach.yaml"]
    symbol = imported.files["co-quan-ban-hanh.yaml"]["ky_hieu"]
    unit = plan["van_ban"]["don_vi_soan_thao"].value
    result["cong-van.yaml"] = (
        (DEFAULTS / "cong-van.yaml").read_text(encoding="utf-8").replace("__KY_HIEU__", f"{symbol}-{unit}")
    )
    return result


def nhap(content: Path, source: Path, year: int | None = None) -> ImportResult:
    imported = read_plan(source, year)
    target = content / str(imported.year)
    check_folder(content)
    check_folder(target)  # a link named like the year is refused, not followed
    if target.exists():
        raise EditionExists(
            f"đã có nội dung năm {imported.year} (thư mục {display_path(target)}); chương trình không ghi đè. "
            "Chọn năm khác bằng YEAR=<năm>, hoặc đổi tên thư mục đó trước."
        )
    files = texts(imported)
    work = content / f".nhap-{imported.year}-{os.getpid()}"
    temporary = work / str(imported.year)
    try:
        temporary.mkdir(parents=True)
        for name, text in files.items():
            (temporary / name).write_bytes(text.encode("utf-8"))
        try:
            load_edition(temporary)
        except ContentError as err:
            first = err.problems[0]
            raise ImportProblem(
                f"{display_path(source)}: nội dung đọc được chưa hợp lệ ({len(err.problems)} lỗi, đầu tiên: "
                f"{first.field}: {first.message}); chưa ghi gì vào nội dung"
            ) from None
        if target.exists():
            raise EditionExists(f"đã có nội dung năm {imported.year} (thư mục {display_path(target)}); không ghi đè.")
        os.rename(temporary, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    guesses = sum(len(unconfirmed(text)) for text in files.values())
    return ImportResult(target, tuple(imported.unplaced), tuple(imported.warnings), guesses)
