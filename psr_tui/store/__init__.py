"""The store: the only package that touches TinyDB."""

from .case_reader import CaseReader, current_user, format_validation_error
from .case_store import CaseStore
from .errors import CaseNotFound, ConflictError, StoreError, UnreadableFile

__all__ = [
    "CaseNotFound",
    "CaseReader",
    "CaseStore",
    "ConflictError",
    "StoreError",
    "UnreadableFile",
    "current_user",
    "format_validation_error",
]
