"""The request's half of the action plan: who the parties are, why there is a plan, what was
supplied, the conditions on practice, the local support, and the adviser's confidential annex.
plan_document.py puts these around the plan's own content (objectives, roles, stages)."""

from __future__ import annotations

from ..domain.case import Case, Condition
from ..domain.demographics import VOCABULARY_OF_FIELD
from ..domain.plan import Plan
from ..domain.vocabulary import Vocabularies
from .audience import ADVISER, confidential_items
from .markdown import Document, bold, fields
from .sections import fmt_date, label, level_text


def parties(doc: Document, case: Case, vocab: Vocabularies) -> None:
    req, prac = case.request, case.request.practitioner
    registration = " ".join(p for p in (prac.regulator, prac.registration_number) if p)
    practitioner = [
        label(vocab, "professions", prac.profession),
        label(vocab, "grades", prac.grade),
        label(vocab, "specialty_groups", prac.specialty_group),
        label(vocab, "care_settings", prac.care_setting),
        registration,
    ]
    org = req.organisation
    contact = ", ".join(p for p in (org.contact_name, org.contact_role) if p)
    doc.heading(2, "Parties")
    doc.table(("Party", "Name", "Details"), [
        ("Healthcare organisation", org.name, f"Contact: {contact}" if contact else ""),
        ("Practitioner", prac.name, ", ".join(p for p in practitioner if p)),
        ("Case Adviser (PSR)", req.case_adviser,
         f"Case reference: {req.case_reference}" if req.case_reference else ""),
    ])


def background(doc: Document, case: Case, vocab: Vocabularies) -> None:
    req = case.request
    doc.heading(2, "Plan type and background")
    doc.fields([
        ("Plan type", label(vocab, "plan_types", req.plan_type)),
        ("Focus", ", ".join(label(vocab, "focus_areas", f) for f in req.focus)),
    ])
    if req.concerns:
        doc.heading(3, "Concerns addressed")
        doc.table(("Concern", "Type", "Evidence"), [
            (c.description, label(vocab, "concern_types", c.concern_type),
             "; ".join([label(vocab, "evidence_sources", e) for e in c.evidence]
                       + ([c.evidence_detail] if c.evidence_detail else [])))
            for c in req.concerns
        ])
    if req.development_areas:
        doc.heading(3, "Areas for development")
        doc.bullets(req.development_areas)
    if req.absence is not None and req.absence.reason:
        a = req.absence
        doc.heading(3, "Absence from practice")
        doc.fields([
            ("Reason", label(vocab, "absence_reasons", a.reason)),
            ("From", fmt_date(a.start)),
            ("To", fmt_date(a.end)),
            ("Detail", a.detail),
        ], blanks=False)
    doc.heading(3, "Role on completion")
    doc.paragraph(req.role_on_completion)
    if req.role_changed:
        doc.add(fields([("Changed since the concerns arose", req.role_change_detail or "yes")]))
    doc.heading(3, "Expected outcomes")
    doc.paragraph(req.expected_outcomes)


def documents(doc: Document, case: Case, audience: str) -> None:
    """The documents the organisation supplied. Their notes are the adviser's working
    notes on them (what is disputed, what to read with what): the adviser's copy only."""
    supplied = case.request.documents
    if not supplied:
        return
    doc.heading(3, "Documents supplied")
    headers = ["Document", "Kind", "Received"]
    if audience == ADVISER:
        headers.append("Adviser's notes")
    doc.table(headers, [
        [d.title, d.kind.replace("_", " "), fmt_date(d.received_on)]
        + ([d.notes] if audience == ADVISER else [])
        for d in supplied
    ])


def local_support(doc: Document, case: Case) -> None:
    """What the organisation provides for the plan to run (who supervises, where, who pays)."""
    support = case.request.local_support
    if not any((support.supervisors, support.placements, support.funding)):
        return
    doc.heading(2, "Local support")
    doc.fields([
        ("Supervisors", support.supervisors),
        ("Placements", support.placements),
        ("Funding", support.funding),
    ], blanks=False)


def conditions(doc: Document, case: Case, plan: Plan, vocab: Vocabularies) -> None:
    referenced: list[Condition] = [
        c for c in case.request.conditions
        if not plan.condition_ids or c.id in plan.condition_ids
    ]
    if not referenced:
        return
    doc.heading(2, "Conditions on practice")
    doc.table(("Source", "Condition", "Most independent level allowed", "In force",
               "Review on"), [
        (label(vocab, "condition_sources", c.source),
         c.description + (" (confidential)" if c.confidential else ""),
         level_text(vocab, c.supervision_floor), _in_force(c, vocab), fmt_date(c.review_on))
        for c in referenced
    ])


def _in_force(c: Condition, vocab: Vocabularies) -> str:
    """Its period: from when, and until a planned stage or a recorded lifting (who, when,
    on what evidence)."""
    since = f"From {fmt_date(c.imposed_on)}" if c.imposed_on else "In force"
    if c.lifted is not None:
        lifted = c.lifted
        by = label(vocab, "condition_lifters", lifted.by)
        return (f"{since}; lifted {fmt_date(lifted.lifted_on)} ({by}: {lifted.decided_by}; "
                f"evidence: {lifted.evidence})")
    if c.lifted_at_stage is not None:
        return f"{since} until entry to supervision stage {c.lifted_at_stage}"
    return since


def adviser_only(doc: Document, case: Case, vocab: Vocabularies) -> None:
    # Demographics are stored as codes: the adviser reads their labels.
    coded = {f"Request › Demographics › {name.replace('_', ' ').capitalize()}": vocab_name
             for name, vocab_name in VOCABULARY_OF_FIELD.items()}
    items = [(where, vocab[coded[where]].label(text) if where in coded else text)
             for where, text in confidential_items(case)]
    if not items:
        return
    doc.heading(2, "Confidential: adviser only")
    doc.add(bold("Not for the organisation's or the practitioner's copy."))
    doc.table(("Where", "Confidential information"), items)
