"""The lists' cells drawn directly (ui/widgets/table_cells.py) look exactly as Rich draws them.

Each comparison is per character: the same character in the same style (colours, bold,
reverse, the row and column a click reports), whatever segments carry them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.renderables.styled import Styled
from textual.widgets import DataTable

from psr_tui.ui.widgets.row_table import RowTable
from psr_tui.ui.widgets.table_cells import cell_line, one_line_text
from psr_tui.ui.widgets.text_table import TextTable, plain_cell


def _cells(segments: Iterable[Segment]) -> list[tuple[str, Style | None]]:
    return [(char, segment.style) for segment in segments for char in segment.text]


def _rich(cell: Text, width: int, padding: int, console: Console,
          pre: Style, post: Style) -> list[Segment]:
    options = console.options.update_dimensions(width, 1).update(no_wrap=True)
    return console.render_lines(Styled(Padding(cell, (0, padding)), pre, post), options)[0]


def _texts() -> list[Text]:
    spanned = Text("Dr Gareth Griffiths", style="bold")
    spanned.stylize("reverse", 3, 9)
    return [
        Text(""),
        Text("L2"),
        Text("Dr Gareth Griffiths"),
        Text("Dr Gareth Griffiths", overflow="ellipsis"),
        Text("Dr Gareth Griffiths", style="bold red on yellow", overflow="ellipsis"),
        Text("! OVERDUE", style="bold #ff0000"),
        spanned,
        Text("山田太郎 Yamada", overflow="ellipsis"),
        Text("exactly12chr"),
    ]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: repr(t.plain)[:20])
# TextTable leaves a cell no wider than its padding to DataTable.
@pytest.mark.parametrize(("width", "padding"), [(w, p) for w in (3, 6, 14, 30) for p in (0, 1, 2)
                                                if w > 2 * p])
def test_a_cell_is_drawn_as_rich_draws_it(text: Text, width: int, padding: int) -> None:
    console = Console(width=80, color_system="truecolor")
    pre = Style(color="white", bgcolor="blue") + Style.from_meta({"row": 3, "column": 1})
    post = Style(bold=True)
    assert one_line_text(text)
    ours = cell_line(text, width, padding, console, None, pre, post)
    assert _cells(ours) == _cells(_rich(text, width, padding, console, pre, post))
    assert sum(segment.cell_length for segment in ours) == width


def test_cells_rich_must_lay_out_are_left_to_it() -> None:
    assert not one_line_text("Dr Gareth Griffiths")  # a string: markup, DataTable formats it
    assert not one_line_text(Text("two\nlines"))
    assert not one_line_text(Text("a\ttab"))
    assert not one_line_text(Text("centred", justify="center"))
    assert one_line_text(Text("Dr Gareth Griffiths"))


class _Tables(App[None]):
    """The same rows in a RowTable and in Textual's own DataTable, side by side."""

    def compose(self) -> ComposeResult:
        yield RowTable(id="ours", cursor_type="row")
        yield DataTable(id="theirs", cursor_type="row")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.styles.height = 12
            table.add_column("Practitioner", width=14)
            table.add_column("State", width=9)
            table.add_column("Note")  # fits its content: measured, as DataTable does
            for n, text in enumerate(_texts()):
                table.add_row(text, Text("L2", style="bold"),
                              Text.from_markup(f"[b]markup[/b] {n}"), key=str(n))


async def test_a_row_table_draws_every_line_as_textuals_table_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from psr_tui.ui.widgets import text_table

    drawn_directly: list[str] = []

    def counted(cell: Text, *args: object) -> list[Segment]:
        drawn_directly.append(cell.plain)
        return cell_line(cell, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(text_table, "cell_line", counted)
    app = _Tables()
    async with app.run_test(size=(120, 30)) as pilot:
        ours, theirs = app.query_one("#ours", DataTable), app.query_one("#theirs", DataTable)
        drawn: dict[str, list[list[tuple[str, Style | None]]]] = {}
        for table in (ours, theirs):
            table.move_cursor(row=4)
            table.focus()  # each drawn focused, the cursor row highlighted
            await pilot.pause()
            # The header and every row.
            drawn[str(table.id)] = [_cells(table.render_line(y)) for y in range(10)]
        assert ours.virtual_size == theirs.virtual_size
        for y, line in enumerate(drawn["ours"]):
            assert line == drawn["theirs"][y], y
        assert "Gareth" in "".join(char for char, _style in drawn["ours"][3])
        # Drawn directly: plain Text cells, and Text with spans.
        assert "Dr Gareth Griffiths" in drawn_directly and "L2" in drawn_directly
        assert "markup 2" in drawn_directly


def test_every_table_keeps_stored_text_as_typed() -> None:
    """No screen or dialog makes Textual's DataTable itself: a string cell there is read
    as markup (tests/ui/test_hostile_text.py shows what that did)."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "psr_tui" / "ui"
    made = [f"{path.relative_to(ui)}:{node.lineno}"
            for path in ui.rglob("*.py")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            == "DataTable"]
    assert made == []


def test_a_string_cell_is_its_text_not_markup() -> None:
    assert plain_cell("[/x][b]Dr M") == Text("[/x][b]Dr M", end="")
    assert plain_cell("Dr \x1b[2J") == Text("Dr ␛[2J", end="")
    bold = Text("kept", style="bold")
    assert plain_cell(bold) is bold and plain_cell(3) == 3


class _OneTable(App[None]):
    def compose(self) -> ComposeResult:
        table = TextTable(cursor_type="row")
        table.add_column("Practitioner", width=20, key="name")
        table.add_column("Due", width=10, key="due")
        for n in range(10):
            table.add_row(f"Dr {n}", "2026-11-25", key=str(n))
        yield table


async def test_a_table_keeps_no_drawn_lines_of_its_earlier_versions() -> None:
    """A saved review changes a row: the lines drawn before it can never be drawn again,
    and DataTable kept a thousand of them for every full collection to walk."""
    app = _OneTable()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(TextTable)
        await pilot.pause()
        table.update_cell("0", "due", "2026-12-01")
        await pilot.pause()  # drawn again: the header and the ten rows
        drawn = len(table._line_cache)
        assert drawn >= 11
        for n in range(1, 21):
            table.update_cell(str(n % 10), "due", f"2026-12-{n + 1:02d}")
            await pilot.pause()
            assert len(table._line_cache) <= drawn
            assert len(table._cell_render_cache) <= 2 * drawn
        assert "2026-12-21" in "".join(segment.text for segment in table.render_line(1))
