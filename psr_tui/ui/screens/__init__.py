"""Screens. start_screen() picks the first one the app shows, by the identity's role."""

from __future__ import annotations

from textual.screen import Screen

from ...domain.access import ANALYST, CREATE, READ, SUPERVISOR, Identity, may


def start_screen(name: str, identity: Identity, *, empty: bool = False) -> Screen[None]:
    """A supervisor opens on their quick review; a role with no case access on a screen
    that says so; everyone else on home (which lists only what the store returns).
    `empty` (no case in the database at all): an adviser opens on how to start, anyone
    else on "nothing for you yet"."""
    nothing_to_start = empty and not may(identity, CREATE)
    if identity.role == ANALYST or not may(identity, READ) or nothing_to_start:
        from .nothing_here import NothingHereScreen

        return NothingHereScreen()
    if empty:
        from .welcome import WelcomeScreen

        return WelcomeScreen()
    if name == "review" or identity.role == SUPERVISOR:
        from .quick_review import QuickReviewScreen

        return QuickReviewScreen()
    from .home import HomeScreen

    return HomeScreen()
