"""`make bench`: how long builds take, as medians, on this machine.

Measures, each in fresh processes of `python -m generator` on copies of the content:
  - the full set (DOCX and PDF, forced, into an empty output folder), with the workers forked (Linux)
    and spawned (as on Windows), rounds of the two interleaved so that the machine's load weighs
    on both alike;
  - a rebuild with nothing changed;
  - a rebuild after one agency's tasks changed;
  - synthetic sets of 100 and 500 recipients (the real agencies plus invented communes), with the
    peak memory of the build's processes;
  - the route docassemble and Carbone users take, where LibreOffice is installed: the same DOCX
    files, then one `soffice --headless --convert-to pdf` call for all of them;
  - the floor of the full set's time on this machine: WeasyPrint's work alone (the PDFs rendered in
    one process), divided by the number of cores; and so the floor of our time against that route;
  - what the build's worker pool takes for documents already made and validated (the PDFs alone,
    then every DOCX and PDF), with workers spawned (each imports WeasyPrint, as on Windows) and
    forked from this process, which has WeasyPrint loaded and warm (what a fork server would give):
    the least a build can take before it reads any content or writes any file;
  - what the PDF/A-2 archive copy costs: the full set with and without it, interleaved in the same
    run so that the load of a shared machine falls on both alike (`--pdf-a` measures only this).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import Project, edition_folder, targets, usable_cores  # noqa: E402
from generator.checks import load_edition  # noqa: E402
from generator.document.wording import decimal  # noqa: E402
from generator.render import render  # noqa: E402
from generator.workers import START_METHOD_VARIABLE, WorkerPool  # noqa: E402


_MEASURED = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
# RUSAGE_CHILDREN: the build process and its worker processes: the largest RSS of any, CPU time of all.
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - started, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


# The CLI with plain PDFs instead of PDF/A-2: the writer's variant switched off before the build
# forks its workers, which inherit it.
_PLAIN_PDF = "import runpy, generator.writers.pdf as pdf; pdf.PDF_VARIANT = None; runpy.run_module('generator', run_name='__main__')"


def measure_build(
    content: Path, output: Path, *extra: str, pdf_a: bool = True, start_method: str | None = None
) -> tuple[float, int, float]:
    """Wall time of one build in a new process, the peak RSS (KiB) and the CPU seconds of its processes."""
    cli = ["-m", "generator"] if pdf_a else ["-c", _PLAIN_PDF]
    command = [sys.executable, *cli, "--content", str(content), "--output", str(output), "build", *extra]
    env = dict(os.environ, **({START_METHOD_VARIABLE: start_method} if start_method else {}))
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command], cwd=ROOT, check=True, capture_output=True, text=True, env=env
    )
    seconds, peak, cpu = result.stdout.split()
    return float(seconds), int(peak), float(cpu)


def run_build(content: Path, output: Path, *extra: str, start_method: str | None = None) -> tuple[float, int]:
    """Wall time of one build in a new process, and the peak RSS (KiB) of its processes."""
    return measure_build(content, output, *extra, start_method=start_method)[:2]


def run_build_with_cpu(
    content: Path, output: Path, *extra: str, start_method: str | None = None
) -> tuple[float, int, float]:
    """run_build, and the CPU seconds of all the build's processes."""
    return measure_build(content, output, *extra, start_method=start_method)


def median(values: list[float]) -> float:
    return statistics.median(values)


def copy_content(work: Path) -> Path:
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def with_communes(content: Path, recipients: int) -> int:
    """Replace the communes by invented ones so the edition has `recipients` recipients in all."""
    from generator.content.distribution import distribution

    year = edition_folder(Project(content, ROOT / "templates", content), None)
    edition = load_edition(year)
    agencies = sum(1 for r in distribution(edition)[0].recipients if r.entry == r.id)  # bodies, not units of a list
    communes = recipients - agencies
    units = "".join(
        f'      - ma: "xa-thu-{n}"\n        ten: "Xã Thử Nghiệm {n}"\n        dia_danh: "Thử Nghiệm {n}"\n'
        for n in range(1, communes + 1)
    )
    text = (year / "don-vi.yaml").read_text(encoding="utf-8")
    (year / "don-vi.yaml").write_text(text[: text.index("    don_vi:")] + "    don_vi:\n" + units, encoding="utf-8")
    return agencies + communes


