"""Edit one review point: title, due date, reviewer and the evidence expected by then."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.plan import ReviewPoint
from ..widgets.form_field import FormField, date_check, required_check, working_day_notice
from .plan_item_form import ChoiceField, PlanItemDialog, Reload, Submit, Values, text_area


class ReviewPointDialog(PlanItemDialog):
    TITLE_TEXT = "Review point"

    def __init__(self, point: ReviewPoint, submit: Submit, reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.point = point

    def compose_fields(self) -> ComposeResult:
        p = self.point
        yield FormField("Title", p.title, field_id="title", check=required_check)
        yield FormField("Due on", p.due_on.isoformat() if p.due_on else "", field_id="due_on",
                        check=date_check(required=True), placeholder="YYYY-MM-DD",
                        notice=working_day_notice)
        yield FormField("Reviewer (name)", p.reviewer, field_id="reviewer")
        yield ChoiceField("Evidence expected by then (one per line)",
                          text_area("\n".join(p.expected_evidence), "expected_evidence"),
                          field_id="expected_evidence")

    def values(self) -> Values:
        lines = self.area_text("expected_evidence").splitlines()
        return {
            "title": self.text("title"),
            "due_on": self.text("due_on"),
            "reviewer": self.text("reviewer"),
            "expected_evidence": [line.strip() for line in lines if line.strip()],
        }
