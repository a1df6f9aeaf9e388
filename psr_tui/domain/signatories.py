"""Who signs: a plan version, an amendment, a completion sign-off."""

from __future__ import annotations

from datetime import date

from .errors import RuleError


def signatory_name(name: str, path: str, missing: str) -> str:
    """The stripped name of whoever signs; a date or a number typed in the name is refused."""
    name = name.strip()
    if not name:
        raise RuleError(missing, path)
    if not any(ch.isalpha() for ch in name):
        raise RuleError(f"'{name}' is not a name: type the name of the person signing.", path)
    return name


def check_signed_on(signed_on: date, today: date, path: str) -> None:
    """A signature is dated the day it was given: today or earlier, never ahead."""
    if signed_on > today:
        raise RuleError(
            f"{signed_on.isoformat()} is in the future: a signature is dated today "
            f"({today.isoformat()}) or earlier.",
            path,
        )
