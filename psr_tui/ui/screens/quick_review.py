"""Supervisor quick update: my due and overdue review points, Enter to record an outcome.

`psr-tui review` starts here. From the shell to a saved outcome: Enter (run the command),
Enter (first item), a digit (the outcome), the note, Enter (save).
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from ...domain.access import READ, REVIEW_RECORD, ScopedCase
from ...domain.case_digest import CaseDigest, digest_of
from ...domain.my_reviews import my_review_items
from ...domain.ranked_list import RankedList, items_gone
from ...domain.status import ReviewItem, item_order, review_items
from ...store import StoreError
from ..widgets.capped_rows import CappedRows
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..wording import clipped
from .base import PsrScreen
from .batch_loading import Arrival, BatchLoader, HeldDigests

if TYPE_CHECKING:  # the models once a case is opened, not at `psr-tui review`'s start
    from ...domain.case import Case

STATUS_TEXT = {"overdue": "OVERDUE", "due": "due"}
# A batch's items: the mode they were worked out in, the items, the digests kept.
BatchItems = tuple[bool, list[ReviewItem], list[CaseDigest]]


def item_cells(item: ReviewItem) -> list[str | Text]:
    due = item.due_on.isoformat() if item.due_on else "--"
    status = Text(STATUS_TEXT.get(item.status, item.status),
                  style="bold" if item.status == "overdue" else "")
    return [status, due, clipped(item.practitioner, 20), clipped(item.title, 24),
            clipped(item.organisation, 18)]


class QuickReviewScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Quick review"
    HELP = """# Supervisor quick update

The review points **you** are expected to record that are due within 7 days or overdue,
overdue first. Enter opens the outcome form: press the outcome's digit (1-7), type a note,
press Enter (or ctrl+s) to save. Tab reaches the evidence checklist (optional).

## Which review points are yours
Those of the plans where a supervising role (clinical or educational supervisor, workplace
reporter) names your psr-tui user, as the person or as the deputy: the adviser links you
in the plan's roles. Names are never guessed. A review point named for the plan's other
supervisor is theirs. If one of yours is missing, ask the adviser to link your user;
`a` shows every due or overdue review point of the plans you may see.

