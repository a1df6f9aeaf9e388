"""Every table of the UI: stored text shown as typed, and a list's cells drawn fast.

DataTable reads a string cell as Rich markup: a practitioner named "[/x] Dr A" (typed, or
imported) made Rich raise as the row was drawn, and "[b]" restyled the rest of the cell.
A TextTable keeps each string as the plain text it is (control characters made visible,
as everywhere: domain/safe_text.py). Its one-line text cells are drawn directly
(widgets/table_cells.py), and new rows of set-width columns are not measured.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import TextType
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey

from ..wording import plain
from .table_cells import cell_line, one_line_text


def plain_cell(cell: object) -> object:
    """A string cell as the text it is, never markup; anything else as it is."""
    return plain(cell) if isinstance(cell, str) else cell


class TextTable(DataTable[Any]):
    _renders_of = -1  # the DataTable change count the render caches hold entries of

    def add_row(self, *cells: CellType, height: int | None = 1, key: str | None = None,
                label: TextType | None = None) -> RowKey:
        return super().add_row(*(plain_cell(cell) for cell in cells), height=height, key=key,
                               label=label)

    def update_cell(self, row_key: RowKey | str, column_key: ColumnKey | str,
                    value: CellType, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, plain_cell(value), update_width=update_width)

    # ---- drawing: a list's first frame, without Rich's general layout per cell --------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Drawn lines of earlier versions of the table dropped before drawing this one.
        DataTable keys its render caches by its change count and so never hits an entry
        made before a change, but keeps it until a thousand newer ones push it out: after
        each saved review the quick review held some 200 more dead drawn lines (Strips,
        each with its caches), and every full collection walked them, 56-82 ms after six
        saves at 20,000 cases."""
        if self._update_count != self._renders_of:
            self._renders_of = self._update_count
            for cache in (self._row_render_cache, self._cell_render_cache,
                          self._row_renderable_cache, self._line_cache):
                cache.clear()
        return super().render_lines(crop)

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> list[list[Segment]]:
        """A one-line text cell drawn directly (widgets/table_cells.py), cached as
        DataTable caches its own; the header, fixed cells, taller rows and any other
        renderable as DataTable draws them."""
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        row = self.rows.get(row_key) if row_key is not None else None
        if (row is None or row_key is None or column_key is None or row.height != 1
                or row_index < self.fixed_rows or column_index < self.fixed_columns
                or width <= 2 * self.cell_padding):
            return super()._render_cell(row_index, column_index, base_style, width,
                                        cursor, hover)
        # The key DataTable._render_cell caches the cell under: the same invalidation.
        key = (row_key, column_key, base_style, cursor,
               hover, self._show_hover_cursor, self._update_count,
               self._pseudo_class_state)
        cache = self._cell_render_cache
        if key in cache:
            return cache[key]
        cell = self._get_row_renderables(row_index).cells[column_index]
        if not one_line_text(cell):
            return super()._render_cell(row_index, column_index, base_style, width,
                                        cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css")
        pre_style = (base_style + Style.from_meta({"row": row_index, "column": column_index})
                     + component_style)
        lines = [cell_line(cell, width, self.cell_padding, self.app.console,
                           self.app.console_options.overflow, pre_style, post_style)]
        cache[key] = lines
        return lines

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """With every column a set width and every row one line, new rows change only the
        table's height: DataTable measures every new cell (for columns that fit their
        content), 40 rows taking 8-10 ms of a list's first frame."""
        rows, keys = self.rows, list(new_rows)
        if (any(column.auto_width for column in self.columns.values())
                or any((row := rows.get(key)) is not None
                       and (row.label is not None or row.height != 1) for key in keys)):
            super()._update_dimensions(keys)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._total_row_height
                                 + (self.header_height if self.show_header else 0))
