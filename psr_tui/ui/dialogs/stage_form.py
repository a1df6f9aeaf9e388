"""Edit one supervision stage: level, dates, entry and exit criteria, scope limits and a
free-text scope note."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult

from ...domain.plan import SupervisionStage
from ...domain.vocabulary import Vocabularies
from ..widgets.form_field import FormField, date_check
from .plan_item_form import (
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_select,
    labelled_selection,
)


class StageDialog(PlanItemDialog):
    TITLE_TEXT = "Supervision stage"

    def __init__(self, stage: SupervisionStage, vocab: Vocabularies, submit: Submit,
                 level_check: Callable[[int], str | None], reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.stage = stage
        self.vocab = vocab
        # Refuse a level past a condition's floor before saving, naming the condition.
        self.level_check = level_check

    def compose_fields(self) -> ComposeResult:
        s = self.stage
        levels = [(t.label, int(t.code)) for t in self.vocab["supervision_levels"].terms]
        yield labelled_select("Supervision level", levels, s.level, "level")
        yield FormField("Starts", s.start.isoformat() if s.start else "", field_id="start",
                        check=date_check(required=True), placeholder="YYYY-MM-DD")
        yield FormField("Ends", s.end.isoformat() if s.end else "", field_id="end",
                        check=date_check(required=True), placeholder="YYYY-MM-DD")
        yield FormField("Entry criteria", s.entry_criteria, field_id="entry_criteria")
        yield FormField("Exit criteria", s.exit_criteria, field_id="exit_criteria")
        yield labelled_selection("Scope limits (space toggles)",
                                 self.vocab["scope_limits"].options(), s.scope_limits,
                                 "scope_limits")
        yield FormField("Scope note (what the limits do not say)", s.scope_note,
                        field_id="scope_note",
                        placeholder="e.g. direct supervision for complex cases only")

    def values(self) -> Values:
        return {
            "level": self.choice("level"),
            "start": self.text("start"),
            "end": self.text("end"),
            "entry_criteria": self.text("entry_criteria"),
            "exit_criteria": self.text("exit_criteria"),
            "scope_limits": self.selected("scope_limits"),
            "scope_note": self.text("scope_note"),
        }

    def check(self, values: Values) -> dict[str, str]:
        if values["level"] is None:
            return {"level": "choose the supervision level"}
        refusal = self.level_check(int(values["level"]))
        return {"level": refusal} if refusal else {}
