"""From a new case to an exported, signed plan: the real program in tmux, keys only (issue 3).

Every key goes through tmux send-keys; every step waits for the screen to show that the
previous one landed (a typed value, a step heading, an open menu) before the next key.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from psr_tui.cli.identity import account_name
from psr_tui.store import CaseStore

from .driving import (
    BOLD,
    BORDER,
    FIELD,
    LIST,
    TEXT_CURSOR,
    accept_suggestions,
    choose,
    enter_text,
    next_step,
    tab_to,
    wait_for_line,
    wait_gone,
)
from .tmux import Terminal, needs_tmux

# A whole journey in a real terminal: longer than the suite's 300 s default on a busy host.
pytestmark = [needs_tmux, pytest.mark.slow, pytest.mark.timeout(900)]

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
PRACTITIONER = "Dr Imogen Tarrant"
ORG_CONTACT = "Dr Ann Lee"
EXPORT_NAME = "org-copy.md"


def fill_intake(term: Terminal) -> None:
    term.wait_for("Step 1/13")
    tab_to(term, "Organisation", FIELD, tabs=0)
    enter_text(term, "Northfield NHS Trust")
    tab_to(term, "Contact name", FIELD, tabs=2)  # past the nation (blank: England)
    enter_text(term, ORG_CONTACT)
    tab_to(term, "Contact role", FIELD)
    enter_text(term, "Medical Director")
    tab_to(term, "Contact email", FIELD)
    enter_text(term, "ann.lee@example.nhs.uk")
    tab_to(term, "Case Adviser", FIELD, tabs=2)  # the phone is optional
    enter_text(term, "Sam Adviser")
    tab_to(term, "Case reference", FIELD)
    enter_text(term, "PSR-2026-017")
    tab_to(term, "Request received on", FIELD)
    enter_text(term, "2026-11-02")

    next_step(term, 2, "Practitioner")
    tab_to(term, "Practitioner's name", FIELD, tabs=0)
    enter_text(term, PRACTITIONER)
    tab_to(term, "Profession", FIELD)
    choose(term, 1, "Doctor")
    term.wait_for("GMC")  # the regulator follows the profession
    tab_to(term, "Registration number", FIELD, tabs=2)
    enter_text(term, "7654321")
    tab_to(term, "Specialty group", FIELD)
    choose(term, 1, "Surgery")
    tab_to(term, "Grade", FIELD)
    choose(term, 1, "Consultant")
    tab_to(term, "Care setting", FIELD)
    choose(term, 2, "Secondary care")

    next_step(term, 3, "Plan type")
    tab_to(term, "Plan type", FIELD, tabs=0)
    choose(term, 1, "Remediation")
    tab_to(term, "Focus (space toggles)", LIST)
    term.press("Space")  # Knowledge
    term.wait_for("X▌ Knowledge")

    next_step(term, 4, "Concerns")
    term.press("Enter")  # Add a concern: its first field gets the focus
    term.wait_for("Concern 1")
    tab_to(term, "What the concern is", FIELD, tabs=0)
    enter_text(term, "Incomplete operation notes")
    tab_to(term, "Concern type", FIELD)
    choose(term, 1, "Serious incident")
    tab_to(term, "Evidence (space toggles)", LIST)
    term.press("Space")  # the first source
    term.wait_for("X▌ Royal College review")
    tab_to(term, "Evidence detail", FIELD)
    enter_text(term, "Audit of 40 notes")

    next_step(term, 5, "Absence")
    next_step(term, 6, "Conditions")
    next_step(term, 7, "Role on completio")
    tab_to(term, "Role on completion", FIELD, tabs=0)
    enter_text(term, "Consultant surgeon")
    tab_to(term, "Outcomes the organisation expects", BORDER, tabs=3)
    enter_text(term, "Safe independent practice")

    next_step(term, 8, "Health")
    next_step(term, 9, "Documents")
    next_step(term, 10, "Sharing")
    tab_to(term, "Form shared with the practitioner", FIELD, tabs=0)
    choose(term, 1, "Yes")
    tab_to(term, "Local support: supervisors", FIELD, tabs=2)
    enter_text(term, "Clinical supervisor in post")

    next_step(term, 11, "Demographics")
    next_step(term, 12, "Decision")
    tab_to(term, "Decision", FIELD, tabs=0)
    choose(term, 1, "Accepted")

    next_step(term, 13, "Discussions")
    term.wait_for("Accepted")  # the title line once the decision is saved
    tab_to(term, "Held on", FIELD, tabs=0)
    enter_text(term, "2026-11-16")
    tab_to(term, "Duration (minutes)", FIELD)
    enter_text(term, "60")
    tab_to(term, "Attendees", FIELD)
    enter_text(term, f"{PRACTITIONER}, Sam Adviser")
    # The organisation's discussion, past the representative and the confidential notes.
    tab_to(term, "Held on", FIELD, tabs=3)
    enter_text(term, "2026-11-17")
    tab_to(term, "Duration (minutes)", FIELD)
    enter_text(term, "30")
    # Past the organisation's attendees and notes, two ticks and the contact note.
    tab_to(term, "Plan starts on", FIELD, tabs=6)
    enter_text(term, "2026-12-01")  # 6 months is the default length
    term.press("C-n")  # saves the discussions: the last step stays
    term.wait_for("Intake complete: F5 starts the plan.")


def build_plan(term: Terminal, export_to: str) -> None:
    term.press("F5")
    term.wait_for("1 Objectives")
    screen = term.wait_for("Record keeping")  # objectives suggested from the intake
    assert "DRAFT v1" in screen

    term.press("3")  # roles: the template lists them; name each supervisor and a deputy
    term.wait_for("Who supports the plan")
    term.wait_for("Educational supervisor")
    for downs, person, deputy in ((0, ORG_CONTACT, "Dr Ben Roe"),
                                  (1, "Dr Cy Dunn", "Dr Di Eve"),
                                  (1, "Dr Ed Fry", "Dr Flo Gee")):
        term.press(*["Down"] * downs, "Enter")  # the next role, opened for editing
        term.wait_for("Named person")
        tab_to(term, "Role", BOLD, tabs=0)
        tab_to(term, "Named person", BOLD)
        enter_text(term, person)
        # Past the person's psr-tui user, contact, responsibilities and the template's
        # three stages.
        tab_to(term, "Deputy (name)", BOLD, tabs=7)
        enter_text(term, deputy)
        term.press("Enter")
        wait_for_line(term, "Saved: edit role: ", f": {person}")

    # What the template drafted, accepted as it is: y on each suggestion.
    accept_suggestions(term, "1", "SMART objectives by domain")
    accept_suggestions(term, "2", "2 Activities")
    accept_suggestions(term, "4", "Scope limits")

    term.press("2")  # one activity serving every objective, with its evidence
    term.wait_for("2 Activities")
    term.press("a")
    term.wait_for("Kind of activity")
    tab_to(term, "Kind of activity", BOLD, tabs=0)
    choose(term, 1, "Clinical supervision", menu="Self-directed learning")
    tab_to(term, "What happens (detail)", BOLD)
    enter_text(term, "Weekly supervised clinics")
    tab_to(term, "Objectives it serves", LIST)
    term.press("Space", "Down", "Space")  # the template's two objectives
    tab_to(term, "Evidence it produces", BOLD)
    enter_text(term, "Supervisor reports")
    tab_to(term, "Responsible: a role in the plan", BOLD)
    choose(term, 2, "Clinical supervisor: Dr Cy Dunn", menu=f"director: {ORG_CONTACT}")
    term.press("C-s")
    term.wait_for("Saved: add activity: Clinical supervision")

    term.press("6")  # the consequences of insufficient progress
    term.wait_for("(not written yet)")
    term.press("e")
    term.wait_for("Consequences of insufficient progress")
    tab_to(term, "Plan starts", BOLD, tabs=0)  # the dialog's first field has the focus
    tab_to(term, "Consequences of insufficient progress", TEXT_CURSOR, tabs=2)
    enter_text(term, "Referral back to the responsible officer")
    term.press("C-s")
    term.wait_for("Saved: edited the timeframe")

    term.press("7")  # the checker has nothing left to ask for
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
    term.wait_for(ORG_CONTACT)
    term.press("Enter")
    term.wait_for(f"Organisation: signed by {ORG_CONTACT}")
    term.press("p")
    term.wait_for("Signature: the practitioner")
    tab_to(term, "Signed by (name)", BOLD, tabs=0)
    term.press("Enter")
    term.wait_for("Version 1: AGREED")

    term.press("w")  # the app's one export dialog, the plan chosen, the file focused
    term.wait_for("Export: case")
    term.wait_for("-v1-org")  # the default file name follows the audience
    tab_to(term, "File", BOLD, tabs=0)
    term.press("C-u")
    wait_gone(term, "-v1-org")
    enter_text(term, export_to)
    term.press("Enter")
    term.wait_for("Written to")


def test_new_case_to_exported_signed_plan(tmp_path: Path) -> None:
    db, home = tmp_path / "db", tmp_path / "home"
    home.mkdir()
    # 256 colours whatever the tmux server inherited: the focus checks read those codes.
    # A short export folder: the dialog's default path must show its "-v1-org" ending in
    # the field (pytest's own temporary paths are long and grow with each run).
    exports = Path(tempfile.mkdtemp(prefix="pe", dir="/tmp"))
    env = {"PSR_TUI_TODAY": TODAY, "TERM": "xterm-256color", "HOME": str(home),
           "COLORTERM": "", "TEXTUAL_COLOR_SYSTEM": "256", "PSR_TUI_EXPORTS": str(exports)}
    command = (f"unset NO_COLOR; cd {shlex.quote(str(REPO))} && "
               f"{shlex.quote(sys.executable)} -m psr_tui "
               f"--db {shlex.quote(str(db))}")  # the folder's owner: its administrator
    started = time.monotonic()
    term = Terminal(command, env)
    try:
        term.wait_for("This database has no cases yet")  # the welcome: n starts one
        term.press("n")
        fill_intake(term)
        build_plan(term, f"~/{EXPORT_NAME}")  # ~ is the HOME the program was given
        term.press("C-q")
        term.wait_for("EXITED 0")
    finally:
        term.close()
        shutil.rmtree(exports, ignore_errors=True)
    elapsed = time.monotonic() - started
    assert elapsed < 90, f"the walk took {elapsed:.0f}s"

    exported = home / EXPORT_NAME
    assert exported.is_file()
    text = exported.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert any(t.type == "table_open" for t in tokens), "the plan's tables parse as tables"
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith(f"Action plan: {PRACTITIONER}")
    assert "the healthcare organisation" in text  # the organisation's copy
    for typed in ("Dr Cy Dunn", "Supervisor reports", "Referral back to the responsible officer"):
        assert typed in text
    assert "draft" not in text.lower()  # agreed: no DRAFT marking left

    store = CaseStore.open(db, create=False)
    [case_id] = store.list_ids()
    case = store.get(case_id)
    assert case.state == "agreed"
    assert case.request.practitioner.name == PRACTITIONER
    assert case.request.practitioner.regulator == "GMC"
    assert case.request.organisation.contact_email == "ann.lee@example.nhs.uk"
    assert case.request.focus == ["knowledge"]
    [concern] = case.request.concerns
    assert concern.concern_type and concern.evidence and concern.evidence_detail
    assert case.discussions.practitioner.duration_minutes == 60
    plan = case.plan
    assert plan is not None and plan.status == "agreed"
    assert plan.agreement.organisation is not None
    assert plan.agreement.organisation.name == ORG_CONTACT
    assert plan.agreement.practitioner is not None
    assert plan.agreement.practitioner.name == PRACTITIONER
    # F5 drafted from the clinical remediation template: its assessments, and the one
    # activity typed here serving both of its objectives.
    assert {"CbD", "mini-CEX"} <= {a.kind for a in plan.activities}
    [activity] = [a for a in plan.activities if a.evidence == "Supervisor reports"]
    assert set(activity.objective_ids) == {o.id for o in plan.objectives}
    assert {(r.role, r.person, r.deputy) for r in plan.roles if r.deputy} == {
        ("responsible_officer", ORG_CONTACT, "Dr Ben Roe"),
        ("clinical_supervisor", "Dr Cy Dunn", "Dr Di Eve"),
        ("educational_supervisor", "Dr Ed Fry", "Dr Flo Gee"),
    }
    assert plan.review_points and plan.stages
    assert plan.consequences == "Referral back to the responsible officer"
    events = store.audit(case_id)
    actions = [e.action for e in events]
    for action in ("create", "decision", "start_plan", "plan.issue",
                   "plan.sign.organisation", "plan.sign.practitioner"):
        assert action in actions
    assert {e.user for e in events} == {account_name()}  # the real account, not $USER
