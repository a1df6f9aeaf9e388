"""TinyDB storages over atomic files (atomic_storage.py), for the store's writes.

Plain JSONStorage rewrites the file in place through one long-lived handle; a
crash mid-write truncates it and another process's os.replace goes unseen.
These open by path on every read and write a temp file, fsync it and rename it
over the old one, so readers see either the old or the new file.

Imported only where a file is written through TinyDB: reading never loads TinyDB.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from .atomic_storage import read_json, write_json_atomic


class AtomicJSONStorage(Storage):
    """TinyDB storage: read by path each time, write atomically."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        return read_json(self.path)

    def write(self, data: dict[str, Any]) -> None:
        write_json_atomic(self.path, data)

    def close(self) -> None:
        pass


class TransactionStorage(Storage):
    """Reads the file once, serves TinyDB from memory, writes once on commit.

    Used only inside the case's lock, so one save costs one read and one
    atomic write however many tables it touches.
    """

    def __init__(self, path: str | Path) -> None:
        self._disk = AtomicJSONStorage(path)
        self._data: dict[str, Any] | None = self._disk.read()
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def commit(self) -> None:
        if self.dirty and self._data is not None:
            self._disk.write(self._data)
            self.dirty = False

    def close(self) -> None:
        pass


def tinydb_on(storage: TransactionStorage) -> TinyDB:
    """A fresh TinyDB over `storage` (never cached: TinyDB's ids and data may be stale)."""
    return TinyDB(storage=lambda: storage)
