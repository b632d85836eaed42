"""The body font: Times New Roman wherever it is installed, else a metric-compatible substitute,
never a silent fallback. Any other family the Word template's styles name (a clerk may set the
body style in Arial) is looked for the same way: itself, else a family of the same metrics, else
the build stops and says so.

Decree 30 asks for Times New Roman. It is looked for first where Windows keeps it (on Windows
itself, and under WSL through /mnt/c), then through fontconfig (Linux with Microsoft's fonts
installed). Where the machine lacks it, Liberation Serif or Tinos have the same metrics, so lines
and pages break as in Word. Anything else (DejaVu, …) would change the layout, so the build stops
and says what to install.

Fonts found in a Windows fonts folder are given to WeasyPrint by @font-face with their files:
fontconfig under WSL does not see them, and on Windows it may not see a user's own fonts.

This module stands below content/ and checks/ (which need the font's coverage of characters) and
writers/ (which set text in it); the libraries WeasyPrint loads and the font's metrics are in
writers/fonts.py.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import EnvironmentProblem, GeneratorError

FAMILY = "Times New Roman"
SUBSTITUTES = ("Liberation Serif", "Tinos")
METRIC_COMPATIBLE = (FAMILY, *SUBSTITUTES)
# Families drawn with the same advance widths and line heights: a text set in one of them breaks
# into the same lines and pages in any other (Word on Windows, LibreOffice and the PDF on Linux).
METRIC_TWINS = (METRIC_COMPATIBLE, ("Arial", "Liberation Sans", "Arimo"), ("Courier New", "Liberation Mono", "Cousine"))
STYLES = ("regular", "bold", "italic", "bold-italic")
# Letters that only a font with full Vietnamese coverage has.
VIETNAMESE_SAMPLE = (
    "ĂÂĐÊÔƠƯăâđêôơưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)

# The files of each family as Windows (and Office for Mac) or the family's own package installs them,
# by style: for each style, the names it may have.
FILE_NAMES = {
    "Times New Roman": (
        ("times.ttf", "Times New Roman.ttf"),
        ("timesbd.ttf", "Times New Roman Bold.ttf"),
        ("timesi.ttf", "Times New Roman Italic.ttf"),
        ("timesbi.ttf", "Times New Roman Bold Italic.ttf"),
    ),
    "Liberation Serif": (
        ("LiberationSerif-Regular.ttf",),
        ("LiberationSerif-Bold.ttf",),
        ("LiberationSerif-Italic.ttf",),
        ("LiberationSerif-BoldItalic.ttf",),
    ),
    "Tinos": (("Tinos-Regular.ttf",), ("Tinos-Bold.ttf",), ("Tinos-Italic.ttf",), ("Tinos-BoldItalic.ttf",)),
    "Arial": (
        ("arial.ttf", "Arial.ttf"),
        ("arialbd.ttf", "Arial Bold.ttf"),
        ("ariali.ttf", "Arial Italic.ttf"),
        ("arialbi.ttf", "Arial Bold Italic.ttf"),
    ),
    "Courier New": (
        ("cour.ttf", "Courier New.ttf"),
        ("courbd.ttf", "Courier New Bold.ttf"),
        ("couri.ttf", "Courier New Italic.ttf"),
        ("courbi.ttf", "Courier New Bold Italic.ttf"),
    ),
}
FONTCONFIG = "fontconfig"  # BodyFont.source of a font found by fc-match
WSL_DRIVE = Path("/mnt/c")  # Windows' C: drive as WSL mounts it


def twins(family: str) -> tuple[str, ...]:
    """`family` first, then the families of the same metrics, in the order to look for them."""
    for group in METRIC_TWINS:
        if family.casefold() in (name.casefold() for name in group):
            return (family, *(name for name in group if name.casefold() != family.casefold()))
    return (family,)


def install_hint(family: str = FAMILY) -> str:
    if family != FAMILY:
        return (
            f"cài phông {family} vào máy (mở tệp phông, bấm Install), hoặc mở mẫu Word "
            "(templates/van-ban.docx) và chọn cho kiểu đoạn đó một phông máy đã có"
        )
    if sys.platform == "win32":
        return "cài phông Times New Roman (có sẵn trong Windows; Settings → Personalization → Fonts)"
    package = debian_package(*LIBERATION_PACKAGES)
    return f"cài gói {package} (Debian/Ubuntu: sudo apt-get install {package}) hoặc phông Times New Roman"


# Debian 12 ships Liberation 2 (every Vietnamese letter) as fonts-liberation2; Ubuntu 24.04 and
# Debian 13 as fonts-liberation. Ubuntu 24.04 and Debian 13 renamed GLib's library package (t64).
LIBERATION_PACKAGES = ("fonts-liberation2", "fonts-liberation")


def debian_package(*names: str) -> str:
    """The first of a package's names (one per release) that this system's apt knows; the first
    name without apt or its lists. Only asked when something is missing."""
    if shutil.which("apt-cache"):
        for name in names:
            shown = subprocess.run(["apt-cache", "show", name], capture_output=True, text=True, check=False)
            if shown.returncode == 0 and "Package:" in shown.stdout:
                return name
    return names[0]


@dataclass(frozen=True)
class BodyFont:
    family: str  # the family the PDFs name in their stylesheet
    files: dict[str, Path]  # "regular", "bold", "italic", "bold-italic" → font file
    source: str = FONTCONFIG  # FONTCONFIG, or the folder the files were found in

    @property
    def font_faces(self) -> str:
        """@font-face rules for files fontconfig may not know; none for a font it found itself."""
        if self.source == FONTCONFIG:
            return ""
        rules = []
        for style, path in self.files.items():
            weight = "bold" if "bold" in style else "normal"
            slant = "italic" if "italic" in style else "normal"
            rules.append(
                f'@font-face {{ font-family: "{self.family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {slant}; }}\n"
            )
        return "".join(rules)


def font_folders(platform: str = sys.platform, environ=os.environ, wsl_drive: Path | None = None):
    """The folders Windows keeps fonts in, as this system sees them, in the order to search them:
    the system's fonts, then each user's own (Windows 10 1809 and later install a font for one user
    in %LOCALAPPDATA%). Yielded one by one: a folder is only looked at if the ones before lack the font."""
    if platform == "win32":
        yield Path(environ.get("WINDIR") or environ.get("SystemRoot") or r"C:\Windows") / "Fonts"
        if environ.get("LOCALAPPDATA"):
            yield Path(environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts"
        return
    if platform == "darwin":  # Office for Mac installs Times New Roman here
        yield from (
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path.home() / "Library" / "Fonts",
        )
        return
    drive = wsl_drive or WSL_DRIVE
    if (drive / "Windows" / "Fonts").is_dir():  # WSL
        yield drive / "Windows" / "Fonts"
        yield from sorted(drive.glob("Users/*/AppData/Local/Microsoft/Windows/Fonts"))


def _in_folder(folder: Path, family: str) -> dict[str, Path] | None:
    """The four files of a family in one folder, or None unless all four are there."""
    files = {}
    if family not in FILE_NAMES:
        return None
    for style, names in zip(STYLES, FILE_NAMES[family], strict=True):
        found = next((folder / name for name in names if (folder / name).is_file()), None)
        if found is None:
            return None
        files[style] = found
    return files


@functools.cache
def _in_folders(families: tuple[str, ...]) -> BodyFont | None:
    for family in families:
        for folder in font_folders():
            files = _in_folder(folder, family)
            if files is not None:
                return BodyFont(family, files, str(folder))
    return None


_FONTCONFIG_STYLES = {
    "regular": "",
    "bold": ":weight=bold",
    "italic": ":slant=italic",
    "bold-italic": ":weight=bold:slant=italic",
}


def _match(pattern: str) -> tuple[str, Path]:
    result = subprocess.run(
        ["fc-match", "-f", "%{family[0]}\n%{file}", pattern], capture_output=True, text=True, check=True
    )
    family, _, file = result.stdout.partition("\n")
    return family.strip(), Path(file.strip())


@functools.cache
def _fontconfig_regular(family: str = FAMILY) -> tuple[str, Path] | None:
    return _match(family) if shutil.which("fc-match") else None


@functools.cache
def _regular(family: str = FAMILY) -> tuple[str, Path, str] | None:
    """The font's family, regular file and source (a folder, or FONTCONFIG), cheaply: no font
    file read, one fontconfig call at most. The build's fingerprints need it on every run."""
    candidates = twins(family)
    font = _in_folders(candidates[:1])
    regular = _fontconfig_regular(family) if font is None else None
    if font is None and regular is not None and regular[0].casefold() in map(str.casefold, candidates):
        return regular[0], regular[1], FONTCONFIG
    font = font or _in_folders(candidates[1:])
    return (font.family, font.files["regular"], font.source) if font else None


