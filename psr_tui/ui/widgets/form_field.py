"""A labelled input with its validation message under it, where it was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

Check = Callable[[str], str | None]  # returns an error message, or None when fine


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


def required_check(text: str) -> str | None:
    return None if text.strip() else "required"


class FormField(Vertical):
    """Label, Input and an error line. `value` is the stripped text; `error` re-checks it."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 1; }
    FormField > .field-error { color: $error; height: auto; }
    FormField > .field-error.-empty { display: none; }
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
    ) -> None:
        super().__init__(id=f"field-{field_id.replace('.', '-')}", classes="form-field")
        self.label_text = label
        self.initial = value
        self.field_id = field_id
        self.check = check
        self.placeholder = placeholder
        self.password = password

    def compose(self) -> ComposeResult:
        yield Label(self.label_text)
        yield Input(self.initial, placeholder=self.placeholder, password=self.password,
                    id=f"input-{self.field_id.replace('.', '-')}")
        yield Static("", classes="field-error -empty")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value.strip()

    def show_error(self, message: str | None) -> None:
        line = self.query_one(".field-error", Static)
        line.update(f"⚠ {message}" if message else "")
        line.set_class(not message, "-empty")
        self.input.set_class(bool(message), "-invalid")

    def validate_now(self) -> str | None:
        message = self.check(self.value) if self.check else None
        self.show_error(message)
        return message

    def on_input_changed(self, event: Input.Changed) -> None:
        # Re-check as the user types, but only clear errors (new ones appear on leave/Next).
        if self.check and not self.check(self.value):
            self.show_error(None)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.validate_now()

    def as_date(self) -> date | None:
        from ...domain.validation import parse_date

        return parse_date(self.value) if self.value else None
