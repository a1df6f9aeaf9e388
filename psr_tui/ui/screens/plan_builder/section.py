"""A section of the plan builder, and the list section most of them are.

A list section shows one of the plan's lists (objectives, activities, roles, stages, review
points) in a DataTable, opens an editor dialog to add or edit an item, and saves each
confirmed change at once through the builder (which applies it to a fresh copy of the case).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Plan
from ....domain.safe_text import visible
from ....domain.vocabulary import Vocabularies
from ...dialogs.confirm import ConfirmDialog
from ...dialogs.plan_item_form import PlanItemDialog, Submit, Values
from ...saving import Refusal
from ...wording import fitted

if TYPE_CHECKING:
    from .screen import PlanBuilderScreen

SUMMARY_WIDTH = 80  # what was saved, for the message line and the audit trail


def fresh_plan(case: Case) -> Plan:
    if case.plan is None:
        raise RuleError("This case has no plan yet.", "plan")
    return case.plan


class Section(Vertical):
    KEY: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    # Builder actions this section answers to: add, edit, remove, move, and its own.
    ACTIONS: ClassVar[frozenset[str]] = frozenset()

    def __init__(self) -> None:
        super().__init__(id=f"section-{self.KEY}", classes="plan-section")

    @property
    def builder(self) -> PlanBuilderScreen:
        from .screen import PlanBuilderScreen

        screen = self.screen
        assert isinstance(screen, PlanBuilderScreen)
        return screen

    @property
    def vocab(self) -> Vocabularies:
        return self.builder.psr.vocab

    def show_case(self, case: Case) -> None:
        """Redraw from the case the builder holds."""

    def shown(self) -> None:
        """The user switched to this section."""
        self.focus_main()

    def focus_main(self) -> None:
        tables = self.query(DataTable)
        if tables:
            tables.first().focus()

    def add(self) -> None: ...

    def edit(self, field: str = "") -> None: ...

    # Not `remove`: that is Textual's Widget.remove (take the widget off the screen).
    def remove_item(self) -> None: ...

    def suggest(self) -> None: ...

    def generate(self) -> None: ...

    def move(self, delta: int) -> None: ...

    def select_item(self, item_id: str) -> bool:
        return False


class ListSection(Section):
    """One list of the plan. Subclasses give the columns, rows, the dialog and `apply`."""

    COLLECTION: ClassVar[str] = ""  # the Plan attribute, also the name in Finding paths
    NOUN: ClassVar[str] = "item"
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    HINT: ClassVar[str] = ""
    ACTIONS = frozenset({"add", "edit", "remove", "move"})

    def compose(self) -> ComposeResult:
        yield Static(self.HINT, classes="section-hint")
        table: DataTable[str] = DataTable(cursor_type="row", id=f"table-{self.KEY}")
        table.add_columns(*self.COLUMNS)
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
            # Whole words, ending in … when cut (the detail line shows it all).
            return fitted(self.describe(self.apply(self.builder.case, item, values)),
                          SUMMARY_WIDTH, 1)
        except (RuleError, ValueError):
            return values_summary(values)

    # -- showing ----------------------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        table = self.table
        keep = self.selected_id()
        table.clear()
        if case.plan is None:
            return
        for i, item in enumerate(self.items(case.plan)):
            # Every cell, clipped or not, is stored text: shown with its controls visible.
            table.add_row(*(visible(cell) for cell in self.row(item, i)), key=item.id)
        if keep:
            self.select_item(keep)
        self.show_detail()

    def show_detail(self) -> None:
        item = self.current_item()
        show_detail_text(self, self.detail(item) if item is not None else "")

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
        table = self.table
        try:
            index = table.get_row_index(item_id)
        except Exception:  # RowDoesNotExist: the item is gone
            return False
        table.move_cursor(row=index)
        return True

    def current_item(self) -> Any | None:
        plan = self.builder.case.plan
        item_id = self.selected_id()
        if plan is None or item_id is None:
            return None
        return next((i for i in self.items(plan) if i.id == item_id), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.builder.action_edit()

    # -- editing ----------------------------------------------------------------------------
    def add(self) -> None:
        plan = self.builder.case.plan
        if plan is not None:
            self._open(self.new_item(plan), is_new=True)

    def edit(self, field: str = "") -> None:
        item = self.current_item()
        if item is None:
            self.builder.say(f"No {self.NOUN} selected: a adds one.")
            return
        self._open(item, is_new=False, field=field)

    def _open(self, item: Any, *, is_new: bool, field: str = "") -> None:
        item_id = item.id

        def change(case: Case) -> None:
            items = getattr(fresh_plan(case), self.COLLECTION)
            if is_new:
                items.append(self.apply(case, item, values_box["v"]))
            else:
                at = next((i for i, x in enumerate(items) if x.id == item_id), None)
                if at is None:
                    raise RuleError(f"This {self.NOUN} was removed by someone else.", "")
                items[at] = self.apply(case, items[at], values_box["v"])
            self.after_change(fresh_plan(case))

        values_box: dict[str, Values] = {}

        def submit(values: Values) -> Refusal | None:
            values_box["v"] = values
            verb = "add" if is_new else "edit"
            summary = f"{verb} {self.NOUN}: {self.summary_of(item, values)}"
            problem = self.builder.save(change, f"plan.{self.COLLECTION}.{verb}", summary)
            if problem is None:
                self.select_item(item_id)
            return problem

        dialog = self.dialog(item, submit)
        dialog.reload = self.builder.reload
        self.builder.app.push_screen(dialog)
        if field:
            self.builder.call_after_refresh(dialog.focus_field, field)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        item_id = item.id

        def change(case: Case) -> None:
            plan = fresh_plan(case)
            setattr(plan, self.COLLECTION,
                    [x for x in getattr(plan, self.COLLECTION) if x.id != item_id])
            self.after_remove(plan, item_id)
            self.after_change(plan)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.builder.save_or_say(change, f"plan.{self.COLLECTION}.remove",
                                         f"remove {self.NOUN}: {self.describe(item)}")

        self.builder.app.push_screen(
            ConfirmDialog(f"Remove this {self.NOUN}?\n{self.describe(item)}"), confirmed
        )

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
        if self.builder.save_or_say(change, f"plan.{self.COLLECTION}.reorder",
                                    f"move {self.NOUN} {where}: {self.describe(item)}"):
            self.select_item(item_id)


def item_detail(key: str) -> Static:
    """The line(s) under a list showing the selected item in full, wrapped. Not markup:
    stored text is drawn as typed (its controls made visible by `show_detail_text`)."""
    return Static("", id=f"detail-{key}", classes="item-detail", markup=False)


def show_detail_text(section: Section, text: str) -> None:
    section.query_one(".item-detail", Static).update(visible(text, multiline=True))


def values_summary(values: Values) -> str:
    """A short, human summary of what was saved, for the audit trail."""
    for key in ("statement", "title", "person", "kind", "level", "name"):
        if values.get(key):
            return fitted(str(values[key]), 60, 1)
    return ""
