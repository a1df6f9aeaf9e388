"""Every list section of the plan builder gives ListSection's four hooks (its row, a new
item, its dialog, and how the dialog's values make the item): the base raises
NotImplementedError for each, which no user action may reach."""

from __future__ import annotations

import importlib
import pkgutil

import psr_tui.ui.screens.plan_builder as builder
from psr_tui.ui.screens.plan_builder.list_section import ListSection

HOOKS = ("row", "new_item", "dialog", "apply")


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_list_section_gives_the_hooks_the_base_leaves_open() -> None:
    for module in pkgutil.iter_modules(builder.__path__):
        importlib.import_module(f"{builder.__name__}.{module.name}")
    sections = _subclasses(ListSection)
    assert {s.KEY for s in sections} >= {"objectives", "activities", "roles"}
    for section in sections:
        missing = [hook for hook in HOOKS
                   if getattr(section, hook) is getattr(ListSection, hook)]
        assert not missing, f"{section.__name__} leaves {missing} to the base"
