"""A section of the plan builder: what every section shares, and the messages it posts up.

A section never calls the builder: it posts messages up (save this change, say this, go to
that item) and draws the case the builder pushes down (`show_case`, kept as `self.case`).
The list sections (objectives, activities, roles, stages, review points) are
list_section.ListSection.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan import Plan
from ....domain.safe_text import visible
from ....domain.vocabulary import Vocabularies
from ...dialogs.plan_item_form import Answer, PlanItemDialog
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


def item_detail(key: str) -> Static:
    """The line(s) under a list showing the selected item in full, wrapped. Not markup:
    stored text is drawn as typed (its controls made visible by `show_detail_text`)."""
    return Static("", id=f"detail-{key}", classes="item-detail", markup=False)


def show_detail_text(section: Section, text: str) -> None:
    section.query_one(".item-detail", Static).update(visible(text, multiline=True))
