"""The decision on the request (000 4.5) and the two discussions (000 4.6)."""

from __future__ import annotations

from .request_steps import (
    ABSENCE,
    CONCERNS,
    CONDITIONS,
    DATE,
    DEMOGRAPHICS,
    DOCUMENTS,
    HEALTH,
    ORGANISATION,
    PLAN_TYPE,
    PRACTITIONER,
    ROLE,
    SHARING,
)
from .specs import Field, Note, StepSpec

CONFIDENTIAL_NOTES = "Notes: CONFIDENTIAL: not shared with the organisation"

DECISION = StepSpec("decision", (
    Field("decision.outcome", "Decision", "select", vocab="decision_outcomes"),
    Field("decision.reason", "Reason (declined, or what further information is needed)",
          "area"),
    Field("decision.alternative_offered", "Alternative service offered (when declined)"),
))

DISCUSSIONS = StepSpec("discussions", (
    Note("Discussion with the practitioner (about 45-60 minutes)", "section"),
    Field("discussions.practitioner.held_on", "Held on", "date", placeholder=DATE,
          working_day=True),
    Field("discussions.practitioner.duration_minutes", "Duration (minutes)", "int"),
    Field("discussions.practitioner.attendees", "Attendees"),
    Field("discussions.practitioner.representative", "Representative (if any)"),
    Field("discussions.practitioner.notes", CONFIDENTIAL_NOTES, "area", classes="confidential"),
    Note("Discussion with the organisation (about 30 minutes)", "section"),
    Field("discussions.organisation.held_on", "Held on", "date", placeholder=DATE,
          working_day=True),
    Field("discussions.organisation.duration_minutes", "Duration (minutes)", "int"),
    Field("discussions.organisation.attendees", "Attendees"),
    Field("discussions.organisation.notes", "Notes", "area"),
    Note("If the practitioner does not engage (PSR guide, note to 4.6.3)", "section"),
    Field("discussions.practitioner_did_not_engage", "The practitioner did not engage", "bool"),
    Field("discussions.organisation_consulted", "Organisation consulted before drafting",
          "bool"),
    Field("discussions.non_engagement_note", "How contact was attempted"),
))

STEP_SPECS: dict[str, StepSpec] = {
    spec.key: spec
    for spec in (
        ORGANISATION, PRACTITIONER, PLAN_TYPE, CONCERNS, ABSENCE, CONDITIONS, ROLE, HEALTH,
        DOCUMENTS, SHARING, DEMOGRAPHICS, DECISION, DISCUSSIONS,
    )
}

# Asked on the discussions step once the request is accepted: not case fields until
# the plan is started.
PLAN_START = (
    Note("Start the plan (F5) once the discussions are done", "section"),
    Field("plan.start_date", "Plan starts on", "date", placeholder=DATE),
    Field("plan.months", "Length in months", "int"),
)
