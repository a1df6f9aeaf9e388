"""A private OpenSSH server for end-to-end tests: 127.0.0.1 only, its own config and keys.

Everything lives in one temporary folder: the server's config, host key and pid file, the
client keys, and the `authorized_keys` file the server reads instead of any real ~/.ssh.
Only public-key logins for the test's own account, no forwarding, no client environment.
The system's sshd service and its config are never read or touched.
"""

from __future__ import annotations

import os
import pwd
import shlex
import signal
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD = Path("/usr/sbin/sshd")
LOOPBACK = "127.0.0.1"
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0

needs_sshd = pytest.mark.skipif(
    not SSHD.exists(), reason=f"{SSHD} is not installed (apt-get install openssh-server)")


def keygen(path: Path, comment: str) -> Path:
    """An ed25519 key pair without a passphrase; returns the private key's path."""
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", str(path)],
                   check=True, capture_output=True, timeout=30)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def accepts(port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=timeout):
            return True
    except OSError:
        return False


def _config(root: Path, port: int, account: str, set_env: dict[str, str]) -> str:
    lines = [
        f"ListenAddress {LOOPBACK}",  # never any other address
        f"Port {port}",
        "AddressFamily inet",
        f"HostKey {root / 'host_ed25519'}",
        f"PidFile {root / 'sshd.pid'}",
        f"AuthorizedKeysFile {root / 'authorized_keys'}",
        "AuthorizedPrincipalsFile none",
        "StrictModes no",  # the temporary folder's modes are pytest's, not ~/.ssh's
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "HostbasedAuthentication no",
        "UsePAM no",
        f"AllowUsers {account}",
        "DisableForwarding yes",
        "PermitUserEnvironment no",
        "PermitTTY yes",
        "PrintMotd no",
        "PrintLastLog no",
        "UseDNS no",
        "LogLevel VERBOSE",
        # As on a Debian host: an sftp request reaches the forced command, which refuses it.
        "Subsystem sftp /usr/lib/openssh/sftp-server",
    ]
    if account == "root":
        lines.append("PermitRootLogin prohibit-password")
    if set_env:  # the administrator's settings for every session, never the client's
        lines.append("SetEnv " + " ".join(f"{k}={v}" for k, v in set_env.items()))
    return "\n".join(lines) + "\n"


@dataclass
class SshServer:
    """A running private sshd and what a client needs to reach it."""

    root: Path
    port: int
    account: str
    process: subprocess.Popen[bytes]
    log: Path
    keys: dict[str, Path] = field(default_factory=dict)

    @property
    def authorized_keys(self) -> Path:
        return self.root / "authorized_keys"

    def client_key(self, name: str) -> Path:
        """The private key made for `name` (one per psr-tui user), created on first use."""
        if name not in self.keys:
            self.keys[name] = keygen(self.root / f"id_{name}", f"{name}@psr-e2e")
        return self.keys[name]

    def authorize(self, line: str) -> None:
        """Append one authorized_keys line (as made by `psr-tui user key`)."""
        with self.authorized_keys.open("a", encoding="utf-8") as out:
            out.write(line.rstrip("\n") + "\n")

    def client_options(self, key: Path) -> list[str]:
        return ["-F", "/dev/null", "-i", str(key), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR"]

    def ssh_argv(self, key: Path, remote: Sequence[str] = (), *,
                 options: Sequence[str] = ()) -> list[str]:
        """`ssh ... account@127.0.0.1 REMOTE...` for subprocess (no shell)."""
        # ssh keeps the first value it is given for an option: the caller's come first.
        return ["ssh", *options, *self.client_options(key), "-p", str(self.port),
                f"{self.account}@{LOOPBACK}", *remote]

    def ssh_line(self, key: Path, remote: Sequence[str] = (), *,
                 options: Sequence[str] = ()) -> str:
        """The same as one shell command line (for a tmux pane)."""
        return shlex.join(self.ssh_argv(key, remote, options=options))

    def ssh(self, key: Path, *remote: str, timeout: float = 30.0,
            options: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.ssh_argv(key, remote, options=options), capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)


def login_account() -> str:
    """The account the client logs in as: root in CI, otherwise whoever runs the tests."""
    return pwd.getpwuid(os.geteuid()).pw_name


def start_sshd(root: Path, set_env: dict[str, str] | None = None) -> SshServer:
    """Start sshd in the foreground on a free loopback port; fail with its log if it won't."""
    root.mkdir(parents=True, exist_ok=True)
    keygen(root / "host_ed25519", "psr-e2e-host")
    (root / "authorized_keys").touch(mode=0o600)
    account = login_account()
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation directory
    log = root / "sshd.log"
    last_error = ""
    for _attempt in range(3):  # another process may take the probed port before sshd binds it
        port = free_port()
        config = root / "sshd_config"
        config.write_text(_config(root, port, account, set_env or {}), encoding="utf-8")
        check = subprocess.run([str(SSHD), "-t", "-f", str(config)], capture_output=True,
                               text=True, timeout=10)
        if check.returncode != 0:
            pytest.fail(f"sshd rejected its test config:\n{check.stderr}")
        with log.open("ab") as err:
            process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)],
                                       stdin=subprocess.DEVNULL, stdout=err, stderr=err)
        server = SshServer(root=root, port=port, account=account, process=process, log=log)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            if accepts(port):
                return server
            time.sleep(0.05)
        server.stop()
        last_error = server.log_text()
        if "Address already in use" not in last_error:
            break
    pytest.fail(f"sshd did not start on {LOOPBACK}:\n{last_error}")

