"""The starter content trees of examples/ build, and what they build reads right to its recipients.

Each example is built once per module. What each document should say is worked out from the
example's YAML read with yaml.safe_load (never through the generator): who is written to, how
each is addressed, which number and date each letter carries, what it cites, who collects the
reports, how each form is headed and signed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import nd30
import pytest
import yaml
from conftest import ROOT, convert, run_build

EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = ("ubnd-tinh", "ubnd-xa")
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
# A Party body's number line (Hướng dẫn 36-HD/VPTW): "Số 05-BC/BTCTU", or blank in a draft.
PARTY_NUMBER_LINE = re.compile(r"^Số(?: (?:0[1-9]|[1-9][0-9]+)| {2,})-BC/[A-ZĐ]+$")
DISTRICT = re.compile(r"huyện", re.IGNORECASE)


# ----------------------------------------------------------------------------- the content, read as data
def edition_folder(name: str) -> Path:
    years = sorted(p for p in (EXAMPLES / name).iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
    assert len(years) == 1, f"examples/{name} should hold one edition, holds {[p.name for p in years]}"
    return years[0]


HAND_WRITTEN = " " * 6  # the space left for a part written by hand (a day given with the number)


def short_date(date: dict) -> str:
    """Decree 30: day with two digits, month with two only for January and February."""
    month = f"{date['thang']:02d}" if date["thang"] <= 2 else str(date["thang"])
    day = HAND_WRITTEN if date["ngay"] is None else f"{date['ngay']:02d}"
    return f"{day}/{month}/{date['nam']}"


def long_date(date: dict) -> str:
    """ "ngày 05 tháng 02 năm 2026": Decree 30's date, day and months 1–2 with a leading zero."""
    month = f"{date['thang']:02d}" if date["thang"] <= 2 else str(date["thang"])
    return f"ngày {date['ngay']:02d} tháng {month} năm {date['nam']}"


def place_date(place: str, date: dict) -> str:
    month = f"{date['thang']:02d}" if date["thang"] <= 2 else str(date["thang"])
    day = HAND_WRITTEN if date["ngay"] is None else f" {date['ngay']:02d} "
    return f"{place}, ngày{day}tháng {month} năm {date['nam']}"


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: "Phường Trấn Biên" → "phường Trấn Biên"."""
    return name[:1].lower() + name[1:]


def generic_in_sentence(name: str) -> str:
    """A body's name inside a sentence: only a generic "Các …" loses its capital."""
    return in_sentence(name) if name.startswith("Các ") else name


@dataclass(frozen=True)
class Expected:
    """One body or unit that should receive a letter, as the content describes it."""

    id: str
    name: str  # as on "Kính gửi"
    kind: dict  # its kind of recipient in loai-noi-nhan.yaml
    tasks: tuple[str, ...]
    targets: tuple[int, ...]  # the plan's own targets it reports (bao_cao_chi_tieu_ke_hoach)
    header: tuple[str, ...]  # its name on its form's header, upper case
    parent: str | None  # the line above, upper case
    place: str  # on its form's date line
    signer: tuple[str, ...]
    symbol: str | None
    target_scopes: dict[int, str] = field(default_factory=dict)  # pham_vi_chi_tieu_ke_hoach

    @property
    def reports(self) -> bool:
        return self.kind["bao_cao"] is not None and self.kind["bieu_mau"] != "khong"


PERIOD_FORM_PDF = re.compile(r"^(?P<folder>[^/]+)/bao-cao-.+-(?P<period>\d{4})\.pdf$")


def fewer_period_pdfs(targets: list) -> list:
    """What the examples' build makes here: every file but a multi-year plan's forms as PDF for
    each period (ubnd-tinh: five periods, 120 of its 146 PDFs). Their pages are laid out alike
    period after period, as in_libreoffice below assumes too: each recipient's first period's
    form is printed, and one later period's, taken in turn, so that each period is printed for
    some recipients. Every DOCX is made."""
    periods: dict[str, list[str]] = {}
    for target in targets:
        if match := PERIOD_FORM_PDF.match(target.relative):
            periods.setdefault(match["folder"], []).append(match["period"])
    kept = set()
    for turn, (folder, years) in enumerate(sorted(periods.items())):
        years.sort()
        later = years[1 + turn % (len(years) - 1)] if len(years) > 1 else years[0]
        kept |= {(folder, years[0]), (folder, later)}
    return [
        target
        for target in targets
        if not (match := PERIOD_FORM_PDF.match(target.relative)) or (match["folder"], match["period"]) in kept
    ]


