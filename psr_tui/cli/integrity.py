"""`psr-tui check`: every case file readable, valid and consistent with itself, and its
audit trail unbroken (store/audit_seal.py)."""

from __future__ import annotations

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
    vocab = default_vocabularies()
    legacy_events = legacy_cases = imported_events = imported_cases = 0
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
        legacy_events += trail.legacy
        legacy_cases += bool(trail.legacy)
        imported_events += trail.imported
        imported_cases += bool(trail.imported)
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
