"""The access policy: every role against every operation, in and out of scope."""

from __future__ import annotations

import pytest
from case_builders import valid_case

from psr_tui.domain import access
from psr_tui.domain.access import (
    ADVISER,
    ANALYST,
    ORGANISATION_LEAD,
    PRACTITIONER,
    RESPONSIBLE_OFFICER,
    SUPERVISOR,
    AccessRefused,
    Identity,
    export_refusal,
    in_scope,
    may,
    operation_of,
    require,
)
from psr_tui.domain.case import Case

ORG = "Northshire NHS Trust"


def linked_case() -> Case:
    case = valid_case()
    case.request.organisation.name = ORG
    case.request.practitioner.user = "pat"
    assert case.plan is not None
    for role in case.plan.roles:
        if role.role == "clinical_supervisor":
            role.user, role.deputy_user = "jones", "green"
    return case


PEOPLE = {
    ADVISER: Identity("ada", ADVISER),
    SUPERVISOR: Identity("jones", SUPERVISOR),
    ORGANISATION_LEAD: Identity("olive", ORGANISATION_LEAD, organisation=ORG),
    RESPONSIBLE_OFFICER: Identity("rob", RESPONSIBLE_OFFICER, organisation=ORG.upper()),
    PRACTITIONER: Identity("pat", PRACTITIONER),
    ANALYST: Identity("ann", ANALYST),
}
CASE_OPERATIONS = (
    access.READ, access.CREATE, access.INTAKE, access.PLAN_EDIT, access.SIGN_ORGANISATION,
    access.SIGN_PRACTITIONER, access.REVIEW_RECORD, access.OUTCOME_CORRECT,
    access.AMENDMENT_PROPOSE,
    access.AMENDMENT_AGREE, access.COMPLETION_SIGN_OFF, access.CASE_MANAGE, access.AUDIT_READ,
    access.CONDITION_LIFT,
)
# The table of the issue: what each role may do on a case in its scope.
EXPECTED = {
    ADVISER: set(CASE_OPERATIONS),
    SUPERVISOR: {access.READ, access.REVIEW_RECORD, access.OUTCOME_CORRECT,
                 access.AMENDMENT_PROPOSE},
    # The organisation may lift its own local restriction (and record the regulator's).
    ORGANISATION_LEAD: {access.READ, access.SIGN_ORGANISATION, access.AMENDMENT_PROPOSE,
                        access.AMENDMENT_AGREE, access.AUDIT_READ, access.CONDITION_LIFT},
    RESPONSIBLE_OFFICER: {access.READ, access.SIGN_ORGANISATION, access.AMENDMENT_PROPOSE,
                          access.AMENDMENT_AGREE, access.AUDIT_READ,
                          access.COMPLETION_SIGN_OFF, access.CONDITION_LIFT},
    PRACTITIONER: {access.READ, access.SIGN_PRACTITIONER, access.AMENDMENT_AGREE},
    ANALYST: set(),
}


@pytest.mark.parametrize("role", list(PEOPLE))
@pytest.mark.parametrize("operation", CASE_OPERATIONS)
def test_every_role_against_every_case_operation(role: str, operation: str) -> None:
    case = linked_case()
    who = PEOPLE[role]
    allowed = operation in EXPECTED[role]
    assert may(who, operation, case) is allowed
    if allowed:
        require(who, operation, case)
    else:
        with pytest.raises(AccessRefused):
            require(who, operation, case)


@pytest.mark.parametrize("role", list(PEOPLE))
@pytest.mark.parametrize("operation", [access.DUMP, access.IMPORT, access.CHECK, access.DEMO,
                                       access.USER_ADMIN, access.PURGE])
def test_database_operations_are_the_administrators_only(role: str, operation: str) -> None:
    plain = PEOPLE[role]
    assert not may(plain, operation)
    admin = Identity(plain.name, plain.role, plain.organisation, admin=True)
    assert may(admin, operation)


def test_purge_is_the_administrators_alone_not_even_an_advisers() -> None:
    # Erasing records is irreversible: no role's permissions include it.
    assert access.PURGE in access.ADMIN_OPERATIONS
    assert all(access.PURGE not in ops for ops in access.PERMISSIONS.values())
    assert not may(Identity("hm", access.ADVISER), access.PURGE)


def test_scope_follows_explicit_links_not_names() -> None:
    case = linked_case()
    assert in_scope(Identity("green", SUPERVISOR), case)  # the deputy
    # Named "Ms Jones" on the plan, but not linked by user name: not theirs.
    assert not in_scope(Identity("msjones", SUPERVISOR), case)
    assert not in_scope(Identity("Ms Jones", SUPERVISOR), case)
    assert not in_scope(Identity("olive", ORGANISATION_LEAD, organisation="Southshire"), case)
    assert not in_scope(Identity("olive", ORGANISATION_LEAD), case)  # no organisation at all
    assert not in_scope(Identity("someone", PRACTITIONER), case)
    case.request.practitioner.user = ""
    assert not in_scope(Identity("", PRACTITIONER), case)  # blank never matches blank


