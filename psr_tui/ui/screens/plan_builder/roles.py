"""Section 3: the roles, with named people, responsibilities at each stage and a deputy."""

from __future__ import annotations

from ....domain.case import Case
from ....domain.plan import Plan, Role
from ...dialogs.plan_item_form import PlanItemDialog, Submit, Values
from ...dialogs.role_form import RoleDialog
from ...wording import clipped
from .list_section import ListSection


def role_from(case: Case, item: Role, values: Values) -> Role:
    """The role the form's values make (the builder's edit and a content amendment)."""
    stages = {s.id for s in case.plan.stages} if case.plan else set()
    per_stage = {k: v for k, v in values["stage_responsibilities"].items() if k in stages}
    return item.model_copy(update={
        "role": values["role"],
        "person": values["person"],
        "contact": values["contact"],
        "responsibilities": values["responsibilities"],
        "stage_responsibilities": per_stage,
        "deputy": values["deputy"],
        "user": values["user"],
        "deputy_user": values["deputy_user"],
    })


class RolesSection(ListSection):
    KEY = "roles"
    LABEL = "Roles"
    COLLECTION = "roles"
    NOUN = "role"
    COLUMNS = ("Role", "Person", "Deputy", "Responsibilities")
    HINT = "Who supports the plan, what they do at each stage, and their deputy"

    def row(self, item: Role, index: int) -> tuple[str, ...]:
        return (
            clipped(self.vocab["roles"].label(item.role) or "—", 24),
            clipped(item.person or "—", 16),
            clipped(item.deputy or "—", 14),
            clipped(item.responsibilities, 20),
        )

    def new_item(self, plan: Plan) -> Role:
        return Role()

    def dialog(self, item: Role, submit: Submit) -> PlanItemDialog:
        plan = self.plan
        assert plan is not None
        return RoleDialog(item, plan, self.vocab, submit)

    def apply(self, case: Case, item: Role, values: Values) -> Role:
        return role_from(case, item, values)

    def describe(self, item: Role) -> str:
        return f"{self.vocab['roles'].label(item.role)}: {item.person}"

    def detail(self, item: Role) -> str:
        parts = [f"{self.vocab['roles'].label(item.role) or '—'}: {item.person or '—'}"]
        if item.contact:
            parts.append(item.contact)
        if item.deputy:
            parts.append(f"deputy: {item.deputy}")
        if item.responsibilities:
            parts.append(item.responsibilities)
        return " · ".join(parts)

    def after_remove(self, plan: Plan, item_id: str) -> None:
        # Activities owned by the removed role lose their owner rather than keep a dead id.
        for activity in plan.activities:
            if activity.responsible == item_id:
                activity.responsible = ""
