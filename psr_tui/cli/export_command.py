"""`psr-tui export`: a plan or report as Markdown, at most at the acting role's audience."""

from __future__ import annotations

import argparse
from datetime import date
from types import ModuleType

from ..domain.access import READ, export_refusal, require
from ..domain.case import Case
from ..domain.vocabulary import Vocabularies, default_vocabularies
from ..store import CaseNotFound
from .commands import acting, open_store, today, write_output
from .parser import LATEST_RECORDED
from .usage import UsageError


def audience_for(args: argparse.Namespace) -> str:
    """The copy asked for; not given: the organisation's for advisers (as always), else
    the role's own, so `ssh psr@host export X` works for everyone entitled to a copy."""
    identity = acting(args)
    if args.audience:
        return str(args.audience)
    return "organisation" if identity.sees_confidential else identity.audience


def cmd_export(args: argparse.Namespace) -> int:
    from .. import export

    identity = acting(args)
    require(identity, READ)
    audience = audience_for(args)
    if refusal := export_refusal(identity, args.report, audience):
        raise UsageError(refusal)
    store = open_store(args, create=False)
    try:
        case = store.get(args.case_id)  # out of scope: not found, as if it did not exist
    except CaseNotFound as exc:
        raise UsageError(str(exc)) from exc
    text = _render(case, args, audience, default_vocabularies(), today(), export)
    write_output(text, getattr(args, "output", None))
    return 0


def _render(case: Case, args: argparse.Namespace, audience: str, vocab: Vocabularies,
            now: date, export: ModuleType) -> str:
    if args.report != "supervisor-sheet" and case.plan is None and args.report != "plan":
        raise UsageError(f"case {case.id} has no plan yet")
    if args.report == "plan":
        if case.plan is None:
            raise UsageError(f"case {case.id} has no plan yet (state: {case.state})")
        return str(export.plan_markdown(case, audience, vocab, now))
    if case.plan is None:
        raise UsageError(f"case {case.id} has no plan yet")
    if args.report == "supervisor-sheet":
        return str(export.supervisor_information_markdown(case, vocab))
    if args.report == "supervisor-report":
        return str(export.educational_supervisor_report_markdown(case, audience, vocab, now))
    rp_id = args.review_point
    if rp_id == LATEST_RECORDED:  # --review-point without an ID
        if args.report == "progress":
            from ..domain.review import latest_recorded  # imported on use: start-up time

            latest = latest_recorded(case.plan)
            if latest is None:
                raise UsageError(f"case {case.id} has no review point recorded yet")
            rp_id = latest.id
        else:
            rp_id = None  # the meeting sheet is for the next review to hold
    if rp_id and case.plan.review_point(rp_id) is None:
        raise UsageError(f"case {case.id} has no review point {rp_id!r}")
    if args.report == "progress":
        if rp_id:
            return str(export.progress_report_markdown(case, rp_id, audience, vocab, now))
        return str(export.progress_summary_markdown(case, audience, vocab, now))
    if not rp_id:
        from ..domain.review import open_review_points  # imported on use: start-up time

        pending = open_review_points(case.plan)  # soonest first, as the app lists them
        if not pending:
            raise UsageError(f"case {case.id} has no review point left to hold")
        rp_id = pending[0].id
    return str(export.review_meeting_sheet_markdown(case, rp_id, vocab, now))
