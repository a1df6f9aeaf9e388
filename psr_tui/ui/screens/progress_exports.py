"""Exports from the app's screens through the one register (export/reports.py) and the
one export dialog (dialogs/export_form.ExportDialog: report, copy, format, file): each
report only for a role that may produce it (access.export_refusal), only at that role's
own audience, and only when the case can give it. Plan progress, the plan builder and the
archive all call `offer_export`, each with the report its key asks for chosen first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.access import ADVISER, Identity, export_refusal
from ...domain.audiences import audience_label
from ...domain.case import Case
from ...export.files import proposed_path
from ...export.reports import REPORTS, RenderedReport, Report, ReportRequest
from ..dialogs.export_form import Exportable, ExportDialog
from .base import PsrScreen

if TYPE_CHECKING:
    from ...app import PsrApp
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


def _exportable(report: Report, case: Case, app: PsrApp,
                review_point_id: str | None) -> Exportable | None:
    """The report for this case as the dialog offers it; None when the case cannot give
    it (no plan, no decision, no withholding: the register's check says so, nothing is
    rendered until the dialog writes)."""
    offered = tuple(report_audiences(app.identity, report.id))
    rp = review_point_id if report.takes_review_point else None
    point = case.plan.review_point(rp) if rp and case.plan else None
    # A plan's copies carry its version in the name: each version is its own document.
    key = f"{case.id}-v{case.plan.version}" if report.id == "plan" and case.plan else case.id
    vocab, today = app.vocab, app.today()

    def audience_of(code: str) -> str:
        return code or (offered[0][0] if offered else report.audiences[0])

    def render(code: str) -> RenderedReport:  # only when written: once, the chosen copy
        return report.render(ReportRequest(case, audience_of(code), vocab, today, rp))

    def filename(code: str) -> str:
        return str(proposed_path(report.filename(key, audience_of(code), rp)))

    if report.unavailable(case, audience_of(""), rp):
        return None
    title = report.title + (f", {point.title}" if point is not None else "")
    return Exportable(report.id, title, offered, filename, render)


def case_exports(app: PsrApp, case: Case, review_point_id: str | None = None) -> list[Exportable]:
    """Every report of the register this identity may produce and this case can give."""
    found = []
    for report in REPORTS.values():
        if report_refusal(app.identity, report.id):
            continue
        item = _exportable(report, case, app, review_point_id)
        if item is not None:
            found.append(item)
    return found


def offer_export(screen: PsrScreen, case: Case, report_id: str,
                 review_point_id: str | None = None) -> None:
    """The export dialog on this case, `report_id` chosen; a refusal is one notice."""
    psr = screen.psr
    refused = report_refusal(psr.identity, report_id)
    if refused:
        screen.notify(refused, title="Not exported", severity="warning")
        return
    offered = case_exports(psr, case, review_point_id)
    if report_id not in {item.id for item in offered}:
        screen.notify(f"Case {case.id} cannot give the {REPORTS[report_id].title.lower()} "
                      "yet.", title="Not exported", severity="warning")
        return
    screen.app.push_screen(ExportDialog(f"case {case.id}", offered, report_id))


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
