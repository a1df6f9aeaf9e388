"""My cases (domain/caseload.py): the one rule behind home's and both dashboards' `m`."""

from __future__ import annotations

from psr_tui.domain.access import ADVISER, ORGANISATION_LEAD, SUPERVISOR, Identity
from psr_tui.domain.case_digest import case_adviser_of, digest_of
from psr_tui.domain.caseload import is_my_case
from psr_tui.domain.plan import Role
from psr_tui.domain.status import summarise
from tests.domain.plan_states import TODAY
from tests.ui.review_cases import running_case

HELEN = Identity("hmarsden", role=ADVISER, display_name="Dr Helen Marsden")


def test_an_advisers_cases_name_them_as_case_adviser_ignoring_capitals() -> None:
    assert is_my_case(HELEN, "dr helen marsden", ())
    assert is_my_case(HELEN, " HMARSDEN ", ())
    assert not is_my_case(HELEN, "Helen", ())  # part of a name is not enough
    assert not is_my_case(HELEN, "", ())
    assert not is_my_case(HELEN, "Mr Tom Reed", ("hmarsden",))  # links are not an adviser's


def test_a_supervisors_cases_are_those_linked_to_them_by_user_name() -> None:
    anna = Identity("asmith", role=SUPERVISOR, display_name="Dr Anna Smith")
    assert is_my_case(anna, "", ("ASmith",))
    assert not is_my_case(anna, "Dr Anna Smith", ())  # a typed name is nobody
    assert not is_my_case(Identity("", role=SUPERVISOR), "", ("",))
    lead = Identity("kmensah", role=ORGANISATION_LEAD, display_name="K Mensah")
    assert is_my_case(lead, "k mensah", ()) and not is_my_case(lead, "", ("kmensah",))


def test_the_case_adviser_reaches_the_digest_and_the_summary() -> None:
    case = running_case("c1", "Mr A", "Northshire NHS Trust", "Dr Anna Smith", user="asmith")
    assert case.plan is not None
    case.request.case_adviser = ""
    case.plan.roles.append(Role(id="c1-ca", role="case_adviser", person="Ms Ada Viser"))
    assert case_adviser_of(case) == "Ms Ada Viser"  # the plan's role when the request is blank
    case.request.case_adviser = " Dr Helen Marsden "
    summary = summarise(digest_of(case), TODAY)
    assert summary.case_adviser == "Dr Helen Marsden"
    assert summary.supervisor_users == ("asmith",)
    assert is_my_case(HELEN, summary.case_adviser, summary.supervisor_users)
