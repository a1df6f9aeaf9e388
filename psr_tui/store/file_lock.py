"""An exclusive lock on a lock file (POSIX flock), shared by every process on the host.

flock locks belong to an open file description, so two opens conflict even in one
process (two app sessions, or threads); the kernel drops the lock when a holder
dies, so a SIGKILLed writer never leaves a case locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .disk_errors import storage_failure
from .errors import StoreError

LOCK_TIMEOUT_S = 10.0
LOCK_POLL_S = 0.002  # waiters notice a free lock quickly: a save takes a few milliseconds
LOCK_FILE_MODE = 0o600


class LockTimeout(StoreError):
    pass


@contextmanager
def exclusive_lock(
    path: Path, name: str, timeout: float = LOCK_TIMEOUT_S, poll: float = LOCK_POLL_S
) -> Iterator[None]:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)
    except OSError as exc:  # a read-only or full locks folder: nothing can be saved
        raise storage_failure(exc, path.parent, f"locking {name}") from exc
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"case {name} is busy (locked by another user); try again"
                    ) from None
                time.sleep(poll)
            except OSError as exc:  # ENOLCK on some network file systems
                raise storage_failure(exc, path.parent, f"locking {name}") from exc
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def lock_if_free(path: Path) -> Iterator[bool]:
    """Hold the lock for the block if nobody holds it (True), else yield False at once.

    `check` uses it to tell a save in progress (its writer holds the case's lock for
    the whole life of its temp file) from a temp file a killed writer left behind.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)
    except OSError as exc:
        raise storage_failure(exc, path.parent, f"locking {path.stem}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
