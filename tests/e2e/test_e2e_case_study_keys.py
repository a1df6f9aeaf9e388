"""The adviser's keystrokes (issue 12): the seed 004 case study's plan ("Mr G"), from an
accepted request to both signatures, in the real program in tmux, keys counted.

The request, the decision and both discussions are the demo's case study content, stored as
an accepted request; everything from there is keys: the plan's start, F5 (the surgical
return-after-restriction template drafts the ladder L1 -> L2 -> L3 -> L5, the reviews, the
objectives and the assessments), the people in each role, the one activity the template does
not have, the template's other suggestions accepted (y, one key each), the consequences,
the checker, issuing and both signatures. Target (issue 12): at
most 250 navigation keys and 3,000 typed characters; it took 530 and 5,200 before templates.
"""

from __future__ import annotations

import shlex
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from psr_tui.demo.case_study import CONSEQUENCES, NAME, RO, outpatient_restriction
from psr_tui.demo.case_study_content import discussions, objectives, request_form
from psr_tui.domain.case import Case
from psr_tui.domain.checker import check_plan
from psr_tui.domain.lifecycle import decide_request
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseStore

from .driving import (
    BOLD,
    FIELD,
    TEXT_CURSOR,
    accept_suggestions,
    choose,
    enter_text,
    tab_to,
    tab_until,
    wait_for_end,
    wait_for_line,
)
from .tmux import Terminal, needs_tmux

pytestmark = [needs_tmux, pytest.mark.slow, pytest.mark.timeout(900)]

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
MAX_KEYS, MAX_TYPED = 250, 3000

# (row in the template's role list, person, deputy): the case study's people.
PEOPLE = (
    (0, RO, "Dr Jonathan Pike"),
    (1, "Mr Daniel Osei", "Ms Laura Bennett"),
    (1, "Miss Fiona Campbell", "Mr Rhys Morgan"),
    (1, "Ms Catherine Doyle", "Mr Paul Adeyemi"),
)


def accepted_request(db: Path) -> str:
    """The case study's request, accepted, both discussions held: where the plan starts."""
    request = request_form(date(2026, 10, 26))
    request.conditions = [outpatient_restriction(date(2026, 10, 26), None)]
    case = Case(request=request,
                discussions=discussions(date(2026, 11, 10), date(2026, 11, 12)),
                intake_step=12)  # the discussions step, where F5 starts the plan
    decide_request(case, "accepted", "hmarsden", date(2026, 10, 29))
    store = CaseStore.open(db)
    store.create(case, "the case study's accepted request")
    return case.id


def start_plan(term: Terminal) -> None:
    term.wait_for("1 case")
    term.press("Enter")
    term.wait_for("Step 13/13: Discussions")
    tab_to(term, "Held on", FIELD, tabs=0)
    # Past the practitioner's discussion and the organisation's, the two ticks and the note.
    tab_to(term, "Plan starts on", FIELD, tabs=12)
    enter_text(term, "2026-12-01")
    term.press("F5")
    term.wait_for("Drafted from the template")


# The case study's own wording of each objective, typed over the template's starter.
WORDING = [(o.statement, o.measure) for o in objectives(date(2026, 12, 1), date(2027, 6, 1))]


def word_objectives(term: Terminal) -> None:
    """Each suggested objective edited in place: its statement and measure retyped."""
    term.press("1")
    term.wait_for("1 Objectives")
    for n, (statement, measure) in enumerate(WORDING):
        term.press(*["Down"] * (n > 0), "Enter")
        term.wait_for("Measurable: how achievement is judged")
        tab_to(term, "Domain", BOLD, tabs=0)
        tab_to(term, "Specific: what the practitioner will do", BOLD)
        term.press("C-u")  # the starter's wording goes
        term.type(statement)
        wait_for_end(term, "Specific: what the practitioner will do", statement)
        tab_to(term, "Measurable: how achievement is judged", BOLD)
        term.press("C-u")
        term.type(measure)
        wait_for_end(term, "Measurable: how achievement is judged", measure)
        term.press("Enter")
        wait_for_line(term, "Saved: edit objective: ", statement[:20])


def name_people(term: Terminal) -> None:
    term.press("3")
    term.wait_for("Who supports the plan")
    for downs, person, deputy in PEOPLE:
        term.press(*["Down"] * downs, "Enter")
        term.wait_for("Named person")
        tab_to(term, "Role", BOLD, tabs=0)
        tab_to(term, "Named person", BOLD)
        enter_text(term, person)
        # Past the psr-tui user, contact, responsibilities and one field per stage.
        tab_until(term, "Deputy (name)", BOLD, most=12)
        enter_text(term, deputy)
        term.press("Enter")
        wait_for_line(term, "Saved: edit role: ", f": {person}")


