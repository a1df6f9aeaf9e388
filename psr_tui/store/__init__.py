"""The store: the only package that touches TinyDB."""

from .case_store import CaseStore, current_user, format_validation_error
from .errors import CaseNotFound, ConflictError, StoreError, UnreadableFile

__all__ = [
    "CaseNotFound",
    "CaseStore",
    "ConflictError",
    "StoreError",
    "UnreadableFile",
    "current_user",
    "format_validation_error",
]
