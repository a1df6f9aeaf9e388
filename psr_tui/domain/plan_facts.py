"""The coded facts about one plan that insights count (no names, no free text).

`facts_of(case)` reads them from a whole case (version contents and demographics
included, which a brief lacks); the store keeps them per case so a report over 10,000
plans reads small files, not cases. The scope keys (organisation, practitioner user,
supervising users) let the access policy choose the plans an identity's insights cover.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from .access import supervising_users
from .case import Case
from .demographics import VOCABULARY_OF_FIELD
from .lifecycle import end_moved_later
from .vocabulary import Vocabularies

REFER = "refer"  # the review outcome that pauses a plan (domain/review.py)
FACTS_VERSION = 1  # raise when a field is added: older stored facts are then rebuilt


@dataclass(frozen=True, slots=True)
class PlanFacts:
    case_id: str
    organisation: str
    practitioner_user: str
    supervisor_users: tuple[str, ...]
    start: date | None  # the plan's start, else the day it was first issued
    profession: str
    specialty_group: str
    grade: str
    care_setting: str
    plan_type: str
    absence_reason: str
    restriction_source: str  # local / regulator / other, "" when not restricted
    domains: tuple[str, ...]
    planned_days: int | None
    actual_days: int | None
    review_outcomes: tuple[str, ...]  # each outcome recorded at least once
    completion_outcome: str
    extended: bool
    paused: bool
    sex: str
    age_band: str
    ethnic_group: str
    qualification_region: str

    def to_doc(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["start"] = self.start.isoformat() if self.start else None
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> PlanFacts:
        """From a stored doc; KeyError/TypeError/ValueError on a malformed one."""
        values = {name: doc[name] for name in _FIELD_NAMES}
        for name in ("supervisor_users", "domains", "review_outcomes"):
            values[name] = tuple(values[name])
        values["start"] = date.fromisoformat(doc["start"]) if doc["start"] else None
        return cls(**values)


_FIELD_NAMES = tuple(f.name for f in fields(PlanFacts))


def facts_of(case: Case, vocab: Vocabularies) -> PlanFacts | None:
    """The plan's facts; None for a case with no plan yet (a request is not a plan)."""
    plan = case.plan
    if plan is None:
        return None
    req, person = case.request, case.request.practitioner
    issued = [v.issued_on for v in plan.versions if v.issued_on]
    start = plan.start_date or (min(issued) if issued else None)
    supervisors = tuple(sorted(set(supervising_users(case))))
    outcomes = {o.outcome for rp in plan.review_points
                for o in [rp.outcome, *rp.history] if o is not None and o.outcome}
    completion = case.completion
    actual = None
    if completion and completion.signed_on and plan.start_date:
        actual = (completion.signed_on - plan.start_date).days
    demo = req.demographics
    # Only known codes: a stray typed value must never reach a table as written.
    coded = {name: value if value in vocab[VOCABULARY_OF_FIELD[name]] else ""
             for name, value in demo.model_dump().items()}
    return PlanFacts(
        case_id=case.id,
        organisation=req.organisation.name,
        practitioner_user=person.user,
        supervisor_users=supervisors,
        start=start,
        profession=person.profession,
        specialty_group=person.specialty_group,
        grade=person.grade,
        care_setting=person.care_setting,
        plan_type=req.plan_type,
        absence_reason=req.absence.reason if req.absence else "",
        restriction_source=restriction_source(case, vocab),
        domains=tuple(sorted({o.domain for o in plan.objectives if o.domain})),
        planned_days=_planned_days(case),
        actual_days=actual,
        review_outcomes=tuple(sorted(outcomes)),
        completion_outcome=completion.outcome if completion else "",
        extended=case.state == "extended" or end_moved_later(plan),
        paused=case.state == "paused" or REFER in outcomes,
        sex=coded["sex"],
        age_band=coded["age_band"],
        ethnic_group=coded["ethnic_group"],
        qualification_region=coded["qualification_region"],
    )


def restriction_source(case: Case, vocab: Vocabularies) -> str:
    """Who restricted the practitioner, as seed 004 groups it: an absence that followed a
    restriction says so itself; otherwise a condition on practice (a regulatory one is the
    regulator's, a local restriction local, anything else other); "" when neither."""
    absence = case.request.absence
    if absence is not None:
        term = vocab["absence_reasons"].term(absence.reason)
        if term is not None and term.get("restriction"):
            return str(term.get("restriction_source", "other"))
    sources = vocab["condition_sources"]
    found = set()
    for condition in case.request.conditions:
        term = sources.term(condition.source)
        if term is not None and term.get("regulatory"):
            found.add("regulator")
        elif condition.source == "local_restriction":
            found.add("local")
        elif condition.source:
            found.add("other")
    for source in ("regulator", "local", "other"):  # the most formal one counts
        if source in found:
            return source
    return ""


def _planned_days(case: Case) -> int | None:
    """Start to the end both parties first agreed (before any extension), else the end."""
    plan = case.plan
    if plan is None or plan.start_date is None:
        return None
    agreed = [v for v in plan.versions if v.status == "agreed" and v.content.get("end_date")]
    end = date.fromisoformat(agreed[0].content["end_date"]) if agreed else plan.end_date
    return (end - plan.start_date).days if end else None
