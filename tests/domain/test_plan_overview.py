"""The dashboard across plans: rows, standings, ladder bar, milestones, order, filters."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.domain.access import SUPERVISOR, Identity
from psr_tui.domain.plan_overview import (
    PlanFilter,
    count_line,
    ladder_bar,
    plan_row,
    plan_rows,
)
from psr_tui.domain.vocabulary import default_vocabularies
from tests.domain.plan_states import ADVISER, TODAY, every_state
from tests.ui.review_cases import running_case

VOCAB = default_vocabularies()


@pytest.fixture(scope="module")
def rows():
    return {r.case_id: r for r in plan_rows(every_state(), TODAY, VOCAB)}


def test_a_row_per_signed_plan_and_none_for_drafts_withdrawn_or_long_completed(rows) -> None:
    assert set(rows) == {"overdue", "on-track", "behind", "extended", "paused", "amendment",
                         "completion-due", "slow-ladder", "not-started", "completed"}


@pytest.mark.parametrize(("case_id", "standings"), [
    ("overdue", ("behind",)),
    ("on-track", ("on_track",)),
    ("behind", ("behind",)),
    ("extended", ("extended",)),
    ("paused", ("paused",)),
    ("amendment", ("amendment",)),
    ("completion-due", ("completion_due",)),
    ("not-started", ("not_started",)),
    ("completed", ("completed",)),
])
def test_each_plan_stands_as_its_state_says(rows, case_id: str, standings) -> None:
    assert rows[case_id].standings == standings


def test_a_plan_behind_with_an_amendment_to_agree_shows_both(rows) -> None:
    case = next(c for c in every_state() if c.id == "amendment")
    assert case.plan is not None
    case.plan.review_points[1].outcome.outcome = "concern"  # type: ignore[union-attr]
    row = plan_row(case, TODAY, VOCAB)
    assert row is not None and row.standings == ("behind", "amendment")


def test_overdue_first_then_behind_then_completion_and_amendments(rows) -> None:
    ordered = [r.case_id for r in plan_rows(every_state(), TODAY, VOCAB)]
    assert ordered[:4] == ["overdue", "behind", "completion-due", "amendment"]
    assert ordered[-3:] == ["paused", "not-started", "completed"]
    # the rest of delivery by the soonest milestone: the missed stage change comes first
    assert ordered[4] == "slow-ladder"


def test_the_ladder_bar_marks_the_current_stage_and_todays_place(rows) -> None:
    assert rows["on-track"].ladder == "2[3]45"
    assert rows["slow-ladder"].ladder == "[2](3)45"  # at L2; the dates say stage 2 (L3)
    assert rows["completed"].ladder == "2345"
    assert ladder_bar([1, 2, 3, 4, 5], 4, 4) == "1234[5]"
    assert (rows["on-track"].stage, rows["on-track"].level) == (2, 3)


def test_the_next_milestone_is_the_sooner_of_review_and_stage_change(rows) -> None:
    assert (rows["overdue"].milestone, rows["overdue"].milestone_on) == (
        "Review 2 (4 months)", date(2026, 11, 16))
    assert (rows["on-track"].milestone, rows["on-track"].milestone_on) == (
        "Review 3 (6 months)", date(2026, 11, 27))
    assert (rows["slow-ladder"].milestone, rows["slow-ladder"].milestone_on) == (
        "stage 2 (L3)", date(2026, 9, 1))
    assert rows["completion-due"].milestone == "completion sign-off"
    assert rows["not-started"].milestone == "plan starts"
    assert rows["paused"].milestone == "" and rows["paused"].milestone_on is None
    assert rows["completed"].milestone == ""


def test_the_last_outcome_in_a_word(rows) -> None:
    assert rows["overdue"].last_outcome == "Step down"
    assert rows["behind"].last_outcome == "Insufficient"
    assert rows["on-track"].last_outcome == "Remain"


def test_count_line_of_the_rows_shown(rows) -> None:
    delivery = [r for r in rows.values() if PlanFilter().matches(r)]
    assert count_line(delivery) == "8 plans in delivery · 2 behind · 1 overdue review"
    assert count_line(list(rows.values())).endswith("· 2 others")


def test_completed_months_decides_how_far_back(rows) -> None:
    ids = {r.case_id for r in plan_rows(every_state(), TODAY, VOCAB, completed_months=1)}
    assert "completed" not in ids
    ids = {r.case_id for r in plan_rows(every_state(), TODAY, VOCAB, completed_months=24)}
    assert "completed-old" in ids


def _shown(rows, **kw) -> set[str]:
    wanted = PlanFilter(**kw)
    return {r.case_id for r in rows.values() if wanted.matches(r)}


def test_filters_combine(rows) -> None:
    assert _shown(rows) == {"overdue", "on-track", "behind", "extended", "paused",
                            "amendment", "completion-due", "slow-ladder"}
    assert _shown(rows, organisation="eastfield") == {"behind", "extended", "slow-ladder"}
    assert _shown(rows, organisation="eastfield", state="behind") == {"behind"}
    assert _shown(rows, supervisor="carol") == {"paused", "amendment"}
    assert _shown(rows, case_adviser="reed") == {"paused", "amendment"}
    assert _shown(rows, state="not_started") == {"not-started"}
    assert _shown(rows, state="completed") == {"completed"}
    assert len(_shown(rows, state="all")) == len(rows)
    assert _shown(rows, supervisor="carol", state="paused", organisation="westbury") == {
        "paused"}
    assert _shown(rows, organisation="nowhere") == set()


def test_my_cases_match_the_case_adviser_exactly_ignoring_case(rows) -> None:
    mine = _shown(rows, mine=Identity("hmarsden", display_name=ADVISER.upper()))
    assert "on-track" in mine  # typed "dr helen marsden" on that request
    assert not mine & {"paused", "amendment"}
    assert _shown(rows, mine=Identity("hm", display_name="Helen")) == set()  # part of a name
    assert _shown(rows, mine=Identity("hmarsden")) == set()


def test_a_supervisors_cases_are_the_plans_they_supervise() -> None:
    linked = running_case("linked", "Mr Lin Ked", "Northshire NHS Trust", "Dr Anna Smith",
                          deputy_user="asmith")
    named = running_case("named", "Ms Na Med", "Northshire NHS Trust", "Dr Anna Smith")
    found = [r.case_id for r in plan_rows([linked, named], TODAY, VOCAB)
             if PlanFilter(mine=Identity("asmith", role=SUPERVISOR)).matches(r)]
    assert found == ["linked"]  # a deputy's link counts; a name typed on a role does not


def test_narrowed_says_when_anything_is_filtered() -> None:
    assert not PlanFilter().narrowed
    assert PlanFilter(state="behind").narrowed
    assert PlanFilter(mine=Identity("x")).narrowed