def change_one_agency(content: Path, round_number: int) -> None:
    """Append a word to the first task of Phòng Tư pháp, different each round."""
    plan = edition_folder(Project(content, ROOT / "templates", content), None) / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    marker = 'co_quan: "phong-tu-phap"'
    start = text.index(marker)
    task = text.index('- "', text.index("nhiem_vu:", start))
    end = text.index('"', task + 3)
    text = text[:end] + f" (lần sửa {round_number})" + text[end:]
    plan.write_text(text, encoding="utf-8")


def change_plan_paragraph(content: Path, round_number: int) -> None:
    """Append a word to the plan's first paragraph (the first of its top-level mo_dau: a `- "`
    earlier in the file belongs to the report up, which a build without returned forms never
    makes), different each round."""
    plan = edition_folder(Project(content, ROOT / "templates", content), None) / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index('- "', text.index("\nmo_dau:"))
    end = text.index('"', start + 3)
    plan.write_text(text[:end] + f" (đoạn sửa {round_number})" + text[end:], encoding="utf-8")


def warm_preview(work: Path, rounds: int, floor: float) -> None:
    """The preview server's process (`make xem`), warm: its full rebuild against the floor, and the
    latency from a save to the new PDFs on disk against `make documents` cold on the same edit.
    The builds are driven directly; the server adds its settling time (QUIET_SECONDS) and the
    watcher's step on top, printed separately."""
    from generator.build import build
    from generator.preview import QUIET_SECONDS, STEP_MS, Preview

    content = copy_content(work / "xem")
    cold_content = copy_content(work / "xem-cold")
    warm_project = Project(content, ROOT / "templates", work / "xem" / "output")
    preview = Preview(warm_project, None)
    preview.start_pool()
    try:
        preview.rebuild()
        full = []
        for _ in range(rounds):
            started = time.perf_counter()
            build(warm_project, None, force=True, pool=preview.pool)
            full.append(time.perf_counter() - started)
        run_build(cold_content, work / "xem-cold" / "output")
        figures = {}
        for name, change in (("paragraph", change_plan_paragraph), ("agency", change_one_agency)):
            warm, cold = [], []
            for round_number in range(rounds):
                change(content, round_number)
                change(cold_content, round_number)
                started = time.perf_counter()
                preview.rebuild()
                warm.append(time.perf_counter() - started)
                if not preview.status.written:  # an edit that reaches no document measures nothing
                    raise SystemExit(f"bench: {change.__name__} không làm thay đổi văn bản nào")
                cold.append(run_build(cold_content, work / "xem-cold" / "output")[0])
            figures[name] = (median(warm), median(cold))
    finally:
        preview.close_pool()
    print(
        f"make xem, tiến trình đã nạp sẵn: tạo lại toàn bộ {decimal(median(full), 2)} s "
        f"({decimal(median(full) / floor, 2)} × mức sàn; mục tiêu ≤ 1,10)"
    )
    for name, label, goal in (
        ("paragraph", "sửa một đoạn của kế hoạch → PDF kế hoạch mới", "0,35"),
        ("agency", "sửa nhiệm vụ của một cơ quan → công văn, biểu mẫu, kế hoạch mới", "0,50"),
    ):
        warm, cold = figures[name]
        print(
            f"make xem, {label}: {decimal(warm, 2)} s, make documents {decimal(cold, 2)} s; "
            f"tỷ lệ {decimal(warm / cold, 2)} (mục tiêu ≤ {goal}); trang chờ thêm "
            f"{decimal(QUIET_SECONDS + STEP_MS / 1000, 2)} s cho các lần lưu liên tiếp"
        )


