"""The authorized_keys line that pins an SSH key to one psr-tui user, and installing it.

The line forces `psr-tui --db DB ssh-session NAME` whatever the client asks for, and
`restrict` turns off forwarding, agent, X11 and user rc (`pty` is given back: the app
needs a terminal). Only a bare public key is accepted: a line carrying its own options
(`command=...`, `from=...`) could undo the pin.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

from ..store.file_lock import exclusive_lock
from .usage import UsageError

KEY_TYPES = frozenset({
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
})
_COMMENT = re.compile(r"[A-Za-z0-9@._+-]{1,100}")


def public_key(path: Path) -> tuple[str, str, str]:
    """(type, base64 blob, comment) of the one key in an OpenSSH .pub file."""
    try:
        text = path.expanduser().read_text("ascii")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not an OpenSSH public key"
        raise UsageError(f"cannot read {path}: {reason}") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if len(lines) != 1:
        raise UsageError(f"{path} must hold exactly one public key line")
    parts = lines[0].split()
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        raise UsageError(f"{path} is not a bare OpenSSH public key (ssh-ed25519 AAAA...)")
    kind, blob = parts[0], parts[1]
    try:
        decoded = base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise UsageError(f"{path}: the key is not valid base64") from exc
    if not decoded.startswith(len(kind).to_bytes(4, "big") + kind.encode()):
        raise UsageError(f"{path}: the key's body does not match its type {kind}")
    comment = parts[2] if len(parts) > 2 and _COMMENT.fullmatch(parts[2]) else ""
    return kind, blob, comment


def executable() -> Path:
    """The absolute path of the psr-tui program sshd should run."""
    invoked = Path(sys.argv[0])
    if invoked.name == "psr-tui" and invoked.exists():
        return invoked.absolute()
    beside = Path(sys.executable).parent / "psr-tui"  # the venv's console script
    if beside.exists():
        return beside.absolute()
    found = shutil.which("psr-tui")
    if found:
        return Path(found).absolute()
    raise UsageError("cannot find the psr-tui program (install it, then run user key again)")


def forced_command(program: Path, db: Path, name: str) -> str:
    command = shlex.join([str(program), "--db", str(db), "ssh-session", name])
    if '"' in command or "\\" in command:
        # The command sits inside command="..." where these would end or escape it.
        raise UsageError(f"the path {command!r} cannot go into an authorized_keys line")
    return command


def key_line(program: Path, db: Path, name: str, key: tuple[str, str, str]) -> str:
    kind, blob, comment = key
    line = f'restrict,pty,command="{forced_command(program, db, name)}" {kind} {blob}'
    return f"{line} {comment}" if comment else line


def install(line: str, key: tuple[str, str, str], lock_dir: Path) -> bool:
    """Append `line` to ~/.ssh/authorized_keys (0700/0600); False when already there.

    A key already present on another line is refused: sshd takes the first line that
    matches, so one key must never stand for two users (or for an unrestricted login).
    """
    ssh_dir = Path.home() / ".ssh"
    ssh_dir.mkdir(mode=0o700, exist_ok=True)
    os.chmod(ssh_dir, 0o700)
    target = ssh_dir / "authorized_keys"
    with exclusive_lock(lock_dir / "authorized_keys.lock", "authorized_keys"):
        try:
            existing = target.read_text("utf-8")
        except FileNotFoundError:
            existing = ""
        for present in existing.splitlines():
            if present.strip() == line:
                return False
            if f" {key[1]}" in present or present.startswith(f"{key[0]} {key[1]}"):
                raise UsageError(f"this key is already in {target} on another line; "
                                 "remove that line first")
        text = existing + ("" if not existing or existing.endswith("\n") else "\n") + line + "\n"
        tmp = target.with_name(f".authorized_keys.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        os.chmod(target, 0o600)
    return True
