"""Plan progress's exports: the progress report, the summary and the review-meeting sheet,
each only for a role that may produce it, and only at that role's own audience."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...domain.access import ADVISER, export_refusal
from ...domain.case import Case
from ...export.files import DocumentNotWritten, write_document
from ..dialogs.export_path import ExportPathDialog
from .base import PsrScreen

if TYPE_CHECKING:
    from ...domain.plan import ReviewPoint

# Copies for these audiences (the adviser's copy holds confidential material: not offered).
EXPORT_AUDIENCES = [("organisation", "The healthcare organisation"),
                    ("practitioner", "The practitioner")]
# The report each export action produces (access.export_refusal decides who may).
EXPORT_REPORTS = {"export_report": "progress", "export_summary": "progress",
                  "export_sheet": "review-sheet"}


class ProgressExports(PsrScreen):
    """PlanProgressScreen's base: it holds the case and the selected review point."""

    if TYPE_CHECKING:
        case: Case | None
        case_id: str

        def _selected(self) -> ReviewPoint | None: ...

    def _export_refusal(self, action: str) -> str:
        identity = self.psr.identity
        return export_refusal(identity, EXPORT_REPORTS[action], identity.audience)

    def _audiences(self) -> list[tuple[str, str]]:
        """An adviser chooses the copy; everyone else gets their own role's copy only."""
        identity = self.psr.identity
        if identity.role == ADVISER:
            return EXPORT_AUDIENCES
        return [(a, label) for a, label in EXPORT_AUDIENCES if a == identity.audience]

    def _export(self, title: str, filename: str, audiences: list[tuple[str, str]],
                render: Callable[[Case, str], str]) -> None:
        case = self.case
        if case is None:
            return

        def write(answer: tuple[Path, str] | None) -> None:
            if answer is None:
                return
            path, audience = answer
            try:
                write_document(path, render(case, audience))
            except (DocumentNotWritten, ValueError) as exc:
                self.notify(f"Not written: {exc}", severity="error")
                return
            self.notify(f"Written to {path.resolve()}", title=title)

        self.app.push_screen(ExportPathDialog(title, Path.cwd() / filename, audiences), write)

    def action_export_report(self) -> None:
        from ...export import progress_report_markdown

        rp = self._selected()
        if rp is None:
            return
        self._export(f"progress report, {rp.title}", f"progress-{self.case_id}-{rp.id}.md",
                     self._audiences(), lambda c, aud: progress_report_markdown(
                         c, rp.id, aud, self.psr.vocab, self.psr.today()))

    def action_export_summary(self) -> None:
        from ...export import progress_summary_markdown

        self._export("progress summary", f"progress-summary-{self.case_id}.md", self._audiences(),
                     lambda c, aud: progress_summary_markdown(
                         c, aud, self.psr.vocab, self.psr.today()))

    def action_export_sheet(self) -> None:
        from ...export import review_meeting_sheet_markdown

        rp = self._selected()
        if rp is None:
            return
        self._export(f"review-meeting sheet, {rp.title}", f"review-sheet-{self.case_id}-{rp.id}.md",
                     [], lambda c, _aud: review_meeting_sheet_markdown(
                         c, rp.id, self.psr.vocab, self.psr.today()))
