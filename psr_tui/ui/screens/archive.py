"""The archive: closed cases that have left the working lists (domain/archive.py).

Read-only: Enter opens a case's plan progress (a closed case is read-only there, with its
exports as the role may make them); on a declined request without a plan it offers the
decision letter (000 4.5) through the export register, to the roles that may produce it.
The list is the same rows as home, oldest closure last.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from ...domain.access import READ
from ...domain.archive import closed_on, load_record_life, retained_until, split_archive
from ...domain.case import Case
from ...domain.status import CaseSummary, summarise
from ...export.decision_letter import LETTER_OUTCOMES
from ...store.errors import StoreError
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..wording import count_of
from .base import PsrScreen
from .case_rows import COLUMNS, row_cells
from .progress_exports import offer_export, report_refusal

DECISION_LETTER = "decision-letter"  # the register's id (export/reports.py)


def has_decision_letter(case: Case) -> bool:
    """A request declined, or sent back for more information, has a letter (000 4.5)."""
    return case.decision is not None and case.decision.outcome in LETTER_OUTCOMES


class ArchiveScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Archive"
    HELP = """\
# Archive

Closed cases (completed, withdrawn, declined, not completed) leave the working lists a
while after they close (`archive.after_days` in data/templates/retention.toml) and are
listed here, read-only. After the retention period (`retention.years`) the database's
administrator may purge them (`psr-tui purge --dry-run` first), leaving an audit stub.

- **Enter**: the case's progress and its exports (read-only); on a request declined
  before a plan was made, its decision letter to the organisation (also `t`)
- **Esc**: back to the cases
"""
    OPERATIONS = {"open_case": READ}
    BINDINGS = [Binding("enter", "open_case", "Open"),
                Binding("t", "decision_letter", "Decision letter")]

    def __init__(self) -> None:
        super().__init__()
        self.cases: dict[str, Case] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the archive…", id="archive-counts")
        table = RowTable(id="archive-cases", cursor_type="row")
        for key, header, width in COLUMNS:
            table.add_column(header, width=width, key=key)
        yield table
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.load_archive()

    @work(thread=True, exclusive=True, group="archive-load")
    def load_archive(self) -> None:
        today = self.psr.today()
        cases, _problems = self.psr.store.load_briefs()
        _working, archived = split_archive(cases, today)
        archived.sort(key=lambda c: closed_on(c) or today, reverse=True)
        rows = [(case, summarise(case, today, self.psr.vocab)) for case in archived]
        self.from_worker(self._show, rows)

    def _show(self, rows: list[tuple[Case, CaseSummary]]) -> None:
        table, vocab, life = self.query_one(DataTable), self.psr.vocab, load_record_life()
        self.cases = {case.id: case for case, _s in rows}
        for case, summary in rows:
            table.add_row(*row_cells(summary, vocab, self.app.no_color), key=case.id)
        kept = [retained_until(case, life) for case, _s in rows]
        soonest = min((d for d in kept if d is not None), default=None)
        text = f"Archive: {count_of(len(rows), 'closed case')} · read-only"
        if soonest is not None:
            text += f" · first kept until {soonest.isoformat()}"
        self.query_one("#archive-counts", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_case" and not self.cases:
            return False
        if action == "decision_letter":
            case = self.cases.get(self._cursor_case_id() or "")
            return (case is not None and has_decision_letter(case)
                    and not report_refusal(self.psr.identity, DECISION_LETTER))
        return super().check_action(action, parameters)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # `t` follows the row: only a declined request has a letter

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.open_case(str(event.row_key.value))

    def _cursor_case_id(self) -> str | None:
        return self.query_one(RowTable).selected_key()

    def action_open_case(self) -> None:
        case_id = self._cursor_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def action_decision_letter(self) -> None:
        brief = self.cases.get(self._cursor_case_id() or "")
        if brief is not None and brief.plan is None and has_decision_letter(brief):
            self.open_case(brief.id)  # the full case: the list holds briefs

    def open_case(self, case_id: str) -> None:
        try:
            case = self.psr.store.get(case_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if case.plan is None:
            if has_decision_letter(case):
                offer_export(self, case, DECISION_LETTER)  # refuses a role that may not
            else:
                self.notify(f"{case_id} closed before a plan was made.", timeout=10)
            return
        from .plan_progress import PlanProgressScreen

        self.app.push_screen(PlanProgressScreen(case_id))
