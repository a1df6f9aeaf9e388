"""The plan builder and the intake on a large case, against the same on an ordinary one.

Issue 9: "the plan builder and intake keep their speed on a case with 200 objectives and
a 1 MB note". Both cases are the demo's Mr G (the seed 004 case study): the ordinary one
as the demo writes it (3 objectives), the large one with 200 objectives and a 1 MB
practitioner discussion note. Each is stored twice: drafting (the builder edits it) and
accepted at the discussions step (the intake shows the note in its text area).

Measured in the app itself, headless at 80x24 (Textual's test driver), in a fresh
process per run: seconds from pushing the screen to it drawn and idle, and from a save
(the builder: an objective's statement through the screen's save path, as its dialog
saves; the intake: a key typed into the note, then ctrl+n) to the case file on disk and
the screen idle again. The large note opens by its start (intake/long_note.py): the save
is timed after Enter has opened the whole note for editing, untimed. Run as
`python bench/large_case.py DB CASE_ID` it prints the four figures as JSON; `figures`
runs that in a subprocess.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)
OBJECTIVES = 200
NOTE_BYTES = 1024 * 1024
SOURCE = "case-004-mr-g"  # in every demo database
KINDS = ("ordinary", "large")


def prepare(demo_db: Path, folder: Path) -> Path:
    """A database of the four cases (ordinary/large, builder/intake) made from Mr G."""
    sys.path.insert(0, str(HERE.parent))
    from psr_tui.domain.validation import INTAKE_STEPS
    from psr_tui.store import CaseStore

    db = folder / "large-case-db"
    if (db / "built").exists():
        return db
    mr_g = CaseStore.open(demo_db, create=False).get(SOURCE)
    assert mr_g.plan is not None
    store = CaseStore.open(db, user="bench")
    discussions = [key for key, _title in INTAKE_STEPS].index("discussions")
    # Typed as notes are: lines of prose, a blank line between paragraphs.
    para = "Discussed the supervision arrangements, the on-call rota and the evidence.\n" * 6
    note = ((para + "\n") * (NOTE_BYTES // (len(para) + 1) + 1))[:NOTE_BYTES]
    for kind in KINDS:
        case = mr_g.model_copy(deep=True)
        plan = case.plan
        assert plan is not None
        if kind == "large":
            first = plan.objectives[0]
            plan.objectives += [first.model_copy(update={
                "id": f"obj-bench-{n}", "statement": f"{first.statement} ({n})"})
                for n in range(len(plan.objectives), OBJECTIVES)]
            case.discussions.practitioner.notes = note
        builder = case.model_copy(deep=True, update={"id": f"builder-{kind}", "state": "draft"})
        assert builder.plan is not None
        builder.plan.status = "draft"
        intake = case.model_copy(deep=True, update={
            "id": f"intake-{kind}", "state": "accepted", "intake_step": discussions})
        store.create(builder)
        store.create(intake)
    (db / "built").write_text("")
    return db


def figures(db: Path, kind: str) -> dict[str, float]:
    """The four figures for one case kind, each screen in a fresh process."""
    out: dict[str, float] = {}
    for screen in ("builder", "intake"):
        done = subprocess.run([sys.executable, str(Path(__file__)), str(db), screen, kind],
                              check=True, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PSR_TUI_TODAY": TODAY.isoformat()})
        out.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


async def _until(pilot: object, ready: Callable[[], bool], timeout: float = 120) -> None:
    began = time.perf_counter()
    while not ready():
        if time.perf_counter() - began > timeout:
            raise TimeoutError("the screen did not get there")
        await pilot.pause(0.005)  # type: ignore[attr-defined]


async def _measure(db: Path, screen_name: str, kind: str) -> dict[str, float]:
    sys.path.insert(0, str(HERE.parent))
    from psr_tui.app import make_app
    from psr_tui.store import CaseStore

    store = CaseStore.open(db, user="bench")
    case_id = f"{screen_name}-{kind}"
    path = store.cases_dir / f"{case_id}.json"
    app = make_app(store, today=lambda: TODAY, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        if screen_name == "builder":
            from psr_tui.ui.screens.plan_builder import PlanBuilderScreen

            screen = PlanBuilderScreen(case_id)
        else:
            from psr_tui.ui.screens.intake import IntakeScreen

            screen = IntakeScreen(case_id)  # type: ignore[assignment]
        began = time.perf_counter()
        await app.push_screen(screen)
        await _until(pilot, lambda: app.screen is screen and screen.is_mounted)
        await pilot.pause()
        opened = time.perf_counter() - began
        before = path.stat().st_ino
        if screen_name == "builder":
            began = time.perf_counter()

            def change(case: object) -> None:
                case.plan.objectives[0].statement += " (reviewed)"  # type: ignore[attr-defined]

            screen.save(change, "plan.edit", "edit objective")
        else:
            from textual.widgets import TextArea

            from psr_tui.ui.screens.intake.long_note import LongNote

            field = screen.query_one("#input-discussions-practitioner-notes")
            if isinstance(field, LongNote):  # a long note opens by its start: Enter edits
                field.focus()
                await pilot.press("enter")
                await _until(pilot, lambda: field.editor is not None and field.editor.is_mounted)
                await pilot.pause()
                assert field.editor is not None
                area = field.editor
            else:
                assert isinstance(field, TextArea)
                area = field
            area.focus()
            await pilot.press("x")
            began = time.perf_counter()
            await pilot.press("ctrl+n")
        await _until(pilot, lambda: path.stat().st_ino != before)
        await pilot.pause()
        saved = time.perf_counter() - began
    return {f"{screen_name}: open": opened, f"{screen_name}: save": saved}


if __name__ == "__main__":
    figures_of = asyncio.run(_measure(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
    print(json.dumps(figures_of))