class Example:
    """One example's YAML files and its build."""

    def __init__(self, name: str, output: Path):
        self.name = name
        self.folder = edition_folder(name)
        self.year = int(self.folder.name)
        load = lambda file: yaml.safe_load((self.folder / file).read_text(encoding="utf-8"))
        self.issuer, self.plan, self.letters = (
            load("co-quan-ban-hanh.yaml"),
            load("ke-hoach.yaml"),
            load("cong-van.yaml"),
        )
        self.form_settings, self.registry, self.lists = load("bieu-mau.yaml"), load("co-quan.yaml"), load("don-vi.yaml")
        # A Quyết định that issues the plan: then the one document, and what the others cite.
        self.decision = load("quyet-dinh.yaml") if (self.folder / "quyet-dinh.yaml").exists() else None
        self.kinds = {kind["ma"]: kind for kind in load("loai-noi-nhan.yaml")["loai"]}
        self.agencies = {agency["ma"]: agency for agency in self.registry["co_quan"]}
        import generator.build

        every_target = generator.build.targets
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(generator.build, "targets", lambda *args: fewer_period_pdfs(every_target(*args)))
            self.built = run_build(self.folder.parent, output, year=self.year)
        self.output = output / str(self.year)

    def fill(self, text: str, **unit: str) -> str:
        values = {"nam": str(self.year), "dia_danh": self.issuer["dia_danh"], **unit}
        if "thang_hanh_dong" in self.plan:  # a plan without an Action Month has no such placeholders
            values |= {
                "ngay_bat_dau": self.plan["thang_hanh_dong"]["bat_dau"],
                "ngay_ket_thuc": self.plan["thang_hanh_dong"]["ket_thuc"],
            }
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text.replace("*", "")

    # --- who is written to
    def entries(self) -> list[tuple[dict, list[str]]]:
        """The entries of Tổ chức thực hiện that name bodies (an item such as "Chế độ thông tin, báo cáo" names none)."""
        return [
            (entry, entry["co_quan"] if isinstance(entry["co_quan"], list) else [entry["co_quan"]])
            for entry in self.plan["to_chuc_thuc_hien"]
            if "co_quan" in entry
        ]

    @functools.cached_property
    def expected(self) -> list[Expected]:
        result = []
        for entry, ids in self.entries():
            tasks = tuple(self.fill(task) for task in entry["nhiem_vu"])
            targets = tuple(entry.get("bao_cao_chi_tieu_ke_hoach") or ())
            scopes = {s["chi_tieu"]: s["pham_vi"] for s in entry.get("pham_vi_chi_tieu_ke_hoach") or ()}
            for agency_id in ids:
                agency = self.agencies[agency_id]
                if agency.get("gui_cong_van", True) is False:
                    continue
                if "danh_sach" in agency:
                    unit_list = next(u for u in self.lists["danh_sach"] if u["ma"] == agency["danh_sach"])
                    assert unit_list["gui_chung"] is False, "these tests expect one letter per unit"
                    for unit in unit_list["don_vi"]:
                        place = unit.get("dia_danh") or unit["ten"]
                        values = {
                            "ten_don_vi": unit["ten"],
                            "ten_don_vi_trong_cau": in_sentence(unit["ten"]),
                            "dia_danh_don_vi": place,
                            "loai_don_vi": unit["ten"].removesuffix(place).rstrip(),
                        }
                        # A unit may give its own header lines and parent line (issue 19).
                        parent = unit.get("co_quan_cap_tren", unit_list.get("co_quan_cap_tren"))
                        lines = unit.get("ten_tieu_de") or unit_list["ten_tieu_de"]
                        result.append(
                            Expected(
                                id=unit["ma"],
                                name=self.fill(unit_list["kinh_gui"], **values),
                                kind=self.kinds[unit_list["loai"]],
                                tasks=tasks,
                                targets=targets,
                                target_scopes=scopes,
                                header=tuple(self.fill(line, **values).upper() for line in lines),
                                parent=self.fill(parent, **values).upper() if parent else None,
                                place=self.fill(unit_list["dia_danh"], **values),
                                signer=tuple(unit_list["ky_bieu_mau"]),
                                symbol=unit.get("ky_hieu") or unit_list.get("ky_hieu"),  # a unit's own first
                            )
                        )
                    continue
                kind = self.kinds[agency["loai"]]
                parent = agency.get("co_quan_cap_tren")
                signer = agency.get("ky_bieu_mau") or kind.get("ky_bieu_mau") or []
                result.append(
                    Expected(
                        id=agency_id,
                        name=self.fill(agency["ten"]),
                        kind=kind,
                        tasks=tasks,
                        targets=targets,
                        target_scopes=scopes,
                        header=tuple(self.fill(line).upper() for line in agency.get("ten_tieu_de") or [agency["ten"]]),
                        parent=self.fill(parent).upper() if parent else None,
                        place=self.issuer["dia_danh"],
                        signer=tuple(signer if isinstance(signer, list) else [signer]),
                        symbol=agency.get("ky_hieu"),
                    )
                )
        # A body named again in a later entry (Hội LHPN in the mass organisations' one) is written
        # to once, where first named, with the tasks and targets of every entry naming it, in turn.
        merged: dict[str, Expected] = {}
        for expected in result:
            first = merged.get(expected.id)
            merged[expected.id] = (
                expected
                if first is None
                else dataclasses.replace(
                    first,
                    tasks=first.tasks + expected.tasks,
                    targets=tuple(dict.fromkeys(first.targets + expected.targets)),
                    target_scopes={**expected.target_scopes, **first.target_scopes},
                )
            )
        return list(merged.values())

    # --- what the documents should cite
    @property
    def issuer_short(self) -> str:
        return self.fill(self.issuer["ten_viet_tat"])

    @property
    def agency_lines(self) -> list[str]:
        return [self.fill(line).upper() for line in self.issuer["dong_tieu_de"]]

    def letter_number(self, recipient_id: str) -> tuple[int | None, dict]:
        entry = next((e for e in self.letters.get("so") or [] if e["noi_nhan"] == recipient_id), None)
        if entry is None:  # no number yet: the day is written with it at registration (Decree 30, Art. 15)
            return None, {**self.letters["ngay_ban_hanh"], "ngay": None}
        return entry["so"], entry.get("ngay_ban_hanh") or self.letters["ngay_ban_hanh"]

    def numbered(self, recipient: Expected) -> bool:
        """Whether the recipient's form has a number line: its header style's dong_so (default true)."""
        styles = yaml.safe_load((self.folder / "loai-noi-nhan.yaml").read_text(encoding="utf-8")).get("kieu_tieu_de")
        style = next((s for s in styles or [] if s["ma"] == recipient.kind["bieu_mau"]), {})
        return style.get("dong_so", True)

    def plan_citation(self) -> str:
        """The plan as an appendix's "(Kèm theo …)" line cites it, in Decree 30's full wording."""
        meta, when = self.plan["van_ban"], self.plan["van_ban"]["ngay_ban_hanh"]
        return (
            f"Kế hoạch số {meta['so']:02d}/{meta['ky_hieu_loai']}-{self.issuer['ky_hieu']} "
            f"{long_date(when)} của {self.fill(self.issuer['ten'])}"
        )

    def appendix_note(self) -> str:
        """The "(Kèm theo …)" line of an appendix: the plan's, or the decision's that issues it."""
        if self.decision is None:
            return f"(Kèm theo {self.plan_citation()})"
        decision = self.decision
        citation = (
            f"Quyết định số {decision['so']:02d}/{decision['ky_hieu_loai']}-{self.issuer['ky_hieu']} "
            f"{long_date(decision['ngay_ban_hanh'])} của {self.fill(self.issuer['ten'])}"
        )
        return decision["kem_theo"].replace("{quyet_dinh_day_du}", citation)

    def decision_reference(self) -> str:
        decision = self.decision
        return (
            f"Quyết định số {decision['so']:02d}/{decision['ky_hieu_loai']}-{self.issuer['ky_hieu']} "
            f"ngày {short_date(decision['ngay_ban_hanh'])} của {self.issuer_short}"
        )

    def plan_reference(self) -> str:
        """How the letters and forms cite the plan: by its number, or through its decision."""
        if self.decision is not None:
            return self.decision["ke_hoach_kem_theo"].replace("{quyet_dinh}", self.decision_reference())
        meta = self.plan["van_ban"]
        return (
            f"Kế hoạch số {meta['so']:02d}/{meta['ky_hieu_loai']}-{self.issuer['ky_hieu']} "
            f"ngày {short_date(meta['ngay_ban_hanh'])} của {self.issuer_short}"
        )

    @property
    def receiver(self) -> dict:
        return self.agencies[self.plan["bao_cao"]["noi_nhan_bao_cao"]]

    def form_addressee(self, recipient: Expected) -> str:
        """Reports go to the issuer through the body that collects them; that body's own goes straight."""
        issuer = self.fill(self.issuer["ten"])
        if recipient.id == self.receiver["ma"]:
            return f"Kính gửi: {issuer}."
        return f"Kính gửi: {issuer} (qua {self.fill(self.receiver['ten'])})."

    @property
    def signature_lines(self) -> list[str]:
        signer = self.plan["nguoi_ky"]
        titles = signer["chuc_vu"] if isinstance(signer["chuc_vu"], list) else [signer["chuc_vu"]]
        return ([self.issuer["tham_quyen"]] if signer.get("thay_mat", True) else []) + titles

    @property
    def archive(self) -> str:
        entries = dict.fromkeys([*self.plan["luu"], self.plan["van_ban"]["don_vi_soan_thao"]])
        return f"- Lưu: {', '.join(entries)}."

    @property
    def plan_targets(self) -> list[str]:
        """The plan's own targets (items of the section marked la_chi_tieu), in their printed order."""
        section = next((s for s in self.plan["noi_dung"] if s.get("la_chi_tieu")), None)
        return [self.fill(item["doan"][0]) for item in section["muc"]] if section else []

    @property
    def periods(self) -> list[tuple[str, str]]:
        """(deadline, name) of each reporting period."""
        return [(short_date(p["han"]), p["ten"]) for p in self.plan["bao_cao"].get("ky_bao_cao") or []]

    @property
    def appendices(self) -> list[dict]:
        return self.plan.get("phu_luc") or []

    def short_names(self, cell: str) -> str:
        return ", ".join(self.fill(self.agencies[code.strip()]["ten_viet_tat"]) for code in cell.split(","))

    # --- the documents built
    @functools.cached_property
    def letters_by_addressee(self) -> dict[str, Path]:
        """Every letter built, by the text of its "Kính gửi" line."""
        found: dict[str, list[Path]] = {}
        for path in sorted(self.output.glob("*/cong-van-*.docx")):
            line = next(t for t in body_texts(path) if t.startswith("Kính gửi"))
            found.setdefault(line, []).append(path)
        duplicated = {line: paths for line, paths in found.items() if len(paths) > 1}
        assert not duplicated, f"several letters with one addressee: {duplicated}"
        return {line: paths[0] for line, paths in found.items()}

    def letter(self, recipient: Expected) -> Path:
        line = f"Kính gửi: {recipient.name}."
        assert line in self.letters_by_addressee, f"no letter “{line}”; letters: {sorted(self.letters_by_addressee)}"
        return self.letters_by_addressee[line]

    def forms(self, recipient: Expected) -> list[Path]:
        """A recipient's forms: one, or one per reporting period (bao-cao-<unit>-<year>), in order."""
        return sorted(self.letter(recipient).parent.glob("bao-cao-*.docx"))

    def form(self, recipient: Expected) -> Path | None:
        """Its form, or its first period's."""
        forms = self.forms(recipient)
        assert len(forms) in (0, max(1, len(self.periods))), forms
        return forms[0] if forms else None


