"""CaseStore: revisions, conflicts, audit events, refused changes, ids, change polling."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from psr_tui.domain.case import Case
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import ReviewOutcome
from psr_tui.store import CaseNotFound, CaseStore, ConflictError, StoreError

MakeCase = Callable[..., Case]


def case_file(store: CaseStore, case_id: str) -> Path:
    return store.root / "cases" / f"{case_id}.json"


def record_outcome(code: str) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        assert case.plan is not None
        case.plan.review_points[0].outcome = ReviewOutcome(
            outcome=code, held_on=date(2026, 11, 20), recorded_by="Dr Supervisor"
        )

    return change


def test_create_sets_revision_one_and_bookkeeping(store: CaseStore, make_case: MakeCase) -> None:
    created = store.create(make_case())
    assert created.revision == 1
    assert created.created_by == "tester" and created.updated_by == "tester"
    got = store.get("case-0001")
    assert got == created
    assert store.list_ids() == ["case-0001"]
    assert store.exists("case-0001")


def test_create_twice_is_a_conflict(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())
    before = case_file(store, "case-0001").read_bytes()
    with pytest.raises(ConflictError):
        store.create(make_case())
    assert case_file(store, "case-0001").read_bytes() == before


def test_update_bumps_revision_and_persists(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())
    updated = store.update("case-0001", record_outcome("on_track"), "review", "review 1 held")
    assert updated.revision == 2
    fresh = store.get("case-0001")
    assert fresh.revision == 2
    assert fresh.plan is not None and fresh.plan.review_points[0].outcome is not None
    assert fresh.plan.review_points[0].outcome.outcome == "on_track"


def test_update_may_return_a_new_case(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())

    def rename(case: Case) -> Case:
        return case.model_copy(update={"state": "intake"})

    assert store.update("case-0001", rename, "state").state == "intake"
    assert store.get("case-0001").state == "intake"


def test_update_ignores_what_a_rule_returns_unless_it_is_a_case(
        store: CaseStore, make_case: MakeCase) -> None:
    """A rule may return what it made (begin_new_version returns the plan): the mutated case
    is saved, not an AttributeError on the returned value."""
    store.create(make_case())

    def rename_and_return_a_snapshot(case: Case) -> dict[str, str]:
        case.request.practitioner.name = "Dr Renamed"
        return {"snapshot": "of something"}

    saved = store.update("case-0001", rename_and_return_a_snapshot, "edit")
    assert saved.revision == 2
    assert store.get("case-0001").request.practitioner.name == "Dr Renamed"


def test_bookkeeping_is_the_store_s_not_the_change_s(
    store: CaseStore, make_case: MakeCase
) -> None:
    created = store.create(make_case())

    def meddle(case: Case) -> None:
        case.id, case.revision, case.created_by = "case-other", 50, "mallory"
        case.updated_by = "mallory"

    updated = store.update("case-0001", meddle, "edit")
    assert (updated.id, updated.revision) == ("case-0001", 2)
    assert (updated.created_by, updated.updated_by) == (created.created_by, "tester")
    assert store.get("case-0001") == updated
    assert store.list_ids() == ["case-0001"]


def test_save_bumps_revision(store: CaseStore, make_case: MakeCase) -> None:
    case = store.create(make_case())
    case.request.practitioner.name = "Dr B Renamed"
    saved = store.save(case, "renamed")
    assert saved.revision == 2
    assert store.get("case-0001").request.practitioner.name == "Dr B Renamed"
    again = store.save(saved, "no-op save")
    assert again.revision == 3


def test_stale_save_is_refused_and_file_unchanged(
    make_store: Callable[..., CaseStore], make_case: MakeCase
) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    alice.create(make_case())
    alices_copy, bobs_copy = alice.get("case-0001"), bob.get("case-0001")
    alices_copy.request.practitioner.name = "Alice's edit"
    alice.save(alices_copy)
    path = case_file(alice, "case-0001")
    before = path.read_bytes()

    bobs_copy.request.practitioner.name = "Bob's edit"
    with pytest.raises(ConflictError) as err:
        bob.save(bobs_copy)
    assert "alice" in str(err.value) and "\n" not in str(err.value)
    assert path.read_bytes() == before
    assert bob.get("case-0001").request.practitioner.name == "Alice's edit"


def test_expected_revision_mismatch_on_update(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())
    store.update("case-0001", record_outcome("on_track"), "review")
    before = case_file(store, "case-0001").read_bytes()
    with pytest.raises(ConflictError):
        store.update("case-0001", record_outcome("concerns"), "review", expected_revision=1)
    assert case_file(store, "case-0001").read_bytes() == before
    assert store.update(
        "case-0001", record_outcome("concerns"), "review", expected_revision=2
    ).revision == 3


def test_one_audit_event_per_write_with_user_action_and_paths(
    make_store: Callable[..., CaseStore], make_case: MakeCase
) -> None:
    alice, bob = make_store("alice"), make_store("bob")
    alice.create(make_case(), "request received")
    bob.update("case-0001", record_outcome("on_track"), "record_review", "review 1 held")

    def rename(case: Case) -> None:
        case.request.practitioner.name = "Dr Renamed"

    alice.update("case-0001", rename, "edit_request")

    events = alice.audit("case-0001")
    assert [(e.user, e.action, e.revision) for e in events] == [
        ("alice", "create", 1),
        ("bob", "record_review", 2),
        ("alice", "edit_request", 3),
    ]
    assert events[0].summary == "request received"
    assert events[1].summary == "review 1 held"
    assert events[1].changes == ["plan.review_points[0].outcome"]
    assert events[2].changes == ["request.practitioner.name"]
    # Bookkeeping fields change on every write and are not reported as edits.
    assert not any(p.startswith(("revision", "updated_")) for e in events for p in e.changes)
    assert all(e.case_id == "case-0001" for e in events)


def test_rule_error_inside_update_writes_nothing(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())
    path = case_file(store, "case-0001")
    before = path.read_bytes()

    def refuse(case: Case) -> None:
        case.request.practitioner.name = "half-done edit"
        raise RuleError("the plan is agreed; propose an amendment", "plan")

    with pytest.raises(RuleError):
        store.update("case-0001", refuse, "edit")
    assert path.read_bytes() == before
    assert len(store.audit("case-0001")) == 1
    assert store.get("case-0001").revision == 1


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns on the bad value
def test_invalid_result_is_refused_with_one_line(store: CaseStore, make_case: MakeCase) -> None:
    store.create(make_case())
    before = case_file(store, "case-0001").read_bytes()

    def corrupt(case: Case) -> None:
        case.intake_step = "not a number"  # type: ignore[assignment]

    with pytest.raises(StoreError) as err:
        store.update("case-0001", corrupt, "edit")
    assert "intake_step" in str(err.value) and "\n" not in str(err.value)
    assert case_file(store, "case-0001").read_bytes() == before


def test_update_of_missing_case(store: CaseStore) -> None:
    with pytest.raises(CaseNotFound):
        store.update("case-none", lambda c: None, "edit")
    with pytest.raises(CaseNotFound):
        store.get("case-none")
    with pytest.raises(CaseNotFound):
        store.audit("case-none")


@pytest.mark.parametrize(
    "bad_id",
    ["../meta", "..", "a/b", "/etc/passwd", "cases/../x", ".hidden", "", "a\\b", "a\0b", "case\n"],
)
def test_ids_that_escape_the_folder_are_refused(
    store: CaseStore, make_case: MakeCase, bad_id: str
) -> None:
    store.create(make_case())
    with pytest.raises(CaseNotFound):
        store.get(bad_id)
    with pytest.raises(CaseNotFound):
        store.update(bad_id, lambda c: None, "edit")
    with pytest.raises(CaseNotFound):
        store.audit(bad_id)
    with pytest.raises(CaseNotFound):
        store.create(make_case(case_id=bad_id))
    assert not store.exists("case-none")
    with pytest.raises(CaseNotFound):
        store.exists(bad_id)
    assert store.list_ids() == ["case-0001"]


def test_fingerprint_sees_another_instance_write(
    make_store: Callable[..., CaseStore], make_case: MakeCase
) -> None:
    mine, theirs = make_store("alice"), make_store("bob")
    mine.create(make_case("case-0001"))
    mine.create(make_case("case-0002"))
    first = mine.fingerprint()
    assert set(first) == {"case-0001", "case-0002"}
    assert mine.fingerprint() == first  # reading changes nothing

    theirs.update("case-0002", record_outcome("on_track"), "review")
    second = mine.fingerprint()
    assert second["case-0001"] == first["case-0001"]
    assert second["case-0002"] != first["case-0002"]

    theirs.create(make_case("case-0003"))
    assert set(mine.fingerprint()) == {"case-0001", "case-0002", "case-0003"}


def test_load_all_returns_every_case(store: CaseStore, make_case: MakeCase) -> None:
    for i in range(3):
        store.create(make_case(f"case-{i}"))
    cases, problems = store.load_all()
    assert [c.id for c in cases] == ["case-0", "case-1", "case-2"]
    assert problems == []


def test_discard_new_removes_only_a_case_never_saved_into(store) -> None:
    from psr_tui.domain.case import Case

    blank = store.create(Case(id="case-blank"))
    kept = store.create(Case(id="case-kept"))
    store.update(kept.id, lambda c: setattr(c, "intake_step", 1), "intake.save")
    named = store.create(Case(id="case-named"))
    assert store.discard_new(named.id, lambda c: False) is False  # not blank: kept
    assert store.discard_new(blank.id, lambda c: True) is True
    assert store.discard_new(kept.id, lambda c: True) is False  # saved into since
    store.update(named.id, lambda c: None, "noop")
    assert store.list_ids() == ["case-kept", "case-named"]
    assert not (store.briefs_dir / "case-blank.json").exists()


@pytest.mark.parametrize("with_line_break", [False, True])
def test_only_case_file_names_are_listed_as_ids(store: CaseStore, with_line_break: bool) -> None:
    # The listing is matched in one pass over its names joined by line breaks: a name
    # holding one must not make another name out of its halves.
    folder = store.root / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    names = ["case-b.json", "case-a.json", ".case-c.json.tmp", "case-d.json.lock", "notes.txt",
             "-bad.json", "x" * 82 + ".json", "ok.name_1.json", "case-e.JSON"]
    if with_line_break:
        names.append("junk\ncase-f.json")
    for name in names:
        (folder / name).write_text("{}")
    assert store.list_ids() == ["case-a", "case-b", "ok.name_1"]


def _same_tick(folder: Path, stamp: int) -> None:
    """The folder keeps the stamp it had: a change made within one coarse clock tick."""
    os.utime(folder, ns=(stamp, stamp))


def _two_users_one_case(make_store: Callable[..., CaseStore], make_case: MakeCase,
                        ) -> tuple[CaseStore, CaseStore, Path]:
    """Alice's store with case-0001, Bob's on the same folder, and the cases folder."""
    mine, theirs = make_store("alice"), make_store("bob")
    mine.create(make_case("case-0001"))
    return mine, theirs, mine.root / "cases"


def test_a_change_within_the_listings_clock_tick_is_still_seen(
    make_store: Callable[..., CaseStore], make_case: MakeCase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine, theirs, folder = _two_users_one_case(make_store, make_case)
    stamp = folder.stat().st_mtime_ns
    assert set(mine.fingerprint()) == {"case-0001"}
    assert mine.list_ids() == ["case-0001"]
    theirs.create(make_case("case-0002"))
    _same_tick(folder, stamp)
    later = time.time_ns() + 5_000_000_000  # the stamp now looks settled
    monkeypatch.setattr(time, "time_ns", lambda: later)
    assert set(mine.fingerprint()) == {"case-0001", "case-0002"}
    assert mine.list_ids() == ["case-0001", "case-0002"]


def test_a_settled_folder_is_listed_once_until_it_changes(
    make_store: Callable[..., CaseStore], make_case: MakeCase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mine, theirs, folder = _two_users_one_case(make_store, make_case)
    old = time.time_ns() - 10_000_000_000
    _same_tick(folder, old)
    listings: list[str] = []
    listdir = os.listdir

    def counted(path: str | os.PathLike[str]) -> list[str]:
        listings.append(str(path))
        return listdir(path)

    monkeypatch.setattr(os, "listdir", counted)
    assert mine.list_ids() == ["case-0001"]
    assert mine.list_ids() == ["case-0001"]
    assert len(listings) == 1
    theirs.create(make_case("case-0002"))  # a new stamp: listed again
    assert mine.list_ids() == ["case-0001", "case-0002"]
    assert len(listings) == 2
    ids = mine.list_ids()
    ids.append("not-a-case")  # a caller's copy: the kept list is not changed through it
    assert mine.list_ids() == ["case-0001", "case-0002"]
