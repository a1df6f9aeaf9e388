"""Where a case opens, and how a new one starts: one answer for home's Enter and n, the
welcome screen's n and the command palette's case finder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from ...domain.access import INTAKE, PLAN_EDIT, Identity, may
from ...store.errors import StoreError

if TYPE_CHECKING:  # the models when a case is opened, not at home's start-up
    from ...app import PsrApp
    from ...domain.case import Case

INTAKE_STATES = frozenset({"request", "further_information", "accepted", "declined"})


def edits_case(case: Case, identity: Identity) -> bool:
    """Whether opening the case edits it (intake, plan builder): advisers only; everyone
    else reads the plan's progress and acts there as their role allows."""
    operation = INTAKE if case.plan is None or case.state in INTAKE_STATES else PLAN_EDIT
    return may(identity, operation, case)


def screen_for_case(case: Case, identity: Identity) -> Screen[None]:
    """The screen a case opens on for this identity."""
    from ...domain.lifecycle import CLOSED_STATES

    if not edits_case(case, identity) or (case.plan is not None
                                          and case.state in CLOSED_STATES):
        # Read-only progress for other roles; and a finished plan opens as what it is (its
        # summary and exports), not in the builder offering a new version of it.
        from .plan_progress import PlanProgressScreen

        return PlanProgressScreen(case.id)
    if case.plan is None or case.state in INTAKE_STATES:
        from .intake import IntakeScreen

        return IntakeScreen(case.id)
    from .plan_builder import PlanBuilderScreen

    return PlanBuilderScreen(case.id)


def open_case(app: PsrApp, case_id: str) -> bool:
    """Open the case where it opens for the acting identity; False (said in a
    notification) when the store cannot give it, or it is outside the identity's scope."""
    try:
        case = app.store.get(case_id)
    except StoreError as exc:
        app.notify(str(exc), severity="error", timeout=10)
        return False
    app.push_screen(screen_for_case(case, app.identity))
    return True


def start_new_request(app: PsrApp) -> str | None:
    """A new case, received today, opened on its intake: its id, or None when the store
    refused it (said in a notification; nothing was written)."""
    from ...domain.case import Case
    from ..saving import Refusal, create_case

    case = Case()
    case.request.received_on = app.today()
    created = create_case(app, case, "new request received")
    if isinstance(created, Refusal):
        app.notify(created.message, title="Not created", severity="error", timeout=10)
        return None
    from .intake import IntakeScreen

    app.push_screen(IntakeScreen(created.id))
    return created.id
