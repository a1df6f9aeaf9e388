"""Tick the evidence seen at a review: the expected items, and assessments with a rating.

Expected items are free text in the plan; they are recorded as seen under their own text
(a vocabulary label lookup shows an unknown code as typed). Assessments are shown by their
label ("Case-based discussion (CbD)") and recorded by their wba_types code,
how many were done (a supervisor often sees several DOPS at one review) and the rating
scale of that tool's form. The list starts from what was logged since the last review
(`logged`, domain/progress_log.logged_assessments): those tools ticked with their count
and latest rating, and the expected items they meet.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Select

from ...domain.evidence import expected_met
from ...domain.plan import AssessmentSeen, Plan, ReviewPoint
from ...domain.vocabulary import Vocabulary
from ..wording import plain
from .text_fields import TextInput
from .ticks import TickBox


def assessment_tools(plan: Plan, wba: Vocabulary) -> list[str]:
    """The plan's own assessment tools (its activities), or every tool when it names none."""
    planned = [a.kind for a in plan.activities if a.kind in wba]
    return list(dict.fromkeys(planned)) or wba.codes


class EvidenceChecklist(Vertical):
    DEFAULT_CSS = """
    EvidenceChecklist { height: auto; }
    EvidenceChecklist > .evidence-row { height: auto; }
    EvidenceChecklist Checkbox { width: 1fr; border: none; padding: 0; }
    EvidenceChecklist Select { width: 26; }
    EvidenceChecklist Input { width: 6; }
    """

    def __init__(self, plan: Plan, rp: ReviewPoint, wba: Vocabulary, *,
                 logged: Sequence[AssessmentSeen] = (), id: str | None = None) -> None:
        super().__init__(id=id)
        self.expected = list(rp.expected_evidence)
        self.logged = {seen.tool: seen for seen in logged}
        # A tool logged but not in the plan's activities still shows, ticked.
        self.tools = list(dict.fromkeys([*assessment_tools(plan, wba), *self.logged]))
        self.wba = wba

    def compose(self) -> ComposeResult:
        yield Label("Evidence seen (optional): Space ticks · assessments: how many, rating")
        logged = list(self.logged.values())
        for i, text in enumerate(self.expected):
            yield TickBox(plain(text), expected_met(text, logged, self.wba), id=f"expected-{i}",
                          classes="expected")
        for i, code in enumerate(self.tools):
            term = self.wba.term(code)
            ratings = [str(r) for r in (term.get("ratings", []) if term else [])]
            seen = self.logged.get(code)
            rating = seen.rating if seen and seen.rating in ratings else Select.NULL
            with Horizontal(classes="evidence-row"):
                yield TickBox(term.label if term else code, seen is not None, id=f"tool-{i}",
                              classes="tool")
                yield TextInput(str(seen.count) if seen else "", placeholder="no.",
                            restrict=r"[0-9]{0,2}", id=f"count-{i}", compact=True,
                            tooltip="how many were done")
                yield Select([(r, r) for r in ratings], prompt="rating", value=rating,
                             id=f"rating-{i}")

    def seen(self) -> list[AssessmentSeen]:
        out = [
            AssessmentSeen(tool=text, count=1)
            for i, text in enumerate(self.expected)
            if self.query_one(f"#expected-{i}", Checkbox).value
        ]
        for i, code in enumerate(self.tools):
            rating = self.query_one(f"#rating-{i}", Select).value
            ticked = self.query_one(f"#tool-{i}", Checkbox).value
            typed = self.query_one(f"#count-{i}", Input).value
            count = int(typed) if typed.isdigit() else 0
            rated = rating if isinstance(rating, str) else ""
            if ticked or rated or count:
                out.append(AssessmentSeen(tool=code, count=max(count, 1), rating=rated))
        return out
