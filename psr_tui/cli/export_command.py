"""`psr-tui export`: a report from the register (export/reports.py), as Markdown or one
printable HTML page, at most at the acting role's audience; stdout unless -o."""

from __future__ import annotations

import argparse

from ..domain.access import READ, Identity, export_refusal, require
from ..domain.case import Case
from ..domain.vocabulary import default_vocabularies
from ..export.reports import REPORTS, Report, ReportRequest, ReportUnavailable, document_text
from ..store import CaseNotFound
from .commands import acting, open_store, today, write_output
from .parser import LATEST_RECORDED
from .usage import UsageError


def audience_for(args: argparse.Namespace, report: Report) -> str:
    """The copy asked for; not given: the report's one copy, else the organisation's for
    advisers (as always), else the role's own, so `ssh psr@host export X` works for
    everyone entitled to a copy."""
    identity = acting(args)
    if args.audience:
        if args.audience not in report.audiences:
            raise UsageError(f"the {report.id} report is made for one copy only "
                             f"(--audience {report.audiences[0]})")
        return str(args.audience)
    if report.one_copy:
        return report.audiences[0]
    return "organisation" if identity.sees_confidential else identity.audience


def _policy_audience(identity: Identity, report: Report, audience: str) -> str:
    # A one-copy report is already made safe for everyone entitled to produce it: the
    # policy is asked about the role's own copy.
    return identity.audience if report.one_copy else audience


def cmd_export(args: argparse.Namespace) -> int:
    identity = acting(args)
    require(identity, READ)
    report = REPORTS[args.report]
    audience = audience_for(args, report)
    if refusal := export_refusal(identity, report.id, _policy_audience(identity, report,
                                                                        audience)):
        raise UsageError(refusal)
    store = open_store(args, create=False)
    try:
        case = store.get(args.case_id)  # out of scope: not found, as if it did not exist
    except CaseNotFound as exc:
        raise UsageError(str(exc)) from exc
    request = ReportRequest(case, audience, default_vocabularies(), today(),
                            _review_point(case, args))
    try:
        rendered = report.render(request)
    except ReportUnavailable as exc:
        raise UsageError(str(exc)) from exc
    write_output(document_text(rendered, args.format), getattr(args, "output", None))
    return 0


def _review_point(case: Case, args: argparse.Namespace) -> str | None:
    """--review-point ID as given; bare: the latest recorded for a progress report (the
    meeting sheet takes the next to hold, its default); not given: None."""
    rp_id: str | None = args.review_point
    if rp_id != LATEST_RECORDED:
        return rp_id
    if args.report != "progress" or case.plan is None:
        return None
    from ..domain.review import latest_recorded  # imported on use: start-up time

    latest = latest_recorded(case.plan)
    if latest is None:
        raise UsageError(f"case {case.id} has no review point recorded yet")
    return latest.id
