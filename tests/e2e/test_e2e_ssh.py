"""Through a real sshd (issue 7): each key lands in the app as its own user, sees only its
scope and never a confidential field, records what its role may, and leaves nothing behind.

Every session is `ssh -tt` inside tmux at 80x24, as a person on a shared host would use it.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from psr_tui.domain.access import ROLE_LABELS
from psr_tui.domain.case import Case
from psr_tui.store import CaseStore

from .ssh_deployment import CASE, LEAD, MARKER, PRACTITIONER, SUPERVISOR, Deployment
from .sshd import needs_sshd
from .tmux import Terminal, needs_tmux, tmux

pytestmark = [needs_tmux, needs_sshd, pytest.mark.slow]

NOTE = "Seen on the ward round over SSH; DOPS x2"
UNSAVED = "Typed but never confirmed UNSAVED-9C1E"
ROLES = {SUPERVISOR: "supervisor", LEAD: "organisation_lead", PRACTITIONER: "practitioner"}


def open_session(deployment: Deployment, user: str, tmp_path: Path) -> Terminal:
    line = deployment.server.ssh_line(deployment.key(user), options=["-tt"])
    return Terminal(line, {"TERM": "xterm-256color", "HOME": str(tmp_path)})


def assert_own_view(deployment: Deployment, user: str, screen: str) -> None:
    """Signed in as themselves (header), nothing outside their scope, nothing confidential."""
    assert f"{user} · {ROLE_LABELS[ROLES[user]]}" in screen, screen
    leaked = [name for name in deployment.out_of_scope_names(user) if name in screen]
    assert not leaked, f"{user} sees cases outside their scope: {leaked}\n{screen}"
    assert MARKER not in screen


def outcomes_by(db: Path, user: str, case_ids: set[str]) -> list[tuple[str, str]]:
    """(case id, note) of every review outcome `user` recorded, read as the administrator."""
    store = CaseStore.open(db)
    found = []
    for case_id in sorted(case_ids):
        case: Case = store.get(case_id)
        for point in case.plan.review_points if case.plan else []:
            if point.outcome is not None and point.outcome.recorded_by == user:
                found.append((case_id, point.outcome.note))
    return found


def local_ssh_pid(term: Terminal) -> int:
    """The ssh client running in the tmux pane (the pane's shell's child)."""
    pane = tmux("list-panes", "-t", term.name, "-F", "#{pane_pid}", capture_output=True,
                timeout=10).stdout.split()[0]
    child = subprocess.run(["pgrep", "-P", pane, "-x", "ssh"], capture_output=True, text=True,
                           timeout=10).stdout.split()
    assert child, "no ssh client in the pane"
    return int(child[0])


def test_supervisor_records_an_outcome_then_loses_the_link_mid_edit(
        deployment: Deployment, tmp_path: Path) -> None:
    cases = deployment.scope_of(SUPERVISOR)
    assert outcomes_by(deployment.db, SUPERVISOR, cases) == []
    term = open_session(deployment, SUPERVISOR, tmp_path)
    try:
        screen = term.wait_for(f"Due or overdue for {SUPERVISOR}", timeout=30)
        assert_own_view(deployment, SUPERVISOR, screen)
        term.press("Enter")                     # the first due review point
        term.wait_for("Satisfactory, remain")
        term.press("2")                         # remain at this stage
        term.wait_for("Outcome: (2)")
        term.type(NOTE)
        term.wait_for(NOTE[:20])
        term.press("Enter")                     # saved now, on the server's disk
        deadline = time.monotonic() + 15
        while not (saved := outcomes_by(deployment.db, SUPERVISOR, cases)):
            assert time.monotonic() < deadline, term.screen()
            time.sleep(0.1)
        assert [note for _case, note in saved] == [NOTE]
        term.wait_for(f"Due or overdue for {SUPERVISOR}")
        term.press("Enter")                     # the next one: an edit left half-done
        term.wait_for("Satisfactory, remain")
        term.press("2")
        term.wait_for("Outcome: (2)")
        term.type(UNSAVED)
        term.wait_for(UNSAVED[:20])
        assert deployment.session_pids(), "the session runs under ssh-session"
        subprocess.run(["kill", "-9", str(local_ssh_pid(term))], check=True, timeout=10)
        assert deployment.wait_sessions_gone() == [], "a psr-tui process outlived its client"
    finally:
        term.close()
    assert outcomes_by(deployment.db, SUPERVISOR, cases) == saved  # nothing lost or half-saved
    assert not any(UNSAVED in p.read_text() for p in (deployment.db / "cases").glob("*.json"))
    recorded_case = saved[0][0]
    audit = deployment.admin("audit", recorded_case)
    assert audit.returncode == 0, audit.stderr
    review_lines = [line for line in audit.stdout.splitlines() if "review" in line]
    assert review_lines and SUPERVISOR in review_lines[-1], audit.stdout
    assert deployment.admin("check").returncode == 0


def test_lead_of_another_organisation_sees_only_its_cases(deployment: Deployment,
                                                          tmp_path: Path) -> None:
    term = open_session(deployment, LEAD, tmp_path)
    try:
        screen = term.wait_for(deployment.other_org[:11], timeout=30)
        assert_own_view(deployment, LEAD, screen)
        assert deployment.organisations[CASE][:11] not in screen
        term.press("C-q")
        term.wait_for("EXITED 0")               # ssh returns the app's own exit status
    finally:
        term.close()
    assert deployment.wait_sessions_gone() == []


def test_practitioner_sees_their_own_case_and_closing_tmux_ends_it(
        deployment: Deployment, tmp_path: Path) -> None:
    term = open_session(deployment, PRACTITIONER, tmp_path)
    try:
        screen = term.wait_for(deployment.practitioners[CASE][:12], timeout=30)
        assert_own_view(deployment, PRACTITIONER, screen)
        assert deployment.session_pids()
    finally:
        term.close()  # the terminal goes away with the app open: sshd hangs up the session
    assert deployment.wait_sessions_gone() == [], "a psr-tui process outlived its client"
