"""Section 8: the organisation's copy of the plan, rebuilt after saves (debounced)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Markdown, Static

from ....domain.case import Case
from ....export import plan_markdown
from .section import Section

DEBOUNCE_SECONDS = 0.4


class PreviewSection(Section):
    KEY = "preview"
    LABEL = "Preview"
    ACTIONS = frozenset({"export"})

    def compose(self) -> ComposeResult:
        yield Static("The organisation's copy as exported · w writes a file",
                     classes="section-hint")
        with VerticalScroll(id="preview-body", can_focus=True):
            yield Markdown("", id="preview-markdown")

    def on_mount(self) -> None:
        self._timer: Timer | None = None
        self.stale = True

    def focus_main(self) -> None:
        self.query_one("#preview-body").focus()

    def shown(self) -> None:
        super().shown()
        self.rebuild()

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        # Saves come in bursts (reorders, several dialogs): rebuild once they settle, and only
        # while the preview is on screen; otherwise when it is next shown.
        self.stale = True
        if self.display:  # the builder's content switcher shows only the current section
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(DEBOUNCE_SECONDS, self.rebuild)

    def markdown_text(self) -> str:
        case = self.case
        if case is None or case.plan is None:
            return "*No plan yet.*"
        return plan_markdown(case, "organisation", self.vocab, self.psr.today())

    def rebuild(self) -> None:
        self._timer = None
        self.stale = False
        self.query_one(Markdown).update(self.markdown_text())
