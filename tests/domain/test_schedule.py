import itertools
from datetime import date, timedelta

import pytest

from psr_tui.domain.plan import Plan, Role
from psr_tui.domain.schedule import (
    add_months,
    generate_review_points,
    generate_stages,
    planned_reviewer,
)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 5, 10), 0) == date(2026, 5, 10)


def test_case_study_schedule_two_four_months_and_sign_off() -> None:
    start, end = date(2026, 3, 2), date(2026, 9, 2)
    points = generate_review_points(start, end)
    assert [p.title for p in points] == [
        "Review 1 (2 months)",
        "Review 2 (4 months)",
        "Final review and summary sign-off",
    ]
    # 2 May 2026 is a Saturday and 4 May the early May bank holiday: Tuesday 5 May.
    assert [p.due_on for p in points] == [date(2026, 5, 5), date(2026, 7, 2), end]
    assert [p.is_final for p in points] == [False, False, True]
    assert all(p.expected_evidence for p in points)
    assert len({p.id for p in points}) == 3


def test_review_points_stay_inside_the_plan() -> None:
    start, end = date(2026, 1, 31), date(2026, 12, 15)
    points = generate_review_points(start, end, every_months=3, expected_evidence=["CbD x2"])
    assert all(start <= p.due_on <= end for p in points if p.due_on)
    assert points[0].due_on == date(2026, 4, 30)
    assert points[0].title == "Review 1 (3 months)"
    assert points[-1].is_final and points[-1].due_on == end
    assert all(p.expected_evidence == ["CbD x2"] for p in points)
    # Each point gets its own list, so editing one does not change another.
    points[0].expected_evidence.append("MSF")
    assert points[1].expected_evidence == ["CbD x2"]


def test_review_points_without_final_sign_off() -> None:
    points = generate_review_points(date(2026, 1, 1), date(2026, 7, 1), 2, final_sign_off=False)
    # 1 March 2026 is a Sunday: Monday 2 March.
    assert [p.due_on for p in points] == [date(2026, 3, 2), date(2026, 5, 1), date(2026, 7, 1)]
    assert not any(p.is_final for p in points)
    assert points[0].title == "Review 1 (2 months)"


def test_reviews_move_off_bank_holidays_and_never_past_the_end() -> None:
    # The trial's plan: a review on New Year's Day 2027 moves to Monday 4 January.
    points = generate_review_points(date(2026, 11, 1), date(2027, 5, 1))
    assert points[0].due_on == date(2027, 1, 4)
    # The plan ends on Saturday 1 May 2027: the final review is the Friday before.
    assert points[-1].due_on == date(2027, 4, 30) and points[-1].is_final
    # Saturday 8 August, the plan ending on the Sunday: back to Friday 7 August.
    late = generate_review_points(date(2026, 6, 8), date(2026, 8, 9), final_sign_off=False)
    assert [p.due_on for p in late] == [date(2026, 8, 7)]


def test_review_points_reject_bad_input() -> None:
    with pytest.raises(ValueError):
        generate_review_points(date(2026, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValueError):
        generate_review_points(date(2026, 1, 1), date(2026, 6, 1), every_months=0)


def test_stages_split_evenly_and_contiguously() -> None:
    start, end = date(2026, 1, 1), date(2026, 6, 30)  # 181 days
    stages = generate_stages(start, end, [1, 2, 3, 4])
    assert [s.level for s in stages] == [1, 2, 3, 4]
    assert stages[0].start == start and stages[-1].end == end
    for before, after in itertools.pairwise(stages):
        assert before.end is not None and after.start == before.end + timedelta(days=1)
    lengths = [(s.end - s.start).days + 1 for s in stages if s.start and s.end]
    assert max(lengths) - min(lengths) <= 1
    assert "no_on_call" in stages[0].scope_limits
    assert "no_on_call" not in stages[-1].scope_limits
    assert stages[0].entry_criteria and stages[1].exit_criteria
    assert "L2 Close" in stages[1].exit_criteria


def test_stages_never_go_above_the_floor() -> None:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    stages = generate_stages(start, end, [1, 2, 3, 4, 5], floor=2)
    assert [s.level for s in stages] == [1, 2]
    assert stages[-1].end == end  # the time above the floor is spent at the floor
    assert stages[0].end is not None and stages[0].end < date(2026, 4, 1)


def test_stages_reject_bad_levels() -> None:
    with pytest.raises(ValueError):
        generate_stages(date(2026, 1, 1), date(2026, 6, 1), [0, 2])
    with pytest.raises(ValueError):
        generate_stages(date(2026, 1, 1), date(2026, 6, 1), [])


def test_no_review_falls_on_a_weekend_or_bank_holiday_the_final_one_included() -> None:
    from psr_tui.domain.deadlines import is_working_day

    # Ends Sunday 30 August 2026, after the August bank holiday's weekend.
    points = generate_review_points(date(2026, 3, 1), date(2026, 8, 30))
    assert all(is_working_day(p.due_on) for p in points)
    assert points[-1].is_final and points[-1].due_on == date(2026, 8, 28)
    # Northern Ireland: 13 July 2026 (the Twelfth, observed) is no day for a review.
    ni = generate_review_points(date(2026, 5, 13), date(2026, 9, 30), nation="NIR")
    assert date(2026, 7, 13) not in [p.due_on for p in ni]
    assert date(2026, 7, 14) in [p.due_on for p in ni]


@pytest.mark.parametrize("start, end, words", [
    (date(2026, 3, 2), date(2026, 8, 31), "6 months"),
    (date(2026, 3, 2), date(2026, 9, 2), "6 months"),
    (date(2026, 1, 1), date(2026, 12, 31), "12 months"),
    (date(2026, 3, 2), date(2026, 5, 25), "2 months and 3 weeks"),
    (date(2026, 3, 2), date(2026, 3, 23), "3 weeks"),
])
def test_plan_length_reads_as_people_say_it(start, end, words) -> None:
    from psr_tui.domain.schedule import plan_length

    assert plan_length(start, end) == words


def test_exit_criteria_follow_the_level_unless_the_adviser_wrote_their_own() -> None:
    from psr_tui.domain.schedule import exit_criteria_for_level, generate_stages

    stage = generate_stages(date(2026, 1, 1), date(2026, 7, 1), [2, 3])[0]
    assert "L2" in stage.exit_criteria
    moved = exit_criteria_for_level(stage.exit_criteria, 2, 1)
    assert "L1" in moved and "L2" not in moved
    assert exit_criteria_for_level("My own words at L2", 2, 1) == "My own words at L2"


def test_generated_reviews_name_the_clinical_supervisor() -> None:
    plan = Plan(roles=[
        Role(role="responsible_officer", person="Dr Ann Reid"),
        Role(role="clinical_supervisor", person=" Mr Daniel Osei ", deputy="Ms Laura Bennett"),
    ])
    assert planned_reviewer(plan) == "Mr Daniel Osei"
    points = generate_review_points(date(2026, 3, 2), date(2026, 8, 31),
                                    reviewer=planned_reviewer(plan))
    assert points and all(p.reviewer == "Mr Daniel Osei" for p in points)
    # No one named in the role yet: left for the adviser to pick.
    assert planned_reviewer(Plan(roles=[Role(role="clinical_supervisor")])) == ""
    assert all(p.reviewer == "" for p in generate_review_points(date(2026, 3, 2),
                                                                 date(2026, 8, 31)))
