"""PSR's service deadlines, counted in working days (000 4.6.3, 7.1), with the bank
holidays of the organisation's nation: England, Wales, Scotland or Northern Ireland
(`Organisation.nation`, the `holidays` package's GB subdivision codes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from .bank_holiday_table import package_holidays, shipped_holidays

if TYPE_CHECKING:  # lists work from digests: no models (pydantic) at their start-up
    from .case import Case

DRAFT_WORKING_DAYS = 20  # first draft after an accepted request (000 4.6.3)
PLAN_WORKING_DAYS = 10  # the plan after the discussions are complete (000 7.1)

# States in which the plan has gone out to both parties (or further along the lifecycle).
PLAN_ISSUED_STATES = frozenset(
    {
        "issued",
        "agreed",
        "active",
        "paused",
        "extended",
        "completed",
        "completed_with_conditions",
        "not_completed",
    }
)
# The `holidays` package's GB subdivisions (vocabulary: nations); blank means England.
DEFAULT_NATION = "ENG"
NATIONS = frozenset({"ENG", "WLS", "SCT", "NIR"})

# A closed case has no open deadlines: nobody should be chased for it.
CLOSED_STATES = frozenset({"declined", "withdrawn"})
DRAFT_NAME = "First draft"
PLAN_NAME = "Plan issued"


def nation_of(case: Case) -> str:
    """The organisation's nation, as a `holidays` subdivision; England when not set."""
    nation = case.request.organisation.nation
    return nation if nation in NATIONS else DEFAULT_NATION


@cache
def _bank_holidays(year: int, nation: str = DEFAULT_NATION) -> Mapping[date, str]:
    """The nation's bank holidays in `year`, by date, with their names ("Boxing Day"):
    the shipped table of the `holidays` package's answers, else the package itself
    (domain/bank_holiday_table.py: the package costs 0.2-0.3 s to load)."""
    shipped = shipped_holidays(year, nation)
    return package_holidays(year, nation) if shipped is None else shipped


def is_working_day(d: date, nation: str = DEFAULT_NATION) -> bool:
    return d.weekday() < 5 and d not in _bank_holidays(d.year, nation)


def last_working_day_by(day: date, nation: str = DEFAULT_NATION) -> date:
    """`day` itself when it is a working day, else the last working day before it: where a
    review due on a plan's last day meets (never after the plan has ended)."""
    while not is_working_day(day, nation):
        day -= timedelta(days=1)
    return day


def working_day_warning(d: date, nation: str = DEFAULT_NATION) -> str | None:
    """Why a review or meeting set for `d` may be a slip: "falls on a Saturday", "falls on a
    bank holiday (Boxing Day)"; None on a working day. A warning, never a refusal: a meeting
    can be held on a Saturday when everyone agrees."""
    # Not strftime("%A"): that follows the locale, and the app speaks English.
    weekend = ("Saturday", "Sunday")[d.weekday() - 5] if d.weekday() >= 5 else ""
    holiday = _bank_holidays(d.year, nation).get(d)
    if weekend and holiday:
        return f"falls on a {weekend} and a bank holiday ({holiday})"
    if weekend:
        return f"falls on a {weekend}"
    if holiday:
        return f"falls on a bank holiday ({holiday})"
    return None


def add_working_days(start: date, n: int, nation: str = DEFAULT_NATION) -> date:
    """The date n working days after start (before it when n is negative); n=0 is start."""
    step = 1 if n >= 0 else -1
    d = start
    remaining = abs(n)
    while remaining:
        d += timedelta(days=step)
        if is_working_day(d, nation):
            remaining -= 1
    return d


