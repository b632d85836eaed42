"""The plan's parts found in a DOCX's lines: header, title, sections, Tổ chức thực hiện, signature."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .emit import Guess, content_text
from .source import Line, plain

NUMBER = re.compile(r"Số\s*:\s*(\d*)\s*/\s*([^\s/]+)", re.IGNORECASE)
DATE = re.compile(r"^(.*?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})", re.IGNORECASE)
# A date after a plan's deadline words (nhap.yaml, loi_han): day, month and perhaps the year.
DEADLINE_DATE = r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:(?:/|\s+năm\s+)(\d{4}))?"
COLUMNS = re.compile(r"\t+| {3,}")
MOTTO = ("cộng hòa xã hội chủ nghĩa", "cộng hoà xã hội chủ nghĩa", "độc lập")


class NotAPlan(Exception):
    """The file read is not a plan; the message is in the clerk's words."""


@dataclass
class Node:
    depth: int
    title: str | None = None
    run_in: bool = False
    paragraphs: list[str] = field(default_factory=list)
    dashed: bool = False
    children: list[Node] = field(default_factory=list)
    line: int = 0


@dataclass
class Unplaced:
    line: int
    words: str
    why: str

    def __str__(self) -> str:
        return f"đoạn {self.line} («{' '.join(plain(self.words).split()[:8])}…»): {self.why}"


def folded(text: str) -> str:
    return plain(unicodedata.normalize("NFC", text)).casefold().strip()


def sentence_case(text: str) -> str:
    lower = text.lower()
    return lower[:1].upper() + lower[1:]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", plain(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "co-quan"


# ------------------------------------------------------------------ the items' tree


def _new_node(line: Line, depth: int) -> Node:
    node = Node(depth, line=line.number)
    bold = line.bold_prefix.strip()
    if depth <= 2 and bold and bold == line.text:
        node.title = line.text
    elif depth <= 2 and bold and len(bold) < len(line.text):
        node.title, node.run_in = bold, True
        node.paragraphs.append(line.text[len(bold) :].strip())
    else:
        node.paragraphs.append(line.text)
    return node


def _extra_paragraphs(node: Node) -> list[str]:
    """The paragraphs printed after the node's own labelled line."""
    return node.paragraphs[1:] if node.title is None or node.run_in else node.paragraphs


def build_tree(lines: list[Line], unplaced: list[Unplaced]) -> Node:
    """Numbered lines as nested items: each level under the nearest shallower one."""
    root = Node(0)
    stack = [root]
    for line in lines:
        if line.level is None:
            top = stack[-1]
            if top.dashed:
                unplaced.append(Unplaced(line.number, line.text, "đoạn không gạch đầu dòng giữa các gạch đầu dòng"))
            top.paragraphs.append(line.text)
            continue
        while stack[-1].depth >= line.level and len(stack) > 1:
            stack.pop()
        top = stack[-1]
        if line.level > top.depth + 1 and line.level >= 4 and not top.children and top.depth > 0:
            extra = _extra_paragraphs(top)
            if extra and not top.dashed:
                unplaced.append(Unplaced(line.number, line.text, "gạch đầu dòng sau đoạn không gạch"))
            top.dashed = True
            top.paragraphs.append(line.text)
            continue
        if line.level > top.depth + 1:
            unplaced.append(Unplaced(line.number, line.text, "cấp đánh số không liền cấp trên; số thứ tự có thể đổi"))
        node = _new_node(line, top.depth + 1)
        top.children.append(node)
        stack.append(node)
    return root


def item(node: Node) -> dict:
    result: dict = {}
    if node.title is not None:
        result["tieu_de"] = content_text(node.title)
        if node.run_in:
            result["cung_dong"] = True
    if node.paragraphs:
        result["doan"] = [content_text(p) for p in node.paragraphs]
    if node.dashed:
        result["gach_dau_dong"] = True
    if node.children:
        result["muc"] = [item(child) for child in node.children]
    return result


# ------------------------------------------------------------------ header and signature


def header(lines: list[Line], rules: dict) -> tuple[dict, dict, int]:
    """(issuer, document meta, index of the line after the trích yếu)."""
    title_index = next(
        (i for i, line in enumerate(lines) if line.cells is None and folded(line.text) == folded(rules["ten_loai"])),
        None,
    )
    if title_index is None or title_index + 1 >= len(lines):
        raise NotAPlan(f"không thấy tên loại văn bản «{rules['ten_loai']}» ở đầu tệp: tệp này không phải một kế hoạch")
    left: list[str] = []
    texts: list[str] = []
    for line in lines[:title_index]:
        if line.cells is not None:
            for row in line.cells:
                if row:
                    left += row[0]
                texts += [text for cell in row for text in cell]
        else:
            # The two columns typed on one line: split by tabs, or by the spaces that stand for them.
            columns = COLUMNS.split(line.extra.get("raw", line.text).strip())
            left.append(columns[0])
            texts += columns
    left = [text.strip() for text in left if text.strip()]
    texts = [text.strip() for text in texts if text.strip()]
    number = next((NUMBER.search(t) for t in texts if NUMBER.search(t)), None)
    dated = next((DATE.search(t) for t in texts if DATE.search(t)), None)
    header_lines = [t for t in left if not NUMBER.search(t) and not DATE.search(t) and not folded(t).startswith(MOTTO)]
    if not header_lines or dated is None:
        raise NotAPlan("không đọc được tên cơ quan ban hành hoặc dòng địa danh, ngày tháng ở đầu kế hoạch")
    place = dated.group(1).strip()
    issuer = issuer_record(header_lines, place, number.group(2) if number else "", rules)
    title = lines[title_index + 1]
    type_code, _, _ = (number.group(2) if number else "KH-").partition("-")
    meta = {
        "ky_hieu_loai": type_code or "KH",
        "ten_loai": lines[title_index].text,
        "so": int(number.group(1)) if number and number.group(1) else None,
        "ngay_ban_hanh": {
            "nam": int(dated.group(4)),
            "thang": int(dated.group(3)) if dated.group(3) else None,
            "ngay": int(dated.group(2)) if dated.group(2) else None,
        },
        "trich_yeu": content_text(title.text).replace(place, "{dia_danh}") if place else content_text(title.text),
    }
    return issuer, meta, title_index + 2


