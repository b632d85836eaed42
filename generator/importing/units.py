"""An entry of Tổ chức thực hiện given to a list of lower units ("UBND các xã, phường"): a unit
list in don-vi.yaml whose units are the ones the Nơi nhận names one by one ("UBND xã An Khương").

Which headings are such entries, which Nơi nhận lines name a unit, and how a unit list writes to
its units are the importer's rules (mac-dinh/nhap.yaml, `danh_sach_don_vi`): no word is in code.
"""

from __future__ import annotations

import re

from .emit import Guess, content_text
from .structure import folded, slug


def unit_kinds(heading: str, rules: dict) -> list[str]:
    """The kinds of unit a heading gives to ("UBND các xã, phường" → xã, phường), else []."""
    words = rules["danh_sach_don_vi"]
    text = folded(heading).rstrip(":").strip()
    for prefix in words["tien_to"]:
        if not text.startswith(folded(prefix)):
            continue
        parts = [part.strip() for part in re.split(r",\s*|\s+và\s+", text[len(folded(prefix)) :])]
        known = [folded(kind) for kind in words["loai_don_vi"]]
        if parts and all(part in known for part in parts):
            return [kind for kind in words["loai_don_vi"] if folded(kind) in parts]
    return []


def named_unit(line: str, kinds: list[str], rules: dict) -> tuple[str, str] | None:
    """(kind, place) when a Nơi nhận line names one unit of those kinds: "UBND xã An Khương"."""
    for prefix in rules["danh_sach_don_vi"]["tien_to_noi_nhan"]:
        if not folded(line).startswith(folded(prefix)):
            continue
        rest = line[len(prefix) :].strip()
        for kind in sorted(kinds, key=len, reverse=True):
            if folded(rest).startswith(folded(kind) + " "):
                place = rest[len(kind) :].strip()
                if place and place[:1].isupper() and "," not in place:
                    return kind, place
    return None


def _unit_list(code: str, heading: str, units: list[dict], rules: dict) -> dict:
    """A unit list written to as the importer's rules say (the clerk checks its wording)."""
    template = rules["danh_sach_don_vi"]["mau"]
    result = {"ma": code, **template, "don_vi": units}
    result["loai"] = Guess(template["loai"], f"các đơn vị của «{heading}»: loại và lời văn theo mẫu chung")
    return result


def unit_lists(agencies: list[dict], recipients: list[dict], rules: dict) -> tuple[list[dict], list[str]]:
    """For each body record that is a list of units, the unit list its units make (taken from the
    Nơi nhận lines that name them); the record then stands for the list. Returns (lists, warnings)."""
    lists, warnings, taken = [], [], {a["ma"] for a in agencies}
    for agency in agencies:
        heading = agency["ten"].value if isinstance(agency["ten"], Guess) else agency["ten"]
        kinds = unit_kinds(heading, rules)
        if not kinds:
            continue
        units = []
        for line in recipients:
            found = named_unit(line["ten"], kinds, rules)
            if found is None:
                continue
            kind, place = found
            code = slug(f"{kind} {place}")
            while code in taken:
                code += "-2"
            taken.add(code)
            name = content_text(kind[:1].upper() + kind[1:] + " " + place)
            units.append({"ma": code, "ten": name, "dia_danh": content_text(place)})
        if not units:
            warnings.append(
                f"Mục «{heading}» giao cho các đơn vị nhưng Nơi nhận không ghi tên từng đơn vị: "
                "chỉ có một công văn chung; ghi các đơn vị vào don-vi.yaml nếu cần gửi từng đơn vị."
            )
            continue
        code = slug(f"danh sach {heading}")
        shown = ", ".join(unit["ten"] for unit in units)
        lists.append(_unit_list(code, heading, units, rules))
        agency["danh_sach"] = Guess(code, f"các đơn vị lấy từ các dòng Nơi nhận: {shown}")
        agency.pop("loai", None)  # a list's entry takes the kind of its list
    return lists, warnings
