"""Edit one role: who, their responsibilities overall and at each supervision stage, a deputy.

The person's and the deputy's psr-tui users are the explicit links that give a supervisor
the plan (their scope and their quick review): names are never matched to logins.
"""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.plan import Plan, Role
from ...domain.vocabulary import Vocabularies
from ...store.users import NAME_PATTERN
from ..widgets.form_field import FormField, required_check
from .plan_item_form import (
    PlanItemDialog,
    Submit,
    Values,
    labelled_select,
    options_with_current,
)


def user_name_check(text: str) -> str | None:
    """Optional; when given, a psr-tui user name (as `psr-tui user add` accepts)."""
    text = text.strip()
    if not text or NAME_PATTERN.fullmatch(text):
        return None
    return ("a psr-tui user name: lower-case letters, digits, '.', '_' and '-' "
            "(as in `psr-tui user list`)")


def stage_title(plan: Plan, index: int, vocab: Vocabularies) -> str:
    stage = plan.stages[index]
    level = vocab["supervision_levels"].label(str(stage.level))
    when = f" from {stage.start.isoformat()}" if stage.start else ""
    return f"Stage {index + 1} ({level}{when})"


class RoleDialog(PlanItemDialog):
    TITLE_TEXT = "Role"

    def __init__(self, role: Role, plan: Plan, vocab: Vocabularies, submit: Submit,
                 reload: object = None) -> None:
        super().__init__(submit, reload)  # type: ignore[arg-type]
        self.role = role
        self.plan = plan
        self.vocab = vocab

    def compose_fields(self) -> ComposeResult:
        r = self.role
        roles = options_with_current(self.vocab["roles"].options(), r.role)
        yield labelled_select("Role", roles, r.role, "role")
        yield FormField("Named person", r.person, field_id="person", check=required_check)
        yield FormField("Their psr-tui user (links them to this plan)", r.user,
                        field_id="user", check=user_name_check)
        yield FormField("Contact", r.contact, field_id="contact")
        yield FormField("Responsibilities", r.responsibilities, field_id="responsibilities")
        for i, stage in enumerate(self.plan.stages):
            yield FormField(f"At {stage_title(self.plan, i, self.vocab)}",
                            r.stage_responsibilities.get(stage.id, ""),
                            field_id=f"stage_{stage.id}")
        yield FormField("Deputy (name)", r.deputy, field_id="deputy")
        yield FormField("Deputy's psr-tui user", r.deputy_user, field_id="deputy_user",
                        check=user_name_check)

    def values(self) -> Values:
        per_stage = {s.id: self.text(f"stage_{s.id}") for s in self.plan.stages}
        return {
            "role": self.choice("role") or "",
            "person": self.text("person"),
            "contact": self.text("contact"),
            "responsibilities": self.text("responsibilities"),
            "stage_responsibilities": {k: v for k, v in per_stage.items() if v},
            "deputy": self.text("deputy"),
            "user": self.text("user"),
            "deputy_user": self.text("deputy_user"),
        }

    def check(self, values: Values) -> dict[str, str]:
        return {} if values["role"] else {"role": "choose the role"}
