"""The case: a PSR request from intake to completion (seed 000 sections 4-5, DOMAIN.md)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, PrivateAttr

from .base import Record, confidential, new_id
from .plan import ObjectiveProgress, Plan, Role


class Organisation(Record):
    name: str = ""
    # Whose bank holidays count (vocabulary: nations): ENG, WLS, SCT, NIR; blank is England.
    nation: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_email: str = ""
    contact_phone: str = ""


class Practitioner(Record):
    name: str = ""
    profession: str = ""  # vocabulary: professions
    regulator: str = ""  # GMC, GDC, GPhC (derived from profession by default)
    registration_number: str = ""
    specialty_group: str = ""
    grade: str = ""
    care_setting: str = ""  # primary / secondary / community
    email: str = ""
    user: str = ""  # the practitioner's psr-tui user name: their own case is in their scope


class Concern(Record):
    id: str = Field(default_factory=lambda: new_id("con"))
    description: str = ""
    concern_type: str = ""  # vocabulary: concern_types
    evidence: list[str] = Field(default_factory=list)  # vocabulary: evidence_sources
    evidence_detail: str = ""


class ExcludedConcern(Record):
    """A concern the organisation does not want in the plan, and how it is managed locally (4.3)."""

    id: str = Field(default_factory=lambda: new_id("exc"))
    description: str = ""
    local_management: str = ""


class Absence(Record):
    reason: str = ""  # vocabulary: absence_reasons
    start: date | None = None
    end: date | None = None
    detail: str = ""


class ConditionLifted(Record):
    """How a condition ended: a decision recorded in the plan, or the regulator's or the
    organisation's own (who, when, on what evidence)."""

    by: str = ""  # vocabulary: condition_lifters (plan_decision / regulator / organisation)
    decided_by: str = ""  # the person who decided (or who recorded the regulator's letter)
    lifted_on: date | None = None
    evidence: str = ""
    recorded_by: str = ""  # the psr-tui user who entered it


class Condition(Record):
    """A regulatory, performers-list or local condition on practice (3.2.3), in force from
    `imposed_on` until it is lifted (a recorded decision) or, as a planned step of the
    ladder, on entry to supervision stage `lifted_at_stage` (1-based)."""

    id: str = Field(default_factory=lambda: new_id("cnd"))
    source: str = ""  # vocabulary: condition_sources
    description: str = ""
    confidential: bool = False  # health conditions are confidential
    # Most independent supervision level the condition allows (1 direct .. 5 full scope).
    supervision_floor: int | None = None
    imposed_on: date | None = None
    review_on: date | None = None
    lifted_at_stage: int | None = None
    lifted: ConditionLifted | None = None


class OccupationalHealth(Record):
    involved: bool = False
    fit_to_participate: str = "unknown"  # yes / no / unknown
    health_details: str = confidential()


class Document(Record):
    id: str = Field(default_factory=lambda: new_id("doc"))
    title: str = ""
    kind: str = ""
    received_on: date | None = None
    notes: str = ""


class LocalSupport(Record):
    supervisors: str = ""
    placements: str = ""
    funding: str = ""


class Demographics(Record):
    """Optional, for insights only: never printed in any plan copy. Codes from the
    vocabularies sexes, age_bands, ethnic_groups and qualification_regions ("" not recorded)."""

    sex: str = confidential()
    age_band: str = confidential()
    ethnic_group: str = confidential()
    qualification_region: str = confidential()  # uk / eea / international graduate


class RequestForm(Record):
    received_on: date | None = None
    organisation: Organisation = Field(default_factory=Organisation)
    case_adviser: str = ""
    case_reference: str = ""
    practitioner: Practitioner = Field(default_factory=Practitioner)
    plan_type: str = ""  # vocabulary: plan_types
    focus: list[str] = Field(default_factory=list)  # knowledge / skills / behaviours
    health_context: bool = False
    concerns: list[Concern] = Field(default_factory=list)
    development_areas: list[str] = Field(default_factory=list)
    absence: Absence | None = None
    conditions: list[Condition] = Field(default_factory=list)
    role_on_completion: str = ""
    role_changed: bool = False
    role_change_detail: str = ""
    expected_outcomes: str = ""
    excluded_concerns: list[ExcludedConcern] = Field(default_factory=list)
    occupational_health: OccupationalHealth = Field(default_factory=OccupationalHealth)
    reasonable_adjustments: str = ""
    documents: list[Document] = Field(default_factory=list)
    shared_with_practitioner: bool | None = None
    not_shared_reason: str = ""
    local_support: LocalSupport = Field(default_factory=LocalSupport)
    demographics: Demographics = Field(default_factory=Demographics)


