"""Suggested objectives for a new plan, from what the request says (004 objective domains).

Which domains to suggest comes from vocabularies/objective_domains.toml (`always`,
`suggest_when` keywords); the SMART starter wording from templates/objective_starters.toml,
worded for the practitioner's profession. The plan end goes into each objective's target
date only, never into its text, so amending the end date leaves no stale wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .case import Case
from .plan import Objective
from .templates import load_template
from .vocabulary import Vocabularies


@dataclass(frozen=True)
class _Source:
    text: str  # what keywords are matched against
    shown_as: str  # how it is quoted in the objective's "relevant" text


def _concern_sources(case: Case, vocab: Vocabularies) -> list[_Source]:
    sources = []
    for concern in case.request.concerns:
        label = vocab["concern_types"].label(concern.concern_type) if concern.concern_type else ""
        shown = concern.description or label or "a concern"
        sources.append(_Source(f"{concern.description} {concern.concern_type} {label}", shown))
    return sources


def _request_sources(case: Case, vocab: Vocabularies) -> list[_Source]:
    req = case.request
    sources = _concern_sources(case, vocab)
    sources += [_Source(area, area) for area in req.development_areas if area.strip()]
    for code in req.focus:
        label = vocab["focus_areas"].label(code)
        sources.append(_Source(f"{code} {label}", f"focus on {label.lower()}"))
    if req.role_on_completion:
        sources.append(
            _Source(req.role_on_completion, f"role on completion ({req.role_on_completion})")
        )
    if req.practitioner.grade:
        grade = vocab["grades"].label(req.practitioner.grade)
        sources.append(_Source(f"{req.practitioner.grade} {grade}", f"grade ({grade})"))
    return sources


def _matches(keywords: list[str], text: str) -> bool:
    # A keyword matches at the start of a word: "lead" finds "leading", not "misleading".
    return any(re.search(rf"\b{re.escape(k.lower())}", text.lower()) for k in keywords)


def role_name(case: Case, vocab: Vocabularies) -> str:
    """How the practitioner's role is named in objectives."""
    req = case.request
    if req.role_on_completion.strip():
        return req.role_on_completion.strip()
    if req.practitioner.grade:
        return vocab["grades"].label(req.practitioner.grade)
    if req.practitioner.profession:
        return vocab["professions"].label(req.practitioner.profession)
    return "practitioner"


def domains_for_concerns(case: Case, vocab: Vocabularies) -> dict[str, list[str]]:
    """Objective domains the concerns point to (keyword match), with the concerns quoted."""
    sources = _concern_sources(case, vocab)
    found: dict[str, list[str]] = {}
    for term in vocab["objective_domains"].terms:
        keywords = [str(k) for k in term.get("suggest_when", [])]
        quoted = [s.shown_as for s in sources if keywords and _matches(keywords, s.text)]
        if quoted:
            found[term.code] = quoted
    return found


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:  # an unknown placeholder stays visible to edit
        return "{" + key + "}"


def starter_wording(starters: dict[str, Any], domain: str, profession: str) -> dict[str, str]:
    """The starter fields for a domain: its own (or [default]) fields, with those the
    profession's sub-table gives (e.g. [clinical_skills.pharmacist]) taking their place."""
    entry = starters.get(domain, starters["default"])
    wording = {k: v for k, v in entry.items() if isinstance(v, str)}
    by_profession = entry.get(profession) if profession else None
    if isinstance(by_profession, dict):
        wording.update({k: v for k, v in by_profession.items() if isinstance(v, str)})
    return wording


def _relevant(text: str, reasons: list[str]) -> str:
    if not reasons:
        return text
    return f"{text} From the request: {'; '.join(dict.fromkeys(reasons))}."


def suggest_objectives(case: Case, vocab: Vocabularies, *,
                       everything: bool = False) -> list[Objective]:
    """One starter objective per suggested domain, in vocabulary order. Domains the plan
    already has an objective for are left out, so suggesting twice adds nothing.
    `everything`: every domain, suggested by the request or not (a plan template chooses)."""
    starters = load_template("objective_starters")
    sources = _request_sources(case, vocab)
    plan = case.plan
    present = {o.domain for o in plan.objectives} if plan else set()
    end = plan.end_date if plan else None
    suggested = []
    for term in vocab["objective_domains"].terms:
        if term.code in present:
            continue
        keywords = [str(k) for k in term.get("suggest_when", [])]
        reasons = [s.shown_as for s in sources if keywords and _matches(keywords, s.text)]
        if not term.get("always") and not reasons and not everything:
            continue
        wording = starter_wording(starters, term.code, case.request.practitioner.profession)
        values = _Blank(
            role=role_name(case, vocab),
            practitioner=case.request.practitioner.name or "the practitioner",
            domain=term.label.lower(),
        )
        suggested.append(
            Objective(
                domain=term.code,
                statement=wording["statement"].format_map(values),
                measure=wording["measure"].format_map(values),
                achievable=wording["achievable"].format_map(values),
                relevant=_relevant(wording["relevant"].format_map(values), reasons),
                target_date=end,
                suggested=True,  # until the adviser accepts or edits it
            )
        )
    return suggested
