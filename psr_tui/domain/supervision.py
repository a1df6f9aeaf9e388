"""Supervision levels against the conditions on practice (000 3.2.3, DOMAIN.md ladder).

Level 1 is direct supervision, level 5 full scope. A condition's `supervision_floor` is the
most independent level it allows: a plan may never step down past it.
"""

from __future__ import annotations

from .case import Case, Condition
from .plan import Plan, SupervisionStage
from .vocabulary import Vocabularies, default_vocabularies

MIN_LEVEL = 1
MAX_LEVEL = 5


def supervision_floor(case: Case) -> tuple[int, Condition] | None:
    """The most restrictive floor among the case's conditions, with the condition setting it."""
    limited = [c for c in case.request.conditions if c.supervision_floor is not None]
    if not limited:
        return None
    strictest = min(limited, key=lambda c: c.supervision_floor or MAX_LEVEL)
    assert strictest.supervision_floor is not None
    return strictest.supervision_floor, strictest


def blocking_conditions(case: Case, level: int) -> list[Condition]:
    """Conditions that forbid `level` (their floor is below it), strictest first."""
    blocking = [
        c
        for c in case.request.conditions
        if c.supervision_floor is not None and c.supervision_floor < level
    ]
    return sorted(blocking, key=lambda c: c.supervision_floor or MAX_LEVEL)


def level_label(level: int, vocab: Vocabularies | None = None) -> str:
    return (vocab or default_vocabularies())["supervision_levels"].label(str(level))


def describe_condition(case: Case, condition: Condition, vocab: Vocabularies | None = None) -> str:
    """e.g. "Interim order 'Work under close supervision' (GMC)"."""
    vocab = vocab or default_vocabularies()
    term = vocab["condition_sources"].term(condition.source)
    source = term.label if term else (condition.source or "Condition")
    text = f"{source} '{condition.description}'" if condition.description else source
    regulator = case.request.practitioner.regulator
    if term is not None and term.get("regulatory") and regulator:
        text += f" ({regulator})"
    return text


def check_level(case: Case, level: int, vocab: Vocabularies | None = None) -> str | None:
    """Why `level` is not allowed for this case, or None when it is."""
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        return f"level {level} is not a supervision level: use {MIN_LEVEL} to {MAX_LEVEL}"
    blocking = blocking_conditions(case, level)
    if not blocking:
        return None
    strictest = blocking[0]
    assert strictest.supervision_floor is not None
    return (
        f"level {level} is not allowed: {describe_condition(case, strictest, vocab)} "
        f"limits supervision to {level_label(strictest.supervision_floor, vocab)} "
        "at most independent"
    )


def next_level(case: Case, current: int) -> int:
    """One step more independent than `current`, never past a condition's floor or full scope."""
    target = min(current + 1, MAX_LEVEL)
    floor = supervision_floor(case)
    if floor is not None:
        target = min(target, max(floor[0], current))  # never step *up* supervision here either
    return target


def replace_ladder(plan: Plan, stages: list[SupervisionStage]) -> None:
    """Put a new ladder in place of the old one (the builder's "generate").

    What the roles do at each stage follows the stage's place on the ladder (stage 1 to the
    new stage 1, ...): kept where the new ladder has that stage, dropped where it is shorter,
    so no role points at a stage that no longer exists.
    """
    by_position = {old.id: new.id for old, new in zip(plan.stages, stages, strict=False)}
    for role in plan.roles:
        role.stage_responsibilities = {
            by_position[sid]: text for sid, text in role.stage_responsibilities.items()
            if sid in by_position
        }
    plan.stages = stages
    plan.current_stage = 0
