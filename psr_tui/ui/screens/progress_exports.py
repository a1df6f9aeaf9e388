"""Plan progress's exports: the progress report, the summary and the review-meeting sheet,
from the one register (export/reports.py), each only for a role that may produce it and
only at that role's own audience."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...domain.access import ADVISER, export_refusal
from ...domain.audiences import audience_label
from ...domain.case import Case
from ...export.files import DocumentNotWritten, proposed_path, write_document
from ...export.reports import REPORTS, ReportRequest, ReportUnavailable, document_text, format_of
from ..dialogs.export_path import ExportPathDialog
from .base import PsrScreen

if TYPE_CHECKING:
    from ...domain.plan import ReviewPoint

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
        report = REPORTS[EXPORT_REPORTS[action]]
        audience = report.audiences[0] if report.one_copy else identity.audience
        return export_refusal(identity, report.id, audience)

    def _audiences(self, report_id: str) -> list[tuple[str, str]]:
        """An adviser chooses the copy (never the adviser's own, which holds confidential
        material); everyone else gets their own role's copy only; a one-copy report none."""
        report, identity = REPORTS[report_id], self.psr.identity
        if report.one_copy:
            return []
        codes = [c for c in report.audiences if c != ADVISER]
        if identity.role != ADVISER:
            codes = [c for c in codes if c == identity.audience]
        return [(code, audience_label(code)) for code in codes]

    def _export(self, report_id: str, review_point_id: str | None = None) -> None:
        case = self.case
        if case is None:
            return
        report = REPORTS[report_id]
        offered = self._audiences(report_id)
        first = offered[0][0] if offered else report.audiences[0]
        rp = case.plan.review_point(review_point_id) if case.plan and review_point_id else None
        title = report.title + (f", {rp.title}" if rp else "")

        def write(answer: tuple[Path, str] | None) -> None:
            if answer is None:
                return
            path, audience = answer
            request = ReportRequest(case, audience or first, self.psr.vocab, self.psr.today(),
                                    review_point_id)
            try:
                text = document_text(report.render(request), format_of(str(path)))
                write_document(path, text)
            except (DocumentNotWritten, ReportUnavailable) as exc:
                self.notify(f"Not written: {exc}", severity="error")
                return
            self.notify(f"Written to {path.resolve()}", title=report.title)

        default = proposed_path(report.filename(case.id, first, review_point_id))
        self.app.push_screen(ExportPathDialog(title, default, offered), write)

    def action_export_report(self) -> None:
        rp = self._selected()
        if rp is not None:
            self._export("progress", rp.id)

    def action_export_summary(self) -> None:
        self._export("progress")

    def action_export_sheet(self) -> None:
        rp = self._selected()
        if rp is not None:
            self._export("review-sheet", rp.id)
