"""One party agrees a proposed amendment; it takes effect when both have (000 8.3).

Saves itself against the revision it was opened on, so a change made meanwhile by someone
else is refused with a clear message and nothing typed is lost.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, RadioButton, RadioSet, Static

from ...domain.amendment_content import amendment_diff
from ...domain.amendments import PARTIES, agree_amendment, end_date_change
from ...domain.case import Case
from ...domain.plan import Amendment, Plan
from ..widgets.form_field import FormField, required_check
from ..widgets.ticks import RadioChoice
from ..wording import in_markup, plain
from .case_save import CaseDialog

PARTY_LABELS = {"organisation": "The healthcare organisation", "practitioner": "The practitioner"}


def agreement_state(amendment: Amendment) -> str:
    """'organisation ✓ (Dr X) · practitioner: awaiting' (text marks, no colour needed)."""
    parts = []
    for party in PARTIES:
        signed = getattr(amendment, party)
        parts.append(f"{party} ✓ ({signed.name})" if signed else f"{party}: awaiting")
    return " · ".join(parts)


def change_text(plan: Plan, amendment: Amendment) -> str:
    """What the chosen amendment does and who has agreed so far. A new end date is named
    with the end it replaces: the description alone may say otherwise."""
    change = end_date_change(plan, amendment)
    lines = [change.describe()] if change else amendment_diff(plan, amendment)
    return "\n".join([*lines, agreement_state(amendment)])


class AmendmentAgreementDialog(CaseDialog):
    PROBLEM_LINE = "agree-error"
    FIELD_FOR_PATH = {f"amendments.{party}": "agree-name" for party in PARTIES}
    HELP = """# Agree an amendment

Choose the proposed amendment and who is agreeing (the organisation or the practitioner),
type the name (and role) and press Enter or ctrl+s. The change takes effect, as a new
agreed version of the plan, only once both parties have agreed.
"""
    BINDINGS = [
        Binding("ctrl+s", "save", "Agree"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__(case)
        assert case.plan is not None
        self.proposed = [a for a in case.plan.amendments if a.status == "proposed"]

    def compose(self) -> ComposeResult:
        plan = self.case.plan
        assert plan is not None
        with VerticalScroll(id="agree-box", can_focus=False):
            yield Static(f"[b]Agree an amendment[/b] · {in_markup(self.case.practitioner_name)}")
            yield Label("Amendment")
            with RadioSet(id="agree-amendment"):
                for i, a in enumerate(self.proposed):
                    yield RadioChoice(plain(a.headline), value=i == 0, id=f"amd-{i}")
            yield Static("", id="agree-change")
            yield Label("Agreeing for")
            with RadioSet(id="agree-party"):
                for party in PARTIES:
                    yield RadioChoice(PARTY_LABELS[party], id=f"party-{party}")
            yield FormField("Name", field_id="agree-name", check=required_check)
            yield FormField("Role", field_id="agree-role")
            yield Static("", id="agree-error")
            yield Static("ctrl+s agree · Esc cancel · an amendment applies once both agree",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self._default_party()
        self._show_change()
        self.query_one("#agree-amendment", RadioSet).focus(scroll_visible=False)
        # Keep the title in view: focusing the first field would scroll it away.
        self.call_after_refresh(self.query_one("#agree-box").scroll_home, animate=False)

    def _amendment(self) -> Amendment | None:
        index = self.query_one("#agree-amendment", RadioSet).pressed_index
        return self.proposed[index] if 0 <= index < len(self.proposed) else None

    def _default_party(self) -> None:
        amendment = self._amendment()
        waiting = [p for p in PARTIES if amendment is None or getattr(amendment, p) is None]
        if waiting:
            self.query_one(f"#party-{waiting[0]}", RadioButton).value = True

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "agree-amendment":
            self._default_party()
            self._show_change()

    def _show_change(self) -> None:
        amendment = self._amendment()
        assert self.case.plan is not None
        text = change_text(self.case.plan, amendment) if amendment else ""
        self.query_one("#agree-change", Static).update(in_markup(text))

    def _party(self) -> str:
        pressed = self.query_one("#agree-party", RadioSet).pressed_button
        return (pressed.id or "").removeprefix("party-") if pressed else ""

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        amendment, party = self._amendment(), self._party()
        name_field = self.query_one("#field-agree-name", FormField)
        if amendment is None or not party:
            self.show_problem("Choose the amendment and who is agreeing.")
            return
        if name_field.validate_now():
            name_field.input.focus()
            return
        name = name_field.value
        role = self.query_one("#field-agree-role", FormField).value
        today = self.psr.today()

        def change(case: Case) -> None:
            agree_amendment(case, amendment.id, party, name, role, today,
                            recorded_by=self.psr.user)

        self.save_and_close(change, "amendment.agree",
                            f"{party} agreed: {amendment.headline}")