def render_tasks(content: Path, work: Path, format: str) -> list:
    """The render tasks of every document of one format, with the writer imported and its
    per-process caches filled by a first render, as a worker's first task does."""
    project = Project(content, ROOT / "templates", work / "unused-output")
    tasks = [
        t.task
        for t in targets(project, load_edition(edition_folder(project, None)))
        if t.task is not None and t.task.format == format
    ]
    render(tasks[0])
    return tasks


def rendered_once(tasks: list) -> tuple[list[bytes], float, float]:
    """Every task rendered in this process, one after the other, the seconds it took and the CPU
    seconds it used."""
    started, cpu = time.perf_counter(), time.process_time()
    outputs = [render(task) for task in tasks]
    return outputs, time.perf_counter() - started, time.process_time() - cpu


def rendered_in_one_process(content: Path, work: Path, format: str, rounds: int) -> tuple[list[bytes], float]:
    """Every document of one format rendered in this process, and the median seconds it took."""
    tasks = render_tasks(content, work, format)
    runs = [rendered_once(tasks) for _ in range(rounds)]
    return runs[0][0], median([seconds for _, seconds, _ in runs])


def pool_seconds(tasks: list, cores: int, start_method: str) -> float:
    """Wall time of the build's worker pool rendering these tasks, costliest first, from its start."""
    from concurrent.futures import as_completed

    os.environ[START_METHOD_VARIABLE] = start_method
    try:
        started = time.perf_counter()
        with WorkerPool(cores) as pool:
            for future in as_completed([pool.submit(render, task) for task in sorted(tasks, key=lambda t: -t.cost)]):
                future.result()
        return time.perf_counter() - started
    finally:
        del os.environ[START_METHOD_VARIABLE]


