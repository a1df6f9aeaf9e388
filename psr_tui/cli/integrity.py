"""`psr-tui check`: every case file readable, valid and consistent with itself."""

from __future__ import annotations

from ..store import CaseStore, StoreError


def check_store(store: CaseStore) -> tuple[list[str], int]:
    problems: list[str] = []
    ids = store.list_ids()
    for stray in sorted(store.cases_dir.glob(".*.tmp")):
        problems.append(f"{stray}: leftover temporary file from an interrupted save (harmless)")
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
