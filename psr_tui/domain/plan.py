"""The action plan (seed 000 section 6, seed 003, seed 004)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field

from .base import Record, new_id


class Objective(Record):
    """A SMART objective: statement (specific), measure, target date (time-bound)."""

    id: str = Field(default_factory=lambda: new_id("obj"))
    domain: str = ""  # vocabulary: objective_domains
    statement: str = ""
    measure: str = ""  # how achievement is judged (measurable)
    achievable: str = ""  # why it is realistic here (resources, support)
    relevant: str = ""  # link to the concerns or the role on completion
    target_date: date | None = None
    # Drafted by the app (a template, the intake's suggestions) and not yet accepted by the
    # adviser: accepting or editing it clears this (domain/suggested_items.py).
    suggested: bool = False


class Activity(Record):
    id: str = Field(default_factory=lambda: new_id("act"))
    kind: str = ""  # vocabulary: activity_types (or a WBA code from wba_types)
    description: str = ""
    objective_ids: list[str] = Field(default_factory=list)
    evidence: str = ""  # what the activity produces as evidence
    responsible: str = ""  # a role id or a person's name
    frequency: str = ""  # free text ("fortnightly"); an assessment's is count and per
    # An assessment (kind is a wba_types code): how many are due each `per`
    # (vocabulary: assessment_periods); the review points' expected evidence follows from it.
    count: int | None = None
    per: str = ""
    suggested: bool = False  # as Objective.suggested


class Role(Record):
    id: str = Field(default_factory=lambda: new_id("role"))
    role: str = ""  # vocabulary: roles
    person: str = ""
    contact: str = ""
    responsibilities: str = ""
    stage_responsibilities: dict[str, str] = Field(default_factory=dict)  # stage id -> text
    deputy: str = ""
    # The psr-tui user names of the person and deputy: the explicit link that puts this
    # plan in their scope (domain/access.py); names alone are never matched.
    user: str = ""
    deputy_user: str = ""


class SupervisionStage(Record):
    id: str = Field(default_factory=lambda: new_id("stg"))
    level: int = 1  # 1 direct .. 5 full scope (vocabulary: supervision_levels)
    start: date | None = None
    end: date | None = None
    entry_criteria: str = ""
    exit_criteria: str = ""
    scope_limits: list[str] = Field(default_factory=list)  # vocabulary: scope_limits
    # What the limits do not say ("direct supervision for complex cases only").
    scope_note: str = ""
    suggested: bool = False  # as Objective.suggested


class AssessmentSeen(Record):
    tool: str = ""  # vocabulary: wba_types
    count: int = 1
    rating: str = ""


class ObjectiveProgress(Record):
    """Where one objective stands at a review point or at completion (000 8.1)."""

    objective_id: str = ""
    rating: str = ""  # vocabulary: objective_progress
    note: str = ""


class ReviewOutcome(Record):
    outcome: str = ""  # vocabulary: review_outcomes
    held_on: date | None = None
    recorded_by: str = ""
    recorded_at: datetime | None = None
    note: str = ""
    evidence_seen: list[AssessmentSeen] = Field(default_factory=list)
    objective_progress: list[ObjectiveProgress] = Field(default_factory=list)
    level_before: int | None = None
    level_after: int | None = None
    reschedule_to: date | None = None
    reason: str = ""
    amendment_id: str = ""


class OutcomeCorrection(Record):
    """A recorded outcome that was wrong, kept as it was with who corrected it and why:
    the history of a review never loses what was first recorded."""

    original: ReviewOutcome
    corrected_by: str = ""
    corrected_at: datetime | None = None
    reason: str = ""
    # What the correction did to the ladder (undone, or left because a later review
    # builds on it), in words for the exports.
    ladder_note: str = ""


class ReviewPoint(Record):
    id: str = Field(default_factory=lambda: new_id("rp"))
    title: str = ""
    due_on: date | None = None
    expected_evidence: list[str] = Field(default_factory=list)
    is_final: bool = False
    reviewer: str = ""  # the supervisor expected to record it (a person's name)
    outcome: ReviewOutcome | None = None
    # Earlier attempts that were not held and rescheduled.
    history: list[ReviewOutcome] = Field(default_factory=list)
    # Outcomes recorded here and then corrected, oldest first (rp.outcome is the current).
    corrections: list[OutcomeCorrection] = Field(default_factory=list)


class LogEntry(Record):
    """Something held between reviews (a supervisor meeting, a workplace-based assessment
    with its rating, an MSF round), dated and attributed; append-only (progress_log.py)."""

    id: str = Field(default_factory=lambda: new_id("log"))
    kind: str = ""  # vocabulary: log_entry_kinds
    held_on: date | None = None
    by: str = ""  # who held the meeting or did the assessment (a person's name)
    tool: str = ""  # vocabulary: wba_types (an assessment or MSF round)
    count: int = 1
    rating: str = ""  # on the tool's own scale (wba_types ratings)
    note: str = ""
    recorded_by: str = ""  # the psr-tui user who entered it
    recorded_at: datetime | None = None


class Signature(Record):
    name: str = ""
    role: str = ""
    signed_on: date | None = None
    # Who entered it: the signatory's own identity, or an adviser recording a signature
    # given on paper ("recorded by adviser X for Y").
    recorded_by: str = ""


class Agreement(Record):
    organisation: Signature | None = None
    practitioner: Signature | None = None

    @property
    def fully_signed(self) -> bool:
        return self.organisation is not None and self.practitioner is not None


class Amendment(Record):
    """A change to duration or content: takes effect only when both parties agree (8.3)."""

    id: str = Field(default_factory=lambda: new_id("amd"))
    kind: str = "duration"  # duration / content
    description: str = ""
    proposed_by: str = ""
    proposed_on: date | None = None
    changes: dict[str, Any] = Field(default_factory=dict)  # e.g. {"end_date": "2027-03-01"}
    organisation: Signature | None = None
    practitioner: Signature | None = None
    status: str = "proposed"  # proposed / agreed / withdrawn
    applied_in_version: int | None = None

    @property
    def headline(self) -> str:
        """The description's first line: what a list or a summary shows ('' when it is
        empty, as an imported amendment's may be)."""
        return (self.description.splitlines() or [""])[0]


