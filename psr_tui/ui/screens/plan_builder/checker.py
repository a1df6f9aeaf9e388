"""Section 7: what is missing or weak in the plan; Enter goes to the item and field it names.

Checked when shown and after each save while shown (not behind other sections)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ....domain.case import Case
from ....domain.checker import Finding, check_plan
from ...widgets.text_table import TextTable
from ...wording import clipped
from .activities import ActivitiesSection
from .agreement import AgreementSection
from .ladder import LadderSection
from .objectives import ObjectivesSection
from .reviews import ReviewsSection
from .roles import RolesSection
from .section import Section, item_detail, show_detail_text
from .timeframe import TimeframeSection

# Plan attribute named in a finding's path -> the builder section that edits it.
SECTION_OF = {
    "objectives": "objectives",
    "activities": "activities",
    "roles": "roles",
    "stages": "ladder",
    "current_stage": "ladder",
    "review_points": "reviews",
    "start_date": "timeframe",
    "end_date": "timeframe",
    "consequences": "timeframe",
    "reasonable_adjustments": "timeframe",
    "condition_ids": "timeframe",
    "agreement": "agreement",
    "status": "agreement",
}

# The sections a finding can point to, by key: their names in the "Where" column.
LABELS = {cls.KEY: cls.LABEL for cls in (
    ObjectivesSection, ActivitiesSection, RolesSection, LadderSection, ReviewsSection,
    TimeframeSection, AgreementSection)}

_PATH = re.compile(r"^plan\.(?P<attr>\w+)(?:\[(?P<item>[^\]]+)\])?(?:\.(?P<field>\w+))?")


@dataclass(frozen=True)
class Target:
    section: str
    item_id: str = ""
    field: str = ""
    new_for: str = ""  # an objective with no activity: add one serving this objective id


def target_of(path: str) -> Target | None:
    """Where a finding's path points: "plan.objectives[obj-1].measure" ->
    Target("objectives", "obj-1", "measure"); a plan-level field keeps its name as the field."""
    match = _PATH.match(path)
    if not match or match["attr"] not in SECTION_OF:
        return None
    attr, item, field = match["attr"], match["item"] or "", match["field"] or ""
    if attr == "objectives" and item and not field:
        # The objective itself is fine; what it lacks is an activity serving it.
        return Target("activities", new_for=item)
    if not item and not field and SECTION_OF[attr] == "timeframe":
        field = attr
    return Target(SECTION_OF[attr], item, field)


class CheckerSection(Section):
    KEY = "checker"
    LABEL = "Checker"
    ACTIONS = frozenset({"edit"})

    def compose(self) -> ComposeResult:
        yield Static("", classes="section-hint")
        table = TextTable(cursor_type="row", id="table-checker")
        table.add_columns("Severity", "Finding", "Where")
        yield table
        yield item_detail(self.KEY)

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.stale = True

    def show_case(self, case: Case) -> None:
        # Checked only while on screen, else when next shown: checking 200 objectives on
        # every save of another section was a third of the builder's save.
        super().show_case(case)
        self.stale = True
        if self.display:  # the builder's content switcher shows only the current section
            self.check()

    def shown(self) -> None:
        if self.stale:
            self.check()
        super().shown()

    def check(self) -> None:
        case = self.case
        self.stale = False
        self.findings = check_plan(case, self.vocab) if case is not None and case.plan else []
        table = self.query_one(DataTable)
        table.clear()
        for i, finding in enumerate(self.findings):
            target = target_of(finding.path)
            where = LABELS[target.section] if target else "—"
            table.add_row(finding.severity, clipped(finding.message, 56), where, key=str(i))
        missing = sum(1 for f in self.findings if f.severity == "missing")
        hint = (f"{missing} missing, {len(self.findings) - missing} weak · Enter goes to it"
                if self.findings else "Nothing missing or weak found.")
        self.query_one(".section-hint", Static).update(hint)
        self.show_detail()

    def show_detail(self) -> None:
        """The selected finding in full: the list clips it to 56 columns."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        text = self.findings[row].message if 0 <= row < len(self.findings) else ""
        show_detail_text(self, text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_detail()

    def edit(self, field: str = "") -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        finding = self.findings[table.cursor_row]
        target = target_of(finding.path)
        if target is None:
            self.say(finding.message)
            return
        self.post_message(self.GoTo(target.section, target.item_id, target.field,
                                    target.new_for))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.edit()
