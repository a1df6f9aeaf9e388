"""The request-form steps of the intake (seed 000 4.2-4.4, DOMAIN.md "Request form fields")."""

from __future__ import annotations

from ....domain.case import Absence, Concern, Condition, Document, ExcludedConcern
from .specs import Field, ListSection, Note, StepSpec

DATE = "YYYY-MM-DD or DD/MM/YYYY"
REGULATORS = (("GMC", "GMC"), ("GDC", "GDC"), ("GPhC", "GPhC"))
YES_NO_UNKNOWN = (("Yes", "yes"), ("No", "no"), ("Unknown", "unknown"))

ORGANISATION = StepSpec("organisation", (
    Field("request.organisation.name", "Organisation"),
    Field("request.organisation.nation", "Nation (its bank holidays count in deadlines)",
          "select", vocab="nations"),
    Field("request.organisation.contact_name", "Contact name"),
    Field("request.organisation.contact_role", "Contact role"),
    Field("request.organisation.contact_email", "Contact email", "email"),
    Field("request.organisation.contact_phone", "Contact phone"),
    Field("request.case_adviser", "Case Adviser"),
    Field("request.case_reference", "Case reference"),
    Field("request.received_on", "Request received on", "date", placeholder=DATE),
))

PRACTITIONER = StepSpec("practitioner", (
    Field("request.practitioner.name", "Practitioner's name"),
    Field("request.practitioner.profession", "Profession", "select", vocab="professions"),
    Field("request.practitioner.regulator", "Regulator", "select", options=REGULATORS),
    Field("request.practitioner.registration_number", "Registration number"),
    Field("request.practitioner.specialty_group", "Specialty group", "select",
          vocab="specialty_groups"),
    Field("request.practitioner.grade", "Grade", "select", vocab="grades"),
    Field("request.practitioner.care_setting", "Care setting", "select", vocab="care_settings"),
    Field("request.practitioner.email", "Practitioner's email (optional)", "email"),
    Field("request.practitioner.user", "Practitioner's psr-tui user (optional: lets them "
          "read and sign their own plan)"),
))

PLAN_TYPE = StepSpec("plan_type", (
    Field("request.plan_type", "Plan type", "select", vocab="plan_types"),
    Field("request.focus", "Focus (space toggles)", "multi", vocab="focus_areas"),
    Field("request.health_context", "Health is part of the context", "bool"),
))

CONCERNS = StepSpec("concerns", (
    Note("Concerns to address in the plan, each with its evidence (PSR guide 5.2)."),
    ListSection("request.concerns", "concern", (
        Field("description", "What the concern is"),
        Field("concern_type", "Concern type", "select", vocab="concern_types"),
        Field("evidence", "Evidence (space toggles)", "multi", vocab="evidence_sources"),
        Field("evidence_detail", "Evidence detail"),
    ), Concern),
    Field("request.development_areas", "Areas for development or reskilling (one per line)",
          "lines"),
))

ABSENCE = StepSpec("absence", (
    Field("request.absence", "The practitioner has been absent from practice", "optional",
          make=Absence),
    Field("request.absence.reason", "Reason for absence", "select", vocab="absence_reasons"),
    Field("request.absence.start", "Absence started", "date", placeholder=DATE),
    Field("request.absence.end", "Absence ended or planned return", "date", placeholder=DATE),
    Field("request.absence.detail", "Detail"),
))

CONDITIONS = StepSpec("conditions", (
    Note("Regulatory, performers-list and local conditions on practice."),
    ListSection("request.conditions", "condition", (
        Field("source", "Source", "select", vocab="condition_sources"),
        Field("description", "What the condition says"),
        Field("confidential", "Confidential (e.g. a health condition)", "bool"),
        Field("supervision_floor", "Most independent supervision it allows", "level",
              vocab="supervision_levels"),
        Field("imposed_on", "Imposed on", "date", placeholder=DATE),
        Field("review_on", "Review on", "date", placeholder=DATE),
        Field("lifted_at_stage", "Lifted on entry to supervision stage (a number; blank: "
              "until lifted by a decision)", "int"),
    ), Condition),
))

ROLE = StepSpec("role", (
    Field("request.role_on_completion", "Role on completion"),
    Field("request.role_changed", "The role has changed", "bool"),
    Field("request.role_change_detail", "How the role has changed"),
    Field("request.expected_outcomes", "Outcomes the organisation expects", "area"),
    Note("Concerns NOT to be in the plan, and how each is managed locally (PSR guide 4.3)."),
    ListSection("request.excluded_concerns", "excluded concern", (
        Field("description", "Concern left out of the plan"),
        Field("local_management", "How it is managed locally"),
    ), ExcludedConcern),
))

HEALTH = StepSpec("health", (
    Field("request.occupational_health.involved", "Occupational health is involved", "bool"),
    Field("request.occupational_health.fit_to_participate", "Fit to take part", "select",
          options=YES_NO_UNKNOWN),
    Field("request.occupational_health.health_details",
          "Health details (CONFIDENTIAL: not in any plan copy)", "area", classes="confidential"),
    Field("request.reasonable_adjustments", "Known reasonable adjustments", "area"),
))

DOCUMENTS = StepSpec("documents", (
    ListSection("request.documents", "document", (
        Field("title", "Title"),
        Field("kind", "Kind (e.g. investigation report)"),
        Field("received_on", "Received on", "date", placeholder=DATE),
        Field("notes", "Notes"),
    ), Document),
))

SHARING = StepSpec("sharing", (
    Field("request.shared_with_practitioner", "Form shared with the practitioner", "yesno"),
    Field("request.not_shared_reason", "If not, why not (PSR guide 4.4)"),
    Field("request.local_support.supervisors", "Local support: supervisors"),
    Field("request.local_support.placements", "Local support: placements"),
    Field("request.local_support.funding", "Local support: funding"),
))

DEMOGRAPHICS = StepSpec("demographics", (
    Note("Optional, for insights only: never printed in any plan copy."),
    Field("request.demographics.sex", "Sex", "select", vocab="sexes"),
    Field("request.demographics.age_band", "Age band", "select", vocab="age_bands"),
    Field("request.demographics.ethnic_group", "Ethnic group (ONS)", "select",
          vocab="ethnic_groups"),
    Field("request.demographics.qualification_region", "Where qualified", "select",
          vocab="qualification_regions"),
))
