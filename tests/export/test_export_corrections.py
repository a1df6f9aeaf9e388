"""A corrected outcome is shown with the original in every copy; resumptions and withdrawals too."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from case_fixture import active_case

from psr_tui.domain.case import Case
from psr_tui.domain.lifecycle import resume, withdraw
from psr_tui.domain.outcome_correction import correct_outcome
from psr_tui.export import progress_report_markdown, progress_summary_markdown

COPIES = ("organisation", "practitioner", "adviser")
NOW = datetime(2026, 7, 2, 9, 0, tzinfo=UTC)


def _corrected() -> Case:
    case = active_case()
    correct_outcome(case, "rp-4m", "remain", reason="Typed 1 for 2 in the quick review",
                    user="adv", by_adviser=True, now=NOW)
    return case


@pytest.mark.parametrize("audience", COPIES)
def test_the_original_outcome_is_shown_beside_the_correction(audience: str) -> None:
    case = _corrected()
    for text in (progress_report_markdown(case, "rp-4m", audience, today=NOW.date()),
                 progress_summary_markdown(case, audience, today=NOW.date())):
        section = text[text.index("## Corrected outcomes"):]
        assert "Satisfactory, step down to the next stage" in section  # the original
        assert "recorded by Ms Anna Clarke" in section
        assert "Typed 1 for 2 in the quick review" in section
        assert "adv 2026-07-02 09:00" in section
    report = progress_report_markdown(case, "rp-4m", audience, today=NOW.date())
    assert "- **Outcome:** Satisfactory, remain at this stage\n" in report
    assert "- **Supervision after:** L3 Indirect" in report  # the step down undone


def test_no_section_without_a_correction() -> None:
    text = progress_summary_markdown(active_case(), "organisation", today=NOW.date())
    assert "Corrected outcomes" not in text and "Resumed after advice" not in text


def test_resumption_advice_and_withdrawal_reason_are_in_the_summary() -> None:
    case = active_case()
    case.state = "paused"
    resume(case, date(2026, 7, 3), advice="Continue with a named deputy supervisor", user="adv")
    withdraw(case, "The practitioner retired", "adv", date(2026, 7, 20))
    text = progress_summary_markdown(case, "practitioner", today=date(2026, 7, 21))
    assert "Continue with a named deputy supervisor" in text
    assert "## Withdrawn" in text and "The practitioner retired" in text
