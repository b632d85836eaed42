"""Issue 21: `Origin` keeps the key path the binder walked, so a rule writes
`origin.problem(field, message)` and the clerk reads the field as typed in the file.

Expected key paths are written out here from the YAML layout of the content files (the top-level
key, the index of the list item, the field's key), never read from the program.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, ROOTS

PROVINCE = ROOT / "examples" / "ubnd-tinh" / "2026"  # the one edition issued by a Quyết định


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    from generator.content.edition import bind_edition

    folder = tmp_path_factory.mktemp("xa") / "2026"
    shutil.copytree(ROOTS / "xa-mau" / "2026", folder)
    return bind_edition(folder)


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    from generator.content.edition import bind_edition

    folder = tmp_path_factory.mktemp("tinh") / "2026"
    shutil.copytree(PROVINCE, folder)
    return bind_edition(folder)


def line_of_key(path: Path, key: str) -> int:
    """The first line of `path` that starts (after indentation and a list dash) with `key:`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip(" -").startswith(f"{key}:"):
            return number
    raise AssertionError(f"{key} not in {path}")


def test_top_level_fields_are_named_by_their_key(commune):
    assert commune.issuer.origin.key == ""
    assert commune.issuer.origin.key_of("level") == "cap"
    assert commune.issuer.origin.key_of("header_lines") == "dong_tieu_de"
    assert commune.report_form.origin.key_of("activities") == "hoat_dong"
    assert commune.plan.origin.key_of("assignments") == "to_chuc_thuc_hien"


def test_nested_objects_and_list_items_carry_their_path(commune):
    plan = commune.plan
    assert plan.document.origin.key_of("number") == "van_ban.so"
    assert plan.document.date.origin.key == "van_ban.ngay_ban_hanh"
    assert plan.document.date.origin.key_of("year") == "van_ban.ngay_ban_hanh.nam"
    assert plan.reporting.origin.key_of("receiver") == "bao_cao.noi_nhan_bao_cao"
    for number, assignment in enumerate(plan.assignments, start=1):
        assert assignment.origin.key == f"to_chuc_thuc_hien[{number}]"
        assert assignment.origin.key_of("agencies") == f"to_chuc_thuc_hien[{number}].co_quan"
        assert assignment.origin.key_of("heading_suffix") == f"to_chuc_thuc_hien[{number}].them_vao_tieu_de"
    for number, line in enumerate(plan.recipients, start=1):
        assert line.origin.key_of("group") == f"noi_nhan[{number}].nhom"
    for number, kind in enumerate(commune.kinds.kinds, start=1):
        assert kind.origin.key_of("heading") == f"loai[{number}].tieu_de_ke_hoach"
    for number, unit_list in enumerate(commune.unit_lists.lists, start=1):
        for index, unit in enumerate(unit_list.units, start=1):
            assert unit.origin.key_of("id") == f"danh_sach[{number}].don_vi[{index}].ma"
    for number, group in enumerate(commune.report_form.task_groups, start=1):
        assert group.origin.key_of("tasks") == f"nhom_nhiem_vu[{number}].nhiem_vu"
    assert commune.report_form.task_groups, "the tiny commune has merged task rows"


def test_a_list_item_of_a_field_is_named_and_placed_at_its_line(province):
    appendix = province.plan.appendices[0]
    problem = appendix.origin.problem("rows[2]", "thử")
    assert problem.field == "phu_luc[1].dong[2]"
    assert problem.line == appendix.origin.line_of("rows[2]") > appendix.origin.line_of("rows[1]")
    assert problem.path.endswith("ke-hoach.yaml")
    periods = province.plan.reporting.periods
    assert len(periods) > 1
    assert [p.deadline.origin.key for p in periods] == [
        f"bao_cao.ky_bao_cao[{n}].han" for n in range(1, len(periods) + 1)
    ]


def test_a_problem_is_at_the_line_of_its_field(province):
    decision = province.decision
    assert decision is not None
    problem = decision.origin.problem("grounds", "thử")
    assert problem.field == "can_cu"
    assert problem.line == line_of_key(province.folder / "quyet-dinh.yaml", "can_cu")
    assert decision.date.origin.key == "ngay_ban_hanh"
    assert decision.recipients[0].origin.key_of("agency") == "noi_nhan[1].co_quan"
