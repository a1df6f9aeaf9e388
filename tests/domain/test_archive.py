"""When a closed case leaves the working lists, and when its retention has run out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psr_tui.domain.archive import (
    RecordLife,
    closed_on,
    is_archived,
    load_record_life,
    past_retention,
    retained_until,
    split_archive,
)
from psr_tui.domain.case import Completion, RequestDecision, Withdrawal
from psr_tui.domain.vocabulary import VocabularyError
from tests.domain.case_builders import valid_case

LIFE = RecordLife(archive_after_days=90, retention_years=6)
CLOSED = date(2026, 1, 10)


def withdrawn(on: date = CLOSED):  # type: ignore[no-untyped-def]
    case = valid_case()
    case.state = "withdrawn"
    case.withdrawal = Withdrawal(reason="left", withdrawn_on=on, withdrawn_by="hm")
    return case


def test_each_way_of_closing_gives_its_date() -> None:
    assert closed_on(withdrawn()) == CLOSED
    declined = valid_case()
    declined.state, declined.plan = "declined", None
    declined.decision = RequestDecision(outcome="declined", decided_on=date(2026, 2, 1))
    assert closed_on(declined) == date(2026, 2, 1)
    for state in ("completed", "completed_with_conditions", "not_completed"):
        done = valid_case()
        done.state = state
        done.completion = Completion(outcome="x", signed_by="RO", signed_on=date(2026, 3, 3),
                                     follow_up="f")
        assert closed_on(done) == date(2026, 3, 3)


def test_an_open_case_is_never_archived_however_old() -> None:
    case = valid_case()
    assert case.state not in ("withdrawn", "declined", "completed")
    case.withdrawal = Withdrawal(reason="x", withdrawn_on=date(2000, 1, 1), withdrawn_by="h")
    assert closed_on(case) is None
    assert not is_archived(case, date(2030, 1, 1), LIFE)
    assert not past_retention(case, date(2099, 1, 1), LIFE)


def test_closed_without_a_date_is_kept_in_the_working_list() -> None:
    case = withdrawn()
    case.withdrawal = None  # closed, but no date to count from: never erased on a guess
    assert not is_archived(case, date(2099, 1, 1), LIFE)
    assert not past_retention(case, date(2099, 1, 1), LIFE)


def test_archived_from_the_ninetieth_day_after_closing() -> None:
    case = withdrawn()
    assert not is_archived(case, date(2026, 4, 9), LIFE)  # 89 days
    assert is_archived(case, date(2026, 4, 10), LIFE)  # 90 days
    working, archived = split_archive([case, valid_case()], date(2026, 4, 10), LIFE)
    assert [c.id for c in archived] == [case.id] and len(working) == 1


def test_retention_runs_whole_years_from_closing_and_never_early() -> None:
    case = withdrawn()
    assert retained_until(case, LIFE) == date(2032, 1, 10)
    assert not past_retention(case, date(2032, 1, 10), LIFE)  # the last day kept
    assert past_retention(case, date(2032, 1, 11), LIFE)
    leap = withdrawn(date(2024, 2, 29))
    assert retained_until(leap, RecordLife(90, 1)) == date(2025, 3, 1)  # never before


def test_a_retention_shorter_than_the_archive_period_still_waits_for_the_archive() -> None:
    life = RecordLife(archive_after_days=3650, retention_years=1)
    assert not past_retention(withdrawn(), date(2027, 6, 1), life)


def test_shipped_settings_are_the_documented_defaults() -> None:
    assert load_record_life() == RecordLife(archive_after_days=90, retention_years=6)


@pytest.mark.parametrize(("text", "field"), [
    ("[archive]\nafter_days = -1\n", "archive.after_days"),
    ("[archive]\nafter_days = '90'\n", "archive.after_days"),
    ("[retention]\nyears = 0\n", "retention.years"),
    ("[retention]\nyears = true\n", "retention.years"),
    ("[retention]\nyears = 2.5\n", "retention.years"),
])
def test_bad_settings_are_refused_naming_the_field(tmp_path: Path, text: str,
                                                   field: str) -> None:
    (tmp_path / "retention.toml").write_text(text)
    with pytest.raises(VocabularyError, match=field):
        load_record_life(tmp_path)
