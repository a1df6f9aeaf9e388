"""The register of reports: every document psr-tui can export, declared once.

The CLI's `--report` choices and its rendering (cli/export_command.py), the app's export
dialogs (plan builder, plan progress) and their F1 help all read this table; a new report
is one entry here (and its id in access.REPORTS_OF_ROLE for the roles that may produce it).

Light on purpose: the CLI's grammar imports it before anything heavy loads, so each
renderer imports its document module when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain.audiences import ADVISER, ORGANISATION, PRACTITIONER

if TYPE_CHECKING:
    from ..domain.case import Case
    from ..domain.plan import Plan
    from ..domain.vocabulary import Vocabularies


class ReportUnavailable(ValueError):
    """The case cannot give this report (no plan yet, no such review point); str() is one
    line for the user."""


@dataclass(frozen=True)
class ReportRequest:
    case: Case
    audience: str
    vocab: Vocabularies
    today: date
    review_point_id: str | None = None


@dataclass(frozen=True)
class RenderedReport:
    """A document ready to write: its Markdown and what an HTML page says around it."""

    markdown: str
    title: str  # neutral: the report and the case id, never a name (browser tabs, history)
    audience: str  # whose copy it is, shown on every printed page
    draft: bool  # a plan not yet signed by both parties: watermarked DRAFT


# Whether a case can give a report's copy, from the case alone (nothing is rendered):
# raises ReportUnavailable, in words, when it cannot. Each renderer runs its own check
# first, so offering and writing follow the one rule.
Check = Callable[["Case", str, "str | None"], object]


@dataclass(frozen=True)
class Report:
    id: str
    title: str
    # The copies it may be produced for, the default first. One entry: the same document
    # for every reader entitled to it (made safe for that audience), so no choice is offered.
    audiences: tuple[str, ...]
    takes_review_point: bool  # about one review point when given one (see `about`)
    about: str  # one line for --help and F1
    render: Callable[[ReportRequest], RenderedReport]
    check: Check

    @property
    def one_copy(self) -> bool:
        return len(self.audiences) == 1

    def unavailable(self, case: Case, audience: str, review_point_id: str | None = None) -> str:
        """Why `case` cannot give `audience`'s copy ('' when it can), without rendering it:
        the export dialog offers only what the case can give and renders the chosen one."""
        try:
            self.check(case, audience, review_point_id)
        except ReportUnavailable as exc:
            return str(exc)
        return ""

    def filename(self, case_id: str, audience: str, review_point_id: str | None = None,
                 suffix: str = ".md") -> str:
        """The file name an export dialog proposes: ids only, no names."""
        parts = [self.id, case_id]
        if review_point_id:
            parts.append(review_point_id)
        if not self.one_copy:
            parts.append(audience)
        return "-".join(parts) + suffix


def _refuse(reason: str) -> None:
    if reason:
        raise ReportUnavailable(reason)


def _any_plan(case: Case, audience: str = "", review_point_id: str | None = None) -> Plan:
    """The plan, whoever the copy is for."""
    if case.plan is None:
        raise ReportUnavailable(f"case {case.id} has no plan yet (state: {case.state})")
    return case.plan


def _plan_for(case: Case, audience: str, review_point_id: str | None = None) -> Plan:
    """The plan, unless this copy is the practitioner's and the plan is withheld from them
    (000 7.1 note): then no copy of it, or of any report built on it, is made."""
    from ..domain.withholding import is_withheld

    if audience == PRACTITIONER and is_withheld(case):
        raise ReportUnavailable(f"case {case.id}: the plan is withheld from the practitioner "
                                "(see the withholding letter); no practitioner's copy")
    return _any_plan(case)


def _point_plan(case: Case, audience: str, review_point_id: str | None) -> Plan:
    """The plan, holding the review point the report is about when one is given."""
    plan = _plan_for(case, audience)
    if review_point_id and plan.review_point(review_point_id) is None:
        raise ReportUnavailable(f"case {case.id} has no review point {review_point_id!r}")
    return plan


def _sheet_point(case: Case, audience: str, review_point_id: str | None) -> str:
    """The review point a meeting sheet is for: the one given, else the next to hold."""
    plan = _point_plan(case, audience, review_point_id)
    if review_point_id:
        return review_point_id
    from ..domain.review import open_review_points

    pending = open_review_points(plan)  # soonest first, as the app lists them
    if not pending:
        raise ReportUnavailable(f"case {case.id} has no review point left to hold")
    return pending[0].id


def _decision_letter_given(case: Case, audience: str, review_point_id: str | None) -> None:
    from .decision_letter import decision_letter_refusal

    _refuse(decision_letter_refusal(case))


def _withholding_letter_given(case: Case, audience: str, review_point_id: str | None) -> None:
    from .withholding_letter import withholding_letter_refusal

    _refuse(withholding_letter_refusal(case, audience))


def _render_plan(r: ReportRequest) -> RenderedReport:
    from .plan_document import plan_markdown
    from .sections import is_draft

    plan = _plan_for(r.case, r.audience)
    return RenderedReport(plan_markdown(r.case, r.audience, r.vocab, r.today),
                          f"Action plan, case {r.case.id}", r.audience, is_draft(plan))


def _render_progress(r: ReportRequest) -> RenderedReport:
    from .progress_report import progress_report_markdown, progress_summary_markdown

    _point_plan(r.case, r.audience, r.review_point_id)
    if r.review_point_id:
        text = progress_report_markdown(r.case, r.review_point_id, r.audience, r.vocab, r.today)
        return RenderedReport(text, f"Progress report, case {r.case.id}", r.audience, False)
    text = progress_summary_markdown(r.case, r.audience, r.vocab, r.today)
    return RenderedReport(text, f"Progress summary, case {r.case.id}", r.audience, False)


def _render_review_sheet(r: ReportRequest) -> RenderedReport:
    from .review_sheet import SHEET_AUDIENCE, review_meeting_sheet_markdown

    rp_id = _sheet_point(r.case, r.audience, r.review_point_id)
    text = review_meeting_sheet_markdown(r.case, rp_id, r.vocab, r.today)
    return RenderedReport(text, f"Review meeting sheet, case {r.case.id}", SHEET_AUDIENCE,
                          False)


def _render_supervisor_sheet(r: ReportRequest) -> RenderedReport:
    from .supervisor_sheet import SHEET_AUDIENCE, supervisor_information_markdown

    _plan_for(r.case, r.audience)
    text = supervisor_information_markdown(r.case, r.vocab)
    return RenderedReport(text, f"Supervisor information sheet, case {r.case.id}",
                          SHEET_AUDIENCE, False)


def _render_supervisor_report(r: ReportRequest) -> RenderedReport:
    from .supervisor_report import educational_supervisor_report_markdown

    _any_plan(r.case)
    text = educational_supervisor_report_markdown(r.case, r.audience, r.vocab, r.today)
    return RenderedReport(text, f"Educational supervisor's report, case {r.case.id}",
                          r.audience, False)


def _render_decision_letter(r: ReportRequest) -> RenderedReport:
    from .decision_letter import LETTER_AUDIENCE, decision_letter_markdown

    _decision_letter_given(r.case, r.audience, r.review_point_id)
    text = decision_letter_markdown(r.case, r.vocab, r.today)
    return RenderedReport(text, f"Decision letter, case {r.case.id}", LETTER_AUDIENCE, False)


def _render_withholding_letter(r: ReportRequest) -> RenderedReport:
    from .withholding_letter import withholding_letter_markdown

    _withholding_letter_given(r.case, r.audience, r.review_point_id)
    text = withholding_letter_markdown(r.case, r.audience, r.today)
    return RenderedReport(text, f"Withholding decision, case {r.case.id}", r.audience, False)


REPORTS: dict[str, Report] = {report.id: report for report in (
    Report("plan", "Action plan", (ORGANISATION, PRACTITIONER, ADVISER), False,
           "the plan (marked DRAFT until both parties have signed)", _render_plan, _plan_for),
    Report("progress", "Progress report", (ORGANISATION, PRACTITIONER, ADVISER), True,
           "a review point's progress report; without --review-point, the summary",
           _render_progress, _point_plan),
    Report("review-sheet", "Review meeting sheet", (PRACTITIONER,), True,
           "the sheet for a review meeting (the next to hold unless one is given)",
           _render_review_sheet, _sheet_point),
    Report("supervisor-sheet", "Supervisor information sheet", (ORGANISATION,), False,
           "what a supervisor needs to know about the plan", _render_supervisor_sheet,
           _plan_for),
    Report("supervisor-report", "Educational supervisor's report", (ORGANISATION, ADVISER),
           False, "the educational supervisor's report to the responsible director: each "
           "objective across the reviews", _render_supervisor_report, _any_plan),
    Report("decision-letter", "Decision letter", (ORGANISATION,), False,
           "to the organisation: a request declined or needing more information, and why",
           _render_decision_letter, _decision_letter_given),
    Report("withholding-letter", "Withholding decision letter",
           (ORGANISATION, PRACTITIONER, ADVISER), False,
           "the decision on withholding the plan from the practitioner, and its reasons",
           _render_withholding_letter, _withholding_letter_given),
)}
REPORT_IDS: tuple[str, ...] = tuple(REPORTS)


def render_report(report_id: str, request: ReportRequest) -> RenderedReport:
    """The report's document for the request; ReportUnavailable when the case cannot
    give it."""
    return REPORTS[report_id].render(request)


FORMATS: dict[str, str] = {"markdown": ".md", "html": ".html"}  # format -> file suffix


def format_of(path: str) -> str:
    """The format a file name asks for: .html/.htm is the printable page, else Markdown."""
    return "html" if path.lower().endswith((".html", ".htm")) else "markdown"


def document_text(report: RenderedReport, fmt: str) -> str:
    """The document in `fmt` (a key of FORMATS): the Markdown, or one HTML page."""
    if fmt == "html":
        from .html_page import html_page  # markdown-it loads only when a page is made

        return html_page(report)
    return report.markdown
