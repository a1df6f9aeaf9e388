"""Driving the app in tmux by keys: wait for focus, type, choose, move between steps.

Every helper waits for the screen to show that its key landed before it returns, so the next
key cannot overtake it (the fast send-keys problem).
"""

from __future__ import annotations

import re
import time

from .tmux import Terminal, tmux

# How focus looks in 256 colours (Textual's dark theme), on the row under a field's label.
FIELD = "\x1b[48;5;23m"  # the intake's focused one-line input or select: the accent band
BORDER = "\x1b[38;5;32m▊"  # a bordered field (text area) gets an accent border
LIST = "\x1b[48;5;32m"  # a tick list's cursor row (an unfocused list shows none)
BOLD = "\x1b[1m"  # in a dialog the focused input or select turns bold
TEXT_CURSOR = "\x1b[38;5;233m\x1b[48;5;253m"  # a focused text area's (non-blinking) cursor
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def styled_screen(term: Terminal) -> list[str]:
    return tmux("capture-pane", "-p", "-e", "-t", term.name,
                capture_output=True).stdout.splitlines()


def focus_is_below(term: Terminal, label: str, marker: str, below: int) -> bool:
    """Does the row `below` rows under `label` show `marker`, the focused look of its field?
    Only the form is read: in the intake the step list shares the rows, left of its ▕."""
    form = [line.rsplit("▕", 1)[-1] for line in styled_screen(term)]
    rows = [i + below for i, part in enumerate(form) if label in ANSI.sub("", part)]
    return any(row < len(form) and marker in form[row] for row in rows)


def tab_to(term: Terminal, label: str, marker: str, tabs: int = 1, below: int = 1) -> None:
    """Tab to the field under `label` and wait until it shows focus. Tab reaches the focus
    binding through the widgets' message queues; a key sent before that lands in the old
    field (the fast send-keys problem), so nothing is typed until the focus is seen."""
    term.press(*["Tab"] * tabs)
    deadline = time.monotonic() + 20
    while not focus_is_below(term, label, marker, below):
        if time.monotonic() > deadline:
            raise AssertionError(f"no focus under {label!r}:\n" + "\n".join(
                repr(line) for line in styled_screen(term)))
        time.sleep(0.05)


def focus_rows(term: Terminal, marker: str) -> tuple[int, ...]:
    """The form's rows showing `marker`: where the focus is drawn (see focus_is_below)."""
    form = [line.rsplit("▕", 1)[-1] for line in styled_screen(term)]
    return tuple(i for i, part in enumerate(form) if marker in part)


def tab_until(term: Terminal, label: str, marker: str, most: int, below: int = 1) -> None:
    """Tab one field at a time until the field under `label` shows focus (at most `most`
    Tabs): for a form whose length follows the data (a role's one field per stage). After
    each Tab, the next waits for the focus to be drawn elsewhere and hold for 0.1 s (a
    field that draws its focus without `marker` gets the old 1.5 s instead): a Tab sent
    before the last one's focus is seen could pass the field."""
    for _ in range(most):
        was = focus_rows(term, marker)
        term.press("Tab")
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            if focus_is_below(term, label, marker, below):
                return
            now = focus_rows(term, marker)
            if now != was:
                time.sleep(0.1)
                if focus_rows(term, marker) == now:  # moved to another field and stayed
                    if focus_is_below(term, label, marker, below):
                        return
                    break
            time.sleep(0.05)
    tab_to(term, label, marker, tabs=0, below=below)  # the last chance, with its report


def wait_gone(term: Terminal, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = term.screen()
    while text in screen:
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} still on screen after {timeout}s:\n{screen}")
        time.sleep(0.05)
        screen = term.screen()
    return screen


def wait_for_line(term: Terminal, *parts: str, timeout: float = 20.0) -> None:
    """Wait for one screen line holding every part (a status line naming this save)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(all(p in line for p in parts) for line in term.screen().splitlines()):
            return
        time.sleep(0.05)
    raise AssertionError(f"no line with {parts!r}:\n{term.screen()}")


def wait_for_end(term: Terminal, label: str, text: str, timeout: float = 20.0) -> None:
    """Wait until the dialog field under `label` shows the end of `text`: all of it typed.
    A one-line field scrolls to keep its cursor in view, and how much of a long text is left
    in view varies (under load a fast burst can leave only its last few characters), so the
    field's row must be a piece of the text's end, not a fixed last 30 characters of it."""
    def shown() -> str | None:
        rows = term.screen().splitlines()
        for i, row in enumerate(rows[:-1]):
            if label in row and "█" in rows[i + 1]:
                return rows[i + 1].split("█")[1].strip()
        return None

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        field = shown()
        if field and len(field) >= min(8, len(text)) and text.endswith(field):
            return
        time.sleep(0.05)
    raise AssertionError(f"the end of {text!r} not under {label!r}:\n{term.screen()}")


def enter_text(term: Terminal, text: str) -> None:
    """Type into the focused field and wait until it shows, so the next key cannot overtake."""
    term.type(text)
    term.wait_for(text)


def choose(term: Terminal, downs: int, label: str, menu: str = "Dismiss menu") -> None:
    """Open the focused Select, move `downs` rows past the prompt, pick, and see the label.

    `menu` is text shown only while the menu is open: the intake's footer says
    "Dismiss menu"; in a dialog (no footer) give one of the options.
    """
    term.press("Enter")
    term.wait_for(menu)
    for _ in range(downs):
        term.press("Down")
    term.press("Enter")
    wait_gone(term, menu)
    term.wait_for(label)


def next_step(term: Terminal, number: int, title: str) -> None:
    """ctrl+n saves the step; the step list marks the new one once its form has focus."""
    term.press("C-n")
    term.wait_for(f"Step {number}/13")
    term.wait_for(f"▶ {title}")


def marked_rows(screen: str) -> int:
    """Rows of the list marked as a suggestion not yet accepted (not the detail line)."""
    return sum(1 for line in screen.splitlines()
               if line.startswith(" *") and "Suggested:" not in line)


def accept_suggestions(term: Terminal, key: str, title: str) -> None:
    """Each of the section's suggestions accepted as drafted: y, one key each (the cursor
    moves on to the next), waiting for each to be saved so none overtakes the last. `title`:
    text only that section shows."""
    term.press(key)
    term.wait_for(title)
    left = marked_rows(term.screen())
    while left:
        term.press("y")
        left -= 1
        deadline = time.monotonic() + 20
        while marked_rows(term.screen()) != left:
            assert time.monotonic() < deadline, term.screen()
            time.sleep(0.05)
