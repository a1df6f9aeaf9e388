"""A case digest: the few facts of one case that lists, filters and the access scope need.

Home, the quick review, the dashboard and `psr-tui list` hold one digest per case, never
the Case itself (a pydantic Case is about 43 KB of Python objects; a digest well under
1 KB). The store writes each digest beside the case's brief (store/case_digests.py) and
reads it back with the plain json module, without pydantic.

A digest does not depend on the day: review statuses and working days left are worked
out from it by domain/status.py for the day asked. It holds no confidential field (no
notes, health or demographics), so every role's copy is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # a digest is read without the models (pydantic): lists start sooner
    from .case import Case
    from .plan import Plan

SUPERVISOR_ROLES = ("clinical_supervisor", "educational_supervisor")
# Bump when the stored shape changes: an older digest is then rebuilt from its case file.
DIGEST_VERSION = 4  # 3: case_adviser (caseload); 4: the plan's timetable (PlanTimes)


@dataclass(frozen=True, slots=True)
class OpenReview:
    """A review point not yet held (only these can be due or overdue)."""

    id: str
    title: str
    due_on: date | None
    reviewer: str


@dataclass(frozen=True, slots=True)
class RoleLink:
    """A plan role and the psr-tui users it names: the access scope of supervisors."""

    role: str
    person: str
    user: str
    deputy_user: str


class PlanTimes(NamedTuple):
    """What the plans dashboard reads of a plan besides the rest of the digest: its
    dates, the ladder's stages, whether the final review is held, an amendment waiting."""

    start: date | None
    end: date | None
    stages: tuple[tuple[int, date | None], ...]  # (level, start) of each stage, in order
    current_stage: int  # index into `stages`
    final_held: bool
    amendment_proposed: bool


NO_PLAN = PlanTimes(None, None, (), 0, False, False)


class OpenDeadline(NamedTuple):
    """A working-day deadline not met yet (days left depend on the day: status.py)."""

    name: str
    due: date


@dataclass(frozen=True, slots=True)
class CaseDigest:
    id: str
    practitioner: str
    practitioner_user: str
    profession: str
    organisation: str
    plan_type: str
    state: str
    has_plan: bool
    level: int | None
    # The nested records as plain tuples, named on access (below): CPython's collector
    # stops tracking a plain tuple of strings and dates, never an object or a NamedTuple,
    # so a digest is one object for full collections to walk, not ten (a pushed list of
    # 4,400 digests made each 0.2 s at 20,000 cases).
    link_fields: tuple[tuple[str, str, str, str], ...]  # RoleLink's fields, each role
    review_fields: tuple[tuple[str, str, date | None, str], ...]  # OpenReview's, in order
    supervisors: tuple[str, ...]  # reviewers named, then supervising roles' people
    last_outcome: str  # code of the outcome recorded last ("" if none)
    evidence_expected: int
    evidence_seen: int
    deadline_fields: tuple[tuple[str, date], ...]  # OpenDeadline's: with the org's nation
    nation: str  # bank holidays' subdivision (deadlines.nation_of): days left count with it
    withheld: bool  # plan withheld from the practitioner (withholding.is_withheld)
    closed_on: date | None  # the day it closed (archive.closed_on): lists leave it archived
    case_adviser: str  # case_adviser_of: what home's filter and "my cases" match
    times_fields: tuple[Any, ...]  # PlanTimes' fields (domain/plan_overview.py)

    @property
    def links(self) -> tuple[RoleLink, ...]:
        return tuple(RoleLink(*f) for f in self.link_fields)

    @property
    def open_reviews(self) -> tuple[OpenReview, ...]:
        """The review points not yet held, in the plan's order."""
        return tuple(OpenReview(*f) for f in self.review_fields)

    @property
    def deadlines(self) -> tuple[OpenDeadline, ...]:
        return tuple(OpenDeadline(*f) for f in self.deadline_fields)

    @property
    def plan_times(self) -> PlanTimes:
        """The plan's timetable; NO_PLAN without a plan."""
        return PlanTimes(*self.times_fields)

    # The names access.in_scope asks any case for (a Case has the same).
    @property
    def organisation_name(self) -> str:
        return self.organisation

    @property
    def practitioner_name(self) -> str:
        return self.practitioner

    @property
    def role_links(self) -> tuple[RoleLink, ...]:
        return self.links


def plan_supervisors(plan: Plan) -> list[str]:
    """Names of the people who hold reviews: named reviewers, then supervisors' roles."""
    names = [rp.reviewer for rp in plan.review_points]
    names += [r.person for r in plan.roles if r.role in SUPERVISOR_ROLES]
    seen: dict[str, None] = {}
    for name in names:
        if name.strip():
            seen.setdefault(name.strip(), None)
    return list(seen)


def last_outcome_code(plan: Plan) -> str:
    """The outcome code of the review held last ("" when none has been held)."""
    held = [rp.outcome for rp in plan.review_points if rp.outcome is not None]
    held.sort(key=lambda o: (o.held_on or date.min, o.recorded_at is not None))
    return held[-1].outcome if held else ""


def _evidence_counts(plan: Plan) -> tuple[int, int]:
    """Expected-evidence items listed for the reviews held so far, and the number of
    assessments the reviewers recorded seeing at them (two counts, not a ratio: the
    expected items are free text, the assessments are counted by tool)."""
    held = [rp for rp in plan.review_points if rp.outcome is not None]
    expected = sum(len(rp.expected_evidence) for rp in held)
    seen = sum(a.count for rp in held if rp.outcome for a in rp.outcome.evidence_seen)
    return expected, seen