@functools.cache
def document(path: Path):
    return docx.Document(str(path))


def body_texts(path: Path) -> list[str]:
    return [nd30.normalise(t) for t in nd30.document_text_paragraphs(document(path)) if t.strip()]


def header_cells(path: Path) -> dict[tuple[int, int], list[str]]:
    """The non-empty lines of each cell of the page-1 header table, by (row, column)."""
    table = next(item for item in nd30.block_items(document(path).element.body) if item.tag == nd30.qn("w:tbl"))
    return {
        (r, c): [nd30.paragraph_text(p) for p in tc.iter(nd30.qn("w:p")) if nd30.paragraph_text(p).strip()]
        for r, tr in enumerate(nd30.rows(table))
        for c, tc in enumerate(nd30.cells(tr))
    }


def signature_column(path: Path) -> list[str]:
    table = nd30.signature_table(document(path))
    row = nd30.rows(table)[0]
    right = nd30.cells(row)[-1]
    return [nd30.paragraph_text(p) for p in right.iter(nd30.qn("w:p")) if nd30.paragraph_text(p).strip()]


APPENDIX_TITLE = re.compile(r"^\s*Phụ lục(?: [IVX]+)?\n")


def appendix_pages(reader, example: Example) -> list[tuple[int, bool]]:
    """(first page, landscape) of each appendix of the plan's PDF: the pages that open with its title."""
    starts = [number for number, text in enumerate(nd30.pdf_page_texts(reader), start=1) if APPENDIX_TITLE.match(text)]
    assert len(starts) == len(example.appendices), f"appendix titles on pages {starts}"
    return [(start, bool(appendix.get("ngang"))) for start, appendix in zip(starts, example.appendices, strict=True)]


@functools.cache  # read once: several tests read every PDF of an example's build, which no test changes
def pdf_text(path: Path) -> str:
    return " ".join(nd30.words(nd30.pdf_text(nd30.read_pdf(path))))


@pytest.fixture(scope="module", params=EXAMPLE_NAMES)
def example(request, tmp_path_factory) -> Example:
    return Example(request.param, tmp_path_factory.mktemp(f"output-{request.param}"))


def unit_recipients(example: Example) -> list[Expected]:
    units = {unit["ma"] for unit_list in example.lists["danh_sach"] for unit in unit_list["don_vi"]}
    return [r for r in example.expected if r.id in units]