def test_a_mentor_linked_by_user_is_not_a_supervisor_of_the_plan() -> None:
    case = linked_case()
    assert case.plan is not None
    case.plan.roles[0].user = "ment"
    case.plan.roles[0].role = "mentor"
    assert not in_scope(Identity("ment", SUPERVISOR), case)


def test_out_of_scope_operations_are_refused_naming_the_case() -> None:
    case = linked_case()
    other = Identity("smith", SUPERVISOR)
    with pytest.raises(AccessRefused, match=case.id):
        require(other, access.REVIEW_RECORD, case)


@pytest.mark.parametrize(("action", "operation"), [
    ("review.record", access.REVIEW_RECORD),
    ("review.correct", access.OUTCOME_CORRECT),
    ("plan.resume", access.CASE_MANAGE),
    ("case.withdraw", access.CASE_MANAGE),
    ("amendment.withdraw", access.AMENDMENT_PROPOSE),
    ("plan.sign.organisation", access.SIGN_ORGANISATION),
    ("plan.sign.practitioner", access.SIGN_PRACTITIONER),
    ("plan.issue", access.PLAN_EDIT),
    ("plan.objectives.add", access.PLAN_EDIT),
    ("amendment.propose", access.AMENDMENT_PROPOSE),
    ("amendment.agree", access.AMENDMENT_AGREE),
    ("completion.sign_off", access.COMPLETION_SIGN_OFF),
    ("condition.lift", access.CONDITION_LIFT),
    ("review.log", access.REVIEW_RECORD),  # the log between reviews (progress_log.ACTION)
    ("intake", access.INTAKE),
    ("decision", access.INTAKE),
    ("start_plan", access.PLAN_EDIT),
    ("create", access.CREATE),
    ("something.new", access.PLAN_EDIT),  # unknown: closed to all but advisers
])
def test_store_actions_map_to_operations(action: str, operation: str) -> None:
    assert operation_of(action) == operation


def test_a_supervisor_corrects_only_the_outcomes_they_recorded() -> None:
    case = linked_case()
    assert access.may_correct_outcome(PEOPLE[SUPERVISOR], "jones", case)
    assert access.may_correct_outcome(PEOPLE[SUPERVISOR], "JONES ", case)
    assert not access.may_correct_outcome(PEOPLE[SUPERVISOR], "green", case)
    assert access.may_correct_outcome(PEOPLE[ADVISER], "green", case)  # an adviser, any
    # Out of scope, or a role without the operation, never corrects even its own name.
    assert not access.may_correct_outcome(Identity("jones", SUPERVISOR), "jones", Case())
    assert not access.may_correct_outcome(PEOPLE[ORGANISATION_LEAD], "olive", case)


def test_exports_are_limited_to_the_roles_own_audience() -> None:
    assert export_refusal(PEOPLE[ADVISER], "plan", "adviser") == ""
    assert export_refusal(PEOPLE[SUPERVISOR], "plan", "organisation") == ""
    assert "organisation" in export_refusal(PEOPLE[SUPERVISOR], "plan", "adviser")
    assert export_refusal(PEOPLE[PRACTITIONER], "plan", "practitioner") == ""
    assert export_refusal(PEOPLE[PRACTITIONER], "plan", "organisation")
    assert export_refusal(PEOPLE[PRACTITIONER], "review-sheet", "practitioner")
    assert export_refusal(PEOPLE[ANALYST], "plan", "organisation")


def test_only_advisers_see_confidential_material() -> None:
    assert [r for r, who in PEOPLE.items() if who.sees_confidential] == [ADVISER]
    assert PEOPLE[PRACTITIONER].audience == "practitioner"
    assert PEOPLE[SUPERVISOR].audience == "organisation"


@pytest.mark.parametrize("role", list(PEOPLE))
def test_another_users_reminders_are_the_advisers_and_the_administrators(role: str) -> None:
    plain = PEOPLE[role]
    assert may(plain, access.OTHERS_REMINDERS) is (role == ADVISER)
    assert may(Identity(plain.name, plain.role, plain.organisation, admin=True),
               access.OTHERS_REMINDERS)


@pytest.mark.parametrize("role", list(PEOPLE))
def test_every_role_sees_insights_over_the_plans_it_may_read(role: str) -> None:
    from psr_tui.domain.plan_facts import facts_of
    from psr_tui.domain.vocabulary import default_vocabularies

    who = PEOPLE[role]
    assert may(who, access.INSIGHTS)
    facts = facts_of(linked_case(), default_vocabularies())
    assert facts is not None
    keys = (facts.organisation, facts.practitioner_user, facts.supervisor_users)
    # Everyone counts the plan they may read; the analyst reads none but counts every plan.
    assert access.in_insights(who, *keys) is (role == ANALYST or in_scope(who, linked_case()))
    stranger = Identity("zed", role, organisation="Elsewhere NHS Trust")
    # Of another organisation: only the adviser (all cases) still counts it.
    assert access.in_insights(stranger, *keys) is (role == ADVISER)
    assert access.in_insights(Identity("ann", ANALYST, organisation=ORG.lower()), *keys)