def add_reflective_log(term: Terminal) -> None:
    """The case study's one activity the template does not draft."""
    term.press("2")
    term.wait_for("2 Activities")
    term.press("a")
    term.wait_for("Kind of activity")
    tab_to(term, "Kind of activity", BOLD, tabs=0)
    choose(term, 6, "Reflective practice", menu="Self-directed learning")
    tab_to(term, "What happens (detail)", BOLD)
    enter_text(term, "Reflective log after coaching sessions and significant cases")
    tab_to(term, "Objectives it serves", "\x1b[48;5;32m")
    term.press("Down", "Space", "Down", "Space")  # communication, leadership
    tab_to(term, "Evidence it produces", BOLD)
    enter_text(term, "Reflective log discussed at supervisor meetings")
    tab_to(term, "Responsible: a role in the plan", BOLD)
    choose(term, 6, f"The practitioner: {NAME}", menu=f"director: {RO}")
    tab_to(term, "How often (other activities)", BOLD, tabs=4)
    enter_text(term, "monthly")
    term.press("C-s")
    term.wait_for("Saved: add activity: Reflective practice")


def agree(term: Terminal) -> None:
    term.press("6")
    term.wait_for("(not written yet)")
    term.press("e")
    term.wait_for("Consequences of insufficient progress")
    tab_to(term, "Plan starts", BOLD, tabs=0)
    tab_to(term, "Consequences of insufficient progress", TEXT_CURSOR, tabs=2)
    term.type(CONSEQUENCES)
    term.wait_for("accompanied by his representative.")
    term.press("C-s")
    term.wait_for("Saved: edited the timeframe")

    term.press("7")
    term.wait_for("Nothing missing or weak found.")

    term.press("9")
    term.wait_for("Version 1: DRAFT")
    term.press("i")
    term.wait_for("Issue draft v1")
    term.press("y")
    term.wait_for("Version 1: ISSUED")
    term.press("o")
    term.wait_for("Signature: the organisation")
    tab_to(term, "Signed by (name)", BOLD, tabs=0)
    term.wait_for(RO)
    term.press("Enter")
    term.wait_for(f"Organisation: signed by {RO}")
    term.press("p")
    term.wait_for("Signature: the practitioner")
    tab_to(term, "Signed by (name)", BOLD, tabs=0)
    term.press("Enter")
    term.wait_for("Version 1: AGREED")


def test_case_study_plan_within_the_keystroke_target(tmp_path: Path) -> None:
    db, home = tmp_path / "db", tmp_path / "home"
    home.mkdir()
    case_id = accepted_request(db)
    env = {"PSR_TUI_TODAY": TODAY, "TERM": "xterm-256color", "HOME": str(home),
           "COLORTERM": "", "TEXTUAL_COLOR_SYSTEM": "256"}
    command = (f"unset NO_COLOR; cd {shlex.quote(str(REPO))} && "
               f"{shlex.quote(sys.executable)} -m psr_tui --db {shlex.quote(str(db))}")
    started = time.monotonic()
    term = Terminal(command, env)
    try:
        start_plan(term)
        word_objectives(term)
        name_people(term)
        # The template's assessments and ladder as drafted (the objectives were reworded,
        # which accepted them).
        accept_suggestions(term, "2", "2 Activities")
        accept_suggestions(term, "4", "Scope limits")
        add_reflective_log(term)
        agree(term)
        keys, typed = term.keystrokes, term.typed
        term.press("C-q")
        term.wait_for("EXITED 0")
    finally:
        term.close()
    print(f"\ncase study plan: {keys} navigation keys, {typed} typed characters, "
          f"{time.monotonic() - started:.0f}s")

    case = CaseStore.open(db, create=False).get(case_id)
    plan = case.plan
    assert plan is not None and plan.status == "agreed" and case.state == "agreed"
    assert [s.level for s in plan.stages] == [1, 2, 3, 5]
    assert [(o.statement, o.measure) for o in plan.objectives] == WORDING
    assert {"CbD", "DOPS", "mini-CEX", "NOTSS", "MSF", "reflective_practice"} <= {
        a.kind for a in plan.activities}
    assert {(r.person, r.deputy) for r in plan.roles} >= {(p, d) for _, p, d in PEOPLE}
    assert check_plan(case, default_vocabularies()) == []
    assert keys <= MAX_KEYS, f"{keys} navigation keys (target {MAX_KEYS})"
    assert typed <= MAX_TYPED, f"{typed} typed characters (target {MAX_TYPED})"
