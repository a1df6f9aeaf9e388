"""Edit one role: who, their responsibilities overall and at each supervision stage, a deputy.

The person's and the deputy's psr-tui users are the explicit links that give a supervisor
the plan (their scope and their quick review): names are never matched to logins. Once the
database has users (`psr-tui user add`), both are chosen from them (or "none"), read
through the store; before that, or if the users file cannot be read, they are typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.widgets import Select

from ...domain.access import ROLE_LABELS, AccessRefused
from ...domain.plan import Plan, Role
from ...domain.vocabulary import Vocabularies
from ...store.errors import StoreError
from ...store.users import NAME_PATTERN, UserRecord
from ..widgets.form_field import FormField, required_check
from .plan_item_form import (
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_select,
    options_with_current,
)

if TYPE_CHECKING:
    from ...app import PsrApp

NO_USER = ""  # the "none" choice: the role links nobody
USER_FIELDS = ("user", "deputy_user")


def user_name_check(text: str) -> str | None:
    """Optional; when given, a psr-tui user name (as `psr-tui user add` accepts)."""
    text = text.strip()
    if not text or NAME_PATTERN.fullmatch(text):
        return None
    return ("a psr-tui user name: lower-case letters, digits, '.', '_' and '-' "
            "(as in `psr-tui user list`)")


def user_options(users: list[UserRecord], current: str) -> list[tuple[str, str]]:
    """'none', then each registered user ('asmith · Dr Anna Smith · Supervisor'), and a
    user the role already names that is not registered (kept, said so)."""
    options = [("none", NO_USER)]
    for user in users:
        words = [user.name, user.display_name, ROLE_LABELS.get(user.role, user.role)]
        options.append((" · ".join(w for w in words if w), user.name))
    if current and current not in {u.name for u in users}:
        options.append((f"{current} (not a registered user)", current))
    return options


def stage_title(plan: Plan, index: int, vocab: Vocabularies) -> str:
    stage = plan.stages[index]
    level = vocab["supervision_levels"].label(str(stage.level))
    when = f" from {stage.start.isoformat()}" if stage.start else ""
    return f"Stage {index + 1} ({level}{when})"


class RoleDialog(PlanItemDialog):
    TITLE_TEXT = "Role"

    def __init__(self, role: Role, plan: Plan, vocab: Vocabularies, submit: Submit,
                 reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.role = role
        self.plan = plan
        self.vocab = vocab
        self.users = self._registered()

    def _registered(self) -> list[UserRecord]:
        try:
            return cast("PsrApp", self.app).store.registered_users()
        except (StoreError, AccessRefused):
            # Typed instead: a damaged users file (`psr-tui check` says so), or a role
            # proposing an amendment that may not list the users.
            return []

    def _user_field(self, label: str, current: str, field_id: str) -> ComposeResult:
        if self.users:
            yield labelled_select(label, user_options(self.users, current), current, field_id)
        else:
            yield FormField(label, current, field_id=field_id, check=user_name_check)

    def compose_fields(self) -> ComposeResult:
        r = self.role
        roles = options_with_current(self.vocab["roles"].options(), r.role)
        yield labelled_select("Role", roles, r.role, "role")
        yield FormField("Named person", r.person, field_id="person", check=required_check)
        yield from self._user_field("Their psr-tui user (links them to this plan)", r.user,
                                    "user")
        yield FormField("Contact", r.contact, field_id="contact")
        yield FormField("Responsibilities", r.responsibilities, field_id="responsibilities")
        for i, stage in enumerate(self.plan.stages):
            yield FormField(f"At {stage_title(self.plan, i, self.vocab)}",
                            r.stage_responsibilities.get(stage.id, ""),
                            field_id=f"stage_{stage.id}")
        yield FormField("Deputy (name)", r.deputy, field_id="deputy")
        yield from self._user_field("Deputy's psr-tui user", r.deputy_user, "deputy_user")

    def values(self) -> Values:
        per_stage = {s.id: self.text(f"stage_{s.id}") for s in self.plan.stages}
        return {
            "role": self.choice("role") or "",
            "person": self.text("person"),
            "contact": self.text("contact"),
            "responsibilities": self.text("responsibilities"),
            "stage_responsibilities": {k: v for k, v in per_stage.items() if v},
            "deputy": self.text("deputy"),
            **{key: self._user(key) for key in USER_FIELDS},
        }

    def _user(self, field_id: str) -> str:
        if not self.users:
            return self.text(field_id)
        value = self.query_one(f"#input-{field_id}", Select).value
        return NO_USER if value is Select.NULL else str(value)

    def check(self, values: Values) -> dict[str, str]:
        return {} if values["role"] else {"role": "choose the role"}
