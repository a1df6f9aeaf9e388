"""The PSR domain: models, rules and vocabularies. No Textual, no TinyDB."""

from .audit import AuditEvent
from .case import Case
from .plan import Plan

__all__ = ["AuditEvent", "Case", "Plan"]
