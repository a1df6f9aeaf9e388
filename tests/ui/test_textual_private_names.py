"""Every private Textual name psr-tui relies on still exists, in the shape we use it.

Textual does not promise anything about names that start with an underscore: an upgrade can
rename or drop them and the app then fails only when a user presses the key that reaches
them. These checks fail at once after such an upgrade, naming the name, the file that uses
it and what to look at. A second test finds new uses, so the list cannot fall behind.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, SelectionList, TextArea

ROOT = Path(__file__).resolve().parents[2]
TEXTUAL = version("textual")
# Files that talk to Textual: the app, its UI, and the tests' screen reader.
SCANNED = [ROOT / "psr_tui" / "app.py", *sorted((ROOT / "psr_tui" / "ui").rglob("*.py")),
           ROOT / "tests" / "ui" / "screen_text.py"]


@dataclass(frozen=True)
class PrivateName:
    name: str
    used_by: str
    what_to_check: str
    holds: Callable[[], bool]  # True while Textual still has it in the shape we use


def _widget_bindings_map() -> bool:
    bindings = Widget()._bindings
    return isinstance(bindings, BindingsMap) and isinstance(bindings.key_to_bindings, dict)


def _check_action_state_signature() -> bool:
    params = list(inspect.signature(App._check_action_state).parameters)
    return params == ["self", "action", "default_namespace"]


def _binding_chain_property() -> bool:
    chain = inspect.getattr_static(Screen, "_modal_binding_chain", None)
    # Each entry is (node, BindingsMap); a BindingsMap iterates as (key, Binding).
    pair = next(iter(BindingsMap([Binding("x", "quit")])), None)
    return (isinstance(chain, property) and pair is not None
            and isinstance(pair[1], Binding))


def _toggle_button_module() -> bool:
    module = importlib.import_module("textual.widgets._toggle_button")
    toggle = getattr(module, "ToggleButton", None)
    return toggle is not None and isinstance(getattr(toggle, "BUTTON_INNER", None), str)


def _compositor_render_update() -> bool:
    compositor = inspect.getattr_static(Screen, "_compositor", None)
    if compositor is None:  # an instance attribute: look at what Screen.__init__ sets
        compositor = "self._compositor" in inspect.getsource(Screen.__init__)
    from textual._compositor import Compositor

    return bool(compositor) and callable(getattr(Compositor, "render_update", None))


def _source_has(function: object, *parts: str) -> bool:
    source = inspect.getsource(function)  # type: ignore[arg-type]
    return all(part in source for part in parts)


def _table_attribute(name: str) -> bool:
    return hasattr(DataTable(), name)


# What TextTable's direct cell drawing copies from DataTable._render_cell: its cache key,
# the styles it layers, and Rich's Padding in a Styled (widgets/table_cells.py).
_RENDER_CELL_PARTS = ("cell_cache_key", "self._show_hover_cursor", "self._update_count",
                      "self._pseudo_class_state", "Style.from_meta({\"row\": row_index, "
                      "\"column\": column_index})", "self._get_styles_to_render_cell(",
                      "Padding(cell, (0, self.cell_padding))", "pre_style=base_style + "
                      "component_style", "options.update(no_wrap=True)")


GUARDED: list[PrivateName] = [
    PrivateName("App._on_key", "psr_tui/ui/key_routing.py",
                "that Textual still dispatches Key events to every class's _on_key in the MRO "
                "(message_pump._get_dispatch_methods) and App's runs after ours unless the "
                "default is prevented; and whether issue #6605 is fixed (drop key_routing)",
                lambda: inspect.iscoroutinefunction(getattr(App, "_on_key", None))),
    PrivateName("DOMNode._bindings", "psr_tui/ui/key_routing.py",
                "where a node's own BindingsMap lives and that it keeps .key_to_bindings",
                _widget_bindings_map),
    PrivateName("Screen._modal_binding_chain", "psr_tui/ui/app_commands.py",
                "AppCommands.actions_of (palette and F1 help): the chain of (node, BindingsMap) up "
                "to the last modal; Screen.active_bindings shows how Textual reads it now",
                _binding_chain_property),
    PrivateName("App._check_action_state", "psr_tui/ui/app_commands.py",
                "AppCommands.actions_of: (action, default_namespace) -> True / False (hidden) / "
                "None (greyed out)",
                _check_action_state_signature),
    PrivateName("SelectionList._toggle_highlighted_selection", "psr_tui/ui/widgets/ticks.py",
                "TickList.action_select toggles at once, not through a queued message",
                lambda: callable(getattr(SelectionList, "_toggle_highlighted_selection",
                                         None))),
    PrivateName("textual.widgets._toggle_button.ToggleButton", "psr_tui/ui/widgets/ticks.py",
                "the module ToggleButton is imported from, and its BUTTON_INNER mark",
                _toggle_button_module),
    # The crash hook (OneLineCrashApp._handle_exception mirrors Textual 8.2.8's, but for what it
    # prints): re-read App._handle_exception in textual/app.py when any of these moves.
    *[PrivateName(f"App.{name}", "psr_tui/ui/crash_exit.py",
                  "OneLineCrashApp._handle_exception / _print_error_renderables against "
                  "App._handle_exception in textual/app.py (no traceback with locals)",
                  lambda name=name: callable(getattr(App, name, None)))
      for name in ("_handle_exception", "_close_messages_no_wait",
                   "_print_error_renderables")],
    *[PrivateName(f"App.{name}", "psr_tui/ui/crash_exit.py",
                  "the state App._handle_exception sets before the app closes",
                  lambda name=name: hasattr(App(), name))
      for name in ("_exception", "_exception_event", "_exit_renderables", "_return_code")],
    # A worker's result is dropped once its screen is closing (PsrScreen.is_live).
    *[PrivateName(f"Widget.{name}", "psr_tui/ui/screens/base.py",
                  "PsrScreen.is_live: a bool set when a node starts closing, has closed, or "
                  "is being pruned (MessagePump.__init__ / Widget.__init__)",
                  lambda name=name: isinstance(getattr(Widget(), name, None), bool))
      for name in ("_closing", "_closed", "_pruning")],
    # Text fields run their own bindings in their key step (ui/widgets/text_fields.py):
    # KeysInOrder._on_key runs before the field's own, along the MRO.
    *[PrivateName(f"{widget.__name__}._on_key", "psr_tui/ui/widgets/text_fields.py",
                  "KeysInOrder._on_key: Textual calls each class's _on_key along the MRO "
                  "and stops at prevent_default; the field inserts printable keys there",
                  lambda widget=widget: inspect.iscoroutinefunction(
                      vars(widget).get("_on_key")))
      for widget in (Input, TextArea)],
    # The footer rebuilt only when its keys change (KeyFooter.bindings_changed).
    PrivateName("Footer._bindings_ready", "psr_tui/ui/widgets/key_footer.py",
                "KeyFooter.bindings_changed sets it as Footer.bindings_changed does; "
                "Footer.compose shows no key until it is True",
                lambda: "_bindings_ready" in vars(Footer)
                and "self._bindings_ready" in inspect.getsource(Footer.compose)),
    # The lists' cells drawn directly (TextTable._render_cell, ui/widgets/table_cells.py), and
    # new rows of set-width columns not measured (TextTable._update_dimensions).
    PrivateName("DataTable._render_cell", "psr_tui/ui/widgets/text_table.py",
                "TextTable._render_cell against DataTable._render_cell: the cache key, the "
                "styles layered, Styled(Padding(cell)) with no_wrap for one-line rows; "
                "tests/ui/test_table_cells.py compares the two tables drawn",
                lambda: _source_has(DataTable._render_cell, *_RENDER_CELL_PARTS)),
    PrivateName("DataTable._update_dimensions", "psr_tui/ui/widgets/text_table.py",
                "TextTable._update_dimensions: DataTable's measures cells for auto-width "
                "columns and labels, lays out auto-height rows, then sets virtual_size",
                lambda: _source_has(
                    DataTable._update_dimensions,
                    "measure(console, renderable, 1)",
                    "row.auto_height", "self.virtual_size = Size(",
                    "self._row_label_column_width", "self._total_row_height")),
    PrivateName("DataTable render caches keyed by _update_count",
                "psr_tui/ui/widgets/text_table.py",
                "TextTable.render_lines drops the row, cell, renderable and line caches when "
                "the change count moves: only right while every key includes it",
                lambda: _source_has(DataTable._render_line, "self._update_count")
                and _source_has(DataTable._render_line_in_row, "self._update_count")
                and _source_has(DataTable._get_row_renderables,
                                "cache_key = (update_count, row_index)")),
    *[PrivateName(f"DataTable.{name}", "psr_tui/ui/widgets/text_table.py",
                  "TextTable._render_cell / _update_dimensions read it as "
                  "DataTable._render_cell / _update_dimensions do",
                  lambda name=name: _table_attribute(name))
      for name in ("_row_locations", "_column_locations", "_cell_render_cache",
                   "_show_hover_cursor", "_update_count", "_pseudo_class_state",
                   "_get_styles_to_render_cell", "_get_row_renderables",
                   "_row_label_column_width", "_total_row_height", "_row_render_cache",
                   "_row_renderable_cache", "_line_cache")],
    # Not Textual's, but as private: CPython's, for the pause log's stack samples (bench).
    PrivateName("sys._current_frames", "psr_tui/ui/pause_log.py",
                "PauseLog._sample_stalls: a dict of thread id to its innermost frame",
                lambda: threading.get_ident() in sys._current_frames()),
    PrivateName("Screen._compositor", "tests/ui/screen_text.py",
                "how the text snapshots render the screen (_compositor.render_update)",
                _compositor_render_update),
]


@pytest.mark.parametrize("private", GUARDED, ids=[p.name for p in GUARDED])
def test_private_textual_name_still_exists(private: PrivateName) -> None:
    try:
        holds = private.holds()
    except Exception as exc:  # a missing name raises AttributeError, ImportError, ...
        holds = False
        detail = f" ({type(exc).__name__}: {exc})"
    else:
        detail = ""
    assert holds, (f"Textual {TEXTUAL} changed {private.name} used by {private.used_by}: "
                   f"check {private.what_to_check}{detail}")


def _ours(trees: list[ast.Module]) -> set[str]:
    """Private names psr-tui defines itself (methods, functions, attributes it assigns)."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return names


