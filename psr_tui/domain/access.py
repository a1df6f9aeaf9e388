"""Who may see and do what: the one access policy, applied below the screens.

The store asks this module before it hands out a case (scope, then redaction to the
role's audience) and before it runs a change (the action's operation); the CLI asks it
for every command and export. Screens only ask it what to offer, never to enforce.

Permissions live in code, not in data/: a vocabulary edit must never widen access.
Its two parts have their own modules: roles.py (the roles and the acting Identity) and
case_scope.py (which cases an identity holds); their names are importable from here too,
as the policy's callers have always imported them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .case_scope import SUPERVISING_PLAN_ROLES as SUPERVISING_PLAN_ROLES
from .case_scope import RoleLinkLike as RoleLinkLike
from .case_scope import ScopedCase, holds, in_scope, same_user
from .case_scope import supervises as supervises
from .case_scope import supervising_users as supervising_users
from .errors import RuleError
from .roles import (
    ADVISER,
    ANALYST,
    ORGANISATION_LEAD,
    PRACTITIONER,
    RESPONSIBLE_OFFICER,
    ROLE_LABELS,
    SUPERVISOR,
    Identity,
)
from .roles import AUDIENCE_OF_ROLE as AUDIENCE_OF_ROLE
from .roles import ROLES as ROLES

# Operations on a case. Store actions (the `action` of CaseStore.update) map onto them.
READ = "case.read"
CREATE = "case.create"
INTAKE = "intake.edit"
PLAN_EDIT = "plan.edit"
SIGN_ORGANISATION = "plan.sign.organisation"
SIGN_PRACTITIONER = "plan.sign.practitioner"
REVIEW_RECORD = "review.record"
# Correcting a recorded outcome: its recorder or an adviser (domain/outcome_correction.py
# checks who recorded it; see `may_correct_outcome`).
OUTCOME_CORRECT = "review.correct"
AMENDMENT_PROPOSE = "amendment.propose"
AMENDMENT_AGREE = "amendment.agree"
COMPLETION_SIGN_OFF = "completion.sign_off"
CASE_MANAGE = "case.manage"  # pause, resume, withdraw
CONDITION_LIFT = "condition.lift"  # record that a condition on practice was lifted
AUDIT_READ = "case.audit"
# Another user's reminders and calendar (`due --for`, `calendar --for`): advisers, who
# allocate the work, and the administrator.
OTHERS_REMINDERS = "reminders.others"

# Aggregate figures over the cases in scope (no case detail): every role that reads cases,
# and the analyst, who reads nothing else.
INSIGHTS = "insights.read"
# Operations on the database as a whole (no case): the administrator's.
DUMP = "database.dump"
IMPORT = "database.import"
CHECK = "database.check"
DEMO = "database.demo"
USER_ADMIN = "users.admin"
# Erasing archived cases past retention (psr-tui purge): irreversible, so the
# administrator's alone, never an adviser's (domain/archive.py, store/purge.py).
PURGE = "database.purge"
ADMIN_OPERATIONS = frozenset({DUMP, IMPORT, CHECK, DEMO, USER_ADMIN, PURGE})

_ORG_SIDE = frozenset({
    READ, SIGN_ORGANISATION, AMENDMENT_PROPOSE, AMENDMENT_AGREE, AUDIT_READ, INSIGHTS,
    CONDITION_LIFT,
})
PERMISSIONS: dict[str, frozenset[str]] = {
    ADVISER: frozenset({
        READ, CREATE, INTAKE, PLAN_EDIT, SIGN_ORGANISATION, SIGN_PRACTITIONER, REVIEW_RECORD,
        OUTCOME_CORRECT, AMENDMENT_PROPOSE, AMENDMENT_AGREE, COMPLETION_SIGN_OFF, CASE_MANAGE,
        AUDIT_READ, OTHERS_REMINDERS, INSIGHTS, CONDITION_LIFT,
    }),
    SUPERVISOR: frozenset({READ, REVIEW_RECORD, OUTCOME_CORRECT, AMENDMENT_PROPOSE, INSIGHTS}),
    ORGANISATION_LEAD: _ORG_SIDE,
    RESPONSIBLE_OFFICER: _ORG_SIDE | {COMPLETION_SIGN_OFF},
    PRACTITIONER: frozenset({READ, SIGN_PRACTITIONER, AMENDMENT_AGREE, INSIGHTS}),
    ANALYST: frozenset({INSIGHTS}),
}

# The documents each role may produce (at its own audience; advisers at any).
# The decision letter is the organisation's (000 4.5): not a supervisor's, who is named
# only once there is a plan.
REPORTS_OF_ROLE: dict[str, frozenset[str]] = {
    ADVISER: frozenset({"plan", "progress", "review-sheet", "supervisor-sheet",
                        "supervisor-report", "decision-letter", "withholding-letter"}),
    SUPERVISOR: frozenset({"plan", "progress", "review-sheet", "supervisor-sheet",
                           "supervisor-report"}),
    ORGANISATION_LEAD: frozenset({"plan", "progress", "review-sheet", "supervisor-sheet",
                                  "supervisor-report", "decision-letter", "withholding-letter"}),
    RESPONSIBLE_OFFICER: frozenset({"plan", "progress", "review-sheet", "supervisor-sheet",
                                    "supervisor-report", "decision-letter",
                                    "withholding-letter"}),
    PRACTITIONER: frozenset({"plan", "progress", "withholding-letter"}),
    ANALYST: frozenset(),
}

_ACTION_PREFIXES: tuple[tuple[str, str], ...] = (
    # Most specific first: "plan.sign.organisation" before "plan.".
    ("plan.sign.organisation", SIGN_ORGANISATION),
    ("plan.sign.practitioner", SIGN_PRACTITIONER),
    ("plan.pause", CASE_MANAGE),
    ("plan.resume", CASE_MANAGE),
    ("case.withdraw", CASE_MANAGE),
    ("withdraw", CASE_MANAGE),
    ("review.correct", OUTCOME_CORRECT),
    ("review.", REVIEW_RECORD),
    ("condition.lift", CONDITION_LIFT),
    ("amendment.propose", AMENDMENT_PROPOSE),
    ("amendment.withdraw", AMENDMENT_PROPOSE),
    ("amendment.agree", AMENDMENT_AGREE),
    ("completion.", COMPLETION_SIGN_OFF),
    ("create", CREATE),
    ("plan.", PLAN_EDIT),
    ("plan", PLAN_EDIT),
    ("start_plan", PLAN_EDIT),
    ("intake", INTAKE),
    ("decision", INTAKE),
    ("discussion", INTAKE),
)


class AccessRefused(RuleError):
    """An operation this identity may not perform (or a case outside its scope)."""


def operation_of(action: str) -> str:
    """The operation a store action performs; unknown actions count as plan edits
    (advisers only), so a new action is closed until it is named here."""
    for prefix, operation in _ACTION_PREFIXES:
        if action == prefix or action.startswith(prefix):
            return operation
    return PLAN_EDIT


def in_insights(identity: Identity, organisation: str, practitioner_user: str,
                supervisor_users: Iterable[str]) -> bool:
    """Whether a plan (by its scope keys, see domain/plan_facts.py) counts in this
    identity's insights: the cases it may read; an analyst, who reads none, counts every
    plan, or its organisation's when its user record names one."""
    if identity.role == ANALYST:
        return not identity.organisation.strip() or same_user(organisation, identity.organisation)
    return may(identity, INSIGHTS) and holds(identity, organisation, practitioner_user,
                                             supervisor_users)


