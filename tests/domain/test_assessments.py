"""Assessments with a count and a period: the review points' expected evidence follows."""

from __future__ import annotations

from datetime import date

from psr_tui.domain.assessments import (
    expected_assessments,
    frequency_text,
    refresh_expected_evidence,
)
from psr_tui.domain.plan import Activity, Plan, ReviewOutcome, ReviewPoint, SupervisionStage
from psr_tui.domain.vocabulary import default_vocabularies

VOCAB = default_vocabularies()


def _plan(*activities: Activity) -> Plan:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    return Plan(
        start_date=start, end_date=end, activities=list(activities),
        stages=[SupervisionStage(level=1, start=start, end=date(2026, 4, 30)),
                SupervisionStage(level=3, start=date(2026, 5, 1), end=end)],
        review_points=[
            ReviewPoint(id="r1", due_on=date(2026, 4, 30),
                        expected_evidence=["Supervisor's report", "DOPS x9", "Reflective log"]),
            ReviewPoint(id="r2", due_on=date(2026, 8, 31), expected_evidence=["Report"]),
            ReviewPoint(id="r3", due_on=end, is_final=True),
        ])


def test_frequency_in_words() -> None:
    assert frequency_text(Activity(kind="DOPS", count=2, per="stage"), VOCAB) == "2 per stage"
    assert frequency_text(Activity(kind="coaching", frequency="six sessions"), VOCAB) == \
        "six sessions"


def test_counts_per_review_stage_month_and_plan_add_up() -> None:
    plan = _plan(Activity(kind="CbD", count=2, per="review"),
                 Activity(kind="DOPS", count=2, per="stage"),
                 Activity(kind="MSF", count=2, per="plan"),
                 Activity(kind="mini-CEX", count=1, per="month"),
                 Activity(kind="coaching", frequency="monthly"))
    lines = [expected_assessments(plan, rp, VOCAB) for rp in plan.review_points]
    assert lines[0] == ["CbD x2", "DOPS x2", "MSF x1", "mini-CEX x4"]
    assert lines[1] == ["CbD x2", "DOPS x1", "mini-CEX x4"]  # stage 2 split pro rata
    assert lines[2] == ["CbD x2", "DOPS x1", "MSF x1", "mini-CEX x4"]
    total = {tool: sum(int(line.split("x")[-1]) for ls in lines for line in ls
                       if line.startswith(tool + " ")) for tool in ("DOPS", "MSF", "mini-CEX")}
    assert total == {"DOPS": 4, "MSF": 2, "mini-CEX": 12}


def test_two_activities_with_one_tool_are_summed() -> None:
    plan = _plan(Activity(kind="DOPS", count=1, per="review"),
                 Activity(kind="DOPS", count=2, per="review"))
    assert expected_assessments(plan, plan.review_points[0], VOCAB) == ["DOPS x3"]


def test_refresh_replaces_derived_lines_and_keeps_typed_ones_and_held_reviews() -> None:
    plan = _plan(Activity(kind="CbD", count=1, per="review"))
    plan.review_points[2].outcome = ReviewOutcome(outcome="step_down")
    plan.review_points[2].expected_evidence = ["DOPS x5"]
    refresh_expected_evidence(plan, VOCAB)
    assert plan.review_points[0].expected_evidence == [
        "Supervisor's report", "CbD x1", "Reflective log"]  # where the old line stood
    assert plan.review_points[1].expected_evidence == ["Report", "CbD x1"]
    assert plan.review_points[2].expected_evidence == ["DOPS x5"]  # held: as it was
    plan.activities = []
    refresh_expected_evidence(plan, VOCAB)
    assert plan.review_points[0].expected_evidence == ["Supervisor's report", "Reflective log"]
    # A typed line that only looks like one ("DOPS x3 including complex cases") stays.
    plan.review_points[1].expected_evidence = ["DOPS x3 including complex cases"]
    refresh_expected_evidence(plan, VOCAB)
    assert plan.review_points[1].expected_evidence == ["DOPS x3 including complex cases"]


def test_import_and_check_refuse_an_unknown_period_or_a_zero_count() -> None:
    from psr_tui.domain.case import Case
    from psr_tui.domain.record_integrity import record_problems

    case = Case(revision=1, plan=_plan(Activity(id="act-1", kind="DOPS", count=0,
                                                per="fortnight")))
    paths = {e.path for e in record_problems(case, VOCAB)}
    assert {"plan.activities[act-1].per", "plan.activities[act-1].count"} <= paths
