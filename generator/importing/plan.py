"""The plan's content (ke-hoach.yaml, co-quan.yaml) from its lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..content.distribution import file_key
from ..content.text import without_marks
from ..files import MAX_NAME
from .columns import fitted_mm
from .emit import Guess, content_text
from .source import Line
from .units import unit_kinds, unit_lists
from .structure import (
    DEADLINE_DATE,
    Node,
    NotAPlan,
    Unplaced,
    build_tree,
    folded,
    header,
    is_signature_table,
    item,
    signature,
    slug,
    tabbed_signature,
)


@dataclass
class Imported:
    year: int
    files: dict[str, dict] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    colon_after_bodies: bool = True


def split_closing(body: list[Line]) -> tuple[list[Line], list[Line]]:
    """The body's lines and the closing paragraphs: the unnumbered ones after the last numbered
    line, leaving one to a last heading that has none of its own."""
    last = max((i for i, line in enumerate(body) if line.level is not None), default=-1)
    if last < 0:
        return body, []
    start = last + 1
    if start < len(body) and body[last].bold_prefix.strip() == body[last].text:
        start += 1
    return body[:start], body[start:]


def kind_of(heading: str, rules: dict) -> tuple[str, str | None]:
    """The recipient kind a heading's words suggest, and the words that did."""
    for rule in rules["loai"]:
        for word in rule["chu"]:
            if folded(word) in folded(heading):
                return rule["loai"], word
    return "giao", None


def body_names(heading: str, rules: dict, recipients: tuple[str, ...] = ()) -> list[str]:
    """The bodies an entry's heading names: "Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh" is two,
    "Các sở, ban, ngành" one (a part that starts in lower case belongs to the one before), and so is
    a name the Nơi nhận writes whole ("Sở Văn hóa, Thể thao và Du lịch")."""
    name = heading
    for prefix in rules["bo_tien_to"]:
        if folded(name).startswith(folded(prefix)):
            name = name[len(prefix) :]
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    name = name[:1].upper() + name[1:]
    parts = [part.strip() for part in re.split(r",\s+|\s+và\s+", name)]
    if any(folded(line) == folded(name) for line in recipients):
        return [name]
    several = len(parts) > 1 and all(part[:1].isupper() and len(part.split()) >= 2 for part in parts)
    # "Sở Giáo dục và Đào tạo" is one: each part must start as a body's name does.
    if several and (not rules.get("dau_ten_co_quan") or all(_body_word(part, rules) for part in parts)):
        return parts
    return [name]


def _without_prefix(heading: str, rules: dict) -> str:
    for prefix in rules["bo_tien_to"]:
        if folded(heading).startswith(folded(prefix)):
            return heading[len(prefix) :]
    return heading


def _body_word(name: str, rules: dict) -> str | None:
    """The word a body's name starts with ("Sở", "Phòng", "Công an"…: nhap.yaml, dau_ten_co_quan).
    After a one-word one the name goes on in capitals ("Hội Nông dân", "Sở Y tế"), which "Hội nghị
    sơ kết" or "Trường hợp …" do not."""
    for word in (w.strip() for w in rules.get("dau_ten_co_quan", [])):
        if folded(name).startswith(folded(word) + " "):
            rest = name[len(word) :].strip()
            if " " in word or rest[:1].isupper():
                return word
    return None


def names_a_body(heading: str, rules: dict, recipients: tuple[str, ...] = ()) -> str | None:
    """Why a heading typed without a colon ("1. Sở Nội vụ") is taken for a body's name: the word
    it starts with (nhap.yaml, dau_ten_co_quan), a list of units, or the Nơi nhận line naming it."""
    name = _without_prefix(heading, rules).strip()
    word = _body_word(name, rules)
    if word:
        return f"bắt đầu bằng «{word}»"
    if unit_kinds(heading, rules):
        return "là một danh sách đơn vị"
    line = next((line for line in recipients if names_body(line, name)), None)
    return f"dòng Nơi nhận «{line}» ghi tên đó" if line else None


