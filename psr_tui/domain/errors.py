"""Errors raised by domain rules: the message is for the user, `path` names the field."""

from __future__ import annotations


class RuleError(Exception):
    """A change the PSR rules refuse; nothing should be written."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class AlreadyRecorded(RuleError):
    """Someone else recorded this review point first."""
