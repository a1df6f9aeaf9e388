"""Exported documents: private, atomic, never through a symbolic link, folders 0700."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from psr_tui.export.files import DocumentNotWritten, write_document


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_document_is_0600_in_0700_folders_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "plan.md"
    old = os.umask(0o000)
    try:
        write_document(target, "# Plan\n")
    finally:
        os.umask(old)
    assert target.read_text() == "# Plan\n"
    assert mode(target) == 0o600
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700


def test_an_existing_wider_file_becomes_0600(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    target.chmod(0o644)
    write_document(target, "new")
    assert (target.read_text(), mode(target)) == ("new", 0o600)


def test_a_symbolic_link_at_the_target_is_refused_and_its_target_untouched(
    tmp_path: Path,
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o644)
    link = tmp_path / "plan.md"
    link.symlink_to(victim)
    with pytest.raises(DocumentNotWritten, match="refusing to write through the symbolic link"):
        write_document(link, "# Plan\n")
    assert victim.read_text() == "precious" and mode(victim) == 0o644
    assert link.is_symlink()


@pytest.mark.parametrize("function", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_whole_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("the old document, whole")

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, function, no_space)
    with pytest.raises(DocumentNotWritten, match="the disk is full"):
        write_document(target, "# A new plan\n" * 1000)
    monkeypatch.undo()
    assert target.read_text() == "the old document, whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.md").mkdir()
    with pytest.raises(DocumentNotWritten, match="is not a file"):
        write_document(tmp_path / "plan.md", "x")
