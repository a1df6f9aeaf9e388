"""The base of the plan builder's editor dialogs: fields, save at once, problems where they belong.

A dialog never writes itself: it hands its values to `submit`, which saves them through
ui/saving.save_case and returns a Refusal when the save was refused. The dialog then stays open with
what the user typed, so nothing is lost on a conflict or a rule refusal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from ..saving import Refusal
from ..widgets.choice_select import ChoiceSelect
from ..widgets.form_field import FormField
from ..widgets.labelled_field import LabelledField
from ..widgets.note_area import NoteArea
from ..widgets.ticks import TickList
from ..wording import plain, problem_line
from .edit_dialog import EditDialog

Values = dict[str, Any]
# What a save answers: None when saved, else a Refusal (its path: a rule's field path or a
# dialog field id); at once, or later (the plan builder's sections ask the builder by a
# message, and its answer arrives in an awaitable).
Answer = Refusal | None | Awaitable[Refusal | None]
# Saves the values.
Submit = Callable[[Values], Answer]
Reload = Callable[[], None]  # reread the case (after a conflict), keeping what was typed


def field_of(path: str, known: set[str]) -> str:
    """The dialog field a RuleError path names: "plan.stages[stg-1].level" -> "level"."""
    last = path.rsplit(".", 1)[-1] if path else ""
    return last if last in known else ""


class ChoiceField(LabelledField):
    """A label, a choice widget (Select, SelectionList, TextArea) and its message line, in a
    plan-item dialog (the same widget as the intake's, styled in plan_builder.tcss)."""


def text_area(text: str, field_id: str) -> TextArea:
    area = NoteArea(text, id=f"input-{field_id}", soft_wrap=True, show_line_numbers=False)
    area.cursor_blink = False
    return area


class PlanItemDialog(EditDialog[bool]):
    """Subclasses give TITLE_TEXT, compose_fields() and values(); ctrl+s or Enter saves.
    Esc (EditDialog) asks before discarding anything typed."""

    TITLE_TEXT = ""
    KEYS_TEXT = "ctrl+s save (or Enter in a one-line field) · Tab next · Esc cancel"
    CANCELLED = False
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+r", "reload", "Reload the case", show=False),
    ]

    def __init__(self, submit: Submit, reload: Reload | None = None) -> None:
        super().__init__(classes="plan-item-dialog")
        self.submit = submit
        self.reload = reload

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.dialog_title(), classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield from self.compose_fields()
            yield Static("", classes="dialog-problem -empty")
            yield Static(self.KEYS_TEXT, classes="dialog-keys")

    def on_mount(self) -> None:
        # Focusing the first field may scroll the form; start at its top, labels visible.
        body = self.query_one(".dialog-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    def dialog_title(self) -> str:
        return self.TITLE_TEXT

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def values(self) -> Values:
        raise NotImplementedError

    def check(self, values: Values) -> dict[str, str]:
        """Field messages the dialog can give before saving (subclasses add their own)."""
        return {}

    # -- field access -----------------------------------------------------------------------
    def text(self, field_id: str) -> str:
        return self.query_one(f"#field-{field_id}", FormField).value

    def area_text(self, field_id: str) -> str:
        return self.query_one(f"#input-{field_id}", TextArea).text.strip()

    def choice(self, field_id: str) -> Any:
        value = self.query_one(f"#input-{field_id}", Select).value
        return None if value is Select.NULL else value

    def selected(self, field_id: str) -> list[Any]:
        return list(self.query_one(f"#input-{field_id}", SelectionList).selected)

    def _fields(self) -> dict[str, FormField | ChoiceField]:
        found: dict[str, FormField | ChoiceField] = {}
        for widget in self.query(".form-field"):
            if isinstance(widget, FormField | ChoiceField):
                found[widget.field_id] = widget
        return found

    # -- saving -----------------------------------------------------------------------------
    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.action_save()

    async def action_save(self) -> None:
        if self.refuse_control_text():
            return
        fields = self._fields()
        errors = {fid: msg for fid, f in fields.items()
                  if isinstance(f, FormField) and (msg := f.validate_now())}
        if not errors:
            values = self.values()
            errors = self.check(values)
        for fid, f in fields.items():
            if isinstance(f, ChoiceField):
                f.show_error(errors.get(fid))
            elif fid in errors:
                f.show_error(errors[fid])
        if errors:
            first = next(iter(errors))
            if first in fields:
                self._focus_field(fields[first])
            return
        answer = self.submit(values)
        problem = await answer if isawaitable(answer) else answer
        if problem is None:
            self.dismiss(True)
        else:
            self.show_problem(problem)

    def show_problem(self, problem: Refusal) -> None:
        fields = self._fields()
        target = fields.get(field_of(problem.path, set(fields)))
        message = problem.message
        if problem.conflict:
            message = f"{message} Press ctrl+r to reload."
        if target is not None and not problem.conflict:
            target.show_error(message)
            self._focus_field(target)
            self._problem_line("")
        else:
            self._problem_line(message)

    def _problem_line(self, message: str) -> None:
        line = self.query_one(".dialog-problem", Static)
        line.update(problem_line(message))
        line.set_class(not message, "-empty")

    def _focus_field(self, field: FormField | ChoiceField) -> None:
        focusable = [w for w in field.query("*") if w.can_focus]
        if focusable:
            focusable[0].focus()

    def focus_field(self, field_id: str) -> None:
        """Put the cursor on one field (the checker opens the editor at the field it names)."""
        field = self._fields().get(field_id)
        if field is not None:
            self._focus_field(field)
            self.call_after_refresh(field.scroll_visible, animate=False)

    def action_reload(self) -> None:
        if self.reload is not None:
            self.reload()
            self._problem_line("")
            self.notify("Reloaded the latest version: ctrl+s saves your values onto it.")


def options_with_current(options: list[tuple[str, str]], current: str) -> list[tuple[str, str]]:
    """Vocabulary options plus an organisation's own term already in the plan."""
    if current and current not in {code for _, code in options}:
        return [*options, (current, current)]
    return options


def labelled_select(
    label: str, options: list[tuple[str, Any]], value: Any, field_id: str
) -> ChoiceField:
    select = ChoiceSelect(
        options, value=value if value in {v for _, v in options} else Select.NULL,
        id=f"input-{field_id}", prompt="Choose…",
    )
    return ChoiceField(label, select, field_id=field_id)


def labelled_selection(
    label: str, options: list[tuple[str, Any]], chosen: list[Any], field_id: str
) -> ChoiceField:
    # Option texts quote stored text (objectives, conditions): plain, never markup.
    items = [(plain(text), value, value in chosen) for text, value in options]
    return ChoiceField(label, TickList(*items, id=f"input-{field_id}"), field_id=field_id)
