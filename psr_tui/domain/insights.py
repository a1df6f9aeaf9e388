"""Insights: seed 004's figures for any set of plans, with small numbers suppressed.

Pure: takes the plans' facts (domain/plan_facts.py) and returns tables of counts and
whole percentages, each with the denominator it was taken over (plans with the field
recorded). Every count passes domain/suppression.py before anyone sees it; a table over
a group is only drawn for groups whose own size is shown.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .demographics import LABELS as DEMOGRAPHIC_LABELS
from .demographics import VOCABULARY_OF_FIELD, declined
from .plan_facts import PlanFacts
from .suppression import THRESHOLD, Shown, percent, suppress
from .vocabulary import Vocabularies

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Row:
    label: str
    shown: Shown
    percent: int | None  # None when withheld
    of: int | None = None  # the row's own denominator, in tables over groups


@dataclass(frozen=True)
class Table:
    title: str
    rows: tuple[Row, ...]
    denominator: str  # the sentence under the table


@dataclass(frozen=True)
class Insights:
    period_from: date | None
    period_to: date | None
    organisation: str
    plans: int
    tables: tuple[Table, ...]
    durations: tuple[tuple[str, str], ...]  # (what, "median 6.0 months, range 3.0 to 12.0")


def in_period(facts: PlanFacts, start: date | None, end: date | None, organisation: str) -> bool:
    """A plan counts when its start (or first issue) falls in the period and, when one is
    named, it is the organisation's. With no period every plan counts, dated or not."""
    if organisation and facts.organisation.strip().casefold() != organisation.strip().casefold():
        return False
    if start is None and end is None:
        return True
    if facts.start is None:
        return False
    return (start is None or facts.start >= start) and (end is None or facts.start <= end)


def build_insights(all_facts: Iterable[PlanFacts], vocab: Vocabularies,
                   start: date | None = None, end: date | None = None,
                   organisation: str = "") -> Insights:
    plans = [f for f in all_facts if in_period(f, start, end, organisation)]
    b = _Builder(vocab)
    tables = [
        b.one_way("Profession", plans, "profession", "professions"),
        b.one_way("Specialty group", plans, "specialty_group", "specialty_groups"),
        b.one_way("Grade", plans, "grade", "grades"),
        b.one_way("Care setting", plans, "care_setting", "care_settings"),
        b.one_way("Grade among secondary-care plans",
                  [f for f in plans if f.care_setting == "secondary"], "grade", "grades"),
        b.one_way("Plan type", plans, "plan_type", "plan_types"),
        b.one_way("Reason for absence", plans, "absence_reason", "absence_reasons",
                  what="an absence"),
        b.one_way("Source of the restriction, among restricted plans", plans,
                  "restriction_source", "", what="a restriction"),
        b.several("Objective domains", plans, lambda f: f.domains, "objective_domains",
                  "an objective"),
    ]
    specialty, grade = tables[1], tables[2]
    for title, attr, vocab_name, margin in (
        ("specialty group", "specialty_group", "specialty_groups", specialty),
        ("grade", "grade", "grades", grade),
    ):
        groups = _partition(plans, attr)
        for code, _size in b.shown_groups(plans, attr, vocab_name, margin):
            members = groups[code]
            label = vocab[vocab_name].label(code)
            tables.append(b.several(f"Objective domains: {label} ({title})", members,
                                    lambda f: f.domains, "objective_domains", "an objective"))
        tables.append(b.most_frequent_non_clinical(
            f"Most frequent non-clinical domain by {title}", plans, attr, vocab_name, margin))
    tables += [
        b.team_working(plans),
        b.several("Review outcomes recorded", plans, lambda f: f.review_outcomes,
                  "review_outcomes", "a review outcome"),
        b.one_way("Completion outcome", plans, "completion_outcome", "completion_outcomes",
                  what="a completion"),
        b.several("Extended or paused", plans, _changes, "", "a plan", all_plans=True),
    ]
    tables += [b.one_way(DEMOGRAPHIC_LABELS[name], plans, name, vocab_name)
               for name, vocab_name in VOCABULARY_OF_FIELD.items()]
    durations = (("Planned duration", _duration([f.planned_days for f in plans])),
                 ("Actual duration (completed)", _duration([f.actual_days for f in plans])))
    return Insights(start, end, organisation, len(plans), tuple(tables), durations)


def _changes(facts: PlanFacts) -> tuple[str, ...]:
    return tuple(name for name, flag in (("Extended", facts.extended),
                                         ("Paused", facts.paused)) if flag)


def _duration(days: Sequence[int | None]) -> str:
    known = [d for d in days if d is not None]
    if not known:
        return "no plans with both dates"
    if len(known) < THRESHOLD:
        return f"withheld (fewer than {THRESHOLD} plans)"
    months = [d / DAYS_PER_MONTH for d in known]
    return (f"median {statistics.median(months):.1f} months, range {min(months):.1f} to "
            f"{max(months):.1f} ({len(known)} plans)")


