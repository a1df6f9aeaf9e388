"""Digests: what the lists hold. Equal to the whole case's summary, never stale, scoped,
rebuilt when missing or damaged, and free of anything confidential."""

from __future__ import annotations

import gc
import json
import os
from datetime import date
from pathlib import Path

import pytest

from psr_tui.demo import write_demo
from psr_tui.domain.access import ORGANISATION_LEAD, PRACTITIONER, SUPERVISOR, Identity
from psr_tui.domain.case_digest import DIGEST_VERSION, digest_of, from_json, to_json
from psr_tui.domain.my_reviews import my_review_items
from psr_tui.domain.plan_overview import plan_rows
from psr_tui.domain.status import review_items, summarise
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseNotFound, CaseStore
from psr_tui.store.case_digests import digest_path

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_store(store: CaseStore) -> CaseStore:
    write_demo(store, TODAY)
    return store


def test_digests_summarise_as_the_whole_cases_do(demo_store: CaseStore) -> None:
    vocab = default_vocabularies()
    digests, problems = demo_store.load_digests()
    assert not problems and sorted(d.id for d in digests) == demo_store.list_ids()
    cases = {c.id: c for c in demo_store.load_all()[0]}
    for digest in digests:
        assert from_json(json.loads(json.dumps(to_json(digest)))) == digest
        assert summarise(digest, TODAY, vocab) == summarise(cases[digest.id], TODAY, vocab)
    assert review_items(digests, TODAY) == review_items(cases.values(), TODAY)
    dosei = Identity("dosei", SUPERVISOR)
    assert my_review_items(digests, TODAY, dosei) == my_review_items(cases.values(), TODAY, dosei)
    assert my_review_items(digests, TODAY, dosei)  # Mr G's review is his
    # The plans dashboard's rows from the stored digests, as from the whole cases.
    rows = plan_rows(digests, TODAY, vocab)
    assert rows == plan_rows(cases.values(), TODAY, vocab)
    assert any(r.ladder and r.milestone for r in rows)


def test_a_digest_is_one_object_for_the_garbage_collector(demo_store: CaseStore) -> None:
    """Its nested records are plain tuples the collector stops tracking, named on access:
    a list of 4,400 digests with objects inside made each full collection 0.2 s at 20,000
    cases (issue 9)."""
    digests, _problems = demo_store.load_digests()
    with_plan = [d for d in digests if d.link_fields and d.review_fields]
    assert with_plan
    # A tuple is let go once its items are, which may take the collector a few passes.
    for _ in range(3):
        gc.collect()
    for d in with_plan:
        nested = (d.link_fields, d.review_fields, d.deadline_fields, d.times_fields)
        assert not any(gc.is_tracked(part) for part in nested), d.id
        assert [(r.role, r.person, r.user, r.deputy_user) for r in d.links] == \
            [tuple(f) for f in d.link_fields]
        assert [(r.id, r.title, r.due_on, r.reviewer) for r in d.open_reviews] == \
            [tuple(f) for f in d.review_fields]
        assert tuple(d.plan_times) == d.times_fields


def test_a_save_is_in_the_digest_at_once(demo_store: CaseStore) -> None:
    case_id = "case-004-mr-g"
    demo_store.get_digest(case_id)

    def rename(case):  # type: ignore[no-untyped-def]
        case.request.practitioner.name = "Dr New Name"

    demo_store.update(case_id, rename, "intake")
    assert demo_store.get_digest(case_id).practitioner == "Dr New Name"


def test_a_stale_damaged_or_missing_digest_is_rebuilt_from_the_case(
        demo_store: CaseStore) -> None:
    case_id = "case-004-mr-g"
    path = digest_path(demo_store.briefs_dir, case_id)
    whole = digest_of(demo_store.get(case_id))
    stored = json.loads(path.read_text())
    # Stale: a digest of another name, stamped for an older file.
    stored["digest"][2] = "Dr Stale"
    stored["stamp"][1] -= 1
    path.write_text(json.dumps(stored))
    assert demo_store.get_digest(case_id) == whole
    for damage in ("not json", "[]", json.dumps({"stamp": stored["stamp"], "digest": [9]})):
        path.write_text(damage)
        os.utime(path)
        assert demo_store.get_digest(case_id) == whole
    path.unlink()
    assert demo_store.get_digest(case_id) == whole
    assert path.exists()  # and kept for next time


