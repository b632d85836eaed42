"""What the PDF writer needs of the machine: the libraries WeasyPrint loads, and the widths of
text in the body font (found by generator.fonts)."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

from ..errors import EnvironmentProblem
from ..fonts import FAMILY, body_font, debian_package

# ---------------------------------------------------------------- the libraries WeasyPrint loads
# By the names WeasyPrint (weasyprint/text/ffi.py) tries, for Linux, macOS and Windows (MSYS2 or
# the GTK runtime), with the Debian package that has each.
LIBRARIES = {
    "GObject": (
        (
            "libgobject-2.0-0",
            "gobject-2.0-0",
            "gobject-2.0",
            "libgobject-2.0.so.0",
            "libgobject-2.0.0.dylib",
            "libgobject-2.0-0.dll",
        ),
        ("libglib2.0-0t64", "libglib2.0-0"),
    ),
    "Pango": (
        ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"),
        "libpango-1.0-0",
    ),
    "PangoFT2": (
        (
            "libpangoft2-1.0-0",
            "pangoft2-1.0-0",
            "pangoft2-1.0",
            "libpangoft2-1.0.so.0",
            "libpangoft2-1.0.dylib",
            "libpangoft2-1.0-0.dll",
        ),
        "libpangoft2-1.0-0",
    ),
    "fontconfig": (
        (
            "libfontconfig-1",
            "fontconfig-1",
            "fontconfig",
            "libfontconfig.so.1",
            "libfontconfig.1.dylib",
            "libfontconfig-1.dll",
        ),
        "libfontconfig1",
    ),
    "HarfBuzz": (
        ("libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"),
        "libharfbuzz0b",
    ),
    # WeasyPrint subsets fonts about 3 times faster with it; it runs without, so it checks nothing.
    "HarfBuzz subset": (
        (
            "libharfbuzz-subset-0",
            "harfbuzz-subset",
            "harfbuzz-subset-0.0",
            "libharfbuzz-subset.so.0",
            "libharfbuzz-subset.0.dylib",
            "libharfbuzz-subset-0.dll",
        ),
        "libharfbuzz-subset0",
    ),
}
# Where WeasyPrint looks for the DLLs on Windows unless WEASYPRINT_DLL_DIRECTORIES says otherwise.
WINDOWS_DLL_DIRECTORIES = r"C:\msys64\ucrt64\bin;C:\msys64\mingw64\bin;C:\Program Files\GTK3-Runtime Win64\bin"


def _loadable(names: tuple[str, ...]) -> bool:
    import ctypes  # not at module level: a no-op build never needs it

    options = {"winmode": 0x00001000} if os.name == "nt" else {}  # LOAD_LIBRARY_SEARCH_DEFAULT_DIRS, as WeasyPrint
    for name in names:
        try:
            ctypes.CDLL(name, **options)
            return True
        except OSError:
            continue
    return False


@functools.cache
def _add_windows_dll_directories() -> None:
    """As WeasyPrint does on import: the folders of the GTK libraries join the DLL search path."""
    if hasattr(os, "add_dll_directory"):
        for folder in os.environ.get("WEASYPRINT_DLL_DIRECTORIES", WINDOWS_DLL_DIRECTORIES).split(";"):
            if folder and os.path.isdir(folder):
                os.add_dll_directory(folder)


def missing_libraries(names: tuple[str, ...] = tuple(LIBRARIES)) -> list[str]:
    _add_windows_dll_directories()
    return [name for name in names if not _loadable(LIBRARIES[name][0])]


def _library_problem(missing: list[str]) -> EnvironmentProblem:
    if sys.platform == "win32":
        return EnvironmentProblem(
            f"thiếu thư viện {', '.join(missing)} mà WeasyPrint cần để tạo PDF; cài MSYS2 (https://www.msys2.org) rồi chạy "
            "trong cửa sổ MSYS2: pacman -S mingw-w64-ucrt-x86_64-pango (xem README, phần cài đặt trên Windows); "
            "nếu đã cài ở thư mục khác C:\\msys64, đặt biến môi trường WEASYPRINT_DLL_DIRECTORIES là thư mục bin của nó"
        )
    packages = " ".join(
        debian_package(*package) if isinstance(package, tuple) else package
        for package in (LIBRARIES[name][1] for name in missing)
    )
    return EnvironmentProblem(
        f"thiếu thư viện {', '.join(missing)} mà WeasyPrint cần để tạo PDF; cài bằng: sudo apt-get install {packages}"
    )


@contextlib.contextmanager
def no_library_search():
    """While WeasyPrint is imported on Linux: it tries each library's Windows and macOS names before
    the Linux one, and cffi looks up each name it cannot load with ctypes.util.find_library, which
    runs ldconfig, gcc and ld for it: some 200 programs, a third of WeasyPrint's import. The Linux
    names on its list (libpango-1.0.so.0, …) load as they are, so the search answers "not found"
    meanwhile. Elsewhere find_library runs no program and is left alone."""
    if sys.platform != "linux":
        yield
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


@functools.cache
def check_pdf_libraries() -> None:
    """Every library WeasyPrint loads, checked before any work starts, with what to install."""
    missing = missing_libraries()
    if missing:
        raise _library_problem(missing)


@functools.cache
def check_harfbuzz_subset() -> None:
    """WeasyPrint subsets fonts about 3 times faster with HarfBuzz's subset library."""
    missing = missing_libraries(("HarfBuzz subset",))
    if missing:
        raise _library_problem(missing)


@functools.cache
def _metrics(path: Path) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width_mm(text: str, size_pt: float, style: str = "regular", family: str = FAMILY) -> float:
    """The advance width of one line of text in a font (the body font unless told; no kerning), in
    millimetres. A family this machine lacks is measured in the body font: only the PDF needs the
    font itself, and the build refuses a PDF in a missing font before anything is written."""
    try:
        font = body_font(family)
    except EnvironmentProblem:
        font = body_font()
    cmap, advances, units = _metrics(font.files[style])
    total = sum(advances[cmap[ord(char)]][0] for char in text if ord(char) in cmap)
    return total / units * size_pt * 25.4 / 72


@functools.cache
def _single_line(path: Path) -> float:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        hhea, units = font["hhea"], font["head"].unitsPerEm
        os2 = font.get("OS/2")
        if os2 is not None and os2.fsSelection & (1 << 7):  # USE_TYPO_METRICS
            return round((os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap) / units, 3)
        return round((hhea.ascent - hhea.descent + hhea.lineGap) / units, 3)


def single_line(family: str = FAMILY) -> float:
    """The height of one line at single spacing, in font sizes, as Word and LibreOffice give it
    (ascent, descent and line gap): 1.15 for Times New Roman and Arial, 1.164 for DejaVu Sans."""
    return _single_line(body_font(family).files["regular"])
