"""The floor: a hello-world Textual app showing rows, to compare psr-tui's lists against.

It draws a header, a table of a few rows and a footer: what a list screen needs at the
least. `ROW_NAME` is the text bench waits for, as it waits for a case row in psr-tui.
"""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

ROW_NAME = "Dr Hello World"


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Practitioner", "Organisation", "State")
        for n in range(20):
            table.add_row(f"{ROW_NAME} {n}", "Hello NHS Trust", "active")


if __name__ == "__main__":
    Hello().run()