def test_a_digest_of_the_shape_before_the_case_adviser_is_rebuilt(
        demo_store: CaseStore) -> None:
    case_id = "case-004-mr-g"
    path = digest_path(demo_store.briefs_dir, case_id)
    stored = json.loads(path.read_text())
    assert stored["digest"][0] == DIGEST_VERSION and stored["digest"][-1]  # case adviser
    old = [2, *stored["digest"][1:-1]]  # version 2 ended at closed_on
    path.write_text(json.dumps({"stamp": stored["stamp"], "digest": old}))
    digest = demo_store.get_digest(case_id)
    assert digest.case_adviser == digest_of(demo_store.get(case_id)).case_adviser != ""
    assert json.loads(path.read_text())["digest"][0] == DIGEST_VERSION  # written anew


def test_digests_are_scoped_like_cases(demo_store: CaseStore) -> None:
    root: Path = demo_store.root
    for who in (Identity("dosei", SUPERVISOR), Identity("ggriffiths", PRACTITIONER),
                Identity("kmensah", ORGANISATION_LEAD,
                         organisation="Aire and Wharfe Teaching Hospitals NHS Trust")):
        store = CaseStore.open(root, identity=who)
        ids = sorted(c.id for c in store.load_all()[0])
        assert sorted(d.id for d in store.load_digests()[0]) == ids, who
        hidden = next(i for i in demo_store.list_ids() if i not in ids)
        with pytest.raises(CaseNotFound):
            store.get_digest(hidden)


def test_a_digest_holds_nothing_confidential(demo_store: CaseStore) -> None:
    case = demo_store.get("case-004-mr-g")
    secret_values = {str(v) for name, v in case.request.demographics if v}
    secret_values |= {case.discussions.practitioner.notes,
                      case.request.occupational_health.health_details}
    secret_values.discard("")
    assert len(secret_values) >= 2  # Mr G's case holds notes and demographics to leak
    text = digest_path(demo_store.briefs_dir, case.id).read_text()
    for value in secret_values:
        assert value not in text, value


def test_a_practitioner_gets_no_digest_of_a_case_withheld_from_them(
        demo_store: CaseStore) -> None:
    from psr_tui.domain.withholding import decide_withholding, release_plan

    case_id, root = "case-004-mr-g", demo_store.root
    them = CaseStore.open(root, identity=Identity("ggriffiths", PRACTITIONER))
    assert case_id in [d.id for d in them.load_digests()[0]]
    assert not them.get_digest(case_id).withheld
    demo_store.update(case_id, lambda c: decide_withholding(
        c, withhold=True, requested_by="Dr A Rao", reasons="Support first", user="hm",
        today=TODAY), "plan.withhold")
    assert demo_store.get_digest(case_id).withheld  # the adviser still has it
    them = CaseStore.open(root, identity=Identity("ggriffiths", PRACTITIONER))
    assert case_id not in [d.id for d in them.load_digests()[0]]
    with pytest.raises(CaseNotFound):
        them.get_digest(case_id)
    demo_store.update(case_id, lambda c: release_plan(c, user="hm", today=TODAY),
                      "plan.release")
    them = CaseStore.open(root, identity=Identity("ggriffiths", PRACTITIONER))
    assert not them.get_digest(case_id).withheld


def test_an_archived_case_leaves_the_digest_list_as_it_leaves_the_case_list(
        demo_store: CaseStore) -> None:
    from psr_tui.domain.archive import RecordLife, split_archive

    life = RecordLife(archive_after_days=90)
    cases = demo_store.load_all()[0]
    digests = demo_store.load_digests()[0]
    later = date(2030, 1, 1)
    for when in (TODAY, later):
        working, archived = split_archive(cases, when, life)
        d_working, d_archived = split_archive(digests, when, life)
        assert [c.id for c in working] == [d.id for d in d_working]
        assert [c.id for c in archived] == [d.id for d in d_archived]
