"""The floor: a hello-world Textual app showing rows, to compare psr-tui's lists against.

It draws a header, a table of a few rows and a footer: what a list screen needs at the
least. `ROW_NAME` is the text bench waits for, as it waits for a case row in psr-tui.
`d` pushes a second screen of rows (`PUSHED_ROW_NAME`): the floor for a list opened by a
key (psr-tui's dashboards, `d` on home or on the quick review). With PSR_TUI_PAUSE_LOG
set it logs its UI pauses as psr-tui does (the floor of bench/pauses.py's `hello_push`).
"""

import os

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

ROW_NAME = "Dr Hello World"
PUSHED_ROW_NAME = "Dr Hello Again"


def fill(table: DataTable[str], name: str) -> None:
    table.add_columns("Practitioner", "Organisation", "State")
    for n in range(20):
        table.add_row(f"{name} {n}", "Hello NHS Trust", "active")


class Pushed(Screen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        fill(self.query_one(DataTable), PUSHED_ROW_NAME)


class Hello(App[None]):
    BINDINGS = [("d", "push_screen('pushed')", "Dashboard")]
    SCREENS = {"pushed": Pushed}

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        fill(self.query_one(DataTable), ROW_NAME)
        if os.environ.get("PSR_TUI_PAUSE_LOG"):  # after start-up, as psr-tui starts it
            from psr_tui.ui.pause_log import start_if_asked

            start_if_asked()


if __name__ == "__main__":
    Hello().run()
