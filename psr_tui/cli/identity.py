"""Who is acting: the one place the CLI decides it, from nothing the client can choose.

- Under `ssh-session NAME` (the command an authorized_keys line forces), NAME's user
  record and nothing else: never --as, $PSR_TUI_USER, $USER, nor the client's command.
- Otherwise the process's real account (the uid, not $USER). The account that owns the
  database folder is its administrator (an adviser with the administrator's commands) and
  may act as a named user with --as / $PSR_TUI_USER; any other account is its own user
  record, and --as is refused.
"""

from __future__ import annotations

import argparse
import os
import pwd
from pathlib import Path

from ..domain.access import ADVISER, Identity
from ..store.users import UserRegistry
from .usage import UsageError

AS_REFUSED = "--as is for the database's administrator or --demo"


def account_name() -> str:
    """The real account running this process (a login name; $USER is the caller's word)."""
    uid = os.geteuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid-{uid}"


def folder_owner(db_root: Path) -> int:
    """The uid owning the database folder; a folder not made yet will be this account's."""
    try:
        return db_root.stat().st_uid
    except FileNotFoundError:
        return os.geteuid()
    except OSError as exc:
        raise UsageError(f"cannot read {db_root}: {exc.strerror}") from exc


def is_administrator(db_root: Path) -> bool:
    return folder_owner(db_root) == os.geteuid()


def _unknown(name: str) -> UsageError:
    return UsageError(f"no psr-tui user {name}; ask the administrator")


def resolve_identity(args: argparse.Namespace, db_root: Path) -> Identity:
    registry = UserRegistry(db_root, account_name())
    if getattr(args, "command", None) == "ssh-session":
        if getattr(args, "user", None):
            raise UsageError("ssh-session takes its user from the key line, never --as")
        if not is_administrator(db_root):
            # The forced command runs as the service account that owns the database.
            raise UsageError("ssh-session runs as the account that owns the database")
        identity = registry.get(args.session_user)
        if identity is None:
            raise _unknown(args.session_user)
        return identity
    wanted = getattr(args, "user", None) or os.environ.get("PSR_TUI_USER") or ""
    account = account_name()
    if is_administrator(db_root):
        if not wanted:
            return Identity(account, ADVISER, admin=True)
        identity = registry.get(wanted)
        if identity is None:
            raise UsageError(f"no psr-tui user {wanted} (see psr-tui user list)")
        return identity
    if wanted and wanted != account:
        raise UsageError(AS_REFUSED)
    identity = registry.get(account)
    if identity is None:
        raise _unknown(account)
    return identity
