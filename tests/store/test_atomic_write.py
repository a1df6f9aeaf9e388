"""A write that fails part-way leaves the record as it was and no stray temp file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from psr_tui.domain.case import Case
from psr_tui.store import CaseStore, StorageFailure, atomic_storage

from .sample_cases import small_case


def _fail_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    raise OSError(28, "No space left on device")


def test_a_failed_atomic_write_leaves_no_temp_file_and_the_old_record(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create(small_case("case-1"))
    cases: Path = store.root / "cases"
    before = (cases / "case-1.json").read_bytes()
    audit_before = store.audit("case-1")
    monkeypatch.setattr(atomic_storage.os, "replace", _fail_replace)

    def change(case: Case) -> None:
        case.request.practitioner.name = "Changed"

    with pytest.raises(StorageFailure, match="disk is full"):
        store.update("case-1", change, "intake.edit", "rename")
    monkeypatch.undo()
    assert sorted(p.name for p in cases.iterdir() if p.name.endswith(".tmp")) == []
    assert (cases / "case-1.json").read_bytes() == before
    assert store.get("case-1").request.practitioner.name != "Changed"
    assert store.audit("case-1") == audit_before
