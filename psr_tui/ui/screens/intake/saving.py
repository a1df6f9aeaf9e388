"""What saving an intake step writes: only that step's fields, onto the fresh stored copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ....domain.case import Case
from ....domain.lifecycle import decide_request
from ....domain.plan_drafting import start_plan
from ....domain.plan_templates import PlanTemplate
from ....domain.validation import STEP_FIELDS
from ....domain.vocabulary import Vocabularies
from .paths import get_path, set_path

Change = Callable[[Case], None]


def step_fields_equal(a: Case, b: Case, step_key: str) -> bool:
    return all(
        _dump(get_path(a, p)) == _dump(get_path(b, p)) for p in STEP_FIELDS[step_key]
    )


def _dump(value: object) -> object:
    dump = getattr(value, "model_dump", None)
    if dump is not None:
        return dump(mode="json")
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def _copy(value: object) -> object:
    copy = getattr(value, "model_copy", None)
    if copy is not None:
        return copy(deep=True)
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def copy_step(source: Case, target: Case, step_key: str) -> None:
    for path in STEP_FIELDS[step_key]:
        set_path(target, path, _copy(get_path(source, path)))


def save_step(draft: Case, step_key: str, reached: int) -> Change:
    """Copy the step's fields from the draft; remember the furthest step reached."""

    def change(fresh: Case) -> None:
        copy_step(draft, fresh, step_key)
        fresh.intake_step = max(fresh.intake_step, reached)

    return change


def decide(draft: Case, user: str, today: date, vocab: Vocabularies, reached: int) -> Change:
    """Record the decision through the lifecycle rule, which also moves the state (000 4.5)."""
    assert draft.decision is not None
    d = draft.decision

    def change(fresh: Case) -> None:
        decide_request(fresh, d.outcome, user, today, d.reason, d.alternative_offered, vocab)
        fresh.intake_step = max(fresh.intake_step, reached)

    return change


def begin_plan(draft: Case, start: date, months: int, today: date,
               vocab: Vocabularies, template: PlanTemplate | None = None) -> Change:
    """Save the discussions as typed and create the first draft of the plan (from the
    template the intake's facts fit, when one does)."""

    def change(fresh: Case) -> None:
        copy_step(draft, fresh, "discussions")
        start_plan(fresh, start, months, today, vocab, template)

    return change