def case_adviser_of(case: Case) -> str:
    """The request's case adviser (free text), else the plan's case adviser role."""
    named = case.request.case_adviser.strip()
    if named or case.plan is None:
        return named
    return next((r.person.strip() for r in case.plan.roles if r.role == "case_adviser"), "")


def plan_times(plan: Plan | None) -> PlanTimes:
    if plan is None:
        return NO_PLAN
    return PlanTimes(
        plan.start_date, plan.end_date, tuple((s.level, s.start) for s in plan.stages),
        plan.current_stage,
        any(rp.is_final and rp.outcome is not None for rp in plan.review_points),
        any(a.status == "proposed" for a in plan.amendments))


def digest_of(case: Case) -> CaseDigest:
    from .archive import closed_on  # lazy, like the deadlines
    from .deadlines import nation_of, open_deadlines  # lazy: working days need holidays
    from .withholding import is_withheld

    plan = case.plan
    expected, seen = _evidence_counts(plan) if plan is not None else (0, 0)
    return CaseDigest(
        id=case.id,
        practitioner=case.practitioner_name,
        practitioner_user=case.request.practitioner.user,
        profession=case.request.practitioner.profession,
        organisation=case.organisation_name,
        plan_type=case.request.plan_type,
        state=case.state,
        has_plan=plan is not None,
        level=plan.current_level if plan is not None else None,
        link_fields=tuple((r.role, r.person, r.user, r.deputy_user)
                          for r in plan.roles) if plan is not None else (),
        review_fields=tuple((rp.id, rp.title, rp.due_on, rp.reviewer)
                            for rp in plan.review_points if rp.outcome is None)
        if plan is not None else (),
        supervisors=tuple(plan_supervisors(plan)) if plan is not None else (),
        last_outcome=last_outcome_code(plan) if plan is not None else "",
        evidence_expected=expected,
        evidence_seen=seen,
        deadline_fields=tuple((name, due) for name, due in open_deadlines(case)),
        nation=nation_of(case),
        withheld=is_withheld(case),
        closed_on=closed_on(case),
        case_adviser=case_adviser_of(case),
        times_fields=tuple(plan_times(plan)),
    )


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if text else None


def to_json(d: CaseDigest) -> list[Any]:
    """A compact JSON value (positional lists: a fifth of the size of keyed objects)."""
    return [
        DIGEST_VERSION, d.id, d.practitioner, d.practitioner_user, d.profession,
        d.organisation, d.plan_type, d.state, d.has_plan, d.level,
        [[r.role, r.person, r.user, r.deputy_user] for r in d.links],
        [[r.id, r.title, r.due_on.isoformat() if r.due_on else None, r.reviewer]
         for r in d.open_reviews],
        list(d.supervisors), d.last_outcome, d.evidence_expected, d.evidence_seen,
        [[x.name, x.due.isoformat()] for x in d.deadlines],
        d.nation, d.withheld, d.closed_on.isoformat() if d.closed_on else None,
        d.case_adviser, _times_json(d.plan_times),
    ]


def _times_json(t: PlanTimes) -> list[Any]:
    return [_iso(t.start), _iso(t.end), [[level, _iso(start)] for level, start in t.stages],
            t.current_stage, t.final_held, t.amendment_proposed]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _times(value: Any) -> PlanTimes:
    start, end, stages, current, final_held, proposed = value
    if type(current) is not int or not isinstance(final_held, bool) \
            or not isinstance(proposed, bool) \
            or not all(type(level) is int for level, _start in stages):
        raise ValueError("digest plan times of the wrong type")
    return PlanTimes(_day(start), _day(end),
                     tuple((level, _day(begins)) for level, begins in stages),
                     current, final_held, proposed)


def from_json(value: Any) -> CaseDigest:
    """The digest `to_json` wrote; ValueError (or TypeError) for anything else."""
    (version, id_, practitioner, practitioner_user, profession, organisation, plan_type,
     state, has_plan, level, links, reviews, supervisors, last_outcome, expected, seen,
     deadlines, nation, withheld, closed, case_adviser, times) = value
    if version != DIGEST_VERSION:
        raise ValueError(f"digest version {version}")
    strings = (id_, practitioner, practitioner_user, profession, organisation, plan_type,
               state, last_outcome, nation, case_adviser)
    if not all(isinstance(s, str) for s in strings) or not isinstance(has_plan, bool) \
            or not isinstance(withheld, bool) \
            or not (level is None or type(level) is int):
        raise ValueError("digest fields of the wrong type")
    return CaseDigest(
        id_, practitioner, practitioner_user, profession, organisation, plan_type, state,
        has_plan, level,
        tuple(_link(r) for r in links),
        tuple((str(i), str(t), _day(due), str(who)) for i, t, due, who in reviews),
        tuple(_strs(supervisors, len(supervisors))), last_outcome, int(expected), int(seen),
        tuple((str(name), date.fromisoformat(due)) for name, due in deadlines),
        nation, withheld, _day(closed), case_adviser, tuple(_times(times)),
    )


def _link(value: Iterable[Any]) -> tuple[str, str, str, str]:
    role, person, user, deputy = _strs(value, 4)
    return role, person, user, deputy


def _strs(values: Iterable[Any], n: int) -> tuple[str, ...]:
    out = tuple(values)
    if len(out) != n or not all(isinstance(v, str) for v in out):
        raise ValueError("digest strings of the wrong shape")
    return out
