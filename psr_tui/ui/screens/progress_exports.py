"""Exports from the app's screens through the one register (export/reports.py): the export
dialog (file and copy), each report only for a role that may produce it (access.
export_refusal) and only at that role's own audience. Plan progress offers the progress
report, the summary, the review-meeting sheet and the withholding letter; the archive
offers a declined request's decision letter with the same `offer_export`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...domain.access import ADVISER, Identity, export_refusal
from ...domain.audiences import audience_label
from ...domain.case import Case
from ...export.files import DocumentNotWritten, proposed_path, write_document
from ...export.reports import REPORTS, ReportRequest, ReportUnavailable, document_text, format_of
from ..dialogs.export_path import ExportPathDialog
from ..wording import in_markup
from .base import PsrScreen

if TYPE_CHECKING:
    from ...domain.plan import ReviewPoint

# The report each export action produces (access.export_refusal decides who may).
EXPORT_REPORTS = {"export_report": "progress", "export_summary": "progress",
                  "export_sheet": "review-sheet",
                  "export_withholding_letter": "withholding-letter"}


def report_refusal(identity: Identity, report_id: str) -> str:
    """Why `identity` may not produce the report at all ('' when it may): at the one copy
    a one-copy report has, else at the identity's own audience."""
    report = REPORTS[report_id]
    audience = report.audiences[0] if report.one_copy else identity.audience
    return export_refusal(identity, report.id, audience)


def report_audiences(identity: Identity, report_id: str) -> list[tuple[str, str]]:
    """An adviser chooses the copy (never the adviser's own, which holds confidential
    material); everyone else gets their own role's copy only; a one-copy report none."""
    report = REPORTS[report_id]
    if report.one_copy:
        return []
    codes = [c for c in report.audiences if c != ADVISER]
    if identity.role != ADVISER:
        codes = [c for c in codes if c == identity.audience]
    return [(code, audience_label(code)) for code in codes]


def offer_export(screen: PsrScreen, case: Case, report_id: str,
                 review_point_id: str | None = None) -> None:
    """Ask where to write the report (and for whom), then write it from the register; a
    refusal or a failed write is one notice, nothing half-written."""
    psr = screen.psr
    refused = report_refusal(psr.identity, report_id)
    if refused:
        screen.notify(in_markup(refused), title="Not exported", severity="warning")
        return
    report = REPORTS[report_id]
    offered = report_audiences(psr.identity, report_id)
    first = offered[0][0] if offered else report.audiences[0]
    rp = case.plan.review_point(review_point_id) if case.plan and review_point_id else None
    title = report.title + (f", {rp.title}" if rp else "")

    def write(answer: tuple[Path, str] | None) -> None:
        if answer is None:
            return
        path, audience = answer
        request = ReportRequest(case, audience or first, psr.vocab, psr.today(),
                                review_point_id)
        try:
            text = document_text(report.render(request), format_of(str(path)))
            write_document(path, text)
        except (DocumentNotWritten, ReportUnavailable) as exc:
            screen.notify(f"Not written: {in_markup(str(exc))}", severity="error")
            return
        screen.notify(f"Written to {in_markup(str(path.resolve()))}", title=report.title)

    default = proposed_path(report.filename(case.id, first, review_point_id))
    screen.app.push_screen(ExportPathDialog(title, default, offered), write)


class ProgressExports(PsrScreen):
    """PlanProgressScreen's base: it holds the case and the selected review point."""

    if TYPE_CHECKING:
        case: Case | None
        case_id: str

        def _selected(self) -> ReviewPoint | None: ...

    def _export_refusal(self, action: str) -> str:
        return report_refusal(self.psr.identity, EXPORT_REPORTS[action])

    def _export(self, report_id: str, review_point_id: str | None = None) -> None:
        if self.case is not None:
            offer_export(self, self.case, report_id, review_point_id)

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

    def action_export_withholding_letter(self) -> None:
        if self.case is not None and self.case.withholding is not None:
            self._export("withholding-letter")
