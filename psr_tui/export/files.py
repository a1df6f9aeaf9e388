"""Writing an exported document to disk: readable by its owner only (0600).

Plans and reports name a practitioner and the concerns about them: on a shared SSH host
they must not be world-readable like an ordinary file, must not be written through a
symbolic link someone left at the target, and a full disk must not leave half a document
where the old one was. So: missing folders are made 0700, the text goes to a temp file
beside the target (0600) and is renamed over it, and a link at the target is refused.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..store.atomic_storage import write_file_atomic
from ..store.disk_errors import plain_cause

DOCUMENT_MODE = 0o600
FOLDER_MODE = 0o700


class DocumentNotWritten(Exception):
    """Why a document was not written; str() is one line for the user. The old file, if
    any, is untouched."""


def write_document(path: Path, text: str | Iterable[str]) -> Path:
    """Write `text` (or its pieces, streamed: a dump) atomically, readable by the owner."""
    path = Path(path).expanduser()
    if path.is_symlink():
        raise DocumentNotWritten(f"refusing to write through the symbolic link {path}")
    if path.exists() and not path.is_file():
        raise DocumentNotWritten(f"{path} is not a file")
    try:
        make_private_folders(path.parent)
        pieces = [text] if isinstance(text, str) else text
        write_file_atomic(path, (piece.encode("utf-8") for piece in pieces), DOCUMENT_MODE)
    except OSError as exc:
        raise DocumentNotWritten(
            f"cannot write {path}: {plain_cause(exc, path.parent)}; nothing was changed"
        ) from exc
    return path


def proposed_path(filename: str) -> Path:
    """`filename` in the user's export folder (locations.export_dir), the folder made 0700
    if missing; if it cannot be made, the path is still proposed and the write says why."""
    from ..locations import export_dir

    folder = export_dir()
    with contextlib.suppress(OSError):
        make_private_folders(folder)
    return folder / filename


def make_private_folders(folder: Path) -> None:
    """Create the missing folders of `folder` as 0700 whatever the umask; existing ones
    are left as they are (they may be shared on purpose)."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for new in reversed(missing):
        try:
            new.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs, left alone
        os.chmod(new, FOLDER_MODE)  # mkdir's mode is narrowed by the umask, never widened
