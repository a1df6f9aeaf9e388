"""When a review point not yet held is due: the lists' one rule, without the models (a
list of digests asks it for every row; domain/review.py records what a review concluded)."""

from __future__ import annotations

from datetime import date, timedelta

DUE_WINDOW_DAYS = 7


def due_status(due_on: date | None, today: date) -> str:
    """overdue / due (within a week) / upcoming, for a review point not yet held."""
    if due_on is None:
        return "upcoming"
    if due_on < today:
        return "overdue"
    if due_on <= today + timedelta(days=DUE_WINDOW_DAYS):
        return "due"
    return "upcoming"
