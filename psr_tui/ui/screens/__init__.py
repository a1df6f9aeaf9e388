"""Screens. start_screen() picks the first one the app shows."""

from __future__ import annotations

from textual.screen import Screen


def start_screen(name: str) -> Screen[None]:
    if name == "review":
        from .quick_review import QuickReviewScreen

        return QuickReviewScreen()
    from .home import HomeScreen

    return HomeScreen()
