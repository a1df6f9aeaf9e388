"""The date fields' working-day warning counts the case's nation's bank holidays."""

from __future__ import annotations

from psr_tui.ui.widgets.form_field import working_day_notice


def test_the_notice_uses_the_nation_it_is_given() -> None:
    # 17 March 2027, a Wednesday: St Patrick's Day is a bank holiday in Northern Ireland only.
    notice = working_day_notice("NIR")("2027-03-17")
    assert notice is not None and "bank holiday" in notice and "can still be saved" in notice
    assert working_day_notice("ENG")("2027-03-17") is None
    assert working_day_notice("NIR")("2027-03-16") is None
    assert working_day_notice("NIR")("not a date") is None  # the field's check says why
