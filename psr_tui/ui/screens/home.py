"""Home: every case, overdue reviews and breached deadlines first; open, filter, start a case."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static

from ...domain.access import AUDIT_READ, CREATE, READ, REVIEW_RECORD, may
from ...domain.archive import is_archived, load_record_life, split_archive
from ...domain.status import CaseSummary, summarise
from ...store.errors import CaseNotFound, StoreError, UnreadableFile
from ..widgets.capped_rows import (
    CHUNK_ROWS,
    FIRST_ROWS,
    SHOWN_ROWS,
    add_more,
    after_next_frame,
    screenful,
)
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..widgets.text_fields import TextInput
from .base import PsrScreen
from .case_rows import COLUMNS, is_urgent, matching, query_words, row_cells, search_text
from .home_listing import HomeListing, Ranked, merged, ranked_batch
from .nothing_here import NOTHING_YET
from .opening import INTAKE_STATES, edits_case, open_case, start_new_request

# SHOWN_ROWS, FIRST_ROWS, CHUNK_ROWS: the lists' one set of limits (widgets/capped_rows.py):
# at most 500 rows, most urgent first (the count line says when more match; the filter
# finds any case), a screenful at once, the rest as the view or the cursor comes near
# them (RowTable.more_rows), never in the background.
LOAD_BATCH = 250  # case digests read per step while loading
FIRST_BATCH = 60  # the first step: a screenful, so the first rows show at once
MAX_PROBLEM_NOTES = 5
PLANNING_STATES = frozenset({"draft", "issued"})
SETTING = "home"  # the user's settings key: {"mine": "yes"} while `m` is on


class HomeScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Cases"
    HELP = """\
# Cases

Every case, with overdue reviews and breached deadlines first, marked **!**.
Deadlines are in working days: *draft* is the first draft (20 working days from an
accepted request), *plan* the plan after the discussions (10 working days).

