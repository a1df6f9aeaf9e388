"""The dashboard across plans: every plan in delivery, where it stands on its ladder, its
next milestone, filtered by organisation, supervisor, case adviser and state.

Rows come from domain/plan_overview.py over the store's case digests (scoped by the
access policy), read in batches in a worker thread; the table lists the first
SHOWN_ROWS rows that match the filters (ui/widgets/capped_rows.py), the filters reach
every plan. The filters are remembered per user (store/user_settings.py, key
`plans_dashboard`). `v` switches to the review points due.
"""

from __future__ import annotations

from operator import attrgetter

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Static

from ...domain.access import READ
from ...domain.case_digest import CaseDigest
from ...domain.caseload import is_my_case
from ...domain.plan_overview import (
    STANDING_SHORT,
    STATE_FILTER_CODES,
    STATE_FILTERS,
    PlanFilter,
    PlanRow,
    count_line,
    order_key,
    plan_rows,
)
from ...domain.ranked_list import RankedList
from ...store import StoreError
from ..widgets.capped_rows import CappedRows
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..widgets.text_fields import TextInput
from .base import PsrScreen
from .batch_loading import Arrival, BatchLoader
from .plans_dashboard_rows import WIDE_FROM, columns_for, row_cells

SETTING = "plans_dashboard"
TEXT_FILTERS = ("organisation", "supervisor", "case_adviser")
STATE_WORDS = dict(STATE_FILTERS)


class PlansDashboardScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Plans dashboard"
    HELP = """# Plans dashboard

Every plan in delivery you may see, one row each: overdue reviews first (marked **!**),
then plans behind, completion due and amendments awaiting agreement.

- **Ladder**: the plan's supervision stages by level, from the first to the last
  (5 is full scope): `2[3]45` is at stage 2 (level 3); `[2](3)45` is still at level 2
  while the plan's dates say stage 2 (level 3) has begun.
- **Next**: the next review point or stage change and its date.
- **State**: on track, behind (an overdue review, or the last outcome was insufficient
  progress, a concern or a referral), extended, paused, amendment (awaiting agreement),
  to complete (completion due), not started (signed), completed.
- `o` organisation, `s` supervisor, `c` case adviser: type part of a name (Enter or Esc
  returns to the list); `t` chooses the state (also signed but not started, completed in
  the last 6 months, or all); `x` clears every filter. Filters combine, and are
  remembered for you.
- `m` my cases: plans whose case adviser, as typed on the request, is your name or your
  psr-tui user name (ignoring capitals; part of a name is not enough); for a supervisor,
  the plans you supervise (or deputise on).
- **Enter** opens the plan's progress; Esc there comes back to the same row.
- `v` switches to the review points due this week and overdue.
- Wider terminals (140 columns) show more: last outcome, supervisor, case adviser.
"""
    SHOWS_OWN_WRITES = True
    OPERATIONS = {"open_plan": READ}
    BINDINGS = [
        Binding("enter", "open_plan", "Progress"),
        Binding("m", "my_cases", "My cases"),
        Binding("t", "filter_state", "State"),
        Binding("v", "review_points", "Review points"),
        Binding("o", "filter('organisation')", "Organisation", show=False),
        Binding("s", "filter('supervisor')", "Supervisor", show=False),
        Binding("c", "filter('case_adviser')", "Case adviser", show=False),
        Binding("slash", "filter('organisation')", "Filter", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows = RankedList(order_key)  # every plan's row, in dashboard order
        self.matching = RankedList(order_key)  # the rows the filters let through
        self.loader = BatchLoader(self, "plans-load", self._rows_of, self._arrived)
        self.loaded = False
        self.load_progress = ""  # "n/total" while the digests are being read
        self._listed: CappedRows[PlanRow] | None = None
        self.problems = 0
        self.state = "delivery"
        self.mine = False
        self.wide = False
        self._keep: str | None = None  # the row to come back to
        self._remembered: dict[str, str] | None = None  # the filters as last stored

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading plans…", id="plans-counts")
        with Horizontal(id="plans-filters"):
            yield TextInput(placeholder="o organisation", id="filter-organisation", compact=True)
            yield TextInput(placeholder="s supervisor", id="filter-supervisor", compact=True)
            yield TextInput(placeholder="c case adviser", id="filter-case_adviser", compact=True)
            yield Static("", id="plans-state")
        yield RowTable(id="plans-table", cursor_type="row")
        yield KeyFooter()

    async def on_mount(self) -> None:
        self._restore_filters()
        self.wide = self.app.size.width >= WIDE_FROM
        self._set_columns()
        self.table.focus()
        await self.loader.start()

    @property
    def table(self) -> DataTable[object]:
        return self.query_one("#plans-table", DataTable)

    @property
    def listed(self) -> CappedRows[PlanRow]:
        if self._listed is None:
            self._listed = CappedRows(
                self.query_one(RowTable), attrgetter("case_id"),
                lambda row: row_cells(row, self.wide, self.app.no_color))
        return self._listed

    @property
    def shown(self) -> list[PlanRow]:
        """The rows the filters let through, in order (the table lists the first ones)."""
        return self.listed.items

    # ---- loading (screens/batch_loading.py) -------------------------------------------
    def _rows_of(self, digests: list[CaseDigest]) -> list[PlanRow]:
        """Off the UI thread: a batch's rows."""
        return plan_rows(digests, self.psr.today(), self.psr.vocab)

    def _arrived(self, arrival: Arrival[list[PlanRow]]) -> None:
        """A batch's rows slotted into the sorted list, only they filtered: the rows
        before them were, and the list's first rows redrawn only when they moved."""
        self.rows.merge(arrival.made)
        self.problems += arrival.problems
        self.load_progress = arrival.progress
        self.keep_loaded_for_good()
        if not self.loaded:
            self.loaded = True  # the filters and Enter apply from the first rows
            self.refill()
            return
        wanted = self.current_filter()
        moved = self.matching.merge(r for r in arrival.made if wanted.matches(r))
        self.listed.grow(self.matching.items, moved, arrival.redraw, arrival.last)
        self._show_counts(wanted)
        if arrival.last:
            self.refresh_bindings()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        if case_ids:
            self.reread(sorted(case_ids))

    @work(thread=True, group="plans-reread")
    def reread(self, case_ids: list[str]) -> None:
        """Only the changed cases' digests: their rows replace the old ones."""
        store, today, vocab = self.psr.store, self.psr.today(), self.psr.vocab
        fresh: list[PlanRow] = []
        for case_id in case_ids:
            try:
                row = plan_rows([store.get_digest(case_id)], today, vocab)
            except StoreError:  # deleted, unreadable or out of scope now: no row
                continue
            fresh += row
        self.from_worker(self._apply_changes, set(case_ids), fresh)

    def _apply_changes(self, case_ids: set[str], fresh: list[PlanRow]) -> None:
        self.rows.drop(lambda row: row.case_id in case_ids)
        self.rows.merge(fresh)
        if not self.loaded:
            return
        wanted = self.current_filter()
        self.matching.drop(lambda row: row.case_id in case_ids)
        self.matching.merge(r for r in fresh if wanted.matches(r))
        self.listed.update(self.matching.items, case_ids)
        self._show_counts(wanted)
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        if self.loaded and self._keep:
            self.reread([self._keep])  # the plan may have changed while its progress was open

    # ---- filters -----------------------------------------------------------------------
    def current_filter(self) -> PlanFilter:
        return PlanFilter(**{key: self._text(key) for key in TEXT_FILTERS},
                          state=self.state, mine=self.psr.identity if self.mine else None)

    def _text(self, key: str) -> str:
        return self.query_one(f"#filter-{key}", Input).value

    def _restore_filters(self) -> None:
        try:
            kept = self.psr.settings.load().get(SETTING)
        except StoreError:
            kept = None  # the app said so at start; the defaults serve
        if isinstance(kept, dict):
            for key in TEXT_FILTERS:  # a hand-edited file is checked value by value
                value = kept.get(key)
                if isinstance(value, str):
                    self.query_one(f"#filter-{key}", Input).value = value[:200]
            state = kept.get("state")
            if isinstance(state, str) and state in STATE_FILTER_CODES:
                self.state = state
            self.mine = kept.get("mine") == "yes"
        self._remembered = self._filters_now()  # stored, or the defaults: nothing to write

    def _filters_now(self) -> dict[str, str]:
        kept = {key: self._text(key).strip() for key in TEXT_FILTERS}
        return kept | {"state": self.state, "mine": "yes" if self.mine else ""}

    def _remember_filters(self) -> None:
        kept = self._filters_now()
        if kept == self._remembered:
            return  # unchanged: no write (a filter box loses the focus as the screen opens)
        try:
            self.psr.settings.remember(SETTING, kept)
            self._remembered = kept
        except StoreError as exc:
            self.notify(f"Filters used until you quit, but not remembered: {exc}",
                        severity="warning", timeout=8)

    # ---- the table ---------------------------------------------------------------------
    def _set_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        for key, header, width in columns_for(self.wide):
            table.add_column(header, width=width, key=key)

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE_FROM
        if wide != self.wide and self.is_mounted:
            self.wide = wide
            self._set_columns()
            self.refill()

    def refill(self) -> None:
        if not self.loaded:
            return
        keep = self._keep or self.selected_id()
        wanted = self.current_filter()
        self.matching = self.rows.where(wanted.matches)
        self.listed.fill(self.matching.items, keep=keep, whole=not self.load_progress)
        self._keep = None
        self._show_counts(wanted)
        self.refresh_bindings()

    def _show_counts(self, wanted: PlanFilter) -> None:
        shown = self.shown
        if self.load_progress:
            # Counted when every plan is read: a count of part of them would mislead, and
            # counting again for each batch held the UI thread (10 ms a count at 20,000).
            text = f"Loading plans… {self.load_progress} cases read"
        elif not shown:
            text = self._why_none(wanted)
        else:
            text = count_line(shown)
            if self.listed.note():  # the most pressing listed; the filters reach the rest
                text += self.listed.note()
            elif wanted.narrowed:
                text += f" · {len(shown)} of {len(self.rows)} shown"
        if self.problems:
            text += f" · {self.problems} case file(s) unreadable"
        self.query_one("#plans-counts", Static).update(text)
        word = STANDING_SHORT.get(self.state) or STATE_WORDS.get(self.state, self.state)
        state = f"t: {word}"
        self.query_one("#plans-state", Static).update(
            state + (" · m: my cases" if self.mine else ""))

    def _why_none(self, wanted: PlanFilter) -> str:
        """The count line of an empty list: with `m` on and none of the plans the
        user's, say so (an empty list with no word why reads as a fault)."""
        mine = wanted.mine
        if mine is not None and self.rows.items and not any(
                is_my_case(mine, r.case_adviser, r.supervisor_users) for r in self.rows.items):
            return (f"None of the {len(self.rows)} plans is yours as case adviser or "
                    "supervisor · m: every plan")
        if wanted.narrowed:
            return f"No plans match these filters · 0 of {len(self.rows)} shown"
        return "No plans match these filters."

    def selected_id(self) -> str | None:
        return self.query_one(RowTable).selected_key()

    # ---- actions -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if isinstance(self.focused, Input):
            if action == "back":
                return True
            if action != "quit":
                return False  # letters typed in a filter are text
        if action == "open_plan" and not self.shown:
            return None
        return super().check_action(action, parameters)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._remember_filters()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.table.focus()  # Esc leaves the filter, not the screen
            return
        super().action_back()

    def action_filter(self, key: str) -> None:
        self.query_one(f"#filter-{key}", Input).focus()

    def action_filter_state(self) -> None:
        from .plan_progress_amend import PickDialog

        def chosen(code: str | None) -> None:
            if code is not None and code in STATE_FILTER_CODES:
                self.state = code
                self._remember_filters()
                self.refill()

        options = [(label, code) for code, label in STATE_FILTERS]
        self.app.push_screen(PickDialog("Show plans that are…", options), chosen)

    def action_my_cases(self) -> None:
        self.mine = not self.mine
        self._remember_filters()
        self.refill()

    def action_clear_filters(self) -> None:
        with self.prevent(Input.Changed):
            for key in TEXT_FILTERS:
                self.query_one(f"#filter-{key}", Input).value = ""
        self.state, self.mine = "delivery", False
        self._remember_filters()
        self.refill()

    def action_cursor(self, step: int) -> None:
        table = self.table
        table.move_cursor(row=max(0, table.cursor_row + step))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_plan()

    def action_open_plan(self) -> None:
        case_id = self.selected_id()
        if case_id is None:
            return
        from .plan_progress import PlanProgressScreen

        self._keep = case_id
        self.app.push_screen(PlanProgressScreen(case_id))

    def action_review_points(self) -> None:
        from .dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen())


def show_plans(screen: PsrScreen) -> None:
    """From the review points: back to the plans dashboard under it, or open one."""
    stack = screen.app.screen_stack
    if len(stack) > 1 and isinstance(stack[-2], PlansDashboardScreen):
        screen.app.pop_screen()
    else:
        screen.app.switch_screen(PlansDashboardScreen())

