"""Cases small enough to read in a failing assertion, big enough to exercise the store."""

from __future__ import annotations

from psr_tui.domain.case import Case
from psr_tui.domain.plan import Objective, Plan, ReviewPoint


def small_case(case_id: str = "case-0001", name: str = "Dr A Example") -> Case:
    case = Case(id=case_id)
    case.request.practitioner.name = name
    case.request.organisation.name = "Example NHS Trust"
    case.plan = Plan(
        objectives=[Objective(id="obj-1", statement="Take a focused history", measure="CbD")],
        review_points=[ReviewPoint(id=f"rp-{i}", title=f"Review {i}") for i in range(1, 5)],
    )
    return case