@functools.cache
def _found(family: str = FAMILY) -> BodyFont | str:
    """The font's four files, found by their names, or why there is none."""
    regular = _regular(family)
    if regular is None:
        fontconfig = _fontconfig_regular(family)
        if fontconfig is not None:
            return f"fontconfig chọn “{fontconfig[0]}”, sẽ làm sai dàn trang"
        return "không tìm thấy phông nào trong thư mục phông của Windows, và máy không có fontconfig (lệnh fc-match)"
    found_family, path, source = regular
    if source != FONTCONFIG:
        return _in_folders((found_family,))
    files = {"regular": path}
    for style in STYLES[1:]:
        found, files[style] = _match(family + _FONTCONFIG_STYLES[style])
        if found != found_family:
            return f"fontconfig chọn “{found}” cho chữ {style}, sẽ làm sai dàn trang"
    return BodyFont(found_family, files)


def font_identity() -> str:
    """Which font renders the PDFs, for the build's fingerprints."""
    regular = _regular()
    return f"{regular[0]}|{regular[1]}" if regular else "no font"


def font_in_use() -> str:
    """For the build's last line: which font the PDFs use, in the clerk's words."""
    regular = _regular()
    if regular is None:
        return "chưa có phông chữ cho PDF"
    if regular[0] == FAMILY:
        return f"PDF dùng phông {FAMILY}"
    return f"PDF dùng phông {regular[0]}, cùng kích thước chữ với {FAMILY} (máy không có {FAMILY})"


