"""Edit one SMART objective: domain, statement, measure, achievable, relevant, target date."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.plan import Objective
from ...domain.vocabulary import Vocabularies
from ..widgets.form_field import FormField, date_check, required_check
from .plan_item_form import (
    PlanItemDialog,
    Reload,
    Submit,
    Values,
    labelled_select,
    options_with_current,
)


class ObjectiveDialog(PlanItemDialog):
    TITLE_TEXT = "Objective (SMART)"

    def __init__(self, objective: Objective, vocab: Vocabularies, submit: Submit,
                 reload: Reload | None = None) -> None:
        super().__init__(submit, reload)
        self.objective = objective
        self.vocab = vocab

    def compose_fields(self) -> ComposeResult:
        o = self.objective
        domains = options_with_current(self.vocab["objective_domains"].options(), o.domain)
        yield labelled_select("Domain", domains, o.domain, "domain")
        yield FormField("Specific: what the practitioner will do", o.statement,
                        field_id="statement", check=required_check)
        yield FormField("Measurable: how achievement is judged", o.measure,
                        field_id="measure", check=required_check)
        yield FormField("Achievable: the support that makes it realistic", o.achievable,
                        field_id="achievable")
        yield FormField("Relevant: the concern or role it answers", o.relevant,
                        field_id="relevant")
        yield FormField("Time-bound: target date", o.target_date.isoformat()
                        if o.target_date else "", field_id="target_date",
                        check=date_check(required=True), placeholder="YYYY-MM-DD")

    def values(self) -> Values:
        return {
            "domain": self.choice("domain") or "",
            "statement": self.text("statement"),
            "measure": self.text("measure"),
            "achievable": self.text("achievable"),
            "relevant": self.text("relevant"),
            "target_date": self.text("target_date"),
        }

    def check(self, values: Values) -> dict[str, str]:
        return {} if values["domain"] else {"domain": "choose the objective's domain"}
