"""One intake step's form, from its StepSpec: filled from the case, read back, errors shown."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from ....domain.case import Case
from ....domain.deadlines import nation_of
from ....domain.request_rules import regulator_for
from ....domain.validation import FieldError, parse_date
from ....domain.vocabulary import Vocabularies
from ...widgets.choice_select import ChoiceSelect
from ...widgets.form_field import FormField, date_check, working_day_notice
from ...widgets.labelled_field import LabelledField
from ...widgets.ticks import TickBox, TickList
from ...wording import plain, problem_line
from .long_note import LongNote, note_field
from .paths import Missing, get_path, owner_of, set_path
from .specs import Field, ListSection, Note, Part

FieldWidget = FormField | LabelledField


def safe_id(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", path)


def int_check(text: str) -> str | None:
    return None if not text.strip() or text.strip().isdigit() else "enter a whole number"


def with_article(noun: str) -> str:
    """ "a concern", "an excluded concern": the article follows the first letter's sound
    (good enough for the nouns the steps use)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class StepForm(Vertical):
    """Edits `draft` (the screen's working copy) in place; `raw` keeps text that did not parse."""

    def __init__(self, parts: tuple[Part, ...], draft: Case, raw: dict[str, str],
                 vocab: Vocabularies, extra: dict[str, str] | None = None) -> None:
        super().__init__(id="step-form")
        self.parts = parts
        self.draft = draft
        self.raw = raw
        self.vocab = vocab
        self.extra = extra if extra is not None else {}  # values not stored on the case
        self.fields: dict[str, tuple[Field, FieldWidget]] = {}
        self.lists: dict[str, ListSection] = {}

    # -- building -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.fields, self.lists = {}, {}
        yield Static("", id="step-problems", classes="-empty")
        for part in self.parts:
            if isinstance(part, Note):
                yield Static(plain(part.text, multiline=True),
                             classes=f"step-note {part.classes}".strip())
            elif isinstance(part, ListSection):
                yield from self._list(part)
            else:
                yield self._field(part, part.path)

    def _list(self, section: ListSection) -> ComposeResult:
        self.lists[section.path] = section
        items = get_path(self.draft, section.path)
        with Vertical(classes="list-section", id=f"list-{safe_id(section.path)}"):
            yield Static("", classes="field-error list-error -empty")
            for n, item in enumerate(items, start=1):
                with Vertical(classes="list-item"):
                    yield Static(f"{section.noun.capitalize()} {n}", classes="list-item-title")
                    for spec in section.fields:
                        yield self._field(spec, f"{section.path}[{item.id}].{spec.path}")
                    yield Button(f"Remove {section.noun} {n}", classes="remove-item",
                                 name=f"{section.path}[{item.id}]")
            yield Button(f"Add {with_article(section.noun)}", classes="add-item", name=section.path)

    def _initial(self, path: str) -> Any:
        if path in self.extra:
            return self.extra[path]
        try:
            return get_path(self.draft, path)
        except (Missing, AttributeError):
            return None

    def _options(self, spec: Field, current: Any) -> list[tuple[str, Any]]:
        if spec.kind == "level":
            return [(t.label, int(t.code)) for t in self.vocab[spec.vocab].terms]
        if spec.kind == "yesno":
            return [("Yes", True), ("No", False)]
        options = list(spec.options) or self.vocab[spec.vocab].options()
        if isinstance(current, str) and current and current not in {c for _, c in options}:
            options.append((current, current))  # an organisation's own term, kept as typed
        return options

    def _field(self, spec: Field, path: str) -> FieldWidget:
        fid = safe_id(path)
        value = self._initial(path)
        kind = spec.kind
        widget: FieldWidget
        if kind in ("text", "email", "date", "int"):
            check = date_check() if kind == "date" else int_check if kind == "int" else None
            text = self.raw.get(path, _text(value))
            widget = FormField(spec.label, text, field_id=fid, check=check,
                               placeholder=spec.placeholder,
                               notice=working_day_notice(nation_of(self.draft))
                               if spec.working_day else None)
        elif kind in ("select", "level", "yesno"):
            options = self._options(spec, value)
            chosen = value if any(v == value for _, v in options) and value != "" else Select.NULL
            select = ChoiceSelect(options, value=chosen, prompt="Choose…",
                                  id=f"input-{fid}", compact=True)
            widget = LabelledField(spec.label, select, field_id=fid, classes=spec.classes)
        elif kind == "multi":
            chosen = value or []
            items = [(label, code, code in chosen)
                     for label, code in self.vocab[spec.vocab].options()]
            choices = TickList(*items, id=f"input-{fid}", compact=True)
            widget = LabelledField(spec.label, choices, field_id=fid)
        elif kind in ("bool", "optional"):
            ticked = value is not None if kind == "optional" else bool(value)
            box = TickBox(spec.label, ticked, id=f"input-{fid}")
            widget = LabelledField("", box, field_id=fid)
        else:  # area, lines
            text = "\n".join(value or []) if kind == "lines" else _text(value)
            area = note_field(text, f"input-{fid}")
            widget = LabelledField(spec.label, area, field_id=fid, classes=spec.classes)
        self.fields[path] = (spec, widget)
        return widget

    def on_mount(self) -> None:
        self.compact_inputs()

    def compact_inputs(self) -> None:
        # One line per input: at 80x24 a bordered input costs three. Run again after a
        # row is added or removed, because that rebuilds the form after on_mount.
        for box in self.query(Input):
            box.compact = True

    # -- reading back ---------------------------------------------------------------------
    def _read(self, spec: Field, widget: FieldWidget) -> Any:
        kind = spec.kind
        if isinstance(widget, FormField):
            text = widget.value
            if kind == "date":
                return parse_date(text) if text else None
            if kind == "int":
                if text and not text.isdigit():
                    raise ValueError("enter a whole number")
                return int(text) if text else None
            return text
        inner = widget.widget
        if isinstance(inner, Select):
            value = inner.value
            if value is Select.NULL:
                return None if kind in ("level", "yesno") else ""
            return value
        if isinstance(inner, SelectionList):
            return list(inner.selected)
        if isinstance(inner, Checkbox):
            return inner.value
        assert isinstance(inner, TextArea | LongNote)
        if kind == "lines":
            return [line.strip() for line in inner.text.splitlines() if line.strip()]
        return inner.text.strip()

    def collect(self) -> list[FieldError]:
        """Write every field into the draft; text that does not parse stays in `raw`."""
        errors: list[FieldError] = []
        for path, (spec, widget) in self.fields.items():
            try:
                value = self._read(spec, widget)
            except ValueError as exc:
                errors.append(FieldError(path, str(exc)))
                if isinstance(widget, FormField):
                    self.raw[path] = widget.value
                continue
            self.raw.pop(path, None)
            if path in self.extra:
                self.extra[path] = _text(value)
                continue
            if spec.kind == "optional":
                present = get_path(self.draft, path) is not None
                if value and not present and spec.make is not None:
                    set_path(self.draft, path, spec.make())
                elif not value:
                    set_path(self.draft, path, None)
                continue
            try:
                set_path(self.draft, path, value)
            except Missing:
                continue  # inside an optional part the user switched off
        return errors

    # -- messages -------------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError]) -> Widget | None:
        """Put each message under its field; returns the first field to focus."""
        known = list(self.fields) + list(self.lists)
        by_owner: dict[str, list[str]] = {}
        loose: list[str] = []
        for error in errors:
            owner = owner_of(error.path, known)
            if owner is None:
                loose.append(error.message)
            else:
                by_owner.setdefault(owner, []).append(error.message)
        for path, (_spec, widget) in self.fields.items():
            widget.show_error("; ".join(by_owner.get(path, [])) or None)
        for path in self.lists:
            line = self.query_one(f"#list-{safe_id(path)} > .list-error", Static)
            message = "; ".join(by_owner.get(path, []))
            line.update(problem_line(message))
            line.set_class(not message, "-empty")
        problems = self.query_one("#step-problems", Static)
        problems.update(Text("\n").join(problem_line(m) for m in loose))
        problems.set_class(not loose, "-empty")
        for error in errors:
            owner = owner_of(error.path, known)
            if owner in self.fields:
                return self.fields[owner][1]
            if owner in self.lists:
                return self.query_one(f"#list-{safe_id(owner)}")
        return None

    # -- rows and linked fields -----------------------------------------------------------
    async def on_button_pressed(self, event: Button.Pressed) -> None:
        adding = event.button.has_class("add-item")
        if not (adding or event.button.has_class("remove-item")) or not event.button.name:
            return
        event.stop()
        self.collect()
        target = event.button.name
        if adding:
            section = self.lists[target]
            get_path(self.draft, target).append(section.make())
        else:
            list_path, item_id = target[:-1].split("[", 1)
            items = get_path(self.draft, list_path)
            items[:] = [i for i in items if i.id != item_id]
            for key in [k for k in self.raw if k.startswith(target)]:
                del self.raw[key]
        await self.recompose()
        self.compact_inputs()
        if adding:
            self._focus_last_item(target)

    def _focus_last_item(self, list_path: str) -> None:
        items = self.query(f"#list-{safe_id(list_path)} .list-item")
        if items:
            focusable = [w for w in items.last().query("*") if w.can_focus]
            if focusable:
                focusable[0].focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        # The regulator follows the profession unless someone chose another.
        if event.select.id != "input-" + safe_id("request.practitioner.profession"):
            return
        regulator = regulator_for(self.vocab, str(event.value))
        target = self.query(f"#input-{safe_id('request.practitioner.regulator')}")
        if regulator and target:
            select = target.first(Select)
            select.value = regulator

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
