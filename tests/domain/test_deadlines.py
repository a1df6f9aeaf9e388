from datetime import date

from psr_tui.domain.case import Case, RequestDecision
from psr_tui.domain.deadlines import (
    Deadline,
    add_working_days,
    case_deadlines,
    draft_deadline,
    is_working_day,
    most_urgent,
    open_deadlines,
    plan_deadline,
    working_day_warning,
    working_days_between,
)
from psr_tui.domain.plan import Plan, PlanVersion


def accepted_case(received: date) -> Case:
    case = Case()
    case.request.received_on = received
    case.decision = RequestDecision(outcome="accepted", decided_on=received)
    return case


def issued(on: date) -> PlanVersion:
    return PlanVersion(version=1, status="issued", issued_on=on)


def test_bank_holidays_and_weekends_are_not_working_days() -> None:
    for holiday in ["2026-12-25", "2026-12-28", "2026-04-03", "2026-04-06", "2026-01-01"]:
        assert not is_working_day(date.fromisoformat(holiday)), holiday
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert is_working_day(date(2026, 12, 29))
    assert is_working_day(date(2026, 4, 7))


def test_a_date_off_the_working_week_is_named_for_a_warning() -> None:
    assert working_day_warning(date(2026, 3, 7)) == "falls on a Saturday"
    assert working_day_warning(date(2026, 3, 8)) == "falls on a Sunday"
    assert working_day_warning(date(2026, 12, 28)) == (
        "falls on a bank holiday (Boxing Day, observed)")
    assert working_day_warning(date(2026, 12, 26)) == (
        "falls on a Saturday and a bank holiday (Boxing Day)")
    assert working_day_warning(date(2026, 12, 29)) is None


def test_add_working_days_skips_christmas_and_substitute_boxing_day() -> None:
    # Thu 24 Dec -> Fri 25 (Christmas), Mon 28 (Boxing Day substitute) skipped.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 24), 0) == date(2026, 12, 24)


def test_add_working_days_skips_easter() -> None:
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)


def test_working_days_between_counts_after_start_up_to_end() -> None:
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 6)) == 4
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1  # over a weekend
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 2)) == -4
    # Easter: Thu 2 Apr to Tue 7 Apr is one working day.
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1


def test_working_days_round_trip() -> None:
    start = date(2026, 12, 1)
    for n in range(0, 40):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_draft_deadline_is_twenty_working_days_over_easter() -> None:
    case = accepted_case(date(2026, 3, 23))
    deadline = draft_deadline(case, today=date(2026, 3, 23))
    assert deadline is not None
    assert deadline.due == date(2026, 4, 22)  # would be 20 Apr without the bank holidays
    assert deadline.days_left == 20
    assert not deadline.breached and not deadline.met


def test_draft_deadline_only_for_accepted_requests() -> None:
    case = accepted_case(date(2026, 3, 2))
    assert case.decision is not None
    case.decision.outcome = "further_information"
    assert draft_deadline(case, date(2026, 3, 2)) is None
    case.decision = None
    assert draft_deadline(case, date(2026, 3, 2)) is None


def test_draft_deadline_breached_and_met() -> None:
    case = accepted_case(date(2026, 3, 2))
    late = draft_deadline(case, today=date(2026, 4, 1))
    assert late is not None and late.due == date(2026, 3, 30)
    assert late.days_left == -2 and late.breached
    case.first_draft_issued_on = date(2026, 3, 30)
    on_time = draft_deadline(case, today=date(2026, 4, 1))
    assert on_time is not None and on_time.met and not on_time.breached
    case.first_draft_issued_on = date(2026, 3, 31)
    met_late = draft_deadline(case, today=date(2026, 4, 1))
    assert met_late is not None and met_late.breached


def test_plan_deadline_counts_from_the_later_discussion() -> None:
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner.held_on = date(2026, 3, 10)
    assert plan_deadline(case, date(2026, 3, 10)) is None  # organisation not yet held
    case.discussions.organisation.held_on = date(2026, 3, 12)
    deadline = plan_deadline(case, date(2026, 3, 12))
    assert deadline is not None and deadline.due == date(2026, 3, 26)
    assert deadline.days_left == 10


def test_plan_deadline_without_practitioner_engagement() -> None:
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner_did_not_engage = True
    case.discussions.organisation.held_on = date(2026, 3, 12)
    deadline = plan_deadline(case, date(2026, 3, 12))
    assert deadline is not None and deadline.due == date(2026, 3, 26)


def test_plan_deadline_met_by_issued_version() -> None:
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner.held_on = date(2026, 3, 10)
    case.discussions.organisation.held_on = date(2026, 3, 12)
    case.plan = Plan(versions=[issued(date(2026, 3, 20))])
    deadline = plan_deadline(case, date(2026, 4, 30))
    assert deadline is not None and deadline.met_on == date(2026, 3, 20)
    assert not deadline.breached


