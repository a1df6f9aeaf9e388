"""An unexpected exception ends the app with one line (ui/crash_report.py), never Textual's
report, which draws every frame's local variables (field values among them)."""

from __future__ import annotations

import sys

from textual.app import App

from .crash_report import crash_report


class OneLineCrashApp(App[None]):
    """PsrApp's exit on an unexpected exception."""

    _crash_text = ""  # what an unexpected exception prints on the way out

    def _handle_exception(self, error: Exception) -> None:
        """Mirrors textual.app.App._handle_exception (8.2.8) but for the rendering; the
        private names it relies on are checked by tests/ui/test_textual_private_names.py.
        """
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises the first one for the tests
            self._exception = error
            self._exception_event.set()
        self._crash_text = crash_report(error)
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        # Plain text, not Rich: Rich would wrap the one line at the terminal's width.
        if self._crash_text:
            sys.stderr.write(self._crash_text + "\n")
            sys.stderr.flush()
            self._crash_text = ""
        super()._print_error_renderables()
