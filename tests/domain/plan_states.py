"""Plans in every state the dashboard across plans tells apart, with fixed ids and dates.

Today is 2026-11-23 (tests/ui/review_cases.py: review 2, due 16 Nov, is overdue unless
recorded; stage 3 (L4) starts 1 Dec). Each case's id says what it is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from psr_tui.domain.case import Case, Completion, Withdrawal
from psr_tui.domain.plan import Amendment, ReviewOutcome
from psr_tui.store import CaseStore
from tests.ui.review_cases import running_case

TODAY = date(2026, 11, 23)
ADVISER = "Dr Helen Marsden"
OTHER_ADVISER = "Mr Tom Reed"


def _held(case: Case, rp_index: int, outcome: str, on: date) -> Case:
    assert case.plan is not None
    case.plan.review_points[rp_index].outcome = ReviewOutcome(
        outcome=outcome, held_on=on, recorded_by="asmith",
        recorded_at=datetime(on.year, on.month, on.day, 9, tzinfo=UTC))
    return case


def _plan(case_id: str, name: str, org: str, supervisor: str, adviser: str = ADVISER,
          state: str = "active") -> Case:
    case = running_case(case_id, name, org, supervisor)
    case.request.case_adviser = adviser
    case.state = state
    return case


def every_state() -> list[Case]:
    overdue = _plan("overdue", "Ms Olive Overdue", "Northshire NHS Trust", "Dr Anna Smith")
    on_track = _held(_plan("on-track", "Mr Otto Track", "Northshire NHS Trust",
                           "Dr Anna Smith", adviser="dr helen marsden"),
                     1, "remain", date(2026, 11, 16))
    behind = _held(_plan("behind", "Dr Bea Hind", "Eastfield PCN", "Dr Bob Jones"),
                   1, "insufficient", date(2026, 11, 16))
    extended = _held(_plan("extended", "Mr Ed Extended", "Eastfield PCN", "Dr Bob Jones",
                           state="extended"), 1, "remain", date(2026, 11, 16))
    paused = _plan("paused", "Ms Pat Paused", "Westbury Hospitals", "Dr Carol White",
                   adviser=OTHER_ADVISER, state="paused")
    amendment = _held(_plan("amendment", "Mr Amir Amend", "Westbury Hospitals",
                            "Dr Carol White", adviser=OTHER_ADVISER),
                      1, "remain", date(2026, 11, 16))
    assert amendment.plan is not None
    amendment.plan.amendments = [Amendment(id="amd-1", kind="duration", status="proposed",
                                           changes={"end_date": "2027-08-01"})]
    finishing = _plan("completion-due", "Dr Fin Ishing", "Northshire NHS Trust",
                      "Dr Anna Smith")
    for n, on in enumerate([date(2026, 11, 16), date(2026, 11, 20), date(2026, 11, 21)],
                           start=1):
        _held(finishing, n, "remain", on)
    slow_ladder = _held(_plan("slow-ladder", "Ms Sue Slow", "Eastfield PCN", "Dr Bob Jones"),
                        1, "remain", date(2026, 11, 16))
    assert slow_ladder.plan is not None
    slow_ladder.plan.current_stage = 0  # still L2 while the dates say stage 2 (L3)
    not_started = _plan("not-started", "Mr Nat Started", "Northshire NHS Trust",
                        "Dr Anna Smith", state="agreed")
    done_recently = _plan("completed", "Ms Cora Complete", "Eastfield PCN", "Dr Bob Jones",
                          state="completed")
    done_recently.completion = Completion(outcome="completed", signed_on=date(2026, 10, 1))
    done_long_ago = _plan("completed-old", "Mr Old Done", "Eastfield PCN", "Dr Bob Jones",
                          state="completed")
    done_long_ago.completion = Completion(outcome="completed", signed_on=date(2025, 1, 5))
    withdrawn = _plan("withdrawn", "Mr Will Drawn", "Eastfield PCN", "Dr Bob Jones",
                      state="withdrawn")
    withdrawn.withdrawal = Withdrawal(reason="Left the post", withdrawn_on=date(2026, 11, 1))
    draft = _plan("draft", "Ms Dee Raft", "Eastfield PCN", "Dr Bob Jones", state="draft")
    return [overdue, on_track, behind, extended, paused, amendment, finishing, slow_ladder,
            not_started, done_recently, done_long_ago, withdrawn, draft]


def fill_every_state(store: CaseStore) -> list[Case]:
    return [store.create(case) for case in every_state()]
