"""What changed between two versions of a plan, in words (000 8.2-8.3): the one diff
the exports ("Changes from version N"), the amendment lists and the agreement dialog use."""

from __future__ import annotations

from typing import Any


def _items(content: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {str(item.get("id")): item for item in content.get(key) or []}


def _list_diff(
    before: dict[str, Any], after: dict[str, Any], key: str, noun: str, text_field: str
) -> list[str]:
    old, new = _items(before, key), _items(after, key)
    lines = [f"{noun} added: {new[i].get(text_field) or i}" for i in new if i not in old]
    lines += [f"{noun} removed: {old[i].get(text_field) or i}" for i in old if i not in new]
    for i in new:
        if i in old and old[i] != new[i]:
            lines.append(f"{noun} changed: {new[i].get(text_field) or i}")
    return lines


def _review_point_diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = _items(before, "review_points"), _items(after, "review_points")
    lines = [f"Review point added: {new[i].get('title') or i}" for i in new if i not in old]
    lines += [f"Review point removed: {old[i].get('title') or i}" for i in old if i not in new]
    for i in new:
        if i in old and old[i].get("due_on") != new[i].get("due_on"):
            lines.append(
                f"Review point moved: {new[i].get('title') or i}: "
                f"{old[i].get('due_on')} → {new[i].get('due_on')}"
            )
    return lines


def _role_diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Roles by who holds them: a replaced supervisor reads 'old → new', with the deputy
    and the psr-tui user links (which decide who may see the plan) when they change."""
    old, new = _items(before, "roles"), _items(after, "roles")

    def name(role: dict[str, Any]) -> str:
        return str(role.get("role") or "role").replace("_", " ")

    lines = [f"Role added: {name(new[i])}: {new[i].get('person') or 'nobody named'}"
             for i in new if i not in old]
    lines += [f"Role removed: {name(old[i])}: {old[i].get('person') or 'nobody named'}"
              for i in old if i not in new]
    for i in new:
        if i not in old or old[i] == new[i]:
            continue
        parts = [f"{label} {old[i].get(key) or 'none'} → {new[i].get(key) or 'none'}"
                 for key, label in (("person", "person"), ("user", "user"),
                                    ("deputy", "deputy"), ("deputy_user", "deputy's user"))
                 if old[i].get(key) != new[i].get(key)]
        lines.append(f"Role changed: {name(new[i])}: " + ("; ".join(parts) or "details"))
    return lines


def _stage_text(stage: dict[str, Any]) -> str:
    return f"level {stage.get('level')}"


def version_diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Human-readable lines saying what changed between two PlanVersion contents."""
    lines: list[str] = []
    for key, label in (("start_date", "Start date"), ("end_date", "End date")):
        if before.get(key) != after.get(key):
            lines.append(f"{label}: {before.get(key) or 'none'} → {after.get(key) or 'none'}")
    lines += _list_diff(before, after, "objectives", "Objective", "statement")
    lines += _list_diff(before, after, "activities", "Activity", "description")
    lines += _review_point_diff(before, after)
    old_levels = [_stage_text(s) for s in before.get("stages") or []]
    new_levels = [_stage_text(s) for s in after.get("stages") or []]
    if old_levels != new_levels:
        lines.append(
            f"Supervision stages: {', '.join(old_levels) or 'none'} → "
            f"{', '.join(new_levels) or 'none'}"
        )
    lines += _role_diff(before, after)
    for key, label in (
        ("consequences", "Consequences"),
        ("reasonable_adjustments", "Reasonable adjustments"),
    ):
        if before.get(key) != after.get(key):
            lines.append(f"{label} changed")
    return lines
