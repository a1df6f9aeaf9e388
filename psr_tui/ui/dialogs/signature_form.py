"""One party signs the issued plan: name, role and date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult

from ..widgets.form_field import FormField, date_check, required_check
from .plan_item_form import PlanItemDialog, Submit, Values


class SignatureDialog(PlanItemDialog):
    def __init__(self, party: str, name: str, role: str, today: date, submit: Submit,
                 reload: object = None) -> None:
        super().__init__(submit, reload)  # type: ignore[arg-type]
        self.party = party
        self.name_text, self.role_text, self.today = name, role, today

    def compose_fields(self) -> ComposeResult:
        yield FormField("Signed by (name)", self.name_text, field_id="name",
                        check=required_check)
        yield FormField("Role", self.role_text, field_id="role")
        yield FormField("Date", self.today.isoformat(), field_id="signed_on",
                        check=date_check(required=True))

    def dialog_title(self) -> str:
        return f"Signature: the {self.party}"

    def values(self) -> Values:
        return {"name": self.text("name"), "role": self.text("role"),
                "signed_on": self.text("signed_on")}
