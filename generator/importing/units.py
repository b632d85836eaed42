"""An entry of Tổ chức thực hiện given to a list of lower units ("UBND các xã, phường"): a unit
list in don-vi.yaml whose units are the ones the Nơi nhận names one by one ("UBND xã An Khương").

Which headings are such entries, which Nơi nhận lines name a unit, and how a unit list writes to
its units are the importer's rules (mac-dinh/nhap.yaml, `danh_sach_don_vi`): no word is in code.
"""

from __future__ import annotations

import re

from .emit import Guess, content_text
from .structure import folded, slug


def shapes(rules: dict) -> list[dict]:
    """The kinds of unit list the importer knows: lower People's Committees (danh_sach_don_vi),
    then the others (danh_sach_khac: hamlets, schools…), each with its words and its template."""
    return [rules["danh_sach_don_vi"], *rules.get("danh_sach_khac", [])]


def _kinds_in(text: str, shape: dict) -> list[str]:
    for ending in shape.get("hau_to", []):  # "… trên địa bàn xã"
        at = text.find(" " + folded(ending))
        text = text[:at] if at > 0 else text
    parts = [part.strip() for part in re.split(r",\s*|\s+và\s+", text)]
    known = [folded(kind) for kind in shape["loai_don_vi"]]
    if parts and all(part in known for part in parts):
        return [kind for kind in shape["loai_don_vi"] if folded(kind) in parts]
    return []


def list_shape(heading: str, rules: dict) -> tuple[dict, list[str]] | None:
    """(the shape, the kinds of unit) a heading gives to ("UBND các xã, phường" → xã, phường)."""
    text = folded(heading).rstrip(":").strip()
    for shape in shapes(rules):
        for prefix in shape["tien_to"]:
            if text.startswith(folded(prefix)):
                kinds = _kinds_in(text[len(folded(prefix)) :], shape)
                if kinds:
                    return shape, kinds
    return None


def unit_kinds(heading: str, rules: dict) -> list[str]:
    """The kinds of unit a heading gives to ("UBND các xã, phường" → xã, phường), else []."""
    found = list_shape(heading, rules)
    return found[1] if found else []


def _one_unit(piece: str, kinds: list[str], shape: dict) -> tuple[str, str, str] | None:
    """(kind, place, name) of "xã An Khương" (or "Trường MN Hòa An" with its abbreviations)."""
    words = {folded(kind): kind for kind in kinds}
    words.update({folded(short): kind for kind, short in shape.get("viet_tat", {}).items() if kind in kinds})
    for prefix in sorted(shape["tien_to_noi_nhan"], key=len, reverse=True):
        if not folded(piece).startswith(folded(prefix)):
            continue
        rest = piece[len(prefix) :].strip()
        for word in sorted(words, key=len, reverse=True):
            if folded(rest).startswith(word + " "):
                place = rest[len(word) :].strip()
                if place and place[:1].isupper():
                    name = piece if shape.get("ten_giu_tien_to") else rest[:1].upper() + rest[1:]
                    return words[word], place, name
    return None


def named_units(line: str, kinds: list[str], shape: dict) -> list[tuple[str, str, str]]:
    """(kind, place, name) of each unit a Nơi nhận line names: "UBND xã An Khương" is one, "Ban
    Nhân dân thôn Hòa Bình, thôn Hòa Lợi" two (a piece after the first may leave out the prefix)."""
    pieces = [piece.strip() for piece in re.split(r",\s+", line) if piece.strip()]
    first = _one_unit(pieces[0], kinds, shape) if pieces else None
    if first is None:
        return []
    found = [first]
    prefix = pieces[0][: len(pieces[0]) - len(first[2])] if not shape.get("ten_giu_tien_to") else ""
    for piece in pieces[1:]:
        unit = _one_unit(piece, kinds, shape) or _one_unit(prefix + piece, kinds, shape)
        if unit is None:
            return []
        found.append(unit)
    return found


def _unit_list(code: str, heading: str, units: list[dict], shape: dict) -> dict:
    """A unit list written to as the importer's rules say (the clerk checks its wording)."""
    template = shape["mau"]
    result = {"ma": code, **template, "don_vi": units}
    result["loai"] = Guess(template["loai"], f"các đơn vị của «{heading}»: loại và lời văn theo mẫu chung")
    return result


def unit_lists(agencies: list[dict], recipients: list[dict], rules: dict) -> tuple[list[dict], list[str]]:
    """For each body record that is a list of units, the unit list its units make (taken from the
    Nơi nhận lines that name them); the record then stands for the list. Returns (lists, warnings)."""
    lists, warnings, taken = [], [], {a["ma"] for a in agencies}
    for agency in agencies:
        heading = agency["ten"].value if isinstance(agency["ten"], Guess) else agency["ten"]
        found = list_shape(heading, rules)
        if found is None:
            continue
        shape, kinds = found
        units, lines = [], []
        for line in recipients:
            named = named_units(line.get("ten", ""), kinds, shape)
            lines += [line] if named else []
            for _kind, place, name in named:
                code = slug(name)
                while code in taken:
                    code += "-2"
                taken.add(code)
                units.append({"ma": code, "ten": content_text(name), "dia_danh": content_text(place)})
        if not units:
            warnings.append(
                f"Mục «{heading}» giao cho các đơn vị nhưng Nơi nhận không ghi tên từng đơn vị: "
                "chỉ có một công văn chung; ghi các đơn vị vào don-vi.yaml nếu cần gửi từng đơn vị."
            )
            continue
        code = slug(f"danh sach {heading}")
        shown = ", ".join(unit["ten"] for unit in units)
        lists.append(_unit_list(code, heading, units, shape))
        agency["danh_sach"] = Guess(code, f"các đơn vị lấy từ các dòng Nơi nhận: {shown}")
        agency.pop("loai", None)  # a list's entry takes the kind of its list
        if len(lines) == 1 and len(units) > 1:  # one line names them all: it is the list's own line
            text = lines[0].pop("ten")
            lines[0]["co_quan"] = agency["ma"]
            agency["ten_viet_tat"] = Guess(text, "tên viết tắt lấy từ dòng Nơi nhận ghi các đơn vị")
    return lists, warnings
