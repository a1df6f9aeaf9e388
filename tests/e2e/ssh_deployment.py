"""A psr-tui deployment behind the private sshd, set up as the README tells an administrator.

The database is the demo's, owned by the account running the tests (its administrator).
Three users get keys: a supervisor named on two plans, the lead of another organisation,
and the practitioner of the case study. Their `authorized_keys` lines are the product's own
(`psr-tui user key`), so the forced command is exactly what a real host would run.
A marker is planted in the case study's confidential fields: no one but an adviser may see it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from psr_tui.domain.case import Case
from psr_tui.store import CaseStore

from .sshd import SshServer, start_sshd

TODAY = "2026-11-23"
CASE = "case-004-mr-g"  # the demo's case study: Mr Gareth Griffiths, Northmoor
MARKER = "PLANTED-CONFIDENTIAL-7F3A"
SUPERVISOR, LEAD, PRACTITIONER = "e2e-supervisor", "e2e-lead", "e2e-practitioner"
PSR_TUI = Path(sys.executable).parent / "psr-tui"  # the venv's, by absolute path
SESSION_GONE_TIMEOUT_S = 10.0


@dataclass
class Deployment:
    server: SshServer
    db: Path
    second_case: str  # another plan the supervisor is named on, overdue today
    other_org: str  # the lead's organisation: none of the supervisor's cases
    practitioners: dict[str, str]  # case id -> practitioner's name
    organisations: dict[str, str]  # case id -> organisation

    def admin(self, *args: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        """psr-tui run locally by the database's owner (the administrator)."""
        env = {k: v for k, v in os.environ.items() if k not in ("PSR_TUI_USER", "PSR_TUI_DB")}
        return subprocess.run([str(PSR_TUI), "--db", str(self.db), *args], capture_output=True,
                              text=True, timeout=timeout, env={**env, "PSR_TUI_TODAY": TODAY},
                              stdin=subprocess.DEVNULL)

    def key(self, user: str) -> Path:
        return self.server.keys[user]

    def ssh(self, user: str, *remote: str,
            options: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
        return self.server.ssh(self.key(user), *remote, options=options)

    def scope_of(self, user: str) -> set[str]:
        if user == SUPERVISOR:
            return {CASE, self.second_case}
        if user == LEAD:
            return {c for c, org in self.organisations.items() if org == self.other_org}
        return {CASE}

    def out_of_scope_names(self, user: str, width: int = 12) -> set[str]:
        """Practitioners' names as a narrow column shows them ('Mr Gareth Gr'), for every
        case outside the user's scope, minus any that an in-scope name shares."""
        scope = self.scope_of(user)
        inside = {self.practitioners[c][:width] for c in scope}
        return {n[:width] for c, n in self.practitioners.items() if c not in scope} - inside

    def session_pids(self) -> list[int]:
        """psr-tui processes serving this deployment's SSH sessions (matched on its db)."""
        found = subprocess.run(["pgrep", "-f", f"{self.db} ssh-session"], capture_output=True,
                               text=True, timeout=10)
        return [int(p) for p in found.stdout.split()]

    def wait_sessions_gone(self) -> list[int]:
        deadline = time.monotonic() + SESSION_GONE_TIMEOUT_S
        while (left := self.session_pids()) and time.monotonic() < deadline:
            time.sleep(0.2)
        return left


def _check(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}: {result.stderr}"
    return result.stdout


def _link_case_study(case: Case) -> None:
    for role in case.plan.roles if case.plan else []:
        if role.role == "clinical_supervisor":
            role.user = SUPERVISOR
    case.request.practitioner.user = PRACTITIONER
    case.discussions.practitioner.notes = f"{MARKER} said in confidence"
    case.request.occupational_health.health_details = f"{MARKER} health"


def _link_supervisor(case: Case) -> None:
    assert case.plan is not None
    for role in case.plan.roles:
        if role.role == "clinical_supervisor":
            role.user = SUPERVISOR


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    root = tmp_path_factory.mktemp("psr-ssh")
    server = start_sshd(root / "sshd", set_env={"PSR_TUI_TODAY": TODAY})
    deployment = Deployment(server=server, db=root / "db", second_case="", other_org="",
                            practitioners={}, organisations={})
    try:
        _check(deployment.admin("demo"))
        listed = json.loads(_check(deployment.admin("list", "--json")))
        deployment.practitioners = {c["id"]: c["practitioner"] for c in listed}
        deployment.organisations = {c["id"]: c["organisation"] for c in listed}
        overdue = [c for c in listed if c["id"] != CASE and c["next_review"]
                   and c["next_review"] < TODAY and c["state"] == "active"]
        deployment.second_case = overdue[0]["id"]
        supervised_orgs = {deployment.organisations[c] for c in (CASE, deployment.second_case)}
        others = [org for org in deployment.organisations.values() if org not in supervised_orgs]
        deployment.other_org = max(set(others), key=others.count)

        store = CaseStore.open(deployment.db)  # the administrator links the users on the plans
        store.update(CASE, _link_case_study, "plan.roles", "e2e: link users")
        store.update(deployment.second_case, _link_supervisor, "plan.roles", "e2e: link user")
        org = deployment.organisations[CASE]
        _check(deployment.admin("user", "add", SUPERVISOR, "--role", "supervisor",
                                "--organisation", org))
        _check(deployment.admin("user", "add", LEAD, "--role", "organisation_lead",
                                "--organisation", deployment.other_org))
        _check(deployment.admin("user", "add", PRACTITIONER, "--role", "practitioner"))
        for user in (SUPERVISOR, LEAD, PRACTITIONER):
            public = Path(f"{server.client_key(user)}.pub")
            line = _check(deployment.admin("user", "key", user, str(public))).strip()
            assert line.startswith(
                f'restrict,pty,command="{PSR_TUI} --db {deployment.db} ssh-session {user}" '), line
            server.authorize(line)
        yield deployment
    finally:
        server.stop()
        for pid in deployment.session_pids():  # a failed test must not leave one running
            os.kill(pid, signal.SIGKILL)
