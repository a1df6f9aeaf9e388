"""One plan in delivery: the supervision ladder, every review point, amendments, actions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from ...domain.access import (
    AMENDMENT_AGREE,
    AMENDMENT_PROPOSE,
    AUDIT_READ,
    COMPLETION_SIGN_OFF,
    REVIEW_RECORD,
    SIGN_ORGANISATION,
    SIGN_PRACTITIONER,
)
from ...domain.amendments import AMENDABLE_STATES
from ...domain.case import Case
from ...domain.lifecycle import RUNNING_STATES as SIGN_OFF_STATES
from ...domain.plan import ReviewPoint
from ...domain.plan_signing import signing_open
from ...domain.review import (
    RECORDABLE_STATES,
    in_date_order,
    latest_recorded,
    open_review_points,
    recording_refusal,
)
from ...domain.status import plan_progress
from ...store import StoreError
from ..dialogs.amendment_agreement import AmendmentAgreementDialog
from ..dialogs.completion_sign_off import CompletionSignOffDialog
from ..dialogs.review_outcome import ReviewOutcomeDialog
from ..dialogs.signature_form import Change, signature_dialog, signature_line
from ..saving import Refusal, save_case
from ..widgets.key_footer import KeyFooter
from ..widgets.review_point_detail import amendments_text, detail_text, review_row
from ..widgets.row_table import RowTable
from ..widgets.supervision_ladder import SupervisionLadder
from ..wording import in_markup
from .plan_progress_amend import propose_amendment_flow
from .plan_progress_fixes import FIX_ACTIONS, FIX_BINDINGS, FIX_HELP, PlanFixActions
from .plan_progress_records import (
    RECORD_ACTIONS,
    RECORD_BINDINGS,
    RECORD_HELP,
    RECORD_OPERATIONS,
    PlanRecordActions,
)
from .plan_progress_withhold import (
    WITHHOLD_ACTIONS,
    WITHHOLD_BINDINGS,
    WITHHOLD_HELP,
    WITHHOLD_OPERATIONS,
    PlanWithholdActions,
)
from .progress_exports import EXPORT_REPORTS, ProgressExports


class PlanProgressScreen(PlanFixActions, PlanRecordActions, PlanWithholdActions,
                         ProgressExports):
    TITLE_FOR_PALETTE = "Plan progress"
    HELP = """# Plan progress

The plan in delivery: the supervision ladder as a timeline (▶ the current stage, ✓ stages
passed, `|` where today falls), every review point with its status (✓ done, ! overdue,
• due within 7 days, · upcoming) and outcome, the evidence seen against what was expected
([x] seen), and the plan's overall state (on track, behind, extended).

- Enter records the outcome of the selected review point (only on an active or extended
  plan: a paused one is refused before the form opens). Review points are listed in date
  order. Opened from home, the screen starts on the next review to hold (on a finished
  plan, the last one held).
- `a` agrees a proposed amendment for one party: it applies only once the organisation
  and the practitioner have both agreed.
- `x` proposes an amendment: first what kind (a new end date, an extra review point,
  consequences or adjustments; who holds a role; an objective, an activity or a stage),
  then its form, then why. Nothing changes until both parties agree (`a`). The amendments
  list names each new end date and the end it replaces, and what content changes.
- `c` signs off completion (the responsible director, the outcome and follow-up).
- `o` signs the issued plan for the organisation, `s` for the practitioner: each signs as
  themselves (an adviser records a signature given on paper, and the record says so).
- `u` shows the case's audit trail: every change, who made it and when.
- `e` exports the progress report for the selected review point (↑ to a review already
  held for its outcome), `p` the progress summary, `m` the printable review-meeting sheet
  (you choose the file; default: your export folder, ~/Documents/psr-tui/exports; a name
  ending .html writes one page to print from a browser).
