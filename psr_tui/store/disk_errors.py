"""The one translation of an operating-system error into plain words.

A save that fails on a full disk, a read-only folder or a dying disk must reach the user
as a sentence naming the cause, never as a bare OSError (which would crash a screen and,
with Textual's crash report, print the record being saved). The message names the folder
or case file involved, never anything stored in it.
"""

from __future__ import annotations

import errno
from pathlib import Path

from .errors import StorageFailure

# errno -> the cause in words; "{folder}" is the folder the operation touched.
_CAUSES: dict[int, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the database folder is read-only (read-only file system)",
    errno.EACCES: "no permission to write to {folder}",
    errno.EPERM: "no permission to write to {folder}",
    errno.EIO: "the disk reported an input/output error",
    errno.ENOENT: "{folder} has disappeared",
    errno.ENOTDIR: "{folder} is not a folder",
    errno.EMFILE: "too many files are open",
    errno.ENFILE: "too many files are open on this machine",
    errno.EFBIG: "the file is too large for this file system",
    errno.ENAMETOOLONG: "the path is too long",
}
_READ_CAUSES: dict[int, str] = {
    errno.EACCES: "no permission to read {folder}",
    errno.EPERM: "no permission to read {folder}",
}


def plain_cause(exc: OSError, folder: Path, *, reading: bool = False) -> str:
    """'the disk is full', 'no permission to write to /db/cases', ...: never record contents."""
    code = exc.errno if exc.errno is not None else -1
    template = (_READ_CAUSES.get(code) if reading else None) or _CAUSES.get(code)
    if template is None:
        # An errno we have no words for: the system's own short text, still no contents.
        template = (exc.strerror or type(exc).__name__).lower()
    return template.format(folder=folder)


def storage_failure(exc: OSError, folder: Path, doing: str, *,
                    reading: bool = False) -> StorageFailure:
    """The StoreError to raise for `exc`; `doing` says what was attempted ('saving case X')."""
    return StorageFailure(f"{plain_cause(exc, folder, reading=reading)} ({doing})",
                          exc.errno)
