"""One dialog for the changes that need a choice (optional) and a stated reason: resume a
paused plan on the advice received, withdraw a case, withdraw a proposed amendment,
correct a recorded review outcome. The rule that applies the change is passed in, so the
dialog never decides anything itself; a refusal shows under the field it names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, RadioSet, Static

from ...domain.case import Case
from ..widgets.form_field import FormField, required_check
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .case_save import CaseDialog

# apply(case, chosen value ("" without choices), the text typed): raises RuleError to refuse.
Apply = Callable[[Case, str, str], object]


@dataclass(frozen=True)
class ReasonRequest:
    """What the dialog asks for and how the answer is saved."""

    title: str
    text_label: str
    action: str  # the store action (domain/access.py maps it to an operation)
    summary: str  # the audit summary; "{choice}" and "{text}" are filled in
    apply: Apply
    intro: str = ""
    choice_label: str = ""
    choices: Sequence[tuple[str, str]] = ()  # (label, value)


class ReasonDialog(CaseDialog):
    PROBLEM_LINE = "reason-error"
    # The rules' paths for the typed text (others show on the problem line).
    FIELD_FOR_PATH = {path: "reason-text" for path in (
        "correction.reason", "resumption.advice", "withdrawal.reason")}
    HELP = """# A change with its reason

Choose (arrows, Enter) when there is a choice, type the reason or the advice received, and
press Enter or ctrl+s. The reason is kept with the change in the case's history and in
its exports. Esc asks before dropping what you typed.
"""
    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def __init__(self, case: Case, request: ReasonRequest) -> None:
        super().__init__(case)
        self.request = request

    def compose(self) -> ComposeResult:
        ask = self.request
        with VerticalScroll(id="reason-box", can_focus=False):
            who = in_markup(self.case.practitioner_name)
            yield Static(f"[b]{in_markup(ask.title)}[/b] · {who}")
            if ask.intro:
                yield Static(in_markup(ask.intro), id="reason-intro")
            if ask.choices:
                yield Label(ask.choice_label)
                with RadioSet(id="reason-choice"):
                    for n, (text, _value) in enumerate(ask.choices):
                        yield RadioChoice(in_markup(text), value=n == 0, id=f"choice-{n}")
            yield FormField(ask.text_label, field_id="reason-text", check=required_check)
            yield Static("", id="reason-error")
            yield Static("ctrl+s save · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        # (EditDialog's own on_mount runs too: Textual calls each class's handler.)
        if self.request.choices:
            self.query_one("#reason-choice", RadioSet).focus(scroll_visible=False)
        else:
            self._field("reason-text").input.focus()

    def chosen(self) -> str:
        if not self.request.choices:
            return ""
        index = self.query_one("#reason-choice", RadioSet).pressed_index
        choices = self.request.choices
        return choices[index][1] if 0 <= index < len(choices) else ""

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        ask = self.request
        choice = self.chosen()
        if ask.choices and not choice:
            self.show_problem(f"Choose: {ask.choice_label.lower()}.")
            return
        text_field = self._field("reason-text")
        if text_field.validate_now():
            text_field.input.focus()
            return
        text = text_field.value

        def change(case: Case) -> None:
            ask.apply(case, choice, text)

        if self.refused_beforehand(change):
            return
        choice_words = next((label for label, value in ask.choices if value == choice), "")
        # replace, not format: the summary may hold stored text with braces in it.
        summary = ask.summary.replace("{choice}", choice_words).replace("{text}", text)
        self.save_and_close(change, ask.action, summary)
