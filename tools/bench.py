"""`make bench`: how long builds take, as medians, on this machine.

Measures, each in fresh processes of `python -m generator` on copies of the content:
  - the full set (DOCX and PDF, forced, into an empty output folder);
  - a rebuild with nothing changed;
  - a rebuild after one agency's tasks changed;
  - synthetic sets of 100 and 500 recipients (the real agencies plus invented communes), with the
    peak memory of the build's processes;
  - the route docassemble and Carbone users take, where LibreOffice is installed: the same DOCX
    files, then one `soffice --headless --convert-to pdf` call for all of them.
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

from generator.build import Project, edition_folder, targets  # noqa: E402
from generator.content.edition import load_edition  # noqa: E402
from generator.render import render  # noqa: E402


_MEASURED = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
# RUSAGE_CHILDREN: the largest RSS of the build process and of its worker processes.
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_build(content: Path, output: Path, *extra: str) -> tuple[float, int]:
    """Wall time of one build in a new process, and the peak RSS (KiB) of its processes."""
    command = [sys.executable, "-m", "generator", "--content", str(content), "--output", str(output), "build", *extra]
    result = subprocess.run([sys.executable, "-c", _MEASURED, *command], cwd=ROOT, check=True, capture_output=True, text=True)
    seconds, peak = result.stdout.split()
    return float(seconds), int(peak)


def median(values: list[float]) -> float:
    return statistics.median(values)


def copy_content(work: Path) -> Path:
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def with_communes(content: Path, recipients: int) -> int:
    """Replace the communes by invented ones so the edition has `recipients` recipients in all."""
    year = edition_folder(Project(content, ROOT / "templates", content), None)
    edition = load_edition(year)
    agencies = sum(1 for a in edition.plan.assignments if edition.agency(a.agency).letter and not edition.agency(a.agency).communes)
    communes = recipients - agencies
    lines = [f'huyen: "{edition.communes.district}"', "don_vi:"]
    lines += [f'  - ma: "xa-thu-{n}"\n    ten: "Xã Thử Nghiệm {n}"' for n in range(1, communes + 1)]
    (year / "xa-thi-tran.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
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


def libreoffice_route(content: Path, work: Path) -> tuple[float, float] | None:
    """(seconds to render the DOCX files in one process, seconds of one soffice call converting them)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    project = Project(content, ROOT / "templates", work / "lo-output")
    edition = load_edition(edition_folder(project, None))
    docx_tasks = [t for t in targets(project, edition) if t.task is not None and t.task.format == "docx"]
    folder = work / "lo-docx"
    folder.mkdir()
    started = time.perf_counter()
    for number, target in enumerate(docx_tasks):
        (folder / f"{number:04d}.docx").write_bytes(render(target.task))
    docx_seconds = time.perf_counter() - started
    profile = work / "lo-profile"
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(work / "lo-pdf"), *sorted(str(p) for p in folder.glob("*.docx"))]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # profile warm-up
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return docx_seconds, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per measurement (the median is printed)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    print(f"Máy: {cores} lõi CPU; mỗi số là trung vị của {args.rounds} lần chạy.")
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        work = Path(temporary)
        content = copy_content(work)

        full = []
        for round_number in range(args.rounds):
            output = work / f"full-{round_number}"
            full.append(run_build(content, output, "--force")[0])
        files = sum(1 for p in (work / "full-0").rglob("*") if p.is_file() and not p.name.startswith("."))
        print(f"Toàn bộ ({files} tệp, DOCX và PDF, thư mục trống): {median(full):.2f} s")

        output = work / "full-0"
        noop = [run_build(content, output)[0] for _ in range(max(args.rounds, 5))]
        print(f"Chạy lại khi không có gì thay đổi: {median(noop):.3f} s")

        one = []
        for round_number in range(args.rounds):
            change_one_agency(content, round_number)
            one.append(run_build(content, output)[0])
        print(f"Chạy lại sau khi sửa nhiệm vụ của một cơ quan: {median(one):.2f} s")

        (work / "lo").mkdir()
        route = libreoffice_route(copy_content(work / "lo"), work / "lo")
        if route is None:
            print("LibreOffice (soffice) không có trên máy: bỏ qua phép so sánh.")
        else:
            docx_seconds, soffice_seconds = route
            total = docx_seconds + soffice_seconds
            print(f"Cách của docassemble/Carbone: DOCX {docx_seconds:.2f} s + một lệnh soffice {soffice_seconds:.2f} s = {total:.2f} s")
            print(f"Tỷ lệ thời gian của ta / cách LibreOffice: {median(full) / total:.2f} (mục tiêu ≤ 0,40)")

        for recipients in (100, 500):
            synthetic = copy_content(work / f"synthetic-{recipients}")
            actual = with_communes(synthetic, recipients)
            seconds, peak_kib = run_build(synthetic, work / f"synthetic-{recipients}" / "output", "--force")
            print(f"Tập giả lập {actual} nơi nhận: {seconds:.1f} s ({seconds / actual * 1000:.0f} ms mỗi nơi nhận); "
                  f"bộ nhớ đỉnh của tiến trình lớn nhất {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