class _Builder:
    def __init__(self, vocab: Vocabularies) -> None:
        self.vocab = vocab

    def _label(self, vocab_name: str, code: str) -> str:
        if not vocab_name:
            return code.capitalize()
        return self.vocab[vocab_name].label(code)

    def _ordered(self, vocab_name: str, codes: Iterable[str]) -> list[str]:
        """Vocabulary order, then any organisation's own terms as typed."""
        known = self.vocab[vocab_name].codes if vocab_name else []
        present = set(codes)
        return [c for c in known if c in present] + sorted(present - set(known))

    def one_way(self, title: str, plans: Sequence[PlanFacts], attr: str, vocab_name: str,
                what: str = "") -> Table:
        """Each plan in one cell: primary and secondary suppression over a shown total."""
        vocabulary = self.vocab[vocab_name] if vocab_name else None
        tally = Counter(getattr(f, attr) for f in plans)  # count once, judge each code once
        for code in list(tally):
            if not code or (vocabulary is not None and declined(vocabulary, code)):
                del tally[code]
        recorded = sum(tally.values())
        counts = {code: tally[code] for code in self._ordered(vocab_name, tally)}
        field_words = what or f"{title.lower()} recorded"
        return self._table(title, counts, recorded, len(plans) - recorded, field_words,
                           vocab_name, total_shown=True)

    def several(self, title: str, plans: Sequence[PlanFacts],
                codes_of: Callable[[PlanFacts], tuple[str, ...]], vocab_name: str, what: str,
                all_plans: bool = False) -> Table:
        """A plan may count in several cells (its objective domains): primary suppression
        only, as the cells add up to no shown total."""
        lists = [codes_of(f) for f in plans]
        having = [codes for codes in lists if codes] if not all_plans else lists
        tally = Counter(c for codes in having for c in codes)
        counts = {code: tally[code] for code in self._ordered(vocab_name, tally)}
        return self._table(title, counts, len(having), len(lists) - len(having),
                           f"with {what}" if not all_plans else "", vocab_name,
                           total_shown=False)

    def _table(self, title: str, counts: dict[str, int], denominator: int, missing: int,
               what: str, vocab_name: str, total_shown: bool) -> Table:
        shown = suppress(counts, total_shown=total_shown)
        small = 0 < denominator < THRESHOLD
        rows = tuple(Row(self._label(vocab_name, code), cell,
                         None if cell.suppressed or small else percent(cell.count, denominator))
                     for code, cell in shown.items())
        n = f"fewer than {THRESHOLD}" if small else str(denominator)
        if not what:
            sentence = f"Percentages of all {n} plans."
        else:
            sentence = f"Percentages of the {n} plans {_with(what)}"
            gap = "not recorded" if what.endswith(" recorded") else "without"
            sentence += f" ({missing} {gap})." if missing and not small else "."
        return Table(title, rows, sentence)

    def shown_groups(self, plans: Sequence[PlanFacts], attr: str, vocab_name: str,
                     margin: Table) -> list[tuple[str, int]]:
        """The groups whose size the margin table shows (a withheld one stays withheld)."""
        shown = {row.label for row in margin.rows if not row.shown.suppressed}
        sizes = Counter(getattr(f, attr) for f in plans)
        sizes.pop("", None)
        return [(code, sizes[code]) for code in self._ordered(vocab_name, sizes)
                if self.vocab[vocab_name].label(code) in shown]

    def most_frequent_non_clinical(self, title: str, plans: Sequence[PlanFacts], attr: str,
                                   vocab_name: str, margin: Table) -> Table:
        domains = self.vocab["objective_domains"]
        clinical = {t.code for t in domains.terms if t.get("clinical")}
        groups = _partition(plans, attr)
        rows = []
        for code, size in self.shown_groups(plans, attr, vocab_name, margin):
            tally = Counter(d for f in groups[code] for d in f.domains if d not in clinical)
            if not tally:
                continue
            top = max(tally.values())
            names = " / ".join(domains.label(d) for d in self._ordered("objective_domains", tally)
                               if tally[d] == top)
            cell = suppress({"top": top}, total_shown=False)["top"]
            rows.append(Row(f"{self.vocab[vocab_name].label(code)}: {names}", cell,
                            None if cell.suppressed else percent(top, size), of=size))
        return Table(title, tuple(rows),
                     f"Percentages of each group's plans; groups of fewer than {THRESHOLD} "
                     "plans (or withheld) are not shown.")

    def team_working(self, plans: Sequence[PlanFacts]) -> Table:
        rows = []
        for label, members in (
            ("Secondary care", [f for f in plans if f.care_setting == "secondary"]),
            ("General practice", [f for f in plans if f.specialty_group == "general_practice"]),
        ):
            size = len(members)
            if size < THRESHOLD:
                continue
            count = sum(1 for f in members if "team_working" in f.domains)
            cell = suppress({"n": count}, total_shown=False)["n"]
            rows.append(Row(label, cell, None if cell.suppressed else percent(count, size),
                            of=size))
        return Table("Team working: secondary care and general practice", tuple(rows),
                     f"Percentages of each setting's plans; a setting with fewer than "
                     f"{THRESHOLD} plans is not shown.")


def _partition(plans: Sequence[PlanFacts], attr: str) -> dict[str, list[PlanFacts]]:
    groups: dict[str, list[PlanFacts]] = {}
    for facts in plans:
        groups.setdefault(getattr(facts, attr), []).append(facts)
    return groups


def _with(what: str) -> str:
    return what if what.startswith("with ") else f"with {what}"
