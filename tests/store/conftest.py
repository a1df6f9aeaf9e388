"""Fixtures for the store tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from psr_tui.domain.case import Case

from .sample_cases import small_case


@pytest.fixture
def make_case() -> Callable[..., Case]:
    return small_case
