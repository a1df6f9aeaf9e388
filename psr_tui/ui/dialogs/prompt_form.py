"""Ask for one value before a generating action (review interval, ladder levels)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult

from ..widgets.form_field import FormField, required_check
from .plan_item_form import PlanItemDialog, Submit, Values


class PromptDialog(PlanItemDialog):
    def __init__(self, title: str, label: str, value: str, submit: Submit,
                 check: Callable[[str], str | None] = required_check) -> None:
        super().__init__(submit)
        self.title_text, self.label, self.initial, self.value_check = title, label, value, check

    def compose_fields(self) -> ComposeResult:
        yield FormField(self.label, self.initial, field_id="value", check=self.value_check)

    def dialog_title(self) -> str:
        return self.title_text

    def values(self) -> Values:
        return {"value": self.text("value")}
