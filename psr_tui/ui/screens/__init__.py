"""Screens. start_screen() picks the first one the app shows, by the identity's role."""

from __future__ import annotations

from textual.screen import Screen

from ...domain.access import ANALYST, CREATE, INSIGHTS, READ, SUPERVISOR, Identity, may


def start_screen(name: str, identity: Identity, *, empty: bool = False) -> Screen[None]:
    """A supervisor opens on their quick review; an analyst (no case access) on insights,
    a role with neither on a screen that says so; everyone else on home (which lists only
    what the store returns). `empty` (no case in the database at all): an adviser opens on
    how to start, anyone else on "nothing for you yet"."""
    if identity.role == ANALYST or not may(identity, READ):
        if may(identity, INSIGHTS):  # the analyst: figures across plans, no case detail
            from .insights import InsightsScreen

            return InsightsScreen()
        from .nothing_here import NothingHereScreen

        return NothingHereScreen()
    if empty:
        if may(identity, CREATE):
            from .welcome import WelcomeScreen

            return WelcomeScreen()
        from .nothing_here import NothingHereScreen

        return NothingHereScreen()
    if name == "review" or identity.role == SUPERVISOR:
        from .quick_review import QuickReviewScreen

        return QuickReviewScreen()
    from .home import HomeScreen

    return HomeScreen()
