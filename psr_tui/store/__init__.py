"""The store: the only package that touches TinyDB."""

from .case_reader import CaseReader, current_user, format_validation_error
from .case_store import CaseStore
from .errors import CaseNotFound, ConflictError, StorageFailure, StoreError, UnreadableFile

__all__ = [
    "CaseNotFound",
    "CaseReader",
    "CaseStore",
    "ConflictError",
    "StorageFailure",
    "StoreError",
    "UnreadableFile",
    "current_user",
    "format_validation_error",
]
