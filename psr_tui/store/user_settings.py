"""Each psr-tui user's own settings (the theme, for now): `<db>/settings/<user>.json`.

Kept in the database folder, keyed by the psr-tui identity, and not in the account's
config folder (platformdirs): over SSH every user runs as the one service account, so a
per-account file would be everyone's at once. The folder is 0700 and the files 0600, like
the cases; each change is a read-modify-write under a lock on a fresh read, written
atomically, so two sessions of one user never lose each other's setting.

Settings hold preferences only, never case text: they are not in a dump.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .atomic_storage import DIR_MODE, read_json, write_json_atomic
from .disk_errors import storage_failure
from .errors import StoreError
from .file_lock import exclusive_lock

# A settings file is named after its user: a name that could climb out of the folder or
# hide as a dot file never becomes a path (user names are narrower still: store/users.py).
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")
_KEY = re.compile(r"[a-z][a-z0-9_.]{0,40}")
MAX_BYTES = 64 * 1024  # preferences, not records: anything larger is not ours

SettingValue = str | int | bool | list[str] | dict[str, str]


class SettingsError(StoreError):
    """A setting that cannot be kept (a bad name or value): said in plain words."""


class UserSettings:
    def __init__(self, db_root: Path, user: str) -> None:
        self.folder = Path(db_root) / "settings"
        self.user = user
        self.remembered = bool(_FILE_NAME.fullmatch(user))
        self.path = self.folder / f"{user}.json"

    def load(self) -> dict[str, object]:
        """The user's settings; {} when none were kept. UnreadableFile (a StoreError) when
        the file is damaged: the caller says so and carries on with the defaults."""
        if not self.remembered:
            return {}
        data = read_json(self.path)
        return dict(data or {})

    def remember(self, key: str, value: SettingValue) -> None:
        """Keep one setting for this user. StoreError (in words) when it cannot be kept."""
        if not self.remembered:
            raise SettingsError(f"settings cannot be kept for the user name {self.user!r}")
        if not _KEY.fullmatch(key):
            raise SettingsError(f"{key!r} is not a setting name")
        try:
            self.folder.mkdir(mode=DIR_MODE, exist_ok=True)
        except OSError as exc:
            raise storage_failure(exc, self.folder.parent, "keeping your settings") from exc
        with exclusive_lock(self.folder / f"{self.user}.lock", f"{self.user}'s settings"):
            try:
                current = dict(read_json(self.path) or {})
            except StoreError:
                current = {}  # a damaged file is replaced by what the user just chose
            current[key] = value
            if len(json.dumps(current)) > MAX_BYTES:
                raise SettingsError(f"the setting {key} is too large to keep")
            write_json_atomic(self.path, current)
