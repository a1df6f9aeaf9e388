"""A section of the plan builder, and the list section most of them are.

A section never calls the builder: it posts messages up (save this change, say this, go to
that item) and draws the case the builder pushes down (`show_case`, kept as `self.case`).
A list section shows one of the plan's lists (objectives, activities, roles, stages, review
points) in a DataTable, opens an editor dialog to add or edit an item, and asks the builder
to save each confirmed change at once (applied to a fresh copy of the case).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Plan
from ....domain.safe_text import visible
from ....domain.vocabulary import Vocabularies
from ...dialogs.confirm import ConfirmDialog
from ...dialogs.plan_item_form import Answer, PlanItemDialog, Submit, Values
from ...saving import Refusal

if TYPE_CHECKING:
    from ....app import PsrApp

Change = Callable[[Case], object]
# The builder's answer to a save: None when saved (the new case already pushed down to
# every section), else the Refusal.
Reply = Callable[[Refusal | None], None]


def fresh_plan(case: Case) -> Plan:
    if case.plan is None:
        raise RuleError("This case has no plan yet.", "plan")
    return case.plan


def refusal_line(problem: Refusal) -> str:
    """A refused save on the builder's message line."""
    # A rule's message names only the rule; the store's wordings say "Not saved".
    prefix = "Not saved: " if problem.kind == "rule" else ""
    hint = " Press r to reload." if problem.conflict else ""
    return f"⚠ {prefix}{problem.message}{hint}"


class Section(Vertical):
    KEY: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""
    # Builder actions this section answers to: add, edit, remove, move, and its own.
    ACTIONS: ClassVar[frozenset[str]] = frozenset()

    # -- messages up to the builder ---------------------------------------------------------
    class SaveChange(Message):
        """Apply `change` to a fresh copy of the case and save it; `reply` gets the answer.
        `editing`: a change of the plan's content, refused while the version is frozen."""

        def __init__(self, change: Change, action: str, summary: str, reply: Reply, *,
                     editing: bool = True) -> None:
            super().__init__()
            self.change, self.action, self.summary = change, action, summary
            self.reply, self.editing = reply, editing

    class Say(Message):
        """A line for the builder's message line."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Reload(Message):
        """Read the case again (a dialog's ctrl+r after a conflict)."""

    class EditSelected(Message):
        """Enter on a row: edit it, as the builder's `e` (which guards a frozen version)."""

    class GoTo(Message):
        """Show a section and open the editor on an item and field (the checker's Enter);
        `new_for`: add an activity serving this objective id instead."""

        def __init__(self, section: str, item_id: str = "", field: str = "",
                     new_for: str = "") -> None:
            super().__init__()
            self.section, self.item_id, self.field, self.new_for = (
                section, item_id, field, new_for)

    class OfferNewVersion(Message):
        """Ask whether to start a new version of the signed plan."""

        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self) -> None:
        super().__init__(id=f"section-{self.KEY}", classes="plan-section")
        self.case: Case | None = None

    @property
    def psr(self) -> PsrApp:
        return cast("PsrApp", self.app)

    @property
    def vocab(self) -> Vocabularies:
        return self.psr.vocab

    @property
    def plan(self) -> Plan | None:
        return self.case.plan if self.case is not None else None

    def show_case(self, case: Case) -> None:
        """Redraw from the case the builder holds (subclasses draw; call this first)."""
        self.case = case

    def say(self, text: str) -> None:
        self.post_message(self.Say(text))

    def save(self, change: Change, action: str, summary: str, *, editing: bool = True,
             then: Callable[[], object] | None = None) -> None:
        """Ask the builder to save; a refusal is said on its message line, and `then` runs
        once saved."""

        def reply(problem: Refusal | None) -> None:
            if problem is not None:
                self.say(refusal_line(problem))
            elif then is not None:
                then()

        self.post_message(self.SaveChange(change, action, summary, reply, editing=editing))

    def save_for_dialog(self, change: Change, action: str, summary: str, *,
                        editing: bool = True,
                        then: Callable[[], object] | None = None) -> Answer:
        """Ask the builder to save for a dialog, which awaits the answer: it shows a refusal
        itself and stays open with what was typed."""
        answered: asyncio.Future[Refusal | None] = asyncio.get_running_loop().create_future()

        def reply(problem: Refusal | None) -> None:
            if problem is None and then is not None:
                then()
            if not answered.done():
                answered.set_result(problem)

        self.post_message(self.SaveChange(change, action, summary, reply, editing=editing))
        return answered

    def reload_case(self) -> None:
        self.post_message(self.Reload())

    def open_dialog(self, dialog: PlanItemDialog, field: str = "") -> None:
        self.app.push_screen(dialog)
        if field:
            self.call_after_refresh(dialog.focus_field, field)

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
            assert self.case is not None
            return self.describe(self.apply(self.case, item, values))[:80]
        except (RuleError, ValueError, AssertionError):
            return values_summary(values)

    # -- showing ----------------------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        super().show_case(case)
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
        item_id = item.id

        def change(case: Case) -> None:
            plan = fresh_plan(case)
            setattr(plan, self.COLLECTION,
                    [x for x in getattr(plan, self.COLLECTION) if x.id != item_id])
            self.after_remove(plan, item_id)
            self.after_change(plan)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(change, f"plan.{self.COLLECTION}.remove",
                          f"remove {self.NOUN}: {self.describe(item)}")

        self.app.push_screen(
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
        self.save(change, f"plan.{self.COLLECTION}.reorder",
                  f"move {self.NOUN} {where}: {self.describe(item)}",
                  then=lambda: self.select_item(item_id))


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
            return str(values[key])[:60]
    return ""
