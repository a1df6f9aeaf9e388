"""The store applies the access policy: scope on every read, redaction, refusals on writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from psr_tui.domain.access import (
    ORGANISATION_LEAD,
    PRACTITIONER,
    SUPERVISOR,
    AccessRefused,
    Identity,
)
from psr_tui.domain.case import Case
from psr_tui.domain.plan import ReviewOutcome, Role
from psr_tui.store import CaseNotFound, CaseStore, StoreError

from .sample_cases import small_case

SECRET = "SECRET-NOTE-7731"


def confidential_case(case_id: str, supervisor: str, organisation: str) -> Case:
    case = small_case(case_id)
    case.request.organisation.name = organisation
    case.request.practitioner.user = f"pract-{case_id}"
    case.request.occupational_health.health_details = SECRET
    case.discussions.practitioner.notes = SECRET
    case.request.demographics.sex = SECRET
    assert case.plan is not None
    case.plan.roles = [Role(role="clinical_supervisor", person="Dr S", user=supervisor)]
    return case


@pytest.fixture
def db(tmp_path: Path) -> Path:
    admin = CaseStore.open(tmp_path / "db", user="admin")
    admin.create(confidential_case("case-a", "sue", "North Trust"))
    admin.create(confidential_case("case-b", "sam", "South Trust"))
    return tmp_path / "db"


def as_(db: Path, who: Identity) -> CaseStore:
    return CaseStore.open(db, identity=who)


def test_a_supervisor_sees_only_their_plans_and_no_confidential_text(db: Path) -> None:
    store = as_(db, Identity("sue", SUPERVISOR))
    cases, problems = store.load_all()
    assert [c.id for c in cases] == ["case-a"] and problems == []
    briefs, _ = store.load_briefs()
    assert [c.id for c in briefs] == ["case-a"]
    seen = store.get("case-a")
    assert SECRET not in seen.model_dump_json()
    with pytest.raises(CaseNotFound):
        store.get("case-b")
    with pytest.raises(CaseNotFound):
        store.get_brief("case-b")


def test_the_administrators_store_still_holds_the_confidential_text(db: Path) -> None:
    as_(db, Identity("sue", SUPERVISOR)).update(
        "case-a", lambda c: c.plan.review_points[0].__setattr__(  # type: ignore[union-attr]
            "outcome", ReviewOutcome(outcome="on_track", note="fine")),
        "review.record", "recorded")
    full = CaseStore.open(db, user="admin").get("case-a")
    assert full.discussions.practitioner.notes == SECRET
    assert full.request.occupational_health.health_details == SECRET
    assert full.plan is not None and full.plan.review_points[0].outcome is not None
    events = CaseStore.open(db, user="admin").audit("case-a")
    assert events[-1].user == "sue" and events[-1].action == "review.record"


def test_writes_outside_the_role_or_the_scope_are_refused_and_nothing_written(db: Path) -> None:
    sue = as_(db, Identity("sue", SUPERVISOR))
    before = CaseStore.open(db, user="admin").get("case-a").revision
    with pytest.raises(AccessRefused):
        sue.update("case-a", lambda c: None, "plan.issue", "issue")
    with pytest.raises(AccessRefused):
        sue.update("case-a", lambda c: None, "plan.sign.organisation", "sign")
    with pytest.raises(AccessRefused):
        sue.update("case-b", lambda c: None, "review.record", "not hers")
    with pytest.raises(AccessRefused):
        sue.create(small_case("case-c"))
    assert CaseStore.open(db, user="admin").get("case-a").revision == before


def test_a_redacted_copy_cannot_be_saved_whole(db: Path) -> None:
    lead = as_(db, Identity("olive", ORGANISATION_LEAD, organisation="North Trust"))
    case = lead.get("case-a")
    with pytest.raises(StoreError, match="redacted"):
        lead.save(case, "overwrite")
    assert CaseStore.open(db, user="admin").get("case-a").discussions.practitioner.notes == SECRET


def test_the_practitioner_sees_only_their_own_case(db: Path) -> None:
    store = as_(db, Identity("pract-case-b", PRACTITIONER))
    assert [c.id for c in store.load_all()[0]] == ["case-b"]
    assert SECRET not in store.get("case-b").model_dump_json()


def test_the_audit_trail_is_the_advisers_and_the_organisations(db: Path) -> None:
    lead = as_(db, Identity("olive", ORGANISATION_LEAD, organisation="North Trust"))
    assert lead.audit("case-a")
    with pytest.raises(AccessRefused):
        lead.audit("case-b")
    with pytest.raises(AccessRefused):
        as_(db, Identity("sue", SUPERVISOR)).audit("case-a")


def test_registered_users_are_listed_for_an_adviser_choosing_roles_only(tmp_path) -> None:
    from psr_tui.domain.access import SUPERVISOR, AccessRefused, Identity
    from psr_tui.store import CaseStore
    from psr_tui.store.users import UserRegistry

    owner = CaseStore.open(tmp_path / "db", user="admin")
    assert owner.registered_users() == []  # no users file yet
    UserRegistry(owner.root, "admin").add("bshah", SUPERVISOR, display_name="Dr Bea Shah")
    assert [(u.name, u.display_name) for u in owner.registered_users()] == [
        ("bshah", "Dr Bea Shah")]
    supervisor = CaseStore.open(tmp_path / "db", identity=Identity("bshah", SUPERVISOR))
    with pytest.raises(AccessRefused):
        supervisor.registered_users()
