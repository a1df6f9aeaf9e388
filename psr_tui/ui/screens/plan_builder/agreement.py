"""Section 9: issue drafts, record both signatures, start a new version, export a copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.lifecycle import DRAFTING_STATES, activate
from ....domain.plan_drafting import is_frozen, issue_draft
from ....domain.plan_signing import signing_open
from ...dialogs.confirm import ConfirmDialog
from ...dialogs.signature_form import signature_dialog, signature_line
from ...widgets.text_table import TextTable
from ...wording import plain
from .section import Section


def step_applies(case: Case, action: str) -> bool:
    """Whether an agreement step applies to the plan as it stands: each applies only at one
    point of the issue -> sign -> deliver sequence."""
    plan = case.plan
    if plan is None:
        return False
    if action == "issue":  # a draft, issued or not yet: re-issuing after edits is allowed
        return plan.status != "agreed" and case.state in DRAFTING_STATES
    if action == "sign":  # or correct one's signature, until both have signed
        return signing_open(case)
    # New version (before delivery starts) and starting delivery: signed, not yet running.
    return is_frozen(case) and case.state == "agreed"


class AgreementSection(Section):
    KEY = "agreement"
    LABEL = "Agreement"
    ACTIONS = frozenset({"issue", "sign_organisation", "sign_practitioner", "new_version",
                         "export", "start_delivery"})

    def compose(self) -> ComposeResult:
        yield Static("", id="agreement-status")
        table = TextTable(cursor_type="row", id="table-versions")
        table.add_columns("Version", "Status", "On", "By")
        yield table

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        plan = case.plan
        if plan is None:
            return
        lines = [
            f"Version {plan.version}: {plan.status.upper()}",
            signature_line("organisation", plan.agreement.organisation),
            signature_line("practitioner", plan.agreement.practitioner),
            self.keys_that_apply(case),
        ]
        # Signers' names and roles are stored text: plain, never markup.
        self.query_one("#agreement-status", Static).update(plain("\n".join(lines),
                                                                 multiline=True))
        table = self.query_one(DataTable)
        table.clear()
        for v in reversed(plan.versions):
            table.add_row(f"v{v.version}", v.status, str(v.issued_on or "—"), v.issued_by)

    def keys_that_apply(self, case: Case) -> str:
        """The agreement keys that apply now, in the order the steps are taken."""
        keys = [text for text, action in (
            ("i issue draft", "issue"),
            (self._sign_key(case, "o", "organisation"), "sign"),
            (self._sign_key(case, "p", "practitioner"), "sign"),
            # Review points are recorded only once delivery has started.
            ("d start delivery (reviews can then be recorded)", "start_delivery"),
            ("n new version", "new_version"),
        ) if step_applies(case, action)]
        return " · ".join([*keys, "w export"])

    def _sign_key(self, case: Case, key: str, party: str) -> str:
        plan = case.plan
        signed = plan is not None and getattr(plan.agreement, party) is not None
        return f"{key} correct {party} signature" if signed else f"{key} {party} signs"

    def issue(self) -> None:
        plan = self.plan
        if plan is None:
            return
        user, today = self.psr.user, self.psr.today()

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(lambda c: issue_draft(c, user, today), "plan.issue",
                          f"issued draft v{plan.version}", editing=False)

        self.app.push_screen(ConfirmDialog(
            f"Issue draft v{plan.version} to the organisation and the practitioner at once?"
        ), confirmed)

    def sign(self, party: str) -> None:
        if self.case is None:
            return
        self.app.push_screen(signature_dialog(
            self.case, party, self.psr.identity, self.psr.today(),
            lambda change, action, summary: self.save_for_dialog(change, action, summary,
                                                                 editing=False),
            self.reload_case))

    def start_delivery(self) -> None:
        """Both have signed: the plan starts, so its review points can be recorded."""
        case = self.case
        if case is None or case.plan is None or case.state != "agreed":
            return
        today = self.psr.today()
        start = case.plan.start_date or today
        summary = f"delivery of v{case.plan.version} started"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(lambda c: activate(c, today), "plan.activate", summary,
                          editing=False)

        self.app.push_screen(ConfirmDialog(
            f"Start delivery of the signed plan (from {start})? Supervisors can then "
            "record its review points."
        ), confirmed)

    def new_version(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.post_message(self.OfferNewVersion(f"Start version {plan.version + 1}?"))
