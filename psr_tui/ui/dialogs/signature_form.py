"""One party signs the issued plan, or corrects the signature they gave: name, role, date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult

from ...domain.plan import Signature
from ..widgets.form_field import FormField, date_check, required_check
from .plan_item_form import PlanItemDialog, Reload, Submit, Values


class SignatureDialog(PlanItemDialog):
    def __init__(self, party: str, name: str, role: str, today: date, submit: Submit,
                 reload: Reload | None = None, *, signed: Signature | None = None) -> None:
        """`signed` is the party's signature being corrected: the form opens on it."""
        super().__init__(submit, reload)
        self.party = party
        self.correcting = signed is not None
        if signed is not None:
            name, role = signed.name, signed.role
            today = signed.signed_on or today
        self.name_text, self.role_text, self.date_shown = name, role, today

    def compose_fields(self) -> ComposeResult:
        yield FormField("Signed by (name)", self.name_text, field_id="name",
                        check=required_check)
        yield FormField("Role", self.role_text, field_id="role")
        yield FormField("Date", self.date_shown.isoformat(), field_id="signed_on",
                        check=date_check(required=True))

    def dialog_title(self) -> str:
        if self.correcting:
            return f"Correct the signature of the {self.party}"
        return f"Signature: the {self.party}"

    def values(self) -> Values:
        return {"name": self.text("name"), "role": self.text("role"),
                "signed_on": self.text("signed_on")}