def _short_name(name: str) -> Guess:
    """The body's name as its short name until the clerk writes one, its last words left out where
    its file names would be too long (the build refuses a name over files.MAX_NAME)."""
    words = name.split()
    if len(file_key(name)) > MAX_NAME and " và các " in name:  # "Ủy ban MTTQ xã và các tổ chức …": the first body
        words = name.split(" và các ")[0].split()
    while len(words) > 1 and len(file_key(" ".join(words))) > MAX_NAME:
        words.pop()
    if len(words) == len(name.split()):
        return Guess(content_text(name), "chưa có tên viết tắt: ghi tên ngắn in ở Nơi nhận và tên tệp")
    return Guess(
        content_text(" ".join(words).rstrip(" -,")),
        "tên đầy đủ quá dài cho tên tệp nên đã cắt bớt: ghi tên ngắn in ở Nơi nhận, ví dụ Ủy ban MTTQ xã",
    )


def _record(name: str, heading: str, rules: dict, taken: set[str]) -> dict:
    code = base = slug(name)
    counter = 2
    while code in taken:
        code, counter = f"{base}-{counter}", counter + 1
    taken.add(code)
    kind, word = kind_of(heading, rules)
    record = {
        "ma": code,
        "ten": Guess(content_text(name), f"tên lấy từ tiêu đề «{heading}»"),
        "ten_viet_tat": _short_name(name),
        "loai": Guess(kind, f"loại đoán từ chữ «{word}»" if word else "không thấy chữ nào chỉ loại: đoán là giao"),
    }
    for rule in rules.get("ky_bieu_mau_theo_ten", []):
        start = next((w for w in rule["dau_ten"] if folded(name).startswith(folded(w))), None)
        if start is not None:
            record["ky_bieu_mau"] = Guess(rule["ky_bieu_mau"], f"dòng ký của cơ quan có tên bắt đầu «{start}»")
            break
    return record


def entry(
    node: Node, rules: dict, taken: set[str], unplaced: list[Unplaced], recipients: tuple[str, ...] = ()
) -> tuple[object, list[dict], bool]:
    """(the assignment, its body records, whether its heading has a colon) from one entry of Tổ
    chức thực hiện. A heading without a colon is a body's name when names_a_body says so, else an
    item that is not a body ("Chế độ thông tin, báo cáo")."""
    paragraphs = list(node.paragraphs)
    heading = node.title if node.title is not None else paragraphs.pop(0) if paragraphs else ""
    heading = heading.strip()
    colon = heading.endswith(":")
    heading = heading.rstrip(":").rstrip()
    why = None if colon else names_a_body(heading, rules, recipients)
    is_body = colon or why is not None
    names = body_names(heading, rules, recipients) if is_body else []
    records = [_record(name, heading, rules, taken) for name in names]
    for record in records if why else ():
        record["ten"] = Guess(
            record["ten"].value, f"tiêu đề «{heading}» không có dấu hai chấm; đoán là cơ quan vì {why}"
        )
    # A run-in heading ("3. Phòng Kinh tế: Tham mưu …") keeps its first task on its line.
    run_in = node.run_in and is_body and bool(paragraphs)
    rest = paragraphs[1:] if run_in else paragraphs
    if len(rest) == 1 and node.dashed:
        unplaced.append(Unplaced(node.line, heading, "một nhiệm vụ có gạch đầu dòng: kế hoạch mới in không gạch"))
    if len(rest) > 1 and not node.dashed:
        unplaced.append(Unplaced(node.line, heading, "các nhiệm vụ không gạch đầu dòng: kế hoạch mới in có gạch"))
    if node.run_in and not run_in:
        unplaced.append(Unplaced(node.line, heading, "tiêu đề viết liền đoạn văn: kế hoạch mới in thành hai đoạn"))
    assignment: dict = {}
    if records:
        codes = [record["ma"] for record in records]
        assignment["co_quan"] = codes[0] if len(codes) == 1 else codes
    assignment["tieu_de"] = content_text(heading)
    if run_in:
        assignment["cung_dong"] = True
    assignment["nhiem_vu"] = [content_text(p) for p in paragraphs]
    if node.children:
        assignment["muc"] = [item(child) for child in node.children]
    if not records:
        return Guess(assignment, f"«{heading}» không có dấu hai chấm: coi là mục không giao cho cơ quan nào"), [], colon
    return assignment, records, colon