class RequestDecision(Record):
    outcome: str = ""  # accepted / further_information / declined
    decided_on: date | None = None
    decided_by: str = ""
    reason: str = ""
    alternative_offered: str = ""


class Discussion(Record):
    held_on: date | None = None
    duration_minutes: int | None = None
    attendees: str = ""
    representative: str = ""
    notes: str = ""


class PractitionerDiscussion(Discussion):
    # What the practitioner says is not passed to the organisation (4.6.2).
    notes: str = confidential()


class Discussions(Record):
    practitioner: PractitionerDiscussion = Field(default_factory=PractitionerDiscussion)
    organisation: Discussion = Field(default_factory=Discussion)
    practitioner_did_not_engage: bool = False
    organisation_consulted: bool = False  # before drafting without the practitioner (note to 4.6.3)
    non_engagement_note: str = ""


class Completion(Record):
    outcome: str = ""  # vocabulary: completion_outcomes
    signed_by: str = ""
    role: str = ""
    signed_on: date | None = None
    follow_up: str = ""
    # The final position against each objective (seed 003 "Finish").
    objective_progress: list[ObjectiveProgress] = Field(default_factory=list)


class Withdrawal(Record):
    """Why a case was withdrawn before completion, and by whom."""

    reason: str = ""
    withdrawn_on: date | None = None
    withdrawn_by: str = ""


class PlanWithholding(Record):
    """The organisation asked that the plan not reach the practitioner yet (seed 000 7.1
    note: their ill-health, or support not yet in place): the decision and its reasons,
    written to both unless the practitioner is not to be contacted now
    (domain/withholding.py)."""

    requested_by: str = ""  # who at the organisation asked
    requested_on: date | None = None
    withheld: bool = False  # the decision: withheld, or the request refused
    reasons: str = ""
    decided_by: str = ""
    decided_on: date | None = None
    practitioner_told: bool = True
    not_told_reason: str = ""  # why the practitioner is not contacted now
    released_on: date | None = None
    released_by: str = ""


class Resumption(Record):
    """A paused plan continuing, and the advice it continues on."""

    advice: str = ""
    resumed_on: date | None = None
    resumed_by: str = ""


class Case(Record):
    # True for a brief (a list's cut-down copy, see store/case_briefs.py): never saved back.
    _brief: bool = PrivateAttr(default=False)

    id: str = Field(default_factory=lambda: new_id("case"))
    revision: int = 0
    state: str = "request"  # vocabulary: lifecycle_states
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""
    intake_step: int = 0  # where the intake wizard was left
    request: RequestForm = Field(default_factory=RequestForm)
    decision: RequestDecision | None = None
    discussions: Discussions = Field(default_factory=Discussions)
    first_draft_issued_on: date | None = None
    plan: Plan | None = None
    completion: Completion | None = None
    withdrawal: Withdrawal | None = None
    resumptions: list[Resumption] = Field(default_factory=list)
    withholding: PlanWithholding | None = None

    def mark_brief(self) -> None:
        self._brief = True

    @property
    def is_brief(self) -> bool:
        return self._brief

    @property
    def practitioner_name(self) -> str:
        return self.request.practitioner.name

    @property
    def organisation_name(self) -> str:
        return self.request.organisation.name

    @property
    def practitioner_user(self) -> str:
        return self.request.practitioner.user

    @property
    def role_links(self) -> list[Role]:
        """The plan's roles with their user links (the access scope of supervisors)."""
        return self.plan.roles if self.plan is not None else []

    @property
    def withheld(self) -> bool:
        """The plan is withheld from the practitioner now (domain/withholding.py); a
        digest carries the same flag, so access.in_scope asks either alike."""
        from .withholding import is_withheld

        return is_withheld(self)
