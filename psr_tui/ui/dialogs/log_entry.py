"""Log what happened between reviews: a supervisor meeting, a workplace-based assessment
with its rating, an MSF round; dated and attributed (domain/progress_log.add_log_entry).
The next review's outcome form starts from what is logged here.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, RadioSet, Select, Static

from ...domain.case import Case
from ...domain.progress_log import ACTION, KINDS, add_log_entry, entry_tool
from ..saving import Refusal, rule_now
from ..widgets.evidence_checklist import assessment_tools
from ..widgets.form_field import FormField, date_check, required_check
from ..widgets.ticks import RadioChoice
from ..wording import in_markup
from .case_save import CaseDialog


def count_check(text: str) -> str | None:
    return None if text.strip().isdigit() and int(text) >= 1 else "a number, 1 or more"


class LogEntryDialog(CaseDialog):
    PROBLEM_LINE = "log-error"
    FIELD_FOR_PATH = {"log.by": "log-by", "log.held_on": "log-on", "log.count": "log-count",
                      "log.note": "log-note"}
    HELP = """# Log between reviews

Choose what is logged (arrows, Enter): a supervisor meeting, a workplace-based assessment
or an MSF round; for an assessment, the tool, how many and the rating on the tool's own
scale. Then the date, who held it or assessed, and a short note. ctrl+s (or Enter in the
last field) saves. Entries are kept as entered: the next review's outcome form starts
from them.
"""
    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def compose(self) -> ComposeResult:
        vocab, plan = self.psr.vocab, self.case.plan
        assert plan is not None
        wba = vocab["wba_types"]
        tools = assessment_tools(plan, wba)
        with VerticalScroll(id="log-box", can_focus=False):
            yield Static(f"[b]Log between reviews[/b] · {in_markup(self.case.practitioner_name)}")
            with RadioSet(id="log-kind"):
                for n, (label, code) in enumerate(vocab[KINDS].options()):
                    yield RadioChoice(in_markup(label), value=n == 0, id=f"log-kind-{code}")
            yield Label("Assessment tool (an assessment)")
            yield Select([(wba.label(code), code) for code in tools], prompt="tool",
                         id="log-tool")
            yield FormField("How many", "1", field_id="log-count", check=count_check)
            yield Label("Rating")
            yield Select([], prompt="rating", id="log-rating")
            yield FormField("Held on", self.psr.today().isoformat(), field_id="log-on",
                            check=date_check(True), placeholder="YYYY-MM-DD")
            identity = self.psr.identity
            yield FormField("By (who held it or assessed)",
                            identity.display_name or "", field_id="log-by",
                            check=required_check)
            yield FormField("Note", field_id="log-note")
            yield Static("", id="log-error")
            yield Static("ctrl+s save · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#log-kind", RadioSet).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#log-box").scroll_home, animate=False)

    def _kind(self) -> str:
        pressed = self.query_one("#log-kind", RadioSet).pressed_button
        return (pressed.id or "").removeprefix("log-kind-") if pressed else ""

    def _tool(self) -> str:
        chosen = self.query_one("#log-tool", Select).value
        return entry_tool(self._kind(), chosen if isinstance(chosen, str) else "",
                          self.psr.vocab)

    def _show_ratings(self) -> None:
        term = self.psr.vocab["wba_types"].term(self._tool())
        ratings = [str(r) for r in term.get("ratings", [])] if term else []
        self.query_one("#log-rating", Select).set_options([(r, r) for r in ratings])

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "log-tool":
            self._show_ratings()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._show_ratings()  # an MSF round rates on the MSF scale

    def on_input_submitted(self) -> None:
        self.action_save()

    def show_refusal(self, refusal: Refusal) -> None:
        super().show_refusal(refusal)
        if refusal.path in ("log.tool", "log.rating", "log.kind"):
            self.show_problem(refusal.message)

    def action_save(self) -> None:
        kind = self._kind()
        if not kind:
            self.show_problem("Choose what is logged.")
            return
        assessed = self.psr.vocab[KINDS].term(kind)
        needs_count = assessed is not None and assessed.get("tool") is not None
        fields = ["log-on", "log-by", *(["log-count"] if needs_count else [])]
        for field_id in fields:
            if self._field(field_id).validate_now():
                self._field(field_id).input.focus()
                return
        held_on = self._field("log-on").as_date()
        assert held_on is not None
        rating = self.query_one("#log-rating", Select).value
        tool, by, note = self._tool(), self._field("log-by").value, self._field("log-note").value
        count = int(self._field("log-count").value) if needs_count else 1
        vocab, today, user, now = self.psr.vocab, self.psr.today(), self.psr.user, \
            rule_now(self.psr)

        def change(case: Case) -> None:
            add_log_entry(case, kind=kind, held_on=held_on, by=by, user=user, now=now,
                          today=today, tool=tool, count=count,
                          rating=rating if isinstance(rating, str) else "", note=note,
                          vocab=vocab)

        if self.refused_beforehand(change):
            return
        what = vocab[KINDS].label(kind) + (f" ({tool} x{count})" if tool else "")
        self.save_and_close(change, ACTION, f"logged {what} on {held_on.isoformat()} by {by}")
