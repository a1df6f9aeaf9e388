"""Redaction: confidential fields and conditions never reach the organisation or practitioner."""

from __future__ import annotations

from typing import Any

import pytest
from case_fixture import CONFIDENTIAL_CONDITION, CONFIDENTIAL_STRINGS, active_case
from pydantic import BaseModel, Field

from psr_tui.domain.base import Record, confidential, is_confidential
from psr_tui.domain.case import Case
from psr_tui.export import AUDIENCES, redact_for
from psr_tui.export.audience import confidential_items, prepared_for


def _confidential_values(model: Any) -> list[Any]:
    """Every value held in a field marked confidential, anywhere in the tree."""
    found: list[Any] = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            value = getattr(model, name)
            if is_confidential(type(model), name):
                found.append(value)
            else:
                found += _confidential_values(value)
    elif isinstance(model, list | tuple):
        for item in model:
            found += _confidential_values(item)
    elif isinstance(model, dict):
        for item in model.values():
            found += _confidential_values(item)
    return found


def test_audiences() -> None:
    assert AUDIENCES == ("adviser", "organisation", "practitioner")


@pytest.mark.parametrize("audience", ["organisation", "practitioner"])
def test_every_confidential_field_is_emptied(audience: str) -> None:
    case = active_case()
    assert any(_confidential_values(case)), "the fixture must carry confidential values"
    redacted = redact_for(case, audience)
    assert all(not v for v in _confidential_values(redacted))
    dump = redacted.model_dump_json()
    for secret in CONFIDENTIAL_STRINGS:
        assert secret not in dump


@pytest.mark.parametrize("audience", ["organisation", "practitioner"])
def test_confidential_conditions_are_dropped_with_their_references(audience: str) -> None:
    redacted = redact_for(active_case(), audience)
    assert [c.id for c in redacted.request.conditions] == ["cnd-1"]
    assert redacted.plan is not None
    assert redacted.plan.condition_ids == ["cnd-1"]
    assert all(v.content["condition_ids"] == ["cnd-1"] for v in redacted.plan.versions)
    # Non-confidential material survives.
    assert redacted.request.reasonable_adjustments
    assert redacted.discussions.organisation.notes == "Job plan supports return"
    assert redacted.request.occupational_health.fit_to_participate == "yes"


def test_the_original_is_untouched_and_the_adviser_keeps_everything() -> None:
    case = active_case()
    before = case.model_dump()
    adviser = redact_for(case, "adviser")
    redact_for(case, "organisation")
    assert case.model_dump() == before
    assert adviser.model_dump() == before
    assert adviser is not case
    where = dict(confidential_items(adviser))
    assert where["Request › Conditions"] == CONFIDENTIAL_CONDITION
    assert set(where.values()) >= set(CONFIDENTIAL_STRINGS)


def test_unknown_audience_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown audience"):
        redact_for(active_case(), "public")


def test_prepared_for_names_the_reader() -> None:
    case = active_case()
    assert prepared_for(case, "organisation") == (
        "Prepared for: the healthcare organisation (Northshire Hospitals NHS Trust)"
    )
    assert prepared_for(case, "practitioner") == "Prepared for: the practitioner (Mr G)"
    assert prepared_for(case, "adviser") == "Prepared for: PSR Case Adviser (Priya Shah)"


class _Note(Record):
    heading: str = ""
    private: str = confidential()


class _Bundle(Record):
    notes: list[_Note] = Field(default_factory=list)
    by_key: dict[str, _Note] = Field(default_factory=dict)
    secret_list: list[str] = confidential(default_factory=list)


class _CaseWithNewFields(Case):
    bundle: _Bundle = Field(default_factory=_Bundle)


def test_a_new_confidential_field_is_covered_without_changing_the_exporter() -> None:
    case = _CaseWithNewFields.model_validate(active_case().model_dump())
    case.bundle = _Bundle(
        notes=[_Note(heading="kept", private="hidden one")],
        by_key={"k": _Note(heading="kept too", private="hidden two")},
        secret_list=["hidden three"],
    )
    redacted = redact_for(case, "practitioner")
    assert isinstance(redacted, _CaseWithNewFields)
    assert redacted.bundle.notes[0].heading == "kept"
    assert redacted.bundle.notes[0].private == ""
    assert redacted.bundle.by_key["k"] == _Note(heading="kept too")
    assert redacted.bundle.secret_list == []
    assert "hidden" not in redacted.model_dump_json()
