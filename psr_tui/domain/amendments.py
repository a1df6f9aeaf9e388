"""Amendments to a running plan: both parties agree before a change takes effect (000 8.2-8.3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from .case import Case
from .deadlines import DEFAULT_NATION, nation_of
from .errors import RuleError
from .plan import (
    Activity,
    Amendment,
    Objective,
    Plan,
    PlanVersion,
    ReviewPoint,
    Role,
    Signature,
    SupervisionStage,
)
from .signatories import signatory_name
from .supervision import require_ladder_within_floor
from .timetable import fit_schedule_to_end

KINDS = ("duration", "content")
PARTIES = ("organisation", "practitioner")
AMENDABLE_STATES = frozenset({"active", "extended", "paused"})
# Lists a content amendment may replace, and the model each item must fit.
CONTENT_LISTS: dict[str, type[BaseModel]] = {
    "objectives": Objective,
    "activities": Activity,
    "review_points": ReviewPoint,
    "stages": SupervisionStage,
    "roles": Role,
}
CONTENT_TEXT = ("consequences", "reasonable_adjustments")


def _plan(case: Case) -> Plan:
    if case.plan is None:
        raise RuleError("This case has no plan.", "plan")
    return case.plan


def _new_end(plan: Plan, value: Any) -> date:
    try:
        end = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError as exc:
        raise RuleError(f"'{value}' is not a date (YYYY-MM-DD).", "changes.end_date") from exc
    if plan.start_date is not None and end <= plan.start_date:
        raise RuleError("The new end date must be after the plan start.", "changes.end_date")
    if end == plan.end_date:
        raise RuleError("The new end date is the current one.", "changes.end_date")
    return end


@dataclass(frozen=True)
class EndDateChange:
    """A duration amendment's new end and the end it replaces (None when not known)."""

    after: date
    before: date | None = None

    @property
    def days(self) -> int:
        """Days added to the plan (negative: the plan is shortened; 0 when not known)."""
        return (self.after - self.before).days if self.before else 0

    def describe(self, fmt: Callable[[date], str] = date.isoformat) -> str:
        """'SHORTENS the plan by 32 days: ends 2026-12-01 instead of 2027-01-02'."""
        if self.before is None:
            return f"New end date: {fmt(self.after)}"
        ends = f"ends {fmt(self.after)} instead of {fmt(self.before)}"
        if self.days < 0:
            return f"SHORTENS the plan by {-self.days} days: {ends}"
        return f"Extends the plan by {self.days} days: {ends}"


def _end_before(plan: Plan, amendment: Amendment) -> date | None:
    """The end an amendment replaces: the plan's end while it is proposed; once agreed,
    the end in the version before the one it made."""
    if amendment.status == "proposed":
        return plan.end_date
    if amendment.status != "agreed" or amendment.applied_in_version is None:
        return None
    earlier = [v for v in plan.versions if v.version < amendment.applied_in_version]
    if not earlier:
        return None
    raw = max(earlier, key=lambda v: v.version).content.get("end_date")
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def end_date_change(plan: Plan, amendment: Amendment) -> EndDateChange | None:
    """What an amendment does to the plan's end date (None when it leaves it alone), so
    every list of amendments shows it and the description is not the only record."""
    raw = amendment.changes.get("end_date")
    if raw is None:
        return None
    try:
        after = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    except ValueError:
        return None
    return EndDateChange(after, _end_before(plan, amendment))


def _content_items(key: str, items: Any) -> list[Any]:
    if not isinstance(items, list):
        raise RuleError(f"'{key}' must be a list.", f"changes.{key}")
    model = CONTENT_LISTS[key]
    try:
        return [model.model_validate(item) for item in items]
    except ValidationError as exc:
        raise RuleError(f"{key}: {exc.errors()[0]['msg']}", f"changes.{key}") from exc


def _check_floor(case: Case, changes: dict[str, Any]) -> None:
    """New stages never step past a condition's floor, checked when proposed and again
    when agreed (a condition may have been added in between)."""
    if "stages" in changes:
        stages = _content_items("stages", changes["stages"])
        require_ladder_within_floor(case, stages, "changes.stages")


def _check_changes(plan: Plan, kind: str, changes: dict[str, Any]) -> None:
    if not changes:
        raise RuleError("Say what the amendment changes.", "changes")
    if kind == "duration":
        if set(changes) != {"end_date"}:
            raise RuleError("A duration amendment changes the end date only.", "changes")
        _new_end(plan, changes["end_date"])
        return
    allowed = set(CONTENT_LISTS) | set(CONTENT_TEXT)
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise RuleError(f"A content amendment cannot change {', '.join(unknown)}.", "changes")
    for key in set(changes) & set(CONTENT_LISTS):
        _content_items(key, changes[key])


