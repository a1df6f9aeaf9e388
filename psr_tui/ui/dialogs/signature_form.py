"""One party signs the issued plan, or corrects the signature they gave: name, role, date.

Who signs: an organisation lead or responsible officer for the organisation, a practitioner
for themselves, each as themselves; an adviser records a signature given on paper for
either party. Every signature records who entered it (`Signature.recorded_by`), so "recorded
by adviser X for Y" is on the record. The plan builder (`o`/`p`) and plan progress share this.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult

from ...domain.access import ADVISER, ROLE_LABELS, Identity
from ...domain.case import Case
from ...domain.errors import RuleError
from ...domain.field_errors import parse_date
from ...domain.plan import Signature
from ...domain.plan_signing import sign
from ..widgets.form_field import FormField, date_check, required_check
from .plan_item_form import Answer, PlanItemDialog, Reload, Submit, Values

Change = Callable[[Case], None]
Save = Callable[[Change, str, str], Answer]  # change, action, summary


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


def signature_line(party: str, signature: Signature | None) -> str:
    if signature is None:
        return f"{party.capitalize()}: not signed"
    role = f", {signature.role}" if signature.role else ""
    by = f" (recorded by {signature.recorded_by})" if signature.recorded_by else ""
    return (f"{party.capitalize()}: signed by {signature.name}{role} on "
            f"{signature.signed_on}{by}")


def own_name(identity: Identity) -> str:
    return identity.display_name or identity.name


def signs_as_themselves(identity: Identity) -> bool:
    """Everyone but an adviser signs only in their own name (an adviser records paper)."""
    return identity.role != ADVISER


def signature_dialog(case: Case, party: str, identity: Identity, today: date, save: Save,
                     reload: Reload | None = None) -> SignatureDialog:
    """The signature form for `party`, prefilled for who is signing, saving through `save`."""
    if signs_as_themselves(identity):
        name, role = own_name(identity), ROLE_LABELS.get(identity.role, identity.role)
    elif party == "organisation":
        org = case.request.organisation
        name, role = org.contact_name, org.contact_role
    else:
        name, role = case.practitioner_name, "Practitioner"
    signed = getattr(case.plan.agreement, party) if case.plan else None

    def submit(values: Values) -> Answer:
        def change(fresh: Case) -> None:
            if signs_as_themselves(identity) and \
                    values["name"].strip().casefold() != own_name(identity).casefold():
                raise RuleError(f"You sign as yourself ({own_name(identity)}); a signature "
                                "given on paper by someone else is recorded by the adviser.",
                                f"plan.agreement.{party}.name")
            on = _typed_date(values["signed_on"])
            # Who entered it: the signatory, or the adviser for them.
            sign(fresh, party, values["name"], values["role"], on, today,
                 recorded_by=identity.name)

        if signed is None:
            summary = f"{party} signed: {values['name']}"
        else:
            summary = f"{party} signature corrected: {values['name']} (was {signed.name})"
        if not signs_as_themselves(identity):
            summary += f" (recorded by {identity.name})"
        return save(change, f"plan.sign.{party}", summary)

    return SignatureDialog(party, name, role, today, submit, reload, signed=signed)


def _typed_date(text: str) -> date:
    # As plan_builder/dates.typed_date (required), which this module cannot import: the
    # builder's package imports this one.
    try:
        return parse_date(text)
    except ValueError as exc:
        raise RuleError(str(exc), "signed_on") from None
