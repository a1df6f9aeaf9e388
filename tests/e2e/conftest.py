"""Fixtures shared by the end-to-end tests."""

from collections.abc import Iterator

import pytest

from .ssh_deployment import deployment  # noqa: F401  (the SSH tests' module-scoped fixture)
from .tmux import stop_server


@pytest.fixture(scope="session", autouse=True)
def tmux_server() -> Iterator[None]:
    """This process's private tmux server (tests/e2e/tmux.py) goes when the session ends."""
    yield
    stop_server()
