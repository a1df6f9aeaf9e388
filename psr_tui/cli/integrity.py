"""`psr-tui check`: every case file readable, valid and consistent with itself."""

from __future__ import annotations

import re

from ..store import CaseStore, StoreError
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


def check_store(store: CaseStore) -> tuple[list[str], int]:
    problems: list[str] = []
    ids = store.list_ids()
    for case_id in ids:
        try:
            case = store.get(case_id)
            audit = store.audit(case_id)
        except StoreError as exc:
            problems.append(str(exc))
            continue
        where = f"case {case_id}"
        if case.id != case_id:
            problems.append(f"{where}: file name does not match record id {case.id!r}")
        if case.revision < 1:
            problems.append(f"{where}: revision {case.revision} (must be 1 or more)")
        if not audit:
            problems.append(f"{where}: no audit trail")
        elif max(e.revision for e in audit) != case.revision:
            problems.append(f"{where}: audit trail ends at revision "
                            f"{max(e.revision for e in audit)}, record is {case.revision}")
        if any(e.case_id != case_id for e in audit):
            problems.append(f"{where}: audit events belonging to another case")
        plan = case.plan
        if plan is None:
            continue
        objective_ids = {o.id for o in plan.objectives}
        for act in plan.activities:
            for oid in act.objective_ids:
                if oid not in objective_ids:
                    problems.append(f"{where}: activity {act.id} links to missing objective {oid}")
        if plan.stages and not 0 <= plan.current_stage < len(plan.stages):
            problems.append(f"{where}: current stage {plan.current_stage} outside the ladder")
        condition_ids = {c.id for c in case.request.conditions}
        for cid in plan.condition_ids:
            if cid not in condition_ids:
                problems.append(f"{where}: plan references missing condition {cid}")
        for amendment in plan.amendments:
            if amendment.status == "agreed" and not (amendment.organisation
                                                     and amendment.practitioner):
                problems.append(f"{where}: amendment {amendment.id} agreed without both parties")
    return problems, len(ids)
