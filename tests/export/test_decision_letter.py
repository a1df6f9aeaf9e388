"""The decision letter (000 4.5): a declined request or one needing more information,
explained to the organisation; from the one register, so the CLI offers it."""

from __future__ import annotations

from datetime import date

import pytest
from case_fixture import active_case

from psr_tui.domain.access import REPORTS_OF_ROLE
from psr_tui.domain.case import RequestDecision
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.export.reports import REPORTS, ReportRequest, ReportUnavailable

TODAY = date(2026, 6, 1)


def letter(outcome: str, **decision: str) -> str:
    case = active_case()
    case.plan = None
    case.decision = RequestDecision(outcome=outcome, decided_on=date(2026, 5, 20),
                                    decided_by="Dr S Achebe", **decision)
    request = ReportRequest(case, "organisation", default_vocabularies(), TODAY)
    rendered = REPORTS["decision-letter"].render(request)
    assert rendered.audience == "organisation" and not rendered.draft
    assert case.request.practitioner.name not in rendered.title  # neutral titles
    return rendered.markdown


def test_a_declined_request_says_why_and_what_else_can_help() -> None:
    text = letter("declined", reason="An open disciplinary process.",
                  alternative_offered="An advice call with the case adviser.")
    assert "**Decision:** Declined\n" in text
    assert "## Why we cannot support the request\n\nAn open disciplinary process." in text
    assert "## Other ways we can help\n\nAn advice call with the case adviser." in text
    assert "healthcare organisation (" in text and "**Decided on:** 20 May 2026" in text


def test_a_request_needing_more_information_says_what_is_needed() -> None:
    text = letter("further_information", reason="The occupational health report.")
    assert "**Decision:** Further information needed" in text
    assert "## The information we need\n\nThe occupational health report." in text
    assert "Other ways we can help" not in text
    assert "considered again" in text


def test_an_accepted_request_has_no_letter_in_words() -> None:
    with pytest.raises(ReportUnavailable, match="no decision to decline"):
        letter("accepted")


def test_the_organisation_side_and_advisers_may_export_it_supervisors_and_practitioners_not():
    may = {role for role, reports in REPORTS_OF_ROLE.items() if "decision-letter" in reports}
    assert may == {"adviser", "organisation_lead", "responsible_officer"}


def _withheld_case(told: bool = True):  # type: ignore[no-untyped-def]
    from psr_tui.domain.withholding import decide_withholding

    case = active_case()
    decide_withholding(case, withhold=True, requested_by="Dr A Rao", reasons="Support first",
                       user="hm", today=TODAY, practitioner_told=told,
                       not_told_reason="" if told else "Unwell just now")
    return case


def _render(report: str, case, audience: str):  # type: ignore[no-untyped-def]
    return REPORTS[report].render(ReportRequest(case, audience, default_vocabularies(), TODAY))


def test_the_withholding_letter_goes_to_both_with_the_reasons() -> None:
    case = _withheld_case()
    for audience in ("organisation", "practitioner"):
        text = _render("withholding-letter", case, audience).markdown
        assert "The plan is withheld from the practitioner for now." in text
        assert "## Reasons\n\nSupport first" in text


def test_a_withheld_plan_has_no_practitioners_copy_of_anything_built_on_it() -> None:
    case = _withheld_case()
    for report in ("plan", "progress", "review-sheet"):
        with pytest.raises(ReportUnavailable, match="withheld from the practitioner"):
            _render(report, case, "practitioner")
    assert _render("plan", case, "organisation").markdown


def test_not_to_be_contacted_the_practitioners_letter_waits_and_never_says_why() -> None:
    case = _withheld_case(told=False)
    with pytest.raises(ReportUnavailable, match="not to be contacted"):
        _render("withholding-letter", case, "practitioner")
    assert "Unwell just now" in _render("withholding-letter", case, "organisation").markdown
    from psr_tui.domain.withholding import release_plan

    release_plan(case, user="hm", today=TODAY)
    assert "Unwell just now" not in _render("withholding-letter", case,
                                            "practitioner").markdown
