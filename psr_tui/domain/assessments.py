"""Assessments in a plan: "DOPS x2 per stage", and what each review point expects from them.

An activity whose kind is a workplace-based assessment (wba_types) may carry a count and a
period (assessment_periods: per stage, per month, per review period, over the plan). The
expected evidence of each open review point then lists "DOPS x2": how many are due since the
previous review, worked out pro rata so the lines add up to the plan's total.
"""

from __future__ import annotations

import re
from datetime import date

from .plan import Activity, Plan, ReviewPoint
from .vocabulary import Vocabularies

_DAYS_PER_MONTH = 365.25 / 12


def frequency_text(activity: Activity, vocab: Vocabularies) -> str:
    """How often, in words: "2 per stage" for a counted assessment, else the typed text."""
    if activity.count is None or not activity.per:
        return activity.frequency
    return f"{activity.count} {vocab['assessment_periods'].label(activity.per)}"


def assessment_line(tool: str, count: int) -> str:
    """One expected-evidence line for an assessment: "DOPS x2" (the supervisor ticks it)."""
    return f"{tool} x{count}"


def _is_assessment_line(text: str, tools: set[str]) -> bool:
    found = re.fullmatch(r"(\S+) x\d+", text.strip())
    return found is not None and found.group(1) in tools


def _elapsed_days(start: date, end: date, day: date) -> int:
    return max(0, (min(day, end) - start).days)


def _due_by(activity: Activity, plan: Plan, day: date, vocab: Vocabularies) -> float:
    """How many of the activity's assessments are due from the plan's start up to `day`."""
    assert activity.count is not None and plan.start_date and plan.end_date
    count = activity.count
    term = vocab["assessment_periods"].term(activity.per)
    unit = str(term.get("unit", "")) if term else ""
    if unit == "month":
        return count * _elapsed_days(plan.start_date, plan.end_date, day) / _DAYS_PER_MONTH
    if unit == "review":
        return count * sum(1 for rp in plan.review_points if rp.due_on and rp.due_on <= day)
    if unit == "stage":
        share = 0.0
        for stage in plan.stages:
            if stage.start is None or stage.end is None:
                continue
            length = (stage.end - stage.start).days + 1
            share += min(length, max(0, (day - stage.start).days + 1)) / length
        return count * share
    if unit == "plan":
        total = (plan.end_date - plan.start_date).days
        return count * _elapsed_days(plan.start_date, plan.end_date, day) / total if total else 0
    return 0.0


def expected_assessments(plan: Plan, point: ReviewPoint, vocab: Vocabularies) -> list[str]:
    """"DOPS x2"-style lines for the assessments due since the review point before this one."""
    if point.due_on is None or plan.start_date is None or plan.end_date is None:
        return []
    earlier = [rp.due_on for rp in plan.review_points if rp.due_on and rp.due_on < point.due_on]
    since = max(earlier, default=None)
    totals: dict[str, int] = {}
    for activity in plan.activities:
        if activity.count is None or activity.kind not in vocab["wba_types"]:
            continue
        by_now = round(_due_by(activity, plan, point.due_on, vocab))
        before = round(_due_by(activity, plan, since, vocab)) if since else 0
        if by_now > before:
            totals[activity.kind] = totals.get(activity.kind, 0) + by_now - before
    return [assessment_line(tool, n) for tool, n in totals.items()]


def refresh_expected_evidence(plan: Plan, vocab: Vocabularies) -> None:
    """Put each open review point's assessment lines in step with the plan's assessments.

    Lines typed by hand stay where they are; "TOOL xN" lines for a WBA tool are the
    derived ones and are replaced (where the first of them stood). A review already held
    keeps the evidence it was held against.
    """
    tools = set(vocab["wba_types"].codes)
    for point in plan.review_points:
        if point.outcome is not None:
            continue
        kept: list[str] = []
        at: int | None = None
        for line in point.expected_evidence:
            if _is_assessment_line(line, tools):
                at = len(kept) if at is None else at
            else:
                kept.append(line)
        derived = expected_assessments(plan, point, vocab)
        where = len(kept) if at is None else at
        if at is None and kept:
            where = 1  # after the supervisor's report, which leads the generated lists
        point.expected_evidence = kept[:where] + derived + kept[where:]