- **Enter**: open the case (advisers: the intake for a request, else the plan builder;
  everyone else: the plan's progress, read-only, with what your role may do there)
- **p**: the progress of a plan in delivery (review points, amendments to agree,
  completion sign-off, progress reports), whether or not a review is due
- **/**: filter by name, organisation, case adviser, type or state; **Esc** clears
  the filter
- **m**: my cases: those whose case adviser is your name or user name (ignoring
  capitals); for a supervisor, the plans you supervise. Remembered for you.
- **n**: new case (a request received today)
- **r**: review points you are linked to record; **d**: the dashboard of plans
- **u**: the case's audit trail (who changed what, when)
- **a**: the archive: closed cases that have left this list (read-only)
- **j/k** or the arrows: move
"""
    SHOWS_OWN_WRITES = True
    OPERATIONS = {"new_case": CREATE, "progress": READ, "quick_review": REVIEW_RECORD,
                  "dashboard": READ, "open_case": READ, "archive": READ}
    BINDINGS = [
        Binding("enter", "open_case", "Open"),
        Binding("n", "new_case", "New case"),
        Binding("p", "progress", "Progress"),
        # The filter line itself says "/ to filter", so the footer keeps room for the rest.
        Binding("slash", "filter", "Filter", key_display="/", show=False),
        Binding("r", "quick_review", "My reviews"),
        Binding("d", "dashboard", "Dashboard"),
        Binding("m", "my_cases", "My cases", show=False),
        Binding("u", "audit", "Audit trail", show=False),
        Binding("i", "insights", "Insights", show=False),
        Binding("a", "archive", "Archive", show=False),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing: HomeListing  # made on mount, with the signed-in identity
        self._opened: set[str] = set()
        self._pending: list[str] = []  # listed ids not in the table yet (added when near)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading cases…", id="home-counts")
        yield TextInput(placeholder="/ to filter: name, organisation, case adviser, type, state",
                    id="home-filter", compact=True)
        table = RowTable(id="home-cases", cursor_type="row")
        for key, header, width in COLUMNS:
            table.add_column(header, width=width, key=key)
        yield table
        yield KeyFooter()

    def on_mount(self) -> None:
        self.listing = HomeListing(self.psr.identity)
        self.listing.mine = self._remembered_mine()
        self.table.more_rows = self._more_rows
        self.table.focus()
        # Filtered in the keystroke's own step, not on the Input.Changed message after it:
        # a frame could be drawn in between, the key echoed with the old list still shown
        # (50 ms more at 20,000 cases on a loaded host: "filter: list after the echo").
        self.watch(self.query_one("#home-filter", Input), "value", self._filter_changed,
                   init=False)
        self.load_cases()

    def _remembered_mine(self) -> bool:
        try:
            kept = self.psr.settings.load().get(SETTING)
        except StoreError:
            return False  # the app said so at start; the default serves
        return isinstance(kept, dict) and kept.get("mine") == "yes"

    # What the listing holds, as tests and other screens read it.
    @property
    def loaded(self) -> bool:
        return self.listing.loaded

    @property
    def mine(self) -> bool:
        return self.listing.mine

    @property
    def summaries(self) -> dict[str, CaseSummary]:
        return self.listing.summaries

    def visible_ids(self) -> list[str]:
        return self.listing.visible_ids(self._query())

    @property
    def table(self) -> RowTable:
        return self.query_one("#home-cases", RowTable)

    @property
    def today(self) -> date:
        return self.psr.today()

    # -- loading, off the UI thread, rows shown as they arrive -----------------------------
    @work(thread=True, exclusive=True, group="home-load")
    def load_cases(self) -> None:
        """Digests, not cases (store/case_digests.py), in batches: the first rows are on
        screen at once and keys stay answered. Rows, filter texts and the urgency order
        are all worked out here, off the UI thread, which only files them."""
        store, today, vocab = self.psr.store, self.today, self.psr.vocab
        problems: list[UnreadableFile] = []
        runs: list[list[Ranked]] = []  # each batch's rows in urgency order
        life = load_record_life()
        for n, batch in enumerate(store.iter_digests(batch=LOAD_BATCH, first=FIRST_BATCH)):
            # Archived cases leave this list: the archive has its own view (`a`).
            working, _archived = split_archive(batch.digests, today, life)
            rows = [(s, search_text(s, vocab))
                    for s in (summarise(d, today, vocab) for d in working)]
            runs.append(ranked_batch(rows))
            problems += batch.problems
            if not self.from_worker(self._arrived, rows, batch.done, batch.total):
                return  # the screen is gone: stop reading
            if n == 0:
                after_next_frame(self)  # the first rows drawn before reading on
        self.from_worker(self._loaded, problems, merged(runs))

    def _arrived(self, rows: list[tuple[CaseSummary, str]], done: int, total: int) -> None:
        for s, text in rows:
            self.listing.keep(s, text)
        # What has arrived is here to stay: out of the collector's sight, so the full
        # collections loading triggers do not walk it again and again (0.1-0.4 s each
        # at 20,000 cases).
        self.keep_loaded_for_good()
        had_rows = self.table.row_count > 0
        # A screenful while loading; all once sorted.
        room = screenful(self.table, FIRST_ROWS) - self.table.row_count
        if room > 0:
            mine, my_ids = self.listing.mine, self.listing.my_ids
            pairs = [(s.id, text) for s, text in rows if not mine or s.id in my_ids]
            self._add_rows([i for i, _t in matching(pairs, query_words(self._query()))][:room])
        self.query_one("#home-counts", Static).update(
            f"Loading cases… {done}/{total} (sorted by urgency when all are read)")
        # The first rows (whichever batch brings them: out-of-scope and archived cases
        # never arrive): Open and Progress now apply.
        if not had_rows and self.table.row_count > 0:
            self.refresh_bindings()
            self.call_after_refresh(self.psr.start_polling)  # once they are drawn

    def _loaded(self, problems: list[UnreadableFile], ordered: list[tuple[str, str]]) -> None:
        self.listing.all_read(ordered)
        self.refill()
        self.keep_loaded_for_good()
        self.import_soon("psr_tui.ui.screens.plans_dashboard")  # `d`'s screen
        for problem in problems[:MAX_PROBLEM_NOTES]:
            self.notify(str(problem), title="Unreadable case file", severity="error",
                        timeout=20)
        if len(problems) > MAX_PROBLEM_NOTES:
            self.notify(f"…and {len(problems) - MAX_PROBLEM_NOTES} more unreadable case files: "
                        "run `psr-tui check`", severity="error", timeout=20)

    # -- filling the table in chunks --------------------------------------------------------
    def _query(self) -> str:
        return self.query_one("#home-filter", Input).value.strip()

    def refill(self) -> None:
        table = self.table
        had_rows = table.row_count > 0
        table.clear()
        matching = self.visible_ids()
        ids = matching[:SHOWN_ROWS]
        now = screenful(table, FIRST_ROWS)
        self._add_rows(ids[:now])
        self._pending = ids[now:]
        self.update_counts(len(matching))
        if bool(ids) != had_rows or not self.loaded:
            # Open and Progress apply only when there are rows; the footer is redrawn
            # only when that changes (a redraw per keystroke cost the filter ~0.1 s).
            self.refresh_bindings()
        if self._pending:  # the view laid out: more rows if it is taller than these
            self.call_after_refresh(table.ask_for_rows)

    def _more_rows(self, every: bool) -> None:
        """The next listed rows, asked for by the table as the view or the cursor comes
        near its last row (as CappedRows lists)."""
        self._pending = add_more(self.table, self._pending, every, CHUNK_ROWS, self._add_rows)

    def _add_rows(self, ids: list[str]) -> None:
        vocab, table, grey = self.psr.vocab, self.table, self.app.no_color
        for case_id in ids:
            table.add_row(*row_cells(self.summaries[case_id], vocab, grey), key=case_id)

    def update_counts(self, shown: int | None = None) -> None:
        if not self.listing.loaded:
            return
        counts = self.query_one("#home-counts", Static)
        if not self.listing.summaries and not may(self.psr.identity, CREATE):  # not "0 cases"
            counts.update(NOTHING_YET)
            return
        counts.update(self.listing.count_line(self._query(), shown))

    # -- keeping rows current ---------------------------------------------------------------
    def cases_changed(self, case_ids: frozenset[str]) -> None:
        if case_ids:
            self.reread(sorted(case_ids))

    @work(thread=True, group="home-reread")
    def reread(self, case_ids: list[str]) -> None:
        store, today, vocab = self.psr.store, self.today, self.psr.vocab
        fresh: list[CaseSummary] = []
        gone: list[str] = []
        problems: list[str] = []
        life = load_record_life()
        for case_id in case_ids:
            try:
                digest = store.get_digest(case_id)
                if is_archived(digest, today, life):  # closed long enough: archived
                    gone.append(case_id)
                    continue
                fresh.append(summarise(digest, today, vocab))
            except CaseNotFound:
                gone.append(case_id)
            except UnreadableFile as exc:
                problems.append(str(exc))
        self.from_worker(self._apply_changes, fresh, gone, problems)

    def _apply_changes(self, fresh: list[CaseSummary], gone: list[str],
                       problems: list[str]) -> None:
        vocab, table, listing, query = self.psr.vocab, self.table, self.listing, self._query()
        for case_id in gone:
            listing.drop(case_id)
            if case_id in table.rows:
                table.remove_row(case_id)
        for s in fresh:
            listing.keep(s, search_text(s, vocab))
            if s.id in table.rows and not listing.shows(s.id, query):
                table.remove_row(s.id)  # no longer the user's case, or no longer matching
            elif s.id in table.rows:
                cells = row_cells(s, vocab, self.app.no_color)
                for (key, _h, _w), cell in zip(COLUMNS, cells, strict=True):
                    table.update_cell(s.id, key, cell)
            elif listing.loaded and not self._pending and table.row_count < SHOWN_ROWS \
                    and listing.shows(s.id, query):
                table.add_row(*row_cells(s, vocab, self.app.no_color), key=s.id)
        if self._pending:  # listed ids not added yet: those gone or now filtered out go
            self._pending = [i for i in self._pending
                             if i in listing.summaries and listing.shows(i, query)]
        if listing.loaded and (fresh or gone):  # only the changed rows moved: one sort of keys
            listing.reorder()
        elif fresh or gone:
            listing.changed_while_loading = True
        for problem in problems:
            self.notify(problem, title="Unreadable case file", severity="error", timeout=20)
        self.update_counts()

    def on_screen_resume(self) -> None:
        if self._opened:
            self.reread(sorted(self._opened))
            self._opened.clear()

    # -- filtering --------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#home-filter", Input).focus()

    def _filter_changed(self) -> None:
        if self.loaded:
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#home-filter", Input)
        if box.value:
            box.value = ""  # _filter_changed refills the table
        self.table.focus()

    def action_my_cases(self) -> None:
        self.listing.toggle_mine()
        try:
            self.psr.settings.remember(SETTING, {"mine": "yes" if self.listing.mine else ""})
        except StoreError as exc:
            self.notify(f"My cases shown until you quit, but not remembered: {exc}",
                        severity="warning", timeout=8)
        if self.loaded:
            self.refill()

    def action_cursor(self, step: int) -> None:
        table = self.table
        table.move_cursor(row=max(0, table.cursor_row + step))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action in ("new_case", "progress", "quick_review", "dashboard", "cursor",
                      "filter", "audit", "archive", "my_cases") and \
                isinstance(self.focused, Input):
            return False  # letters typed into the filter are text, not commands
        if action in ("open_case", "progress"):
            return self.table.row_count > 0
        if action == "audit":
            # Per case (an organisation lead reads only their organisation's trails): the
            # role must be able to at all; the store checks the case when it is opened.
            return self.table.row_count > 0 and may(self.psr.identity, AUDIT_READ)
        return super().check_action(action, parameters)

    # -- opening ----------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.open_case(str(event.row_key.value))

    def selected_id(self) -> str | None:
        return self.query_one(RowTable).selected_key()

    def action_open_case(self) -> None:
        case_id = self.selected_id()
        if case_id is not None:
            self.open_case(case_id)

    def action_progress(self) -> None:
        """The plan progress view, also for plans the dashboard does not list (nothing due)."""
        case_id = self.selected_id()
        if case_id is None:
            return
        try:
            case = self.psr.store.get(case_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if edits_case(case, self.psr.identity) and (
                case.plan is None or case.state in INTAKE_STATES | PLANNING_STATES):
            self.notify("This plan is not in delivery yet: Enter opens the intake or the "
                        "plan builder.", timeout=6)
            return
        self._open_progress(case_id)

    def _open_progress(self, case_id: str) -> None:
        from .plan_progress import PlanProgressScreen

        self._opened.add(case_id)
        self.app.push_screen(PlanProgressScreen(case_id))

    def action_archive(self) -> None:
        from .archive import ArchiveScreen

        self.app.push_screen(ArchiveScreen())

    def action_audit(self) -> None:
        case_id = self.selected_id()
        if case_id is None:
            return
        from .audit_trail import AuditTrailScreen

        self.app.push_screen(AuditTrailScreen(case_id))

    def open_case(self, case_id: str) -> None:
        if open_case(self.psr, case_id):
            self._opened.add(case_id)  # its row is re-read when home shows again

    def action_new_case(self) -> None:
        created = start_new_request(self.psr)
        if created is not None:
            self._opened.add(created)

    def action_quick_review(self) -> None:
        from .quick_review import QuickReviewScreen

        self.app.push_screen(QuickReviewScreen())

    def action_insights(self) -> None:
        self.psr.open_insights()  # figures across the cases in scope, no names

    def action_dashboard(self) -> None:
        from .plans_dashboard import PlansDashboardScreen

        self.app.push_screen(PlansDashboardScreen())


__all__ = ["HomeScreen", "is_urgent"]
