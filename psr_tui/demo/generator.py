"""Varied, realistic demo cases across every lifecycle state; the same for the same seed.

Case i depends only on (seed, i), so asking for more cases never changes the first ones.
The first three rounds walk every lifecycle state in vocabulary order (so 14 or more cases
cover them all); later cases follow a realistic mix.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from ..domain.case import Case, Completion, Withdrawal
from ..domain.plan import Plan, Signature
from ..domain.vocabulary import Vocabularies, default_vocabularies
from . import delivery
from .discussions import decision, discussions
from .people import CASE_ADVISERS, organisation_for, person
from .plan_builder import draft_plan, shape_for
from .plan_content import IdMaker
from .practice_profiles import PracticeProfile, profile_for
from .requests import request_form
from .timeline import DRAFTING, SCENARIOS, STARTED, Timeline, timeline

STATE_WEIGHTS = {
    "request": 3, "further_information": 2, "accepted": 3, "declined": 2, "draft": 4,
    "issued": 3, "agreed": 3, "active": 14, "paused": 2, "extended": 3, "completed": 7,
    "completed_with_conditions": 2, "not_completed": 2, "withdrawn": 2,
}
PROFESSION_WEIGHTS = {"doctor": 7, "dentist": 2, "pharmacist": 2}
PLAN_TYPE_WEIGHTS = {"both": 5, "remediation": 3, "return_to_work": 3}
# Staggers which running cases are overdue, due this week or on time.
SCENARIO_OFFSET = {"active": 0, "extended": 2}
WITH_PLAN = DRAFTING | STARTED | {"agreed", "withdrawn"}
FOLLOW_UP = {
    "completed": "Full scope restored. Progress checked at the next appraisal; job plan review "
    "in three months.",
    "completed_with_conditions": "Continues at independent practice with review while the "
    "regulator's conditions stand; monthly supervisor meetings until their review.",
    "not_completed": "Objectives not met: referred to the capability procedure; the responsible "
    "officer has informed the {regulator}.",
}


def generate_cases(n: int, today: date, seed: int = 7) -> Iterator[Case]:
    vocab = default_vocabularies()
    states = vocab["lifecycle_states"].codes
    for i in range(n):
        yield demo_case(seed, i, today, vocab, states)


def _pick(rng: random.Random, codes: list[str], weights: dict[str, int]) -> str:
    return rng.choices(codes, weights=[weights.get(c, 1) for c in codes])[0]


def _login(name: str) -> str:
    """'Dr Priya Khan' -> 'pkhan': how the demo's users are named."""
    parts = name.replace("'", "").split()
    return f"{parts[-2][0]}{parts[-1]}".lower() if len(parts) >= 2 else name.lower()


