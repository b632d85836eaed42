"""Rules on section IV of the plan (ke-hoach.yaml to_chuc_thuc_hien): each entry's heading, the
bodies it names, the targets and indicators it asks them to report on."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.edition import Edition, plan_targets
from ..content.schema import Agency, Assignment
from ..errors import Problem
from .common import at
from .kinds import COLON_ADDED


def entries(edition: Edition) -> Iterator[Problem]:
    """Section IV has entries; each entry's heading, targets, bodies and indicators resolve."""
    plan = edition.plan
    if not plan.assignments:
        yield plan.origin.problem(
            "assignments",
            "mục Tổ chức thực hiện không có cơ quan nào: không có công văn nào để gửi",
        )
    assigned: dict[str, tuple[int, bool]] = {}  # a body's code → the line of its first entry, whether it has points
    targets = len(plan_targets(plan))
    for number, assignment in enumerate(plan.assignments, start=1):
        key = f"to_chuc_thuc_hien[{number}]"
        yield from _heading(assignment, key)
        yield from _targets(assignment, key, targets)
        yield from _bodies(edition, assignment, key, assigned)
        yield from _indicators(edition, assignment, key)


def _heading(assignment: Assignment, key: str) -> Iterator[Problem]:
    # The heading of a body's entry is printed with a colon after it (assignment_heading).
    last = assignment.heading_suffix or assignment.heading
    if assignment.agencies and last is not None and last.rstrip().endswith(":"):
        field_name = "heading_suffix" if assignment.heading_suffix else "heading"
        yield assignment.origin.problem(field_name, COLON_ADDED)
    if not assignment.agencies and assignment.heading is None:
        yield assignment.origin.problem(
            "agencies",
            "mục không ghi cơ quan nào (co_quan); "
            "mục không phải một cơ quan (ví dụ Chế độ thông tin, báo cáo) thì ghi tieu_de",
        )


def _targets(assignment: Assignment, key: str, targets: int) -> Iterator[Problem]:
    for target in assignment.plan_targets:
        if not 1 <= target <= targets:
            yield assignment.origin.problem(
                "plan_targets",
                f"kế hoạch không có chỉ tiêu {target} (có {targets} chỉ tiêu ở mục ghi la_chi_tieu: true)",
            )


def _kind_resolves(edition: Edition, agency: Agency) -> bool:
    kinds = {k.id for k in edition.kinds.kinds}
    if agency.kind is not None:
        return agency.kind in kinds
    unit_lists = {u.id: u for u in edition.unit_lists.lists}
    return agency.unit_list in unit_lists and unit_lists[agency.unit_list].kind in kinds


def _bodies(
    edition: Edition, assignment: Assignment, key: str, assigned: dict[str, tuple[int, bool]]
) -> Iterator[Problem]:
    """Each body named is known, once per entry, and in other entries only where no points a), b)…
    are involved; bodies of different kinds need a heading."""
    agencies = {a.id: a for a in edition.registry.agencies}
    for agency_id in assignment.agencies:
        if agency_id not in agencies:
            yield assignment.origin.problem("agencies", f"không có cơ quan mã “{agency_id}” trong co-quan.yaml")
        elif agency_id in assigned:
            # Named again: its letter and form carry the tasks of both entries, in the plan's order;
            # points a), b)… under one entry's last task cannot be followed by another entry's tasks.
            line, with_points = assigned[agency_id]
            named = f"cơ quan “{agency_id}” đã có ở mục dòng {line}"
            if line == assignment.origin.line_of("agencies"):  # twice in this entry's own list
                yield assignment.origin.problem("agencies", named)
            elif with_points or assignment.points:
                yield assignment.origin.problem(
                    "agencies",
                    f"{named}, và một trong hai mục có các điểm a), b)… (muc): công văn không nối được nhiệm vụ "
                    "của hai mục đó; ghi nhiệm vụ chung vào mục riêng của cơ quan này",
                )
        else:
            assigned[agency_id] = (assignment.origin.line_of("agencies"), bool(assignment.points))
    known = [agencies[a] for a in assignment.agencies if a in agencies and _kind_resolves(edition, agencies[a])]
    if len(known) > 1 and assignment.heading is None and len({edition.agency_kind(a).heading for a in known}) > 1:
        yield at(
            assignment.origin,
            "agencies",
            f"{key}.tieu_de",
            "các cơ quan của mục thuộc các loại nơi nhận khác nhau: ghi tiêu đề của mục (tieu_de)",
        )


def _indicators(edition: Edition, assignment: Assignment, key: str) -> Iterator[Problem]:
    """The strategy's indicators an entry reports on are in chi-tieu.yaml."""
    catalog = edition.catalog
    for ref in assignment.indicators:
        if catalog is None:
            yield at(
                ref.origin,
                "objective",
                f"{key}.bao_cao_chi_tieu",
                "không có tệp chi-tieu.yaml nên không giao báo cáo chỉ tiêu của Chiến lược được",
            )
            continue
        objective = next((o for o in catalog.objectives if o.number == ref.objective), None)
        if objective is None:
            yield at(
                ref.origin,
                "objective",
                f"{key}.bao_cao_chi_tieu.muc_tieu",
                f"không có Mục tiêu {ref.objective} trong chi-tieu.yaml",
            )
            continue
        known = {i.number for i in objective.indicators}
        for indicator in ref.indicators:
            if indicator not in known:
                yield at(
                    ref.origin,
                    "indicators",
                    f"{key}.bao_cao_chi_tieu.chi_tieu",
                    f"không có chỉ tiêu {indicator} của Mục tiêu {ref.objective} trong chi-tieu.yaml",
                )
