"""Rules every stored case must meet, however complete it is: known codes, unique ids, no
dangling links, a sane revision.

These are not the intake and plan completeness rules (validation.py): a new case is all
blanks, and a draft plan may still lack activities. They are what the screens could never
have produced, so `psr-tui check` reports them and an import refuses them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .case import Case
from .demographics import LABELS, VOCABULARY_OF_FIELD
from .field_errors import FieldError, blank, code_in, item_path
from .plan import ObjectiveProgress, Plan
from .vocabulary import Vocabularies


def record_problems(case: Case, vocab: Vocabularies) -> list[FieldError]:
    errors: list[FieldError] = []
    if case.revision < 1:
        errors.append(FieldError("revision", f"revision {case.revision} (must be 1 or more)"))
    errors += _codes(case, vocab)
    errors += _unique_ids(case)
    if case.plan is not None:
        errors += _plan_links(case, case.plan)
    return errors


def _known(value: str, vocab: Vocabularies, name: str, path: str, what: str) -> list[FieldError]:
    # Nearly every value is empty or a known code: answered with one set look-up, since
    # `check` asks about every code of every case. Anything else takes the full rule:
    # blank is "not chosen yet" (the completeness rules ask for it); an unknown code is not.
    if not value or value in vocab[name]:
        return []
    return [] if blank(value) else code_in(value, vocab, name, path, what)


def _codes(case: Case, vocab: Vocabularies) -> list[FieldError]:
    """The codes validation.py's vocabulary policy says must come from their vocabulary,
    plus the ones the lifecycle and review rules act on (state and outcomes)."""
    req, p = case.request, case.request.practitioner
    errors = _known(case.state, vocab, "lifecycle_states", "state", "state")
    errors += _known(req.plan_type, vocab, "plan_types", "request.plan_type", "plan type")
    errors += _known(req.organisation.nation, vocab, "nations", "request.organisation.nation",
                     "nation")
    at = "request.practitioner"
    errors += _known(p.profession, vocab, "professions", f"{at}.profession", "profession")
    errors += _known(p.specialty_group, vocab, "specialty_groups", f"{at}.specialty_group",
                     "specialty group")
    errors += _known(p.care_setting, vocab, "care_settings", f"{at}.care_setting",
                     "care setting")
    for i, code in enumerate(req.focus):
        errors += _known(code, vocab, "focus_areas", f"request.focus[{i}]", "focus area")
    for concern in req.concerns:
        at = item_path("request.concerns", concern.id)
        errors += _known(concern.concern_type, vocab, "concern_types", f"{at}.concern_type",
                         "concern type")
        for i, code in enumerate(concern.evidence):
            errors += _known(code, vocab, "evidence_sources", f"{at}.evidence[{i}]",
                             "evidence source")
    for condition in req.conditions:
        at = item_path("request.conditions", condition.id, "source")
        errors += _known(condition.source, vocab, "condition_sources", at, "condition source")
        if condition.lifted is not None:
            errors += _known(condition.lifted.by, vocab, "condition_lifters",
                             item_path("request.conditions", condition.id, "lifted.by"),
                             "who lifted the condition")
    for name, vocab_name in VOCABULARY_OF_FIELD.items():
        errors += _known(getattr(req.demographics, name), vocab, vocab_name,
                         f"request.demographics.{name}", LABELS[name].lower())
    if case.decision is not None:
        errors += _known(case.decision.outcome, vocab, "decision_outcomes", "decision.outcome",
                         "decision")
    if case.completion is not None:
        errors += _known(case.completion.outcome, vocab, "completion_outcomes",
                         "completion.outcome", "completion outcome")
        errors += _progress_codes(case.completion.objective_progress, vocab,
                                  "completion.objective_progress")
    if case.plan is not None:
        for activity in case.plan.activities:
            at = item_path("plan.activities", activity.id, "per")
            errors += _known(activity.per, vocab, "assessment_periods", at, "assessment period")
            if activity.count is not None and activity.count < 1:
                errors.append(FieldError(item_path("plan.activities", activity.id, "count"),
                                         "an assessment count is at least 1"))
        for point in case.plan.review_points:
            at = item_path("plan.review_points", point.id)
            for outcome in [point.outcome, *point.history]:
                if outcome is not None:
                    errors += _known(outcome.outcome, vocab, "review_outcomes",
                                     f"{at}.outcome.outcome", "review outcome")
                    errors += _progress_codes(outcome.objective_progress, vocab,
                                              f"{at}.outcome.objective_progress")
        for entry in case.plan.log:
            errors += _known(entry.kind, vocab, "log_entry_kinds",
                             item_path("plan.log", entry.id, "kind"), "log entry kind")
            errors += _known(entry.tool, vocab, "wba_types",
                             item_path("plan.log", entry.id, "tool"), "assessment tool")
    return errors


def _progress_codes(progress: Iterable[ObjectiveProgress], vocab: Vocabularies,
                    at: str) -> list[FieldError]:
    errors: list[FieldError] = []
    for i, entry in enumerate(progress):
        errors += _known(entry.rating, vocab, "objective_progress", f"{at}[{i}].rating",
                         "objective progress")
    return errors


def _duplicates(list_path: str, ids: Iterable[str]) -> list[FieldError]:
    seen: set[str] = set()
    errors = []
    for item_id in ids:
        if item_id in seen:
            errors.append(FieldError(item_path(list_path, item_id), f"id {item_id} appears twice"))
        seen.add(item_id)
    return errors


def _unique_ids(case: Case) -> list[FieldError]:
    # Items are addressed by id (FieldError paths, links between items): two with one id
    # would make an edit or a link land on the wrong one.
    req = case.request
    errors = _duplicates("request.concerns", (c.id for c in req.concerns))
    errors += _duplicates("request.conditions", (c.id for c in req.conditions))
    errors += _duplicates("request.excluded_concerns", (c.id for c in req.excluded_concerns))
    errors += _duplicates("request.documents", (d.id for d in req.documents))
    plan = case.plan
    if plan is not None:
        errors += _duplicates("plan.objectives", (o.id for o in plan.objectives))
        errors += _duplicates("plan.activities", (a.id for a in plan.activities))
        errors += _duplicates("plan.roles", (r.id for r in plan.roles))
        errors += _duplicates("plan.stages", (s.id for s in plan.stages))
        errors += _duplicates("plan.review_points", (r.id for r in plan.review_points))
        errors += _duplicates("plan.amendments", (a.id for a in plan.amendments))
        errors += _duplicates("plan.log", (e.id for e in plan.log))
    return errors


def _plan_links(case: Case, plan: Plan) -> list[FieldError]:
    errors: list[FieldError] = []
    objective_ids = {o.id for o in plan.objectives}
    for act in plan.activities:
        for oid in act.objective_ids:
            if oid not in objective_ids:
                errors.append(FieldError(item_path("plan.activities", act.id, "objective_ids"),
                                         f"links to missing objective {oid}"))
    stage_ids = {s.id for s in plan.stages}
    for role in plan.roles:
        for sid in role.stage_responsibilities:
            if sid not in stage_ids:
                errors.append(FieldError(
                    item_path("plan.roles", role.id, "stage_responsibilities"),
                    f"names missing stage {sid}"))
    if plan.stages and not 0 <= plan.current_stage < len(plan.stages):
        errors.append(FieldError("plan.current_stage",
                                 f"current stage {plan.current_stage} outside the ladder"))
    condition_ids = {c.id for c in case.request.conditions}
    for cid in plan.condition_ids:
        if cid not in condition_ids:
            errors.append(FieldError("plan.condition_ids", f"names missing condition {cid}"))
    amendment_ids = {a.id for a in plan.amendments}
    for point in plan.review_points:
        for outcome in [point.outcome, *point.history]:
            for entry in outcome.objective_progress if outcome else ():
                if entry.objective_id not in objective_ids:
                    errors.append(FieldError(
                        item_path("plan.review_points", point.id, "outcome.objective_progress"),
                        f"rates missing objective {entry.objective_id}"))
            if outcome is not None and outcome.amendment_id and (
                outcome.amendment_id not in amendment_ids
            ):
                errors.append(FieldError(
                    item_path("plan.review_points", point.id, "outcome.amendment_id"),
                    f"names missing amendment {outcome.amendment_id}"))
    for amendment in plan.amendments:
        if amendment.status == "agreed" and not (amendment.organisation
                                                 and amendment.practitioner):
            errors.append(FieldError(item_path("plan.amendments", amendment.id, "status"),
                                     "agreed without both parties"))
    return errors
