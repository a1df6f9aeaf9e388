"""Plan facts files: made on first use, never stale (rebuilt after a save), a case without
a plan cached as such, only the identity's insight scope returned, mode 0600."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from psr_tui.domain.access import AccessRefused, Identity
from psr_tui.domain.case import Case
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseStore

from .sample_cases import small_case

VOCAB = default_vocabularies()


def test_facts_follow_every_save_and_keep_to_scope(tmp_path: Path) -> None:
    store = CaseStore.open(tmp_path / "db")
    case = small_case("case-plan")
    case.request.organisation.name = "Northmoor"
    case.request.demographics.sex = "female"
    store.create(case)
    no_plan = small_case("case-noplan")
    no_plan.plan = None
    store.create(no_plan)
    facts, problems = store.plan_facts(VOCAB)
    assert problems == [] and [(f.case_id, f.sex) for f in facts] == [(case.id, "female")]
    files = sorted(p.name for p in (store.root / "insights").iterdir())
    assert files == ["case-noplan.json", "case-plan.json"]
    assert stat.S_IMODE((store.root / "insights" / files[1]).stat().st_mode) == 0o600

    def to_male(c: Case) -> None:
        c.request.demographics.sex = "male"

    store.update(case.id, to_male, "intake", "sex")
    assert [f.sex for f in store.plan_facts(VOCAB)[0]] == ["male"]

    lead = CaseStore.open(store.root, identity=Identity("o", "organisation_lead",
                                                        organisation="Elsewhere"))
    assert lead.plan_facts(VOCAB)[0] == []
    analyst = CaseStore.open(store.root, identity=Identity("a", "analyst"))
    assert len(analyst.plan_facts(VOCAB)[0]) == 1


def test_a_role_without_insights_is_refused(tmp_path: Path) -> None:
    CaseStore.open(tmp_path / "db")
    store = CaseStore.open(tmp_path / "db", identity=Identity("x", "nobody"))
    with pytest.raises(AccessRefused):
        store.plan_facts(VOCAB)
