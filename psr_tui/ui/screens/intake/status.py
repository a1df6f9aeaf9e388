"""Words for the intake's status line and step list: deadlines, the decision, steps done."""

from __future__ import annotations

from datetime import date

from ....domain.case import Case
from ....domain.deadlines import Deadline
from ....domain.validation import INTAKE_STEPS, validate_step
from ....domain.vocabulary import Vocabularies


def deadline_text(d: Deadline) -> str:
    due = d.due.strftime("%d %b %Y")
    if d.met_on is not None:
        late = " (late)" if d.breached else ""
        return f"{d.name}: done {d.met_on:%d %b %Y}{late}"
    if d.days_left < 0:
        return f"! {d.name} due {due}: OVERDUE by {-d.days_left} working days"
    return f"{d.name} due {due}: {d.days_left} working days left"


def deadline_line(deadlines: list[Deadline]) -> str:
    return " · ".join(deadline_text(d) for d in deadlines)


def decision_summary(case: Case, vocab: Vocabularies) -> str:
    d = case.decision
    if d is None:
        return "No decision has been recorded."
    text = f"Decided: {vocab['decision_outcomes'].label(d.outcome)}"
    if d.decided_on:
        text += f" on {d.decided_on:%d %b %Y}"
    if d.decided_by:
        text += f" by {d.decided_by}"
    if d.reason:
        text += f". Reason: {d.reason}"
    if d.alternative_offered:
        text += f". Alternative offered: {d.alternative_offered}"
    return text + "."


def done_steps(case: Case, vocab: Vocabularies, today: date) -> set[int]:
    """Steps passed (before the furthest step reached) whose saved answers are complete."""
    done: set[int] = set()
    for i, (key, _title) in enumerate(INTAKE_STEPS):
        if key == "decision":
            complete = case.decision is not None and case.state not in ("request",)
        elif key == "discussions":
            complete = case.plan is not None
        else:
            complete = i < case.intake_step and not validate_step(case, key, vocab, today)
        if complete:
            done.add(i)
    return done
