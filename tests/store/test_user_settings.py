"""Per-user settings in the database folder: kept per psr-tui user, private, atomic, and
never a path outside the folder."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from psr_tui.store import StoreError, UnreadableFile
from psr_tui.store.user_settings import UserSettings


def test_a_setting_is_kept_per_user_in_private_files(tmp_path: Path) -> None:
    UserSettings(tmp_path, "asmith").remember("theme", "ansi-dark")
    UserSettings(tmp_path, "bjones").remember("theme", "nord")
    assert UserSettings(tmp_path, "asmith").load() == {"theme": "ansi-dark"}
    assert UserSettings(tmp_path, "bjones").load() == {"theme": "nord"}
    assert UserSettings(tmp_path, "cwhite").load() == {}
    assert stat.S_IMODE((tmp_path / "settings").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "settings" / "asmith.json").stat().st_mode) == 0o600
    assert not list((tmp_path / "settings").glob(".*.tmp"))


def test_two_sessions_of_one_user_keep_both_settings(tmp_path: Path) -> None:
    keys = [f"key{n}" for n in range(20)]
    threads = [threading.Thread(target=UserSettings(tmp_path, "asmith").remember,
                                args=(key, "x")) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(UserSettings(tmp_path, "asmith").load()) == set(keys)


@pytest.mark.parametrize("user", ["../escape", ".hidden", "a/b", ""])
def test_a_user_name_that_is_no_file_name_is_not_kept(tmp_path: Path, user: str) -> None:
    settings = UserSettings(tmp_path, user)
    assert settings.load() == {}
    with pytest.raises(StoreError, match="cannot be kept"):
        settings.remember("theme", "nord")
    assert not (tmp_path / "settings").exists() and not (tmp_path / "escape.json").exists()


def test_bad_names_and_damaged_files_are_said_in_words(tmp_path: Path) -> None:
    settings = UserSettings(tmp_path, "asmith")
    with pytest.raises(StoreError, match="not a setting name"):
        settings.remember("../x", "y")
    (tmp_path / "settings").mkdir()
    (tmp_path / "settings" / "asmith.json").write_text("[1, 2")
    with pytest.raises(UnreadableFile):
        settings.load()
    settings.remember("theme", "nord")  # the user's new choice replaces the damage
    assert settings.load() == {"theme": "nord"}
