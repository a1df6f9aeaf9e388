"""`psr-tui check`: every case file readable, valid and consistent with itself, and its
audit trail unbroken (store/audit_seal.py)."""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field

from ..domain.record_integrity import record_problems
from ..domain.vocabulary import default_vocabularies
from ..store import CaseStore, StoreError
from ..store.audit_seal import load_legacy, verify_trail
from ..store.file_lock import lock_if_free

# ".<name>.json.<pid>.<hex>.tmp": the temp file of an atomic write of <name>.json.
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.json\.\d+\.[0-9a-f]+\.tmp")


def tidy_temp_files(store: CaseStore) -> tuple[list[str], list[str]]:
    """Remove the temp files killed writers left; (notes, problems).

    A writer holds the lock of the file it replaces for the whole life of its temp file,
    so a temp file whose lock is held is a save in progress (left alone, noted); one whose
    lock is free is a leftover, removed under that lock so no save can start meanwhile.
    """
    notes: list[str] = []
    problems: list[str] = []
    for stray in sorted([*store.root.glob(".*.tmp"), *store.cases_dir.glob(".*.tmp")]):
        match = _TEMP_NAME.fullmatch(stray.name)
        if match is None:
            problems.append(f"{stray}: a temporary file psr-tui did not write; not removed")
            continue
        with lock_if_free(store.locks_dir / f"{match['name']}.lock") as free:
            if not free:
                notes.append(f"{stray}: a save in progress (left alone)")
                continue
            try:
                stray.unlink(missing_ok=True)
            except OSError as exc:
                problems.append(f"{stray}: leftover of an interrupted save, cannot remove it "
                                f"({exc.strerror})")
                continue
        notes.append(f"{stray}: leftover of an interrupted save, cleaned")
    return notes, problems


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)  # failures: exit 1
    notes: list[str] = field(default_factory=list)  # worth knowing, not failures
    checked: int = 0


# Below this many cases one process checks them all: a second costs more than it saves.
# Above it, one process per core, each checking at least half this many cases.
PARALLEL_FROM = 2000
MOST_PROCESSES = 8  # past this the reading, not the validation, is what waits


@dataclass
class CasesChecked:
    """What checking a run of case files found (picklable: a worker process returns it)."""

    problems: list[str] = field(default_factory=list)
    legacy_events: int = 0
    legacy_cases: int = 0
    imported_events: int = 0
    imported_cases: int = 0


def check_store(store: CaseStore) -> CheckResult:
    result = CheckResult()
    problems = result.problems
    ids = store.list_ids()
    result.checked = len(ids)
    try:
        key = store.audit_key
        legacy = load_legacy(store.root, key)
    except StoreError as exc:
        problems.append(str(exc))
        return result
    # What is loaded by now lives as long as the process: out of the collector's sight,
    # so thousands of parses do not walk it again and again (and forked workers share it).
    gc.freeze()
    try:
        found = _check_all(store, key, legacy, ids)
    finally:
        gc.unfreeze()
    problems += found.problems
    legacy_events, legacy_cases = found.legacy_events, found.legacy_cases
    imported_events, imported_cases = found.imported_events, found.imported_cases
    from ..store.purge import check_stubs

    stubs, stub_problems = check_stubs(store)
    problems.extend(stub_problems)
    if stubs:
        result.notes.append(f"{stubs} purged case(s): audit stubs only, their seals checked")
    if legacy_events:
        result.notes.append(
            f"{legacy_events} unsealed legacy audit event(s) in {legacy_cases} case(s), "
            "recorded before the audit trail was sealed: unchanged since, not verifiable")
    if imported_events:
        result.notes.append(
            f"{imported_events} audit event(s) in {imported_cases} case(s) came from an import "
            "and could not be verified here (marked imported)")
    return result


def _check_all(store: CaseStore, key: bytes, legacy: dict[str, str], ids: list[str]
               ) -> CasesChecked:
    """Every case, in one process per core (a run of the ids each) when there are many:
    each file is read and validated once either way, the problems in the order of `ids`."""
    parts = min(os.cpu_count() or 1, MOST_PROCESSES, len(ids) * 2 // PARALLEL_FROM)
    if parts < 2:
        return _check_cases(store, key, legacy, ids)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(ids) // parts)  # rounded up: `parts` runs cover every id
    runs = [ids[at:at + size] for at in range(0, len(ids), size)]
    global _FORKED
    _FORKED = (store, key, legacy)  # inherited by the forked workers: nothing to pickle
    try:
        with ProcessPoolExecutor(len(runs) - 1,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_check_forked, run) for run in runs[1:]]
            found = [_check_cases(store, key, legacy, runs[0])]  # this process: the first
            found += [other.result() for other in others]
    finally:
        _FORKED = None
    return CasesChecked([p for part in found for p in part.problems],
                        sum(part.legacy_events for part in found),
                        sum(part.legacy_cases for part in found),
                        sum(part.imported_events for part in found),
                        sum(part.imported_cases for part in found))


_FORKED: tuple[CaseStore, bytes, dict[str, str]] | None = None


def _check_forked(ids: list[str]) -> CasesChecked:
    assert _FORKED is not None, "set before the worker was forked"
    return _check_cases(*_FORKED, ids)


def _check_cases(store: CaseStore, key: bytes, legacy: dict[str, str], ids: list[str]
                 ) -> CasesChecked:
    found = CasesChecked()
    problems = found.problems
    vocab = default_vocabularies()
    for case_id in ids:
        try:
            case, audit = store.with_audit(case_id)  # one read of the file
        except StoreError as exc:
            problems.append(str(exc))
            continue
        where = f"case {case_id}"
        if case.id != case_id:
            problems.append(f"{where}: file name does not match record id {case.id!r}")
        problems.extend(f"{where}: {e.path}: {e.message}" for e in record_problems(case, vocab))
        if not audit:
            problems.append(f"{where}: no audit trail")
        elif max(e.revision for e in audit) != case.revision:
            problems.append(f"{where}: audit trail ends at revision "
                            f"{max(e.revision for e in audit)}, record is {case.revision}")
        if any(e.case_id != case_id for e in audit):
            problems.append(f"{where}: audit events belonging to another case")
        trail = verify_trail(key, case_id, audit, legacy)
        problems.extend(trail.problems)
        found.legacy_events += trail.legacy
        found.legacy_cases += bool(trail.legacy)
        found.imported_events += trail.imported
        found.imported_cases += bool(trail.imported)
    return found
