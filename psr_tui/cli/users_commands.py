"""`psr-tui user ...` (the administrator's) and `psr-tui whoami` (anyone's)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from ..domain.access import USER_ADMIN, require
from ..store.users import UserRegistry
from . import authorized_keys
from .commands import acting, db_root
from .usage import UsageError


def cmd_whoami(args: argparse.Namespace) -> int:
    identity = acting(args)
    print(identity.label)
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    identity = acting(args)
    require(identity, USER_ADMIN)
    registry = UserRegistry(db_root(args), identity.name)
    action = args.user_command
    if action == "add":
        record = registry.add(args.name, args.role, args.organisation, args.display_name)
        print(f"added {record.name} ({record.role})", file=sys.stderr)
    elif action == "remove":
        registry.remove(args.name)
        print(f"removed {args.name}; also delete their key lines from authorized_keys",
              file=sys.stderr)
    elif action == "set-role":
        record = registry.set_role(args.name, args.role, args.organisation)
        print(f"{record.name} is now {record.role}", file=sys.stderr)
    elif action == "list":
        _print_users(registry, as_json=args.json)
    else:
        return _key(args, registry)
    return 0


def _print_users(registry: UserRegistry, *, as_json: bool) -> None:
    users = registry.list()
    if as_json:
        print(json.dumps([asdict(u) for u in users], indent=1, ensure_ascii=False))
        return
    for u in users:
        print(f"{u.name:<16} {u.role:<20} {u.organisation[:36]:<36} {u.display_name}")


def _key(args: argparse.Namespace, registry: UserRegistry) -> int:
    if registry.record(args.name) is None:
        raise UsageError(f"no psr-tui user {args.name} (add them first: psr-tui user add)")
    key = authorized_keys.public_key(Path(args.pubkey_file))
    line = authorized_keys.key_line(authorized_keys.executable(), registry.root, args.name, key)
    if not args.install:
        print(line)
        return 0
    locks = registry.root / "locks"
    locks.mkdir(parents=True, mode=0o700, exist_ok=True)
    added = authorized_keys.install(line, key, locks)
    print(("installed" if added else "already installed") + f" the key for {args.name} "
          "in ~/.ssh/authorized_keys", file=sys.stderr)
    return 0
