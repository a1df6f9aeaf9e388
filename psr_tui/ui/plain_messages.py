"""Notifications as plain text: PsrApp's part that shows every message as written.

Messages quote stored text (a practitioner's name, a review's title, an error naming a
file), and Textual reads a message as markup: "[/x]" in a name made Rich raise as the toast
was drawn, "[b]" restyled the rest. No message of ours uses markup, so none is read as it.
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel

from ..domain.safe_text import visible


class PlainMessagesApp(App[None]):
    def notify(self, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        # `markup` is Textual's parameter, kept for its callers (Widget.notify passes it on).
        super().notify(visible(message, multiline=True), title=visible(title),
                       severity=severity, timeout=timeout, markup=False)
