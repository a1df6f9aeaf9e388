"""Insights: seed 004's figures over the plans in the identity's scope, small numbers
suppressed (domain/insights.py), as tables with bar charts; the analyst's start screen.

Counting reads every plan's facts file, so it runs in a worker thread with a "Counting…"
line until the figures are ready; the facts are kept for the next change of period or
organisation and read again only when other users change cases.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date, timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from ...domain.access import INSIGHTS
from ...domain.errors import RuleError
from ...domain.insights import Insights, build_insights
from ...domain.plan_facts import PlanFacts
from ...domain.suppression import RULE_TEXT
from ...export.files import proposed_path
from ...export.insights_report import (
    insights_document,
    insights_filename,
    period_words,
    scope_text,
)
from ...store import StoreError
from ..dialogs.export_form import Exportable, ExportDialog
from ..dialogs.prompt_form import PromptDialog, Values
from ..widgets.insight_chart import table_text
from ..widgets.key_footer import KeyFooter
from ..wording import clipped
from .base import PsrScreen

COUNTING = "Counting…"


def year_before(today: date) -> date:
    """The first day of the 12 months ending today (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - 1) + timedelta(days=1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28) + timedelta(days=1)


def parse_day(text: str) -> date | None:
    """An empty field means no bound; ValueError for anything but YYYY-MM-DD."""
    return date.fromisoformat(text.strip()) if text.strip() else None


