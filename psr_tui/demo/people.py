"""Fictional people and organisations for demo cases: UK-plausible, never real.

Organisation names follow NHS naming patterns (trusts, integrated care boards, Welsh
health boards) but are invented, so no real body is tied to a made-up concern.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (first name, sex) so titles and the optional demographics agree with the name.
FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Priya", "female"), ("Oluwaseun", "male"), ("Aisha", "female"), ("Tomasz", "male"),
    ("Siobhan", "female"), ("Rhys", "male"), ("Mei", "female"), ("Kwame", "male"),
    ("Fatima", "female"), ("Hamish", "male"), ("Anjali", "female"), ("Chidi", "male"),
    ("Eleanor", "female"), ("Imran", "male"), ("Niamh", "female"), ("Rajesh", "male"),
    ("Bethan", "female"), ("Yusuf", "male"), ("Catriona", "female"), ("Deepak", "male"),
    ("Grace", "female"), ("Ahmed", "male"), ("Zainab", "female"), ("Owen", "male"),
    ("Sunita", "female"), ("Emeka", "male"), ("Lowri", "female"), ("Hassan", "male"),
    ("Sophie", "female"), ("Vikram", "male"), ("Ifeoma", "female"), ("Callum", "male"),
    ("Nadia", "female"), ("Arjun", "male"), ("Ruth", "female"), ("Kofi", "male"),
    ("Harriet", "female"), ("Sanjay", "male"), ("Morven", "female"), ("Adebayo", "male"),
    ("Rachel", "female"), ("Tariq", "male"), ("Eilidh", "female"), ("Matteo", "male"),
    ("Lucy", "female"), ("Farhan", "male"), ("Joanna", "female"), ("Dariusz", "male"),
    ("Chloe", "female"), ("Ravi", "male"), ("Amara", "female"), ("Ewan", "male"),
)

SURNAMES: tuple[str, ...] = (
    "Okafor", "Sharma", "Hughes", "Adeyemi", "Khan", "Patel", "MacLeod", "Nowak",
    "O'Connor", "Chen", "Mensah", "Evans", "Rahman", "Campbell", "Iyer", "Thomas", "Osei",
    "Begum", "Williams", "Kowalski", "Nair", "Morgan", "Fraser", "Bello", "Davies",
    "Chaudhry", "Price", "Obi", "Hussain", "Jenkins", "Mukherjee", "Roberts", "Eze", "Lloyd",
    "Malik", "Walsh", "Ansah", "Pritchard", "Gupta", "Reid", "Agarwal", "Bennett", "Owusu",
    "Sutherland", "Rossi", "Doyle", "Siddiqui", "Ferreira", "Kaur", "Wong",
)

# Optional insight fields (004 reports them in aggregate only): codes from data/vocabularies
# age_bands, ethnic_groups and qualification_regions, weighted roughly as 004 found them.
AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("under_35", 1), ("35_44", 3), ("45_54", 6), ("55_64", 3), ("65_over", 1),
)
ETHNIC_GROUPS: tuple[tuple[str, int], ...] = (
    ("asian", 5), ("black", 3), ("white", 4), ("mixed", 1), ("other", 1),
)
QUALIFICATION_REGIONS: tuple[tuple[str, int], ...] = (
    ("uk", 4), ("eea", 2), ("international", 8),
)

CASE_ADVISERS: tuple[str, ...] = (
    "Dr Helen Marsden", "Dr Samuel Achebe", "Mrs Julia Penrose", "Dr Anil Venkatesh",
    "Ms Carys Howells", "Dr Martin Oduya",
)


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str  # acute / mental_health / community (trusts), icb, health_board
    nation: str  # england / wales
    domain: str  # e-mail domain


TRUSTS: tuple[Organisation, ...] = tuple(
    Organisation(name, kind, "england", "nhs.net")
    for name, kind in (
        ("Northmoor Hospitals NHS Foundation Trust", "acute"),
        ("Aire and Wharfe Teaching Hospitals NHS Trust", "acute"),
        ("Mid Wessex University Hospitals NHS Foundation Trust", "acute"),
        ("Tamar Valley Healthcare NHS Trust", "acute"),
        ("East Fenland Acute Hospitals NHS Trust", "acute"),
        ("Calderbrook Teaching Hospitals NHS Foundation Trust", "acute"),
        ("Severnside Hospitals NHS Trust", "acute"),
        ("Trent Meadows University Hospitals NHS Trust", "acute"),
        ("Pennine Moors Mental Health NHS Foundation Trust", "mental_health"),
        ("Solent Downs Community Health NHS Trust", "community"),
    )
)
ICBS: tuple[Organisation, ...] = tuple(
    Organisation(name, "icb", "england", "nhs.net")
    for name in (
        "NHS Chilterns and Vale Integrated Care Board",
        "NHS Humber Estuary Integrated Care Board",
        "NHS Mersey Lakes Integrated Care Board",
        "NHS Tyne Coast Integrated Care Board",
        "NHS Weald and Downs Integrated Care Board",
    )
)
HEALTH_BOARDS: tuple[Organisation, ...] = tuple(
    Organisation(name, "health_board", "wales", "wales.nhs.uk")
    for name in (
        "Bro Taf Valleys University Health Board",
        "Gwynedd and Môn University Health Board",
        "Dyfed Coast University Health Board",
        "Usk Valley University Health Board",
    )
)


def weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    sex: str

    def titled(self, title: str) -> str:
        return f"{title} {self.first} {self.surname}"

    @property
    def plain_title(self) -> str:
        return "Mr" if self.sex == "male" else "Ms"

    def email(self, domain: str) -> str:
        local = f"{self.first}.{self.surname}".lower().replace("'", "")
        return f"{local}@{domain}"


def person(rng: random.Random, avoid: set[str] | None = None) -> Person:
    """A fictional person; `avoid` keeps names distinct within one case."""
    while True:
        first, sex = rng.choice(FIRST_NAMES)
        found = Person(first, rng.choice(SURNAMES), sex)
        key = f"{found.first} {found.surname}"
        if avoid is None or key not in avoid:
            if avoid is not None:
                avoid.add(key)
            return found


def organisation_for(rng: random.Random, care_setting: str, specialty_group: str) -> Organisation:
    """Hospitals employ secondary care staff (Welsh boards run hospitals too); performers
    lists sit with ICBs in England and health boards in Wales."""
    if care_setting == "primary":
        pool = ICBS + HEALTH_BOARDS
    elif specialty_group == "psychiatry" or care_setting == "community":
        pool = tuple(t for t in TRUSTS if t.kind != "acute") + HEALTH_BOARDS[2:]
    else:
        pool = tuple(t for t in TRUSTS if t.kind == "acute") + HEALTH_BOARDS[:2]
    return rng.choice(pool)
