"""Through a real sshd (issue 7): what a key may run without a terminal, and what it may not.

Each key runs only `psr-tui ssh-session NAME`. Allow-listed commands work within the user's
role and scope; anything else (another identity, a shell, another program, file transfer,
port forwarding) gets one line on stderr and exit 2, or is refused by sshd itself.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
from pathlib import Path

import pytest

from .ssh_deployment import (
    CASE,
    LEAD,
    MARKER,
    PRACTITIONER,
    SUPERVISOR,
    Deployment,
)
from .sshd import LOOPBACK, accepts, free_port, needs_sshd

pytestmark = [needs_sshd, pytest.mark.slow]


def refused(result: subprocess.CompletedProcess[str], naming: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr that names what was refused."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("psr-tui: ") and naming in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_list_shows_only_the_users_scope(deployment: Deployment) -> None:
    for user in (SUPERVISOR, LEAD, PRACTITIONER):
        result = deployment.ssh(user, "list", "--json")
        assert result.returncode == 0, result.stderr
        assert {c["id"] for c in json.loads(result.stdout)} == deployment.scope_of(user), user
    table = deployment.ssh(PRACTITIONER, "list")
    assert table.returncode == 0 and CASE in table.stdout, table.stderr
    assert deployment.other_org[:20] not in table.stdout


def test_export_to_stdout_at_the_roles_own_audience(deployment: Deployment,
                                                     tmp_path: Path) -> None:
    for user in (SUPERVISOR, PRACTITIONER):
        plan = tmp_path / f"{user}.md"
        with plan.open("w") as out:  # `ssh host export CASE > plan.md`, no file transfer
            result = subprocess.run(deployment.server.ssh_argv(deployment.key(user),
                                                               ["export", CASE]),
                                    stdout=out, stderr=subprocess.PIPE, text=True, timeout=30,
                                    stdin=subprocess.DEVNULL)
        assert result.returncode == 0, result.stderr
        text = plan.read_text()
        assert text.startswith("#") and deployment.practitioners[CASE].split()[-1] in text
        assert MARKER not in text, f"{user}'s copy carries a confidential field"
    refused(deployment.ssh(SUPERVISOR, "export", CASE, "--audience", "adviser"),
            "only the organisation's copy")
    refused(deployment.ssh(LEAD, "export", CASE), CASE)  # another organisation's case
    refused(deployment.ssh(PRACTITIONER, "export", CASE, "-o", "/tmp/psr-e2e-plan.md"), "-o")


def test_whoami_and_reviews_answer_for_the_keys_user(deployment: Deployment) -> None:
    whoami = deployment.ssh(SUPERVISOR, "whoami")
    assert whoami.returncode == 0 and SUPERVISOR in whoami.stdout, whoami.stderr
    reviews = deployment.ssh(SUPERVISOR, "reviews", "--json")
    assert reviews.returncode == 0, reviews.stderr
    assert deployment.second_case in reviews.stdout


@pytest.mark.parametrize(("remote", "naming"), [
    (("--", "--as", LEAD), "--as"),
    (("list", "--as", LEAD), "--as"),
    (("--", "--db", "/tmp", "list"), "--db"),
    (("bash",), "bash"),
    (("list; id",), "list;"),
    (("/bin/sh", "-c", "id"), "/bin/sh"),
    (("python3",), "python3"),
    (("dump",), "dump"),
    (("user", "list"), "user"),
    (("scp", "-t", "/tmp"), "scp"),
])
def test_anything_else_gets_one_line_and_exit_2(deployment: Deployment,
                                                remote: tuple[str, ...], naming: str) -> None:
    result = deployment.ssh(PRACTITIONER, *remote)
    refused(result, naming)
    assert "uid=" not in result.stdout + result.stderr


def test_no_terminal_and_no_command_refuses_at_once(deployment: Deployment) -> None:
    started = time.monotonic()
    result = deployment.ssh(SUPERVISOR, options=["-T"])
    assert time.monotonic() - started < 10
    assert result.returncode == 2 and "terminal" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sftp_and_scp_are_refused(deployment: Deployment, tmp_path: Path) -> None:
    server = deployment.server
    key = deployment.key(PRACTITIONER)
    local = tmp_path / "payload.txt"
    local.write_text("not for the server\n")
    target = tmp_path / "landed.txt"
    transfer = [*server.client_options(key), "-P", str(server.port)]
    remote = f"{server.account}@{LOOPBACK}"
    sftp = subprocess.run(["sftp", "-b", "-", *transfer, remote], input=f"put {local} {target}\n",
                          capture_output=True, text=True, timeout=30)
    assert sftp.returncode != 0, sftp.stdout
    for mode in (["-O"], []):  # the classic scp protocol, then scp over sftp
        scp = subprocess.run(["scp", *mode, *transfer, str(local), f"{remote}:{target}"],
                             capture_output=True, text=True, timeout=30,
                             stdin=subprocess.DEVNULL)
        assert scp.returncode != 0, (mode, scp.stderr)
    assert not target.exists()


def stop_tunnel(tunnel: subprocess.Popen[str]) -> str:
    """Stop an `ssh -N` client and return its stderr.

    A client with refused channels has been seen to outlive SIGTERM for over 10 s on a loaded
    CI machine: it is killed then, and what it wrote is still read from the pipe.
    """
    tunnel.terminate()
    try:
        return tunnel.communicate(timeout=5)[1]
    except subprocess.TimeoutExpired:
        tunnel.kill()
        return tunnel.communicate(timeout=10)[1]


def test_port_forwarding_is_refused(deployment: Deployment) -> None:
    server = deployment.server
    local_port = free_port()
    tunnel = subprocess.Popen(
        server.ssh_argv(deployment.key(SUPERVISOR), options=[
            "-N", "-o", "LogLevel=INFO", "-L", f"{local_port}:{LOOPBACK}:{server.port}"]),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while not accepts(local_port) and time.monotonic() < deadline:
            time.sleep(0.1)
        banner = b""
        try:  # through a working tunnel, sshd would greet us with its version line
            with socket.create_connection((LOOPBACK, local_port), timeout=5) as conn:
                conn.settimeout(5)
                banner = conn.recv(64)
        except OSError:
            pass
        assert not banner.startswith(b"SSH-"), banner
    finally:
        err = stop_tunnel(tunnel)
    assert "administratively prohibited" in err, err
    assert "refused local port forward" in server.log_text()
    remote = server.ssh(deployment.key(SUPERVISOR), options=[
        "-N", "-o", "ExitOnForwardFailure=yes", "-R", f"{free_port()}:{LOOPBACK}:22"])
    assert remote.returncode != 0, remote.stderr
