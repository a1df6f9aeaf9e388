"""Store errors: each carries a one-line message fit to show a user."""

from __future__ import annotations


class StoreError(Exception):
    """Anything the store refuses; str(err) is the one-line message."""


class CaseNotFound(StoreError):
    def __init__(self, case_id: str) -> None:
        super().__init__(f"no case with id {case_id!r}")
        self.case_id = case_id


class ConflictError(StoreError):
    """A write based on a stale revision, or a record someone else changed first."""


class UnreadableFile(StoreError):
    """A file that is not valid JSON or not a psr-tui record: reported, never overwritten."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason} (the file was left untouched)")
        self.path = path


class StorageFailure(StoreError):
    """The disk or the file system refused a read or write (full, read-only, no permission,
    quota, I/O error); the message names the cause in plain words (store/disk_errors.py)."""

    def __init__(self, message: str, errno: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno
