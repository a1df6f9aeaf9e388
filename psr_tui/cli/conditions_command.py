"""`psr-tui lift-condition CASE CONDITION_ID --by CODE --on DATE --evidence TEXT`: record
that a condition was lifted, as the acting identity (access.CONDITION_LIFT, enforced by the
store; the rule is domain/conditions.lift_condition, as on the plan progress screen)."""

from __future__ import annotations

import argparse
from datetime import date

from ..domain.access import CONDITION_LIFT, require
from ..domain.case import Case
from ..domain.conditions import lift_condition
from ..domain.safe_text import visible
from ..domain.supervision import condition_name
from ..domain.vocabulary import default_vocabularies
from .commands import acting, open_store, today
from .usage import UsageError

ACTION = "condition.lift"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--on {text!r} is not a date (use YYYY-MM-DD)") from exc


def cmd_lift_condition(args: argparse.Namespace) -> int:
    identity = acting(args)
    lifted_on = _date(args.lifted_on)
    decided_by = args.decided_by or identity.display_name or identity.name
    store = open_store(args, create=False)
    vocab, day = default_vocabularies(), today()
    named: list[str] = []

    def change(case: Case) -> None:
        condition = lift_condition(
            case, args.condition_id, by=args.by, decided_by=decided_by, lifted_on=lifted_on,
            evidence=args.evidence, user=identity.name, today=day, vocab=vocab,
            sees_confidential=identity.sees_confidential)
        # The audit trail is read by the organisation too: a confidential one stays unnamed.
        named.append(condition_name(case, condition, vocab))

    # The summary names the condition, known only inside the change: a first dry run on
    # the copy this user may see (a refusal stops here, nothing written).
    seen = store.get(args.case_id)
    require(identity, CONDITION_LIFT, seen)  # refused before any rule speaks of the case
    change(seen.model_copy(deep=True))
    summary = f"lifted {named[0]} on {lifted_on.isoformat()} ({decided_by})"
    store.update(args.case_id, change, ACTION, summary)
    print(visible(f"{args.case_id}: {summary}"))
    return 0