def propose_amendment(
    case: Case, kind: str, description: str, changes: dict[str, Any], user: str, today: date
) -> Amendment:
    """Propose a change to a running plan's duration or content; nothing changes yet."""
    plan = _plan(case)
    if case.state not in AMENDABLE_STATES:
        raise RuleError(
            "Only a running plan is amended; before it starts, start a new version.", "state"
        )
    if kind not in KINDS:
        raise RuleError(f"Unknown amendment kind '{kind}'.", "kind")
    if not description.strip():
        raise RuleError("Describe the amendment.", "description")
    _check_changes(plan, kind, changes)
    _check_floor(case, changes)
    if kind == "duration" and any(
        a.kind == "duration" and a.status == "proposed" for a in plan.amendments
    ):
        # Two pending end dates would contradict each other.
        raise RuleError("A change of duration is already awaiting agreement.", "amendments")
    amendment = Amendment(
        kind=kind,
        description=description.strip(),
        proposed_by=user,
        proposed_on=today,
        changes=dict(changes),
    )
    plan.amendments.append(amendment)
    return amendment


def _amendment(plan: Plan, amendment_id: str) -> Amendment:
    found = next((a for a in plan.amendments if a.id == amendment_id), None)
    if found is None:
        raise RuleError(f"Unknown amendment '{amendment_id}'.", "amendments")
    if found.status != "proposed":
        raise RuleError(f"This amendment is already {found.status}.", "amendments")
    return found


def _replace_review_points(plan: Plan, items: list[ReviewPoint]) -> None:
    """Recorded review outcomes are history: an amendment cannot remove or rewrite them."""
    new_ids = {rp.id for rp in items}
    for old in plan.review_points:
        if old.outcome is not None and old.id not in new_ids:
            raise RuleError(
                f"'{old.title}' has a recorded outcome and cannot be removed.", "changes"
            )
    by_id = {rp.id: rp for rp in plan.review_points}
    for rp in items:
        kept = by_id.get(rp.id)
        if kept is not None:
            rp.outcome, rp.history = kept.outcome, kept.history
    plan.review_points = items


def _apply(plan: Plan, amendment: Amendment, nation: str) -> None:
    apply_changes(plan, amendment.changes, nation)


def apply_changes(plan: Plan, changes: dict[str, Any], nation: str = DEFAULT_NATION) -> None:
    """Put an amendment's changes into `plan` (agreement applies them; a preview of a
    proposal applies them to a copy: domain/amendment_content.amendment_diff); a moved end
    keeps the final review on a working day in the organisation's nation."""
    if "end_date" in changes:
        old_end = plan.end_date
        plan.end_date = _new_end(plan, changes["end_date"])
        if "stages" not in changes and "review_points" not in changes:
            fit_schedule_to_end(plan, old_end, nation)  # final review on a working day there
    for key in CONTENT_LISTS:
        if key not in changes:
            continue
        items = _content_items(key, changes[key])
        if key == "review_points":
            _replace_review_points(plan, items)
        else:
            setattr(plan, key, items)
    for key in CONTENT_TEXT:
        if key in changes:
            setattr(plan, key, str(changes[key]))
    if plan.stages:
        plan.current_stage = min(plan.current_stage, len(plan.stages) - 1)


def agree_amendment(
    case: Case, amendment_id: str, party: str, name: str, role: str, today: date, *,
    recorded_by: str,
) -> Amendment:
    """One party agrees; once both have, the change is applied as a new agreed version.

    `recorded_by` is the acting user (the party, or an adviser recording it for them)."""
    plan = _plan(case)
    amendment = _amendment(plan, amendment_id)
    if party not in PARTIES:
        raise RuleError(f"Unknown party '{party}': organisation or practitioner.", "party")
    name = signatory_name(name, f"amendments.{party}", "The agreement needs a name.")
    if getattr(amendment, party) is not None:
        raise RuleError(f"The {party} has already agreed this amendment.", f"amendments.{party}")
    _check_floor(case, amendment.changes)
    setattr(amendment, party, Signature(name=name.strip(), role=role, signed_on=today,
                                        recorded_by=recorded_by))
    if amendment.organisation is None or amendment.practitioner is None:
        return amendment
    end_before = plan.end_date
    _apply(plan, amendment, nation_of(case))
    plan.version += 1
    plan.versions.append(
        PlanVersion(
            version=plan.version,
            status="agreed",
            issued_on=today,
            issued_by=name.strip(),
            content=plan.content(),
        )
    )
    amendment.status = "agreed"
    amendment.applied_in_version = plan.version
    moved_later = (
        end_before is not None and plan.end_date is not None and (plan.end_date > end_before)
    )
    if moved_later and case.state == "active":
        case.state = "extended"
    return amendment


def withdraw_amendment(
    case: Case, amendment_id: str, user: str, today: date, reason: str = ""
) -> Amendment:
    """Drop a proposal nobody will agree to; it stays on record as withdrawn."""
    amendment = _amendment(_plan(case), amendment_id)
    amendment.status = "withdrawn"
    why = f": {reason.strip()}" if reason.strip() else ""
    amendment.description += f"\nWithdrawn by {user} on {today.isoformat()}{why}"
    return amendment