def issuer_record(header_lines: list[str], place: str, symbol: str, rules: dict) -> dict:
    own = header_lines[-2:] if len(header_lines) >= 2 else header_lines
    parent = header_lines[0] if len(header_lines) > 2 else None
    body = sentence_case(own[0])
    last = own[-1] if len(own) > 1 else ""
    level, level_word = "xa", ""
    for word, code in sorted(rules["cap"].items(), key=lambda pair: -len(pair[0])):
        if folded(last).startswith(folded(word)):
            level, level_word = code, word
            break
    named = last[len(level_word) :].strip()
    where = "{dia_danh}" if folded(named) == folded(place) else named.title()
    abbreviation = rules["viet_tat"].get(body, body)
    _, _, code = symbol.partition("-")
    return {
        "cap": Guess(level, f"đoán từ dòng «{last}» ở tiêu đề"),
        "ten": Guess(f"{body} {level_word} {where}".strip(), f"ghép từ tiêu đề «{' / '.join(own)}»"),
        "ten_viet_tat": Guess(f"{abbreviation} {level_word} {where}".strip(), "viết tắt đoán từ tên cơ quan"),
        "xung_ho": Guess(f"{abbreviation} {level_word}".strip(), "cách tự gọi đoán từ tên cơ quan"),
        "co_quan_chu_quan": parent,
        "dong_tieu_de": [body, f"{level_word} {where}".strip()] if last else [body],
        "ky_hieu": code or abbreviation,
        "dia_danh": place,
        "tham_quyen": Guess(rules["tien_to_tham_quyen"] + own[0].upper(), "dòng thẩm quyền đoán từ tên cơ quan"),
    }


def _starts_recipients(line: Line) -> bool:
    return line.cells is None and folded(line.extra.get("raw", line.text)).startswith("nơi nhận")


def tabbed_signature(lines: list[Line]) -> list[Line]:
    """Lines where the Nơi nhận and the signature are typed side by side with tabs ("Nơi nhận:⇥KT.
    CHỦ TỊCH", "- Sở Nội vụ;⇥PHÓ CHỦ TỊCH", "⇥Trần Thị Thu Hà") instead of in a table: those
    paragraphs as the two cells of one table, as a signature table reads."""
    start = next((i for i, line in enumerate(lines) if _starts_recipients(line)), None)
    if start is None or any(is_signature_table(line) for line in lines):
        return lines
    end = start
    while end < len(lines) and lines[end].cells is None:
        raw = lines[end].extra.get("raw", lines[end].text)
        if end > start and "\t" not in raw and not re.match(r"^\s*[-–+]", raw):
            break  # the block ends at a paragraph in neither of its columns
        end += 1
    left, right = [], []
    for line in lines[start:end]:
        columns = COLUMNS.split(line.extra.get("raw", line.text).strip("\n"))
        left.append(columns[0].strip())
        right += [column.strip() for column in columns[1:]]
    block = Line(lines[start].number, "", None, "", cells=[[[t for t in left if t], [t for t in right if t]]])
    return [*lines[:start], block, *lines[end:]]


def is_signature_table(line: Line) -> bool:
    return line.cells is not None and any(
        folded(text).startswith("nơi nhận") for row in line.cells for cell in row for text in cell
    )


def signature(line: Line, issuer: dict) -> tuple[dict, list[dict], list[str]]:
    """(signer, Nơi nhận lines, Lưu) from the table under the plan's last paragraph."""
    cells = [cell for row in line.cells for cell in row]
    recipients_cell = next(c for c in cells if any(folded(t).startswith("nơi nhận") for t in c))
    signer_cell = next((c for c in cells if c is not recipients_cell and any(t for t in c)), [])
    recipients, archive = [], ["VT"]
    for text in recipients_cell:
        text = text.strip()
        if not text or folded(text).startswith("nơi nhận"):
            continue
        text = re.sub(r"^[-–+]\s*", "", text)
        if folded(text).startswith("lưu"):
            archive = [part.strip() for part in re.split(r",", re.sub(r"^Lưu\s*:?\s*", "", text).rstrip(".")) if part]
            continue
        recipients.append({"ten": content_text(text.rstrip(";,.").strip())})
    signer_lines = [t.strip() for t in signer_cell if t.strip()]
    on_behalf = bool(signer_lines) and folded(signer_lines[0]).startswith("tm.")
    if on_behalf:
        issuer["tham_quyen"] = signer_lines[0]
    titles = signer_lines[1 if on_behalf else 0 : -1] or ["CHỦ TỊCH"]
    signer = {
        "thay_mat": on_behalf,
        "chuc_vu": titles,
        "ho_ten": signer_lines[-1] if len(signer_lines) > 1 else Guess("", "không đọc được tên người ký"),
    }
    return signer, recipients, archive
