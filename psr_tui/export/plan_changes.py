"""What changed between the last two agreed versions of a plan (000 8.2-8.3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.plan import Plan

Diff = Callable[[dict[str, Any], dict[str, Any]], list[str]]


def _by_id(content: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {str(item.get("id")): item for item in content.get(key) or []}


def _own_diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """End date, objectives and review points: used when the amendment rules are absent."""
    lines: list[str] = []
    if before.get("end_date") != after.get("end_date"):
        lines.append(f"End date: {before.get('end_date') or 'none'} → "
                     f"{after.get('end_date') or 'none'}")
    old, new = _by_id(before, "objectives"), _by_id(after, "objectives")
    lines += [f"Objective added: {new[i].get('statement')}" for i in new if i not in old]
    lines += [f"Objective removed: {old[i].get('statement')}" for i in old if i not in new]
    lines += [f"Objective changed: {new[i].get('statement')}"
              for i in new if i in old and old[i] != new[i]]
    old, new = _by_id(before, "review_points"), _by_id(after, "review_points")
    lines += [f"Review point added: {new[i].get('title')}" for i in new if i not in old]
    lines += [f"Review point removed: {old[i].get('title')}" for i in old if i not in new]
    lines += [
        f"Review point moved: {new[i].get('title')}: {old[i].get('due_on')} → "
        f"{new[i].get('due_on')}"
        for i in new if i in old and old[i].get("due_on") != new[i].get("due_on")
    ]
    return lines


def _diff() -> Diff:
    try:
        from ..domain.amendments import version_diff
    except ImportError:
        return _own_diff
    return version_diff


def changes_from_previous(plan: Plan) -> tuple[int, list[str]] | None:
    """(previous version number, change lines) when more than one version was agreed."""
    agreed = sorted((v for v in plan.versions if v.status == "agreed"), key=lambda v: v.version)
    if len(agreed) < 2:
        return None
    before, after = agreed[-2], agreed[-1]
    return before.version, _diff()(before.content, after.content)
