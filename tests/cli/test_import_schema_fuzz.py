"""Fuzzing the import with dumps generated from `psr-tui schema` itself: each object,
string, number and list is drawn as the schema describes it (valid in shape), or, now and
then, broken (a wrong type, a missing required key, an unknown key). Whatever comes, the
import either lands and `check` passes, or is refused with exit 2 and one line, leaving no
database; never a traceback.

(hypothesis-jsonschema would draw from the schema for us, but its release does not run on
the hypothesis this project pins, so the walk over the schema is written out below.)"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psr_tui.cli import main

Schema = dict[str, Any]
BROKEN = st.sampled_from([None, True, -1, 2**40, 1.5, "", "x", [], {}, "2001-13-45"])
DEPTH = 6  # deeper models (plan versions, corrections) are left at their defaults


def the_schema() -> Schema:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    schema: Schema = json.loads(out.getvalue())
    return schema


SCHEMA = the_schema()


def resolve(node: Schema) -> Schema:
    ref = node.get("$ref")
    if ref:
        return resolve(SCHEMA["$defs"][ref.rsplit("/", 1)[-1]])
    return node


def value_for(node: Schema, depth: int, broken: float) -> st.SearchStrategy[Any]:
    """A strategy for what `node` describes; with chance `broken`, something else."""
    shaped = _shaped(resolve(node), depth, broken)
    return st.one_of(shaped, BROKEN) if broken else shaped


def _shaped(node: Schema, depth: int, broken: float) -> st.SearchStrategy[Any]:
    if "anyOf" in node:
        return st.one_of([value_for(option, depth, broken) for option in node["anyOf"]])
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        if depth <= 0:
            return st.just({})
        props = node.get("properties", {})
        required = set(node.get("required", []))
        fields = {name: value_for(sub, depth - 1, broken) for name, sub in props.items()}

        @st.composite
        def an_object(draw: st.DrawFn) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for name, strategy in fields.items():
                if name in required or draw(st.booleans()):
                    out[name] = draw(strategy)
            if broken and draw(st.integers(0, 20)) == 0:
                out["not_in_the_schema"] = 1
            return out

        return an_object()
    if kind == "array":
        if depth <= 0:
            return st.just([])
        return st.lists(value_for(node.get("items", {}), depth - 1, broken), max_size=2)
    if kind == "string":
        fmt = node.get("format")
        if fmt == "date":
            return st.dates().map(str)
        if fmt == "date-time":
            return st.datetimes().map(lambda d: d.isoformat() + "Z")
        # Mostly blank (every vocabulary code may be blank) or plain words; a control
        # character now and then only when breaking on purpose.
        words = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
        return st.one_of(st.just(""), words, *([st.text(max_size=6)] if broken else []))
    if kind == "integer":
        return st.integers(-3, 10)
    if kind == "number":
        return st.floats(-3, 10, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return st.none()


CASE_ENTRY = SCHEMA["$defs"]["CaseEntry"]


@st.composite
def dumps(draw: st.DrawFn) -> dict[str, Any]:
    broken = draw(st.sampled_from([0.0, 0.0, 0.05]))
    entries = draw(st.lists(value_for(CASE_ENTRY, DEPTH, broken), min_size=1, max_size=2))
    for n, entry in enumerate(entries):  # a usable id unless breaking, so deeper checks run
        if isinstance(entry, dict) and isinstance(entry.get("case"), dict) and \
                (not broken or draw(st.booleans())):
            entry["case"]["id"] = f"case-fz{n}"
            entry["case"]["revision"] = draw(st.integers(1, 3))
    version = draw(st.sampled_from([SCHEMA["properties"]["schema_version"]["default"]] * 4
                                   + [0, -5, True, 99]))
    return {"format": "psr-tui", "schema_version": version, "cases": entries}


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(dump=dumps())
def test_dumps_drawn_from_the_schema_land_whole_or_are_refused_in_one_line(
    dump: dict[str, Any], monkeypatch
) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: the administrator
    folder = Path(tempfile.mkdtemp(prefix="psr-schema-fuzz-"))
    try:
        source = folder / "dump.json"
        source.write_text(json.dumps(dump))
        db = folder / "db"
        code, err = run(["import", "--db", str(db), str(source)])
        assert "Traceback" not in err and "internal error" not in err, err
        if code == 0:
            checked, report = run(["check", "--db", str(db)])
            assert checked == 0, report
        else:
            assert code == 2, err
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("psr-tui: "), err
            assert not db.exists()  # a refused import leaves no database behind
    finally:
        shutil.rmtree(folder, ignore_errors=True)