# ----------------------------------------------------------------------------- Decree 30
def test_every_document_passes_the_decree_30_checks(example):
    plan_path = example.built.plan_docx
    # The plan's own lines, or those of the Quyết định that issues it (the plan attached after it).
    meta = example.plan["van_ban"] if example.decision is None else example.decision
    title = example.fill(meta["trich_yeu"])
    plan_title = example.fill(example.plan["van_ban"]["trich_yeu"])
    title = title.replace("{trich_yeu_ke_hoach}", plan_title[:1].lower() + plan_title[1:])
    plan = document(plan_path)
    nd30.check_page(plan, appendices=[bool(a.get("ngang")) for a in example.appendices])
    nd30.check_fonts(plan)
    nd30.check_header(
        plan, type_name=meta["ten_loai"], title=title, type_code=meta["ky_hieu_loai"], agency_lines=example.agency_lines
    )
    centred = (
        () if example.decision is None else (example.fill(meta["tham_quyen_ban_hanh"]).upper(), meta["dong_quyet_dinh"])
    )
    nd30.check_body(plan, type_name=meta["ten_loai"], title=title, centred=centred)
    recipients = []
    for line in (example.plan if example.decision is None else example.decision)["noi_nhan"]:
        if "co_quan" in line:
            recipients.append(example.fill(example.agencies[line["co_quan"]]["ten_viet_tat"]))
        elif "nhom" in line:
            recipients.append(next(g["ten"] for g in example.registry["nhom"] if g["ma"] == line["nhom"]))
        else:
            recipients.append(line["ten"])
    nd30.check_signature(
        plan,
        lines=example.signature_lines,
        name=example.plan["nguoi_ky"]["ho_ten"],
        recipients=[f"- {r};" for r in recipients] + [f"- Lưu: {', '.join(example.plan['luu'])}."],
    )

    subject = example.fill(example.letters["trich_yeu"])
    subject = f"V/v {subject[:1].lower()}{subject[1:]}"
    # Checked on each unit's form, a multi-year plan's first period's: {ky_bao_cao} is that period.
    periods = example.plan["bao_cao"].get("ky_bao_cao")
    period = (
        (periods[0].get("ten_cot") or periods[0]["ten"])
        if periods
        else example.fill(example.form_settings["ky_bao_cao"])
    )
    form_title = example.fill(example.form_settings["trich_yeu"], ky_bao_cao=period)
    for recipient in example.expected:
        letter = document(example.letter(recipient))
        addressees = [f"Kính gửi: {recipient.name}."]
        nd30.check_page(letter)
        nd30.check_fonts(letter)
        nd30.check_header(letter, type_name=None, title=subject, agency_lines=example.agency_lines)
        nd30.check_addressees(letter, addressees)
        nd30.check_body(letter, type_name=None, title=subject, addressees=addressees)
        copies = (
            [f"- {example.fill(example.receiver['ten_viet_tat'])} (t/h);"]
            if recipient.reports and recipient.id != example.receiver["ma"]
            else []
        )
        nd30.check_signature(
            letter,
            lines=example.signature_lines,
            name=example.plan["nguoi_ky"]["ho_ten"],
            recipients=["- Như trên;", *copies, example.archive],
            addressed=True,
        )
        form_path = example.form(recipient)
        if form_path is None:
            continue
        form = document(form_path)
        nd30.check_page(form)
        nd30.check_fonts(form)
        if recipient.kind["bieu_mau"] == "nha_nuoc":
            # The Party-style header is checked in test_party_bodies_form_is_headed_by_the_party:
            # nd30 finds a document's parts from the state header.
            nd30.check_header(
                form,
                type_name="BÁO CÁO",
                title=form_title,
                type_code="BC",
                agency_lines=list(recipient.header),
                parent_agency=recipient.parent,
            )
            addressee = [example.form_addressee(recipient)]
            nd30.check_addressees(form, addressee)
            nd30.check_body(form, type_name="BÁO CÁO", title=form_title, addressees=addressee, end_mark=False)
    for pdf in sorted(example.output.rglob("*.pdf")):
        reader = nd30.read_pdf(pdf)
        # A Quyết định's file ends with the plan it issues, appendices included (issue 21).
        with_plan = (
            pdf == example.built.plan_pdf or pdf == example.built.output / str(example.built.year) / "quyet-dinh.pdf"
        )
        appendices = appendix_pages(reader, example) if with_plan else []
        nd30.check_pdf_pages(reader, appendices=appendices)
        nd30.check_pdf_fonts(reader)


def test_no_document_names_a_district(example):
    """After the 2025 reform there is no UBND huyện to issue, direct or collect anything."""
    for path in sorted(example.output.rglob("*.docx")):
        text = "\n".join(body_texts(path))
        assert not DISTRICT.search(text), f"{path.relative_to(example.output)}: {DISTRICT.search(text).group(0)!r}"
    for path in sorted(example.output.rglob("*.pdf")):
        assert not DISTRICT.search(pdf_text(path)), path.relative_to(example.output)
    listing = (example.output / "danh-sach-gui.html").read_text(encoding="utf-8")
    assert not DISTRICT.search(listing)


# ----------------------------------------------------------------------------- letters and forms
def test_one_letter_per_body_and_unit_and_no_other(example):
    expected = {f"Kính gửi: {r.name}." for r in example.expected}
    assert len(expected) == len(example.expected)
    assert set(example.letters_by_addressee) == expected
    for recipient in example.expected:
        assert (example.form(recipient) is not None) == recipient.reports, recipient.name


def test_each_letter_has_its_own_number_and_date_and_cites_the_plan(example):
    symbol = example.letters["ky_hieu"]
    plan_number = (example.decision or example.plan["van_ban"])["so"]
    numbered = 0
    for recipient in example.expected:
        path = example.letter(recipient)
        number, date = example.letter_number(recipient.id)
        cells = header_cells(path)
        number_line = cells[(1, 0)][0]
        if number is None:
            assert re.fullmatch(rf"Số: {{2,}}/{re.escape(symbol)}", number_line), (recipient.name, number_line)
        else:
            numbered += 1
            assert number_line == f"Số: {number:02d}/{symbol}", recipient.name
            assert f"Số: {number:02d}/{symbol}" in pdf_text(path.with_suffix(".pdf")), recipient.name
        assert f"{plan_number:02d}/" not in number_line, f"{recipient.name}: the letter carries the plan's number"
        assert cells[(1, 1)] == [place_date(example.issuer["dia_danh"], date)], recipient.name
        body = " ".join(body_texts(path))
        assert example.plan_reference() in body, recipient.name
        for task in recipient.tasks:
            assert task in body, (recipient.name, task)
    assert numbered == len(example.letters["so"]) > 0


def test_each_form_cites_its_letter_and_goes_to_the_issuer_through_the_collecting_body(example):
    symbol = example.letters["ky_hieu"]
    receiver = example.receiver
    for recipient in (r for r in example.expected if r.reports):
        path = example.form(recipient)
        number, date = example.letter_number(recipient.id)
        reference = f"Công văn số {number:02d}/{symbol}" if number is not None else f"Công văn số /{symbol}"
        body = " ".join(body_texts(path))
        cited = f"{reference} ngày {short_date(date)} của {example.issuer_short}"
        assert " ".join(cited.split()) in body, recipient.name  # the body is read with spaces collapsed
        assert example.form_addressee(recipient) in body_texts(path), recipient.name
        letter = " ".join(body_texts(example.letter(recipient)))
        if recipient.id != receiver["ma"]:
            assert f"(qua {example.fill(receiver['ten'])})" in letter, recipient.name


def test_units_of_a_list_are_addressed_headed_dated_and_signed_as_the_list_says(example):
    units = unit_recipients(example)
    assert len(units) >= 5
    for recipient in units:
        path = example.form(recipient)
        cells = header_cells(path)
        assert cells[(0, 0)] == ([recipient.parent] if recipient.parent else []) + list(recipient.header), (
            recipient.name
        )
        if example.numbered(recipient):
            assert re.fullmatch(rf"Số: {{2,}}/BC-{re.escape(recipient.symbol)}", cells[(1, 0)][0]), recipient.name
        else:  # a header style with dong_so: false (a hamlet has no register of documents)
            assert not any(line.startswith("Số") for line in cells.get((1, 0), [])), recipient.name
        assert cells[(1, 1)][0].startswith(f"{recipient.place}, ngày "), recipient.name
        assert signature_column(path)[: len(recipient.signer)] == list(recipient.signer), recipient.name
        body = " ".join(body_texts(path))
        assert f"{recipient.name} báo cáo kết quả như sau:" in body, recipient.name


