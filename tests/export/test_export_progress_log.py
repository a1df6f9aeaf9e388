"""The progress summary shows the log between reviews, in every copy, escaped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from case_fixture import active_case

from psr_tui.domain.progress_log import add_log_entry
from psr_tui.export import progress_summary_markdown

NOW = datetime(2026, 7, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("audience", ("organisation", "practitioner", "adviser"))
def test_the_summary_lists_every_entry_oldest_first(audience: str) -> None:
    case = active_case()
    assert "## Log between reviews" not in progress_summary_markdown(case, audience,
                                                                     today=NOW.date())
    start = case.plan.start_date
    add_log_entry(case, kind="msf", held_on=start, by="Ms Anna Clarke", user="sup",
                  now=NOW, today=NOW.date(), rating="meets expectations", note="12 raters")
    add_log_entry(case, kind="supervisor_meeting", held_on=start, by="Ms Anna Clarke",
                  user="sup", now=NOW, today=NOW.date(), note="Job plan | rota agreed")
    text = progress_summary_markdown(case, audience, today=NOW.date())
    section = text[text.index("## Log between reviews"):].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]
    assert len(rows) == 2
    assert "MSF round" in rows[0] and "MSF x1" in rows[0] and "meets expectations" in rows[0]
    assert "Supervisor meeting" in rows[1] and "Job plan \\| rota agreed" in rows[1]
    assert rows[0].startswith("| 2 March 2026 |")  # dated
