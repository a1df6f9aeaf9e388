"""The plan builder: nine sections of one case's action plan, each saved as soon as confirmed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, DataTable, Header, Static

from ....domain.access import PLAN_EDIT, READ, SIGN_ORGANISATION, SIGN_PRACTITIONER
from ....domain.case import Case
from ....domain.errors import RuleError
from ....domain.plan_drafting import is_frozen
from ...saving import Refusal, save_case
from ...widgets.key_footer import KeyFooter
from ...wording import fitted
from ..base import PsrScreen
from .activities import ActivitiesSection
from .agreement import AgreementSection, step_applies
from .checker import CheckerSection
from .frozen import FrozenVersionGuard, frozen_message
from .help_text import HELP
from .ladder import LadderSection
from .list_section import ListSection
from .objectives import ObjectivesSection
from .preview import PreviewSection
from .reviews import ReviewsSection
from .roles import RolesSection
from .section import Change, Section, refusal_line
from .timeframe import TimeframeSection

HEADER_LINES = 2  # styles/plan_builder.tcss: #builder-header's max-height
MESSAGE_LINES = 3  # and #builder-message's

if TYPE_CHECKING:
    from textual.binding import BindingType

SECTIONS: tuple[type[Section], ...] = (
    ObjectivesSection, ActivitiesSection, RolesSection, LadderSection, ReviewsSection,
    TimeframeSection, CheckerSection, PreviewSection, AgreementSection,
)
# Short names for the section bar, so nine fit in 80 columns; the current one is spelt out.
SHORT = ("Obj", "Act", "Roles", "Ladder", "Rev", "Dates", "Check", "View", "Sign")
# Actions that change the plan's content: refused while the signed version is frozen.
EDITING = {"add", "edit", "remove", "move", "suggest", "generate", "accept"}
# Agreement steps: each applies only at one point of the issue -> sign -> deliver sequence.
AGREEMENT_STEPS = {"issue", "sign", "new_version", "start_delivery"}

AnySection = TypeVar("AnySection", bound=Section)


def status_text(case: Case) -> str:
    plan = case.plan
    if plan is None:
        return "NO PLAN"
    if plan.status == "agreed":
        return f"AGREED v{plan.version}"
    return f"DRAFT v{plan.version}" + (" issued" if plan.status == "issued" else "")


class PlanBuilderScreen(FrozenVersionGuard, PsrScreen):
    HELP = HELP
    TITLE_FOR_PALETTE = "Plan"
    OPERATIONS: ClassVar[dict[str, str]] = {
        **dict.fromkeys(("add", "edit", "remove", "move", "suggest", "generate", "accept",
                         "issue", "new_version", "start_delivery"), PLAN_EDIT),
        "sign:organisation": SIGN_ORGANISATION,
        "sign:practitioner": SIGN_PRACTITIONER,
        "export": READ,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),  # lists answer Enter themselves first
        Binding("x", "remove", "Remove"),
        Binding("delete", "remove", "Remove", show=False),
        Binding("K", "move(-1)", "Move up", show=False),
        Binding("J", "move(1)", "Move down", show=False),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
        Binding("j", "cursor(1)", "Next row", show=False),
        Binding("k", "cursor(-1)", "Previous row", show=False),
        Binding("s", "suggest", "Suggest"),
        # A suggested item (marked *) accepted as it is; x drops it, Enter edits it.
        Binding("y", "accept", "Accept suggestion", show=False),
        Binding("g", "generate", "Generate"),
        Binding("i", "issue", "Issue draft"),
        Binding("o", "sign('organisation')", "Org signs"),
        Binding("p", "sign('practitioner')", "Pract. signs"),
        Binding("n", "new_version", "New version"),
        Binding("d", "start_delivery", "Start delivery"),
        Binding("w", "export", "Export"),
        Binding("r", "reload", "Reload", show=False),
        *[Binding(str(n), f"section({n})", f"Section {n}: {cls.LABEL}", show=False)
          for n, cls in enumerate(SECTIONS, start=1)],
    ]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.sections: dict[str, Section] = {}
        self.current = SECTIONS[0].KEY
        self._stale = False

    def section_of(self, kind: type[AnySection]) -> AnySection:
        """The section of that class, typed: for what only that section does (sign, add_for)."""
        section = self.sections[kind.KEY]
        if not isinstance(section, kind):
            raise TypeError(f"section {kind.KEY!r} is a {type(section).__name__}")
        return section

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="builder-header")
        yield Static("", id="builder-sections")
        with ContentSwitcher(initial=f"section-{self.current}", id="builder-body"):
            for cls in SECTIONS:
                section = cls()
                self.sections[cls.KEY] = section
                yield section
        yield Static("", id="builder-message")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.case = self.psr.store.get(self.case_id)
        self.redraw()
        self.section.shown()
        self.collect_once_drawn()

    @property
    def section(self) -> Section:
        return self.sections[self.current]

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        case = self.case
        level = case.plan.current_level if case.plan else None
        level_text = self.psr.vocab["supervision_levels"].label(str(level)) if level else "—"
        name = case.practitioner_name or case.id
        self.query_one("#builder-header", Static).update(Text(fitted(
            f"{name} · {status_text(case)} · current level {level_text}",
            self._line_width(), HEADER_LINES)))
        self._draw_bar()
        for section in self.sections.values():
            section.show_case(case)
        self.refresh_bindings()

    def _draw_bar(self) -> None:
        parts = []
        for n, cls in enumerate(SECTIONS, start=1):
            if self.current == cls.KEY:
                parts.append(f"[reverse] {n} {cls.LABEL} [/]")
            else:
                parts.append(f"{n} {SHORT[n - 1]}")
        self.query_one("#builder-sections", Static).update(" ".join(parts))

    def _line_width(self) -> int:
        return self.app.size.width - 2  # the lines' padding

    def say(self, message: str) -> None:
        """A message under the section, whole or ending in … (names in it are stored text:
        plain, never markup), on the lines it has at any width."""
        self.query_one("#builder-message", Static).update(
            Text(fitted(message, self._line_width(), MESSAGE_LINES)))

    # -- saving -----------------------------------------------------------------------------
    def save(self, change: Change, action: str, summary: str, *,
             editing: bool = True) -> Refusal | None:
        """Apply `change` to a fresh copy under the case lock; a problem when refused."""

        def guarded(fresh: Case) -> None:
            if fresh.plan is None:
                raise RuleError("This case has no plan yet.", "plan")
            if editing and is_frozen(fresh):
                raise RuleError(frozen_message(fresh), "plan.status")
            change(fresh)

        saved = save_case(self.psr, self.case_id, guarded, action, summary,
                          expected_revision=self.case.revision)
        if isinstance(saved, Refusal):
            return saved
        self.case = saved
        self.say(f"Saved: {summary}")
        self.redraw()
        return None

    def save_or_say(self, change: Change, action: str, summary: str, *,
                    editing: bool = True) -> bool:
        problem = self.save(change, action, summary, editing=editing)
        if problem is not None:
            self.say(refusal_line(problem))
        return problem is None

    # -- what the sections ask ----------------------------------------------------------------
    def on_section_save_change(self, message: Section.SaveChange) -> None:
        message.stop()
        message.reply(self.save(message.change, message.action, message.summary,
                                editing=message.editing))

    def on_section_say(self, message: Section.Say) -> None:
        message.stop()
        self.say(message.text)

    def on_section_reload(self, message: Section.Reload) -> None:
        message.stop()
        self.reload()

    def on_section_edit_selected(self, message: Section.EditSelected) -> None:
        message.stop()
        self.action_edit()

    def on_section_go_to(self, message: Section.GoTo) -> None:
        message.stop()
        self.go_to(message.section, message.item_id, message.field, message.new_for)

    def on_section_offer_new_version(self, message: Section.OfferNewVersion) -> None:
        message.stop()
        self.offer_new_version(message.question)

    def reload(self) -> None:
        self.case = self.psr.store.get(self.case_id)
        self._stale = False
        self.redraw()

    def cases_changed(self, case_ids: frozenset[str]) -> None:
        # While a dialog is open its save must meet the conflict check, so reload later.
        if self.case_id in case_ids:
            if self.app.screen is self:
                self.reload()
                self.say("This case was changed elsewhere: reloaded.")
            else:
                self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale and hasattr(self, "case"):
            self.reload()

    # -- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.permits(action, parameters):
            return False
        if action in {"add", "edit", "remove", "move", "suggest", "generate", "accept",
                      "export"}:
            return action in self.section.ACTIONS
        if action in AGREEMENT_STEPS:
            key = f"sign_{parameters[0]}" if action == "sign" else action
            if key not in self.section.ACTIONS:
                return False
            # Hidden (and refused) until this step applies to the plan as it stands: greyed
            # keys would push Export and Start delivery off an 80-column footer.
            return step_applies(self.case, action)
        return super().check_action(action, parameters)


    def action_section(self, number: int) -> None:
        self.show_section(SECTIONS[number - 1].KEY)

    def show_section(self, key: str) -> None:
        self.current = key
        self.query_one(ContentSwitcher).current = f"section-{key}"
        self._draw_bar()
        self.say("")
        self.section.shown()
        self.refresh_bindings()

    def _editing(self, action: str) -> bool:
        return action not in EDITING or self.editing_allowed()

    def action_add(self) -> None:
        if self._editing("add"):
            self.section.add()

    def action_edit(self) -> None:
        # The checker's "edit" is navigation; the editor it opens checks again.
        if self.current == "checker" or self._editing("edit"):
            self.section.edit()

    def action_remove(self) -> None:
        if self._editing("remove"):
            self.section.remove_item()

    def action_move(self, delta: int) -> None:
        if self._editing("move"):
            self.section.move(delta)

    def action_cursor(self, delta: int) -> None:
        tables = self.section.query(DataTable)
        if tables:
            table = tables.first()
            table.move_cursor(row=max(0, table.cursor_row + delta))

    def action_suggest(self) -> None:
        if self._editing("suggest"):
            self.section.suggest()

    def action_accept(self) -> None:
        section = self.section
        if self._editing("accept") and isinstance(section, ListSection):
            section.accept()

    def action_generate(self) -> None:
        if self._editing("generate"):
            self.section.generate()

    def action_issue(self) -> None:
        self.section_of(AgreementSection).issue()

    def action_sign(self, party: str) -> None:
        self.section_of(AgreementSection).sign(party)

    def action_start_delivery(self) -> None:
        self.section_of(AgreementSection).start_delivery()

    def action_new_version(self) -> None:
        self.section_of(AgreementSection).new_version()

    def action_export(self) -> None:
        from ..progress_exports import offer_export  # the app's one export path

        offer_export(self, self.case, "plan")

    def action_reload(self) -> None:
        self.reload()
        self.say("Reloaded.")

    def go_to(self, key: str, item_id: str = "", field: str = "", new_for: str = "") -> None:
        """Show a section and open the editor on the item and field a finding names
        (`new_for`: add an activity serving that objective)."""
        self.show_section(key)
        if new_for:
            if self.editing_allowed():
                self.section_of(ActivitiesSection).add_for(new_for)
            return
        section = self.sections[key]
        if item_id and not section.select_item(item_id):
            self.say("That item is no longer in the plan.")
            return
        if (item_id or field) and self.editing_allowed():
            section.edit(field)