def test_a_province_writes_to_committees_and_a_commune_to_its_hamlets_heads(example):
    """A commune or ward is a People's Committee: its form is its own, dated at its own place. A
    hamlet is not: its head is written to, and signs a form headed by the commune, dated there."""
    level = example.issuer["cap"]
    assert level in ("tinh", "xa")
    for recipient in unit_recipients(example):
        path = example.form(recipient)
        cells = header_cells(path)
        signer = signature_column(path)
        if level == "tinh":
            committee = re.fullmatch(r"Ủy ban nhân dân (?:xã|phường) (.+)", recipient.name)
            assert committee, recipient.name
            assert cells[(0, 0)] == ["ỦY BAN NHÂN DÂN", recipient.name.removeprefix("Ủy ban nhân dân ").upper()]
            assert signer[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
            assert cells[(1, 1)][0].startswith(f"{committee.group(1)}, ngày "), cells[(1, 1)]
        elif recipient.kind["ma"] == "ap":  # the commune's other lists (its schools) are not hamlets
            assert recipient.name.startswith("Trưởng ấp "), recipient.name
            assert cells[(0, 0)] == [
                f"UBND XÃ {example.issuer['dia_danh'].upper()}",
                recipient.name.removeprefix("Trưởng ").upper(),
            ]
            assert signer[0] == "TRƯỞNG ẤP"
            assert cells[(1, 1)][0].startswith(f"{example.issuer['dia_danh']}, ngày "), cells[(1, 1)]


def test_an_entry_naming_several_bodies_gives_one_letter_and_one_form_each(example):
    several = [(entry, ids) for entry, ids in example.entries() if len(ids) > 1]
    assert several, "each example has an entry naming several bodies"
    plan = body_texts(example.built.plan_docx)
    for entry, ids in several:
        # The heading ends its paragraph, or its one task runs in after it (nhiem_vu_cung_dong).
        headings = [t for t in plan if f" {example.fill(entry['tieu_de'])}: " in f"{t} "]
        assert len(headings) == 1, headings
        for agency_id in ids:
            recipient = next(r for r in example.expected if r.id == agency_id)
            letter = " ".join(body_texts(example.letter(recipient)))
            assert all(task in letter for task in recipient.tasks)
            # Each letter speaks to one body: no other body of the entry is named as its addressee.
            others = [example.fill(example.agencies[other]["ten"]) for other in ids if other != agency_id]
            assert not any(f"đề nghị {name}" in letter for name in others), recipient.name
            assert example.form(recipient) is not None, recipient.name


def test_party_bodies_form_is_headed_by_the_party(example):
    party = [r for r in example.expected if r.kind["bieu_mau"] == "dang"]
    assert party, "each example has a Party body"
    for recipient in party:
        path = example.form(recipient)
        cells = header_cells(path)
        assert cells[(0, 1)] == [PARTY_NAME], recipient.name
        assert cells[(0, 0)] == [recipient.parent, *recipient.header, "*"], recipient.name
        assert PARTY_NUMBER_LINE.match(cells[(1, 0)][0]), cells[(1, 0)]
        if recipient.symbol:
            assert cells[(1, 0)][0].endswith(f"-BC/{recipient.symbol}")
        text = " ".join(body_texts(path))
        assert not any(name in text for name in nd30.NATIONAL_NAMES) and nd30.MOTTO not in text, recipient.name
        assert PARTY_NAME in pdf_text(path.with_suffix(".pdf"))


def test_elected_bodies_get_a_letter_but_are_asked_for_no_report(example):
    elected = [r for r in example.expected if r.kind["bieu_mau"] == "khong"]
    assert elected, "each example writes to an elected body"
    for recipient in elected:
        assert example.form(recipient) is None, recipient.name
        letter = " ".join(body_texts(example.letter(recipient)))
        assert "biểu mẫu" not in letter and "(t/h)" not in letter, recipient.name
        assert (
            example.fill(
                recipient.kind["ket_thuc"],
                ban_hanh=example.issuer["xung_ho"],
                ten_trong_cau=generic_in_sentence(recipient.name),
            )
            in letter
        )


# ----------------------------------------------------------------------------- issue 10: other plan structures
LEVEL_LETTERS = "abcdđeghiklmnopqrstuvxy"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of the body, tables included, in order."""
    return [nd30.normalise(nd30.paragraph_text(p)) for p in document(path).element.body.iter(nd30.qn("w:p"))]


def flat(text: str) -> str:
    return " ".join(nd30.words(text))


def item_text(example: Example, item: dict) -> str:
    return example.fill(item["tieu_de"] if "tieu_de" in item else item["doan"][0])


def five_levels(example: Example) -> list[str] | None:
    """The printed lines of the first chain of items five levels deep (I. → 1. → a) → - → +), labels
    worked out from the content: sections by Roman numeral, then 1., a), and bullets."""

    def walk(items: list[dict], depth: int, prefix: list[str]) -> list[str] | None:
        for index, item in enumerate(items):
            label = {1: f"{ROMAN[index]}.", 2: f"{index + 1}.", 3: f"{LEVEL_LETTERS[index]})", 4: "-", 5: "+"}[depth]
            line = [*prefix, f"{label} {item_text(example, item)}"]
            if depth == 5:
                return line
            found = walk(item.get("muc") or [], depth + 1, line)
            if found:
                return found
        return None

    return walk(example.plan["noi_dung"], 1, [])


def test_the_provincial_example_shows_the_plan_structures_of_issue_10():
    """The content itself: a five-year plan with its own targets, yearly reports, an appendix table
    and five levels, and no Action Month anywhere in it."""
    folder = edition_folder("ubnd-tinh")
    plan = yaml.safe_load((folder / "ke-hoach.yaml").read_text(encoding="utf-8"))
    assert "thang_hanh_dong" not in plan

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for path in sorted(folder.glob("*.yaml")):  # what prints, not the clerk's comments
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not [s for s in strings(content) if "tháng hành động" in s.lower()], path.name
    meta = plan["van_ban"]
    assert meta["den_nam"] - meta["tu_nam"] == 4
    section = next(s for s in plan["noi_dung"] if s.get("la_chi_tieu"))
    assert 5 <= len(section["muc"]) <= 8
    reported = {n for entry in plan["to_chuc_thuc_hien"] for n in entry.get("bao_cao_chi_tieu_ke_hoach") or []}
    assert reported == set(range(1, len(section["muc"]) + 1)), "every target is reported by some body"
    periods = plan["bao_cao"]["ky_bao_cao"]
    assert [p["han"]["nam"] for p in periods] == list(range(meta["tu_nam"], meta["den_nam"] + 1))
    assert "tổng kết" in periods[-1]["ten"] and "han_bao_cao" not in plan["bao_cao"]
    [appendix] = plan["phu_luc"]
    assert appendix["ngang"] and len(appendix["cot"]) >= 5 and len(appendix["dong"]) >= 10
    assert [c.get("co_quan", False) for c in appendix["cot"]].count(True) == 2
    assert plan["mo_dau_to_chuc_thuc_hien"] and plan["ket_thuc_to_chuc_thuc_hien"]
    assert any("co_quan" not in entry for entry in plan["to_chuc_thuc_hien"]), "an item that is not a body"
    assert any(entry.get("muc") for entry in plan["to_chuc_thuc_hien"]), "a body's tasks with points"


def test_a_plan_without_an_action_month_never_speaks_of_one(example):
    if "thang_hanh_dong" in example.plan:
        pytest.skip(f"{example.name} is an Action Month plan")
    paths = sorted(example.output.rglob("*.docx"))
    assert len(paths) > 2 * len(unit_recipients(example))
    for path in paths:
        assert "tháng hành động" not in " ".join(docx_lines(path)).lower(), path.relative_to(example.output)
    for path in sorted(example.output.rglob("*.pdf")):
        assert "tháng hành động" not in pdf_text(path).lower(), path.relative_to(example.output)
    listing = (example.output / "danh-sach-gui.html").read_text(encoding="utf-8")
    assert "tháng hành động" not in listing.lower()


def test_the_plans_own_targets_are_numbered_and_each_letter_and_form_names_its_own(example):
    targets = example.plan_targets
    if not targets:
        pytest.skip(f"{example.name} has no targets of its own")
    plan = docx_lines(example.built.plan_docx)
    plan_pdf = flat(pdf_text(example.built.plan_pdf))
    for number, text in enumerate(targets, start=1):
        assert f"{number}. {text}" in plan
        assert flat(f"{number}. {text}") in plan_pdf
    for recipient in example.expected:
        scopes = {n: f" ({scope})" for n, scope in recipient.target_scopes.items()}
        wanted = [f"- Chỉ tiêu {n} của Kế hoạch{scopes.get(n, '')}: {targets[n - 1]}" for n in recipient.targets]
        letter = example.letter(recipient)
        assert [line for line in docx_lines(letter) if line.startswith("- Chỉ tiêu ")] == wanted, recipient.name
        letter_pdf = flat(pdf_text(letter.with_suffix(".pdf")))
        assert all(flat(line) in letter_pdf for line in wanted), recipient.name
        form = example.form(recipient)
        if form is None:
            continue
        rows = [line for line in docx_lines(form) if re.match(r"Chỉ tiêu \d+ của Kế hoạch( \([^)]*\))?: ", line)]
        assert rows == [line.removeprefix("- ") for line in wanted], recipient.name
        form_pdf = flat(pdf_text(form.with_suffix(".pdf")))
        assert all(flat(line.removeprefix("- ")) in form_pdf for line in wanted), recipient.name


def test_letters_and_forms_give_every_periods_deadline(example):
    periods = example.periods
    if not periods:
        pytest.skip(f"{example.name} asks for one report")
    wanted = [f"{date} ({name})" for date, name in periods]
    reporting = [r for r in example.expected if r.reports]
    assert reporting
    printed = set()
    for recipient in reporting:
        letter = example.letter(recipient)
        text, pdf = " ".join(body_texts(letter)), flat(pdf_text(letter.with_suffix(".pdf")))
        for line in wanted:
            assert line in text and flat(line) in pdf, (recipient.name, line)
        # One form per period, each giving its own period's deadline (printed: fewer_period_pdfs).
        for form, (date, _) in zip(example.forms(recipient), periods, strict=True):
            deadline = next(line for line in body_texts(form) if "Thời hạn gửi báo cáo" in line)
            assert deadline.endswith(f"{date}."), (recipient.name, deadline)
            if form.with_suffix(".pdf").exists():
                assert flat(deadline) in flat(pdf_text(form.with_suffix(".pdf"))), recipient.name
                printed.add(date)
    assert printed == {date for date, _ in periods}, printed


def test_the_appendix_follows_the_signature_on_its_own_landscape_pages_with_its_table(example):
    from docx.enum.section import WD_SECTION

    if not example.appendices:
        pytest.skip(f"{example.name} has no appendix")
    path = example.built.plan_docx
    plan = document(path)
    assert len(plan.sections) == 1 + len(example.appendices)
    lines = docx_lines(path)
    signer = lines.index(example.plan["nguoi_ky"]["ho_ten"])
    reference = example.appendix_note()
    tables = plan.tables[-len(example.appendices) :]
    reader = nd30.read_pdf(example.built.plan_pdf)
    texts = nd30.pdf_page_texts(reader)
    signature_page = next(i for i, text in enumerate(texts, start=1) if example.plan["nguoi_ky"]["ho_ten"] in text)
    starts = appendix_pages(reader, example)
    for number, (appendix, section, table, (start, landscape)) in enumerate(
        zip(example.appendices, plan.sections[1:], tables, starts, strict=True), start=1
    ):
        # DOCX: its own section, from a new page, in its orientation, numbered from 1.
        assert (section.page_width > section.page_height) == bool(appendix.get("ngang")), number
        assert section.start_type == WD_SECTION.NEW_PAGE, number
        assert section._sectPr.find(nd30.qn("w:pgNumType")).get(nd30.qn("w:start")) == "1", number
        title = lines.index(example.fill(appendix["tieu_de"]).upper())
        assert signer < title and lines[title + 1] == reference, lines[title - 1 : title + 2]
        header, *body = [[nd30.normalise(cell.text) for cell in row.cells] for row in table.rows]
        assert header == [column["ten"] for column in appendix["cot"]]
        expected_rows = [
            [
                example.short_names(cell) if column.get("co_quan") else example.fill(cell)
                for column, cell in zip(appendix["cot"], row, strict=True)
            ]
            for row in appendix["dong"]
        ]
        assert body == expected_rows
        # PDF: after the signature's page, landscape, every cell printed with agencies by short name.
        assert start > signature_page and landscape == bool(appendix.get("ngang"))
        page = reader.pages[start - 1]
        assert (page.mediabox.width > page.mediabox.height) == landscape
        appendix_text = flat(" ".join(texts[start - 1 :]))
        assert flat(reference) in appendix_text
        for row in expected_rows:
            assert all(flat(cell) in appendix_text for cell in row), row
        codes = {
            code.strip()
            for row in appendix["dong"]
            for column, cell in zip(appendix["cot"], row, strict=True)
            if column.get("co_quan")
            for code in cell.split(",")
        }
        assert not any(code in appendix_text for code in codes if "-" in code), "an agency code printed as a code"


def test_five_levels_print_with_their_labels_in_both_formats(example):
    chain = five_levels(example)
    if chain is None:
        pytest.skip(f"{example.name} nests fewer than five levels")
    lines = docx_lines(example.built.plan_docx)
    positions = [lines.index(line) for line in chain]
    assert positions == sorted(positions), chain
    pdf = flat(pdf_text(example.built.plan_pdf))
    pdf_positions = [pdf.index(flat(line)) for line in chain]
    assert pdf_positions == sorted(pdf_positions), chain


def test_the_organisation_section_has_its_introduction_points_items_and_closing(example):
    plan = example.plan
    if not plan.get("mo_dau_to_chuc_thuc_hien"):
        pytest.skip(f"{example.name} has no introduction to Tổ chức thực hiện")
    number = ROMAN[len(plan["noi_dung"])]
    expected = [f"{number}. {plan['tieu_de_to_chuc_thuc_hien']}", *map(example.fill, plan["mo_dau_to_chuc_thuc_hien"])]
    for index, entry in enumerate(plan["to_chuc_thuc_hien"], start=1):
        if "co_quan" not in entry:
            expected.append(f"{index}. {entry['tieu_de']}")
        for letter, point in zip(LEVEL_LETTERS, entry.get("muc") or [], strict=False):
            expected.append(f"{letter}) {item_text(example, point)}")
    expected += map(example.fill, plan["ket_thuc_to_chuc_thuc_hien"])
    lines = docx_lines(example.built.plan_docx)
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    pdf = flat(pdf_text(example.built.plan_pdf))
    assert [pdf.index(flat(line)) for line in expected] == sorted(pdf.index(flat(line)) for line in expected)
    # A body's points go into its letter too, labelled as in the plan.
    for entry, ids in example.entries():
        points = [
            f"{letter}) {item_text(example, point)}"
            for letter, point in zip(LEVEL_LETTERS, entry.get("muc") or [], strict=False)
        ]
        for recipient in (r for r in example.expected if r.id in ids):
            letter = docx_lines(example.letter(recipient))
            assert all(point in letter for point in points), recipient.name


@pytest.fixture(scope="module")
def in_libreoffice(example, soffice, tmp_path_factory) -> Path:
    """The example's plan and forms as LibreOffice lays out their DOCX (as the recipient opens
    them), converted in one call for the tests below: the folder of the PDFs, named by stem."""

    outdir = tmp_path_factory.mktemp(f"lo-{example.name}")
    # One form per recipient: a multi-year plan's forms of each period are laid out alike.
    forms = [
        min(folder.glob("bao-cao-*.docx"), default=None)
        for folder in sorted(example.output.iterdir())
        if folder.is_dir()
    ]
    sources = [example.built.plan_docx, *(form for form in forms if form is not None)]
    assert len({p.stem for p in sources}) == len(sources), "converted files would overwrite each other"
    done = convert(soffice, sources, outdir)
    assert done.returncode == 0, done.stderr
    return outdir


def test_word_reads_the_plan_with_its_appendix_as_the_pdf_prints_it(example, in_libreoffice):
    """Through LibreOffice, as the recipient opens the DOCX: the same pages, each in the same
    orientation, the appendix's first page opening with its title, and numbered on its own."""
    from pypdf import PdfReader

    if not example.appendices:
        pytest.skip(f"{example.name} has no appendix")
    word = PdfReader(str(in_libreoffice / example.built.plan_docx.with_suffix(".pdf").name))
    ours = nd30.read_pdf(example.built.plan_pdf)
    orientation = lambda reader: [page.mediabox.width > page.mediabox.height for page in reader.pages]
    assert orientation(word) == orientation(ours)
    assert appendix_pages(word, example) == appendix_pages(ours, example)
    nd30.check_pdf_pages(word, appendices=appendix_pages(word, example))


