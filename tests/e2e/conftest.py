"""Fixtures shared by the end-to-end tests."""

from .ssh_deployment import deployment  # noqa: F401  (the SSH tests' module-scoped fixture)
