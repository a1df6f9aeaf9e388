"""Conditions in force and lifted (hazard H02): the floor applies only while in force."""

from __future__ import annotations

from datetime import date

import pytest
from test_review import record, running_case

from psr_tui.domain.completion import completion_outstanding
from psr_tui.domain.conditions import lift_condition
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import SupervisionStage
from psr_tui.domain.supervision import (
    blocking_conditions,
    check_level,
    in_force,
    require_ladder_within_floor,
    supervision_floor,
)

TODAY = date(2026, 11, 23)


def restricted(lifted_at_stage: int | None = None, floor: int = 2):
    """Stages L2..L5; a local restriction (outpatients only) holding supervision at `floor`."""
    case = running_case(floor=floor)
    condition = case.request.conditions[0]
    condition.source, condition.description = "local_restriction", "Outpatient work only"
    condition.id, condition.imposed_on = "cnd-op", date(2026, 1, 5)
    condition.lifted_at_stage = lifted_at_stage
    return case, condition


def lift(case, **kw):
    kw = {"by": "organisation", "decided_by": "Dr Rao", "lifted_on": TODAY,
          "evidence": "Medical director's letter of 20 November", "user": "hmarsden",
          "today": TODAY, **kw}
    return lift_condition(case, "cnd-op", **kw)


def test_a_condition_in_force_holds_the_step_down() -> None:
    case, _ = restricted()
    with pytest.raises(RuleError, match="Cannot step down to level 3"):
        record(case, "step_down")
    assert case.plan.current_stage == 0


def test_lifted_by_a_recorded_decision_it_no_longer_applies_anywhere() -> None:
    case, condition = restricted()
    lift(case)
    assert not in_force(condition)
    assert condition.lifted.decided_by == "Dr Rao" and condition.lifted.recorded_by == "hmarsden"
    assert supervision_floor(case) is None
    assert blocking_conditions(case, 5) == []
    require_ladder_within_floor(case, case.plan.stages, "plan.stages")  # no refusal
    record(case, "step_down")
    assert case.plan.current_level == 3
    assert not any("Outpatient" in item for item in completion_outstanding(case, "completed"))


def test_lifted_on_entry_to_a_stage_applies_only_before_it() -> None:
    case, condition = restricted(lifted_at_stage=2)
    assert in_force(condition, 1) and not in_force(condition, 2)
    assert in_force(condition)  # not yet reached: still in force as a whole
    assert check_level(case, 3, stage_number=1) is not None
    assert check_level(case, 3, stage_number=2) is None
    # A ladder L2 -> L3 -> ... is within the floor: the restriction ends on entry to stage 2.
    require_ladder_within_floor(case, case.plan.stages, "plan.stages")
    record(case, "step_down")
    assert case.plan.current_level == 3


def test_a_planned_lifting_later_on_still_refuses_a_ladder_that_leaves_the_floor_early() -> None:
    case, _ = restricted(lifted_at_stage=3)
    with pytest.raises(RuleError, match="Supervision stage 2: level 3 is not allowed"):
        require_ladder_within_floor(case, case.plan.stages, "plan.stages")
    ok = [SupervisionStage(level=2), SupervisionStage(level=2), SupervisionStage(level=4)]
    require_ladder_within_floor(case, ok, "plan.stages")


@pytest.mark.parametrize("change, words, field", [
    ({"by": "someone"}, "Say who lifted it", ".lifted.by"),
    ({"decided_by": " "}, "Name the person", ".lifted.decided_by"),
    ({"lifted_on": date(2026, 11, 24)}, "is in the future", ".lifted.lifted_on"),
    ({"lifted_on": date(2025, 12, 1)}, "before the condition was imposed", ".lifted.lifted_on"),
    ({"evidence": ""}, "on what evidence", ".lifted.evidence"),
])
def test_a_lifting_without_its_record_is_refused_and_the_condition_stays(change, words,
                                                                        field) -> None:
    case, condition = restricted()
    with pytest.raises(RuleError, match=words) as caught:
        lift(case, **change)
    assert caught.value.path.endswith(field)
    assert condition.lifted is None and in_force(condition)


def test_a_condition_is_lifted_once() -> None:
    case, _ = restricted()
    lift(case)
    with pytest.raises(RuleError, match="already lifted on 2026-11-23"):
        lift(case)
