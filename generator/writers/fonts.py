"""The body font: Times New Roman, or a metric-compatible substitute, never a silent fallback.

Decree 30 asks for Times New Roman. Where the machine lacks it, Liberation Serif or Tinos have the
same metrics, so lines and pages break as in Word. Anything else (DejaVu, …) would change the
layout, so the build stops and says what to install.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import EnvironmentProblem

FAMILY = "Times New Roman"
METRIC_COMPATIBLE = ("Times New Roman", "Liberation Serif", "Tinos")
# Letters that only a font with full Vietnamese coverage has.
VIETNAMESE_SAMPLE = "ĂÂĐÊÔƠƯăâđêôơưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"

INSTALL_HINT = "cài gói fonts-liberation2 (Debian/Ubuntu: sudo apt-get install fonts-liberation2) hoặc phông Times New Roman"


@dataclass(frozen=True)
class BodyFont:
    family: str  # the family fontconfig gives for "Times New Roman"
    files: dict[str, Path]  # "regular", "bold", "italic", "bold-italic" → font file


_STYLES = {"regular": "", "bold": ":weight=bold", "italic": ":slant=italic", "bold-italic": ":weight=bold:slant=italic"}


def _match(pattern: str) -> tuple[str, Path]:
    result = subprocess.run(
        ["fc-match", "-f", "%{family[0]}\n%{file}", pattern], capture_output=True, text=True, check=True
    )
    family, _, file = result.stdout.partition("\n")
    return family.strip(), Path(file.strip())


@functools.cache
def font_identity() -> str:
    """Which font renders the PDFs, cheaply (one fontconfig call), for the build's fingerprints."""
    if shutil.which("fc-match") is None:
        return "no fontconfig"
    family, path = _match(FAMILY)
    return f"{family}|{path}"


@functools.cache
def body_font() -> BodyFont:
    """The font that renders the PDF, checked for metrics and Vietnamese letters."""
    if shutil.which("fc-match") is None:
        raise EnvironmentProblem(f"không tìm thấy fontconfig (lệnh fc-match) để chọn phông chữ; cài gói fontconfig, rồi {INSTALL_HINT}")
    files: dict[str, Path] = {}
    family = ""
    for style, suffix in _STYLES.items():
        family_found, path = _match(FAMILY + suffix)
        if family_found not in METRIC_COMPATIBLE:
            raise EnvironmentProblem(
                f"máy không có phông Times New Roman hay phông cùng kích thước chữ (Liberation Serif, Tinos); "
                f"fontconfig chọn “{family_found}”, sẽ làm sai dàn trang; {INSTALL_HINT}"
            )
        family = family or family_found
        files[style] = path
    _check_vietnamese(files["regular"], family)
    return BodyFont(family=family, files=files)


def _check_vietnamese(path: Path, family: str) -> None:
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; only needed here

    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap()
    missing = [char for char in VIETNAMESE_SAMPLE if ord(char) not in cmap]
    if missing:
        raise EnvironmentProblem(f"phông {family} ({path}) thiếu chữ tiếng Việt: {''.join(missing[:10])}; {INSTALL_HINT}")


@functools.cache
def check_harfbuzz_subset() -> None:
    """WeasyPrint subsets fonts about 3 times faster with HarfBuzz's subset library."""
    import ctypes.util  # not at module level: a no-op build never needs it

    if ctypes.util.find_library("harfbuzz-subset") is None:
        raise EnvironmentProblem(
            "thiếu thư viện libharfbuzz-subset0 (WeasyPrint cần để nhúng phông nhanh); "
            "cài bằng: sudo apt-get install libharfbuzz-subset0"
        )


@functools.cache
def _metrics(path: Path) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width_mm(text: str, size_pt: float, style: str = "regular") -> float:
    """The advance width of one line of text in the body font (no kerning), in millimetres."""
    cmap, advances, units = _metrics(body_font().files[style])
    total = sum(advances[cmap[ord(char)]][0] for char in text if ord(char) in cmap)
    return total / units * size_pt * 25.4 / 72
