"""The intake screen's help text and its scrolling form area."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

KEYS = "ctrl+n/PgDn next · ctrl+b/PgUp back · Esc save and leave"

INTAKE_HELP = """\
# Intake of a request

One step of the request form at a time (PSR guide section 4). The list on the left
shows where you are (▶) and the steps already complete (✓).

- **ctrl+n** (or the Next button): check this step, save it and go on. **PgDn** scrolls
  a step longer than the screen first, and goes on from its end.
  A step with problems is not saved: each message is shown under its field.
- **ctrl+b**: back one step (saved first when it is complete); **PgUp** scrolls back to
  the step's top first.
- **Esc**: save this step and leave; if it has problems you are asked first.
- **ctrl+r**: reload the case after someone else changed it (what you typed is kept).
- **F5**: start the plan, once the request is accepted and the discussions are done.

Every completed step is saved at once, so a dropped connection loses at most the
field being typed; reopening the case comes back to the step you had reached.
The practitioner discussion notes are confidential: never shared with the organisation.
"""


class FormArea(VerticalScroll):
    """The step's scrolling form: PgDn pages down a step longer than the screen, and at
    its end moves on to the next step; PgUp pages up, and at the top goes back one.

    Not priority bindings: keys already typed into a field must reach it before Next reads
    the form (over a slow SSH link keys arrive in bursts)."""

    BINDINGS = [
        Binding("pagedown", "page_or_step(1)", "Next step", show=False),
        Binding("pageup", "page_or_step(-1)", "Previous step", show=False),
    ]

    async def action_page_or_step(self, direction: int) -> None:
        if direction > 0 and self.scroll_y < self.max_scroll_y:
            self.scroll_page_down(animate=False)
        elif direction < 0 and self.scroll_y > 0:
            self.scroll_page_up(animate=False)
        else:
            await self.screen.run_action("next_step" if direction > 0 else "back_step")
