"""The psr-tui users of one database: `<db>/users.json`, beside the cases it guards.

Each user is a login-like name the administrator chose, with a role and (for the
organisation's side) an organisation. An SSH key pinned to `ssh-session NAME` acts as
NAME's record here and nothing else. Every change is made under the file's lock on a
fresh read, written atomically, and audited (who, when, what) inside the same file, so
the record of who was given access cannot be lost separately from the access itself.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.access import (
    ORGANISATION_LEAD,
    RESPONSIBLE_OFFICER,
    ROLES,
    Identity,
)
from .atomic_storage import read_json, write_json_atomic
from .errors import StoreError, UnreadableFile
from .file_lock import exclusive_lock

USERS_FILE = "users.json"
# Login-like: safe inside an authorized_keys command and a shell word without quoting.
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,31}")
ORGANISATION_ROLES = frozenset({ORGANISATION_LEAD, RESPONSIBLE_OFFICER})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class UserError(StoreError):
    """A user change the registry refuses (bad name, unknown role, no such user)."""


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: str
    organisation: str = ""
    display_name: str = ""
    added_by: str = ""
    added_at: str = ""

    def identity(self) -> Identity:
        return Identity(name=self.name, role=self.role, organisation=self.organisation,
                        admin=False, display_name=self.display_name)


def check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name):
        raise UserError(f"{name!r} is not a user name: lower-case letters, digits, '.', '_' "
                        "and '-', up to 32, starting with a letter or digit")
    return name


def _check_text(value: str, what: str) -> str:
    value = value.strip()
    if _CONTROL.search(value):
        raise UserError(f"the {what} may not contain control characters")
    if len(value) > 120:
        raise UserError(f"the {what} is longer than 120 characters")
    return value


def _check_role(role: str, organisation: str) -> None:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r} (one of: {', '.join(ROLES)})")
    if role in ORGANISATION_ROLES and not organisation:
        raise UserError(f"a {role} needs --organisation (the organisation's name on its cases)")


class UserRegistry:
    """add / remove / set_role / get / list over `<db>/users.json`; `acting` is audited."""

    def __init__(self, root: Path, acting: str) -> None:
        self.root = Path(root)
        self.path = self.root / USERS_FILE
        self.acting = acting

    # ---- reading -------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        data = read_json(self.path) or {"users": {}, "audit": []}
        if not isinstance(data.get("users"), dict) or not isinstance(data.get("audit"), list):
            raise UnreadableFile(self.path, "not a psr-tui users file")
        return data

    def _record(self, raw: object) -> UserRecord:
        try:
            record = UserRecord(**raw)  # type: ignore[arg-type]
            check_name(record.name)
            _check_role(record.role, record.organisation)
        except (TypeError, UserError) as exc:
            raise UnreadableFile(self.path, f"a user record is malformed ({exc})") from exc
        return record

    def record(self, name: str) -> UserRecord | None:
        raw = self._load()["users"].get(name)
        return None if raw is None else self._record(raw)

    def get(self, name: str) -> Identity | None:
        record = self.record(name)
        return None if record is None else record.identity()

    def list(self) -> list[UserRecord]:
        users = self._load()["users"]
        return [self._record(users[name]) for name in sorted(users)]

    def audit(self) -> builtins.list[dict[str, str]]:
        return list(self._load()["audit"])

    # ---- changing ------------------------------------------------------
    def add(self, name: str, role: str, organisation: str = "",
            display_name: str = "") -> UserRecord:
        check_name(name)
        organisation = _check_text(organisation, "organisation")
        display_name = _check_text(display_name, "display name")
        _check_role(role, organisation)

        def change(users: dict[str, Any]) -> UserRecord:
            if name in users:
                raise UserError(f"user {name} already exists (see psr-tui user set-role)")
            record = UserRecord(name, role, organisation, display_name,
                                added_by=self.acting, added_at=_now())
            users[name] = asdict(record)
            return record

        return self._change(change, "add", name, _describe(role, organisation))

    def remove(self, name: str) -> UserRecord:
        def change(users: dict[str, Any]) -> UserRecord:
            record = self._existing(users, name)
            del users[name]
            return record

        return self._change(change, "remove", name, "removed")

    def set_role(self, name: str, role: str, organisation: str | None = None) -> UserRecord:
        def change(users: dict[str, Any]) -> UserRecord:
            old = self._existing(users, name)
            org = old.organisation if organisation is None else _check_text(
                organisation, "organisation")
            _check_role(role, org)
            record = UserRecord(old.name, role, org, old.display_name, old.added_by,
                                old.added_at)
            users[name] = asdict(record)
            return record

        org_words = "" if organisation is None else organisation
        return self._change(change, "set-role", name, _describe(role, org_words))

    def _existing(self, users: dict[str, Any], name: str) -> UserRecord:
        if name not in users:
            raise UserError(f"no psr-tui user {name}")
        return self._record(users[name])

    def _change(self, change: Any, action: str, name: str, summary: str) -> UserRecord:
        self.root.mkdir(parents=True, mode=0o700, exist_ok=True)
        (self.root / "locks").mkdir(mode=0o700, exist_ok=True)
        # Read, change and write under one lock: two administrators never lose a change.
        with exclusive_lock(self.root / "locks" / "users.lock", "users"):
            data = self._load()
            record = change(data["users"])
            data["audit"].append({"at": _now(), "by": self.acting, "action": action,
                                  "user": name, "summary": summary})
            write_json_atomic(self.path, data)
        return record


def _describe(role: str, organisation: str) -> str:
    return f"{role} of {organisation}" if organisation else role


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
