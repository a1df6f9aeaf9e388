"""Section 4: the supervision ladder, stepping down stage by stage, never past a condition."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Plan, SupervisionStage
from ....domain.schedule import exit_criteria_for_level, generate_stages
from ....domain.supervision import (
    check_level,
    describe_condition,
    floor_at,
    replace_ladder,
    supervision_floor,
)
from ....domain.vocabulary import Vocabularies
from ...dialogs.plan_item_form import Answer, PlanItemDialog, Submit, Values
from ...dialogs.prompt_form import PromptDialog
from ...dialogs.stage_form import StageDialog
from ...wording import clipped, count_of, plain
from .dates import short, typed_date
from .list_section import ListSection
from .section import fresh_plan


def parse_levels(text: str) -> list[int]:
    """ "2 3 4 5" or "2,3,4,5" -> [2, 3, 4, 5]."""
    parts = text.replace(",", " ").split()
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError("type the levels as numbers, most supervised first, e.g. 2 3 4 5")
    return [int(p) for p in parts]


def levels_check(text: str) -> str | None:
    try:
        levels = parse_levels(text)
    except ValueError as exc:
        return str(exc)
    return None if levels == sorted(levels) else "supervision steps down: list levels in order"


def ladder_summary(case: Case, levels: list[int], stages: list[SupervisionStage]) -> str:
    """'generated the ladder: L1 → L2 (L3, L4 held at L2 by the interim order)': `stages`
    as generated from `levels` (a condition lifted on entry to a stage no longer holds it)."""
    steps = " → ".join(f"L{s.level}" for s in stages)
    top = stages[-1].level if stages else 0
    floor = supervision_floor(case, len(stages)) if stages else None
    held = [f"L{n}" for n in levels if floor and n > top]
    if not floor or not held:
        return f"generated the ladder: {steps}"
    return (f"generated the ladder: {steps} ({', '.join(held)} held at L{floor[0]} by "
            f"{describe_condition(case, floor[1])})")


def stage_number(case: Case, item: SupervisionStage) -> int:
    """The stage's place on the ladder, 1-based (a new stage goes at the end)."""
    stages = case.plan.stages if case.plan else []
    return next((n for n, s in enumerate(stages, start=1) if s.id == item.id), len(stages) + 1)


def stage_from(case: Case, item: SupervisionStage, values: Values,
               vocab: Vocabularies) -> SupervisionStage:
    """The stage the form's values make, checked against the (fresh) case's conditions as
    in force at this stage of the ladder (the builder's edit and a content amendment)."""
    level = int(values["level"])
    refusal = check_level(case, level, vocab, stage_number=stage_number(case, item))
    if refusal:
        raise RuleError(refusal, "level")
    start = typed_date(values["start"], "start")
    end = typed_date(values["end"], "end")
    if start and end and end < start:
        raise RuleError("a stage cannot end before it starts", "end")
    return item.model_copy(update={
        "level": level, "start": start, "end": end,
        "entry_criteria": values["entry_criteria"],
        "exit_criteria": exit_criteria_for_level(values["exit_criteria"], item.level,
                                                 level, vocab),
        "scope_limits": list(values["scope_limits"]),
        "scope_note": str(values.get("scope_note", "")).strip(),
        "suggested": False,  # saving an edit accepts a suggestion
    })


class LadderSection(ListSection):
    KEY = "ladder"
    LABEL = "Ladder"
    COLLECTION = "stages"
    NOUN = "stage"
    COLUMNS = ("#", "Level", "From", "To", "Scope limits")
    ACTIONS = ListSection.ACTIONS | {"generate", "accept"}

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        floor = supervision_floor(case)
        hint = "Supervision steps down as progress is shown · g generate from the plan dates"
        if floor is not None:
            level = self.vocab["supervision_levels"].label(str(floor[0]))
            hint = f"Floor {level}: {describe_condition(case, floor[1], self.vocab)}"
        self.query_one(".section-hint", Static).update(plain(clipped(hint, 78)))

    def row(self, item: SupervisionStage, index: int) -> tuple[str, ...]:
        marker = "▶" if self.plan and index == self.plan.current_stage else " "
        limits = ", ".join(self.vocab["scope_limits"].label(c) for c in item.scope_limits)
        return (
            f"{marker}{index + 1}",
            self.vocab["supervision_levels"].label(str(item.level)),
            short(item.start),
            short(item.end),
            clipped(limits or "none", 30),
        )

    def new_item(self, plan: Plan) -> SupervisionStage:
        last = plan.stages[-1] if plan.stages else None
        start = last.end + timedelta(days=1) if last and last.end else plan.start_date
        return SupervisionStage(level=last.level if last else 1, start=start, end=plan.end_date)

    def dialog(self, item: SupervisionStage, submit: Submit) -> PlanItemDialog:
        case = self.case
        assert case is not None
        number = stage_number(case, item)
        return StageDialog(item, self.vocab, submit, level_check=lambda level: check_level(
            case, level, self.vocab, stage_number=number))

    def apply(self, case: Case, item: SupervisionStage, values: Values) -> SupervisionStage:
        return stage_from(case, item, values, self.vocab)

    def describe(self, item: SupervisionStage) -> str:
        level = self.vocab["supervision_levels"].label(str(item.level))
        return f"{level} {short(item.start)} to {short(item.end)}"

    def detail(self, item: SupervisionStage) -> str:
        limits = ", ".join(self.vocab["scope_limits"].label(c) for c in item.scope_limits)
        parts = [self.describe(item), f"limits: {limits or 'none'}"]
        if item.scope_note:
            parts.append(item.scope_note)
        return " · ".join(parts)

    def after_remove(self, plan: Plan, item_id: str) -> None:
        for role in plan.roles:
            role.stage_responsibilities.pop(item_id, None)
        plan.current_stage = min(plan.current_stage, max(len(plan.stages) - 1, 0))

    def generate(self) -> None:
        case, plan = self.case, self.plan
        if case is None or plan is None:
            return
        if plan.start_date is None or plan.end_date is None:
            self.say("Set the plan's start and end dates first (6 Timeframe).")
            return
        start, end = plan.start_date, plan.end_date
        default = " ".join(t.code for t in self.vocab["supervision_levels"].terms)
        replacing = f" (replaces the {count_of(len(plan.stages), 'stage')})" if plan.stages else ""

        def submit(values: Values) -> Answer:
            levels = parse_levels(values["value"])

            def change(case: Case) -> None:
                fresh = fresh_plan(case)
                if fresh.start_date is None or fresh.end_date is None:
                    raise RuleError("Set the plan's start and end dates first.", "")
                replace_ladder(fresh, generate_stages(
                    fresh.start_date, fresh.end_date, levels,
                    floor=floor_at(case), vocab=self.vocab,
                ))

            now = self.case or case  # as the builder holds it when the levels are typed
            shown = generate_stages(start, end, levels, floor=floor_at(now), vocab=self.vocab)
            return self.save_for_dialog(change, "plan.stages.generate",
                                        ladder_summary(now, levels, shown))

        self.app.push_screen(PromptDialog(
            f"Generate the ladder{replacing}", "Levels, most supervised first", default,
            submit, check=levels_check,
        ))
