"""`check` reads a valid current file in one pydantic-core pass (store/case_file_json.py)
and any other through the old path: the same models either way, and every odd file handed
to the old path, which words its problem as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from psr_tui.domain.plan import ReviewOutcome
from psr_tui.store import CaseStore, UnreadableFile
from psr_tui.store.case_file_json import validated_file

from .sample_cases import small_case


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    store = CaseStore.open(tmp_path / "db", user="alice")
    store.create(small_case("case-1"))

    def record(case: Any) -> None:  # a nested model, a datetime and a second event
        case.plan.review_points[0].outcome = ReviewOutcome(outcome="satisfactory",
                                                           note="Good progress")
    store.update("case-1", record, "review.record", "recorded")
    return store


def file_of(store: CaseStore) -> Path:
    return store.cases_dir / "case-1.json"


def test_a_valid_file_gives_the_models_the_old_path_gives(store: CaseStore) -> None:
    found = validated_file(file_of(store).read_bytes())
    assert found is not None
    case, events = found
    assert case == store.get("case-1")
    assert events == store.audit("case-1")
    assert [e.revision for e in events] == [1, 2]
    assert store.with_audit("case-1") == (case, events)


def edited(store: CaseStore, change: Any) -> bytes:
    data = json.loads(file_of(store).read_text())
    change(data)
    return json.dumps(data).encode()


def set_in(path: list[str], value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


ODD_FILES = {
    "not JSON": lambda s: b"{not json",
    "not an object": lambda s: b"[1, 2]",
    "a wrong field type": lambda s: edited(s, set_in(["case", "1", "revision"], "many")),
    "an unknown field": lambda s: edited(s, set_in(["case", "1", "colour"], "blue")),
    "an older schema": lambda s: edited(s, set_in(["meta", "1", "schema_version"], 1)),
    "a newer schema": lambda s: edited(s, set_in(["meta", "1", "schema_version"], 99)),
    "no schema marker": lambda s: edited(s, lambda d: d.pop("meta")),
    "a second case document": lambda s: edited(
        s, lambda d: d["case"].__setitem__("2", d["case"]["1"])),
    "no case document 1": lambda s: edited(
        s, lambda d: d.__setitem__("case", {"2": d["case"]["1"]})),
    "an audit id not a number": lambda s: edited(
        s, lambda d: d["audit"].__setitem__("x", d["audit"]["1"])),
    "an audit table of null": lambda s: edited(s, set_in(["audit"], None)),
    "a bad audit event": lambda s: edited(s, set_in(["audit", "2", "at"], "yesterday")),
    "a NaN": lambda s: edited(s, set_in(["case", "1", "revision"], float("nan"))),
}


@pytest.mark.parametrize("what", ODD_FILES)
def test_an_odd_file_goes_to_the_old_path(store: CaseStore, what: str) -> None:
    assert validated_file(ODD_FILES[what](store)) is None


@pytest.mark.parametrize("what", ODD_FILES)
def test_check_reads_an_odd_file_as_it_always_did(store: CaseStore, what: str) -> None:
    """with_audit's verdict on each odd file is the old path's: the same models, or the
    same UnreadableFile message."""
    raw = ODD_FILES[what](store)
    file_of(store).write_bytes(raw)

    def old_path() -> object:
        try:
            return store.get("case-1"), store.audit("case-1")
        except UnreadableFile as exc:
            return str(exc)

    def new_path() -> object:
        try:
            return store.with_audit("case-1")
        except UnreadableFile as exc:
            return str(exc)

    assert new_path() == old_path()
