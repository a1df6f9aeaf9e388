"""A labelled input with its validation message under it, where it was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ..wording import problem_line
from .text_fields import TextInput

Check = Callable[[str], str | None]  # returns an error message, or None when fine
# A warning that does not stop the save (e.g. a review set on a bank holiday), or None.
Notice = Callable[[str], str | None]


def date_check(required: bool = False) -> Check:
    def check(text: str) -> str | None:
        text = text.strip()
        if not text:
            return "required" if required else None
        from ...domain.validation import parse_date

        try:
            parse_date(text)
        except ValueError as exc:
            return str(exc)
        return None

    return check


def working_day_notice(nation: str) -> Notice:
    """For a review or meeting date: warn when it is not a working day in `nation` (the
    case's: deadlines.nation_of), never refuse it."""
    def notice(text: str) -> str | None:
        from ...domain.deadlines import working_day_warning
        from ...domain.validation import parse_date

        try:
            when = parse_date(text) if text.strip() else None
        except ValueError:
            return None  # the field's check explains a date it cannot read
        warning = working_day_warning(when, nation) if when else None
        return f"{warning}: not a working day (it can still be saved)" if warning else None

    return notice


def required_check(text: str) -> str | None:
    return None if text.strip() else "required"


class FormField(Vertical):
    """Label, Input and an error line. `value` is the stripped text; `error` re-checks it."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 1; }
    FormField > .field-error { color: $error; height: auto; }
    FormField > .field-error.-empty { display: none; }
    FormField > .field-notice { color: $warning; height: auto; }
    FormField > .field-notice.-empty { display: none; }
    """

    def __init__(
        self,
        label: str,
        value: str = "",
        *,
        field_id: str,
        check: Check | None = None,
        placeholder: str = "",
        password: bool = False,
        notice: Notice | None = None,
    ) -> None:
        super().__init__(id=f"field-{field_id.replace('.', '-')}", classes="form-field")
        self.label_text = label
        self.initial = value
        self.field_id = field_id
        self.check = check
        self.placeholder = placeholder
        self.password = password
        self.notice = notice

    def compose(self) -> ComposeResult:
        yield Label(self.label_text)
        yield TextInput(self.initial, placeholder=self.placeholder, password=self.password,
                    id=f"input-{self.field_id.replace('.', '-')}")
        yield Static("", classes="field-error -empty")
        yield Static("", classes="field-notice -empty")

    def on_mount(self) -> None:
        if self.notice and self.initial:
            self.show_error(None)  # a stored date off the working week is flagged on opening

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value.strip()

    def show_error(self, message: str | None) -> None:
        line = self.query_one(".field-error", Static)
        line.update(problem_line(message))
        line.set_class(not message, "-empty")
        self.input.set_class(bool(message), "-invalid")
        # An error says more than a warning: show the warning only for a value that is fine.
        notice = self.notice(self.value) if self.notice and not message else None
        line = self.query_one(".field-notice", Static)
        line.update(f"⚠ {notice}" if notice else "")
        line.set_class(not notice, "-empty")

    def validate_now(self) -> str | None:
        message = self.check(self.value) if self.check else None
        self.show_error(message)
        return message

    def on_input_changed(self, event: Input.Changed) -> None:
        # Re-check as the user types, but only clear errors (new ones appear on leave/Next);
        # a warning follows the value at once.
        if self.check and self.check(self.value):
            return
        if self.check or self.notice:
            self.show_error(None)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.validate_now()

    def as_date(self) -> date | None:
        from ...domain.validation import parse_date

        return parse_date(self.value) if self.value else None
