"""Schema 1 -> 2: free-text demographics become vocabulary codes, in a database and in an
imported dump; a value that names no term is counted as not recorded ("")."""

from __future__ import annotations

import json
from pathlib import Path

from psr_tui.domain.demographics import code_for
from psr_tui.domain.vocabulary import default_vocabularies
from psr_tui.store import CaseStore, interchange, migrations

from .sample_cases import small_case

FREE_TEXT = {"sex": "Male", "age_band": "45-54", "ethnic_group": "Asian or Asian British",
             "qualification_country": "India"}
UNMATCHED = {"sex": "M.", "age_band": "fifties", "ethnic_group": "British",
             "qualification_country": "Atlantis"}
CODES = {"sex": "male", "age_band": "45_54", "ethnic_group": "asian",
         "qualification_region": "international"}
BLANK = dict.fromkeys(CODES, "")


def _as_schema_1(root: Path, case_id: str, demographics: dict[str, str]) -> None:
    path = root / "cases" / f"{case_id}.json"
    data = json.loads(path.read_bytes())
    data["case"]["1"]["request"]["demographics"] = demographics
    data["meta"]["1"]["schema_version"] = 1
    path.write_text(json.dumps(data))
    (root / "meta.json").write_text(json.dumps({"meta": {"1": {"schema_version": 1}}}))


def test_schema_version_is_two_with_a_step_from_one() -> None:
    assert migrations.SCHEMA_VERSION == 2 and migrations.missing_steps(1, 2) == []


def test_opening_a_schema_1_database_maps_matching_values(tmp_path: Path) -> None:
    root = tmp_path / "db"
    store = CaseStore.open(root)
    store.create(small_case("case-a"))
    store.create(small_case("case-b"))
    _as_schema_1(root, "case-a", FREE_TEXT)
    _as_schema_1(root, "case-b", UNMATCHED)
    store = CaseStore.open(root)
    assert store.get("case-a").request.demographics.model_dump() == CODES
    assert store.get("case-b").request.demographics.model_dump() == BLANK
    assert store.get("case-a").revision == 1  # a migration is not an edit


def test_a_schema_1_dump_imports_with_codes(tmp_path: Path) -> None:
    root = tmp_path / "db"
    store = CaseStore.open(root)
    store.create(small_case("case-a"))
    dump = interchange.dump(store)
    dump["schema_version"] = 1
    dump["cases"][0]["case"]["request"]["demographics"] = FREE_TEXT
    parsed = interchange.parse(json.dumps(dump))
    assert parsed.cases[0].case.request.demographics.model_dump() == CODES


def test_code_for_ignores_case_spacing_and_hyphen_spacing() -> None:
    vocab = default_vocabularies()
    assert code_for(vocab["age_bands"], " 45 - 54 ") == "45_54"
    assert code_for(vocab["age_bands"], "45 to 54") == "45_54"
    assert code_for(vocab["qualification_regions"], "united KINGDOM") == "uk"
    assert code_for(vocab["qualification_regions"], "Poland") == "eea"
    assert code_for(vocab["ethnic_groups"], "White") == "white"
    assert code_for(vocab["sexes"], "") == ""
