"""Propose an amendment to a running plan: its duration or its content (000 8.2-8.3).

Nothing changes in the plan until both parties agree (AmendmentAgreementDialog). The
proposal is stored at once, so the meeting that discussed it loses nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, RadioSet, Static, TextArea

from ...domain.amendments import EndDateChange, propose_amendment
from ...domain.case import Case
from ...domain.plan import ReviewPoint
from ...domain.validation import parse_date
from ..widgets.form_field import FormField, date_check, required_check
from ..widgets.note_area import NoteArea
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .case_save import CaseDialog


class AmendmentProposalDialog(CaseDialog):
    PROBLEM_LINE = "amd-error"
    FIELD_FOR_PATH = {"description": "amd-description", "changes": "amd-end"}
    HELP = """# Propose an amendment

A **duration** amendment sets a new end date (the final review and the last stage move
with it). A **content** amendment adds a review point, or replaces the consequences of
insufficient progress or the reasonable adjustments. Either takes effect only when the
organisation and the practitioner have both agreed it (`a` on the plan view).

A new end date earlier than the current one shortens the plan: the dialog says by how
many days and asks for ctrl+s a second time before proposing it.
"""
    BINDINGS = [
        Binding("ctrl+s", "save", "Propose"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__(case)
        assert case.plan is not None
        self.confirmed_end: date | None = None  # a shorter end the user has seen and confirmed

    def compose(self) -> ComposeResult:
        plan = self.case.plan
        assert plan is not None
        with VerticalScroll(id="propose-box", can_focus=False):
            who = in_markup(self.case.practitioner_name)
            yield Static(f"[b]Propose an amendment[/b] · {who} · ends {plan.end_date or '?'}")
            yield Label("Kind")
            with RadioSet(id="amd-kind"):
                yield RadioChoice("Duration: a new end date", value=True, id="kind-duration")
                yield RadioChoice("Content: review point, consequences, adjustments",
                                  id="kind-content")
            yield FormField("What and why (shown to both parties)", field_id="amd-description",
                            check=required_check)
            yield FormField("New end date (duration)", field_id="amd-end", check=date_check(),
                            placeholder="YYYY-MM-DD")
            yield Static("", id="amd-end-change")
            yield FormField("Add a review point on (content)", field_id="amd-review-date",
                            check=date_check(), placeholder="YYYY-MM-DD")
            yield FormField("Its title", field_id="amd-review-title")
            yield Label("New consequences of insufficient progress (content; blank: unchanged)")
            yield NoteArea(id="amd-consequences")
            yield Label("New reasonable adjustments (content; blank: unchanged)")
            yield NoteArea(id="amd-adjustments")
            yield Static("", id="amd-error")
            yield Static("ctrl+s propose · Esc cancel · applies once both parties agree",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#amd-kind", RadioSet).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#propose-box").scroll_home, animate=False)

    def _kind(self) -> str:
        pressed = self.query_one("#amd-kind", RadioSet).pressed_button
        return "content" if pressed is not None and pressed.id == "kind-content" else "duration"

    def _end_change(self) -> EndDateChange | None:
        """The typed end date against the plan's current end (None until it is a date)."""
        try:
            end = parse_date(self._field("amd-end").value)
        except ValueError:
            return None
        assert self.case.plan is not None
        return EndDateChange(end, self.case.plan.end_date)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "input-amd-end":
            return
        # Say what the date does as it is typed: a description may say "extension" of a
        # date that in fact shortens the plan.
        self.confirmed_end = None
        change = self._end_change()
        text = change.describe() if change else ""
        self.query_one("#amd-end-change", Static).update(f"⚠ {text}" if _shortens(change)
                                                        else text)

    def _shortening_unconfirmed(self) -> bool:
        """A shorter plan is proposed only on a second ctrl+s, once the dialog has said so."""
        change = self._end_change() if self._kind() == "duration" else None
        if change is None or not _shortens(change) or self.confirmed_end == change.after:
            return False
        self.confirmed_end = change.after
        ask = "Press ctrl+s again to propose the shorter plan, or change the date."
        line = self.query_one("#amd-end-change", Static)
        line.update(f"⚠ {change.describe()}\n{ask}")
        line.scroll_visible(animate=False)  # the problem line may be below the fold
        self.show_problem(f"{change.describe()}. {ask}")
        return True

    def changes(self) -> dict[str, Any]:
        """The structured change; ValueError names what is missing."""
        plan = self.case.plan
        assert plan is not None
        if self._kind() == "duration":
            end = self._field("amd-end").value
            if not end:
                raise ValueError("amd-end:give the new end date")
            return {"end_date": parse_date(end).isoformat()}
        changes: dict[str, Any] = {}
        review_on = self._field("amd-review-date").value
        if review_on:
            title = self._field("amd-review-title").value or "Additional review"
            added = ReviewPoint(title=title, due_on=parse_date(review_on))
            points = [rp.model_dump(mode="json") for rp in plan.review_points]
            points.append(added.model_dump(mode="json"))
            points.sort(key=lambda rp: rp.get("due_on") or "")
            changes["review_points"] = points
        for key, area in (("consequences", "#amd-consequences"),
                          ("reasonable_adjustments", "#amd-adjustments")):
            text = self.query_one(area, TextArea).text.strip()
            if text:
                changes[key] = text
        if not changes:
            raise ValueError("amd-review-date:add a review point or new text to change")
        return changes

    def action_save(self) -> None:
        bad = [f for f in self.query(FormField) if f.validate_now()]
        if bad:
            bad[0].input.focus()
            return
        try:
            changes = self.changes()
        except ValueError as exc:
            field_id, _, message = str(exc).partition(":")
            if message and field_id.startswith("amd-"):
                self._field(field_id).show_error(message)
            self.show_problem(message or str(exc))
            return
        if self._shortening_unconfirmed():
            return
        description, kind, user = self._field("amd-description").value, self._kind(), \
            self.psr.user
        today: date = self.psr.today()
        end_change = self._end_change() if kind == "duration" else None
        summary = f"{kind}: {description}" + (f" ({end_change.describe()})" if end_change else "")

        def change(case: Case) -> None:
            propose_amendment(case, kind, description, changes, user, today)

        self.save_and_close(change, "amendment.propose", summary)


def _shortens(change: EndDateChange | None) -> bool:
    return change is not None and change.days < 0
