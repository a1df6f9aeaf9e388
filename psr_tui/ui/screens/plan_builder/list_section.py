"""The list section most of the builder's sections are.

It shows one of the plan's lists (objectives, activities, roles, stages, review points) in a
DataTable, opens an editor dialog to add or edit an item, and asks the builder to save each
confirmed change at once (applied to a fresh copy of the case). A suggested item (drafted by
the app: domain/suggested_items.py) is marked `*` and shaped in one key: y accepts it, x drops
it (no confirmation: it can be suggested again), Enter edits it (saving accepts it).
"""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Plan
from ....domain.safe_text import visible
from ....domain.suggested_items import accept_suggestion, suggested_item
from ...dialogs.confirm import ConfirmDialog
from ...dialogs.plan_item_form import Answer, PlanItemDialog, Submit, Values
from ...widgets.capped_rows import CappedRows
from ...widgets.row_table import RowTable
from ...wording import fitted
from .section import Change, Section, fresh_plan, item_detail, show_detail_text

SUMMARY_WIDTH = 80  # what was saved, for the message line and the audit trail
SUGGESTED_MARK = "*"
SUGGESTED_DETAIL = "* Suggested: y accept · x drop · Enter edit (saving accepts) · "
EVERY_ROW = 1_000_000  # a plan's lists are shown whole, never capped as the case lists are


class ShownRow(NamedTuple):
    """A row as drawn: the item's id and its cells (compared after a save)."""

    id: str
    cells: tuple[str, ...]


