"""Section 1: objectives by domain, each written SMART; "suggest" starts them from the intake."""

from __future__ import annotations

from typing import Any

from ....domain.case import Case
from ....domain.plan import Objective, Plan
from ...dialogs.objective_form import ObjectiveDialog
from ...dialogs.plan_item_form import PlanItemDialog, Submit, Values
from ...wording import clipped
from .dates import short, typed_date
from .list_section import ListSection
from .section import fresh_plan


def objective_from(case: Case, item: Objective, values: Values) -> Objective:
    """The objective the form's values make (the builder's edit and a content amendment)."""
    return item.model_copy(update={
        "domain": values["domain"],
        "statement": values["statement"],
        "measure": values["measure"],
        "achievable": values["achievable"],
        "relevant": values["relevant"],
        "target_date": typed_date(values["target_date"], "target_date"),
        "suggested": False,  # saving an edit accepts a suggestion
    })


class ObjectivesSection(ListSection):
    KEY = "objectives"
    LABEL = "Objectives"
    COLLECTION = "objectives"
    NOUN = "objective"
    # "#" is the objective's number in the exported plan (its stored order), which the
    # activities list and the activity dialog use too.
    COLUMNS = ("#", "Domain", "Objective (specific)", "Measure", "Target")
    HINT = "SMART objectives by domain · a add · s suggest from the intake"
    # Shown grouped by domain, so moving an objective would not show: no reordering here.
    ACTIONS = frozenset({"add", "edit", "remove", "suggest", "accept"})

    def row(self, item: Objective, index: int) -> tuple[str, ...]:
        domain = self.vocab["objective_domains"].label(item.domain) if item.domain else "—"
        plan = self.plan
        ids = [o.id for o in plan.objectives] if plan else []
        number = str(ids.index(item.id) + 1) if item.id in ids else ""
        return (number, domain, clipped(item.statement, 27), clipped(item.measure, 17),
                short(item.target_date))

    def items(self, plan: Plan) -> list[Any]:
        # Grouped by domain in the vocabulary's order; the stored order within a domain.
        order = {code: i for i, code in enumerate(self.vocab["objective_domains"].codes)}
        return sorted(plan.objectives, key=lambda o: order.get(o.domain, len(order)))

    def new_item(self, plan: Plan) -> Objective:
        return Objective(target_date=plan.end_date)

    def dialog(self, item: Objective, submit: Submit) -> PlanItemDialog:
        return ObjectiveDialog(item, self.vocab, submit)

    def apply(self, case: Case, item: Objective, values: Values) -> Objective:
        return objective_from(case, item, values)

    def describe(self, item: Objective) -> str:
        return item.statement or self.vocab["objective_domains"].label(item.domain)

    def detail(self, item: Objective) -> str:
        domain = self.vocab["objective_domains"].label(item.domain) if item.domain else "—"
        parts = [f"{domain}: {item.statement or '(no statement)'}"]
        if item.measure:
            parts.append(f"Measure: {item.measure}")
        if item.target_date:
            parts.append(f"By {short(item.target_date)}")
        return " · ".join(parts)

    def after_remove(self, plan: Plan, item_id: str) -> None:
        # An activity must not keep pointing at an objective that is gone.
        for activity in plan.activities:
            activity.objective_ids = [i for i in activity.objective_ids if i != item_id]

    def suggest(self) -> None:
        """Add suggested objectives for domains the plan does not cover yet."""
        from ....domain.suggestions import suggest_objectives

        added: list[str] = []

        def change(case: Case) -> None:
            plan = fresh_plan(case)
            present = {o.domain for o in plan.objectives}
            for objective in suggest_objectives(case, self.vocab):
                if objective.domain not in present:
                    present.add(objective.domain)
                    plan.objectives.append(objective)
                    added.append(objective.domain)
            if not added:
                from ....domain.errors import RuleError

                raise RuleError("Every suggested domain is already in the plan.", "")

        labels = self.vocab["objective_domains"]
        self.save(change, "plan.objectives.suggest", "suggested objectives from the intake",
                  then=lambda: self.say("Added: " + ", ".join(labels.label(d) for d in added)))

