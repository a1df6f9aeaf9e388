"""Demo decisions on requests and the two discussions before drafting (000 4.5-4.6).

What the practitioner says is confidential: these notes are written so that seeing one in
the organisation's copy would be an obvious leak.
"""

from __future__ import annotations

import random
from datetime import date

from ..domain.case import Discussion, Discussions, PractitionerDiscussion, RequestDecision

DECLINED: tuple[tuple[str, str], ...] = (
    ("The concerns are about conduct under an open disciplinary process; a plan would not be "
     "appropriate until it concludes.",
     "Advice call with the Case Adviser on handling the disciplinary process; re-refer after."),
    ("Occupational health advises the practitioner is not currently fit to take part.",
     "Health-related advice from PPA; a new request once occupational health confirms fitness."),
    ("The difficulties described are in the team as a whole rather than one practitioner.",
     "A PPA team review (facilitated intervention for the department)."),
    ("The concerns have not yet been assessed, so there is nothing specific for a plan to "
     "address.",
     "A PPA clinical performance assessment, with a plan considered afterwards."),
)

FURTHER_INFORMATION = (
    "The investigation report and the current job plan are needed before a decision.",
    "Please confirm the conditions the regulator has imposed and when they will be reviewed.",
    "Please share the request with the practitioner, or record why it cannot be shared.",
)

PRACTITIONER_NOTES = (
    "Believes the concerns began after a dispute with a colleague over theatre lists. Has been "
    "seeing their GP for anxiety and poor sleep and asked that the organisation is not told.",
    "Says the investigation has hung over them for a year and they considered resigning. Would "
    "prefer a supervisor from outside the department and does not trust the clinical lead.",
    "Acknowledges the complaints and paid privately for a communication course. Worried about "
    "being 'set up to fail'; asked that this is not repeated to the medical director.",
    "Disclosed a bereavement around the time of the incident that affected concentration; "
    "does not want this in the organisation's copy of anything.",
    "Is taking legal advice about the restriction. Keen on coaching; wary of a mentor chosen by "
    "the organisation. Finances are strained by the loss of on-call pay.",
)

ORGANISATION_NOTES = (
    "Expects a return to the full rota within the plan. Job plan reduced during the plan; "
    "supervisor and deputy identified. Barrier: capacity for supervised sessions.",
    "Wants measurable improvement in team relationships as well as clinical currency. Funding "
    "agreed for coaching; HR will coordinate the job plan.",
    "Patient safety is the priority: close supervision at first is essential. Willing to "
    "arrange a placement at a neighbouring site if the team cannot supervise.",
)

REPRESENTATIVES = {
    "doctor": ("BMA employment adviser", "MDU medico-legal adviser", "MPS medico-legal adviser"),
    "dentist": ("BDA adviser", "DDU dento-legal adviser"),
    "pharmacist": ("PDA union representative",),
}


def decision(
    rng: random.Random, outcome: str, on: date, by: str, variant: int = 0
) -> RequestDecision:
    if outcome == "declined":
        reason, alternative = DECLINED[variant % len(DECLINED)]
        return RequestDecision(outcome=outcome, decided_on=on, decided_by=by, reason=reason,
                               alternative_offered=alternative)
    if outcome == "further_information":
        return RequestDecision(outcome=outcome, decided_on=on, decided_by=by,
                               reason=rng.choice(FURTHER_INFORMATION))
    return RequestDecision(outcome=outcome, decided_on=on, decided_by=by,
                           reason="Meets the criteria for a PSR action plan.")


def discussions(
    rng: random.Random, profession: str, practitioner_on: date, organisation_on: date,
    contact: str, adviser: str, engaged: bool = True,
) -> Discussions:
    organisation = Discussion(
        held_on=organisation_on, duration_minutes=rng.choice((25, 30, 35)),
        attendees=f"{contact}; HR lead; {adviser} (Case Adviser)",
        notes=rng.choice(ORGANISATION_NOTES),
    )
    if not engaged:
        return Discussions(
            organisation=organisation, practitioner_did_not_engage=True,
            organisation_consulted=True,
            non_engagement_note="Two invitations by e-mail and one by letter went unanswered; "
            "the organisation agreed the plan is drafted from what is known.",
        )
    representative = rng.choice(REPRESENTATIVES[profession]) if rng.random() < 0.4 else ""
    return Discussions(
        practitioner=PractitionerDiscussion(
            held_on=practitioner_on, duration_minutes=rng.choice((45, 50, 55, 60)),
            attendees=f"Practitioner; {adviser} (Case Adviser)",
            representative=representative, notes=rng.choice(PRACTITIONER_NOTES),
        ),
        organisation=organisation,
    )
