"""CaseStore.create_many: the bulk write used by the demo, same files as create()."""

from __future__ import annotations

import json
from datetime import date

import pytest

from psr_tui.demo.generator import generate_cases
from psr_tui.store import ConflictError

TODAY = date(2026, 11, 23)


def test_bulk_files_have_the_layout_create_writes(store):
    one, two = generate_cases(2, TODAY, seed=9)
    store.create(one, "single")
    assert store.create_many([two], "bulk") == 1
    single = json.loads((store.cases_dir / f"{one.id}.json").read_text())
    bulk = json.loads((store.cases_dir / f"{two.id}.json").read_text())
    assert set(single) == set(bulk)
    assert set(single["case"]) == set(bulk["case"]) == {"1"}
    stored = store.get(two.id)
    assert stored.revision == 1 and stored.updated_by == "tester"
    assert stored.request == two.request and stored.plan == two.plan
    events = store.audit(two.id)
    assert [(e.action, e.summary, e.revision) for e in events] == [("create", "bulk", 1)]
    assert not list(store.cases_dir.glob(".*"))  # no temp files left behind


def test_bulk_write_refuses_an_existing_id_and_keeps_earlier_cases(store):
    first, second, third = generate_cases(3, TODAY, seed=9)
    store.create(second, "already there")
    with pytest.raises(ConflictError):
        store.create_many([first, second, third])
    assert store.list_ids() == sorted([first.id, second.id])
    assert [e.summary for e in store.audit(second.id)] == ["already there"]


def test_bulk_write_leaves_the_callers_cases_unchanged(store):
    cases = list(generate_cases(3, TODAY, seed=9))
    before = [c.model_dump() for c in cases]
    store.create_many(cases)
    assert [c.model_dump() for c in cases] == before