@functools.cache
def body_font(family: str = FAMILY) -> BodyFont:
    """The font that renders the PDF's text set in `family` (the body font unless a template
    style names another), checked for its family, metrics and Vietnamese letters."""
    found = _found(family)
    if isinstance(found, str):
        same = ", ".join(twins(family)[1:])
        raise EnvironmentProblem(
            f"máy không có phông {family}"
            + (f" hay phông cùng kích thước chữ ({same})" if same else "")
            + f": {found}; {install_hint(family)}"
        )
    if found.source != FONTCONFIG:  # found by its file name: the file says which family it is
        named = _family_in_file(found.files["regular"])
        if named.casefold() not in map(str.casefold, twins(family)):
            raise EnvironmentProblem(
                f"tệp {found.files['regular']} là phông “{named}”, không phải {found.family}; {install_hint(family)}"
            )
        found = dataclasses.replace(found, family=named)
    _check_vietnamese(found.files["regular"], found.family, family)
    return found


def _family_in_file(path: Path) -> str:
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; only needed here

    with TTFont(path, lazy=True) as font:
        return font["name"].getBestFamilyName() or ""


def _check_vietnamese(path: Path, family: str, wanted: str = FAMILY) -> None:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap()
    missing = [char for char in VIETNAMESE_SAMPLE if ord(char) not in cmap]
    if missing:
        raise EnvironmentProblem(
            f"phông {family} ({path}) thiếu chữ tiếng Việt: {''.join(missing[:10])}; {install_hint(wanted)}"
        )


@functools.cache
def glyph_coverage() -> tuple[str, frozenset[int]] | None:
    """The body font's family and the characters all of its faces have; None without a usable
    font (the build stops on that by itself, with its own message). What the content checks need
    to refuse a character the PDF could not print."""
    try:
        font = body_font()
    except GeneratorError:
        return None
    from fontTools.ttLib import TTFont

    common: set[int] | None = None
    for path in font.files.values():
        with TTFont(path, lazy=True) as face:
            cmap = set(face.getBestCmap())
        common = cmap if common is None else common & cmap
    return font.family, frozenset(common or ())