@dataclass
class _Parts:
    """The parts of a plan's lines, before they become content."""

    issuer: dict
    meta: dict
    opening: list[str]
    sections: list[dict]
    sections_after: list[dict]
    organisation: Node | None
    closing: list[Line]
    signature: Line
    appendices: list[dict]


def _parts(lines: list[Line], rules: dict, result: Imported, year: int | None) -> _Parts:
    lines = tabbed_signature(lines)
    issuer, meta, start = header(lines, rules)
    signature_index = next((i for i in range(start, len(lines)) if is_signature_table(lines[i])), None)
    if signature_index is None:
        raise NotAPlan("không thấy khối «Nơi nhận» và chữ ký ở cuối kế hoạch: tệp này không phải một kế hoạch")
    body = [line for line in lines[start:signature_index] if line.cells is None]
    body, closing = split_closing(body)
    result.year = year or meta["ngay_ban_hanh"]["nam"]
    if result.year != meta["ngay_ban_hanh"]["nam"]:
        written = meta["ngay_ban_hanh"]["nam"]
        meta["ngay_ban_hanh"] = Guess(
            {"nam": result.year, "thang": None, "ngay": None}, f"kế hoạch ghi năm {written}; ghi ngày ban hành mới"
        )
    appendices = appendix_tables(lines[signature_index + 1 :], result.unplaced)
    opening = []
    while body and body[0].level is None:
        opening.append(content_text(body.pop(0).text))
    opening = _bases_end(opening, rules)
    tree = build_tree(body, result.unplaced)
    organisation = next(
        (n for n in tree.children if n.title and folded(rules["tieu_de_to_chuc_thuc_hien"]) in folded(n.title)),
        None,
    )
    # The sections after Tổ chức thực hiện (Kinh phí, Chế độ báo cáo…) stay after it.
    at = tree.children.index(organisation) if organisation is not None else len(tree.children)
    sections = [item(n) for n in tree.children[:at]]
    after = [item(n) for n in tree.children[at + 1 :]]
    return _Parts(issuer, meta, opening, sections, after, organisation, closing, lines[signature_index], appendices)


def _bases_end(opening: list[str], rules: dict) -> list:
    """The opening, its "Căn cứ …" lines ending as Decree 30 asks (";" then "." on the last, unless
    the next line carries the list on with its own ";"): a line typed with another ending is given
    that one and marked, saying what the source had."""
    word = folded(rules.get("can_cu", ""))
    # The content's text: an italic line is between two "*".
    bases = [i for i, text in enumerate(opening) if word and folded(text.strip("*")).startswith(word)]
    if not bases or bases != list(range(bases[0], bases[-1] + 1)):
        return opening
    result = list(opening)
    # "Thực hiện Kế hoạch số …;" after the last "Căn cứ" line carries the list on: that one ends ";".
    following = opening[bases[-1] + 1].strip("*").rstrip() if bases[-1] + 1 < len(opening) else ""
    last = bases[-1] if not following.endswith(";") else None
    for at in bases:
        wanted = "." if at == last else ";"
        text = opening[at]
        words = text.strip("*")
        if words.endswith(wanted):
            continue
        ending = words[-1] if words[-1] in ";.,:" else ""
        mended = text.replace(words, words[: len(words) - len(ending)] + wanted, 1)
        typed = f"«{ending}»" if ending else "không có dấu"
        result[at] = Guess(mended, f"văn bản gốc kết thúc dòng căn cứ này {typed}; Nghị định 30 ghi «{wanted}»")
    return result


