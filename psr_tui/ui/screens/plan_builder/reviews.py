"""Section 5: review points, generated from the plan's dates and then edited."""

from __future__ import annotations

from ....domain.case import Case
from ....domain.deadlines import nation_of
from ....domain.errors import RuleError
from ....domain.plan import Plan, ReviewPoint
from ....domain.schedule import generate_review_points, planned_reviewer
from ...dialogs.plan_item_form import Answer, PlanItemDialog, Submit, Values
from ...dialogs.prompt_form import PromptDialog
from ...dialogs.review_point_form import ReviewPointDialog
from ...wording import clipped
from .dates import short, typed_date
from .list_section import ListSection
from .section import fresh_plan


def months_check(text: str) -> str | None:
    return None if text.strip().isdigit() and 1 <= int(text) <= 12 else "a whole number, 1 to 12"


class ReviewsSection(ListSection):
    KEY = "reviews"
    LABEL = "Reviews"
    COLLECTION = "review_points"
    NOUN = "review point"
    COLUMNS = ("Due", "Review", "Evidence expected", "Reviewer")
    HINT = "Regular review points and a final sign-off · g generate from the plan dates"
    ACTIONS = ListSection.ACTIONS | {"generate"}

    def row(self, item: ReviewPoint, index: int) -> tuple[str, ...]:
        count = len(item.expected_evidence)
        evidence = f"{count} item{'s' if count != 1 else ''}" if count else "none"
        return (short(item.due_on), clipped(item.title, 30), evidence,
                clipped(item.reviewer or "—", 16))

    def new_item(self, plan: Plan) -> ReviewPoint:
        return ReviewPoint(title="Review")

    def dialog(self, item: ReviewPoint, submit: Submit) -> PlanItemDialog:
        case, plan = self.case, self.plan
        assert case is not None and plan is not None
        return ReviewPointDialog(item, plan, self.vocab, submit, nation=nation_of(case))

    def apply(self, case: Case, item: ReviewPoint, values: Values) -> ReviewPoint:
        due = typed_date(values["due_on"], "due_on")
        plan = fresh_plan(case)
        start, end = plan.start_date, plan.end_date
        if due and start and end and not start <= due <= end:
            raise RuleError("a review point must fall within the plan's dates", "due_on")
        return item.model_copy(update={
            "title": values["title"], "due_on": due, "reviewer": values["reviewer"],
            "expected_evidence": list(values["expected_evidence"]),
        })

    def describe(self, item: ReviewPoint) -> str:
        return f"{item.title} ({short(item.due_on)})"

    def detail(self, item: ReviewPoint) -> str:
        parts = [self.describe(item), f"reviewer: {item.reviewer or '—'}"]
        if item.expected_evidence:
            parts.append("expects: " + "; ".join(item.expected_evidence))
        return " · ".join(parts)

    def generate(self) -> None:
        plan = self.plan
        if plan is None or plan.start_date is None or plan.end_date is None:
            self.say("Set the plan's start and end dates first (6 Timeframe).")
            return

        def submit(values: Values) -> Answer:
            every = int(values["value"])

            def change(case: Case) -> None:
                fresh = fresh_plan(case)
                if fresh.start_date is None or fresh.end_date is None:
                    raise RuleError("Set the plan's start and end dates first.", "")
                try:
                    # The clinical supervisor holds them, chosen not retyped on each.
                    generated = generate_review_points(fresh.start_date, fresh.end_date, every,
                                                       nation=nation_of(case),
                                                       reviewer=planned_reviewer(fresh))
                except ValueError as exc:
                    raise RuleError(str(exc), "value") from None
                # Reviews already held stay; only the planned ones are replaced.
                held = [rp for rp in fresh.review_points if rp.outcome is not None]
                fresh.review_points = held + generated

            return self.save_for_dialog(change, "plan.review_points.generate",
                                        f"generated review points every {every} months")

        count = sum(1 for rp in plan.review_points if rp.outcome is None)
        replacing = f" (replaces {count} planned)" if count else ""
        self.app.push_screen(PromptDialog(
            f"Generate review points{replacing}", "Months between reviews", "2", submit,
            check=months_check,
        ))