def may(identity: Identity, operation: str, case: ScopedCase | None = None) -> bool:
    """Whether `identity` may perform `operation` (on `case`, when it is about one)."""
    if operation in ADMIN_OPERATIONS:
        return identity.admin
    if operation == OTHERS_REMINDERS and identity.admin:
        return True
    if operation not in PERMISSIONS.get(identity.role, frozenset()):
        return False
    return case is None or in_scope(identity, case)


def may_correct_outcome(identity: Identity, recorded_by: str,
                        case: ScopedCase | None = None) -> bool:
    """Whether `identity` may correct an outcome `recorded_by` recorded: an adviser any,
    anyone else with the operation only their own."""
    if not may(identity, OUTCOME_CORRECT, case):
        return False
    return identity.role == ADVISER or same_user(recorded_by, identity.name)


def require(identity: Identity, operation: str, case: ScopedCase | None = None) -> None:
    """Raise AccessRefused, in words, unless `may`."""
    if may(identity, operation, case):
        return
    who = f"{identity.name} ({ROLE_LABELS.get(identity.role, identity.role)})"
    if case is not None and operation in PERMISSIONS.get(identity.role, frozenset()):
        raise AccessRefused(f"case {case.id} is not one of {who}'s cases")
    raise AccessRefused(f"{who} may not {_WORDS.get(operation, operation)}")


def export_refusal(identity: Identity, report: str, audience: str) -> str:
    """Why `identity` may not produce `report` for `audience`; '' when it may."""
    if report not in REPORTS_OF_ROLE.get(identity.role, frozenset()):
        return f"{identity.name} may not export the {report} report"
    if identity.role != ADVISER and audience != identity.audience:
        return (f"{identity.name} may export only the {identity.audience}'s copy "
                f"(--audience {identity.audience})")
    return ""


_WORDS = {
    READ: "read cases",
    CREATE: "open a new case",
    INTAKE: "edit the request, decision or discussions",
    PLAN_EDIT: "edit the plan",
    SIGN_ORGANISATION: "sign for the organisation",
    SIGN_PRACTITIONER: "sign for the practitioner",
    REVIEW_RECORD: "record review outcomes",
    OUTCOME_CORRECT: "correct review outcomes",
    AMENDMENT_PROPOSE: "propose amendments",
    AMENDMENT_AGREE: "agree amendments",
    COMPLETION_SIGN_OFF: "sign off completion",
    CASE_MANAGE: "pause, resume or withdraw a case",
    CONDITION_LIFT: "record that a condition was lifted",
    AUDIT_READ: "read the audit trail",
    OTHERS_REMINDERS: "see another user's reminders (advisers and the administrator)",
    INSIGHTS: "see insights",
    DUMP: "dump the database (administrators only)",
    IMPORT: "import into the database (administrators only)",
    CHECK: "check the database (administrators only)",
    DEMO: "write demo data (administrators only)",
    USER_ADMIN: "manage users (administrators only)",
    PURGE: "purge cases past retention (administrators only)",
}
