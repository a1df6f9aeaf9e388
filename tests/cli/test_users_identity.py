"""`psr-tui user ...`, and who the CLI says is acting (owner or not, --as, $PSR_TUI_USER)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from psr_tui.cli import identity, main
from psr_tui.store.users import UserRegistry


@pytest.fixture
def db(tmp_path: Path) -> Path:
    root = tmp_path / "db"
    assert main(["demo", "--db", str(root), "--cases", "2"]) == 0
    return root


def as_another_account(monkeypatch: pytest.MonkeyPatch, account: str) -> None:
    """This process as a login that does not own the database folder."""
    monkeypatch.setattr(identity, "account_name", lambda: account)
    monkeypatch.setattr(identity, "folder_owner", lambda root: os.geteuid() + 1)


def test_user_add_list_set_role_remove_are_audited(db: Path, capsys) -> None:
    assert main(["user", "add", "asmith", "--role", "supervisor", "--display-name",
                 "Dr Anna Smith", "--db", str(db)]) == 0
    assert main(["user", "set-role", "asmith", "organisation_lead", "--organisation",
                 "Severnside Hospitals NHS Trust", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["user", "list", "--json", "--db", str(db)]) == 0
    users = {u["name"]: u for u in json.loads(capsys.readouterr().out)}
    assert users["asmith"]["role"] == "organisation_lead"
    assert users["asmith"]["organisation"] == "Severnside Hospitals NHS Trust"
    assert users["asmith"]["display_name"] == "Dr Anna Smith"
    assert users["asmith"]["added_by"] == identity.account_name()
    assert main(["user", "remove", "asmith", "--db", str(db)]) == 0
    registry = UserRegistry(db, "x")
    assert registry.get("asmith") is None
    trail = [(e["action"], e["user"]) for e in registry.audit() if e["user"] == "asmith"]
    assert trail == [("add", "asmith"), ("set-role", "asmith"), ("remove", "asmith")]
    assert (db / "users.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("args", "words"), [
    (["add", "Bad Name", "--role", "supervisor"], "is not a user name"),
    (["add", "x", "--role", "organisation_lead"], "needs --organisation"),
    (["add", "x", "--role", "wizard"], "invalid choice"),
    (["add", "dosei", "--role", "supervisor"], "already exists"),
    (["add", "x", "--role", "supervisor", "--display-name", "a\nb"], "control characters"),
    (["remove", "nobody"], "no psr-tui user nobody"),
    (["set-role", "dosei", "responsible_officer", "--organisation", ""], "needs --organisation"),
    (["key", "nobody", "/dev/null"], "no psr-tui user nobody"),
])
def test_bad_user_changes_are_one_line_and_change_nothing(db, args, words, one_line) -> None:
    before = (db / "users.json").read_bytes()
    assert main(["user", *args, "--db", str(db)]) == 2
    assert words in one_line()
    assert (db / "users.json").read_bytes() == before


@pytest.fixture
def pubkey(tmp_path: Path) -> Path:
    key = tmp_path / "id"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "me@laptop", "-f",
                    str(key)], check=True)
    return key.with_suffix(".pub")


def test_user_key_prints_the_pinned_line_and_installs_it_once(db, pubkey, tmp_path, monkeypatch,
                                                              capsys, one_line) -> None:
    assert main(["user", "key", "dosei", str(pubkey), "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip()
    kind, blob = pubkey.read_text().split()[:2]
    assert line.startswith('restrict,pty,command="/')
    assert f' --db {db} ssh-session dosei" {kind} {blob} me@laptop' in line
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for _ in range(2):  # the second time: already there, not doubled
        assert main(["user", "key", "dosei", str(pubkey), "--install", "--db", str(db)]) == 0
    keys = home / ".ssh" / "authorized_keys"
    assert keys.read_text().splitlines() == [line]
    assert keys.stat().st_mode & 0o777 == 0o600
    assert (home / ".ssh").stat().st_mode & 0o777 == 0o700
    capsys.readouterr()
    # The same key for another user would make it stand for two: refused.
    assert main(["user", "key", "arao", str(pubkey), "--install", "--db", str(db)]) == 2
    assert "already in" in one_line()
    assert keys.read_text().splitlines() == [line]


@pytest.mark.parametrize("text", [
    'command="/bin/sh" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA me', "not a key",
    "ssh-ed25519 !!!notbase64", "",
])
def test_user_key_refuses_anything_but_a_bare_public_key(db, tmp_path, text, one_line) -> None:
    bad = tmp_path / "bad.pub"
    bad.write_text(text + "\n")
    assert main(["user", "key", "dosei", str(bad), "--db", str(db)]) == 2
    one_line()


def test_the_owner_is_the_administrator_and_may_act_as_a_user(db: Path, capsys) -> None:
    assert main(["whoami", "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip().endswith("PSR case adviser · admin")
    assert main(["--as", "dosei", "whoami", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Mr Daniel Osei · Supervisor")


def test_psr_tui_user_counts_as_as_for_the_owner(db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PSR_TUI_USER", "ggriffiths")
    assert main(["whoami", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Mr Gareth Griffiths · Practitioner")


def test_user_not_owner_is_their_own_record_and_may_not_use_as(db, monkeypatch, capsys,
                                                               one_line) -> None:
    as_another_account(monkeypatch, "dosei")
    monkeypatch.setenv("USER", "hmarsden")  # $USER is the caller's word: never believed
    assert main(["whoami", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("Mr Daniel Osei · Supervisor")
    assert main(["--as", "hmarsden", "list", "--db", str(db)]) == 2
    assert one_line() == "psr-tui: --as is for the database's administrator or --demo"
    monkeypatch.setenv("PSR_TUI_USER", "hmarsden")
    assert main(["list", "--db", str(db)]) == 2
    assert "--as is for the database's administrator" in one_line()
    monkeypatch.delenv("PSR_TUI_USER")
    assert main(["dump", "--db", str(db)]) == 2
    assert "administrators only" in one_line()


def test_an_account_with_no_user_record_is_refused(db, monkeypatch, one_line) -> None:
    as_another_account(monkeypatch, "stranger")
    assert main(["list", "--db", str(db)]) == 2
    assert one_line() == "psr-tui: no psr-tui user stranger; ask the administrator"


def test_ssh_session_only_as_the_owner_and_never_with_as(db, monkeypatch, one_line) -> None:
    monkeypatch.setenv("SSH_ORIGINAL_COMMAND", "whoami")
    assert main(["--db", str(db), "--as", "hmarsden", "ssh-session", "dosei"]) == 2
    assert "never --as" in one_line()
    as_another_account(monkeypatch, "dosei")
    assert main(["--db", str(db), "ssh-session", "dosei"]) == 2
    assert "owns the database" in one_line()
