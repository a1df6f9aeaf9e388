"""Every role against every CLI command, through psr_tui.cli.main: exit codes and stderr.

The administrator (the database folder's owner) acts as each demo user with --as.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.demo.case_study import CASE_ID
from psr_tui.demo.case_study_content import TRUST
from psr_tui.demo.users import OTHER_TRUST
from psr_tui.store import CaseStore

USERS = ["hmarsden", "dosei", "lbennett", "arao", "kmensah", "ggriffiths", "jlloyd"]


def run(db: Path, user: str | None, *args: str) -> int:
    who = ["--as", user] if user else []
    return main(["--db", str(db), *who, *args])


def listed(db: Path, user: str | None, capsys) -> list[dict]:
    assert run(db, user, "list", "--json", "--all") == 0  # the archive too: every case
    return json.loads(capsys.readouterr().out)


def test_list_shows_each_role_only_its_scope(users_db: Path, capsys, one_line) -> None:
    everything = listed(users_db, None, capsys)
    assert len(everything) == 36
    assert listed(users_db, "hmarsden", capsys) == everything
    for supervisor in ("dosei", "lbennett", "fcampbell"):  # person, deputy, educational
        assert [r["id"] for r in listed(users_db, supervisor, capsys)] == [CASE_ID]
    assert [r["id"] for r in listed(users_db, "ggriffiths", capsys)] == [CASE_ID]
    ro = listed(users_db, "arao", capsys)
    assert CASE_ID in {r["id"] for r in ro}
    assert {r["organisation"] for r in ro} == {TRUST}
    other = listed(users_db, "kmensah", capsys)
    assert other and {r["organisation"] for r in other} == {OTHER_TRUST}
    assert run(users_db, "jlloyd", "list") == 2
    assert "may not read cases" in one_line()


@pytest.mark.parametrize("command", [["dump"], ["check"], ["user", "list"],
                                     ["import", "-"], ["demo", "--cases", "1"]])
@pytest.mark.parametrize("user", USERS)
def test_administrators_commands_refused_to_every_user(users_db, user, command, capsys,
                                                       one_line) -> None:
    capsys.readouterr()
    assert run(users_db, user, *command) == 2
    assert "administrators only" in one_line()


def test_administrators_commands_work_for_the_owner(users_db: Path, capsys) -> None:
    assert run(users_db, None, "check") == 0
    assert "ok:" in capsys.readouterr().out
    assert run(users_db, None, "dump") == 0
    assert json.loads(capsys.readouterr().out)["cases"]
    assert run(users_db, None, "user", "list", "--json") == 0
    names = {u["name"] for u in json.loads(capsys.readouterr().out)}
    assert set(USERS) <= names


EXPORTS = {  # user -> exit status of `export CASE_ID` (each role's own copy by default)
    None: 0, "hmarsden": 0, "dosei": 0, "arao": 0, "ggriffiths": 0, "kmensah": 2, "jlloyd": 2,
}


@pytest.mark.parametrize(("user", "status"), EXPORTS.items())
def test_export_of_mr_g_by_role(users_db, user, status, capsys, one_line) -> None:
    capsys.readouterr()
    assert run(users_db, user, "export", CASE_ID) == status
    if status:
        line = one_line()
        assert "no case" in line or "may not" in line


def test_export_never_carries_what_the_role_may_not_see(users_db: Path, capsys) -> None:
    case = CaseStore.open(users_db).get(CASE_ID)
    secret = case.discussions.practitioner.notes[:40]
    assert secret
    for user in ("dosei", "arao", "ggriffiths"):
        for report in ("plan", "progress"):
            assert run(users_db, user, "export", CASE_ID, "--report", report) == 0
            assert secret not in capsys.readouterr().out
    assert run(users_db, "hmarsden", "export", CASE_ID, "--audience", "adviser") == 0
    assert secret in capsys.readouterr().out


@pytest.mark.parametrize(("user", "audience"), [
    ("dosei", "adviser"), ("arao", "adviser"), ("ggriffiths", "organisation"),
    ("dosei", "practitioner"),
])
def test_a_higher_or_other_audience_is_refused(users_db, user, audience, capsys, one_line) -> None:
    capsys.readouterr()
    assert run(users_db, user, "export", CASE_ID, "--audience", audience) == 2
    assert "may export only" in one_line()


def test_practitioner_may_not_have_the_meeting_sheet(users_db: Path, capsys, one_line) -> None:
    assert run(users_db, "ggriffiths", "export", CASE_ID, "--report", "review-sheet") == 2
    assert "may not export the review-sheet" in one_line()


AUDIT = {None: 0, "hmarsden": 0, "arao": 0, "dosei": 2, "kmensah": 2, "ggriffiths": 2,
         "jlloyd": 2}


@pytest.mark.parametrize(("user", "status"), AUDIT.items())
def test_audit_by_role(users_db, user, status, capsys, one_line) -> None:
    capsys.readouterr()
    assert run(users_db, user, "audit", CASE_ID, "--json") == status
    if status == 0:
        events = json.loads(capsys.readouterr().out)
        assert events[0]["action"] == "create" and events[0]["user"]
        assert {"at", "user", "action", "summary", "changes"} <= set(events[0])
    else:
        line = one_line()
        assert "no case" in line or "may not read the audit trail" in line


def test_another_organisation_is_told_nothing_of_the_case(users_db, one_line) -> None:
    assert run(users_db, "kmensah", "audit", CASE_ID) == 2
    assert one_line() == f"psr-tui: no case with id {CASE_ID!r}"


def test_reviews_lists_the_linked_supervisors_due_points(users_db: Path, capsys) -> None:
    for supervisor in ("dosei", "lbennett"):
        assert run(users_db, supervisor, "reviews", "--json") == 0
        items = json.loads(capsys.readouterr().out)
        assert items and {i["case_id"] for i in items} == {CASE_ID}
    assert run(users_db, "arao", "reviews", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_whoami_names_the_user_record(users_db: Path, capsys) -> None:
    assert run(users_db, "arao", "whoami") == 0
    assert capsys.readouterr().out.strip() == f"Dr Anita Rao · Responsible officer · {TRUST}"


def test_an_unknown_as_is_refused(users_db: Path, capsys, one_line) -> None:
    assert run(users_db, "nobody", "list") == 2
    assert "no psr-tui user nobody" in one_line()
