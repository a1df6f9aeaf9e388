"""Suggested plan items: drafted by the app, shaped by the adviser one key each.

A new plan's objectives, activities and ladder stages come from its template (or the
intake's suggestions and the default ladder), and `s` in the builder suggests objectives:
each is marked `suggested` until the adviser accepts it as it is, edits it (saving an edit
accepts it) or drops it (no confirmation: it can be suggested again). The checker counts
those not yet accepted, so none reaches an issued draft unseen.
"""

from __future__ import annotations

from typing import Any

from .errors import RuleError
from .plan import Plan

# The plan lists whose items can be suggested, and what one item is called.
SUGGESTABLE = {"objectives": "objective", "activities": "activity", "stages": "stage"}


def _items(plan: Plan, collection: str) -> list[Any]:
    if collection not in SUGGESTABLE:
        raise ValueError(f"{collection} holds no suggestions")
    items: list[Any] = getattr(plan, collection)
    return items


def mark_suggested(plan: Plan) -> None:
    """Every objective, activity and stage of a freshly drafted plan is a suggestion."""
    for collection in SUGGESTABLE:
        for item in _items(plan, collection):
            item.suggested = True


def pending(plan: Plan) -> list[tuple[str, str]]:
    """(collection, item id) of every suggestion not yet accepted, in the order the plan
    is read."""
    return [(collection, item.id) for collection in SUGGESTABLE
            for item in _items(plan, collection) if item.suggested]


def suggested_item(plan: Plan, collection: str, item_id: str) -> Any:
    """The suggestion itself; a RuleError when it is gone or was accepted meanwhile (by
    someone else: the change is decided on a fresh read)."""
    noun = SUGGESTABLE.get(collection, "item")
    item = next((i for i in _items(plan, collection) if i.id == item_id), None)
    if item is None:
        raise RuleError(f"This {noun} was removed by someone else.", "")
    if not item.suggested:
        raise RuleError(f"This {noun} is already accepted.", "")
    return item


def accept_suggestion(plan: Plan, collection: str, item_id: str) -> None:
    suggested_item(plan, collection, item_id).suggested = False
