"""Signing the issued version of a plan: either party signs, or corrects their signature,
until both have and the plan is agreed (000 7.4) and frozen.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from .case import Case
from .errors import RuleError
from .lifecycle import plan_of
from .plan import PlanVersion, Signature
from .signatories import check_signed_on, signatory_name
from .supervision import require_ladder_within_floor

Party = Literal["organisation", "practitioner"]
PARTIES: tuple[Party, ...] = ("organisation", "practitioner")


def _check_party(party: str) -> Party:
    if party not in PARTIES:
        raise RuleError(f"Unknown party '{party}': organisation or practitioner.", "party")
    return party  # narrowed to Party by the membership test above


def signing_open(case: Case) -> bool:
    """Whether the issued version can be signed now: either party signs, or corrects the
    signature they gave, until both have signed and the version is agreed (then frozen)."""
    plan = case.plan
    if plan is None or plan.status != "issued" or case.state != "issued":
        return False
    return any(v.version == plan.version and v.status == "issued" for v in plan.versions)


def sign(
    case: Case, party: str, name: str, role: str, signed_on: date, today: date, *,
    recorded_by: str,
) -> None:
    """One party signs the issued version, or corrects their signature while the other has
    not signed yet; when both have, the plan is agreed (000 7.4) and frozen.

    `recorded_by` is the acting user: the signatory themself, or an adviser entering a
    signature given on paper (the export then says "recorded by X for Y")."""
    plan = plan_of(case)
    party = _check_party(party)
    if not signing_open(case):
        if plan.status == "agreed":
            raise RuleError(
                f"Version {plan.version} is agreed by both: its signatures are final.",
                f"plan.agreement.{party}",
            )
        raise RuleError(
            f"Version {plan.version} has not been issued: issue it before signing.", "plan.status"
        )
    at = f"plan.agreement.{party}"
    name = signatory_name(name, f"{at}.name", "The signature needs a name.")
    check_signed_on(signed_on, today, f"{at}.signed_on")
    # A condition may have been added since the version was issued: nobody signs up to
    # a ladder that breaches it.
    require_ladder_within_floor(case, plan.stages, "plan.stages")
    setattr(plan.agreement, party, Signature(name=name, role=role, signed_on=signed_on,
                                             recorded_by=recorded_by))
    if plan.agreement.fully_signed:
        plan.status = "agreed"
        case.state = "agreed"
        plan.versions.append(
            PlanVersion(
                version=plan.version,
                status="agreed",
                issued_on=signed_on,
                issued_by=name,
                content=plan.content(),
            )
        )