def _assignments(
    organisation: Node | None, rules: dict, result: Imported, recipients: tuple[str, ...]
) -> tuple[list, list[dict]]:
    """The entries of Tổ chức thực hiện and their body records; a stand-in when the plan has none."""
    taken: set[str] = set()
    assignments, agencies = [], []
    if organisation is None:
        result.warnings.append(
            f"Kế hoạch không có mục «{rules['tieu_de_to_chuc_thuc_hien']}»: đã thêm một mục tạm; "
            "không có công văn, biểu mẫu nào được tạo cho đến khi ghi các cơ quan và nhiệm vụ vào đó."
        )
    else:
        colons = []
        for node in organisation.children:
            assignment, records, colon = entry(node, rules, taken, result.unplaced, recipients)
            assignments.append(assignment)
            agencies += records
            if records:
                colons.append((colon, node))
        result.colon_after_bodies = _colons(colons, result.unplaced)
    if not agencies:
        stand_in = dict(rules["noi_tong_hop"])
        stand_in["ten"] = Guess(stand_in["ten"], "kế hoạch không giao cho cơ quan nào: ghi nơi tổng hợp báo cáo")
        agencies.append({**stand_in, "loai": "giao", "gui_cong_van": False})
        assignments.append(
            Guess(
                {"co_quan": stand_in["ma"], "nhiem_vu": [rules["nhiem_vu_tam"]]},
                "mục tạm: kế hoạch không có mục Tổ chức thực hiện; ghi các cơ quan và nhiệm vụ thật",
            )
        )
    return assignments, agencies


def _colons(colons: list[tuple[bool, Node]], unplaced: list[Unplaced]) -> bool:
    """Whether the bodies' headings print with a colon: as the plan typed them; where it typed
    some with and some without, with one (and the others are listed)."""
    if colons and not any(colon for colon, _ in colons):
        return False
    for colon, node in colons:
        if not colon:
            unplaced.append(Unplaced(node.line, node.title or "", "tiêu đề cơ quan không có dấu hai chấm: in có"))
    return True