""" + FIX_HELP + RECORD_HELP + WITHHOLD_HELP
    OPERATIONS = {
        "record": REVIEW_RECORD, "agree": AMENDMENT_AGREE, "propose": AMENDMENT_PROPOSE,
        "sign_off": COMPLETION_SIGN_OFF, "audit": AUDIT_READ,
        "sign:organisation": SIGN_ORGANISATION, "sign:practitioner": SIGN_PRACTITIONER,
        **RECORD_OPERATIONS, **WITHHOLD_OPERATIONS,
    }
    BINDINGS = [
        Binding("enter", "record", "Record outcome", show=True),
        Binding("o", "sign('organisation')", "Org signs", show=True),
        Binding("s", "sign('practitioner')", "Pract. signs", show=True),
        Binding("a", "agree", "Agree amendment", show=True),
        Binding("x", "propose", "Propose amendment", show=False),
        Binding("c", "sign_off", "Sign off completion", show=True),
        Binding("e", "export_report", "Export report", show=True),
        Binding("p", "export_summary", "Export progress summary", show=False),
        Binding("m", "export_sheet", "Meeting sheet", show=True),
        Binding("u", "audit", "Audit trail", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        *FIX_BINDINGS,
        *RECORD_BINDINGS,
        *WITHHOLD_BINDINGS,
    ]

    def __init__(self, case_id: str, review_point_id: str | None = None) -> None:
        super().__init__()
        self.case_id = case_id
        self.start_at = review_point_id
        self.case: Case | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-body"):
            yield Static("", id="progress-head")
            yield SupervisionLadder(id="progress-ladder")
            yield RowTable(id="progress-reviews", cursor_type="row")
            yield Static("", id="progress-detail")
            yield Static("", id="progress-amendments")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Status", "Due", "Review point", "Outcome", "Evidence")
        self.reload()
        table.focus()

    # ---- data ------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.case = self.psr.store.get(self.case_id)
        except StoreError as exc:
            self.query_one("#progress-head", Static).update(
                f"⚠ Cannot read this case: {in_markup(str(exc))}")
            return
        self._show()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        if self.case_id in case_ids:
            self.reload()

    def _show(self) -> None:
        case, today, vocab = self.case, self.psr.today(), self.psr.vocab
        assert case is not None
        plan = case.plan
        progress = plan_progress(case, today, vocab) or "not running"
        level = plan.current_level if plan else None
        self.query_one("#progress-head", Static).update(
            f"[b]{in_markup(case.practitioner_name)}[/b] · {in_markup(case.organisation_name)}\n"
            f"{vocab['lifecycle_states'].label(case.state)} · progress: {progress.upper()}"
            + (f" · now {vocab['supervision_levels'].label(str(level))}" if level else "")
            + (f" · ends {plan.end_date}" if plan and plan.end_date else "")
            + self._signatures(case)
        )
        if plan is None:
            self.query_one("#progress-detail", Static).update("This case has no plan yet.")
            return
        self.query_one(SupervisionLadder).show(plan, today, vocab["supervision_levels"])
        table = self.query_one(DataTable)
        selected = self._selected()
        wanted = selected.id if selected else self.start_at or self._first_to_show(case)
        table.clear()
        # In date order: a rescheduled review keeps its old place in the stored list.
        points = in_date_order(plan.review_points)
        for rp in points:
            table.add_row(*review_row(rp, today, vocab), key=rp.id)
        ids = [rp.id for rp in points]
        if ids:
            table.move_cursor(row=ids.index(wanted) if wanted in ids else 0)
        self.query_one("#progress-amendments", Static).update(amendments_text(plan))
        self._show_detail()
        self.refresh_bindings()

    @staticmethod
    def _signatures(case: Case) -> str:
        """While the issued version awaits signatures: who has signed (o/s sign)."""
        if case.plan is None or not signing_open(case):
            return ""
        agreement = case.plan.agreement
        return "".join(f"\n{in_markup(signature_line(party, getattr(agreement, party)))}"
                       for party in ("organisation", "practitioner"))

    @staticmethod
    def _first_to_show(case: Case) -> str | None:
        """Opened without a review point: on a running plan, the next one to hold (Enter
        records it); otherwise the latest recorded, the one a report is wanted for."""
        plan = case.plan
        if plan is None:
            return None
        pending = open_review_points(plan) if case.state in RECORDABLE_STATES else []
        point = pending[0] if pending else latest_recorded(plan)
        return point.id if point else None

    def _selected(self) -> ReviewPoint | None:
        """The review point on the cursor's row, by the row's key: a reschedule reorders
        the rows, so an index into the stored list would name another review."""
        plan = self.case.plan if self.case else None
        tables = self.query(DataTable)
        table = tables.first() if tables else None
        if plan is None or table is None or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), table.row_count - 1)
        return plan.review_point(str(table.ordered_rows[row].key.value))

    def _show_detail(self) -> None:
        rp = self._selected()
        text = detail_text(rp, self.psr.today(), self.psr.vocab) if rp else "No review points."
        self.query_one("#progress-detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_record()

    # ---- actions ---------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        case = self.case
        plan = case.plan if case else None
        if action in EXPORT_REPORTS and self._export_refusal(action):
            return False
        if action == "sign":  # hidden until the issued version can be signed
            return bool(case and signing_open(case))
        if action == "audit":
            return case is not None
        if action == "record":
            rp = self._selected() if plan else None
            # Offered on any open review point: on a plan that cannot take one (paused)
            # Enter says why, rather than a greyed key that silently does nothing.
            return True if rp is not None and rp.outcome is None else None
        if action == "agree":
            # Hidden (not greyed) when it cannot apply: the footer has room for 80 columns.
            return bool(plan and any(a.status == "proposed" for a in plan.amendments))
        if action == "sign_off":
            return bool(case and plan and case.state in SIGN_OFF_STATES)
        if action == "propose":
            return bool(case and plan and case.state in AMENDABLE_STATES)
        if action in ("export_report", "export_sheet"):
            return self._selected() is not None or None
        if action == "export_summary":
            return plan is not None or None
        if action == "export_withholding_letter":
            return bool(case and case.withholding is not None)
        if action in FIX_ACTIONS:
            return self.fix_allowed(action)
        if action in RECORD_ACTIONS:
            return self.record_allowed(action)
        if action in WITHHOLD_ACTIONS:
            return self.withhold_allowed(action)
        return super().check_action(action, parameters)

    def _after_save(self, case: Case | None) -> None:
        if case is not None:
            self.case = case
            self._show()

    def action_record(self) -> None:
        rp = self._selected()
        if self.case is None or rp is None or rp.outcome is not None:
            return
        self.reload()  # the dialog starts from what is stored now
        if self.case is None:
            return
        # Refuse now rather than after the form has been filled in.
        refusal = recording_refusal(self.case)
        if refusal:
            self.notify(refusal, title="Not recordable", severity="warning")
            return
        self.app.push_screen(ReviewOutcomeDialog(self.case, rp.id), self._recorded)

    def _recorded(self, case: Case | None) -> None:
        self._after_save(case)
        if case is not None:
            self.notify("Review outcome saved.")

    def action_agree(self) -> None:
        self.reload()
        if self.case is not None and self.case.plan is not None:
            self.app.push_screen(AmendmentAgreementDialog(self.case), self._after_save)

    def action_propose(self) -> None:
        self.reload()
        if self.case is not None and self.case.plan is not None:
            propose_amendment_flow(self.app, self.case, self.psr.vocab, self.psr.user,
                                   self.psr.today(), self._after_save)

    def action_sign_off(self) -> None:
        self.reload()
        if self.case is not None:
            self.app.push_screen(CompletionSignOffDialog(self.case), self._after_save)

    def action_sign(self, party: str) -> None:
        self.reload()
        if self.case is None:
            return
        self.app.push_screen(signature_dialog(self.case, party, self.psr.identity,
                                              self.psr.today(), self._save, self.reload))

    def _save(self, change: Change, action: str, summary: str) -> Refusal | None:
        """Save one change from a PlanItemDialog (the one save path); the refusal, if any,
        is shown in the dialog (an AccessRefused is a rule refusal like any other)."""
        saved = save_case(self.psr, self.case_id, change, action, summary,
                          expected_revision=None)
        if isinstance(saved, Refusal):
            return saved
        self._after_save(saved)
        self.notify(f"Saved: {summary}")
        return None

    def action_audit(self) -> None:
        from .audit_trail import AuditTrailScreen

        self.app.push_screen(AuditTrailScreen(self.case_id))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