def working_days_between(start: date, end: date, nation: str = DEFAULT_NATION) -> int:
    """Working days after start up to and including end; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start, nation)
    # Arithmetic, not a day-by-day walk: summaries of thousands of old cases call this.
    weekdays = _weekdays_up_to(end) - _weekdays_up_to(start)
    holidays_in_range = sum(
        1
        for year in range(start.year, end.year + 1)
        for h in _bank_holidays(year, nation)
        if start < h <= end and h.weekday() < 5
    )
    return weekdays - holidays_in_range


def _weekdays_up_to(d: date) -> int:
    """Monday-to-Friday days from a fixed Monday (day 1) up to and including d."""
    days = d.toordinal()  # ordinal 1 (0001-01-01) is a Monday
    weeks, rest = divmod(days, 7)
    return weeks * 5 + min(rest, 5)


@dataclass(frozen=True)
class Deadline:
    name: str
    due: date
    days_left: int  # working days from today to due; negative once breached
    met_on: date | None = None

    @property
    def met(self) -> bool:
        return self.met_on is not None

    @property
    def breached(self) -> bool:
        if self.met_on is not None:
            return self.met_on > self.due
        return self.days_left < 0


def _draft_due(case: Case) -> tuple[date, date | None] | None:
    """(due, met on) of the first draft: 20 working days after a request that was accepted."""
    received = case.request.received_on
    if case.decision is None or case.decision.outcome != "accepted" or received is None:
        return None
    return (add_working_days(received, DRAFT_WORKING_DAYS, nation_of(case)),
            case.first_draft_issued_on)


def draft_deadline(case: Case, today: date) -> Deadline | None:
    """First draft within 20 working days of receiving a request that was accepted."""
    found = _draft_due(case)
    if found is None:
        return None
    due, met_on = found
    return Deadline(name=DRAFT_NAME, due=due,
                    days_left=working_days_between(today, due, nation_of(case)), met_on=met_on)


def discussions_completed_on(case: Case) -> date | None:
    """When both discussions were held (the organisation's alone if the practitioner
    did not engage)."""
    talks = case.discussions
    organisation = talks.organisation.held_on
    if talks.practitioner_did_not_engage:
        return organisation
    practitioner = talks.practitioner.held_on
    if organisation is None or practitioner is None:
        return None
    return max(organisation, practitioner)


def plan_issued_on(case: Case) -> date | None:
    """The date the plan first went out, from its versions or signatures."""
    plan = case.plan
    if plan is None:
        return None
    dates = [v.issued_on for v in plan.versions if v.issued_on and v.status in ("issued", "agreed")]
    if not dates:
        signatures = (plan.agreement.organisation, plan.agreement.practitioner)
        dates = [s.signed_on for s in signatures if s is not None and s.signed_on]
    return min(dates) if dates else None


def _plan_due(case: Case) -> tuple[date, date | None] | None:
    """(due, met on) of the plan: 10 working days after the discussions are complete."""
    completed = discussions_completed_on(case)
    if completed is None:
        return None
    nation = nation_of(case)
    due = add_working_days(completed, PLAN_WORKING_DAYS, nation)
    met_on = plan_issued_on(case)
    if met_on is None and case.state in PLAN_ISSUED_STATES:
        # The lifecycle says it went out but no date was recorded (e.g. imported data):
        # count it as met on time rather than raise a breach nobody can act on.
        met_on = due
    return due, met_on


def plan_deadline(case: Case, today: date) -> Deadline | None:
    """The plan within 10 working days of the discussions being complete."""
    found = _plan_due(case)
    if found is None:
        return None
    due, met_on = found
    return Deadline(name=PLAN_NAME, due=due,
                    days_left=working_days_between(today, due, nation_of(case)), met_on=met_on)


def open_deadlines(case: Case) -> list[tuple[str, date]]:
    """(name, due) of each deadline not met yet, whatever the day: what a case digest keeps
    (domain/case_digest.py, with the case's nation); the working days left are counted for
    the day asked."""
    if case.state in CLOSED_STATES:
        return []
    found = ((DRAFT_NAME, _draft_due(case)), (PLAN_NAME, _plan_due(case)))
    return [(name, due_met[0]) for name, due_met in found
            if due_met is not None and due_met[1] is None]


def case_deadlines(case: Case, today: date) -> list[Deadline]:
    """Every deadline that applies: open ones, and met ones (to show whether they were on time)."""
    found = [d for d in (draft_deadline(case, today), plan_deadline(case, today)) if d]
    if case.state in CLOSED_STATES:
        found = [d for d in found if d.met]
    return found


def most_urgent(open_ones: Iterable[tuple[str, date]], today: date,
                nation: str = DEFAULT_NATION) -> Deadline | None:
    """The open deadline (name, due: `open_deadlines`) with the fewest working days left
    (counted with the case's `nation`'s bank holidays, as the dues were)."""
    found = [Deadline(name=name, due=due, days_left=working_days_between(today, due, nation))
             for name, due in open_ones]
    return min(found, key=lambda d: (d.days_left, d.due), default=None)
