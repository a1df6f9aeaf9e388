"""The plan builder screen: one module per section."""

from .screen import PlanBuilderScreen

__all__ = ["PlanBuilderScreen"]
