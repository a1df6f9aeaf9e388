"""`psr-tui resume` and `psr-tui withdraw`: one line out, the domain rule, the access
policy (CASE_MANAGE) and the audit trail, as the acting identity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psr_tui.cli import main
from psr_tui.domain.access import Identity
from psr_tui.store import CaseStore

PAUSED = "case-07000008"  # a paused plan in the demo (seed 7)
ACTIVE = "case-004-mr-g"


@pytest.fixture
def db(users_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "db"
    shutil.copytree(users_db, copy)
    return copy


def _case(db: Path, case_id: str):  # type: ignore[no-untyped-def]
    return CaseStore.open(db, identity=Identity("owner", admin=True), create=False).get(case_id)


def test_resume_records_the_advice_and_says_so_in_one_line(db: Path, capsys) -> None:
    assert _case(db, PAUSED).state == "paused"
    assert main(["--db", str(db), "--as", "hmarsden", "resume", PAUSED,
                 "--advice", "NCAS advised weekly CbDs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{PAUSED}: resumed on the advice received; now Active"]
    case = _case(db, PAUSED)
    assert case.state in ("active", "extended")
    assert case.resumptions[-1].advice == "NCAS advised weekly CbDs"
    assert case.resumptions[-1].resumed_by == "hmarsden"
    store = CaseStore.open(db, identity=Identity("owner", admin=True), create=False)
    last = store.audit(PAUSED)[-1]
    assert (last.action, last.user) == ("plan.resume", "hmarsden")


def test_withdraw_closes_the_case_with_its_reason(db: Path, capsys) -> None:
    assert main(["--db", str(db), "withdraw", ACTIVE, "--reason", "Left the trust"]) == 0
    assert capsys.readouterr().out == f"{ACTIVE}: withdrawn (2026-11-23); now Withdrawn\n"
    case = _case(db, ACTIVE)
    assert case.state == "withdrawn"
    assert case.withdrawal is not None and case.withdrawal.reason == "Left the trust"


@pytest.mark.parametrize(("argv", "words"), [
    (["resume", ACTIVE, "--advice", "x"], "Cannot resume"),  # the rule: not paused
    (["resume", PAUSED, "--advice", "  "], "Record the advice"),
    (["withdraw", ACTIVE, "--reason", "a\x1b]52;c;x\x07b"], "control character"),
    (["withdraw", "case-nope", "--reason", "x"], "no case"),
    (["--as", "dosei", "withdraw", ACTIVE, "--reason", "x"], "may not pause, resume"),
    (["--as", "ggriffiths", "resume", PAUSED, "--advice", "x"], "may not pause, resume"),
])
def test_refusals_are_one_line_and_change_nothing(db: Path, argv: list[str], words: str,
                                                  capsys, one_line) -> None:
    before = {cid: _case(db, cid).revision for cid in (ACTIVE, PAUSED)}
    assert main(["--db", str(db), *argv]) == 2
    assert words in one_line()
    assert capsys.readouterr().out == ""
    assert {cid: _case(db, cid).revision for cid in (ACTIVE, PAUSED)} == before


def test_a_practitioner_cannot_learn_of_another_case(db: Path, one_line) -> None:
    # Out of scope reads as "no case", as `audit` does: existence is not told.
    assert main(["--db", str(db), "--as", "ggriffiths", "withdraw", PAUSED,
                 "--reason", "x"]) == 2
    line = one_line()
    assert "no case" in line or "may not" in line


def test_withhold_then_release_as_the_practitioner_sees_it(db: Path, capsys) -> None:
    import json

    def theirs() -> list[str]:
        assert main(["--db", str(db), "--as", "ggriffiths", "list", "--json", "--all"]) == 0
        return [r["id"] for r in json.loads(capsys.readouterr().out)]

    assert theirs() == [ACTIVE]
    assert main(["--db", str(db), "withhold", ACTIVE, "--requested-by", "Dr A Rao",
                 "--reason", "Support is not yet in place"]) == 0
    assert capsys.readouterr().out.startswith(f"{ACTIVE}: plan withheld from the practitioner")
    assert theirs() == []
    assert main(["--db", str(db), "--as", "ggriffiths", "export", ACTIVE]) == 2
    assert main(["--db", str(db), "release", ACTIVE]) == 0
    capsys.readouterr()
    assert theirs() == [ACTIVE]
    assert _case(db, ACTIVE).withholding.reasons == "Support is not yet in place"


def test_withhold_is_refused_to_a_supervisor_in_one_line(db: Path, one_line) -> None:
    assert main(["--db", str(db), "--as", "dosei", "withhold", ACTIVE, "--requested-by", "x",
                 "--reason", "y"]) == 2
    assert "may not edit the plan" in one_line()
