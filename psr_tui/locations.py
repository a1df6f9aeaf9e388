"""Where psr-tui finds its shipped files (styles, data) and its database."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # In a wheel the top-level folders are mapped into the package as _styles/_data
    # (pyproject force-include); in a source checkout they sit beside the package.
    inside = _PACKAGE / f"_{name}"
    return inside if inside.is_dir() else _PACKAGE.parent / name


def data_dir() -> Path:
    return Path(os.environ["PSR_TUI_DATA"]) if os.environ.get("PSR_TUI_DATA") else _shipped("data")


def styles_dir() -> Path:
    return _shipped("styles")


def vocabulary_dir() -> Path:
    return data_dir() / "vocabularies"


def templates_dir() -> Path:
    return data_dir() / "templates"


def default_db_path() -> Path:
    """--db, else PSR_TUI_DB, else the user data dir (the CLI applies --db)."""
    env = os.environ.get("PSR_TUI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("psr-tui") / "db"


def error_log_path() -> Path:
    """Where the app records an internal error's traceback (never field values):
    PSR_TUI_LOG, else the user log dir."""
    env = os.environ.get("PSR_TUI_LOG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("psr-tui") / "errors.log"


def export_dir() -> Path:
    """Where the app proposes to write exported documents: PSR_TUI_EXPORTS, else the
    user's documents folder + psr-tui/exports. Never the current folder: over SSH that is
    wherever the session started, and a shared folder there would expose the copy."""
    env = os.environ.get("PSR_TUI_EXPORTS")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path() / "psr-tui" / "exports"