class ListSection(Section):
    """One list of the plan. Subclasses give the columns, rows, the dialog and `apply`."""

    COLLECTION: ClassVar[str] = ""  # the Plan attribute, also the name in Finding paths
    NOUN: ClassVar[str] = "item"
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    HINT: ClassVar[str] = ""
    ACTIONS = frozenset({"add", "edit", "remove", "move"})

    def compose(self) -> ComposeResult:
        yield Static(self.HINT, classes="section-hint")
        # Enter reaches the builder's `edit` (RowTable leaves it to the screen); a click on
        # a row still posts RowSelected.
        table = RowTable(cursor_type="row", id=f"table-{self.KEY}")
        table.add_columns(*self.COLUMNS)
        self.rows: CappedRows[ShownRow] = CappedRows(
            table, key=lambda row: row.id, cells=lambda row: row.cells, limit=EVERY_ROW)
        yield table
        yield item_detail(self.KEY)

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(DataTable)

    def items(self, plan: Plan) -> list[Any]:
        return list(getattr(plan, self.COLLECTION))

    def row(self, item: Any, index: int) -> tuple[str, ...]:
        raise NotImplementedError

    def new_item(self, plan: Plan) -> Any:
        raise NotImplementedError

    def dialog(self, item: Any, submit: Submit) -> PlanItemDialog:
        raise NotImplementedError

    def apply(self, case: Case, item: Any, values: Values) -> Any:
        """The edited item built from the dialog's values, checked against the fresh case."""
        raise NotImplementedError

    def describe(self, item: Any) -> str:
        return self.NOUN

    def detail(self, item: Any) -> str:
        """The selected item's whole text, for the wrapping line under the list: at 80
        columns the table's cells are clipped, and two activities of one kind, or two
        long objectives, read the same there (subclasses say more than `describe`)."""
        return self.describe(item)

    def summary_of(self, item: Any, values: Values) -> str:
        """What was saved, in words (labels, not vocabulary codes), for the status line and
        the audit trail; the values alone when they do not make an item (the save will say
        why)."""
        try:
            assert self.case is not None
            # Whole words, ending in … when cut (the detail line shows it all).
            return fitted(self.describe(self.apply(self.case, item, values)), SUMMARY_WIDTH, 1)
        except (RuleError, ValueError, AssertionError):
            return values_summary(values)

    # -- showing ----------------------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        """After a save only the rows whose cells changed are redrawn (200 objectives
        rebuilt on every save doubled its time); a row added, removed or moved refills the
        table, the cursor kept on its item. A long list is filled as the lists are: a
        screenful at once, the rest after each frame (`select_item` adds them all first)."""
        super().show_case(case)
        items = self.items(case.plan) if case.plan is not None else []
        shown = [ShownRow(item.id, self.cells(item, i)) for i, item in enumerate(items)]
        before = {row.id: row.cells for row in self.rows.items}
        in_place = list(before) == [row.id for row in shown]
        self.rows.update(shown, set())  # refills only when rows came, went or moved
        if in_place:
            # Drawn here, not by `update`: a column widens for a longer cell (a person's
            # name), as it did when the table was rebuilt.
            table = self.table
            columns = list(table.columns)
            for row in shown:
                if before[row.id] != row.cells:
                    for column, cell in zip(columns, row.cells, strict=True):
                        table.update_cell(row.id, column, cell, update_width=True)
        self.show_detail()

    def cells(self, item: Any, index: int) -> tuple[str, ...]:
        # Every cell, clipped or not, is stored text: shown with its controls visible.
        cells = [visible(cell) for cell in self.row(item, index)]
        if is_suggested(item):
            cells[0] = SUGGESTED_MARK + cells[0]
        return tuple(cells)

    def show_detail(self) -> None:
        item = self.current_item()
        text = self.detail(item) if item is not None else ""
        show_detail_text(self, SUGGESTED_DETAIL + text if is_suggested(item) else text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_detail()

    def selected_id(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None

    def select_item(self, item_id: str) -> bool:
        self.rows.finish()  # the item may be in the rows still to come
        table = self.table
        try:
            index = table.get_row_index(item_id)
        except Exception:  # RowDoesNotExist: the item is gone
            return False
        table.move_cursor(row=index)
        return True

    def current_item(self) -> Any | None:
        plan = self.plan
        item_id = self.selected_id()
        if plan is None or item_id is None:
            return None
        return next((i for i in self.items(plan) if i.id == item_id), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.EditSelected())

    # -- editing ----------------------------------------------------------------------------
    def add(self) -> None:
        plan = self.plan
        if plan is not None:
            self._open(self.new_item(plan), is_new=True)

    def edit(self, field: str = "") -> None:
        item = self.current_item()
        if item is None:
            self.say(f"No {self.NOUN} selected: a adds one.")
            return
        self._open(item, is_new=False, field=field)

    def _open(self, item: Any, *, is_new: bool, field: str = "") -> None:
        item_id = item.id

        def submit(values: Values) -> Answer:
            def change(case: Case) -> None:
                items = getattr(fresh_plan(case), self.COLLECTION)
                if is_new:
                    items.append(self.apply(case, item, values))
                else:
                    at = next((i for i, x in enumerate(items) if x.id == item_id), None)
                    if at is None:
                        raise RuleError(f"This {self.NOUN} was removed by someone else.", "")
                    items[at] = self.apply(case, items[at], values)
                self.after_change(fresh_plan(case))

            verb = "add" if is_new else "edit"
            summary = f"{verb} {self.NOUN}: {self.summary_of(item, values)}"
            return self.save_for_dialog(change, f"plan.{self.COLLECTION}.{verb}", summary,
                                        then=lambda: self.select_item(item_id))

        dialog = self.dialog(item, submit)
        dialog.reload = self.reload_case
        self.open_dialog(dialog, field)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if is_suggested(item):
            self.drop(item)
            return
        change = self.removal(item.id)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(change, f"plan.{self.COLLECTION}.remove",
                          f"remove {self.NOUN}: {self.describe(item)}")

        self.app.push_screen(
            ConfirmDialog(f"Remove this {self.NOUN}?\n{self.describe(item)}"), confirmed
        )

    def removal(self, item_id: str, *, suggestion: bool = False) -> Change:
        """The change that takes the item out of the plan, and the references to it;
        `suggestion`: only while it is still one (nobody accepted it meanwhile)."""

        def change(case: Case) -> None:
            plan = fresh_plan(case)
            if suggestion:
                suggested_item(plan, self.COLLECTION, item_id)
            setattr(plan, self.COLLECTION,
                    [x for x in getattr(plan, self.COLLECTION) if x.id != item_id])
            self.after_remove(plan, item_id)
            self.after_change(plan)

        return change

    # -- suggestions: one key each ------------------------------------------------------------
    def accept(self) -> None:
        """y: the selected suggestion is accepted as it is; the cursor goes on to the next."""
        item = self.current_item()
        if item is None:
            return
        if not is_suggested(item):
            self.say(f"This {self.NOUN} is not a suggestion: nothing to accept.")
            return
        item_id = item.id
        self.save(lambda case: accept_suggestion(fresh_plan(case), self.COLLECTION, item_id),
                  f"plan.{self.COLLECTION}.accept",
                  fitted(f"accept suggested {self.NOUN}: {self.describe(item)}", SUMMARY_WIDTH, 1),
                  then=lambda: self.select_next_suggestion(item_id))

    def drop(self, item: Any) -> None:
        """x on a suggestion: dropped at once, and the references to it with it."""
        self.save(self.removal(item.id, suggestion=True), f"plan.{self.COLLECTION}.drop",
                  fitted(f"drop suggested {self.NOUN}: {self.describe(item)}", SUMMARY_WIDTH, 1))

    def select_next_suggestion(self, after_id: str) -> None:
        """The next suggestion below `after_id` in the list (else the first above it)."""
        plan = self.plan
        if plan is None:
            return
        items = self.items(plan)
        at = next((i for i, x in enumerate(items) if x.id == after_id), 0)
        waiting = [x for x in items[at + 1:] + items[:at] if is_suggested(x)]
        self.select_item(waiting[0].id if waiting else after_id)

    def after_remove(self, plan: Plan, item_id: str) -> None:
        """Drop references to a removed item (subclasses)."""

    def after_change(self, plan: Plan) -> None:
        """Keep what follows from this section's items in step, in the same save
        (subclasses: activities re-derive the review points' expected assessments)."""

    def move(self, delta: int) -> None:
        item = self.current_item()
        if item is None:
            return
        item_id = item.id

        def change(case: Case) -> None:
            items = getattr(fresh_plan(case), self.COLLECTION)
            at = next((i for i, x in enumerate(items) if x.id == item_id), None)
            if at is None or not 0 <= at + delta < len(items):
                raise RuleError(f"This {self.NOUN} cannot move further.", "")
            items[at], items[at + delta] = items[at + delta], items[at]

        where = "up" if delta < 0 else "down"
        self.save(change, f"plan.{self.COLLECTION}.reorder",
                  f"move {self.NOUN} {where}: {self.describe(item)}",
                  then=lambda: self.select_item(item_id))


def values_summary(values: Values) -> str:
    """A short, human summary of what was saved, for the audit trail."""
    for key in ("statement", "title", "person", "kind", "level", "name"):
        if values.get(key):
            return fitted(str(values[key]), 60, 1)
    return ""


def is_suggested(item: Any) -> bool:
    """Whether the item is a suggestion not yet accepted (only some lists have them)."""
    return bool(getattr(item, "suggested", False))
