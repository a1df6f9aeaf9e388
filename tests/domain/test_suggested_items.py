"""Suggested items (issue 12): a new draft's objectives, activities and stages are
suggestions until accepted, edited or dropped; the checker counts them; whether an item is
still a suggestion is not agreed content."""

from __future__ import annotations

from datetime import date

import pytest
from case_builders import TODAY, valid_request_case

from psr_tui.domain import plan_drafting
from psr_tui.domain.case import Absence, Case, RequestDecision
from psr_tui.domain.checker import check_plan
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import Plan
from psr_tui.domain.plan_templates import choose_template, shipped_plan_templates
from psr_tui.domain.suggested_items import accept_suggestion, pending, suggested_item
from psr_tui.domain.suggestions import suggest_objectives
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()


def _accepted(case: Case) -> Case:
    case.decision = RequestDecision(outcome="accepted", decided_on=TODAY, decided_by="a")
    case.state = "accepted"
    return case


def _from_template() -> Case:
    case = _accepted(valid_request_case())
    case.request.absence = Absence(reason="local_restriction")
    template = choose_template(case, shipped_plan_templates(VOCAB), VOCAB)
    assert template is not None
    plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, template)
    return case


def test_a_template_draft_is_all_suggestions_but_roles_and_reviews() -> None:
    plan = _from_template().plan
    assert plan is not None and plan.objectives and plan.activities and plan.stages
    assert all(i.suggested for i in [*plan.objectives, *plan.activities, *plan.stages])
    assert len(pending(plan)) == len(plan.objectives) + len(plan.activities) + len(plan.stages)
    assert pending(plan)[0] == ("objectives", plan.objectives[0].id)


def test_the_default_draft_and_the_intake_suggestions_are_suggestions_too() -> None:
    case = _accepted(valid_request_case())
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 8, TODAY, VOCAB, None)
    assert plan.stages and all(s.suggested for s in plan.stages)
    assert all(o.suggested for o in plan.objectives)
    plan.objectives = []
    assert all(o.suggested for o in suggest_objectives(case, VOCAB))


def test_accepting_clears_the_mark_once() -> None:
    plan = _from_template().plan
    assert plan is not None
    first = plan.activities[0]
    accept_suggestion(plan, "activities", first.id)
    assert not first.suggested
    with pytest.raises(RuleError, match="already accepted"):
        accept_suggestion(plan, "activities", first.id)
    with pytest.raises(RuleError, match="removed by someone else"):
        suggested_item(plan, "activities", "act-gone")
    with pytest.raises(ValueError):
        accept_suggestion(plan, "roles", plan.roles[0].id)  # roles are never suggested


def test_the_checker_counts_suggestions_not_yet_accepted() -> None:
    case = _from_template()
    plan = case.plan
    assert plan is not None
    total = len(pending(plan))

    def finding() -> list[str]:
        return [f"{f.severity} {f.path} {f.message}" for f in check_plan(case, VOCAB)
                if "not yet accepted" in f.message]

    first = plan.objectives[0].id
    assert finding() == [f"weak plan.objectives[{first}].suggested "
                         f"{total} suggestions not yet accepted: accept, edit or drop each"]
    for collection, item_id in pending(plan)[:-1]:
        accept_suggestion(plan, collection, item_id)
    assert finding()[0].endswith("1 suggestion not yet accepted: accept, edit or drop each")
    accept_suggestion(plan, *pending(plan)[0])
    assert finding() == []


def test_accepting_is_not_a_change_of_agreed_content() -> None:
    plan = _from_template().plan
    assert plan is not None
    before = plan.content()
    for collection, item_id in pending(plan):
        accept_suggestion(plan, collection, item_id)
    assert plan.content() == before
    assert "suggested" not in str(Plan().content())
