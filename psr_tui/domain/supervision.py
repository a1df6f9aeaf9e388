"""Supervision levels against the conditions on practice (000 3.2.3, DOMAIN.md ladder).

Level 1 is direct supervision, level 5 full scope. A condition's `supervision_floor` is the
most independent level it allows: a plan may never step down past it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .case import Case, Condition
from .errors import RuleError
from .plan import Plan, SupervisionStage
from .vocabulary import Vocabularies, default_vocabularies

MIN_LEVEL = 1
MAX_LEVEL = 5

# The floor at each stage of a ladder being built (1-based stage number -> level or None):
# a condition lifted on entry to stage N caps the stages before N only.
FloorAt = Callable[[int], int | None]


def in_force(condition: Condition, stage_number: int | None = None) -> bool:
    """Whether a condition still applies: not lifted by a recorded decision and, when it is
    lifted as a planned step of the ladder, `stage_number` (1-based) is before that stage.
    stage_number None: at every stage still ahead (a planned lifting has not happened)."""
    if condition.lifted is not None:
        return False
    planned = condition.lifted_at_stage
    return planned is None or stage_number is None or stage_number < planned


def current_stage_number(case: Case) -> int | None:
    """The plan's current supervision stage, 1-based; None without a ladder."""
    plan = case.plan
    if plan is None or not plan.stages:
        return None
    return min(plan.current_stage, len(plan.stages) - 1) + 1


def floor_conditions(case: Case, stage_number: int | None = None) -> list[Condition]:
    """The conditions with a supervision floor in force at `stage_number`."""
    return [c for c in case.request.conditions
            if c.supervision_floor is not None and in_force(c, stage_number)]


def supervision_floor(
    case: Case, stage_number: int | None = None
) -> tuple[int, Condition] | None:
    """The most restrictive floor among the conditions in force at `stage_number` (None:
    every condition not yet lifted), with the condition setting it."""
    limited = floor_conditions(case, stage_number)
    if not limited:
        return None
    strictest = min(limited, key=lambda c: c.supervision_floor or MAX_LEVEL)
    assert strictest.supervision_floor is not None
    return strictest.supervision_floor, strictest


def floor_at(case: Case) -> FloorAt:
    """The case's floor stage by stage, for generating a ladder (schedule.generate_stages,
    plan_templates.template_stages): a planned lifting uncaps the stages from its stage on."""
    def level_at(stage_number: int) -> int | None:
        floor = supervision_floor(case, stage_number)
        return floor[0] if floor else None
    return level_at


def capped_level(level: int, floor: int | FloorAt | None, stage_number: int) -> int:
    """`level` held at the floor in force at `stage_number` (a fixed floor applies to all)."""
    limit = floor(stage_number) if callable(floor) else floor
    return min(level, limit) if limit is not None else level


def blocking_conditions(
    case: Case, level: int, stage_number: int | None = None
) -> list[Condition]:
    """Conditions in force at `stage_number` that forbid `level` (their floor is below it),
    strictest first."""
    blocking = [c for c in floor_conditions(case, stage_number)
                if c.supervision_floor is not None and c.supervision_floor < level]
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


def condition_name(case: Case, condition: Condition, vocab: Vocabularies | None = None) -> str:
    """A condition as a refusal names it to whoever is acting: a practitioner or an
    organisation may be refused too, so a confidential (e.g. health) one is not described."""
    if condition.confidential:
        return "a confidential condition"
    return describe_condition(case, condition, vocab)


def _floor_refusal(
    case: Case, level: int, vocab: Vocabularies | None, *, for_adviser: bool,
    stage_number: int | None = None,
) -> str | None:
    blocking = blocking_conditions(case, level, stage_number)
    if not blocking:
        return None
    strictest = blocking[0]
    assert strictest.supervision_floor is not None
    described = (
        describe_condition(case, strictest, vocab)
        if for_adviser
        else condition_name(case, strictest, vocab)
    )
    return (
        f"level {level} is not allowed: {described} "
        f"limits supervision to {level_label(strictest.supervision_floor, vocab)} "
        "at most independent"
    )


def check_level(
    case: Case, level: int, vocab: Vocabularies | None = None, stage_number: int | None = None
) -> str | None:
    """Why `level` is not allowed for this case (at ladder stage `stage_number`, where a
    condition lifted on entry to a stage no longer applies), or None when it is (for the
    adviser building the plan: every condition is described)."""
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        return f"level {level} is not a supervision level: use {MIN_LEVEL} to {MAX_LEVEL}"
    return _floor_refusal(case, level, vocab, for_adviser=True, stage_number=stage_number)


def require_ladder_within_floor(
    case: Case, stages: Sequence[SupervisionStage], path: str, vocab: Vocabularies | None = None
) -> None:
    """Refuse a ladder any of whose stages is more independent than a condition allows:
    the one floor check for issuing, signing and amending, however the ladder was built
    (a condition added after it, or stages replaced by an amendment)."""
    for number, stage in enumerate(stages, start=1):
        problem = _floor_refusal(case, stage.level, vocab, for_adviser=False,
                                 stage_number=number)
        if problem:
            raise RuleError(f"Supervision stage {number}: {problem}.", path)


def next_level(case: Case, current: int) -> int:
    """One step more independent than `current`, never past a condition's floor or full scope."""
    target = min(current + 1, MAX_LEVEL)
    floor = supervision_floor(case, current_stage_number(case))
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
