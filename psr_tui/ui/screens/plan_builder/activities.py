"""Section 2: activities from the vocabulary, each serving objectives, with evidence and owner."""

from __future__ import annotations

from ....domain.assessments import frequency_text, refresh_expected_evidence
from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Activity, Plan
from ...dialogs.activity_form import ActivityDialog, activity_kinds
from ...dialogs.plan_item_form import PlanItemDialog, Submit, Values
from ...wording import clipped
from .list_section import ListSection


def activity_from(case: Case, item: Activity, values: Values) -> Activity:
    """The activity the form's values make (the builder's edit and a content amendment)."""
    plan = case.plan
    assert plan is not None
    known = {o.id for o in plan.objectives}
    missing = [i for i in values["objective_ids"] if i not in known]
    if missing:
        raise RuleError("An objective it served was removed by someone else: reload.",
                        "objective_ids")
    return item.model_copy(update={
        "kind": values["kind"],
        "description": values["description"],
        "objective_ids": list(values["objective_ids"]),
        "evidence": values["evidence"],
        "responsible": values["responsible"],
        "frequency": values["frequency"],
        "count": values["count"],
        "per": values["per"],
        "suggested": False,  # saving an edit accepts a suggestion
    })


class ActivitiesSection(ListSection):
    KEY = "activities"
    LABEL = "Activities"
    COLLECTION = "activities"
    NOUN = "activity"
    COLUMNS = ("Activity", "Objectives", "Evidence", "Responsible")
    HINT = "What the practitioner does, for which objectives, producing what evidence"
    ACTIONS = ListSection.ACTIONS | {"accept"}  # y: a suggested activity as it is

    def kind_label(self, code: str) -> str:
        return dict((c, label) for label, c in activity_kinds(self.vocab)).get(code, code)

    def row(self, item: Activity, index: int) -> tuple[str, ...]:
        plan = self.plan
        numbers = []
        if plan is not None:
            # Numbered as in the exported plan and the objectives list: stored order.
            order = [o.id for o in plan.objectives]
            numbers = [str(order.index(i) + 1) for i in item.objective_ids if i in order]
        return (
            clipped(self.kind_label(item.kind) or "—", 26),
            ",".join(numbers) or "none",
            clipped(item.evidence, 20),
            clipped(self.responsible_label(item.responsible), 18),
        )

    def responsible_label(self, responsible: str) -> str:
        plan = self.plan
        role = next((r for r in plan.roles if r.id == responsible), None) if plan else None
        if role is None:
            return responsible or "—"
        return role.person or self.vocab["roles"].label(role.role)

    def new_item(self, plan: Plan) -> Activity:
        return Activity()

    def add_for(self, objective_id: str) -> None:
        """Add an activity already serving one objective (the checker's "no activity yet")."""
        if self.plan is not None:
            self._open(Activity(objective_ids=[objective_id]), is_new=True)

    def dialog(self, item: Activity, submit: Submit) -> PlanItemDialog:
        plan = self.plan
        assert plan is not None
        return ActivityDialog(item, plan, self.vocab, submit)

    def apply(self, case: Case, item: Activity, values: Values) -> Activity:
        return activity_from(case, item, values)

    def after_change(self, plan: Plan) -> None:
        refresh_expected_evidence(plan, self.vocab)

    def detail(self, item: Activity) -> str:
        parts = [self.describe(item) or "—"]
        how_often = frequency_text(item, self.vocab)
        if how_often:
            parts.append(how_often)
        plan = self.plan
        if plan is not None and item.objective_ids:
            order = [o.id for o in plan.objectives]
            numbers = [str(order.index(i) + 1) for i in item.objective_ids if i in order]
            parts.append("objectives " + ", ".join(numbers))
        if item.evidence:
            parts.append(f"evidence: {item.evidence}")
        parts.append(f"responsible: {self.responsible_label(item.responsible)}")
        return " · ".join(parts)

    def describe(self, item: Activity) -> str:
        return self.kind_label(item.kind) + (f": {item.description}" if item.description else "")
