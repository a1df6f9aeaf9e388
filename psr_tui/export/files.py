"""Writing an exported document to disk: readable by its owner only (0600).

Plans and reports name a practitioner and the concerns about them: on a shared
SSH host they must not be world-readable like an ordinary file.
"""

from __future__ import annotations

import os
from pathlib import Path

DOCUMENT_MODE = 0o600


def write_document(path: Path, text: str) -> Path:
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, DOCUMENT_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        os.fchmod(fh.fileno(), DOCUMENT_MODE)  # an existing file keeps no wider mode
        fh.write(text)
    return path
