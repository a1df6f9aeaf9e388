"""Progress against each objective at a review point and at completion."""

from __future__ import annotations

from datetime import date

import pytest
from test_review import record, running_case

from psr_tui.domain.completion import sign_off_completion
from psr_tui.domain.errors import RuleError
from psr_tui.domain.objective_progress import latest_progress
from psr_tui.domain.plan import Objective, ObjectiveProgress
from psr_tui.domain.record_integrity import record_problems
from psr_tui.domain.vocabulary import default_vocabularies


def with_objectives():
    case = running_case()
    assert case.plan is not None
    case.plan.objectives = [Objective(id="obj-1", statement="Consent"),
                            Objective(id="obj-2", statement="Team working")]
    return case


def test_review_stores_each_objectives_rating_and_note_in_plan_order() -> None:
    case = with_objectives()
    record(case, "remain", objective_progress=[
        ObjectiveProgress(objective_id="obj-2", rating="concern", note=" late to theatre "),
        ObjectiveProgress(objective_id="obj-1", rating="progressing"),
    ])
    stored = case.plan.review_point("rp-1").outcome.objective_progress
    assert [(p.objective_id, p.rating, p.note) for p in stored] == [
        ("obj-1", "progressing", ""), ("obj-2", "concern", "late to theatre")]


def test_unrated_objectives_are_optional_and_dropped() -> None:
    case = with_objectives()
    record(case, "remain", objective_progress=[ObjectiveProgress(objective_id="obj-1")])
    assert case.plan.review_point("rp-1").outcome.objective_progress == []


@pytest.mark.parametrize("entry, words", [
    (ObjectiveProgress(objective_id="obj-9", rating="achieved"), "No objective 'obj-9'"),
    (ObjectiveProgress(objective_id="obj-1", rating="great"), "Objective 1: rate its progress"),
    (ObjectiveProgress(objective_id="obj-1", note="no rating"), "Objective 1: rate"),
    (ObjectiveProgress(objective_id="obj-2", rating="achieved", note="x\x1b[2J"),
     "Objective 2's note contains a control character"),
])
def test_bad_progress_is_refused_and_nothing_recorded(entry, words) -> None:
    case = with_objectives()
    with pytest.raises(RuleError, match=words.replace("(", r"\(")) as caught:
        record(case, "step_down", objective_progress=[entry])
    assert caught.value.path.endswith(".outcome.objective_progress")
    assert case.plan.review_point("rp-1").outcome is None
    assert case.plan.current_stage == 0


def test_not_held_records_no_progress() -> None:
    case = with_objectives()
    record(case, "not_held", reschedule_to=date(2026, 12, 1), reason="Sick",
           objective_progress=[ObjectiveProgress(objective_id="obj-1", rating="achieved")])
    assert case.plan.review_point("rp-1").history[0].objective_progress == []


def test_latest_progress_is_each_objectives_most_recent_rating() -> None:
    case = with_objectives()
    record(case, "remain", objective_progress=[
        ObjectiveProgress(objective_id="obj-1", rating="progressing"),
        ObjectiveProgress(objective_id="obj-2", rating="concern")])
    record(case, "remain", rp="rp-2", held_on=date(2026, 11, 22), objective_progress=[
        ObjectiveProgress(objective_id="obj-1", rating="achieved")])
    latest = latest_progress(case.plan)
    assert {k: v.rating for k, v in latest.items()} == {"obj-1": "achieved", "obj-2": "concern"}


def test_completion_records_the_final_position_from_the_reviews_or_as_given() -> None:
    case = with_objectives()
    record(case, "remain", objective_progress=[
        ObjectiveProgress(objective_id="obj-1", rating="achieved")])
    sign_off_completion(case, "completed", "Dr Rao", "RO", date(2026, 11, 23), "Appraisal",
                        today=date(2026, 11, 23))
    assert [(p.objective_id, p.rating) for p in case.completion.objective_progress] == [
        ("obj-1", "achieved")]
    given = with_objectives()
    sign_off_completion(given, "completed", "Dr Rao", "RO", date(2026, 11, 23), "Appraisal",
                        today=date(2026, 11, 23), objective_progress=[
                            ObjectiveProgress(objective_id="obj-2", rating="achieved")])
    assert [p.objective_id for p in given.completion.objective_progress] == ["obj-2"]


def test_integrity_refuses_unknown_rating_and_missing_objective() -> None:
    case = with_objectives()
    case.revision = 1
    record(case, "remain", objective_progress=[
        ObjectiveProgress(objective_id="obj-1", rating="achieved")])
    outcome = case.plan.review_point("rp-1").outcome
    outcome.objective_progress = [ObjectiveProgress(objective_id="obj-7", rating="bogus")]
    problems = {e.message for e in record_problems(case, default_vocabularies())}
    assert any("bogus" in p for p in problems)
    assert any("rates missing objective obj-7" in p for p in problems)
