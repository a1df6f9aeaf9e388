"""Plan templates (data/templates/plans/*.toml): a new draft's ladder, reviews, roles,
objectives and usual assessments, chosen from the intake's facts.

A template is only a start: everything it fills is edited in the plan builder. The file
format is described in data/templates/plans/README.md; an organisation adds a file, no code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .assessments import refresh_expected_evidence
from .case import Case
from .plan import Activity, Objective, Plan, Role, SupervisionStage
from .schedule import add_months, generate_review_points, planned_reviewer
from .suggestions import suggest_objectives
from .supervision import MAX_LEVEL, MIN_LEVEL, FloorAt, capped_level
from .vocabulary import Vocabularies, VocabularyError

# The keys of [when] that name a request field's code, and the vocabulary it comes from.
_CODE_FACTS = {
    "plan_types": "plan_types",
    "professions": "professions",
    "specialty_groups": "specialty_groups",
    "focus": "focus_areas",
}


@dataclass(frozen=True)
class PlanTemplate:
    code: str
    label: str
    when: dict[str, Any]
    roles: list[str]
    stages: list[dict[str, Any]]
    review: dict[str, Any]
    objectives: list[dict[str, Any]]
    activities: list[dict[str, Any]] = field(default_factory=list)


def _problem(path: Path, what: str) -> VocabularyError:
    return VocabularyError(f"plan template {path.name}: {what}")


def _check_codes(path: Path, values: list[Any], vocab: Vocabularies, name: str,
                 what: str) -> None:
    for value in values:
        if str(value) not in vocab[name]:
            raise _problem(path, f"{what} '{value}' is not in vocabularies/{name}.toml")


def _validated(path: Path, raw: dict[str, Any], vocab: Vocabularies) -> PlanTemplate:
    """A template whose every code is known, or VocabularyError naming the file and field."""
    when = dict(raw.get("when", {}))
    unknown = set(when) - {*_CODE_FACTS, "restriction", "absence", "priority"}
    if unknown:
        raise _problem(path, f"[when] has no fact '{sorted(unknown)[0]}' (keys after [when] "
                       "belong to it: put roles above it)")
    for key, name in _CODE_FACTS.items():
        _check_codes(path, list(when.get(key, [])), vocab, name, key)
    stages = list(raw.get("stage", []))
    if not stages:
        raise _problem(path, "give at least one [[stage]]")
    for i, stage in enumerate(stages, start=1):
        level = stage.get("level")
        if not isinstance(level, int) or not MIN_LEVEL <= level <= MAX_LEVEL:
            raise _problem(path, f"stage {i}: level must be {MIN_LEVEL} to {MAX_LEVEL}")
        months = stage.get("months")
        if months is not None and (not isinstance(months, int) or months < 1):
            raise _problem(path, f"stage {i}: months must be a whole number, 1 or more")
        _check_codes(path, list(stage.get("scope_limits", [])), vocab, "scope_limits",
                     f"stage {i} scope limit")
    every = raw.get("review", {}).get("every_months", 2)
    if not isinstance(every, int) or not 1 <= every <= 12:
        raise _problem(path, "review every_months must be 1 to 12")
    roles = [str(r) for r in raw.get("roles", [])]
    _check_codes(path, roles, vocab, "roles", "role")
    objectives = list(raw.get("objective", []))
    _check_codes(path, [o.get("domain", "") for o in objectives], vocab, "objective_domains",
                 "objective domain")
    activities = list(raw.get("activity", []))
    kinds = set(vocab["activity_types"].codes) | set(vocab["wba_types"].codes)
    for i, activity in enumerate(activities, start=1):
        if activity.get("kind") not in kinds:
            raise _problem(path, f"activity {i}: kind '{activity.get('kind')}' is neither an "
                           "activity type nor a WBA tool")
        _check_codes(path, list(activity.get("domains", [])), vocab, "objective_domains",
                     f"activity {i} domain")
        if activity.get("responsible"):
            _check_codes(path, [activity["responsible"]], vocab, "roles",
                         f"activity {i} responsible")
        if activity.get("per"):
            _check_codes(path, [activity["per"]], vocab, "assessment_periods",
                         f"activity {i} per")
        count = activity.get("count")
        if count is not None and (not isinstance(count, int) or count < 1):
            raise _problem(path, f"activity {i}: count must be a whole number, 1 or more")
    return PlanTemplate(
        code=str(raw.get("code", path.stem)), label=str(raw.get("label", path.stem)),
        when=when, roles=roles, stages=stages, review=dict(raw.get("review", {})),
        objectives=objectives, activities=activities,
    )


def load_plan_templates(folder: Path, vocab: Vocabularies) -> list[PlanTemplate]:
    """Every template in the folder, in file-name order (none when the folder is missing)."""
    templates = []
    for path in sorted(folder.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise _problem(path, str(exc)) from exc
        templates.append(_validated(path, raw, vocab))
    return templates


def shipped_plan_templates(vocab: Vocabularies) -> list[PlanTemplate]:
    from ..locations import templates_dir

    return load_plan_templates(templates_dir() / "plans", vocab)


def template_label(code: str, vocab: Vocabularies) -> str:
    """A template's label by its code; the code itself once its file has gone (a plan
    keeps the code of the template it came from)."""
    if not code:
        return ""
    found = next((t for t in shipped_plan_templates(vocab) if t.code == code), None)
    return found.label if found is not None else code


def _restricted(case: Case, vocab: Vocabularies) -> bool:
    """Back from a restriction: an absence for one, or a restriction entered as what it is
    and that the plan is to lift (a condition whose source is one, not yet lifted, with a
    planned lifting on entry to a stage)."""
    absence = case.request.absence
    term = vocab["absence_reasons"].term(absence.reason) if absence else None
    if term and term.get("restriction"):
        return True
    sources = vocab["condition_sources"]
    return any((t := sources.term(c.source)) is not None and bool(t.get("restriction"))
               for c in case.request.conditions
               if c.lifted is None and c.lifted_at_stage is not None)


def _fact_matches(case: Case, key: str, wanted: Any, vocab: Vocabularies) -> bool | None:
    """Whether one [when] fact holds for the case (None: not a fact, e.g. priority)."""
    req = case.request
    if key == "plan_types":
        return req.plan_type in wanted
    if key == "professions":
        return req.practitioner.profession in wanted
    if key == "specialty_groups":
        return req.practitioner.specialty_group in wanted
    if key == "focus":
        return bool(set(req.focus) & set(wanted))
    if key == "restriction":
        return _restricted(case, vocab) == bool(wanted)
    if key == "absence":
        return (req.absence is not None and bool(req.absence.reason)) == bool(wanted)
    return None


def template_fit(template: PlanTemplate, case: Case, vocab: Vocabularies) -> int | None:
    """How many facts of the template the case matches, or None when one does not hold."""
    matched = 0
    for key, wanted in template.when.items():
        holds = _fact_matches(case, key, wanted, vocab)
        if holds is False:
            return None
        matched += holds is True
    return matched


def choose_template(case: Case, templates: list[PlanTemplate],
                    vocab: Vocabularies) -> PlanTemplate | None:
    """Of the templates whose facts all hold, the one with the highest priority, then the
    one matching the most facts (the more specific), then the first by file name."""
    fitting = [(int(t.when.get("priority", 0)), fit, -i, t)
               for i, t in enumerate(templates)
               if (fit := template_fit(t, case, vocab)) is not None]
    return max(fitting, key=lambda f: f[:3])[3] if fitting else None


def template_stages(template: PlanTemplate, start: date, end: date,
                    floor: int | FloorAt | None) -> list[SupervisionStage]:
    """The template's ladder over [start, end]: each stage for its months, the last to the
    end; a stage that would begin after the end is left out; capped at a condition's floor
    (as in force at that stage: supervision.floor_at); stages that end up at the same level
    merge."""
    stages: list[SupervisionStage] = []
    first = start
    for i, spec in enumerate(template.stages):
        if first > end:
            break
        is_last = i == len(template.stages) - 1
        last = end if is_last or "months" not in spec else \
            min(end, add_months(first, int(spec["months"])) - timedelta(days=1))
        level = capped_level(int(spec["level"]), floor, len(stages) + 1)
        if stages and stages[-1].level == level:
            stages[-1].end = last
            stages[-1].exit_criteria = str(spec.get("exit", stages[-1].exit_criteria))
        else:
            stages.append(SupervisionStage(
                level=level, start=first, end=last, entry_criteria=str(spec.get("entry", "")),
                exit_criteria=str(spec.get("exit", "")),
                scope_limits=[str(s) for s in spec.get("scope_limits", [])],
            ))
        first = last + timedelta(days=1)
    if stages:
        stages[-1].end = end  # the ladder always reaches the plan's end
    return stages


def template_roles(template: PlanTemplate, case: Case) -> list[Role]:
    """A role for each code, the practitioner and case adviser already named."""
    known = {"practitioner": case.request.practitioner.name,
             "case_adviser": case.request.case_adviser}
    return [Role(role=code, person=known.get(code, "")) for code in template.roles]


def template_objectives(template: PlanTemplate, case: Case,
                        vocab: Vocabularies) -> list[Objective]:
    """The template's domains, each worded by the starters (with the request's reasons) and
    any wording the template gives in their place."""
    suggested = {o.domain: o for o in suggest_objectives(case, vocab, everything=True)}
    objectives = []
    for spec in template.objectives:
        objective = suggested.get(str(spec["domain"]))
        if objective is None:
            continue
        fields = ("statement", "measure", "achievable", "relevant")
        override: dict[str, Any] = {k: str(spec[k]) for k in fields if k in spec}
        objectives.append(objective.model_copy(update=override))
    return objectives


def template_activities(template: PlanTemplate, objectives: list[Objective],
                        roles: list[Role]) -> list[Activity]:
    by_domain = {o.domain: o.id for o in objectives}
    by_role = {r.role: r.id for r in roles}
    activities = []
    for spec in template.activities:
        linked = [by_domain[d] for d in spec.get("domains", []) if d in by_domain]
        if spec.get("domains") and not linked:
            continue  # serves only objectives the plan does not have
        activities.append(Activity(
            kind=str(spec["kind"]), description=str(spec.get("description", "")),
            objective_ids=linked, evidence=str(spec.get("evidence", "")),
            responsible=by_role.get(str(spec.get("responsible", "")), ""),
            frequency=str(spec.get("frequency", "")),
            count=spec.get("count"), per=str(spec.get("per", "")),
        ))
    return activities


def apply_template(template: PlanTemplate, case: Case, plan: Plan, vocab: Vocabularies,
                   floor: int | FloorAt | None) -> None:
    """Fill the draft `plan` (with its dates set) from the template."""
    assert plan.start_date is not None and plan.end_date is not None
    plan.template_id = template.code
    plan.roles = template_roles(template, case)
    plan.objectives = template_objectives(template, case, vocab)
    plan.activities = template_activities(template, plan.objectives, plan.roles)
    plan.stages = template_stages(template, plan.start_date, plan.end_date, floor)
    plan.current_stage = 0
    review = template.review
    points = generate_review_points(plan.start_date, plan.end_date,
                                    int(review.get("every_months", 2)),
                                    expected_evidence=review.get("expected_evidence"),
                                    reviewer=planned_reviewer(plan))
    if points and points[-1].is_final and "final_expected_evidence" in review:
        points[-1].expected_evidence = [str(e) for e in review["final_expected_evidence"]]
    plan.review_points = points
    refresh_expected_evidence(plan, vocab)
