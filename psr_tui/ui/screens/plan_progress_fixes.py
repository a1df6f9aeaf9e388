"""The plan progress screen's way out of every dead end: resume a paused plan on the
advice received, withdraw the case, withdraw a proposed amendment, correct a recorded
review outcome. Each is offered only to a role the access policy allows (the store
enforces it again) and only when the rule could apply; each asks for its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from ...domain import access
from ...domain.amendments import withdraw_amendment
from ...domain.case import Case
from ...domain.lifecycle import CLOSED_STATES, resume, withdraw
from ...domain.outcome_correction import CORRECTABLE_STATES, correct_outcome
from ...domain.plan import ReviewPoint
from ...domain.vocabulary import Vocabularies
from ..dialogs.reason_form import ReasonDialog, ReasonRequest

if TYPE_CHECKING:
    from ...app import PsrApp

FIX_BINDINGS = [
    Binding("f", "correct_outcome", "Correct outcome", show=False),
    Binding("g", "resume", "Resume plan", show=False),
    Binding("d", "withdraw_amendment", "Withdraw amendment", show=False),
    Binding("w", "withdraw_case", "Withdraw case", show=False),
]
FIX_ACTIONS = frozenset(b.action for b in FIX_BINDINGS)
FIX_HELP = """
- `f` fixes (corrects) the selected review's recorded outcome (its recorder or an adviser), with
  the reason: the original is kept and shown in the exports; its effect on supervision is
  undone unless a later review builds on it.
- `g` resumes (goes on with) a paused plan, recording the advice received.
- `d` withdraws a proposed amendment nobody will agree, with the reason.
- `w` withdraws the whole case, with the reason (it closes: read-only from then on).
"""


def _reschedules(code: str, vocab: Vocabularies) -> bool:
    """'Not held' is not an outcome a held review can be corrected to."""
    term = vocab["review_outcomes"].term(code)
    return term is not None and term.get("effect") == "reschedule"


class PlanFixActions:
    """Mixed into PlanProgressScreen, which provides these."""

    case: Case | None
    psr: PsrApp

    def reload(self) -> None: ...
    def _selected(self) -> ReviewPoint | None: ...
    def _after_save(self, case: Case | None) -> None: ...

    def fix_allowed(self, action: str) -> bool:
        case = self.case
        if case is None or case.plan is None:
            return False
        who = self.psr.store.identity
        if action == "correct_outcome":
            rp = self._selected()
            return (rp is not None and rp.outcome is not None
                    and case.state in CORRECTABLE_STATES
                    and access.may_correct_outcome(who, rp.outcome.recorded_by, case))
        if action == "resume":
            return case.state == "paused" and access.may(who, access.CASE_MANAGE, case)
        if action == "withdraw_case":
            return case.state not in CLOSED_STATES and access.may(who, access.CASE_MANAGE, case)
        if action == "withdraw_amendment":
            return (any(a.status == "proposed" for a in case.plan.amendments)
                    and access.may(who, access.AMENDMENT_PROPOSE, case))
        return False

    def _ask(self, request: ReasonRequest) -> None:
        self.reload()  # the dialog starts from what is stored now
        if self.case is not None:
            self.psr.push_screen(ReasonDialog(self.case, request), self._after_save)

    def action_correct_outcome(self) -> None:
        rp, case = self._selected(), self.case
        if rp is None or rp.outcome is None or case is None:
            return
        vocab, user = self.psr.vocab, self.psr.user
        by_adviser = self.psr.store.identity.role == access.ADVISER
        terms = vocab["review_outcomes"]
        recorded = rp.outcome.outcome
        choices = [(text, code) for text, code in terms.options()
                   if code != recorded and not _reschedules(code, vocab)]
        rp_id = rp.id

        def apply(case: Case, code: str, reason: str) -> None:
            correct_outcome(case, rp_id, code, reason=reason, user=user,
                            by_adviser=by_adviser, now=self.psr.store.clock(), vocab=vocab)

        self._ask(ReasonRequest(
            title=f"Correct the outcome of '{rp.title}'", choice_label="Correct outcome",
            choices=choices, text_label="Why it is corrected", action="review.correct",
            summary=f"corrected '{rp.title}' to {{choice}}: {{text}}", apply=apply,
            intro=f"Recorded: {terms.label(rp.outcome.outcome)} by {rp.outcome.recorded_by}"))

    def action_resume(self) -> None:
        user, today = self.psr.user, self.psr.today()
        self._ask(ReasonRequest(
            title="Resume the plan", text_label="Advice received", action="plan.resume",
            summary="plan resumed on advice: {text}",
            apply=lambda case, _c, advice: resume(case, today, advice=advice, user=user)))

    def action_withdraw_case(self) -> None:
        user, today = self.psr.user, self.psr.today()
        self._ask(ReasonRequest(
            title="Withdraw the case", text_label="Reason for withdrawing",
            action="case.withdraw", summary="case withdrawn: {text}",
            intro="The case closes and its plan stops; it stays readable and exportable.",
            apply=lambda case, _c, reason: withdraw(case, reason, user, today)))

    def action_withdraw_amendment(self) -> None:
        case = self.case
        if case is None or case.plan is None:
            return
        user, today = self.psr.user, self.psr.today()
        choices = [(a.headline, a.id) for a in case.plan.amendments
                   if a.status == "proposed"]
        self._ask(ReasonRequest(
            title="Withdraw a proposed amendment", choice_label="Amendment",
            choices=choices, text_label="Reason", action="amendment.withdraw",
            summary="amendment withdrawn: {choice} ({text})",
            apply=lambda case, amd, reason: withdraw_amendment(case, amd, user, today, reason)))
