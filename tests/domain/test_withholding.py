"""Withholding the plan from the practitioner (000 7.1 note): decided with reasons,
the practitioner's access and copies withheld until released, the decision kept."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.domain.access import PRACTITIONER, Identity, in_scope
from psr_tui.domain.errors import RuleError
from psr_tui.domain.withholding import decide_withholding, is_withheld, release_plan
from tests.domain.case_builders import valid_case

TODAY = date(2026, 11, 23)


def practitioners_case():  # type: ignore[no-untyped-def]
    case = valid_case()
    case.state = "issued"
    case.request.practitioner.user = "pjones"
    return case


def test_withheld_the_practitioner_loses_the_case_until_it_is_released() -> None:
    case = practitioners_case()
    them = Identity("pjones", PRACTITIONER)
    assert in_scope(them, case)
    decide_withholding(case, withhold=True, requested_by="Dr A Rao", reasons="Support first",
                       user="hm", today=TODAY)
    assert is_withheld(case) and not in_scope(them, case)
    release_plan(case, user="hm", today=date(2026, 12, 1))
    assert not is_withheld(case) and in_scope(them, case)
    assert case.withholding is not None and case.withholding.reasons == "Support first"
    assert case.withholding.released_on == date(2026, 12, 1)


def test_a_refused_request_withholds_nothing_but_is_recorded() -> None:
    case = practitioners_case()
    decide_withholding(case, withhold=False, requested_by="Dr A Rao", reasons="No grounds",
                       user="hm", today=TODAY)
    assert not is_withheld(case) and case.withholding is not None
    assert in_scope(Identity("pjones", PRACTITIONER), case)


@pytest.mark.parametrize(("kwargs", "path"), [
    ({"requested_by": " "}, "withholding.requested_by"),
    ({"reasons": ""}, "withholding.reasons"),
    ({"practitioner_told": False}, "withholding.not_told_reason"),
])
def test_the_decision_needs_who_asked_its_reasons_and_why_not_told(kwargs, path) -> None:
    case = practitioners_case()
    args = {"withhold": True, "requested_by": "Dr A Rao", "reasons": "r", "user": "hm",
            "today": TODAY, **kwargs}
    with pytest.raises(RuleError) as refused:
        decide_withholding(case, **args)
    assert refused.value.path == path and case.withholding is None


def test_no_plan_nothing_to_withhold_and_release_needs_a_withheld_plan() -> None:
    case = practitioners_case()
    case.state, case.plan = "request", None
    with pytest.raises(RuleError, match="Only a plan"):
        decide_withholding(case, withhold=True, requested_by="x", reasons="r", user="hm",
                           today=TODAY)
    with pytest.raises(RuleError, match="not withheld"):
        release_plan(practitioners_case(), user="hm", today=TODAY)