# ----------------------------------------------------------------------------- reporting regime, rates, references
# A narrowed indicator names its part in brackets before the colon.
INDICATOR_LINE = re.compile(r"^Chỉ tiêu (\d+) của (?:Kế hoạch|Mục tiêu (\d+))(?: \([^)]*\))?: ")
ROMAN_HEADING = re.compile(r"^[IVX]+\. ")


def is_rate(example: Example, line: str) -> bool:
    """Whether the indicator a form's row names is a rate (ty_le: true), read from the YAML."""
    number, objective = INDICATOR_LINE.match(line).groups()
    if objective is None:
        section = next(s for s in example.plan["noi_dung"] if s.get("la_chi_tieu"))
        return bool(section["muc"][int(number) - 1].get("ty_le"))
    catalog = yaml.safe_load((example.folder / "chi-tieu.yaml").read_text(encoding="utf-8"))
    goal = next(o for o in catalog["muc_tieu"] if o["so"] == int(objective))
    return bool(next(i for i in goal["chi_tieu"] if i["so"] == int(number)).get("ty_le"))


def test_a_row_without_participants_asks_none(example):
    """An activity marked hoi_so_nguoi: false shows “–” for participants and women on every form
    that asks it (make tong-hop reads a dash as no figure); the other rows leave both to fill."""
    columns = example.form_settings["cot"]
    marked = {a["ten"] for a in example.form_settings["hoat_dong"] if a.get("hoi_so_nguoi") is False}
    seen = set()
    for recipient in (r for r in example.expected if r.reports):
        table = next(
            t
            for t in docx.Document(str(example.form(recipient))).tables
            if t.rows[0].cells[1].text == columns["hoat_dong"]
        )
        header = [cell.text for cell in table.rows[0].cells]
        people = [header.index(columns["so_nguoi"]), header.index(columns["nu"])]
        for row in table.rows[1:]:
            cells = [cell.text for cell in row.cells]
            name = cells[1].replace("\u00a0", " ")
            assert [cells[i] for i in people] == (["–", "–"] if name in marked else ["", ""]), (recipient.name, name)
            seen |= {name} & marked
    assert seen == marked


