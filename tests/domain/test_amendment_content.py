"""Content amendments item by item: a role's holder replaced, an objective, an activity or
a stage added or changed; agreed by both parties; the diff of each amendment in words."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.domain.amendment_content import amendment_diff, item_change
from psr_tui.domain.amendments import propose_amendment
from psr_tui.domain.case import Condition
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import Activity, Objective, Role, SupervisionStage
from tests.domain.test_amendments import TODAY, agree_both, running_case


def with_supervisor():  # type: ignore[no-untyped-def]
    case = running_case()
    assert case.plan is not None
    case.plan.roles = [Role(id="role-cs", role="clinical_supervisor", person="Dr Old",
                            user="dold", deputy="Dr Dep", deputy_user="ddep")]
    case.plan.versions[0].content = case.plan.content()
    return case


def test_replacing_the_supervisor_applies_once_both_agree_and_says_who_replaced_whom() -> None:
    case = with_supervisor()
    plan = case.plan
    new = plan.roles[0].model_copy(update={"person": "Dr New", "user": "dnew"})
    amendment = propose_amendment(case, "content", "Dr Old retires", item_change(plan, new),
                                  "hmarsden", TODAY)
    assert plan.roles[0].person == "Dr Old"  # nothing changes until both agree
    assert amendment_diff(plan, amendment) == [
        "Role changed: clinical supervisor: person Dr Old → Dr New; user dold → dnew"]
    agree_both(case, amendment.id)
    assert (plan.roles[0].person, plan.roles[0].user, plan.roles[0].deputy) == (
        "Dr New", "dnew", "Dr Dep")
    assert amendment_diff(plan, amendment) == [
        "Role changed: clinical supervisor: person Dr Old → Dr New; user dold → dnew"]


def test_an_objective_is_added_or_changed_by_its_id() -> None:
    case = running_case()
    plan = case.plan
    added = Objective(statement="Lead a handover safely")
    changes = item_change(plan, added)
    assert [o["statement"] for o in changes["objectives"]] == [
        "Communicate plans clearly", "Lead a handover safely"]
    changed = plan.objectives[0].model_copy(update={"statement": "Communicate plans in writing"})
    assert [o["statement"] for o in item_change(plan, changed)["objectives"]] == [
        "Communicate plans in writing"]
    amendment = propose_amendment(case, "content", "New objective", changes, "hm", TODAY)
    assert amendment_diff(plan, amendment) == ["Objective added: Lead a handover safely"]


def test_an_activity_is_added() -> None:
    case = running_case()
    activity = Activity(kind="cbd", description="Case-based discussion", objective_ids=["obj-1"])
    amendment = propose_amendment(case, "content", "CbDs", item_change(case.plan, activity),
                                  "hm", TODAY)
    agree_both(case, amendment.id)
    assert [a.description for a in case.plan.activities] == ["Case-based discussion"]
    assert amendment_diff(case.plan, amendment) == ["Activity added: Case-based discussion"]


def test_a_stage_goes_in_date_order_and_the_floor_still_holds() -> None:
    case = running_case()
    plan = case.plan
    for n, stage in enumerate(plan.stages):
        stage.start = date(2026, 9 + n, 1)
    first = SupervisionStage(level=1, start=date(2026, 8, 1))
    order = [s["level"] for s in item_change(plan, first)["stages"]]
    assert order == [1, 2, 3, 4]
    case.request.conditions = [Condition(source="regulator_condition", description="No solo lists",
                                         supervision_floor=3)]
    # A stage above the floor, added by content amendment: refused naming the condition.
    too_free = SupervisionStage(level=5, start=date(2027, 2, 1))
    with pytest.raises(RuleError, match="'No solo lists' limits supervision"):
        propose_amendment(case, "content", "Full scope early", item_change(plan, too_free),
                          "hm", TODAY)


def test_an_unchanged_item_is_refused_in_words() -> None:
    case = running_case()
    with pytest.raises(RuleError, match="Nothing changes"):
        item_change(case.plan, case.plan.objectives[0].model_copy())


def test_a_withdrawn_amendment_has_no_diff() -> None:
    case = running_case()
    amendment = propose_amendment(case, "content", "x",
                                  item_change(case.plan, Objective(statement="New")), "hm", TODAY)
    amendment.status = "withdrawn"
    assert amendment_diff(case.plan, amendment) == []
