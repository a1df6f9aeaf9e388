"""Files that are never half-written: read by path each time, written to a temp file,
fsynced and renamed over the old one, so readers see either the old or the new file.

The TinyDB storages on top of these are in tinydb_storage.py: reading (lists, dump,
check) never imports TinyDB.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .disk_errors import plain_cause, storage_failure
from .errors import UnreadableFile

FILE_MODE = 0o600
DIR_MODE = 0o700


def read_bytes(path: Path | str) -> bytes | None:
    """The file's bytes, None when it does not exist; UnreadableFile when it cannot be read.
    A plain string path is read as well (no Path made: `check` reads every case file)."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFile(path, plain_cause(exc, Path(path), reading=True)) from exc


def read_json(path: Path) -> dict[str, Any] | None:
    """The parsed file, None when it does not exist; UnreadableFile when it is not JSON."""
    raw = read_bytes(path)
    return None if raw is None else parse_json(raw, path)


def parse_json(raw: bytes, path: Path) -> dict[str, Any]:
    """A file's bytes parsed as a JSON object; UnreadableFile (naming `path`) otherwise."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnreadableFile(path, f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise UnreadableFile(path, "not a TinyDB JSON document")
    return data


def write_json_atomic(path: Path, data: dict[str, Any], *, durable: bool = True) -> None:
    """Temp file then rename: readers see the old file or the new one, never a part.

    Any OSError (full disk, read-only folder, no permission, I/O error) becomes a
    StorageFailure naming the cause; the temp file is removed and the old file is untouched.
    durable=False skips the fsyncs, for bulk loads that sync the folder once at the end.
    """
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        write_file_atomic(path, payload, FILE_MODE, durable=durable)
    except OSError as exc:
        raise storage_failure(exc, path.parent, f"writing {path.name}") from exc


def write_file_atomic(path: Path, payload: bytes | Iterable[bytes], mode: int, *,
                      durable: bool = True) -> None:
    """Write `payload` (bytes, or pieces of it: a dump streams case by case) to a new temp
    file beside `path` (created with `mode`) and rename it over `path`. Raises the
    OSError (or whatever producing a piece raised) after removing the temp file: the old
    file is intact.

    The temp name starts with a dot and ends in .tmp, so sweeps and `check` can tell it
    from a record; O_EXCL and O_NOFOLLOW never write through a file or link put there.
    """
    # os.urandom: what secrets.token_hex reads, without importing secrets (random, hmac).
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(3).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    try:
        try:
            os.fchmod(fd, mode)  # the umask may have narrowed it; never wider than asked
            for piece in [payload] if isinstance(payload, bytes) else payload:
                view = memoryview(piece)
                while view:
                    # os.write may write part of a buffer (signals, pipes): loop until done.
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        # A folder that refuses even this: `check` reports the leftover.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk, or a power cut can undo it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
