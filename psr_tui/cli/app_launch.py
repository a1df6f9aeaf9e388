"""Opening the app: on demo data or a database, as the identity cli/identity.py resolved."""

from __future__ import annotations

import argparse
import shutil
import tempfile

from ..domain.access import ADVISER, Identity
from .commands import db_root, open_store, today
from .identity import account_name, is_administrator, resolve_identity


def run_app(args: argparse.Namespace, start: str, identity: Identity | None = None) -> int:
    """`identity` is given by ssh-session (the key's user); otherwise it is resolved here,
    after the demo data (and its users, for --as) is in place."""
    temporary = None
    if getattr(args, "demo", False) and not getattr(args, "db", None):
        temporary = args.db = tempfile.mkdtemp(prefix="psr-tui-demo-")
    try:
        if getattr(args, "demo", False):
            _seed_demo(args)
        args.identity = identity or resolve_identity(args, db_root(args))
        from ..app import make_app

        app = make_app(open_store(args), today=today, start=start)
        app.run(mouse=not getattr(args, "no_mouse", False))
        return app.return_code or 0
    finally:
        if temporary:  # a demo database nobody asked to keep
            shutil.rmtree(temporary, ignore_errors=True)


def _seed_demo(args: argparse.Namespace) -> None:
    root = db_root(args)
    if not is_administrator(root):
        return  # someone else's database: nothing to write, and no right to
    args.identity = Identity(account_name(), ADVISER, admin=True)
    store = open_store(args)
    if not store.list_ids():
        from ..demo import write_demo  # only here: the demo package is large to import

        write_demo(store, today())
