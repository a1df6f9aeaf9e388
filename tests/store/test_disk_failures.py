"""A failing disk is a StorageFailure naming the cause, never a bare OSError: the old file
stays intact, no temp file is left, and no record content is in the message."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from psr_tui.domain.case import Case
from psr_tui.store import CaseStore, StoreError, UnreadableFile, atomic_storage
from psr_tui.store.disk_errors import plain_cause
from psr_tui.store.errors import StorageFailure

from .sample_cases import small_case

MARKER = "CONFIDENTIAL-MARKER-7731"


def fail_with(code: int) -> Callable[..., object]:
    def raise_it(*_args: object, **_kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return raise_it


def temp_files(store: CaseStore) -> list[Path]:
    return [*store.cases_dir.glob(".*.tmp"), *store.root.glob(".*.tmp")]


def put_marker(case: Case) -> None:
    case.request.practitioner.name = MARKER


@pytest.mark.parametrize(("function", "code", "words"), [
    ("write", errno.ENOSPC, "the disk is full"),
    ("fsync", errno.ENOSPC, "the disk is full"),
    ("write", errno.EDQUOT, "quota"),
    ("replace", errno.EIO, "input/output error"),
    ("replace", errno.EROFS, "read-only"),
])
def test_a_failed_write_names_the_cause_and_leaves_the_old_file(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, function: str, code: int, words: str
) -> None:
    store.create(small_case())
    path = store.cases_dir / "case-0001.json"
    before = path.read_bytes()
    monkeypatch.setattr(os, function, fail_with(code))
    with pytest.raises(StorageFailure) as caught:
        store.update("case-0001", put_marker, "update", "name changed")
    monkeypatch.undo()
    message = str(caught.value)
    assert words in message
    assert "case-0001.json" in message
    assert MARKER not in message
    assert caught.value.errno == code
    assert path.read_bytes() == before
    assert temp_files(store) == []
    assert store.get("case-0001").revision == 1


def test_a_create_on_a_full_disk_writes_nothing(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", fail_with(errno.ENOSPC))
    with pytest.raises(StorageFailure, match="the disk is full"):
        store.create(small_case(name=MARKER))
    monkeypatch.undo()
    assert store.list_ids() == []
    assert temp_files(store) == []


def test_a_read_only_locks_folder_is_a_storage_failure(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse_locks(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)).parent == store.locks_dir:
            raise OSError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_locks)
    with pytest.raises(StorageFailure) as caught:
        store.create(small_case())
    assert str(caught.value).startswith(f"no permission to write to {store.locks_dir}")


def test_a_read_failure_is_reported_as_an_unreadable_file(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create(small_case(name=MARKER))
    # Every case file is read by atomic_storage.read_bytes (a plain `open`: `check`
    # reads thousands); the app's read and check's alike.
    monkeypatch.setattr(atomic_storage, "open", fail_with(errno.EIO), raising=False)
    for read in (store.get, store.with_audit):
        with pytest.raises(UnreadableFile) as caught:
            read("case-0001")
        assert "input/output error" in str(caught.value)
        assert MARKER not in str(caught.value)


def test_a_folder_that_cannot_be_listed_is_a_storage_failure(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "scandir", fail_with(errno.EACCES))
    with pytest.raises(StorageFailure, match="no permission to read"):
        store.fingerprint()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions (chmod)")
def test_a_read_only_cases_folder_refuses_the_save(store: CaseStore) -> None:
    store.create(small_case())
    before = (store.cases_dir / "case-0001.json").read_bytes()
    store.cases_dir.chmod(0o500)
    try:
        with pytest.raises(StorageFailure, match="no permission to write to"):
            store.update("case-0001", put_marker, "update", "name changed")
    finally:
        store.cases_dir.chmod(0o700)
    assert (store.cases_dir / "case-0001.json").read_bytes() == before
    assert temp_files(store) == []


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "the disk is full"),
    (errno.EDQUOT, "your disk quota is used up"),
    (errno.EROFS, "read-only"),
    (errno.EACCES, "no permission to write to /db/cases"),
    (errno.EIO, "input/output error"),
    (errno.ENOLCK, "no locks available"),  # no words of ours: the system's, lower case
])
def test_plain_cause_words(code: int, words: str) -> None:
    assert words in plain_cause(OSError(code, os.strerror(code)), Path("/db/cases"))


def test_storage_failure_is_a_store_error() -> None:
    assert issubclass(StorageFailure, StoreError)
