"""The intake screen's help text and its scrolling form area."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

KEYS = "ctrl+n/PgDn next · ctrl+b/PgUp back · Esc save and leave"

INTAKE_HELP = """\
# Intake of a request

One step of the request form at a time (PSR guide section 4). The list on the left
shows where you are (▶) and the steps already complete (✓).

- **ctrl+n** or **PgDn** (or the Next button): check this step, save it and go on.
  A step with problems is not saved: each message is shown under its field.
- **ctrl+b** or **PgUp**: back one step (saved first when it is complete).
- **Esc**: save this step and leave; if it has problems you are asked first.
- **ctrl+r**: reload the case after someone else changed it (what you typed is kept).
- **F5**: start the plan, once the request is accepted and the discussions are done.

Every completed step is saved at once, so a dropped connection loses at most the
field being typed; reopening the case comes back to the step you had reached.
The practitioner discussion notes are confidential: never shared with the organisation.
"""


class FormArea(VerticalScroll):
    """The step's scrolling form, where PgDn/PgUp move between steps instead of paging.

    Not priority bindings: keys already typed into a field must reach it before Next reads
    the form (over a slow SSH link keys arrive in bursts)."""

    BINDINGS = [
        Binding("pagedown", "screen.next_step", "Next step", show=False),
        Binding("pageup", "screen.back_step", "Previous step", show=False),
    ]