def libreoffice_seconds(docx_files: list[bytes], work: Path, rounds: int) -> float | None:
    """Median time of one soffice call converting all the DOCX files (after one call to warm its profile)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    folder = work / "lo-docx"
    folder.mkdir()
    for number, data in enumerate(docx_files):
        (folder / f"{number:04d}.docx").write_bytes(data)
    command = [
        soffice,
        f"-env:UserInstallation=file://{work / 'lo-profile'}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo-pdf"),
        *sorted(str(p) for p in folder.glob("*.docx")),
    ]
    seconds = []
    for _ in range(rounds + 1):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
    return median(seconds[1:])


def pdf_a_cost(content: Path, work: Path, rounds: int) -> None:
    """The full set with PDF/A-2 and with plain PDFs, alternately (ABBA), and what PDF/A adds."""
    from pypdf import PdfReader  # installed with the tests

    seconds: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}  # what the load of a shared machine hardly changes
    for round_number in range(rounds):
        for pdf_a in (True, False) if round_number % 2 == 0 else (False, True):
            output = work / f"pdf-a-{pdf_a}-{round_number}"
            wall, _, processor = measure_build(content, output, "--force", pdf_a=pdf_a)
            seconds[pdf_a].append(wall)
            cpu[pdf_a].append(processor)
            plan = PdfReader(next(output.glob("*/ke-hoach.pdf")))
            if ("/OutputIntents" in plan.trailer["/Root"]) != pdf_a:  # the switch must have reached the workers
                raise SystemExit(f"bench: {'PDF/A' if pdf_a else 'PDF thường'} không đúng ở {output}")
    print(f"PDF/A-2b (bản lưu trữ), toàn bộ: {_cost(seconds)}")
    print(f"PDF/A-2b, thời gian CPU của toàn bộ: {_cost(cpu)}")
    # WeasyPrint's work alone: the CPU seconds of rendering the PDFs in this process, each
    # variant's caches filled first.
    import generator.writers.pdf as pdf

    project = Project(content, ROOT / "templates", work / "unused-output")
    tasks = [
        t.task
        for t in targets(project, load_edition(edition_folder(project, None)))
        if t.task is not None and t.task.format == "pdf"
    ]
    variant = pdf.PDF_VARIANT
    rendering: dict[bool, list[float]] = {True: [], False: []}
    try:
        for round_number in range(-1, rounds):
            for pdf_a in (True, False) if round_number % 2 == 0 else (False, True):
                pdf.PDF_VARIANT = variant if pdf_a else None
                started = time.process_time()
                for task in tasks:
                    render(task)
                if round_number >= 0:
                    rendering[pdf_a].append(time.process_time() - started)
    finally:
        pdf.PDF_VARIANT = variant
    print(f"PDF/A-2b, thời gian CPU của riêng {len(tasks)} PDF trong một tiến trình: {_cost(rendering)}")


def _cost(seconds: dict[bool, list[float]]) -> str:
    with_a, without = median(seconds[True]), median(seconds[False])
    pairs = [a / b for a, b in zip(seconds[True], seconds[False], strict=True)]
    return (
        f"{decimal(with_a, 2)} s, PDF thường {decimal(without, 2)} s, thêm {decimal((with_a / without - 1) * 100, 1)} % "
        f"(trung vị tỷ lệ từng cặp: {decimal((median(pairs) - 1) * 100, 1)} %)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per measurement (the median is printed)")
    parser.add_argument("--pdf-a", action="store_true", help="only what the PDF/A-2 archive copy costs")
    parser.add_argument("--xem", action="store_true", help="only the floor and the warm preview server's figures")
    args = parser.parse_args()
    cores = usable_cores()
    print(f"Máy: {cores} lõi CPU; mỗi số là trung vị của {args.rounds} lần chạy.")
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        work = Path(temporary)
        content = copy_content(work)
        if args.xem:
            (work / "floor").mkdir()
            pdf_tasks = render_tasks(copy_content(work / "floor"), work / "floor", "pdf")
            floor = median([rendered_once(pdf_tasks)[1] for _ in range(args.rounds)]) / cores
            print(f"Mức sàn ({len(pdf_tasks)} PDF chia đều cho {cores} lõi): {decimal(floor, 2)} s")
            warm_preview(work, args.rounds, floor)
            return
        pdf_a_cost(content, work, args.rounds)
        if args.pdf_a:
            return

        # The full set with forked and with spawned workers, and the floor: WeasyPrint's work alone
        # (the PDFs rendered in this process, imports done), split perfectly over the cores. The
        # three are measured in turn in each round, so that a load on the machine weighs on all.
        (work / "floor").mkdir()
        pdf_tasks = render_tasks(copy_content(work / "floor"), work / "floor", "pdf")
        full, spawned, pdf_runs = [], [], []
        for round_number in range(args.rounds):
            full.append(run_build_with_cpu(content, work / f"full-{round_number}", "--force", start_method="fork"))
            spawned.append(run_build_with_cpu(content, work / f"spawn-{round_number}", "--force", start_method="spawn"))
            pdf_runs.append(rendered_once(pdf_tasks)[1:])
        # CPU seconds as well: on a machine others load, the wall times say more about them than
        # about us; CPU time, divided by the cores, is what the wall time would be on idle cores.
        full_cpu, spawned_cpu, pdf_cpu = (median([run[-1] for run in runs]) for runs in (full, spawned, pdf_runs))
        full, spawned, pdf_runs = ([run[0] for run in runs] for runs in (full, spawned, pdf_runs))
        files = sum(1 for p in (work / "full-0").rglob("*") if p.is_file() and not p.name.startswith("."))
        print(
            f"Toàn bộ ({files} tệp, DOCX và PDF, thư mục trống): {decimal(median(full), 2)} s "
            f"(tiến trình fork); {decimal(median(spawned), 2)} s (spawn, như trên Windows)"
        )
        pdf_seconds = median(pdf_runs)
        floor = pdf_seconds / cores
        print(
            f"Chỉ riêng {len(pdf_tasks)} PDF bằng WeasyPrint, một tiến trình: {decimal(pdf_seconds, 2)} s; "
            f"chia đều cho {cores} lõi là {decimal(floor, 2)} s (mức sàn)"
        )
        print(
            f"Toàn bộ ÷ mức sàn: {decimal(median(full) / floor, 2)} (fork), {decimal(median(spawned) / floor, 2)} (spawn); "
            "mục tiêu ≤ 1,30"
        )
        print(
            f"Theo thời gian CPU (ít phụ thuộc vào tải của máy): toàn bộ {decimal(full_cpu, 2)} s (fork), "
            f"{decimal(spawned_cpu, 2)} s (spawn), {len(pdf_tasks)} PDF {decimal(pdf_cpu, 2)} s; tỷ lệ {decimal(full_cpu / pdf_cpu, 2)} (fork), "
            f"{decimal(spawned_cpu / pdf_cpu, 2)} (spawn)"
        )

        # The least a build can take: the pool alone, with documents already made.
        all_tasks = pdf_tasks + render_tasks(content, work, "docx")
        bounds = {
            (method, which): median([pool_seconds(tasks, cores, method) for _ in range(args.rounds)])
            for method in ("spawn", "fork")
            for which, tasks in (("pdf", pdf_tasks), ("all", all_tasks))
        }
        for method, origin in (
            ("spawn", "tiến trình mới, mỗi tiến trình tự nạp WeasyPrint"),
            ("fork", "fork từ tiến trình đã nạp sẵn WeasyPrint"),
        ):
            print(
                f"Giới hạn dưới, chỉ nhóm tiến trình làm việc với văn bản đã dựng sẵn ({origin}): "
                f"{len(pdf_tasks)} PDF {decimal(bounds[method, 'pdf'], 2)} s ({decimal(bounds[method, 'pdf'] / floor, 2)} × mức sàn); "
                f"cả DOCX và PDF {decimal(bounds[method, 'all'], 2)} s ({decimal(bounds[method, 'all'] / floor, 2)} × mức sàn)"
            )

        output = work / "full-0"
        noop = [run_build(content, output)[0] for _ in range(max(args.rounds, 5))]
        print(f"Chạy lại khi không có gì thay đổi: {decimal(median(noop), 3)} s")

        one = []
        for round_number in range(args.rounds):
            change_one_agency(content, round_number)
            one.append(run_build(content, output)[0])
        print(f"Chạy lại sau khi sửa nhiệm vụ của một cơ quan: {decimal(median(one), 2)} s")

        (work / "lo").mkdir()
        lo_content = copy_content(work / "lo")
        docx_files, docx_seconds = rendered_in_one_process(lo_content, work / "lo", "docx", args.rounds)
        soffice_seconds = libreoffice_seconds(docx_files, work / "lo", args.rounds)
        if soffice_seconds is None:
            print("LibreOffice (soffice) không có trên máy: bỏ qua phép so sánh.")
        else:
            route = docx_seconds + soffice_seconds
            print(
                f"Cách của docassemble/Carbone: DOCX {decimal(docx_seconds, 2)} s + một lệnh soffice "
                f"{decimal(soffice_seconds, 2)} s = {decimal(route, 2)} s"
            )
            print(f"Tỷ lệ thời gian của ta / cách LibreOffice: {decimal(median(full) / route, 2)} (mục tiêu ≤ 0,40)")
            print(f"Mức sàn ÷ cách LibreOffice, tỷ lệ thấp nhất có thể: {decimal(floor / route, 2)}")

        warm_preview(work, args.rounds, floor)

        for recipients in (100, 500):
            synthetic = copy_content(work / f"synthetic-{recipients}")
            actual = with_communes(synthetic, recipients)
            seconds, peak_kib = run_build(synthetic, work / f"synthetic-{recipients}" / "output", "--force")
            print(
                f"Tập giả lập {actual} nơi nhận: {decimal(seconds, 1)} s ({seconds / actual * 1000:.0f} ms mỗi nơi nhận); "
                f"bộ nhớ đỉnh của tiến trình lớn nhất {peak_kib / 1024:.0f} MiB"
            )


if __name__ == "__main__":
    main()
