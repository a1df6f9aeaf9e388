"""Briefs: the cut-down copies lists read. Never stale, never saved back, never confidential."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.demo import write_demo
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