def demo_case(seed: int, i: int, today: date, vocab: Vocabularies, states: list[str]) -> Case:
    rng = random.Random(f"psr-demo:{seed}:{i}")

    def make_id(prefix: str) -> str:
        return f"{prefix}-{rng.getrandbits(32):08x}"

    if i < 3 * len(states):
        state, variant = states[i % len(states)], i // len(states)
    else:
        state, variant = _pick(rng, states, STATE_WEIGHTS), rng.randrange(3)
    professions, plan_types = vocab["professions"].codes, vocab["plan_types"].codes
    profession = professions[i % 3] if i < 9 else _pick(rng, professions, PROFESSION_WEIGHTS)
    plan_type = plan_types[i // 3 % 3] if i < 9 else _pick(rng, plan_types, PLAN_TYPE_WEIGHTS)
    scenario = SCENARIOS[(variant + SCENARIO_OFFSET[state]) % 3] if state in SCENARIO_OFFSET \
        else "on_time"
    profile = profile_for(rng, profession)
    org = organisation_for(rng, profile.care_setting, profile.specialty_group)
    adviser = rng.choice(CASE_ADVISERS)
    t = timeline(rng, state, variant, scenario, today)
    request = request_form(
        rng, vocab, profile, plan_type, person(rng), org, t.received,
        f"PSR-{t.received.year}-{rng.randint(100, 9999):04d}", adviser,
        4 if state == "completed_with_conditions" else None, make_id,
    )
    case = Case(
        id=f"case-{seed:02x}{i:06x}", state=state, request=request,
        created_at=datetime.combine(t.received, time(rng.randint(9, 16), 0), UTC),
        created_by=_login(adviser),
    )
    if t.decided is not None:
        outcome = state if state in ("declined", "further_information") else "accepted"
        case.decision = decision(rng, outcome, t.decided, adviser, variant)
    if t.practitioner_talk and t.organisation_talk:
        case.discussions = discussions(
            rng, profession, t.practitioner_talk, t.organisation_talk,
            request.organisation.contact_name, adviser, engaged=rng.random() > 0.06,
        )
    if state in WITH_PLAN and t.start is not None:
        _plan(rng, case, profile, t, (state, variant, scenario), today, vocab, make_id,
              org.domain)
    return case


def _plan(
    rng: random.Random, case: Case, profile: PracticeProfile, t: Timeline,
    where: tuple[str, int, str], today: date, vocab: Vocabularies, make_id: IdMaker,
    org_domain: str,
) -> None:
    """Draft the plan, then take it as far along the lifecycle as the case's state."""
    state, variant, _ = where
    request = case.request
    assert t.start is not None
    floors = [c.supervision_floor for c in request.conditions if c.supervision_floor]
    shape = shape_for(rng, t.start, t.months, min(floors) if floors else None)
    why = (f"Addresses the concerns in the request and prepares for the role on completion "
           f"({request.role_on_completion}).")
    levels = vocab["supervision_levels"]
    plan = draft_plan(rng, request, profile, shape, org_domain, why, make_id,
                      lambda level: levels.label(str(level)))
    case.plan = plan
    if state == "draft":
        return
    assert t.issued is not None
    delivery.issue(plan, t.issued, _login(request.case_adviser))
    case.first_draft_issued_on = t.issued
    ro = next(r for r in plan.roles if r.role == "responsible_officer")
    if state in ("issued", "withdrawn") and t.signed is None:
        if variant % 3 == 1 or state == "withdrawn":
            signed = min(t.issued + timedelta(days=rng.randint(1, 5)), today)
            plan.agreement.organisation = Signature(name=ro.person, role="Responsible officer",
                                                    signed_on=signed)
        if state == "withdrawn":
            _withdraw(rng, case, t.issued, today, "The practitioner resigned before the plan "
                      "was agreed, to take up a post overseas.")
        return
    assert t.signed is not None
    delivery.sign_both(
        plan, Signature(name=ro.person, role="Responsible officer", signed_on=t.signed),
        Signature(name=request.practitioner.name, role="Practitioner",
                  signed_on=t.signed - timedelta(days=rng.randint(0, 3))),
    )
    if state == "agreed":
        return
    _deliver(rng, case, plan, where, today, vocab, make_id, profile.wbas)


def _code_for(state: str, variant: int, plan: Plan, index: int, last: bool) -> str:
    """The outcome of the index-th recorded review; `last` marks the last one recorded."""
    if state == "paused" and last:
        return "refer"
    if state == "extended" and last:
        return "insufficient"
    if state == "not_completed":
        return "refer" if last else {0: "step_down", 1: "concern"}.get(index, "remain")
    if state == "active" and variant == 1 and index == 1:
        return "concern" if plan.current_stage > 0 else "remain"
    at_top = plan.current_stage >= len(plan.stages) - 1
    return "remain" if at_top else "step_down"


def _deliver(
    rng: random.Random, case: Case, plan: Plan, where: tuple[str, int, str], today: date,
    vocab: Vocabularies, make_id: IdMaker, tools: tuple[str, ...],
) -> None:
    """Record outcomes on past review points, consistently with the stage they move."""
    state, variant, scenario = where
    past = [rp for rp in plan.review_points if rp.due_on and rp.due_on < today]
    to_record = list(past)
    if state == "not_completed":
        to_record = [rp for rp in past if not rp.is_final]
    elif scenario == "overdue":
        to_record = past[:-1]  # the latest review is overdue: nobody recorded it
    cs = next(r for r in plan.roles if r.role == "clinical_supervisor")
    login = _login(cs.person)
    ro = next(r for r in plan.roles if r.role == "responsible_officer")
    yesterday = today - timedelta(days=1)
    for index, rp in enumerate(to_record):
        assert rp.due_on is not None
        if not rp.is_final and rng.random() < 0.15 and rp.due_on + timedelta(days=16) < today:
            moved = rp.due_on + timedelta(days=rng.randint(7, 14))
            delivery.not_held(plan, rp, rp.due_on, delivery.at_work(rp.due_on, rng), login,
                              "Clinical supervisor on leave; deputy not yet trained.", moved)
        code = _code_for(state, variant, plan, index, index == len(to_record) - 1)
        held = delivery.held_date(rng, rp.due_on, today)
        recorded = delivery.at_work(min(held + timedelta(days=rng.randint(0, 2)), yesterday), rng)
        good = code in ("step_down", "remain", "ahead")
        delivery.record(plan, rp, code, held, recorded, login,
                        delivery.evidence_seen(rng, tools, good, vocab), vocab)
        if code == "insufficient":
            signed = min(held + timedelta(days=rng.randint(3, 10)), yesterday)
            delivery.extend(
                plan, rp, 2, Signature(name=ro.person, role="Responsible officer",
                                       signed_on=signed),
                Signature(name=case.request.practitioner.name, role="Practitioner",
                          signed_on=signed), login, make_id,
            )
    last_held = max((rp.outcome.held_on for rp in to_record if rp.outcome and
                     rp.outcome.held_on), default=plan.start_date or today)
    if state in FOLLOW_UP:
        regulator = case.request.practitioner.regulator
        case.completion = Completion(
            outcome=state, signed_by=ro.person, role="Responsible officer",
            signed_on=min(last_held + timedelta(days=rng.randint(1, 10)), yesterday),
            follow_up=FOLLOW_UP[state].format(regulator=regulator),
        )
    elif state == "withdrawn":
        _withdraw(rng, case, last_held, today, "The practitioner retired; the organisation and "
                  "the practitioner agreed to end the plan.")


def _withdraw(rng: random.Random, case: Case, after: date, today: date, reason: str) -> None:
    on = min(after + timedelta(days=rng.randint(3, 20)), today - timedelta(days=1))
    case.withdrawal = Withdrawal(reason=reason, withdrawn_on=on,
                                 withdrawn_by=_login(case.request.case_adviser))
