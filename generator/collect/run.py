"""Writing the collection: the tracking list (CSV, HTML), the summary report and the report up (DOCX, PDF).

Everything goes into output/<year>/tong-hop/ and nowhere else: the folder must not be a link,
every file is written atomically, and the returned files under content/ are only read. A state
file there (generator/state.py) records what each output was made from: a run with no new or
changed returned file, content, template or code writes nothing; a summary edited by hand is
copied to tong-hop/ban-sua-tay/ before it is made again.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field, fields
from pathlib import Path

import jinja2

from ..content.edition import Edition
from ..content.schema import TrackingWording
from ..project import Project, code_version, edition_folder, edition_inputs
from ..errors import GeneratorError, TemplateProblem
from ..engine import SET_ASIDE, WriteReport, write_outputs
from ..files import display_path
from ..state import BuildState
from . import RETURNED
from .collect import Collection, returned_files
from .periods import FOLDER, chosen_period, folder_name
from .received import RECEIVED

TRACKING = "theo-doi-bao-cao"
SUMMARY = "bao-cao-tong-hop"
REPORT_UP = "bao-cao-cap-tren"  # the issuer's own report to the level above


@dataclass(frozen=True)
class TrackingRow:
    number: str
    unit: str
    status: str  # loi-van.yaml's theo_doi: da_bao_cao, chua_bao_cao or khong_dung_duoc
    reported_on: str
    date_source: str
    received_on: str
    deadline: str
    late: str
    file: str
    problems: str


@dataclass
class CollectReport(WriteReport):
    reported: int = 0
    expected: int = 0
    late: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    bad_files: list[tuple[str, list[str]]] = field(default_factory=list)
    invalid: list[tuple[str, list[str]]] = field(default_factory=list)  # counted files' figures left out


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _words(edition: Edition) -> TrackingWording:
    """The tracking list's wording (loi-van.yaml, theo_doi), its labels as printed."""
    return edition.labels(edition.words.tracking)


def _problems(collection: Collection, recipient, used) -> list[str]:
    """What the tracking list says is to be done about a unit's files: the others' problems, then
    the counted file's warnings and the figures left out of it."""
    edition = collection.edition
    others = [f for f in collection.files if f.recipient is recipient and f is not used]
    problems = [f"{f.path.name}: {p}" for f in others for p in f.problems + f.invalid]
    if used:
        invalid = edition.words.tracking.invalid
        problems += [f"{used.path.name}: {w}" for w in used.warnings]
        problems += [f"{used.path.name}: {edition.plain(invalid, so_lieu=p)}" for p in used.invalid]
    return problems


def _unit_row(number: int, recipient, collection: Collection, words: TrackingWording) -> TrackingRow:
    used = collection.used(recipient)
    due = _date(collection.deadline(recipient))
    problems = "; ".join(_problems(collection, recipient, used))
    if used:
        late = words.late if collection.late(recipient, used.reported_on) else ""
        source = words.date_written if used.date_written else words.date_of_file
        reported_on, received_on = _date(used.reported_on), _date(used.received_on)
        return TrackingRow(
            str(number), recipient.short_name, words.reported, reported_on, source, received_on, due, late,
            used.path.name, problems,
        )  # fmt: skip
    others = [f for f in collection.files if f.recipient is recipient]
    status = words.unusable if others else words.missing
    received = ", ".join(_date(f.received_on) for f in others)
    files = ", ".join(f.path.name for f in others)
    return TrackingRow(str(number), recipient.short_name, status, "", "", received, due, "", files, problems)


def tracking_rows(collection: Collection) -> list[TrackingRow]:
    words = _words(collection.edition)
    rows = [_unit_row(number, r, collection, words) for number, r in enumerate(collection.expected, start=1)]
    for returned in collection.files:
        if returned.recipient is None:
            rows.append(
                TrackingRow(
                    "",
                    words.unknown_unit,
                    words.unusable,
                    "",
                    "",
                    _date(returned.received_on),
                    "",
                    "",
                    returned.path.name,
                    "; ".join(returned.problems),
                )  # fmt: skip
            )
    return rows


def tracking_columns(words: TrackingWording) -> tuple[str, ...]:
    """The tracking list's columns, in the order of TrackingRow's fields."""
    names = words.columns
    return tuple(getattr(names, f.name) for f in fields(TrackingRow))


