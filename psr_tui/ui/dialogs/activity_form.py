"""Edit one activity: its kind, the objectives it serves, its evidence and who is responsible."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.plan import Activity, Plan
from ...domain.vocabulary import Vocabularies
from ..widgets.form_field import FormField
from .plan_item_form import (
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_select,
    labelled_selection,
    options_with_current,
)


def activity_kinds(vocab: Vocabularies) -> list[tuple[str, str]]:
    """The activity vocabulary, then each workplace-based assessment tool by its own code."""
    kinds = vocab["activity_types"].options()
    kinds += [(f"WBA: {label}", code) for label, code in vocab["wba_types"].options()]
    return kinds


def responsible_options(plan: Plan, vocab: Vocabularies) -> list[tuple[str, str]]:
    """The plan's roles, as "Clinical supervisor: Dr A" -> role id."""
    options = []
    for role in plan.roles:
        label = vocab["roles"].label(role.role)
        options.append((f"{label}: {role.person}" if role.person else label, role.id))
    return options


def _count_check(text: str) -> str | None:
    text = text.strip()
    return None if not text or (text.isdigit() and 1 <= int(text) <= 99) else "1 to 99"


class ActivityDialog(PlanItemDialog):
    TITLE_TEXT = "Activity"

    def __init__(self, activity: Activity, plan: Plan, vocab: Vocabularies, submit: Submit,
                 reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.activity = activity
        self.plan = plan
        self.vocab = vocab

    def compose_fields(self) -> ComposeResult:
        a = self.activity
        kinds = options_with_current(activity_kinds(self.vocab), a.kind)
        yield labelled_select("Kind of activity", kinds, a.kind, "kind")
        yield FormField("What happens (detail)", a.description, field_id="description")
        objectives = [
            (f"{n}. {self.vocab['objective_domains'].label(o.domain)}: {o.statement or o.id}",
             o.id)
            for n, o in enumerate(self.plan.objectives, start=1)
        ]
        yield labelled_selection("Objectives it serves (space toggles)", objectives,
                                 a.objective_ids, "objective_ids")
        yield FormField("Evidence it produces", a.evidence, field_id="evidence")
        roles = responsible_options(self.plan, self.vocab)
        is_role = a.responsible in {rid for _, rid in roles}
        yield labelled_select("Responsible: a role in the plan", roles,
                              a.responsible if is_role else None, "responsible_role")
        yield FormField("…or type who is responsible", "" if is_role else a.responsible,
                        field_id="responsible_name")
        # An assessment: how many, per what; the review points' expected evidence follows.
        yield FormField("Assessments: how many (e.g. 2)",
                        "" if a.count is None else str(a.count), field_id="count",
                        check=_count_check)
        yield labelled_select("…per", self.vocab["assessment_periods"].options(),
                              a.per or None, "per")
        yield FormField("How often (other activities)", a.frequency, field_id="frequency")

    def values(self) -> Values:
        return {
            "kind": self.choice("kind") or "",
            "description": self.text("description"),
            "objective_ids": self.selected("objective_ids"),
            "evidence": self.text("evidence"),
            "responsible": self.text("responsible_name") or self.choice("responsible_role") or "",
            "frequency": self.text("frequency"),
            "count": int(self.text("count")) if self.text("count") else None,
            "per": self.choice("per") or "",
        }

    def focus_field(self, field_id: str) -> None:
        # The checker names the stored field; the dialog offers a role first, then a name.
        super().focus_field("responsible_role" if field_id == "responsible" else field_id)

    def check(self, values: Values) -> dict[str, str]:
        errors = {}
        if not values["kind"]:
            errors["kind"] = "choose the kind of activity"
        if values["count"] is not None and values["kind"] not in self.vocab["wba_types"]:
            errors["count"] = "a count is for an assessment (WBA) kind"
        elif values["count"] is not None and not values["per"]:
            errors["per"] = "choose per stage, month, review period or over the plan"
        if not values["objective_ids"] and self.plan.objectives:
            errors["objective_ids"] = "link the activity to at least one objective"
        return errors