def test_a_rate_is_asked_for_with_its_count_and_total_and_nothing_else_is(example):
    """A percentage alone cannot be added up by the collecting body: every indicator marked ty_le
    has the count and total rows under it on every form that asks for it; no other has."""
    columns = example.form_settings["cot"]
    rates = others = 0
    for recipient in (r for r in example.expected if r.reports):
        lines = docx_lines(example.form(recipient))
        starts = [i for i, line in enumerate(lines) if INDICATOR_LINE.match(line)]
        for start in starts:
            end = next(i for i in range(start + 1, len(lines)) if i in starts or ROMAN_HEADING.match(lines[i]))
            rows = lines[start + 1 : end]
            rate = is_rate(example, lines[start])
            assert (columns["dong_tu_so"] in rows and columns["dong_mau_so"] in rows) == rate, (
                recipient.name,
                lines[start],
            )
            rates, others = rates + rate, others + (not rate)
    assert rates and others, (rates, others)


def test_the_result_columns_name_the_period_the_form_reports(example):
    """“Kết quả năm 2026” for a yearly report, “Kết quả Tháng hành động năm 2026” for the Month's:
    the period's name as the content gives it, after the column's own words."""
    columns = example.form_settings["cot"]
    periods = example.plan["bao_cao"].get("ky_bao_cao")
    labels = (
        [p.get("ten_cot") or p["ten"] for p in periods]
        if periods
        else [example.fill(example.form_settings["ky_bao_cao"])]
    )
    wanted = [example.fill(columns["ket_qua"].replace("{ky_bao_cao}", label)) for label in labels]
    tasks = [example.fill(columns["ket_qua_nhiem_vu"].replace("{ky_bao_cao}", label)) for label in labels]
    assert all(title[:1].isupper() for title in wanted + tasks), wanted + tasks
    # A short column name is the period's name cut down, printed after “Kết quả”: its words keep
    # the case they have in the name (“năm 2026”, not “Năm 2026”).
    for period in periods or []:
        words = period["ten"].split()
        assert all(
            word in words for word in (period.get("ten_cot") or "").split() if word.lower() in map(str.lower, words)
        ), (period["ten_cot"], period["ten"])
    checked = 0
    for recipient in (r for r in example.expected if r.reports):
        # A multi-year plan's forms: one per period, each with that period's one result column.
        per_form = [([t], [w]) for t, w in zip(tasks, wanted, strict=True)] if periods else [(tasks, wanted)]
        for path, (task, result) in zip(example.forms(recipient), per_form, strict=True):
            headers = [[nd30.normalise(cell.text) for cell in table.rows[0].cells] for table in document(path).tables]
            assert any(header[2:] == task for header in headers), (recipient.name, headers)
            if recipient.targets or any(INDICATOR_LINE.match(line) for line in docx_lines(path)):
                assert any(header[3:-1] == result for header in headers), (recipient.name, headers)
                checked += 1
    assert checked


