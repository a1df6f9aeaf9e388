"""Plan progress's `x`: propose an amendment (000 8.2), fit for 80x24 in three small steps.

1. What kind: the end date, an extra review point, consequences or adjustments (the
   proposal dialog as before), or one item of content: who holds a role, an objective, an
   activity, a supervision stage.
2. Which item (or a new one), then the plan builder's own form for it (one way to edit a
   role, an objective, an activity or a stage, here or in the builder), checked against
   the rules as typed: a stage above a condition's floor is refused under its level.
3. Why, shown with exactly what changes (domain/amendment_content.amendment_diff): the
   proposal is saved with its reason; it applies once both parties agree (`a`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.amendment_content import Item, amendment_diff, item_change
from ...domain.amendments import propose_amendment
from ...domain.case import Case
from ...domain.errors import RuleError
from ...domain.plan import Activity, Amendment, Objective, Plan, Role, SupervisionStage
from ...domain.supervision import check_level
from ...domain.vocabulary import Vocabularies
from ..dialogs.activity_form import ActivityDialog
from ..dialogs.amendment_proposal import AmendmentProposalDialog
from ..dialogs.objective_form import ObjectiveDialog
from ..dialogs.plan_item_form import PlanItemDialog, Submit, Values
from ..dialogs.reason_form import ReasonDialog, ReasonRequest
from ..dialogs.role_form import RoleDialog
from ..dialogs.stage_form import StageDialog
from ..saving import Refusal
from ..wording import clipped, in_markup
from .plan_builder.activities import activity_from
from .plan_builder.ladder import stage_from
from .plan_builder.objectives import objective_from
from .plan_builder.roles import role_from

Done = Callable[[Case | None], None]

KINDS: list[tuple[str, str]] = [
    ("A new end date, an extra review point, consequences or adjustments", "general"),
    ("Replace who holds a role (a supervisor, a deputy, their psr-tui users)", "roles"),
    ("Add or change an objective", "objectives"),
    ("Add or change an activity", "activities"),
    ("Add or change a supervision stage", "stages"),
]
NOUNS = {"roles": "role", "objectives": "objective", "activities": "activity",
         "stages": "supervision stage"}


class PickDialog(ModalScreen[str | None]):
    """A short list to choose from: Enter picks, Esc cancels (nothing typed to lose)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.options = title, options

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static(f"[b]{in_markup(self.title_text)}[/b]")
            yield OptionList(*[Option(in_markup(label), id=value)
                               for label, value in self.options], id="pick-list")
            yield Static("Enter choose · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0  # Enter at once takes the first (the usual) choice
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def propose_amendment_flow(app: App[Any], case: Case, vocab: Vocabularies, user: str,
                           today: Any, done: Done) -> None:
    """Step 1; `done` gets the saved case, or None when the user stopped anywhere."""
    def chosen(kind: str | None) -> None:
        if kind is None:
            done(None)
        elif kind == "general":
            app.push_screen(AmendmentProposalDialog(case), done)
        else:
            _choose_item(app, case, kind, vocab, user, today, done)

    app.push_screen(PickDialog("Propose an amendment: what changes?", KINDS), chosen)


def describe(plan: Plan, item: Item, vocab: Vocabularies) -> str:
    if isinstance(item, Role):
        deputy = f" (deputy {item.deputy})" if item.deputy else ""
        return f"{vocab['roles'].label(item.role)}: {item.person or 'nobody named'}{deputy}"
    if isinstance(item, Objective):
        return clipped(item.statement or "(no statement)", 70)
    if isinstance(item, Activity):
        return clipped(item.description or item.kind, 70)
    number = plan.stages.index(item) + 1 if item in plan.stages else 0
    level = vocab["supervision_levels"].label(str(item.level))
    return f"Stage {number}: {level}, from {item.start or '?'} to {item.end or '?'}"


def _new_item(plan: Plan, kind: str) -> Item:
    if kind == "roles":
        return Role()
    if kind == "objectives":
        return Objective(target_date=plan.end_date)
    if kind == "activities":
        return Activity()
    last = plan.stages[-1] if plan.stages else None
    return SupervisionStage(level=last.level if last else 1, end=plan.end_date)


def _choose_item(app: App[Any], case: Case, kind: str, vocab: Vocabularies, user: str,
                 today: Any, done: Done) -> None:
    plan = case.plan
    assert plan is not None
    items: list[Item] = list(getattr(plan, kind))
    options = [(describe(plan, item, vocab), item.id) for item in items]
    options.append((f"A new {NOUNS[kind]}", "new"))

    def chosen(item_id: str | None) -> None:
        if item_id is None:
            done(None)
            return
        item = next((i for i in items if i.id == item_id), None) or _new_item(plan, kind)
        _edit_item(app, case, kind, item, vocab, user, today, done)

    app.push_screen(PickDialog(f"Which {NOUNS[kind]}?", options), chosen)


def _item_from(case: Case, kind: str, item: Item, values: Values, vocab: Vocabularies) -> Item:
    if isinstance(item, Role):
        return role_from(case, item, values)
    if isinstance(item, Objective):
        return objective_from(case, item, values)
    if isinstance(item, Activity):
        return activity_from(case, item, values)
    return stage_from(case, item, values, vocab)


def _dialog(case: Case, item: Item, vocab: Vocabularies, submit: Submit) -> PlanItemDialog:
    plan = case.plan
    assert plan is not None
    if isinstance(item, Role):
        return RoleDialog(item, plan, vocab, submit)
    if isinstance(item, Objective):
        return ObjectiveDialog(item, vocab, submit)
    if isinstance(item, Activity):
        return ActivityDialog(item, plan, vocab, submit)
    return StageDialog(item, vocab, submit,
                       level_check=lambda level: check_level(case, level, vocab))


def _edit_item(app: App[Any], case: Case, kind: str, item: Item, vocab: Vocabularies,
               user: str, today: Any, done: Done) -> None:
    plan = case.plan
    assert plan is not None
    made: dict[str, dict[str, Any]] = {}

    def submit(values: Values) -> Refusal | None:
        # Checked now, on a copy, so a refusal shows under the field it names while the
        # form is open; the proposal itself is saved (and checked again) in step 3.
        try:
            changes = item_change(plan, _item_from(case, kind, item, values, vocab))
            propose_amendment(case.model_copy(deep=True), "content", "check", changes,
                              user, today)
        except RuleError as exc:
            return Refusal(str(exc), exc.path)
        made["changes"] = changes
        return None

    def edited(ok: bool | None) -> None:
        if not ok or "changes" not in made:
            done(None)
            return
        _ask_why(app, case, made["changes"], user, today, done)

    app.push_screen(_dialog(case, item, vocab, submit), edited)


def _ask_why(app: App[Any], case: Case, changes: dict[str, Any], user: str, today: Any,
             done: Done) -> None:
    plan = case.plan
    assert plan is not None
    lines = amendment_diff(plan, Amendment(kind="content", changes=changes))
    request = ReasonRequest(
        title="Propose the amendment", text_label="What and why (shown to both parties)",
        action="amendment.propose", summary="content: {text}",
        intro="\n".join(["It changes, once both parties agree:", *lines]),
        apply=lambda fresh, _choice, why: propose_amendment(
            fresh, "content", why, changes, user, today))
    app.push_screen(ReasonDialog(case, request), done)
