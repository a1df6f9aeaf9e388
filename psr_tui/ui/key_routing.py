"""Keys act in the widget they were typed into, even when a burst moves the focus on.

Textual forwards a key to the focused widget's message queue, but resolves that widget's
own (non-priority) bindings only once the key has bubbled back up to the app, and then
against whatever has focus at that moment. Tab is a priority binding here (so text typed
right after it lands in the next field) and acts at once; over SSH, keys arrive in bursts,
so "Space Tab" could move the focus before the Space was resolved: the Space then toggled
nothing, or a Backspace deleted in the next field instead of this one. CI saw it as an
evidence box that never got its tick.

The app remembers where each key was sent and resolves it against that widget's chain.
"""

from __future__ import annotations

from collections import OrderedDict

from textual import events
from textual.app import App, CSSPathType
from textual.dom import DOMNode

REMEMBERED = 64  # keys in flight at once; a key a widget consumed never comes back


class KeysWhereTypedApp(App[None]):
    def __init__(self, css_path: CSSPathType | None = None) -> None:
        super().__init__(css_path=css_path)
        self._typed_into: OrderedDict[int, DOMNode] = OrderedDict()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._typed_into[id(event)] = self.focused or self.screen
            while len(self._typed_into) > REMEMBERED:
                self._typed_into.popitem(last=False)
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs every class's _on_key in the MRO: App's runs after this one unless
        # the default is prevented, which is what happens when the key found its binding.
        target = self._typed_into.pop(id(event), None)
        if (target is None or target is self.focused or not target.is_attached
                or target.screen is not self.screen):
            return
        if await self._run_binding_of(target, event.key):
            event.prevent_default()

    async def _run_binding_of(self, target: DOMNode, key: str) -> bool:
        """The first non-priority binding for `key` from `target` up to its screen (or the
        app when the screen is not modal), as Textual would run it with `target` focused."""
        chain: list[DOMNode] = list(target.ancestors_with_self)
        for index, node in enumerate(chain, 1):
            if node.is_modal:
                chain = chain[:index]
                break
        for node in chain:
            for binding in node._bindings.key_to_bindings.get(key, ()):
                if not binding.priority and await self.run_action(binding.action, node):
                    return True
        return False
