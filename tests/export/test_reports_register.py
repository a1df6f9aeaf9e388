"""The register of reports is the one list: the CLI, the policy and the sheets agree with it."""

from __future__ import annotations

import argparse
from datetime import date

import pytest
from case_fixture import active_case, draft_case

from psr_tui.cli.parser import build_parser
from psr_tui.domain.access import REPORTS_OF_ROLE
from psr_tui.domain.audiences import AUDIENCES
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.export import review_sheet, supervisor_sheet
from psr_tui.export.reports import REPORTS, ReportRequest, ReportUnavailable

TODAY = date(2026, 6, 1)


def _choices(option: str) -> list[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    export = sub.choices["export"]
    action = next(a for a in export._actions if option in a.option_strings)
    return list(action.choices or [])


def test_cli_report_choices_are_the_register() -> None:
    assert _choices("--report") == list(REPORTS)


def test_cli_audience_choices_are_the_one_list() -> None:
    assert _choices("--audience") == list(AUDIENCES)
    assert all(set(r.audiences) <= set(AUDIENCES) for r in REPORTS.values())


def test_every_report_a_role_may_produce_is_registered() -> None:
    for reports in REPORTS_OF_ROLE.values():
        assert reports <= set(REPORTS)


def test_one_copy_sheets_name_the_copy_they_are_made_safe_for() -> None:
    assert REPORTS["review-sheet"].audiences == (review_sheet.SHEET_AUDIENCE,)
    assert REPORTS["supervisor-sheet"].audiences == (supervisor_sheet.SHEET_AUDIENCE,)


@pytest.mark.parametrize("report_id", [r for r in REPORTS if not r.endswith("-letter")])
def test_a_case_without_a_plan_is_refused_in_words(report_id: str) -> None:
    case = draft_case()
    case.plan = None
    request = ReportRequest(case, REPORTS[report_id].audiences[0], default_vocabularies(), TODAY)
    with pytest.raises(ReportUnavailable, match="has no plan yet"):
        REPORTS[report_id].render(request)


def test_an_unknown_review_point_is_refused_in_words() -> None:
    request = ReportRequest(active_case(), "organisation", default_vocabularies(), TODAY,
                            "rp-nope")
    with pytest.raises(ReportUnavailable, match="no review point 'rp-nope'"):
        REPORTS["progress"].render(request)


def test_file_names_carry_ids_not_names() -> None:
    assert REPORTS["plan"].filename("case-1", "organisation") == "plan-case-1-organisation.md"
    assert (REPORTS["review-sheet"].filename("case-1", "practitioner", "rp-2", ".html")
            == "review-sheet-case-1-rp-2.html")


def _cases_each_way():  # type: ignore[no-untyped-def]
    """Cases that give some reports and not others: no plan, a decision, reviews all held,
    a plan withheld from the practitioner (told or not)."""
    from case_fixture import completed_case

    from psr_tui.domain.case import RequestDecision
    from psr_tui.domain.withholding import decide_withholding

    no_plan = draft_case()
    no_plan.plan = None
    declined = draft_case()
    declined.plan = None
    declined.decision = RequestDecision(outcome="declined", decided_on=TODAY, decided_by="hm",
                                        reason="Conduct", alternative_offered="Advice")
    cases = [draft_case(), active_case(), completed_case(), no_plan, declined]
    for told in (True, False):
        withheld = active_case()
        decide_withholding(withheld, withhold=True, requested_by="Dr A Rao", reasons="Support",
                           user="hm", today=TODAY, practitioner_told=told,
                           not_told_reason="" if told else "Unwell just now")
        cases.append(withheld)
    return cases


def test_what_a_case_can_give_is_told_without_rendering_and_agrees_with_rendering() -> None:
    """`Report.unavailable` (what the export dialog offers) says '' exactly when the report
    renders, and otherwise the very reason rendering gives."""
    vocab = default_vocabularies()
    seen: dict[str, set[bool]] = {report_id: set() for report_id in REPORTS}
    for case in _cases_each_way():
        points = [None, "rp-nope"] + ([case.plan.review_points[0].id] if case.plan else [])
        for report in REPORTS.values():
            for audience in AUDIENCES:
                for rp in points:
                    reason = report.unavailable(case, audience, rp)
                    try:
                        report.render(ReportRequest(case, audience, vocab, TODAY, rp))
                    except ReportUnavailable as exc:
                        assert reason == str(exc), (report.id, case.id, audience, rp)
                    else:
                        assert reason == "", (report.id, case.id, audience, rp)
                    seen[report.id].add(reason == "")
    assert all(outcomes == {True, False} for outcomes in seen.values()), seen
