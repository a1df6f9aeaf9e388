"""Review dashboard: review points due this week and overdue across every running plan.

Opens on the overdue items (the list is overdue first, cursor on the first). Filter by
organisation (`o`), supervisor (`s`) and case adviser (`c`), `m` my cases; Enter opens
the plan's progress view.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Static

from ...domain.access import READ, supervising_users
from ...domain.case_digest import CaseDigest
from ...domain.caseload import is_my_case
from ...domain.ranked_list import RankedList, items_gone
from ...domain.status import ReviewItem, item_order, review_items
from ...store import StoreError
from ..widgets.capped_rows import CappedRows
from ..widgets.key_footer import KeyFooter
from ..widgets.row_table import RowTable
from ..widgets.text_fields import TextInput
from ..wording import clipped
from .base import PsrScreen
from .batch_loading import Arrival, BatchLoader

STATUS_TEXT = {"overdue": "! OVERDUE", "due": "• due"}
# Each column's set width (text longer is clipped to it): the columns stay put as rows
# load, and new rows are not measured (widgets/text_table.py). 79 columns in all.
WIDTHS = {"Status": 9, "Due": 6, "Practitioner": 14, "Organisation": 12, "Review": 14,
          "Supervisor": 12}


def item_supervisor(case: CaseDigest | None, item: ReviewItem) -> str:
    """Who holds this review: its named reviewer, else the plan's supervisors."""
    if item.reviewer.strip():
        return item.reviewer.strip()
    return ", ".join(case.supervisors) if case is not None else ""


class DashboardScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Review dashboard"
    HELP = """# Review dashboard

Every review point due within the next 7 days or already overdue, across the running plans
(active or extended) you may see, overdue first. The cursor starts on the first overdue item.

- `o` filters by organisation, `s` by supervisor, `c` by case adviser (type part of a
  name; Enter or Esc returns to the list, `x` clears every filter).
- `m` my cases: plans whose case adviser is your name or user name (ignoring capitals);
  for a supervisor, the plans you supervise.
- Enter opens the plan's progress view: the supervision ladder, every review point, and
  the actions (record an outcome, agree an amendment, sign off completion, export).
- `v` switches to the dashboard of plans (every plan's level, ladder and next milestone).
- Changes other people save show up here within a few seconds.
"""
    SHOWS_OWN_WRITES = True
    OPERATIONS = {"open_plan": READ}
    BINDINGS = [
        Binding("enter", "open_plan", "Open plan", show=True),
        Binding("o", "filter_organisation", "Filter organisation", show=True),
        Binding("s", "filter_supervisor", "Filter supervisor", show=True),
        Binding("c", "filter_case_adviser", "Filter case adviser", show=False),
        Binding("m", "my_cases", "My cases", show=False),
        Binding("slash", "filter_organisation", "Filter", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("v", "plans", "Plans", show=True),
        Binding("r", "reload", "Reload", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cases: dict[str, CaseDigest] = {}  # digests, never whole cases
        self.everything = RankedList(item_order)  # every due item, in order, unfiltered
        self.matching = RankedList(item_order)  # the items the filters let through
        self.loader = BatchLoader(self, "dashboard-load", self._items_of, self._arrived)
        self._listing = False  # the first batch listed (a reload starts again)
        self.problems = 0
        self.load_progress = ""  # "n/total" while the digests are being read
        self.mine = False  # `m`: the identity's caseload only (domain/caseload.py)
        self._rows: CappedRows[ReviewItem] | None = None

    @property
    def rows(self) -> CappedRows[ReviewItem]:
        if self._rows is None:
            self._rows = CappedRows(self.query_one(RowTable), attrgetter("key"), self._cells)
        return self._rows

    @property
    def items(self) -> list[ReviewItem]:
        """The items the filters let through, in order (the table lists the first ones)."""
        return self.rows.items

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="dash-summary")
        with Horizontal(id="dash-filters"):
            yield TextInput(placeholder="organisation (o)", id="filter-organisation")
            yield TextInput(placeholder="supervisor (s)", id="filter-supervisor")
            yield TextInput(placeholder="case adviser (c)", id="filter-case-adviser")
        yield RowTable(id="dash-table", cursor_type="row")
        yield Static("", id="dash-empty")
        yield KeyFooter()

    async def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for header, width in WIDTHS.items():
            table.add_column(header, width=width)
        await self.reload()
        table.focus()

    # ---- data (screens/batch_loading.py) -----------------------------------------
    async def reload(self) -> None:
        self.cases, self.problems = {}, 0
        self.everything.clear()
        self._listing = False
        # Over the quick review, its digests of the due cases: no case file read again.
        await self.loader.start(self.held_below())

    def _items_of(self, digests: list[CaseDigest]) -> list[ReviewItem]:
        """Off the UI thread: a batch's due items."""
        return review_items(digests, self.psr.today())

    def _arrived(self, arrival: Arrival[list[ReviewItem]]) -> None:
        """A batch's items slotted into the sorted list, only they filtered; the list's
        first rows redrawn only when they moved."""
        # Only the digests of cases with a due item: on this pushed screen nothing is
        # frozen, and 20,000 digests held made each full collection 0.25 s.
        due = {item.case_id for item in arrival.made}
        self.cases.update((d.id, d) for d in arrival.digests if d.id in due)
        self.problems += arrival.problems
        self.load_progress = arrival.progress
        self.keep_loaded_for_good()
        self.everything.merge(arrival.made)
        if not self._listing:  # the first rows
            self._listing = True
            self._refill()
            return
        wanted = self._wanted()
        moved = self.matching.merge(i for i in arrival.made if wanted(i))
        self.rows.grow(self.matching.items, moved, arrival.redraw, arrival.last)
        self._show_counts()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        """Only the changed cases are re-read: when they only lose items (a review
        recorded), those rows go and nothing else is redrawn."""
        today = self.psr.today()
        before = review_items([d for i in case_ids if (d := self.cases.get(i)) is not None],
                              today)
        for case_id in case_ids:
            try:
                self.cases[case_id] = self.psr.store.get_digest(case_id)
            except StoreError:  # deleted or unreadable: no longer listed
                self.cases.pop(case_id, None)
        fresh = review_items([self.cases[i] for i in case_ids if i in self.cases], today)
        gone = items_gone(before, fresh, lambda item: item.key)
        # Items that only left are found by their place in the order, not by a pass.
        if (gone is not None and not self.load_progress
                and len(self.everything.remove(gone)) == len(gone)):
            left = self.matching.remove(gone)  # those the filters let through
            self.rows.drop({item.key for item in left}, self.matching.items)
            self._show_counts()
            return
        self.everything.drop(lambda item: item.case_id in case_ids)
        self.everything.merge(fresh)
        self._refill()

    def _filter(self, input_id: str) -> str:
        return self.query_one(f"#{input_id}", Input).value.strip().lower()

    def _wanted(self) -> Callable[[ReviewItem], bool]:
        """Whether an item passes the filters as they stand."""
        organisation = self._filter("filter-organisation")
        supervisor = self._filter("filter-supervisor")
        adviser = self._filter("filter-case-adviser")
        cases = self.cases

        def wanted(item: ReviewItem) -> bool:
            case = cases.get(item.case_id)
            return (organisation in item.organisation.lower()
                    and supervisor in item_supervisor(case, item).lower()
                    and self._adviser_matches(case, adviser))
        return wanted

    def _refill(self) -> None:
        selected = self.rows.selected()
        self.matching = self.everything.where(self._wanted())
        self.rows.fill(self.matching.items, keep=selected.key if selected else None,
                       whole=not self.load_progress)
        self._show_counts()

    def _cells(self, item: ReviewItem) -> list[str | Text]:
        status = Text(STATUS_TEXT.get(item.status, item.status),
                      style="bold" if item.status == "overdue" else "")
        return [status, item.due_on.strftime("%d %b") if item.due_on else "--",
                clipped(item.practitioner, WIDTHS["Practitioner"]),
                clipped(item.organisation, WIDTHS["Organisation"]),
                clipped(item.title, WIDTHS["Review"]),
                clipped(item_supervisor(self.cases.get(item.case_id), item),
                        WIDTHS["Supervisor"])]

    def _show_counts(self) -> None:
        """The summary over every item the filters let through, listed or not."""
        organisation = self._filter("filter-organisation")
        supervisor = self._filter("filter-supervisor")
        adviser = self._filter("filter-case-adviser")
        overdue = sum(i.status == "overdue" for i in self.items)
        filtered = " (filtered)" if organisation or supervisor or adviser else ""
        filtered += " · my cases" if self.mine else ""
        unreadable = f" · {self.problems} case file(s) unreadable" if self.problems else ""
        loading = f" · loading cases… {self.load_progress}" if self.load_progress else ""
        self.query_one("#dash-summary", Static).update(
            f"{overdue} overdue · {len(self.items) - overdue} due within 7 days"
            f"{filtered}{self.rows.note()}{unreadable}{loading}"
        )
        self.query_one("#dash-empty", Static).update(
            "" if self.items else "Loading review points…" if self.load_progress
            else "No review points are overdue or due within 7 days."
        )
        self.refresh_bindings()

    def _adviser_matches(self, case: CaseDigest | None, adviser: str) -> bool:
        if case is None:
            return not adviser and not self.mine
        if self.mine and not is_my_case(self.psr.identity, case.case_adviser,
                                        supervising_users(case)):
            return False
        return adviser in case.case_adviser.lower()

    def _selected(self) -> tuple[str, str] | None:
        item = self.rows.selected()
        return (item.case_id, item.review_point_id) if item else None

    # ---- actions ---------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action in ("filter_organisation", "filter_supervisor", "filter_case_adviser",
                      "my_cases", "clear_filters", "cursor_down", "cursor_up", "reload",
                      "open_plan", "plans") and isinstance(self.focused, Input):
            return False  # letters typed in a filter are text
        if action == "back" and isinstance(self.focused, Input):
            return True
        if action == "open_plan" and not self.items:
            return None
        return super().check_action(action, parameters)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_plan()

    def action_open_plan(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        from .plan_progress import PlanProgressScreen

        self.app.push_screen(PlanProgressScreen(selected[0], review_point_id=selected[1]))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.is_mounted and self.query_one(DataTable).columns:
            self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()  # Esc leaves the filter, not the screen
            return
        super().action_back()

    def action_filter_organisation(self) -> None:
        self.query_one("#filter-organisation", Input).focus()

    def action_filter_supervisor(self) -> None:
        self.query_one("#filter-supervisor", Input).focus()

    def action_filter_case_adviser(self) -> None:
        self.query_one("#filter-case-adviser", Input).focus()

    def action_my_cases(self) -> None:
        self.mine = not self.mine
        self._refill()

    def action_clear_filters(self) -> None:
        for input_id in ("filter-organisation", "filter-supervisor", "filter-case-adviser"):
            self.query_one(f"#{input_id}", Input).value = ""
        self.mine = False
        self._refill()

    async def action_reload(self) -> None:
        await self.reload()

    def action_plans(self) -> None:
        from .plans_dashboard import show_plans

        show_plans(self)  # the dashboard across plans: `v` there comes back here

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