## Outcomes
A review not held needs the reason and a new date: today or later, and no later than the
plan's end (later needs an amendment). Step-downs never go past a regulatory condition.
Insufficient progress and ahead of plan propose an amendment that takes effect only when
the organisation and the practitioner both agree. A plan paused since the list was read
is refused before the outcome form opens.
"""
    SHOWS_OWN_WRITES = True
    OPERATIONS = {"record": REVIEW_RECORD, "dashboard": READ}
    BINDINGS = [
        Binding("enter", "record", "Record outcome", show=True),
        Binding("a", "toggle_all", "All due / mine", show=True),
        Binding("r", "reload", "Reload", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("d", "dashboard", "Review dashboard", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_all = False
        self.cases: dict[str, CaseDigest] = {}  # digests, never whole cases
        self.load_progress = ""  # "n/total" while the digests are being read
        self._rows: CappedRows[ReviewItem] | None = None
        self.ranked = RankedList(item_order)  # every item, in order (`items` lists them)
        self.loader = BatchLoader(self, "quick-load", self._batch_items, self._arrived)
        self._listing = False  # the first batch listed (a reload starts again)
        self.problems = 0  # case files that could not be read
        self._whole_on: date | None = None  # the day every due case's digest was in

    @property
    def rows(self) -> CappedRows[ReviewItem]:
        if self._rows is None:
            self._rows = CappedRows(self.query_one(RowTable), attrgetter("key"), item_cells)
        return self._rows

    @property
    def items(self) -> list[ReviewItem]:
        """Every item of the list, in order (the table shows the first SHOWN_ROWS)."""
        return self.rows.items

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="quick-title")
        yield RowTable(id="quick-table", cursor_type="row", zebra_stripes=False)
        yield Static("", id="quick-empty")
        yield KeyFooter()

    async def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Status", "Due", "Practitioner", "Review", "Organisation")
        await self.reload()
        table.focus()

    # ---- data (screens/batch_loading.py) ------------------------------------------
    async def reload(self) -> None:
        """The first screenful read while this screen's keys wait for it (Enter typed
        ahead of the list still records its first item), the rest as it comes."""
        self.cases = {}
        self.ranked.clear()
        self.rows.items = []
        self._listing = False
        self.problems, self._whole_on = 0, None
        await self.loader.start()

    def due_digests(self) -> HeldDigests | None:
        """Once loaded, the digests of every case due today (in either mode): the review
        dashboard opened from here makes its rows from them (the changes since are in
        them too: each changed case's digest is read again)."""
        if self._whole_on is None or self._whole_on != self.psr.today():
            return None  # still loading, or a day has passed: what is due has moved
        return HeldDigests(list(self.cases.values()), self.problems)

    def _batch_items(self, digests: list[CaseDigest]) -> BatchItems:
        """Off the UI thread: a batch's items, in the mode they were worked out in, and
        the digests of its cases with a due item in either mode (the only ones kept)."""
        show_all = self.show_all
        due = review_items(digests, self.psr.today())
        ids = {item.case_id for item in due}
        kept = [d for d in digests if d.id in ids]
        return show_all, (due if show_all else self._items_of(kept, False)), kept

    def _arrived(self, arrival: Arrival[BatchItems]) -> None:
        """A batch's items slotted into the sorted list (only the batch is looked at);
        the list's first rows redrawn only when they moved. Digests of cases with nothing
        due are not kept: on a pushed screen nothing is frozen, and 20,000 digests held
        made each full collection 0.25 s (cf. keep_loaded_for_good)."""
        show_all, items, kept = arrival.made
        self.cases.update((d.id, d) for d in kept)
        self.problems += arrival.problems
        self.load_progress = arrival.progress
        if arrival.last:
            self._whole_on = self.psr.today()
            self.import_soon("psr_tui.ui.screens.dashboard")  # `d`'s screen
        self.keep_loaded_for_good()
        if show_all != self.show_all:  # `a` pressed while the batch was read
            items = self._items_of(kept)
        moved = self.ranked.merge(items)
        if not self._listing:  # the first rows
            self._listing = True
            self._fill()
            return
        self.rows.grow(self.ranked.items, moved, arrival.redraw, arrival.last)
        self._show_counts()

    def _refill(self) -> None:
        """Every item worked out again from the digests (the mode changed, a case left)."""
        self.ranked = RankedList(item_order, self._items_of(list(self.cases.values())))
        self._fill()

    def _fill(self) -> None:
        selected = self.rows.selected()
        self.rows.fill(self.ranked.items, keep=selected.key if selected else None,
                       whole=not self.load_progress)
        self._show_counts()

    def _show_counts(self) -> None:
        """The title, the empty-list line and the keys, for the items listed now."""
        user, table = self.psr.identity.name, self.query_one(DataTable)
        whose = (
            "All due and overdue review points" if self.show_all else f"Due or overdue for {user}"
        )
        loading = f" · loading cases… {self.load_progress}" if self.load_progress else ""
        count = f"{len(self.items)}" if not self.rows.note() \
            else f"{self.rows.listed}/{len(self.items)} shown"
        self.query_one("#quick-title", Static).update(f"{whose} ({count}){loading}")
        empty = self.query_one("#quick-empty", Static)
        if self.items:
            empty.update("")
        elif self.load_progress:
            empty.update("Loading review points…")
        elif self.show_all:
            empty.update("No review points are due this week or overdue.")
        else:
            empty.update(f"Nothing due or overdue for {user}. Press a to show all due items.")
        empty.set_class(bool(self.items), "-hidden")
        table.set_class(not self.items, "-hidden")
        self.refresh_bindings()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        digests: dict[str, CaseDigest | None] = {}
        for case_id in case_ids:
            try:
                digests[case_id] = self.psr.store.get_digest(case_id)
            except StoreError:  # deleted or unreadable: drop it from the list
                digests[case_id] = None
        self._update_cases(digests)

    def _items_of(self, digests: list[CaseDigest],
                  show_all: bool | None = None) -> list[ReviewItem]:
        """The review items of `digests` in the mode `show_all` (default: the screen's)."""
        today = self.psr.today()
        if self.show_all if show_all is None else show_all:
            return review_items(digests, today)
        return my_review_items(digests, today, self.psr.identity)

    def _update_cases(self, digests: dict[str, CaseDigest | None]) -> None:
        """The changed cases' digests (None: gone) in place of those held. When they only
        lose items (a review recorded), those rows are removed, found by their place in
        the order, and the next items appended, nothing else redrawn (a refill took ~2 s
        at 20,000 cases). New or moved items: merged into the list, the table refilled."""
        before = self._items_of([d for i in digests if (d := self.cases.get(i)) is not None])
        for case_id, digest in digests.items():
            if digest is None:
                self.cases.pop(case_id, None)
            else:
                self.cases[case_id] = digest
        fresh = self._items_of([d for d in digests.values() if d is not None])
        gone = items_gone(before, fresh, lambda item: item.key)
        if gone is not None and not self.load_progress:
            left = self.ranked.remove(gone)
            if len(left) == len(gone):
                self.rows.drop({item.key for item in left}, self.ranked.items)
                self._show_counts()
                return
        case_ids = digests.keys()
        self.ranked.drop(lambda item: item.case_id in case_ids)
        self.ranked.merge(fresh)
        self._fill()

    # ---- actions ---------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action == "record" and not self.items:
            return None  # shown greyed: nothing to record
        return super().check_action(action, parameters)

    def access_case(self) -> ScopedCase | None:
        item = self._selected()
        return self.cases.get(item.case_id) if item else None

    def _selected(self) -> ReviewItem | None:
        return self.rows.selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_record()

    def action_record(self) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            case = self.psr.store.get(item.case_id)  # fresh: someone may have recorded it
        except StoreError as exc:  # deleted or unreadable: say so and reload the list
            self.notify(f"Cannot open this case: {exc!s}", severity="error")
            self.call_later(self.reload)
            return
        from ...domain.review import recording_refusal

        refusal = recording_refusal(case)
        if refusal:  # paused (or closed) since the list was read: it leaves the list
            self.notify(f"{case.practitioner_name}: {refusal}",
                        title="Not recordable", severity="warning")
            self._update_cases({case.id: digest_of(case)})
            return
        rp = case.plan.review_point(item.review_point_id) if case.plan else None
        if rp is None or rp.outcome is not None:
            who = rp.outcome.recorded_by if rp and rp.outcome else "someone"
            self.notify(f"Already recorded by {who}.", severity="warning")
            self._update_cases({case.id: digest_of(case)})
            return
        # Imported when first opened: the dialog's text area (tree-sitter) and forms cost
        # ~0.07 s that `psr-tui review` would otherwise pay before its first frame.
        from ..dialogs.review_outcome import ReviewOutcomeDialog

        self.app.push_screen(ReviewOutcomeDialog(case, item.review_point_id),
                             lambda saved: self._saved(saved, item.review_point_id))

    def _saved(self, case: Case | None, review_point_id: str) -> None:
        if case is None:
            return
        rp = case.plan.review_point(review_point_id) if case.plan else None
        done = rp.outcome or (rp.history[-1] if rp and rp.history else None) if rp else None
        label = self.psr.vocab["review_outcomes"].label(done.outcome) if done else "saved"
        if done and done.amendment_id:
            label += " (amendment proposed: applies once both parties agree)"
        # The list took the change from the save's own CasesChanged (saving.save_case).
        self.notify(f"{case.practitioner_name}: {label}", title="Review recorded")

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self._refill()

    async def action_reload(self) -> None:
        await self.reload()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_dashboard(self) -> None:
        from .dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen())
