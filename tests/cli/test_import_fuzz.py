"""Fuzzing the import with broken dumps: a valid dump mutated (keys deleted, wrong types,
unknown codes, deep nesting, huge numbers, duplicated entries). Each one either lands and
`check` passes, or is refused with exit 2, one line, and no database; never a traceback."""

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

RAW_MARK = "__raw_json_%d__"

# Replacement values: wrong types, bad codes, edge numbers, and raw JSON no dict can hold.
VALUES = st.one_of(
    st.sampled_from([None, True, False, 0, -5, 1, 2**62, "", "zzz-unknown", "case-1",
                     [], {}, {"id": "x"}, 1.5, "2001-01-01", "2001-01-01T00:00:00Z"]),
    st.text(max_size=30),
    st.integers(),
    st.sampled_from(["[" * 80 + "]" * 80, "9" * 5000, "-" + "1" * 30, "1e999", "NaN",
                     '"' + "x" * 25_000 + '"']).map(lambda raw: Raw(raw)),
)


class Raw:
    def __init__(self, text: str) -> None:
        self.text = text


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, (*prefix, i))
    return out


def mutate(dump: dict, data: st.DataObject) -> str:
    raws: list[str] = []
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        where = data.draw(st.sampled_from(paths(dump)[1:]), label="path")
        parent = dump
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = data.draw(st.sampled_from(["delete", "replace", "duplicate"]), label="action")
        if action == "delete":
            del parent[last]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[last])))
        else:
            value = data.draw(VALUES, label="value")
            if isinstance(value, Raw):
                raws.append(value.text)
                value = RAW_MARK % (len(raws) - 1)
            parent[last] = value
    text = json.dumps(dump)
    for i, raw in enumerate(raws):
        text = text.replace(json.dumps(RAW_MARK % i), raw)
    return text


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_broken_dump_lands_whole_or_is_refused_in_one_line(
    data: st.DataObject, small_dump_text: str, monkeypatch
) -> None:
    monkeypatch.setenv("PSR_TUI_TODAY", "2026-11-23")
    monkeypatch.delenv("PSR_TUI_USER", raising=False)  # the folder's owner: admin
    text = mutate(json.loads(small_dump_text), data)
    folder = Path(tempfile.mkdtemp(prefix="psr-fuzz-"))
    try:
        (folder / "in.json").write_text(text)
        db = folder / "db"
        code, _out, err = run(["import", "--db", str(db), str(folder / "in.json")])
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert "internal error" not in err and "Traceback" not in err
        if code == 0:
            check_code, check_out, _ = run(["check", "--db", str(db)])
            assert check_code == 0, check_out
        else:
            assert code == 2, err
            assert lines[0].startswith("psr-tui: ") and lines[0].endswith(
                "nothing was imported"), err
            assert not db.exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
