"""A case's audit trail, read-only: every change with who, when, the action and summary.

For advisers and the case's own organisation (lead, responsible officer): the store
refuses anyone else (AccessRefused), and the screen says so instead of a list.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from ...domain.errors import RuleError
from ...store import StoreError
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..wording import clipped, in_markup
from .base import PsrScreen


class AuditTrailScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Audit trail"
    HELP = """# Audit trail

Every change saved to this case, oldest first: when (UTC), who (the psr-tui user who
saved it), the action and its summary. Nothing here can be changed. `psr-tui audit
CASE_ID` prints the same trail with the fields each change touched.
"""

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Audit trail of case {in_markup(self.case_id)}", id="audit-title")
        yield RowTable(id="audit-table", cursor_type="row")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When (UTC)", "Who", "Action", "Summary")
        try:
            events = self.psr.store.audit(self.case_id)
        except (StoreError, RuleError) as exc:  # RuleError: AccessRefused
            self.query_one("#audit-title", Static).update(
                f"No audit trail to show: {in_markup(str(exc))}")
            table.display = False
            return
        events.sort(key=lambda e: (e.at, e.revision))
        for event in events:
            # Text, not str: a summary with [brackets] is not markup.
            table.add_row(event.at.strftime("%Y-%m-%d %H:%M"), Text(clipped(event.user, 12)),
                          Text(clipped(event.action, 20)), Text(event.summary), key=event.id)
        self.query_one("#audit-title", Static).update(
            f"Audit trail of case {in_markup(self.case_id)}: {len(events)} change(s), "
            "oldest first")
        if events:
            table.move_cursor(row=len(events) - 1)
        table.focus()
