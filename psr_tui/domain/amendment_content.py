"""Content amendments item by item (000 8.2): replace who holds a role, add or change an
objective, an activity or a supervision stage, and say exactly what an amendment changes.

The screens build one item; these helpers turn it into the `changes` a content amendment
carries (the whole list, as amendments.propose_amendment takes it, with the one item
added or replaced), so the floor check and the agreement by both parties stay where they
are (domain/amendments.py). `amendment_diff` is what every copy and the agreement dialog
show: the lines a version diff would give once the amendment is applied.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from .amendments import CONTENT_LISTS, apply_changes
from .errors import RuleError
from .plan import Activity, Amendment, Objective, Plan, Role, SupervisionStage
from .plan_diff import version_diff

# What a content amendment item is, by the plan list it goes in.
ITEM_LISTS: dict[type[BaseModel], str] = {
    Role: "roles", Objective: "objectives", Activity: "activities", SupervisionStage: "stages",
}


Item = Role | Objective | Activity | SupervisionStage


def item_change(plan: Plan, item: Item) -> dict[str, Any]:
    """The changes that put `item` in its list: it replaces the item with its id, or is
    added at the end (a stage: in date order, the ladder is read top to bottom)."""
    key = ITEM_LISTS[type(item)]
    current: list[Item] = list(getattr(plan, key))
    known = any(old.id == item.id for old in current)
    replaced = [item if old.id == item.id else old for old in current] if known \
        else [*current, item]
    if replaced == current:
        raise RuleError("Nothing changes: the item is as it is in the plan.", f"changes.{key}")
    if isinstance(item, SupervisionStage):
        ladder = sorted((s for s in replaced if isinstance(s, SupervisionStage)), key=_by_start)
        replaced = list(ladder)
    return {key: [entry.model_dump(mode="json") for entry in replaced]}


def _by_start(stage: SupervisionStage) -> tuple[bool, date]:
    return stage.start is None, stage.start or date.min


def amendment_diff(plan: Plan, amendment: Amendment) -> list[str]:
    """What the amendment changes, line by line: against the plan now while it is
    proposed, against the version before it once agreed; [] when nothing can be said
    (withdrawn, or its versions are not on record)."""
    if amendment.status == "agreed" and amendment.applied_in_version is not None:
        by_number = {v.version: v for v in plan.versions}
        after = by_number.get(amendment.applied_in_version)
        earlier = [v for v in plan.versions if v.version < amendment.applied_in_version]
        if after is None or not earlier:
            return []
        return version_diff(max(earlier, key=lambda v: v.version).content, after.content)
    if amendment.status != "proposed":
        return []
    preview = plan.model_copy(deep=True)
    try:
        apply_changes(preview, amendment.changes)
    except RuleError:
        return []  # a proposal that no longer fits: agreeing it is refused, saying why
    return version_diff(plan.content(), preview.content())


__all__ = ["CONTENT_LISTS", "amendment_diff", "item_change"]