def test_the_plan_itself_sets_the_reporting_deadlines_in_order(example):
    """The plan, not only its letters, says when reports are due; an Action Month's reports are due
    after the Month ends, the collecting body's summary after them."""
    text = " ".join(docx_lines(example.built.plan_docx))
    reporting = example.plan["bao_cao"]
    if "ky_bao_cao" in reporting:
        for period in reporting["ky_bao_cao"]:
            assert re.search(rf"(?<!\d){period['han']['ngay']}/{period['han']['thang']}(?!\d)", text), period["ten"]
        return
    deadline, summary = reporting["han_bao_cao"], reporting["han_tong_hop"]
    assert short_date(deadline) in text and short_date(summary) in text
    day = lambda date: (date["nam"], date["thang"], date["ngay"])
    if "thang_hanh_dong" in example.plan:
        end_day, end_month = map(int, example.plan["thang_hanh_dong"]["ket_thuc"].split("/"))
        assert (example.year, end_month, end_day) < day(deadline) < day(summary)


def test_the_plan_refers_to_each_of_its_appendices_before_its_signature(example):
    """Decree 30: an appendix is named in the body of the document it goes with."""
    if not example.appendices:
        pytest.skip(f"{example.name} has no appendix")
    lines = docx_lines(example.built.plan_docx)
    signed = lines.index(example.plan["nguoi_ky"]["ho_ten"])
    if example.decision is not None:  # the plan follows the decision's signature, up to its appendices
        first = example.fill(example.appendices[0]["tieu_de"]).upper()
        body = " ".join(lines[signed + 1 : lines.index(first) - 1])
    else:
        body = " ".join(lines[:signed])
    names = (
        ["Phụ lục"] if len(example.appendices) == 1 else [f"Phụ lục {ROMAN[i]}" for i in range(len(example.appendices))]
    )
    assert all(re.search(rf"{name}(?! [IVX])", body) for name in names), names


def test_letters_are_addressed_by_full_names(example):
    """Kính gửi names a body in full: no HĐND, UBND or other abbreviation."""
    for line in example.letters_by_addressee:
        assert not re.search(r"\b(?:HĐND|UBND|MTTQ|LHPN)\b", line), line


def test_the_commune_cites_the_provinces_plan_and_its_letter_as_the_provincial_example_numbers_them(example):
    """The two examples are one story: the commune's plan cites the province's plan, and the letter
    the province sent that commune, by the numbers and dates the provincial example gives them."""
    if example.issuer["cap"] != "xa":
        pytest.skip(f"{example.name} is not a commune")
    province = Example.__new__(Example)  # its YAML only, not a second build
    province.folder = edition_folder("ubnd-tinh")
    load = lambda file: yaml.safe_load((province.folder / file).read_text(encoding="utf-8"))
    province.issuer, province.plan, province.letters = (
        load("co-quan-ban-hanh.yaml"),
        load("ke-hoach.yaml"),
        load("cong-van.yaml"),
    )
    province.year = int(province.folder.name)
    province.decision = load("quyet-dinh.yaml") if (province.folder / "quyet-dinh.yaml").exists() else None
    commune = next(
        unit["ma"]
        for unit_list in load("don-vi.yaml")["danh_sach"]
        for unit in unit_list["don_vi"]
        if unit["dia_danh"] == example.issuer["dia_danh"]
    )
    number, date = province.letter_number(commune)
    letter = f"Công văn số {number:02d}/{province.letters['ky_hieu']} ngày {short_date(date)} của UBND tỉnh"
    text = " ".join(body_texts(example.built.plan_docx))
    assert province.plan_reference() in text and letter in text
    pdf = flat(pdf_text(example.built.plan_pdf))
    assert flat(province.plan_reference()) in pdf and flat(letter) in pdf


def test_a_forms_instructions_go_to_one_page_in_both_renderings(example, in_libreoffice):
    """The instructions after a form's signature are read together: never their heading or a few
    lines at the foot of one page and the rest on the next, in the PDF or as Word lays out the DOCX.
    They end the form, so their heading is on its last page."""
    heading = yaml.safe_load((example.folder / "bieu-mau.yaml").read_text(encoding="utf-8"))["tieu_de_huong_dan"]
    words_of = lambda text: " ".join(nd30.words(text))  # noqa: E731
    pdfs = [pdf for pdf in sorted(example.output.glob("*/bao-cao-*.pdf")) if (in_libreoffice / pdf.name).exists()]
    assert pdfs
    for ours in pdfs:
        for rendering in (ours, in_libreoffice / ours.name):
            pages = [words_of(text) for text in nd30.pdf_page_texts(nd30.read_pdf(rendering))]
            assert [n for n, page in enumerate(pages) if words_of(heading) in page] == [len(pages) - 1], rendering


def test_a_letters_closing_paragraph_breaks_only_where_its_line_is_full(example):
    """The closing sentence ("… phối hợp thực hiện./.") starts its first line with several words:
    the end mark "./." kept unbroken once made WeasyPrint put the first word alone on a line."""

    for recipient in example.expected:
        path = example.letter(recipient)
        closing = [p.text for p in document(path).paragraphs if p.style.name == "Đoạn kết" and p.text.strip()]
        assert closing, recipient.name
        first_words = " ".join(closing[-1].split()[:3])
        lines = [" ".join(line.split()) for line in nd30.pdf_text(nd30.read_pdf(path.with_suffix(".pdf"))).splitlines()]
        assert any(line.startswith(first_words) for line in lines), (recipient.name, first_words)
