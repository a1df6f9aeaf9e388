"""Only amendments both parties agreed are shown as agreed, in every copy."""

from __future__ import annotations

from datetime import date

import pytest
from case_fixture import active_case

from psr_tui.domain.plan import Amendment, Signature
from psr_tui.export import AUDIENCES, plan_markdown

PROPOSED = "Extend the plan by two months: supervisor on long leave"
HALF_AGREED = "Add a leadership objective after the MSF"


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:] if end == -1 else text[start:end]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_proposed_amendment_never_appears_as_agreed(audience: str) -> None:
    case = active_case()
    assert case.plan is not None
    case.plan.amendments += [
        Amendment(id="amd-2", kind="duration", description=PROPOSED, proposed_by="Ms Clarke",
                  proposed_on=date(2026, 7, 2), changes={"end_date": "2026-10-31"}),
        Amendment(id="amd-3", kind="content", description=HALF_AGREED, proposed_by="Ms Clarke",
                  proposed_on=date(2026, 7, 3), changes={"consequences": "Unchanged"},
                  organisation=Signature(name="Dr Helen Marsh", signed_on=date(2026, 7, 4))),
    ]
    agreed = _section(plan_markdown(case, audience, None, date(2026, 7, 15)), "Amendments agreed")
    assert "Six-month review a week later" in agreed  # the one both parties agreed
    assert PROPOSED not in agreed
    assert HALF_AGREED not in agreed