def test_plan_deadline_met_by_state_without_a_date() -> None:
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner.held_on = date(2026, 3, 10)
    case.discussions.organisation.held_on = date(2026, 3, 12)
    case.state = "active"
    deadline = plan_deadline(case, date(2026, 6, 1))
    assert deadline is not None and deadline.met and not deadline.breached


def test_most_urgent_picks_fewest_days_left_among_open() -> None:
    case = accepted_case(date(2026, 3, 2))  # draft due 30 Mar
    case.discussions.practitioner.held_on = date(2026, 3, 3)
    case.discussions.organisation.held_on = date(2026, 3, 4)  # plan due 18 Mar
    today = date(2026, 3, 16)
    assert [d.name for d in case_deadlines(case, today)] == ["First draft", "Plan issued"]
    urgent = most_urgent(open_deadlines(case), today)
    assert urgent is not None and urgent.name == "Plan issued" and urgent.days_left == 2
    case.first_draft_issued_on = date(2026, 3, 10)
    case.plan = Plan(versions=[issued(date(2026, 3, 17))])
    assert most_urgent(open_deadlines(case), today) is None
    assert len(case_deadlines(case, today)) == 2  # met ones are still listed


def test_withdrawn_case_has_no_open_deadlines() -> None:
    case = accepted_case(date(2026, 3, 2))
    case.state = "withdrawn"
    assert case_deadlines(case, date(2026, 5, 1)) == []
    assert open_deadlines(case) == []


def test_open_deadlines_match_the_deadlines_of_the_day() -> None:
    """A digest keeps (name, due) of the open deadlines; counted for a day they are the
    deadlines case_deadlines finds not met."""
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner.held_on = date(2026, 3, 3)
    case.discussions.organisation.held_on = date(2026, 3, 4)
    today = date(2026, 3, 16)
    assert open_deadlines(case) == [(d.name, d.due) for d in case_deadlines(case, today)
                                    if not d.met]
    case.first_draft_issued_on = date(2026, 3, 10)
    assert [name for name, _due in open_deadlines(case)] == ["Plan issued"]


def test_deadline_breached_property() -> None:
    assert Deadline("x", date(2026, 3, 2), -1, None).breached
    assert not Deadline("x", date(2026, 3, 2), 0, None).breached


def test_working_days_between_matches_a_day_by_day_count_over_years() -> None:
    import random
    from datetime import timedelta

    from psr_tui.domain.deadlines import is_working_day, working_days_between

    def walk(a: date, b: date) -> int:
        count, d = 0, a
        while d < b:
            d += timedelta(days=1)
            count += is_working_day(d)
        return count

    rng = random.Random(4)
    for _ in range(300):
        a = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1500))
        b = a + timedelta(days=rng.randint(0, 800))
        assert working_days_between(a, b) == walk(a, b)
        assert working_days_between(b, a) == -walk(a, b)


def test_plan_deadline_uses_the_first_issue_not_the_agreement() -> None:
    # Issued on time, signed by both weeks later: the deadline was met when it went out.
    case = accepted_case(date(2026, 3, 2))
    case.discussions.practitioner.held_on = date(2026, 3, 10)
    case.discussions.organisation.held_on = date(2026, 3, 12)
    case.state = "agreed"
    case.plan = Plan(versions=[
        issued(date(2026, 3, 20)),
        PlanVersion(version=1, status="agreed", issued_on=date(2026, 4, 30)),
    ])
    deadline = plan_deadline(case, date(2026, 5, 5))
    assert deadline is not None and deadline.due == date(2026, 3, 26)
    assert deadline.met_on == date(2026, 3, 20)
    assert not deadline.breached


def test_the_organisations_nation_decides_the_bank_holidays() -> None:
    from psr_tui.domain.deadlines import draft_deadline, nation_of

    # 17 March (St Patrick's Day) is a bank holiday in Northern Ireland only; 12 July
    # (Battle of the Boyne, a Monday in 2027) too; 2 January and St Andrew's Day in Scotland.
    assert is_working_day(date(2026, 3, 17))
    assert not is_working_day(date(2026, 3, 17), "NIR")
    assert not is_working_day(date(2027, 1, 4), "SCT")  # 2 January moved to Monday 4th
    assert working_day_warning(date(2026, 3, 17), "NIR") == (
        "falls on a bank holiday (Saint Patrick's Day)")
    case = Case()
    case.request.received_on = date(2026, 3, 2)
    case.decision = RequestDecision(outcome="accepted")
    england = draft_deadline(case, date(2026, 3, 2))
    case.request.organisation.nation = "NIR"
    assert nation_of(case) == "NIR"
    northern_ireland = draft_deadline(case, date(2026, 3, 2))
    assert england is not None and northern_ireland is not None
    assert northern_ireland.due == add_working_days(england.due, 1)  # one more holiday
