"""Edit one review point: title, due date, reviewer and the evidence expected by then."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.deadlines import DEFAULT_NATION
from ...domain.plan import Plan, ReviewPoint
from ...domain.vocabulary import Vocabularies
from ..widgets.form_field import FormField, date_check, required_check, working_day_notice
from .people import people_options
from .plan_item_form import (
    ChoiceField,
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_select,
    text_area,
)


class ReviewPointDialog(PlanItemDialog):
    TITLE_TEXT = "Review point"

    def __init__(self, point: ReviewPoint, plan: Plan, vocab: Vocabularies, submit: Submit,
                 reload: Reload | None = None, *, nation: str = DEFAULT_NATION) -> None:
        super().__init__(submit, reload)
        self.point = point
        self.working_day = working_day_notice(nation)  # the organisation's bank holidays
        self.people = people_options(plan, vocab)

    def compose_fields(self) -> ComposeResult:
        p = self.point
        yield FormField("Title", p.title, field_id="title", check=required_check)
        yield FormField("Due on", p.due_on.isoformat() if p.due_on else "", field_id="due_on",
                        check=date_check(required=True), placeholder="YYYY-MM-DD",
                        notice=self.working_day)
        # The reviewer is picked from the plan's people (a deputy when the person is away);
        # a name typed below is for someone the plan does not name yet.
        named = p.reviewer in {name for _, name in self.people}
        yield labelled_select("Reviewer: a person in the plan", self.people,
                              p.reviewer if named else None, "reviewer_person")
        yield FormField("…or type the reviewer's name", "" if named else p.reviewer,
                        field_id="reviewer")
        yield ChoiceField("Evidence expected by then (one per line)",
                          text_area("\n".join(p.expected_evidence), "expected_evidence"),
                          field_id="expected_evidence")

    def values(self) -> Values:
        lines = self.area_text("expected_evidence").splitlines()
        return {
            "title": self.text("title"),
            "due_on": self.text("due_on"),
            "reviewer": self.text("reviewer") or self.choice("reviewer_person") or "",
            "expected_evidence": [line.strip() for line in lines if line.strip()],
        }
