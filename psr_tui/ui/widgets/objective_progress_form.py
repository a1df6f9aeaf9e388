"""Rate each objective's progress at a review (optional): a rating and a short note per
objective, the ratings pre-filled from the last review so a supervisor changes only what
moved. Reached by Tab in the outcome form; the quick review's four keys never need it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from ...domain.objective_progress import latest_progress
from ...domain.plan import ObjectiveProgress, Plan
from ...domain.vocabulary import Vocabulary
from ..wording import clipped, plain
from .text_fields import TextInput

STATEMENT_WIDTH = 30


class ObjectiveProgressForm(Vertical):
    DEFAULT_CSS = """
    ObjectiveProgressForm { height: auto; }
    ObjectiveProgressForm > .objective-row { height: auto; }
    ObjectiveProgressForm .objective-name { width: 32; padding: 1 0 0 0; }
    ObjectiveProgressForm Select { width: 18; }
    ObjectiveProgressForm Input { width: 1fr; }
    """

    def __init__(self, plan: Plan, ratings: Vocabulary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.objectives = list(plan.objectives)
        self.ratings = ratings
        self.last = latest_progress(plan)

    def compose(self) -> ComposeResult:
        if not self.objectives:
            return
        yield Label("Progress against each objective (optional; from the last review)")
        for i, objective in enumerate(self.objectives):
            last = self.last.get(objective.id)
            rating = last.rating if last and last.rating in self.ratings else Select.NULL
            with Horizontal(classes="objective-row"):
                yield Label(plain(clipped(f"{i + 1}. {objective.statement}",
                                          STATEMENT_WIDTH)),
                            classes="objective-name")
                yield Select(self.ratings.options(), prompt="rating", value=rating,
                             id=f"objective-rating-{i}")
                yield TextInput("", placeholder="note", id=f"objective-note-{i}", compact=True)

    def progress(self) -> list[ObjectiveProgress]:
        """Each objective rated or noted; the rule refuses a note without a rating."""
        out = []
        for i, objective in enumerate(self.objectives):
            value = self.query_one(f"#objective-rating-{i}", Select).value
            rating = value if isinstance(value, str) else ""
            note = self.query_one(f"#objective-note-{i}", Input).value
            if rating or note.strip():
                out.append(ObjectiveProgress(objective_id=objective.id, rating=rating, note=note))
        return out
