"""`psr-tui due` and `psr-tui calendar`: exit codes for cron, no names in a plain reminder,
an iCalendar that parses back with stable UIDs, --for only for advisers and the owner."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from psr_tui.cli import main
from psr_tui.cli.ssh_session import ALLOWED
from psr_tui.demo.case_study import CASE_ID
from psr_tui.store import CaseStore

TODAY_DATE = date(2026, 11, 23)


def run(db: Path, user: str | None, *args: str) -> int:
    return main(["--db", str(db), *(["--as", user] if user else []), *args])


def practitioner_names(db: Path) -> set[str]:
    cases, _ = CaseStore.open(db, user="owner").load_all()
    return {c.practitioner_name for c in cases if c.practitioner_name}


def test_due_plain_text_counts_and_names_nobody(users_db: Path, capsys) -> None:
    assert run(users_db, None, "due", "--within", "30") == 1  # something due: cron mails
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and "due within 30 days" in out and "overdue" in out
    assert not any(name in out for name in practitioner_names(users_db))
    assert "Griffiths" not in out


def test_due_detail_names_the_practitioner(users_db: Path, capsys) -> None:
    assert run(users_db, "dosei", "due", "--within", "60", "--detail") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1 review point due within 60 days") and "psr-tui review" in out[0]
    assert CASE_ID in out[1] and "Mr Gareth Griffiths" in out[1]


def test_due_exits_0_and_says_nothing_when_nothing_is_due(users_db: Path, capsys) -> None:
    assert run(users_db, "dosei", "due", "--within", "0") == 0  # Mr G's next is in December
    assert capsys.readouterr().out == ""



def test_due_refused_to_a_role_that_reads_no_case(users_db: Path, one_line) -> None:
    assert run(users_db, "jlloyd", "due") == 2
    assert "may not read cases" in one_line()


def test_due_json_carries_names_only_with_detail(users_db: Path, capsys) -> None:
    assert run(users_db, "dosei", "due", "--within", "60", "--json") == 1
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["case_id"] for r in rows} == {CASE_ID}
    assert all("practitioner" not in r for r in rows)
    assert run(users_db, "dosei", "due", "--within", "60", "--json", "--detail") == 1
    assert json.loads(capsys.readouterr().out)[0]["practitioner"] == "Mr Gareth Griffiths"


def test_due_for_another_user_only_for_advisers_and_the_owner(
        users_db: Path, capsys, one_line) -> None:
    assert run(users_db, "hmarsden", "due", "--for", "dosei", "--within", "60", "--json") == 1
    as_adviser = json.loads(capsys.readouterr().out)
    assert run(users_db, "dosei", "due", "--within", "60", "--json") == 1
    assert json.loads(capsys.readouterr().out) == as_adviser  # exactly dosei's own
    assert run(users_db, None, "due", "--for", "dosei", "--within", "60") == 1
    capsys.readouterr()
    assert run(users_db, "dosei", "due", "--for", "hmarsden") == 2
    assert "may not see another user's reminders" in one_line()
    assert run(users_db, "hmarsden", "due", "--for", "nobody") == 2
    assert "no psr-tui user 'nobody'" in one_line()


def test_due_refuses_a_silly_window_in_one_line(users_db: Path, one_line) -> None:
    assert run(users_db, None, "due", "--within", "-1") == 2
    assert "--within" in one_line()


def test_calendar_parses_back_with_neutral_titles_and_stable_uids(
        users_db: Path, tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run(users_db, "dosei", "calendar", "-o", str(first)) == 0
    assert run(users_db, "dosei", "calendar", "-o", str(second)) == 0
    cal = Calendar.from_ical(first.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == 3  # Mr G's three review points still to hold
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(second.read_bytes())
                    .walk("VEVENT")]
    for event in events:
        assert str(event["SUMMARY"]) == f"PSR review meeting, {CASE_ID}"
    text = first.read_text()
    assert not any(name in text for name in practitioner_names(users_db))
    assert first.stat().st_mode & 0o777 == 0o600


def test_calendar_uid_survives_a_title_change(users_db: Path, tmp_path: Path, capsys) -> None:
    from psr_tui.cli.reminders_command import calendar_text
    from psr_tui.domain.reminders import REVIEW, Reminder

    a = Reminder("case-1", REVIEW, "rp-1", "Review 1", TODAY_DATE, "Dr X", "Trust")
    b = Reminder("case-1", REVIEW, "rp-1", "Renamed review", TODAY_DATE, "Dr X", "Trust")
    uid = [str(e["UID"]) for e in Calendar.from_ical(calendar_text([a], TODAY_DATE))
           .walk("VEVENT")]
    assert uid == [str(e["UID"]) for e in Calendar.from_ical(calendar_text([b], TODAY_DATE))
                   .walk("VEVENT")]


def test_adviser_calendar_has_deadlines_too(users_db: Path, capsys) -> None:
    assert run(users_db, None, "calendar") == 0
    cal = Calendar.from_ical(capsys.readouterr().out)
    summaries = {str(e["SUMMARY"]).split(",")[0] for e in cal.walk("VEVENT")}
    assert "PSR review meeting" in summaries
    assert any(s.startswith("PSR deadline: ") for s in summaries)


@pytest.mark.parametrize("command", ["due", "calendar"])
def test_reminders_are_on_the_ssh_allow_list(command: str) -> None:
    assert command in ALLOWED
