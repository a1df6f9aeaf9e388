"""Briefs: the cut-down copies lists read. Never stale, never saved back, never confidential."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel

from psr_tui.demo import write_demo
from psr_tui.demo.case_study import mr_g_case
from psr_tui.domain.base import is_confidential
from psr_tui.domain.case import Case, Condition
from psr_tui.domain.status import summarise
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseStore, StoreError

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_store(store: CaseStore) -> CaseStore:
    write_demo(store, TODAY)
    return store


def test_summaries_from_briefs_equal_summaries_from_full_cases(demo_store: CaseStore) -> None:
    vocab = default_vocabularies()
    briefs, problems = demo_store.load_briefs()
    assert not problems and len(briefs) == len(demo_store.list_ids())
    for brief in briefs:
        full = demo_store.get(brief.id)
        assert summarise(brief, TODAY, vocab) == summarise(full, TODAY, vocab), brief.id


def test_brief_leaves_out_notes_and_version_copies(demo_store: CaseStore) -> None:
    cases, _ = demo_store.load_all()
    noted = next(c for c in cases if c.discussions.practitioner.notes and c.plan
                 and c.plan.versions)
    brief = demo_store.get_brief(noted.id)
    assert brief.is_brief and not noted.is_brief
    assert brief.discussions.practitioner.notes == ""
    assert all(v.content == {} for v in brief.plan.versions)
    raw = (demo_store.briefs_dir / f"{noted.id}.json").read_text()
    assert noted.discussions.practitioner.notes[:30] not in raw


def test_a_brief_cannot_be_saved_back(demo_store: CaseStore) -> None:
    case_id = demo_store.list_ids()[0]
    brief = demo_store.get_brief(case_id)
    before = demo_store.get(case_id)
    with pytest.raises(StoreError, match="brief"):
        demo_store.save(brief)
    assert demo_store.get(case_id) == before


def test_stale_missing_or_broken_briefs_are_rebuilt(make_store) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    write_demo(alice, TODAY, cases=3)
    case_id = alice.list_ids()[0]
    assert alice.get_brief(case_id).request.practitioner.name
    # bob's save replaces the case file; a brief kept from before must not be served
    bob.update(case_id, lambda c: setattr(c.request.practitioner, "name", "Dr New Name"), "edit")
    assert alice.get_brief(case_id).request.practitioner.name == "Dr New Name"
    (alice.briefs_dir / f"{case_id}.json").write_text("{broken")
    case_bytes = (alice.cases_dir / f"{case_id}.json").read_bytes()
    assert alice.get_brief(case_id).request.practitioner.name == "Dr New Name"
    assert (alice.cases_dir / f"{case_id}.json").read_bytes() == case_bytes
    (alice.briefs_dir / f"{case_id}.json").unlink()
    assert alice.get_brief(case_id).request.practitioner.name == "Dr New Name"
    assert (alice.briefs_dir / f"{case_id}.json").exists()


def test_fingerprint_sees_quick_successive_saves(make_store) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    write_demo(alice, TODAY, cases=2)
    case_id = alice.list_ids()[0]
    first = alice.fingerprint()
    bob.update(case_id, lambda c: setattr(c, "intake_step", 3), "edit")
    second = alice.fingerprint()
    bob.update(case_id, lambda c: setattr(c, "intake_step", 4), "edit")
    third = alice.fingerprint()
    assert first[case_id] != second[case_id] != third[case_id]


def test_reading_every_stamp_sets_off_no_collection_meanwhile(store: CaseStore) -> None:
    """A poll after a save reads every case file's stamp (20,000 at a national service's
    history): the new stamps set off collections that held the UI thread 80-130 ms."""
    import gc

    store.cases_dir.mkdir(parents=True, exist_ok=True)
    for n in range(3 * gc.get_threshold()[0]):  # enough new stamps for three collections
        (store.cases_dir / f"case-{n:05d}.json").write_text("{}")
    collections: list[int] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(counted)
    try:
        stamps = store.fingerprint()
    finally:
        gc.callbacks.remove(counted)
    assert len(stamps) == 3 * gc.get_threshold()[0]
    # At most the one young collection once the collector is back on (it stops tracking
    # the stamps); three or more, one per 700 new stamps, with the collector on.
    assert collections in ([], [0])
    assert gc.isenabled()


def _confidential_marks_in_schema() -> set[tuple[str, str]]:
    """(model title, field) for every property `psr-tui schema` marks x-confidential."""
    schema = Case.model_json_schema()
    models = [schema, *schema.get("$defs", {}).values()]
    return {(model.get("title", ""), name) for model in models
            for name, prop in model.get("properties", {}).items() if prop.get("x-confidential")}


def _plant(value: object, marker: str, planted: set[tuple[str, str]]) -> None:
    """Write `marker` into every confidential field of every model in the tree."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if is_confidential(type(value), name):
                setattr(value, name, f"{marker} {type(value).__name__}.{name}")
                planted.add((type(value).__name__, name))
            else:
                _plant(getattr(value, name), marker, planted)
    elif isinstance(value, list):
        for item in value:
            _plant(item, marker, planted)


def test_no_brief_on_disk_holds_a_confidential_field(store: CaseStore) -> None:
    marker = "CONFIDENTIAL-MARKER-7f3a"
    case = mr_g_case(TODAY)
    case.request.conditions.append(Condition(
        source="health", description=f"{marker} health condition", confidential=True))
    planted: set[tuple[str, str]] = set()
    _plant(case, marker, planted)
    # A field newly marked confidential in a model this case lacks would go untested.
    marks = _confidential_marks_in_schema()
    assert marks, "the schema lost its x-confidential marks"
    assert planted >= marks, "extend the case so every mark is planted"
    store.create(case)
    store.update(case.id, lambda c: setattr(c, "intake_step", 5), "edit")
    brief = store.get_brief(case.id)
    assert brief.request.practitioner.name == case.request.practitioner.name
    assert brief.request.conditions[0].id == case.request.conditions[0].id
    briefs = list(store.briefs_dir.iterdir())
    assert briefs
    for path in briefs:
        assert marker not in path.read_text(encoding="utf-8"), path
    assert marker in (store.cases_dir / f"{case.id}.json").read_text(encoding="utf-8")
