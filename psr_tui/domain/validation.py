"""Field-level validation of the request form, step by step, for the intake wizard.

Vocabulary policy. A code must come from its vocabulary where a rule or the insight
figures depend on it, and the list has an "other" entry for the rest: profession (sets the
regulator), care setting, specialty group, plan type, focus, concern type, evidence source,
condition source, decision outcome. An organisation's own term is accepted, and shown as
typed, where local wording varies and no rule reads the code: grade (local job titles),
reason for absence (the list has no "other"), demographics, and in the plan activity kinds
and scope limits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from . import request_rules as form
from .case import Case, Discussion
from .field_errors import DATE_HINT, FieldError, code_in, not_future, parse_date, required
from .plan_validation import validate_plan
from .safe_text import find_control_text, refusal
from .vocabulary import Vocabularies

__all__ = [
    "DATE_HINT",
    "INTAKE_STEPS",
    "STEP_FIELDS",
    "FieldError",
    "parse_date",
    "validate_plan",
    "validate_request",
    "validate_step",
]

INTAKE_STEPS: list[tuple[str, str]] = [
    ("organisation", "Organisation, contact and case"),
    ("practitioner", "Practitioner"),
    ("plan_type", "Plan type and focus"),
    ("concerns", "Concerns, evidence and development areas"),
    ("absence", "Absence from practice"),
    ("conditions", "Conditions on practice"),
    ("role", "Role on completion and expected outcomes"),
    ("health", "Health and reasonable adjustments"),
    ("documents", "Documents supplied"),
    ("sharing", "Sharing with the practitioner and local support"),
    ("demographics", "Demographics (optional, for insights only)"),
    ("decision", "Decision"),
    ("discussions", "Discussions"),
]

# The fields each step edits (paths into Case), so the wizard and the tests agree on coverage.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "organisation": (
        "request.organisation.name",
        "request.organisation.nation",
        "request.organisation.contact_name",
        "request.organisation.contact_role",
        "request.organisation.contact_email",
        "request.organisation.contact_phone",
        "request.case_adviser",
        "request.case_reference",
        "request.received_on",
    ),
    "practitioner": tuple(
        f"request.practitioner.{f}"
        for f in (
            "name",
            "profession",
            "regulator",
            "registration_number",
            "specialty_group",
            "grade",
            "care_setting",
            "email",
            "user",
        )
    ),
    "plan_type": ("request.plan_type", "request.focus", "request.health_context"),
    "concerns": ("request.concerns", "request.development_areas"),
    "absence": ("request.absence",),
    "conditions": ("request.conditions",),
    "role": (
        "request.role_on_completion",
        "request.role_changed",
        "request.role_change_detail",
        "request.expected_outcomes",
        "request.excluded_concerns",
    ),
    "health": ("request.occupational_health", "request.reasonable_adjustments"),
    "documents": ("request.documents",),
    "sharing": (
        "request.shared_with_practitioner",
        "request.not_shared_reason",
        "request.local_support",
    ),
    "demographics": ("request.demographics",),
    "decision": ("decision",),
    "discussions": ("discussions",),
}

MAX_DISCUSSION_MINUTES = 240

Rule = Callable[[Case, Vocabularies, date | None], list[FieldError]]


def _decision(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    d = case.decision
    if d is None:
        return [FieldError("decision.outcome", "record the decision on the request")]
    errors = code_in(d.outcome, vocab, "decision_outcomes", "decision.outcome", "decision")
    if d.decided_on is None:
        errors.append(FieldError("decision.decided_on", "enter the date of the decision"))
    else:
        received = case.request.received_on
        if received and d.decided_on < received:
            errors.append(FieldError("decision.decided_on", "decided before it was received"))
        errors += not_future(d.decided_on, today, "decision.decided_on", "the decision date")
    errors += required(d.decided_by, "decision.decided_by", "who decided")
    if d.outcome in ("declined", "further_information"):
        errors += required(d.reason, "decision.reason", "the reason")
    if d.outcome == "declined":  # 000 4.5: explain why and offer an alternative
        errors += required(
            d.alternative_offered, "decision.alternative_offered", "the alternative service offered"
        )
    return errors


def _discussion(talk: Discussion, at: str, case: Case, today: date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    if talk.held_on is None:
        if talk.duration_minutes is not None:
            errors.append(FieldError(f"{at}.held_on", "enter the date it was held"))
        return errors
    received = case.request.received_on
    if received and talk.held_on < received:
        errors.append(FieldError(f"{at}.held_on", "held before the request was received"))
    errors += not_future(talk.held_on, today, f"{at}.held_on", "the discussion date")
    minutes = talk.duration_minutes
    if minutes is None:
        errors.append(FieldError(f"{at}.duration_minutes", "enter how long it took"))
    elif not 1 <= minutes <= MAX_DISCUSSION_MINUTES:
        errors.append(
            FieldError(
                f"{at}.duration_minutes", f"duration must be 1 to {MAX_DISCUSSION_MINUTES} minutes"
            )
        )
    return errors


def _discussions(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    talks = case.discussions
    errors = _discussion(talks.practitioner, "discussions.practitioner", case, today)
    errors += _discussion(talks.organisation, "discussions.organisation", case, today)
    if talks.practitioner_did_not_engage:
        if not talks.organisation_consulted:  # note to 000 4.6.3
            errors.append(
                FieldError(
                    "discussions.organisation_consulted",
                    "consult the organisation before drafting without the practitioner",
                )
            )
        errors += required(
            talks.non_engagement_note,
            "discussions.non_engagement_note",
            "how contact with the practitioner was attempted",
        )
    return errors


_RULES: dict[str, Rule] = {
    "organisation": form.check_organisation,
    "practitioner": form.check_practitioner,
    "plan_type": form.check_plan_type,
    "concerns": form.check_concerns,
    "absence": form.check_absence,
    "conditions": form.check_conditions,
    "role": form.check_role,
    "health": form.check_health,
    "documents": form.check_documents,
    "sharing": form.check_sharing,
    "demographics": form.check_demographics,
    "decision": _decision,
    "discussions": _discussions,
}


def control_text_errors(case: Case, step_key: str) -> list[FieldError]:
    """Every field of the step holding a control character (pasted ESC, a bidi override):
    the one rule all typed text passes, so it cannot be saved to drive a terminal later.
    Newline and tab are allowed (notes take lines; an Input cannot hold them)."""
    data: object = case.model_dump(mode="json")
    errors = []
    for path in STEP_FIELDS[step_key]:
        value = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        for where, char in find_control_text(value):
            inner = "" if where == "(top level)" else f" ({where})"
            label = path.rsplit(".", 1)[-1].replace("_", " ").capitalize() + inner
            message = refusal(label, char)
            if message:
                errors.append(FieldError(path, message))
    return errors


def validate_step(
    case: Case, step_key: str, vocab: Vocabularies, today: date | None = None
) -> list[FieldError]:
    """Errors for one intake step. Without `today`, dates are not checked against the future."""
    if step_key not in _RULES:
        raise ValueError(f"unknown intake step: {step_key}")
    return control_text_errors(case, step_key) + _RULES[step_key](case, vocab, today)


def validate_request(case: Case, vocab: Vocabularies, today: date) -> list[FieldError]:
    return [e for key, _title in INTAKE_STEPS for e in validate_step(case, key, vocab, today)]
