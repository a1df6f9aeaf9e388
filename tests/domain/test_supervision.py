from psr_tui.domain.case import Case, Condition
from psr_tui.domain.supervision import (
    blocking_conditions,
    check_level,
    next_level,
    supervision_floor,
)


def case_with(*conditions: Condition) -> Case:
    case = Case()
    case.request.practitioner.regulator = "GMC"
    case.request.conditions = list(conditions)
    return case


INTERIM = Condition(
    id="cnd-io",
    source="interim_order",
    description="Work under close supervision",
    supervision_floor=2,
)
LOCAL = Condition(
    id="cnd-local", source="local_restriction", description="No solo lists", supervision_floor=3
)
NOTE_ONLY = Condition(id="cnd-note", source="other", description="Keep a reflective log")


def test_floor_is_the_most_restrictive_condition() -> None:
    assert supervision_floor(case_with(LOCAL, INTERIM, NOTE_ONLY)) == (2, INTERIM)
    assert supervision_floor(case_with(LOCAL)) == (3, LOCAL)
    assert supervision_floor(case_with(NOTE_ONLY)) is None
    assert supervision_floor(Case()) is None


def test_blocking_conditions_are_those_below_the_level() -> None:
    case = case_with(LOCAL, INTERIM, NOTE_ONLY)
    assert blocking_conditions(case, 2) == []
    assert blocking_conditions(case, 3) == [INTERIM]
    assert blocking_conditions(case, 4) == [INTERIM, LOCAL]


def test_check_level_names_the_condition_with_labels() -> None:
    case = case_with(LOCAL, INTERIM)
    message = check_level(case, 4)
    assert message is not None
    assert message.startswith("level 4 is not allowed: Interim order")
    assert "'Work under close supervision' (GMC)" in message
    assert "L2 Close" in message
    assert check_level(case, 2) is None
    assert check_level(case, 1) is None


def test_check_level_local_condition_has_no_regulator() -> None:
    message = check_level(case_with(LOCAL), 5)
    assert message is not None
    assert "Local restriction 'No solo lists' limits" in message and "(GMC)" not in message
    assert "L3 Indirect" in message


def test_check_level_rejects_levels_off_the_ladder() -> None:
    assert check_level(Case(), 0) is not None
    assert check_level(Case(), 6) is not None
    assert check_level(Case(), 5) is None


def test_next_level_steps_once_and_stops_at_the_floor() -> None:
    case = case_with(LOCAL)
    assert next_level(case, 1) == 2
    assert next_level(case, 2) == 3
    assert next_level(case, 3) == 3
    assert next_level(Case(), 4) == 5
    assert next_level(Case(), 5) == 5
    # Already beyond a floor added later: never more independent.
    assert next_level(case_with(INTERIM), 3) == 3


def test_a_new_ladder_keeps_role_duties_by_stage_position_and_drops_the_rest() -> None:
    from datetime import date

    from psr_tui.domain.plan import Plan, Role, SupervisionStage
    from psr_tui.domain.supervision import replace_ladder

    plan = Plan(
        stages=[SupervisionStage(id="old-1", level=1), SupervisionStage(id="old-2", level=2),
                SupervisionStage(id="old-3", level=3)],
        roles=[Role(id="role-cs", stage_responsibilities={
            "old-1": "present at every list", "old-3": "weekly review"})],
        current_stage=2,
    )
    new = [SupervisionStage(id="new-1", level=1, start=date(2027, 1, 1)),
           SupervisionStage(id="new-2", level=2)]
    replace_ladder(plan, new)
    assert [s.id for s in plan.stages] == ["new-1", "new-2"] and plan.current_stage == 0
    assert plan.roles[0].stage_responsibilities == {"new-1": "present at every list"}