class PlanVersion(Record):
    """A frozen copy of an issued or signed plan."""

    version: int
    status: str  # issued / agreed
    issued_on: date | None = None
    issued_by: str = ""
    content: dict[str, Any] = Field(default_factory=dict)


class Plan(Record):
    version: int = 1
    status: str = "draft"  # draft / issued / agreed
    start_date: date | None = None
    end_date: date | None = None
    objectives: list[Objective] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    stages: list[SupervisionStage] = Field(default_factory=list)
    current_stage: int = 0  # index into stages
    review_points: list[ReviewPoint] = Field(default_factory=list)
    consequences: str = ""
    reasonable_adjustments: str = ""
    condition_ids: list[str] = Field(default_factory=list)
    # The plan template (data/templates/plans, by its code) the first draft was filled
    # from; "" when none fitted. Where the plan came from, not agreed content.
    template_id: str = ""
    agreement: Agreement = Field(default_factory=Agreement)
    versions: list[PlanVersion] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    # What happened between reviews: not agreed content (content() leaves it out).
    log: list[LogEntry] = Field(default_factory=list)

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def review_point(self, review_point_id: str) -> ReviewPoint | None:
        return next((r for r in self.review_points if r.id == review_point_id), None)

    @property
    def current_level(self) -> int | None:
        if not self.stages:
            return None
        return self.stages[min(self.current_stage, len(self.stages) - 1)].level

    def content(self) -> dict[str, Any]:
        """The agreed content of the plan, without versions and signatures."""
        # Whether an item is still a suggestion is drafting, not what was agreed.
        drafting = {"__all__": {"suggested"}}
        return self.model_dump(
            mode="json", exclude={
                "versions": True, "agreement": True, "status": True, "version": True,
                "amendments": True, "log": True, "template_id": True,
                "objectives": drafting, "activities": drafting, "stages": drafting,
            }
        )
