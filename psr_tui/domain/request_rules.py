"""Rules for the request-form steps of the intake wizard (000 section 4, DOMAIN.md fields).

See validation.py for the vocabulary policy (which codes must come from a vocabulary).
"""

from __future__ import annotations

import re
from datetime import date

from .case import Case
from .field_errors import DATE_HINT, FieldError, blank, code_in, item_path, not_future, required
from .vocabulary import Vocabularies

REGISTRATION_FORMATS = {  # regulator -> (pattern, how to say it)
    "GMC": (r"\d{7}", "a GMC number is 7 digits"),
    "GDC": (r"\d{1,6}", "a GDC number is up to 6 digits"),
    "GPhC": (r"\d{7}", "a GPhC number is 7 digits"),
}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
FITNESS_ANSWERS = ("yes", "no", "unknown")


def check_organisation(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req, org = case.request, case.request.organisation
    errors = required(org.name, "request.organisation.name", "the organisation's name")
    if not blank(org.nation):  # blank counts as England, as before nations were recorded
        errors += code_in(org.nation, vocab, "nations", "request.organisation.nation", "nation")
    errors += required(org.contact_name, "request.organisation.contact_name", "a contact name")
    if blank(org.contact_email):
        errors.append(FieldError("request.organisation.contact_email", "enter a contact email"))
    elif not EMAIL.fullmatch(org.contact_email.strip()):
        errors.append(FieldError("request.organisation.contact_email", "not an email address"))
    digits = re.sub(r"\D", "", org.contact_phone)
    if not blank(org.contact_phone) and not 10 <= len(digits) <= 13:
        errors.append(FieldError("request.organisation.contact_phone", "not a phone number"))
    errors += required(req.case_adviser, "request.case_adviser", "the Case Adviser")
    errors += required(req.case_reference, "request.case_reference", "the case reference")
    if req.received_on is None:
        errors.append(FieldError("request.received_on", f"enter the date received: {DATE_HINT}"))
    errors += not_future(req.received_on, today, "request.received_on", "the date received")
    return errors


def regulator_for(vocab: Vocabularies, profession: str) -> str:
    """The regulator a profession answers to (GMC, GDC, GPhC); "" for an unknown one."""
    term = vocab["professions"].term(profession)
    return str(term.get("regulator", "")) if term else ""


def check_practitioner(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    p, at = case.request.practitioner, "request.practitioner"
    errors = required(p.name, f"{at}.name", "the practitioner's name")
    errors += code_in(p.profession, vocab, "professions", f"{at}.profession", "profession")
    profession = vocab["professions"].term(p.profession)
    expected = regulator_for(vocab, p.profession)
    profession_name = profession.label.lower() if profession else p.profession
    if blank(p.regulator):
        errors.append(FieldError(f"{at}.regulator", "choose the regulator"))
    elif expected and p.regulator != expected:
        errors.append(
            FieldError(
                f"{at}.regulator",
                f"a {profession_name} is registered with "
                f"the {expected}, not the {p.regulator}",
            )
        )
    number = re.sub(r"\s", "", p.registration_number)
    if not number:
        errors.append(FieldError(f"{at}.registration_number", "enter the registration number"))
    elif p.regulator in REGISTRATION_FORMATS:
        pattern, rule = REGISTRATION_FORMATS[p.regulator]
        if not re.fullmatch(pattern, number):
            errors.append(FieldError(f"{at}.registration_number", rule))
    errors += code_in(
        p.specialty_group, vocab, "specialty_groups", f"{at}.specialty_group", "specialty group"
    )
    errors += required(p.grade, f"{at}.grade", "the grade")
    errors += code_in(p.care_setting, vocab, "care_settings", f"{at}.care_setting", "care setting")
    if not blank(p.email) and not EMAIL.fullmatch(p.email.strip()):
        errors.append(FieldError(f"{at}.email", "not an email address"))
    return errors


def check_plan_type(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req = case.request
    errors = code_in(req.plan_type, vocab, "plan_types", "request.plan_type", "plan type")
    if not req.focus:
        errors.append(FieldError("request.focus", "choose at least one focus"))
    for code in req.focus:
        if code not in vocab["focus_areas"]:
            errors.append(FieldError("request.focus", f"'{code}' is not a focus area"))
    return errors


def check_concerns(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req = case.request
    errors: list[FieldError] = []
    for concern in req.concerns:
        at = item_path("request.concerns", concern.id)
        errors += required(concern.description, f"{at}.description", "what the concern is")
        errors += code_in(
            concern.concern_type, vocab, "concern_types", f"{at}.concern_type", "concern type"
        )
        for code in concern.evidence:
            if code not in vocab["evidence_sources"]:
                errors.append(FieldError(f"{at}.evidence", f"'{code}' is not an evidence source"))
    if req.plan_type in ("remediation", "both") and not any(c.evidence for c in req.concerns):
        # 000 3.2.1: a remediation plan needs evidence supporting the concerns.
        errors.append(
            FieldError(
                "request.concerns", "a remediation plan needs at least one concern with evidence"
            )
        )
    for i, area in enumerate(req.development_areas):
        if blank(area):
            errors.append(FieldError(f"request.development_areas[{i}]", "empty area: remove it"))
    return errors


def check_absence(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req, absence = case.request, case.request.absence
    errors: list[FieldError] = []
    if (
        req.plan_type in ("return_to_work", "both")
        and absence is None
        and not any(not blank(a) for a in req.development_areas)
    ):
        errors.append(
            FieldError(
                "request.absence",
                "a return to work plan needs the absence or an area for development or reskilling",
            )
        )
    if absence is None:
        return errors
    errors += required(absence.reason, "request.absence.reason", "the reason for absence")
    if absence.start is None:
        errors.append(FieldError("request.absence.start", "enter when the absence started"))
    errors += not_future(absence.start, today, "request.absence.start", "the absence start")
    # The end may be in the future: it is then the planned return date.
    if absence.start and absence.end and absence.end < absence.start:
        errors.append(FieldError("request.absence.end", "the absence cannot end before it starts"))
    return errors


def check_conditions(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    for c in case.request.conditions:
        at = item_path("request.conditions", c.id)
        errors += code_in(c.source, vocab, "condition_sources", f"{at}.source", "condition source")
        errors += required(c.description, f"{at}.description", "what the condition says")
        if c.supervision_floor is not None and not 1 <= c.supervision_floor <= 5:
            errors.append(FieldError(f"{at}.supervision_floor", "supervision level must be 1-5"))
        if c.lifted_at_stage is not None and c.lifted_at_stage < 2:
            # On entry to stage 1 it would never be in force: not a condition at all.
            errors.append(FieldError(f"{at}.lifted_at_stage",
                                     "a planned lifting is on entry to stage 2 or later"))
        errors += not_future(c.imposed_on, today, f"{at}.imposed_on", "the date imposed")
        if c.imposed_on and c.review_on and c.review_on < c.imposed_on:
            errors.append(FieldError(f"{at}.review_on", "review date is before the date imposed"))
    return errors


def check_role(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req = case.request
    errors = required(
        req.role_on_completion, "request.role_on_completion", "the role expected on completion"
    )
    if req.role_changed:
        errors += required(
            req.role_change_detail, "request.role_change_detail", "how the role has changed"
        )
    errors += required(
        req.expected_outcomes, "request.expected_outcomes", "the outcomes the organisation expects"
    )
    for excluded in req.excluded_concerns:
        at = item_path("request.excluded_concerns", excluded.id)
        errors += required(excluded.description, f"{at}.description", "the excluded concern")
        errors += required(
            excluded.local_management, f"{at}.local_management", "how it is managed locally"
        )
    return errors


def check_health(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req, oh = case.request, case.request.occupational_health
    at = "request.occupational_health"
    if oh.fit_to_participate not in FITNESS_ANSWERS:
        return [FieldError(f"{at}.fit_to_participate", "answer yes, no or unknown")]
    health_related = req.health_context or (req.absence and req.absence.reason == "ill_health")
    errors: list[FieldError] = []
    if health_related:
        # 000 6.x: PSR seeks assurance of occupational health support and fitness to take part.
        if not oh.involved:
            errors.append(
                FieldError(
                    f"{at}.involved", "health is involved: occupational health support is needed"
                )
            )
        if oh.fit_to_participate != "yes":
            errors.append(
                FieldError(
                    f"{at}.fit_to_participate",
                    "occupational health must confirm the practitioner is well enough to take part",
                )
            )
    return errors


def check_documents(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    for doc in case.request.documents:
        at = item_path("request.documents", doc.id)
        errors += required(doc.title, f"{at}.title", "the document's title")
        errors += not_future(doc.received_on, today, f"{at}.received_on", "the date received")
    return errors


def check_sharing(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    req = case.request
    errors: list[FieldError] = []
    if req.shared_with_practitioner is None:
        errors.append(
            FieldError(
                "request.shared_with_practitioner",
                "say whether the form was shared with the practitioner",
            )
        )
    elif req.shared_with_practitioner is False:  # 000 4.4: record why not
        errors += required(
            req.not_shared_reason,
            "request.not_shared_reason",
            "why the form was not shared with the practitioner",
        )
    support = req.local_support
    if all(blank(v) for v in (support.supervisors, support.placements, support.funding)):
        errors.append(
            FieldError(
                "request.local_support.supervisors",
                "describe the local support (supervisors, placements, funding)",
            )
        )
    return errors


def check_demographics(case: Case, vocab: Vocabularies, today: date | None) -> list[FieldError]:
    return []  # optional, for insights only: any answer, or none, is acceptable