def _textual_overrides(path: Path, tree: ast.Module) -> set[str]:
    """Private methods defined in our classes that override one of a Textual base class."""
    relative = path.relative_to(ROOT).with_suffix("")
    if relative.parts[0] != "psr_tui":
        return set()
    module = importlib.import_module(".".join(relative.parts))
    found: set[str] = set()
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        live = getattr(module, cls.name, None)
        if not inspect.isclass(live):
            continue
        textual_bases = [b for b in live.__mro__[1:] if b.__module__.startswith("textual")]
        for item in cls.body:
            if (isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and item.name.startswith("_") and not item.name.startswith("__")):
                owner = next((b for b in textual_bases if item.name in vars(b)), None)
                if owner is not None:
                    found.add(f"{owner.__name__}.{item.name}")
        # `self._name = ...` where _name is a Textual base's (a reactive, an attribute
        # its methods read): assigned here, so _ours counts it as ours.
        for node in ast.walk(cls):
            if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
                    and isinstance(node.value, ast.Name) and node.value.id == "self"
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                owner = next((b for b in textual_bases if node.attr in vars(b)), None)
                if owner is not None:
                    found.add(f"{owner.__name__}.{node.attr}")
    return found


def test_every_private_textual_name_in_use_is_guarded() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SCANNED}
    ours = _ours([ast.parse(p.read_text(encoding="utf-8"))
                  for p in (ROOT / "psr_tui").rglob("*.py")])
    guarded_attrs = {p.name.rsplit(".", 1)[-1] for p in GUARDED}
    guarded_full = {p.name for p in GUARDED}
    unguarded: list[str] = []
    for path, tree in trees.items():
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__") and node.attr not in ours
                    and node.attr not in guarded_attrs):
                unguarded.append(f"{where}:{node.lineno} uses .{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module and any(
                    part.startswith("_") for part in node.module.split(".")[1:]):
                for alias in node.names:
                    if f"{node.module}.{alias.name}" not in guarded_full:
                        unguarded.append(f"{where}:{node.lineno} imports {node.module}")
        for override in _textual_overrides(path, tree) - guarded_full:
            unguarded.append(f"{where} overrides Textual's private {override}")
    assert not unguarded, ("private Textual names used without a guard; add each to GUARDED "
                           "in this file: " + "; ".join(unguarded))
