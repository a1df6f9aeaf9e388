"""An amendment's headline: what lists and summaries show of its description."""

from psr_tui.domain.plan import Amendment


def test_the_headline_is_the_first_line_and_empty_for_an_empty_description() -> None:
    assert Amendment(description="Extend by 3 months\nbecause of leave").headline == \
        "Extend by 3 months"
    assert Amendment(description="").headline == ""
    assert "headline" not in Amendment(description="x").model_dump()
