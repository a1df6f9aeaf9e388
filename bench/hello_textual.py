"""The floor: a hello-world Textual app, to compare psr-tui's first frame against."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello, world")
        yield Footer()


if __name__ == "__main__":
    Hello().run()
