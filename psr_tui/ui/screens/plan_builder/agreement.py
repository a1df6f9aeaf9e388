"""Section 9: issue drafts, record both signatures, start a new version, export a copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.lifecycle import activate, issue_draft
from ...dialogs.confirm import ConfirmDialog
from ...dialogs.signature_form import signature_dialog, signature_line
from .section import Section


class AgreementSection(Section):
    KEY = "agreement"
    LABEL = "Agreement"
    ACTIONS = frozenset({"issue", "sign_organisation", "sign_practitioner", "new_version",
                         "export", "start_delivery"})

    def compose(self) -> ComposeResult:
        yield Static("", id="agreement-status")
        table: DataTable[str] = DataTable(cursor_type="row", id="table-versions")
        table.add_columns("Version", "Status", "On", "By")
        yield table

    def show_case(self, case: Case) -> None:
        plan = case.plan
        if plan is None:
            return
        lines = [
            f"Version {plan.version}: {plan.status.upper()}",
            signature_line("organisation", plan.agreement.organisation),
            signature_line("practitioner", plan.agreement.practitioner),
            self.keys_that_apply(),
        ]
        self.query_one("#agreement-status", Static).update("\n".join(lines))
        table = self.query_one(DataTable)
        table.clear()
        for v in reversed(plan.versions):
            table.add_row(f"v{v.version}", v.status, str(v.issued_on or "—"), v.issued_by)

    def keys_that_apply(self) -> str:
        """The agreement keys that apply now, in the order the steps are taken."""
        applies = self.builder.agreement_step_applies
        keys = [text for text, action, party in (
            ("i issue draft", "issue", ""),
            (self._sign_key("o", "organisation"), "sign", "organisation"),
            (self._sign_key("p", "practitioner"), "sign", "practitioner"),
            # Review points are recorded only once delivery has started.
            ("d start delivery (reviews can then be recorded)", "start_delivery", ""),
            ("n new version", "new_version", ""),
        ) if applies(action, (party,))]
        return " · ".join([*keys, "w export"])

    def _sign_key(self, key: str, party: str) -> str:
        plan = self.builder.case.plan
        signed = plan is not None and getattr(plan.agreement, party) is not None
        return f"{key} correct {party} signature" if signed else f"{key} {party} signs"

    def issue(self) -> None:
        plan = self.builder.case.plan
        if plan is None:
            return
        user, today = self.builder.psr.user, self.builder.psr.today()

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.builder.save_or_say(lambda c: issue_draft(c, user, today),
                                         "plan.issue", f"issued draft v{plan.version}",
                                         editing=False)

        self.builder.app.push_screen(ConfirmDialog(
            f"Issue draft v{plan.version} to the organisation and the practitioner at once?"
        ), confirmed)

    def sign(self, party: str) -> None:
        builder = self.builder
        builder.app.push_screen(signature_dialog(
            builder.case, party, builder.psr.identity, builder.psr.today(),
            lambda change, action, summary: builder.save(change, action, summary,
                                                         editing=False),
            builder.reload))

    def start_delivery(self) -> None:
        """Both have signed: the plan starts, so its review points can be recorded."""
        case = self.builder.case
        if case.plan is None or case.state != "agreed":
            return
        today = self.builder.psr.today()
        start = case.plan.start_date or today
        summary = f"delivery of v{case.plan.version} started"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.builder.save_or_say(lambda c: activate(c, today), "plan.activate",
                                         summary, editing=False)

        self.builder.app.push_screen(ConfirmDialog(
            f"Start delivery of the signed plan (from {start})? Supervisors can then "
            "record its review points."
        ), confirmed)

    def new_version(self) -> None:
        plan = self.builder.case.plan
        if plan is None:
            return
        self.builder.offer_new_version(f"Start version {plan.version + 1}?")

    def export(self) -> None:
        from ..progress_exports import offer_export  # the app's one export path

        offer_export(self.builder, self.builder.case, "plan")
