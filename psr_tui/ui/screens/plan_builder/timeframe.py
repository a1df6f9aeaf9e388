"""Section 6: timeframe, consequences of insufficient progress, adjustments, conditions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ....domain.case import Case
from ....domain.deadlines import nation_of
from ....domain.errors import RuleError
from ....domain.plan_templates import template_label
from ....domain.safe_text import visible
from ....domain.timetable import move_timeframe
from ...dialogs.plan_item_form import Answer, Values
from ...dialogs.timeframe_form import TimeframeDialog, condition_options
from .dates import short, typed_date
from .section import Section, fresh_plan


class TimeframeSection(Section):
    KEY = "timeframe"
    LABEL = "Timeframe"
    ACTIONS = frozenset({"edit"})

    def compose(self) -> ComposeResult:
        yield Static("The plan's dates and what happens if progress is not made · e edits",
                     classes="section-hint")
        with VerticalScroll(id="timeframe-body", can_focus=True):
            yield Static("", id="timeframe-text", markup=False)

    def focus_main(self) -> None:
        self.query_one("#timeframe-body").focus()

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        plan = case.plan
        if plan is None:
            return
        cited = dict((cid, label) for label, cid in condition_options(case, self.vocab))
        conditions = [f"  [x] {cited[c]}" for c in plan.condition_ids if c in cited]
        conditions += [f"  [ ] {label}" for cid, label in cited.items()
                       if cid not in plan.condition_ids]
        template = template_label(plan.template_id, self.vocab)
        lines = [
            f"Starts {short(plan.start_date)}    Ends {short(plan.end_date)}",
            f"Plan template: {visible(template) if template else '(none: the default ladder)'}",
            "",
            "Consequences of insufficient progress:",
            f"  {plan.consequences or '(not written yet)'}",
            "",
            "Reasonable adjustments:",
            f"  {plan.reasonable_adjustments or '(none recorded)'}",
            "",
            "Conditions referenced:",
            *(conditions or ["  (no conditions recorded in the request)"]),
        ]
        self.query_one("#timeframe-text", Static).update("\n".join(lines))

    def edit(self, field: str = "") -> None:
        if self.case is None:
            return

        def submit(values: Values) -> Answer:
            def change(case: Case) -> None:
                plan = fresh_plan(case)
                start = typed_date(values["start_date"], "start_date")
                end = typed_date(values["end_date"], "end_date")
                if start and end and end <= start:
                    raise RuleError("the plan must end after it starts", "end_date")
                known = {c.id for c in case.request.conditions}
                # Stages and reviews move with the dates; the final review to a working day
                # in the organisation's nation.
                move_timeframe(plan, start, end, nation_of(case))
                plan.consequences = values["consequences"]
                plan.reasonable_adjustments = values["reasonable_adjustments"]
                plan.condition_ids = [c for c in values["condition_ids"] if c in known]

            return self.save_for_dialog(change, "plan.timeframe.edit",
                                        "edited the timeframe, consequences and conditions")

        self.open_dialog(TimeframeDialog(self.case, self.vocab, submit, self.reload_case),
                         field)
