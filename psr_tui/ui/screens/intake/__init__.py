"""The intake wizard, one module per group of steps."""

from .screen import IntakeScreen

__all__ = ["IntakeScreen"]
