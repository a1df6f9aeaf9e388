"""Editable wording shipped in data/templates/*.toml (starter text, word lists)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from .vocabulary import VocabularyError


@cache
def load_template(name: str, folder: Path | None = None) -> dict[str, Any]:
    """The parsed TOML file data/templates/<name>.toml (cached: these files rarely change)."""
    if folder is None:
        from ..locations import templates_dir

        folder = templates_dir()
    path = folder / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabularyError(f"template file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: {exc}") from exc
