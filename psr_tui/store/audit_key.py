"""The audit key's file: where it is and reading it (store/audit_seal.py seals with it).

Apart from audit_seal so that opening a database, which asks only whether the key
exists, does not import the hashing modules: only sealing and checking need them.
"""

from __future__ import annotations

from pathlib import Path

from .errors import StoreError

KEY_FILE = "audit.key"
KEY_BYTES = 32


def has_key(root: Path) -> bool:
    return (root / KEY_FILE).exists()


def load_key(root: Path) -> bytes:
    path = root / KEY_FILE
    try:
        key = path.read_bytes()
    except FileNotFoundError as exc:
        raise StoreError(f"{path} is missing: the audit trail cannot be sealed or checked; "
                         "open the database as its owner to make a new key") from exc
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror} (only the database's owner "
                         "can record changes)") from exc
    if len(key) != KEY_BYTES:
        raise StoreError(f"{path} is not a psr-tui audit key ({len(key)} bytes)")
    return key