def tracking_csv(rows: list[TrackingRow], edition: Edition) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(tracking_columns(_words(edition)))
    for row in rows:
        writer.writerow(
            [
                row.number,
                row.unit,
                row.status,
                row.reported_on,
                row.date_source,
                row.received_on,
                row.deadline,
                row.late,
                row.file,
                _spreadsheet_cell(row.problems, edition),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the byte order mark lets Excel read UTF-8


# Excel cuts a cell at 32,767 characters without a word; a file with thousands of bad cells would
# lose the end of its list there. The CSV keeps whole problems up to a margin under that and says
# how many are left out; the HTML tracking list has them all.
SPREADSHEET_CELL_LIMIT = 32_000


def _spreadsheet_cell(problems: str, edition: Edition) -> str:
    if len(problems) <= SPREADSHEET_CELL_LIMIT:
        return problems
    items = problems.split("; ")
    kept: list[str] = []
    size = 0
    for item in items:
        size += len(item) + 2
        if size > SPREADSHEET_CELL_LIMIT - 200:
            break
        kept.append(item)
    left = len(items) - len(kept)
    return "; ".join(kept) + "; " + edition.plain(edition.words.tracking.more, so=str(left), tep=f"{TRACKING}.html")


def tracking_html(rows: list[TrackingRow], collection: Collection, html_folder: Path) -> bytes:
    from ..writers.jinja import strict_environment

    edition, words = collection.edition, _words(collection.edition)
    reported = sum(1 for r in collection.expected if collection.used(r))
    heading = edition.plain(
        edition.words.tracking.heading, so_da_bao_cao=str(reported), so_phai_bao_cao=str(len(collection.expected))
    )
    environment = strict_environment(jinja2.FileSystemLoader(html_folder))
    try:
        return (
            environment.get_template(f"{TRACKING}.html")
            .render(rows=rows, columns=tracking_columns(words), words=words, heading=heading)
            .encode("utf-8")
        )
    except jinja2.TemplateError as err:
        raise TemplateProblem(f"{html_folder / TRACKING}.html: lỗi mẫu HTML: {err}") from err


def returned_digest(folder: Path) -> str:
    """The names, times and bytes of the returned files (and of the clerk's received dates): a new,
    changed or removed one changes it."""
    digest = hashlib.sha256()
    typed = [folder / RECEIVED] if (folder / RECEIVED).is_file() and not (folder / RECEIVED).is_symlink() else []
    for path in returned_files(folder) + typed:
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_mtime_ns}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _confined(output_year: Path, name: str = FOLDER) -> Path:
    """output/<year>/tong-hop/ (or a period's tong-hop/<key>/), refused when it, a folder above it
    up to output/<year>/ or its set-aside folder is a link (writing would land elsewhere)."""
    target = output_year / name
    for path in (output_year, output_year / FOLDER, target, target / SET_ASIDE):
        if path.is_symlink():
            raise GeneratorError(
                f"{display_path(path)} là một liên kết (link); không ghi qua liên kết, hãy xóa liên kết rồi chạy lại"
            )
    return target


def collect_edition(project: Project, year: int | None, period_key: str | None = None) -> CollectReport:
    """Collect an edition's returned forms; a multi-year plan's of one period (`period_key`, KY=)."""
    from ..checks import load_edition
    from .collect import collect

    content_folder = edition_folder(project, year)
    edition = load_edition(content_folder)
    period = chosen_period(edition, period_key)
    folder = _confined(project.output / content_folder.name, folder_name(period))
    report = CollectReport(folder)
    state = BuildState.load(folder)
    inputs = hashlib.sha256(
        "\0".join(
            (code_version(), edition_inputs(project, content_folder), returned_digest(content_folder / RETURNED))
        ).encode()
    ).hexdigest()
    collection = collect(edition, period)
    _fill_report(report, collection)
    if state.unchanged_since(inputs):
        return report
    made = _outputs(project, collection)  # everything rendered before anything is written
    # Written as the build writes: a copy edited by hand (the summary, in Word) is kept while unchanged
    # and set aside before it is replaced; a file Word holds open is named and written next time.
    fingerprinted = {relative: (hashlib.sha256(data).hexdigest(), data) for relative, data in made.items()}
    write_outputs(folder, fingerprinted, report, inputs=inputs)
    return report


def _outputs(project: Project, collection: Collection) -> dict[str, bytes]:
    """Every file of tong-hop/, rendered: the tracking list, the summary and, where the plan has
    one (bao_cao.cap_tren), the issuer's report to the level above."""
    from ..render import RenderTask, render
    from .report_up import build_report_up
    from .summary import build_summary

    rows = tracking_rows(collection)
    html_folder = project.templates / "html"
    documents = {SUMMARY: build_summary(collection)}
    if collection.edition.plan.reporting.report_up is not None:
        documents[REPORT_UP] = build_report_up(collection)
    outputs = {
        f"{TRACKING}.csv": lambda: tracking_csv(rows, collection.edition),
        f"{TRACKING}.html": lambda: tracking_html(rows, collection, html_folder),
    }
    made = {relative: make() for relative, make in outputs.items()}
    for stem, document in documents.items():
        # Rendered as the build renders every document: the same templates, the Word template's styles for both.
        made[f"{stem}.docx"] = render(RenderTask("docx", document, project.templates / "van-ban.docx"))
        made[f"{stem}.pdf"] = render(
            RenderTask("pdf", document, html_folder / "van-ban.html", project.templates / "van-ban.docx")
        )
    return made


def _fill_report(report: CollectReport, collection: Collection) -> None:
    report.expected = len(collection.expected)
    for recipient in collection.expected:
        used = collection.used(recipient)
        if used:
            report.reported += 1
            if collection.late(recipient, used.reported_on):
                report.late.append(recipient.short_name)
        else:
            report.missing.append(recipient.short_name)
    report.bad_files = [(f.path.name, f.problems) for f in collection.files if f.problems]
    report.invalid = [(f.path.name, f.invalid) for f in collection.files if f.usable and f.invalid]
