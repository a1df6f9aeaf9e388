"""What changed between the last two agreed versions of a plan (000 8.2-8.3)."""

from __future__ import annotations

from ..domain.amendment_content import amendment_diff
from ..domain.amendments import end_date_change
from ..domain.plan import Amendment, Plan
from ..domain.plan_diff import version_diff
from .sections import fmt_date


def changes_from_previous(plan: Plan) -> tuple[int, list[str]] | None:
    """(previous version number, change lines) when more than one version was agreed."""
    agreed = sorted((v for v in plan.versions if v.status == "agreed"), key=lambda v: v.version)
    if len(agreed) < 2:
        return None
    before, after = agreed[-2], agreed[-1]
    return before.version, version_diff(before.content, after.content)


def amendment_text(plan: Plan, amendment: Amendment) -> str:
    """The description and what the amendment actually changes: for a new end date the
    dates themselves, for content the diff (a supervisor replaced, an objective added...).
    The description is free text and may not say, or may contradict, what changes."""
    change = end_date_change(plan, amendment)
    if change is not None:
        return f"{amendment.description} ({change.describe(fmt_date)})"
    lines = amendment_diff(plan, amendment)
    return f"{amendment.description} (changes: {'; '.join(lines)})" if lines \
        else amendment.description
