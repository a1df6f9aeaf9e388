"""Amendments: proposed, agreed by both parties, applied as a new agreed version."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.domain.amendments import (
    EndDateChange,
    agree_amendment,
    end_date_change,
    propose_amendment,
    withdraw_amendment,
)
from psr_tui.domain.case import Case, Condition
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import (
    Objective,
    Plan,
    PlanVersion,
    ReviewOutcome,
    ReviewPoint,
    SupervisionStage,
)
from psr_tui.domain.plan_diff import version_diff

TODAY = date(2026, 11, 23)


def running_case(state: str = "active") -> Case:
    plan = Plan(
        version=1,
        status="agreed",
        start_date=date(2026, 9, 1),
        end_date=date(2027, 3, 1),
        objectives=[Objective(id="obj-1", statement="Communicate plans clearly")],
        stages=[SupervisionStage(id=f"stg-{n}", level=n) for n in (2, 3, 4)],
        current_stage=2,
        review_points=[
            ReviewPoint(
                id="rp-1",
                title="Review 1",
                due_on=date(2026, 11, 1),
                outcome=ReviewOutcome(outcome="remain", recorded_by="dr.a"),
            ),
            ReviewPoint(id="rp-2", title="Review 2", due_on=date(2027, 1, 1)),
        ],
    )
    plan.versions.append(PlanVersion(version=1, status="agreed", content=plan.content()))
    return Case(state=state, plan=plan)


def agree_both(case: Case, amendment_id: str) -> None:
    agree_amendment(case, amendment_id, "organisation", "Dr Director", "responsible_officer", TODAY,
        recorded_by="hmarsden")
    agree_amendment(case, amendment_id, "practitioner", "Dr Jones", "practitioner", TODAY,
        recorded_by="hmarsden")


def test_extension_applies_only_when_both_agree() -> None:
    case = running_case()
    amd = propose_amendment(
        case, "duration", "Extend by two months", {"end_date": "2027-05-01"}, "ca", TODAY
    )
    assert amd.proposed_by == "ca" and amd.proposed_on == TODAY
    agree_amendment(case, amd.id, "organisation", "Dr Director", "responsible_officer", TODAY,
        recorded_by="hmarsden")
    assert case.plan.end_date == date(2027, 3, 1)
    assert case.state == "active"
    assert amd.status == "proposed"
    agree_amendment(case, amd.id, "practitioner", "Dr Jones", "practitioner", TODAY,
        recorded_by="hmarsden")
    assert case.plan.end_date == date(2027, 5, 1)
    assert case.state == "extended"
    assert case.plan.version == 2
    assert amd.status == "agreed"
    assert amd.applied_in_version == 2
    latest = case.plan.versions[-1]
    assert (latest.version, latest.status) == (2, "agreed")
    assert latest.content["end_date"] == "2027-05-01"


def test_shortening_keeps_state_active() -> None:
    case = running_case()
    amd = propose_amendment(case, "duration", "Ahead", {"end_date": "2027-01-01"}, "ca", TODAY)
    agree_both(case, amd.id)
    assert case.plan.end_date == date(2027, 1, 1)
    assert case.state == "active"


def test_an_agreement_needs_a_name_not_a_date_in_the_name_field() -> None:
    case = running_case()
    amd = propose_amendment(case, "duration", "Extend", {"end_date": "2027-05-01"}, "ca", TODAY)
    with pytest.raises(RuleError, match="is not a name"):
        agree_amendment(case, amd.id, "organisation", "2026-11-30", "ro", TODAY,
            recorded_by="hmarsden")
    with pytest.raises(RuleError, match="needs a name"):
        agree_amendment(case, amd.id, "organisation", "  ", "ro", TODAY, recorded_by="hmarsden")
    assert amd.organisation is None


def test_same_party_cannot_agree_twice_and_agreed_is_final() -> None:
    case = running_case()
    amd = propose_amendment(case, "duration", "Extend", {"end_date": "2027-05-01"}, "ca", TODAY)
    agree_amendment(case, amd.id, "organisation", "Dr Director", "ro", TODAY,
        recorded_by="hmarsden")
    with pytest.raises(RuleError):
        agree_amendment(case, amd.id, "organisation", "Dr Director", "ro", TODAY,
            recorded_by="hmarsden")
    agree_amendment(case, amd.id, "practitioner", "Dr Jones", "practitioner", TODAY,
        recorded_by="hmarsden")
    with pytest.raises(RuleError):
        agree_amendment(case, amd.id, "practitioner", "Dr Jones", "practitioner", TODAY,
            recorded_by="hmarsden")
    assert case.plan.version == 2


@pytest.mark.parametrize(
    ("kind", "changes"),
    [
        ("duration", {}),
        ("duration", {"end_date": "not a date"}),
        ("duration", {"end_date": "2026-08-01"}),  # before the start
        ("duration", {"end_date": "2027-03-01"}),  # unchanged
        ("duration", {"end_date": "2027-05-01", "consequences": "x"}),
        ("content", {"budget": 100}),
        ("content", {"objectives": [{"statement": "x", "colour": "red"}]}),
        ("scope", {"end_date": "2027-05-01"}),
    ],
)
def test_bad_proposals_refused(kind: str, changes: dict) -> None:
    case = running_case()
    with pytest.raises(RuleError):
        propose_amendment(case, kind, "Change", changes, "ca", TODAY)
    assert case.plan.amendments == []


@pytest.mark.parametrize("state", ["draft", "issued", "agreed", "completed"])
def test_only_running_plans_are_amended(state: str) -> None:
    case = running_case(state=state)
    with pytest.raises(RuleError):
        propose_amendment(case, "duration", "Extend", {"end_date": "2027-05-01"}, "ca", TODAY)


def test_one_pending_duration_change_at_a_time() -> None:
    case = running_case()
    first = propose_amendment(case, "duration", "Extend", {"end_date": "2027-05-01"}, "ca", TODAY)
    with pytest.raises(RuleError):
        propose_amendment(case, "duration", "Shorten", {"end_date": "2027-01-01"}, "ca", TODAY)
    withdraw_amendment(case, first.id, "ca", TODAY, reason="Supervisor found")
    assert first.status == "withdrawn"
    assert "Supervisor found" in first.description
    propose_amendment(case, "duration", "Shorten", {"end_date": "2027-01-01"}, "ca", TODAY)
    with pytest.raises(RuleError):
        agree_amendment(case, first.id, "organisation", "Dr Director", "ro", TODAY,
            recorded_by="hmarsden")


def test_content_amendment_replaces_lists_and_keeps_review_history() -> None:
    case = running_case()
    changes = {
        "objectives": [
            {"id": "obj-1", "statement": "Communicate plans clearly"},
            {"id": "obj-2", "statement": "Lead the morning handover"},
        ],
        "review_points": [
            {"id": "rp-1", "title": "Review 1", "due_on": "2026-11-01"},
            {"id": "rp-2", "title": "Review 2", "due_on": "2027-01-15"},
        ],
        "stages": [{"level": 2}, {"level": 3}],
    }
    amd = propose_amendment(case, "content", "Add leadership objective", changes, "ca", TODAY)
    agree_both(case, amd.id)
    plan = case.plan
    assert [o.id for o in plan.objectives] == ["obj-1", "obj-2"]
    assert plan.review_point("rp-2").due_on == date(2027, 1, 15)
    # The recorded outcome of rp-1 survives the replacement.
    assert plan.review_point("rp-1").outcome.recorded_by == "dr.a"
    # Fewer stages: the current stage is clamped into range.
    assert plan.current_stage == 1
    assert case.state == "active"
    diff = version_diff(plan.versions[0].content, plan.versions[-1].content)
    assert "Objective added: Lead the morning handover" in diff
    assert "Review point moved: Review 2: 2027-01-01 → 2027-01-15" in diff
    assert "Supervision stages: level 2, level 3, level 4 → level 2, level 3" in diff


def test_content_amendment_cannot_drop_a_recorded_review() -> None:
    case = running_case()
    changes = {"review_points": [{"id": "rp-2", "title": "Review 2", "due_on": "2027-01-01"}]}
    amd = propose_amendment(case, "content", "Drop review 1", changes, "ca", TODAY)
    agree_amendment(case, amd.id, "organisation", "Dr Director", "ro", TODAY,
        recorded_by="hmarsden")
    with pytest.raises(RuleError):
        agree_amendment(case, amd.id, "practitioner", "Dr Jones", "practitioner", TODAY,
            recorded_by="hmarsden")


def test_version_diff_lines() -> None:
    before = {
        "start_date": "2026-09-01",
        "end_date": "2027-03-01",
        "objectives": [{"id": "o1", "statement": "Keep records"}],
        "activities": [{"id": "a1", "description": "Weekly CbD"}],
        "review_points": [{"id": "r1", "title": "Review 1", "due_on": "2026-11-01"}],
        "consequences": "Referral to capability process",
    }
    after = {
        "start_date": "2026-09-01",
        "end_date": "2027-05-01",
        "objectives": [{"id": "o1", "statement": "Keep clear records"}],
        "activities": [],
        "review_points": [{"id": "r2", "title": "Review 2", "due_on": "2027-01-01"}],
        "consequences": "Referral to capability process",
    }
    assert version_diff(before, after) == [
        "End date: 2027-03-01 → 2027-05-01",
        "Objective changed: Keep clear records",
        "Activity removed: Weekly CbD",
        "Review point added: Review 2",
        "Review point removed: Review 1",
    ]
    assert version_diff(before, before) == []


def _scheduled_case() -> Case:
    case = running_case()
    plan = case.plan
    plan.current_stage = 0
    plan.stages = [
        SupervisionStage(id="stg-a", level=2, start=date(2026, 9, 1), end=date(2026, 12, 1)),
        SupervisionStage(id="stg-b", level=3, start=date(2026, 12, 1), end=date(2027, 2, 1)),
        SupervisionStage(id="stg-c", level=4, start=date(2027, 2, 1), end=date(2027, 3, 1)),
    ]
    plan.review_points.append(
        ReviewPoint(id="rp-final", title="Final", due_on=date(2027, 3, 1), is_final=True))
    return case


def _agree(case: Case, changes: dict) -> None:
    amendment = propose_amendment(case, "duration", "change", changes, "ro", TODAY)
    agree_amendment(case, amendment.id, "organisation", "Dr RO", "RO", TODAY,
        recorded_by="hmarsden")
    agree_amendment(case, amendment.id, "practitioner", "Dr P", "Practitioner", TODAY,
        recorded_by="hmarsden")


def test_extension_moves_the_final_review_and_the_last_stage() -> None:
    case = _scheduled_case()
    _agree(case, {"end_date": "2027-05-01"})
    plan = case.plan
    # Saturday 1 May: the final review meets on the Friday before, never after the end.
    assert plan.review_point("rp-final").due_on == date(2027, 4, 30)
    assert plan.stages[-1].end == date(2027, 5, 1)
    assert plan.review_point("rp-2").due_on == date(2027, 1, 1)  # others stay put


def test_shortening_drops_unrecorded_reviews_and_stages_after_the_new_end() -> None:
    case = _scheduled_case()
    _agree(case, {"end_date": "2026-12-15"})
    plan = case.plan
    assert [rp.id for rp in plan.review_points] == ["rp-1", "rp-final"]  # rp-1 was recorded
    assert plan.review_point("rp-final").due_on == date(2026, 12, 15)
    assert [st.id for st in plan.stages] == ["stg-a", "stg-b"]
    assert plan.stages[-1].end == date(2026, 12, 15)


def test_end_date_change_names_the_end_it_replaces_before_and_after_agreement() -> None:
    """The trial: 'Extension by 2 months' with an earlier end date. Every list of
    amendments can show what really changes, proposed and once agreed."""
    case = running_case()  # ends 2027-03-01
    assert case.plan is not None
    amd = propose_amendment(
        case, "duration", "Extension by 2 months", {"end_date": "2027-01-29"}, "ca", TODAY
    )
    proposed = end_date_change(case.plan, amd)
    assert proposed == EndDateChange(date(2027, 1, 29), date(2027, 3, 1))
    assert proposed.days == -31
    assert proposed.describe() == (
        "SHORTENS the plan by 31 days: ends 2027-01-29 instead of 2027-03-01")
    agree_both(case, amd.id)
    assert case.plan.end_date == date(2027, 1, 29)
    assert case.state == "active"  # shortened, not extended
    # Agreed: the end it replaced comes from the version before, not today's plan.
    assert end_date_change(case.plan, amd) == proposed


def test_end_date_change_for_an_extension_a_content_and_a_withdrawn_one() -> None:
    case = running_case()
    assert case.plan is not None
    content = propose_amendment(case, "content", "New wording", {"consequences": "x"}, "ca",
                                TODAY)
    assert end_date_change(case.plan, content) is None
    longer = propose_amendment(
        case, "duration", "Extend", {"end_date": "2027-05-01"}, "ca", TODAY)
    change = end_date_change(case.plan, longer)
    assert change is not None and change.days == 61
    assert change.describe(lambda d: d.strftime("%d %b %Y")) == (
        "Extends the plan by 61 days: ends 01 May 2027 instead of 01 Mar 2027")
    withdraw_amendment(case, longer.id, "ca", TODAY)
    assert end_date_change(case.plan, longer) == EndDateChange(date(2027, 5, 1))
    assert EndDateChange(date(2027, 5, 1)).describe() == "New end date: 2027-05-01"


def _floored(case: Case, floor: int = 2, *, confidential: bool = False) -> Case:
    """An interim order holding the practitioner at `floor`, the plan at that level now."""
    case.request.practitioner.regulator = "GMC"
    case.request.conditions = [
        Condition(id="cnd-io", source="interim_order", description="Work under close supervision",
                  supervision_floor=floor, confidential=confidential)
    ]
    assert case.plan is not None
    case.plan.stages = [SupervisionStage(id="stg-1", level=floor)]
    case.plan.current_stage = 0
    return case


def test_agreeing_new_stages_past_a_conditions_floor_is_refused_naming_it() -> None:
    # The mutation run's defect: at L2 under an L2 floor, both agreed `stages: [L5]` and
    # supervision went to full scope. The proposal is refused, and so is the agreement
    # when the condition arrived after the proposal.
    case = _floored(running_case())
    with pytest.raises(RuleError, match="Interim order 'Work under close supervision'"):
        propose_amendment(case, "content", "Full scope", {"stages": [{"level": 5}]}, "ca", TODAY)
    conditions = case.request.conditions
    case.request.conditions = []
    amendment = propose_amendment(
        case, "content", "Full scope", {"stages": [{"level": 5}]}, "ca", TODAY
    )
    agree_amendment(case, amendment.id, "organisation", "Dr Director", "ro", TODAY,
                    recorded_by="ca")
    case.request.conditions = conditions
    with pytest.raises(RuleError, match="level 5 is not allowed") as refused:
        agree_amendment(case, amendment.id, "practitioner", "Dr Jones", "practitioner", TODAY,
                    recorded_by="ca")
    assert refused.value.path == "changes.stages"
    assert amendment.status == "proposed"
    assert case.plan is not None and case.plan.current_level == 2


def test_a_floor_refusal_does_not_describe_a_confidential_condition() -> None:
    # The practitioner may be the one agreeing: a health condition is not spelled out.
    case = _floored(running_case(), confidential=True)
    with pytest.raises(RuleError) as refused:
        propose_amendment(case, "content", "Step", {"stages": [{"level": 3}]}, "ca", TODAY)
    assert "a confidential condition" in str(refused.value)
    assert "close supervision" not in str(refused.value)


def test_new_stages_within_the_floor_are_agreed() -> None:
    case = _floored(running_case(), floor=3)
    amendment = propose_amendment(
        case, "content", "Slower ladder", {"stages": [{"level": 2}, {"level": 3}]}, "ca", TODAY
    )
    agree_both(case, amendment.id)
    assert case.plan is not None and [s.level for s in case.plan.stages] == [2, 3]


def test_a_new_end_on_the_start_date_is_refused() -> None:
    case = running_case()
    with pytest.raises(RuleError, match="after the plan start"):
        propose_amendment(case, "duration", "End now", {"end_date": "2026-09-01"}, "ca", TODAY)
    assert case.plan is not None and case.plan.amendments == []