def _deadline_words(rules: dict) -> tuple[re.Pattern, dict[str, bool]]:
    """The plan's deadline words followed by a date (nhap.yaml, loi_han), and whether each counts
    the deadline day as on time (tinh_ca_ngay_han)."""
    words = {" ".join(w.split()).casefold(): False for w in rules["loi_han"]["khong_tinh_ngay_han"]}
    words |= {" ".join(w.split()).casefold(): True for w in rules["loi_han"]["tinh_ca_ngay_han"]}
    # The longest first, so that "chậm nhất là ngày" is not read as a shorter phrase.
    spelled = (r"\s+".join(re.escape(part) for part in w.split()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"({'|'.join(spelled)})\s+{DEADLINE_DATE}", re.IGNORECASE), words


def _reporting(lines: list[Line], rules: dict, year: int, receiver: str) -> dict:
    """The report's deadline, and whether its day is still on time, guessed from the plan's words
    (nhap.yaml, loi_han); who receives the reports."""
    text = " ".join(line.text for line in lines if line.cells is None)
    pattern, inclusive = _deadline_words(rules)
    deadline = pattern.search(text)
    on_time = "báo cáo ghi đúng ngày hạn vẫn đúng hạn"
    late = "báo cáo ghi đúng ngày hạn là trễ hạn"
    if deadline:
        day = {"nam": max(int(deadline.group(4) or year), year), "thang": int(deadline.group(3))}
        said = " ".join(deadline.group(0).split())
        due = Guess({**day, "ngay": int(deadline.group(2))}, f"hạn báo cáo đoán từ «{said}»")
        included = inclusive[" ".join(deadline.group(1).split()).casefold()]
        counted = Guess(included, f"đoán từ «{said}»: {on_time if included else late}")
    else:
        due = Guess({"nam": year, **rules["nam_bao_cao"]}, "kế hoạch không ghi hạn báo cáo: ghi hạn đúng")
        counted = Guess(False, f"kế hoạch không ghi hạn báo cáo: {late}; true thì {on_time}")
    return {
        "han_bao_cao": due,
        "tinh_ca_ngay_han": counted,
        "noi_nhan_bao_cao": Guess(receiver, "nơi tổng hợp báo cáo đoán là cơ quan đầu tiên ở Tổ chức thực hiện"),
    }


def import_plan(lines: list[Line], rules: dict, year: int | None) -> Imported:
    result = Imported(0)
    parts = _parts(lines, rules, result, year)
    meta, organisation = parts.meta, parts.organisation
    signer, recipients, archive = signature(parts.signature, parts.issuer)
    assignments, agencies = _assignments(organisation, rules, result, tuple(line["ten"] for line in recipients))
    reporting = _reporting(lines, rules, result.year, agencies[0]["ma"])
    meta["don_vi_soan_thao"] = Guess(archive[-1], "đơn vị soạn thảo đoán từ dòng Lưu")
    plan = {"van_ban": meta, "bao_cao": reporting, "mo_dau": parts.opening, "noi_dung": parts.sections}
    plan["tieu_de_to_chuc_thuc_hien"] = content_text(
        organisation.title if organisation else rules["tieu_de_to_chuc_thuc_hien"]
    )
    if organisation is not None and organisation.paragraphs:
        plan["mo_dau_to_chuc_thuc_hien"] = [content_text(p) for p in organisation.paragraphs]
    plan["to_chuc_thuc_hien"] = assignments
    if parts.sections_after:
        plan["noi_dung_sau"] = parts.sections_after
    if not result.colon_after_bodies:
        plan["hai_cham_sau_co_quan"] = Guess(False, "kế hoạch gốc ghi tên các cơ quan không có dấu hai chấm")
    plan["ket_thuc"] = [Guess(content_text(line.text), "đoán là đoạn kết thúc kế hoạch") for line in parts.closing]
    plan["nguoi_ky"] = signer
    lists, warnings = unit_lists(agencies, recipients, rules)
    result.warnings += warnings
    recipients, groups = link_recipients(recipients, agencies, rules)
    plan["noi_nhan"] = recipients
    plan["luu"] = archive
    if parts.appendices:
        plan["phu_luc"] = parts.appendices
    result.files = {
        "co-quan-ban-hanh.yaml": parts.issuer,
        "ke-hoach.yaml": plan,
        "co-quan.yaml": {"co_quan": agencies, "nhom": groups},
    }
    if lists:
        result.files["don-vi.yaml"] = {"danh_sach": lists}
    return result


def _words(text: str) -> list[str]:
    return re.findall(r"[\w&-]+", folded(text))


def names_body(line: str, name: str) -> bool:
    """Whether a Nơi nhận line names the body: the same words, or some of them as initials
    ("Hội LHPN huyện" for "Hội Liên hiệp Phụ nữ huyện", "UBND xã" for "Ủy ban nhân dân xã",
    "Phòng VH-XH" for "Phòng Văn hóa - Xã hội": initials without their marks, a lone dash no word)."""
    if folded(line) == folded(name):
        return True
    name_words = _words(name)
    initials = without_marks("".join(word[0] for word in name_words if word[0].isalnum()))
    for word in _words(line):
        letters = without_marks(re.sub(r"[^\w]", "", word).replace("_", ""))
        if word in name_words or (len(letters) >= 2 and letters in initials and letters.upper() != letters.lower()):
            continue
        return False
    return bool(_words(line))


def link_recipients(recipients: list[dict], agencies: list[dict], rules: dict) -> tuple[list[dict], list[dict]]:
    """Nơi nhận lines that name a body become references to it (its short name is the line's
    words); the bodies no line names join the group a "Các …" line names. Returns (lines, groups)."""
    named: set[str] = set()
    lines: list[dict] = []
    for line in recipients:
        if "ten" not in line:  # already a unit list's own line (units.unit_lists)
            named.add(line["co_quan"])
            lines.append(line)
            continue
        text = line["ten"]
        body = next((a for a in agencies if a["ma"] not in named and names_body(text, a["ten"].value)), None)
        if body is None:
            lines.append(line)
            continue
        named.add(body["ma"])
        body["ten_viet_tat"] = Guess(text, f"tên viết tắt lấy từ dòng Nơi nhận «{text}»")
        lines.append({"co_quan": body["ma"]})
    # A list of units is named by its units' own lines.
    rest = [a for a in agencies if a["ma"] not in named and "danh_sach" not in a]
    if not rest:
        return lines, []
    prefix = folded(rules["nhom_noi_nhan"])
    index = next((i for i, line in enumerate(recipients) if folded(line.get("ten", "")).startswith(prefix)), None)
    if index is not None and "co_quan" in lines[index]:  # the line names a group better than one body
        taken = next(a for a in agencies if a["ma"] == lines[index]["co_quan"])
        taken["ten_viet_tat"] = taken["ten"]
        rest.append(taken)
        lines[index] = recipients[index]
    if index is None:
        for body in rest:
            lines.append(Guess({"co_quan": body["ma"]}, "thêm vào Nơi nhận: kế hoạch không ghi cơ quan này"))
        return lines, []
    group = {"ma": slug(lines[index]["ten"]), "ten": lines[index]["ten"]}
    lines[index] = Guess({"nhom": group["ma"]}, f"các cơ quan chưa có dòng riêng thuộc nhóm «{group['ten']}»")
    for body in rest:
        body["thuoc_nhom"] = [group["ma"]]
    return lines, [group]


def _appendix_titles(texts: list[Line]) -> list[Line]:
    """The paragraphs above an appendix table that are not the program's own: the "Phụ lục"
    label, and the "(Kèm theo …)" line with what a PDF wrapped of it onto the next lines."""
    titles, in_note = [], False
    for text in texts:
        words = folded(text.text)
        if in_note or re.match(r"^\(kèm theo", words):  # the note, or a line it wrapped onto
            in_note = ")" not in words
        elif not re.match(r"^phụ lục\b", words):
            titles.append(text)
    return titles


def appendix_tables(lines: list[Line], unplaced: list[Unplaced]) -> list[dict]:
    """The appendices after the signature: each table, titled by the paragraph above it (the
    "Phụ lục" label and the "(Kèm theo …)" line are the program's own and are left out)."""
    appendices, texts = [], []
    for line in lines:
        if line.cells is None:
            texts.append(line)
            continue
        titles = _appendix_titles(texts)
        rows = [[" ".join(t for t in cell if t) for cell in row] for row in line.cells]
        if not titles or len(rows) < 2:
            unplaced.append(
                Unplaced(line.number, titles[-1].text if titles else "(bảng)", "bảng sau chữ ký không có tên")
            )
            texts = []
            continue
        for extra in titles[:-1]:
            unplaced.append(Unplaced(extra.number, extra.text, "đoạn sau chữ ký chưa nhập được"))
        appendix = {"tieu_de": content_text(titles[-1].text)}
        landscape = line.landscape or titles[-1].landscape
        if landscape:
            appendix["ngang"] = True
        appendix["cot"] = [{"ten": content_text(cell)} for cell in rows[0]]
        widths = fitted_mm(line.column_shares, landscape)
        for column, width in zip(appendix["cot"], widths, strict=True) if widths else ():
            column["rong"] = width
        appendix["dong"] = [[content_text(cell) for cell in row] for row in rows[1:]]
        appendices.append(appendix)
        texts = []
    for extra in texts:
        unplaced.append(Unplaced(extra.number, extra.text, "đoạn sau chữ ký chưa nhập được"))
    return appendices
