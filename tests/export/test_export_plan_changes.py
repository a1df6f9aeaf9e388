"""'Changes from version N': the last two agreed versions compared, and the export stays pure."""

from __future__ import annotations

import subprocess
import sys

from case_fixture import active_case, draft_case

from psr_tui.domain.plan_diff import version_diff
from psr_tui.export.plan_changes import changes_from_previous


def test_changes_only_once_two_versions_are_agreed() -> None:
    draft = draft_case().plan
    assert draft is not None and changes_from_previous(draft) is None
    plan = active_case().plan
    assert plan is not None
    previous, lines = changes_from_previous(plan) or (0, [])
    assert previous == 1
    assert any("Six-month review" in line and "2026-08-21" in line for line in lines)


def test_the_one_diff_covers_end_date_objectives_and_review_points() -> None:
    before = {
        "end_date": "2026-08-31",
        "objectives": [{"id": "o1", "statement": "Old"}, {"id": "o2", "statement": "Kept"}],
        "review_points": [{"id": "r1", "title": "Review 1", "due_on": "2026-05-01"}],
    }
    after = {
        "end_date": "2026-10-31",
        "objectives": [{"id": "o2", "statement": "Kept"}, {"id": "o3", "statement": "New"}],
        "review_points": [{"id": "r1", "title": "Review 1", "due_on": "2026-05-15"}],
    }
    assert version_diff(before, after) == [
        "End date: 2026-08-31 → 2026-10-31",
        "Objective added: New",
        "Objective removed: Old",
        "Review point moved: Review 1: 2026-05-01 → 2026-05-15",
    ]
    assert version_diff(before, before) == []


def test_export_imports_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, psr_tui.export\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
