"""F1 help for the plan builder."""

HELP = """\
# Plan builder

Build one practitioner's action plan section by section (PSR guide section 6). Every change is
saved as soon as you confirm a dialog; if someone else saved first you are told, and what
you typed stays in the dialog (ctrl+r reloads).

**Sections** (number keys): 1 objectives (SMART, by domain; `s` suggests from the
intake), 2 activities (linked to objectives), 3 roles, 4 supervision ladder (`g` generates;
a stage can never be more independent than a recorded condition allows), 5 review points
(`g` generates), 6 timeframe, consequences and conditions, 7 checker (Enter goes to the
item), 8 preview of the organisation's copy, 9 agreement (issue; `o`/`p` sign for the
organisation or the practitioner, and correct a signature until both have signed; new
version; export; `d` starts delivery once both have signed).
6 timeframe: changing the plan's dates moves its stages, review points and target dates
with them.

Suggested objectives, activities and stages (drafted from the plan template or the intake)
are marked `*` until accepted: `y` accepts one as it is, `x` drops it (no question asked: it
can be suggested again), `e`/Enter edits it and saving the edit accepts it. The checker
counts those not yet accepted.

In lists: `a` add, `e`/Enter edit, `x`/Delete remove, `J`/`K` or ctrl+up/down reorder,
`j`/`k` move. Once both parties sign, the version is frozen: `n` starts a new version,
which needs both signatures again.
"""
