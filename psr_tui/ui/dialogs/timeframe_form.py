"""Edit the plan's timeframe, consequences, reasonable adjustments and the conditions it cites."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ...domain.case import Case
from ...domain.vocabulary import Vocabularies
from ..widgets.form_field import FormField, date_check
from .plan_item_form import (
    ChoiceField,
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_selection,
    text_area,
)


def condition_options(case: Case, vocab: Vocabularies) -> list[tuple[str, str]]:
    options = []
    for c in case.request.conditions:
        source = vocab["condition_sources"].label(c.source) if c.source else "Condition"
        options.append((f"{source}: {c.description}" if c.description else source, c.id))
    return options


class TimeframeDialog(PlanItemDialog):
    TITLE_TEXT = "Timeframe, consequences and conditions"

    def __init__(self, case: Case, vocab: Vocabularies, submit: Submit,
                 reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.case = case
        self.vocab = vocab

    def compose_fields(self) -> ComposeResult:
        assert self.case.plan is not None
        p = self.case.plan
        yield FormField("Plan starts", p.start_date.isoformat() if p.start_date else "",
                        field_id="start_date", check=date_check(required=True))
        yield FormField("Plan ends", p.end_date.isoformat() if p.end_date else "",
                        field_id="end_date", check=date_check(required=True))
        yield Static("Stages, review points and target dates move with these dates.",
                     classes="dialog-note")
        yield ChoiceField("Consequences of insufficient progress",
                          text_area(p.consequences, "consequences"), field_id="consequences")
        yield ChoiceField("Reasonable adjustments",
                          text_area(p.reasonable_adjustments, "reasonable_adjustments"),
                          field_id="reasonable_adjustments")
        yield labelled_selection("Conditions referenced (space toggles)",
                                 condition_options(self.case, self.vocab), p.condition_ids,
                                 "condition_ids")

    def values(self) -> Values:
        return {
            "start_date": self.text("start_date"),
            "end_date": self.text("end_date"),
            "consequences": self.area_text("consequences"),
            "reasonable_adjustments": self.area_text("reasonable_adjustments"),
            "condition_ids": self.selected("condition_ids") if self.case.request.conditions
            else [],
        }
