"""Case summaries, urgency order and supervisors' review lists."""

from __future__ import annotations

from datetime import date

from psr_tui.domain.case import Case, RequestDecision
from psr_tui.domain.plan import (
    AssessmentSeen,
    Plan,
    ReviewOutcome,
    ReviewPoint,
    Role,
    SupervisionStage,
)
from psr_tui.domain.status import plan_progress, review_items, summarise, urgency_key
from psr_tui.domain.vocabulary import default_vocabularies

TODAY = date(2026, 11, 23)
VOCAB = default_vocabularies()


def running_case(name: str, due: list[date], state: str = "active", reviewer: str = "") -> Case:
    plan = Plan(
        status="agreed",
        start_date=date(2026, 9, 1),
        end_date=date(2027, 3, 1),
        stages=[SupervisionStage(level=2), SupervisionStage(level=3)],
        roles=[
            Role(role="clinical_supervisor", person="Dr Smith"),
            Role(role="mentor", person="Ms Mentor"),
        ],
        review_points=[
            ReviewPoint(id=f"rp-{i}", title=f"Review {i}", due_on=d, reviewer=reviewer)
            for i, d in enumerate(due, start=1)
        ],
    )
    case = Case(id=f"case-{name.lower()}", state=state, plan=plan)
    case.request.practitioner.name = name
    case.request.practitioner.profession = "doctor"
    case.request.organisation.name = "North Trust"
    case.request.plan_type = "return_to_work"
    return case


def held(code: str, on: date, evidence: list[AssessmentSeen] | None = None) -> ReviewOutcome:
    return ReviewOutcome(outcome=code, held_on=on, evidence_seen=evidence or [])


def test_summary_of_running_case() -> None:
    case = running_case(
        "Adams",
        [date(2026, 11, 1), date(2026, 11, 20), date(2026, 11, 27), date(2027, 1, 10)],
        reviewer="Dr Brown",
    )
    first = case.plan.review_points[0]
    first.expected_evidence = ["Supervisor's report", "CbD x2"]
    first.outcome = held("step_down", date(2026, 11, 1), [AssessmentSeen(tool="CbD", count=2)])
    case.plan.current_stage = 1
    s = summarise(case, TODAY, VOCAB)
    assert (s.practitioner, s.profession, s.organisation) == ("Adams", "doctor", "North Trust")
    assert s.state_label == "Active"
    assert (s.level, s.level_label) == (3, "L3 Indirect")
    assert (s.next_review_id, s.next_review_due) == ("rp-2", date(2026, 11, 20))
    assert s.next_review_status == "overdue"
    assert (s.overdue_reviews, s.due_this_week) == (1, 1)
    assert s.reviewers == ("Dr Brown", "Dr Smith")
    assert s.plan_progress == "behind"
    assert (s.evidence_expected, s.evidence_seen) == (2, 2)
    assert s.deadline_name == "" and s.deadline_days_left is None and not s.deadline_breached


def test_summary_of_request_without_plan_shows_draft_deadline() -> None:
    case = Case(id="case-new", state="accepted")
    case.request.received_on = date(2026, 10, 1)
    case.decision = RequestDecision(outcome="accepted", decided_on=date(2026, 10, 2))
    s = summarise(case, TODAY, VOCAB)
    assert s.level is None and s.level_label == ""
    assert s.next_review_id == "" and s.next_review_due is None
    assert s.plan_progress == ""
    assert s.deadline_name == "First draft"
    assert s.deadline_breached
    assert s.deadline_days_left is not None and s.deadline_days_left < 0


