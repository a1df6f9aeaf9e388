"""The educational supervisor's report to the responsible director, and the progress
summary's objective-by-review table."""

from __future__ import annotations

from datetime import date

from case_fixture import active_case, completed_case

from psr_tui.export import educational_supervisor_report_markdown, progress_summary_markdown

TODAY = date(2026, 7, 15)


def test_report_is_addressed_and_shows_each_objective_across_the_reviews() -> None:
    text = educational_supervisor_report_markdown(active_case(), "organisation", None, TODAY)
    assert text.startswith("# Educational supervisor's report: Mr G")
    assert "**To:** Dr Helen Marsh (Responsible officer / responsible director)" in text
    assert ("| 2 | Communicate respectfully and clearly with the theatre team | Concern "
            "| Achieved |") in text
    assert "Objective 2: Concern. Briefings rushed" in text
    # Still open: the six-month review and the final one.
    assert "- Six-month review: due 21 August 2026" in text
    assert "**From:** Educational supervisor" in text  # the fixture names none
    assert "**Recommendation to the responsible director:**" in text


def test_completed_report_names_a_final_review_held_without_evidence() -> None:
    text = educational_supervisor_report_markdown(completed_case(), "organisation", None, TODAY)
    assert "| Completion |" in text
    assert "no assessments recorded at 'Summary sign-off'" in text


def test_summary_ticks_expected_evidence_by_tool_and_prints_every_review_note() -> None:
    text = progress_summary_markdown(active_case(), "practitioner", None, TODAY)
    assert "- [x] DOPS and CbD forms" in text
    assert "Routine lists performed safely; good rapport" in text
    assert "MSF positive; theatre team reports better briefings" in text


def test_plan_shows_each_conditions_period_and_how_it_was_lifted() -> None:
    from psr_tui.domain.case import ConditionLifted
    from psr_tui.export import plan_markdown

    case = active_case()
    restriction = case.request.conditions[0]
    restriction.lifted = ConditionLifted(by="organisation", decided_by="Dr Helen Marsh",
                                         lifted_on=date(2026, 5, 1),
                                         evidence="Two-month review satisfactory")
    text = plan_markdown(case, "organisation", None, TODAY)
    assert ("From 8 January 2024; lifted 1 May 2026 (The organisation: Dr Helen Marsh; "
            "evidence: Two-month review satisfactory)") in text
    restriction.lifted, restriction.lifted_at_stage = None, 3
    text = plan_markdown(case, "organisation", None, TODAY)
    assert "From 8 January 2024 until entry to supervision stage 3" in text


def test_a_stages_scope_note_follows_its_limits_in_every_document() -> None:
    from psr_tui.export import plan_markdown, supervisor_information_markdown

    case = active_case()
    case.plan.stages[2].scope_note = "Direct supervision for complex cases only"
    for text in (plan_markdown(case, "organisation", None, TODAY),
                 supervisor_information_markdown(case, None),
                 progress_summary_markdown(case, "organisation", None, TODAY)):
        assert "Direct supervision for complex cases only" in text