class InsightsScreen(PsrScreen):
    TITLE_FOR_PALETTE = "Insights"
    HELP = """# Insights

Counts and percentages over the plans you may see (an analyst: every plan, or its
organisation's), for the plans whose start (or first issue) falls in the period. No names
and no case detail: small numbers are suppressed, so no practitioner can be recognised.

- Each table gives plans, percentage and a bar (the whole width is 100%); `<5` is a
  count of 1 to 4 and `*` a cell withheld so that a `<5` cannot be worked out from the
  total. Neither has a percentage or a bar. The denominator is under each table.
- **f** / **t**: the period's first and last day (YYYY-MM-DD; empty: no bound);
  **y** the last 12 months; **a** all plans, whenever they started.
- **o**: one organisation's plans (empty: every organisation in your scope).
- **n** / **b**: next / previous table; the arrows, j/k and PgUp/PgDn scroll.
- **x** (or **w**): write the report (Markdown; a name ending .html: a page to print).
"""
    OPERATIONS = {"set_from": INSIGHTS, "set_to": INSIGHTS, "set_organisation": INSIGHTS,
                  "last_year": INSIGHTS, "all_time": INSIGHTS, "export": INSIGHTS}
    BINDINGS = [
        Binding("f", "set_from", "From"),
        Binding("t", "set_to", "To"),
        Binding("o", "set_organisation", "Organisation"),
        Binding("y", "last_year", "Last 12 months"),
        Binding("a", "all_time", "All"),
        Binding("x", "export", "Export"),
        Binding("w", "export", "Export", show=False),
        Binding("n", "section(1)", "Next table", show=False),
        Binding("b", "section(-1)", "Previous table", show=False),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.start: date | None = None
        self.end: date | None = None
        self.organisation = ""
        self.insights: Insights | None = None  # the figures on screen, once counted
        self._facts: list[PlanFacts] | None = None  # read once, kept across filter changes
        self._problems = 0
        self._generation = 0  # a result counted for an older filter is dropped
        self._section = -1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(COUNTING, id="insights-status")
        with VerticalScroll(id="insights-body"):
            yield Static("", id="insights-scope")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#insights-body", VerticalScroll).focus()
        self.recount()

    # -- counting, off the UI thread ---------------------------------------------------------
    def recount(self) -> None:
        self._generation += 1
        self.insights = None
        self.query_one("#insights-status", Static).update(
            Text(f"{COUNTING} {period_words(self.start, self.end)}"))
        self.count(self._generation, self.start, self.end, self.organisation, self._facts)

    @work(thread=True, exclusive=True, group="insights-count")
    def count(self, generation: int, start: date | None, end: date | None, organisation: str,
              facts: list[PlanFacts] | None) -> None:
        vocab, problems = self.psr.vocab, 0
        try:
            if facts is None:
                facts, unreadable = self.psr.store.plan_facts(vocab)  # the identity's scope
                problems = len(unreadable)
            insights = build_insights(facts, vocab, start, end, organisation)
        except (StoreError, RuleError) as exc:  # AccessRefused is a RuleError
            self.from_worker(self._failed, generation, str(exc))
            return
        self.from_worker(self._counted, generation, insights, facts, problems)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.query_one("#insights-status", Static).update(
                Text(f"⚠ Could not count: {clipped(message, 200)}"))

    def _counted(self, generation: int, insights: Insights, facts: list[PlanFacts],
                 problems: int) -> None:
        if generation != self._generation:
            return
        if self._facts is None:
            self._facts, self._problems = facts, problems
        self.insights = insights
        status = scope_text(insights)
        if self._problems:
            status += f" {self._problems} case files could not be read (not counted)."
        self.query_one("#insights-status", Static).update(Text(clipped(status, 400)))
        self._draw(insights)

    def _draw(self, insights: Insights) -> None:
        body = self.query_one("#insights-body", VerticalScroll)
        body.query(".insight-section").remove()
        self.query_one("#insights-scope", Static).update(Text(f"Small numbers: {RULE_TEXT}"))
        sections = [Static(table_text(t), classes="insight-section") for t in insights.tables]
        durations = Text("Duration", style="bold")
        for what, value in insights.durations:
            durations.append(f"\n{what}: {value}")
        sections.append(Static(durations, classes="insight-section"))
        body.mount_all(sections)
        self._section = -1
        body.scroll_home(animate=False)

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        self._facts = None  # someone saved: read the facts again
        self.recount()

    # -- the filter ------------------------------------------------------------------------------
    def action_set_from(self) -> None:
        self._ask_day("From", self.start, lambda day: self._apply(day, self.end))

    def action_set_to(self) -> None:
        self._ask_day("To", self.end, lambda day: self._apply(self.start, day))

    def _ask_day(self, which: str, current: date | None,
                 chosen: Callable[[date | None], None]) -> None:
        other = self.end if which == "From" else self.start

        def check(text: str) -> str | None:
            try:
                day = parse_day(text)
            except ValueError:
                return "Not a date: use YYYY-MM-DD (e.g. 2025-04-01), or leave it empty."
            if day and other and (day > other if which == "From" else day < other):
                side = "after the end" if which == "From" else "before the start"
                return f"{day.isoformat()} is {side} of the period ({other.isoformat()})."
            return None

        def submit(values: Values) -> None:
            chosen(parse_day(values["value"]))

        title = f"{which}: plans starting on or {'after' if which == 'From' else 'before'}"
        self.app.push_screen(PromptDialog(title, "Date (YYYY-MM-DD; empty: no bound)",
                                          current.isoformat() if current else "", submit,
                                          check=check))

    def action_set_organisation(self) -> None:
        known = sorted({f.organisation for f in self._facts or () if f.organisation})

        def check(text: str) -> str | None:
            wanted = text.strip().casefold()
            if not wanted or self._facts is None or any(o.casefold() == wanted for o in known):
                return None
            near = difflib.get_close_matches(text.strip(), known, n=2, cutoff=0.5)
            hint = f" Did you mean {' or '.join(near)}?" if near else ""
            return clipped(f"No plan you may see is from that organisation.{hint}", 300)

        def submit(values: Values) -> None:
            self.organisation = values["value"].strip()
            self.recount()

        self.app.push_screen(PromptDialog("Organisation (empty: every organisation)",
                                          "Organisation", self.organisation, submit,
                                          check=check))

    def action_last_year(self) -> None:
        today = self.psr.today()
        self._apply(year_before(today), today)

    def action_all_time(self) -> None:
        self._apply(None, None)

    def _apply(self, start: date | None, end: date | None) -> None:
        self.start, self.end = start, end
        self.recount()

    # -- moving about ----------------------------------------------------------------------------
    def action_section(self, step: int) -> None:
        sections = list(self.query(".insight-section"))
        if not sections:
            return
        self._section = max(0, min(self._section + step, len(sections) - 1))
        self.query_one("#insights-body", VerticalScroll).scroll_to_widget(
            sections[self._section], top=True, animate=False)

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#insights-body", VerticalScroll)
        body.scroll_relative(y=step, animate=False)

    # -- the report --------------------------------------------------------------------------------
    def action_export(self) -> None:
        insights = self.insights
        if insights is None:
            self.notify("Still counting: export when the figures are shown.")
            return

        def filename(_audience: str) -> str:
            return str(proposed_path(insights_filename(insights)))

        report = Exportable("insights", "Insights", (), filename,
                            lambda _audience: insights_document(insights))
        self.app.push_screen(ExportDialog("insights", [report]))