def test_plan_progress() -> None:
    on_track = running_case("B", [date(2026, 12, 20)])
    assert plan_progress(on_track, TODAY) == "on track"
    overdue = running_case("C", [date(2026, 11, 10)])
    assert plan_progress(overdue, TODAY) == "behind"
    concern = running_case("D", [date(2026, 11, 10), date(2027, 1, 1)])
    concern.plan.review_points[0].outcome = held("concern", date(2026, 11, 10))
    assert plan_progress(concern, TODAY) == "behind"
    # A later satisfactory review means the practitioner is back on track.
    concern.plan.review_points[1].due_on = date(2026, 11, 20)
    concern.plan.review_points[1].outcome = held("remain", date(2026, 11, 20))
    assert plan_progress(concern, TODAY) == "on track"
    extended = running_case("E", [date(2026, 12, 20)], state="extended")
    assert plan_progress(extended, TODAY) == "extended"
    assert plan_progress(running_case("F", [date(2026, 11, 1)], state="draft"), TODAY) == ""


def test_urgency_order() -> None:
    calm = summarise(running_case("Calm", [date(2027, 1, 5)]), TODAY, VOCAB)
    soon = summarise(running_case("Soon", [date(2026, 11, 25)]), TODAY, VOCAB)
    later_overdue = summarise(running_case("Late2", [date(2026, 11, 20)]), TODAY, VOCAB)
    overdue = summarise(running_case("Late1", [date(2026, 11, 2)]), TODAY, VOCAB)
    ordered = sorted([calm, soon, later_overdue, overdue], key=urgency_key)
    assert [s.practitioner for s in ordered] == ["Late1", "Late2", "Soon", "Calm"]


def test_review_items_filters_and_orders() -> None:
    a = running_case("Adams", [date(2026, 11, 25), date(2027, 2, 1)], reviewer="Dr Brown")
    b = running_case("Baker", [date(2026, 11, 10), date(2026, 11, 28)])  # no named reviewer
    c = running_case("Cole", [date(2026, 11, 1)], state="draft")  # not running: ignored
    d = running_case("Dean", [date(2026, 11, 1)])
    d.request.organisation.name = "South Trust"
    items = review_items([a, b, c, d], TODAY)
    assert [(i.practitioner, i.review_point_id, i.status) for i in items] == [
        ("Dean", "rp-1", "overdue"),
        ("Baker", "rp-1", "overdue"),
        ("Adams", "rp-1", "due"),
        ("Baker", "rp-2", "due"),
    ]
    mine = review_items([a, b, c, d], TODAY, reviewer="dr brown")
    assert [i.practitioner for i in mine] == ["Adams"]
    # Review points without a named reviewer fall to the clinical supervisor.
    smith = review_items([a, b, c, d], TODAY, reviewer="Dr Smith", organisation="North Trust")
    assert [(i.practitioner, i.review_point_id) for i in smith] == [
        ("Baker", "rp-1"),
        ("Baker", "rp-2"),
    ]
    upcoming = review_items([a], TODAY, statuses=("upcoming",))
    assert [i.review_point_id for i in upcoming] == ["rp-2"]
    assert items[0].level == 2


def test_a_review_due_this_week_ranks_above_a_paused_plan_with_an_older_review() -> None:
    # A paused plan holds no reviews: its older date must not push a due review down.
    due = summarise(running_case("Due", [date(2026, 11, 26)]), TODAY, VOCAB)
    paused = summarise(running_case("Paused", [date(2026, 11, 10)], state="paused"), TODAY, VOCAB)
    assert due.due_this_week == 1 and paused.overdue_reviews == 0
    ordered = sorted([paused, due], key=urgency_key)
    assert [s.practitioner for s in ordered] == ["Due", "Paused"]


def test_a_breached_deadline_is_urgent() -> None:
    # Accepted in March, no draft by November: breached, so above a review due this week.
    late = Case(id="case-late", state="accepted")
    late.request.practitioner.name = "Late draft"
    late.request.received_on = date(2026, 3, 2)
    late.decision = RequestDecision(outcome="accepted", decided_on=date(2026, 3, 4))
    breached = summarise(late, TODAY, VOCAB)
    assert breached.deadline_breached and breached.deadline_days_left is not None
    due = summarise(running_case("Due", [date(2026, 11, 26)]), TODAY, VOCAB)
    assert [s.practitioner for s in sorted([due, breached], key=urgency_key)] == [
        "Late draft", "Due",
    ]
