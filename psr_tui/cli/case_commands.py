"""`psr-tui resume CASE --advice TEXT`, `psr-tui withdraw CASE --reason TEXT`, and
`psr-tui withhold` / `psr-tui release` (the plan withheld from the practitioner, 000 7.1).

The way on for a paused plan and the way out for a case, from a script or a shell: the
same domain rules (lifecycle.resume / lifecycle.withdraw) and the same store action as
plan progress's `g` and `w`, run through the store as the acting identity, so the access
policy (CASE_MANAGE) and the audit trail apply exactly as in the app.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..domain.access import operation_of, require
from ..domain.case import Case
from ..domain.lifecycle import resume, withdraw
from ..domain.safe_text import refusal, visible
from ..domain.vocabulary import default_vocabularies
from ..domain.withholding import (
    RELEASE_SUMMARY,
    decide_withholding,
    decision_summary,
    release_plan,
)
from ..store import CaseNotFound
from .commands import acting, open_store, today
from .usage import UsageError


def _change_case(args: argparse.Namespace, change: Callable[[Case], object], action: str,
                 summary: str) -> Case:
    identity = acting(args)
    require(identity, operation_of(action))
    store = open_store(args, create=False)
    try:
        store.get_brief(args.case_id)  # out of scope: not found, its existence not told
        return store.update(args.case_id, change, action, summary)
    except CaseNotFound as exc:
        raise UsageError(str(exc)) from exc


def _text(label: str, text: str) -> str:
    problem = refusal(label, text)
    if problem:
        raise UsageError(problem)
    return text.strip()


def _state(case: Case) -> str:
    return default_vocabularies()["lifecycle_states"].label(case.state)


def cmd_resume(args: argparse.Namespace) -> int:
    advice, when, user = _text("--advice", args.advice), today(), acting(args).name
    case = _change_case(
        args, lambda c: resume(c, when, advice=advice, user=user), "plan.resume",
        f"plan resumed on advice: {advice}")
    print(visible(f"{case.id}: resumed on the advice received; now {_state(case)}"))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    reason, when, user = _text("--reason", args.reason), today(), acting(args).name
    case = _change_case(
        args, lambda c: withdraw(c, reason, user, when), "case.withdraw",
        f"case withdrawn: {reason}")
    print(visible(f"{case.id}: withdrawn ({when.isoformat()}); now {_state(case)}"))
    return 0


def cmd_withhold(args: argparse.Namespace) -> int:
    """Record PSR's decision on an organisation's request to withhold the plan."""
    reasons = _text("--reason", args.reason)
    asked_by = _text("--requested-by", args.requested_by)
    not_told = _text("--not-told", args.not_told or "")
    when, user, withhold = today(), acting(args).name, not args.refuse
    case = _change_case(
        args, lambda c: decide_withholding(
            c, withhold=withhold, requested_by=asked_by, reasons=reasons, user=user,
            today=when, practitioner_told=not not_told, not_told_reason=not_told),
        "plan.withhold", decision_summary(withhold, reasons))
    what = "withheld from the practitioner" if withhold else "not withheld (request refused)"
    print(visible(f"{case.id}: plan {what}; letters: psr-tui export {case.id} "
                  "--report withholding-letter"))
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    when, user = today(), acting(args).name
    case = _change_case(args, lambda c: release_plan(c, user=user, today=when),
                        "plan.release", RELEASE_SUMMARY)
    print(visible(f"{case.id}: plan released to the practitioner ({when.isoformat()})"))
    return 0
