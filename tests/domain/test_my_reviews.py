"""my_review_items: a user's review points come from explicit links, never from names."""

from __future__ import annotations

from datetime import date

from psr_tui.domain.access import ADVISER, SUPERVISOR, Identity
from psr_tui.domain.case import Case, Organisation, Practitioner, RequestForm
from psr_tui.domain.my_reviews import my_review_items
from psr_tui.domain.plan import Plan, ReviewPoint, Role

TODAY = date(2026, 11, 23)


def _case(case_id: str, roles: list[Role], reviewers: tuple[str, str] = ("", "")) -> Case:
    plan = Plan(
        version=1, status="agreed", start_date=date(2026, 6, 1), end_date=date(2027, 6, 1),
        roles=roles,
        review_points=[
            ReviewPoint(id=f"{case_id}-late", title="Review 2", due_on=date(2026, 11, 16),
                        reviewer=reviewers[0]),
            ReviewPoint(id=f"{case_id}-due", title="Review 3", due_on=date(2026, 11, 27),
                        reviewer=reviewers[1]),
            ReviewPoint(id=f"{case_id}-later", title="Final", due_on=date(2027, 6, 1)),
        ],
    )
    request = RequestForm(organisation=Organisation(name="Northshire NHS Trust"),
                          practitioner=Practitioner(name="Mr David Green"))
    return Case(id=case_id, state="active", request=request, plan=plan)


def _ids(identity: Identity, cases: list[Case]) -> list[str]:
    return [i.review_point_id for i in my_review_items(cases, TODAY, identity)]


ANNA = Identity("asmith", SUPERVISOR, "Northshire NHS Trust")


def test_linked_person_and_deputy_get_the_due_and_overdue_points_overdue_first() -> None:
    as_person = _case("g", [Role(role="clinical_supervisor", person="Dr Anna Smith",
                                 user="asmith")])
    as_deputy = _case("p", [Role(role="educational_supervisor", person="Dr Bob Jones",
                                 deputy="Dr Anna Smith", deputy_user="ASMITH")])
    assert _ids(ANNA, [as_deputy, as_person]) == ["p-late", "g-late", "p-due", "g-due"]


def test_names_alone_link_nobody() -> None:
    # The old guessing matched "asmith" to "Dr Anna Smith" and to the contact's login.
    by_name = _case("g", [Role(role="clinical_supervisor", person="Dr Anna Smith",
                               contact="asmith@northshire.nhs.uk")],
                    reviewers=("Dr Anna Smith", "asmith"))
    assert _ids(ANNA, [by_name]) == []


def test_a_non_supervising_role_does_not_make_a_reviewer() -> None:
    lead = _case("g", [Role(role="responsible_officer", person="Dr Anna Smith", user="asmith")])
    assert _ids(ANNA, [lead]) == []


def test_a_point_named_for_the_other_supervisor_is_theirs() -> None:
    roles = [Role(role="clinical_supervisor", person="Dr Anna Smith", user="asmith"),
             Role(role="educational_supervisor", person="Dr Bob Jones", user="bjones")]
    case = _case("g", roles, reviewers=("Dr Bob Jones", "Dr Anna Smith"))
    assert _ids(ANNA, [case]) == ["g-due"]
    assert _ids(Identity("bjones", SUPERVISOR), [case]) == ["g-late"]


def test_an_adviser_gets_only_points_they_are_linked_to() -> None:
    case = _case("g", [Role(role="clinical_supervisor", person="Dr Anna Smith",
                            user="asmith")])
    assert _ids(Identity("asmith", ADVISER), [case]) == ["g-late", "g-due"]
    assert _ids(Identity("jadviser", ADVISER, admin=True), [case]) == []
