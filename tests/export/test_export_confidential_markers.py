"""Every confidential field, in every document, for every reader who is not the adviser.

A distinct marker is planted in each field the schema marks `x-confidential` and in each
text field of a list item flagged confidential (a health condition); every document the
export package offers is rendered for every other audience and must carry none of them.
A new confidential field, a new document, or a document that prints a confidential field
fails here without anyone remembering to add a string to a fixture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from case_fixture import active_case, completed_case
from pydantic import BaseModel

import psr_tui.export as export
from psr_tui.domain.base import is_confidential
from psr_tui.domain.case import Case, PlanWithholding, RequestDecision
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.export import (
    AUDIENCES,
    decision_letter_markdown,
    educational_supervisor_report_markdown,
    plan_markdown,
    progress_report_markdown,
    progress_summary_markdown,
    review_meeting_sheet_markdown,
    supervisor_information_markdown,
    withholding_letter_markdown,
)

TODAY = date(2026, 7, 15)
OTHER_AUDIENCES = [a for a in AUDIENCES if a != "adviser"]
# Plain letters and digits: no Markdown escaping can split a marker.
MARKER = "QZX{:03d}SECRET"


def schema_confidential() -> tuple[set[tuple[str, str]], set[str]]:
    """From Case's JSON Schema: (model, field) pairs marked confidential, and the models
    whose items carry a `confidential` flag of their own."""
    schema = Case.model_json_schema()
    defs: dict[str, Any] = {"Case": schema, **schema.get("$defs", {})}
    fields = {
        (name, prop)
        for name, model in defs.items()
        for prop, spec in model.get("properties", {}).items()
        if spec.get("x-confidential")
    }
    flagged = {
        name for name, model in defs.items()
        if model.get("properties", {}).get("confidential", {}).get("type") == "boolean"
    }
    return fields, flagged


def _plant_value(value: Any, marker: str) -> Any:
    if isinstance(value, str):
        return marker
    if isinstance(value, list):
        return [marker]
    raise TypeError(f"no way to plant a marker in a {type(value).__name__}: extend this test")


def plant_markers(case: Case) -> tuple[dict[tuple[str, str], list[str]], list[str]]:
    """Fill every confidential field and confidential item of `case` with markers.

    Returns the markers by (model, field), and every marker planted.
    """
    by_field: dict[tuple[str, str], list[str]] = {}
    planted: list[str] = []

    def next_marker(key: tuple[str, str]) -> str:
        marker = MARKER.format(len(planted))
        planted.append(marker)
        by_field.setdefault(key, []).append(marker)
        return marker

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            model = type(value)
            flagged_item = getattr(value, "confidential", False) is True
            for name in model.model_fields:
                child = getattr(value, name)
                if is_confidential(model, name):
                    setattr(value, name, _plant_value(child, next_marker((model.__name__, name))))
                elif flagged_item and isinstance(child, str) and name != "id":
                    # The id stays: the plan refers to the condition by it.
                    setattr(value, name, next_marker((model.__name__, "*item*")))
                else:
                    walk(child)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(case)
    return by_field, planted


Render = Callable[[Case, str], Iterator[str]]


def _plans(case: Case, audience: str) -> Iterator[str]:
    yield plan_markdown(case, audience, None, TODAY)


def _progress_reports(case: Case, audience: str) -> Iterator[str]:
    assert case.plan is not None
    for rp in case.plan.review_points:
        yield progress_report_markdown(case, rp.id, audience, None, TODAY)


def _summaries(case: Case, audience: str) -> Iterator[str]:
    yield progress_summary_markdown(case, audience, None, TODAY)


def _review_sheets(case: Case, audience: str) -> Iterator[str]:
    # One audience only (supervisor and practitioner read it together).
    assert case.plan is not None
    for rp in case.plan.review_points:
        yield review_meeting_sheet_markdown(case, rp.id, None, TODAY)


def _supervisor_sheets(case: Case, audience: str) -> Iterator[str]:
    yield supervisor_information_markdown(case, None)


def _decision_letters(case: Case, audience: str) -> Iterator[str]:
    # One copy, the organisation's; the same case as declined and as sent back.
    for outcome in ("declined", "further_information"):
        sent = case.model_copy(deep=True)
        sent.decision = RequestDecision(outcome=outcome, decided_on=date(2026, 1, 5),
                                        decided_by="Dr A Adviser", reason="why",
                                        alternative_offered="another service")
        yield decision_letter_markdown(sent, default_vocabularies(), TODAY)


def _withholding_letters(case: Case, audience: str) -> Iterator[str]:
    sent = case.model_copy(deep=True)
    sent.withholding = PlanWithholding(requested_by="Dr A Rao", withheld=True, reasons="why",
                                       decided_by="hm")
    yield withholding_letter_markdown(sent, audience, TODAY)




def _supervisor_reports(case: Case, audience: str) -> Iterator[str]:
    yield educational_supervisor_report_markdown(case, audience, None, TODAY)


DOCUMENTS: dict[str, Render] = {
    "decision_letter_markdown": _decision_letters,
    "withholding_letter_markdown": _withholding_letters,
    "educational_supervisor_report_markdown": _supervisor_reports,
    "plan_markdown": _plans,
    "progress_report_markdown": _progress_reports,
    "progress_summary_markdown": _summaries,
    "review_meeting_sheet_markdown": _review_sheets,
    "supervisor_information_markdown": _supervisor_sheets,
}
CASES = {"active": active_case, "completed": completed_case}


def test_every_document_the_export_package_offers_is_checked() -> None:
    offered = {name for name in export.__all__ if name.endswith("_markdown")}
    assert offered == set(DOCUMENTS), "add the new document to DOCUMENTS above"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_marker_is_planted_in_every_field_the_schema_marks_confidential(kind: str) -> None:
    fields, flagged = schema_confidential()
    assert fields and flagged == {"Condition"}
    by_field, _ = plant_markers(CASES[kind]())
    missing = fields - set(by_field)
    assert not missing, f"the fixture has no value for {sorted(missing)}: add one"
    for model in flagged:
        assert (model, "*item*") in by_field, f"the fixture has no confidential {model}"


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("audience", OTHER_AUDIENCES)
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_no_confidential_marker_reaches_another_audience(
    document: str, audience: str, kind: str
) -> None:
    case = CASES[kind]()
    by_field, planted = plant_markers(case)
    for text in DOCUMENTS[document](case, audience):
        leaked = {
            key for key, markers in by_field.items() for m in markers if m.lower() in text.lower()
        }
        assert not leaked, f"{document} for the {audience} prints {sorted(leaked)}"
    assert planted  # the markers were there to leak


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_advisers_plan_carries_every_confidential_field(kind: str) -> None:
    case = CASES[kind]()
    by_field, _ = plant_markers(case)
    text = plan_markdown(case, "adviser", None, TODAY)
    for (model, field), markers in by_field.items():
        if field == "*item*":
            # A confidential condition is listed by its description.
            assert any(m in text for m in markers), f"{model}: confidential item not shown"
        else:
            assert all(m in text for m in markers), f"{model}.{field} not in the adviser's copy"
