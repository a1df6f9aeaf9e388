"""The action plan as a healthcare organisation circulates it (seed 000 sections 6-8)."""

from __future__ import annotations

from datetime import date

from ..domain.assessments import frequency_text
from ..domain.case import Case, Condition
from ..domain.demographics import VOCABULARY_OF_FIELD
from ..domain.plan import Activity, Plan
from ..domain.plan_templates import template_label
from ..domain.schedule import plan_length
from ..domain.vocabulary import Vocabularies
from .audience import ADVISER, check_audience, confidential_items, redact_for
from .markdown import Document, bold, bullets, fields
from .plan_changes import amendment_text, changes_from_previous
from .sections import (
    activity_kind,
    fmt_date,
    header,
    is_draft,
    label,
    level_text,
    person,
    scope_text,
    signature_block,
    vocabularies,
)

AGREEMENT_TEXT = (
    "By signing, the healthcare organisation and the practitioner confirm that they agree "
    "to the objectives set out in this plan and will take forward the agreed programme. "
    "Any change to its duration or content needs the agreement of both parties."
)


def _parties(doc: Document, case: Case, vocab: Vocabularies) -> None:
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


def _background(doc: Document, case: Case, vocab: Vocabularies) -> None:
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


def _documents(doc: Document, case: Case, audience: str) -> None:
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


def _local_support(doc: Document, case: Case) -> None:
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


def _conditions(doc: Document, case: Case, plan: Plan, vocab: Vocabularies) -> None:
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


def _activities(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    """Every activity once, with the objectives it serves: an activity shared by several
    objectives is not repeated under each."""
    if not plan.activities:
        return
    number = {o.id: n for n, o in enumerate(plan.objectives, start=1)}

    def serves(a: Activity) -> str:
        served = [str(number[i]) for i in a.objective_ids if i in number]
        return ", ".join(served) if served else "Whole plan"

    doc.heading(3, "Activities")
    doc.table(("Activity", "Description", "Evidence", "Responsible", "Frequency",
               "Objectives"), [
        (activity_kind(vocab, a.kind), a.description, a.evidence,
         person(plan, vocab, a.responsible), frequency_text(a, vocab), serves(a))
        for a in plan.activities
    ])


def _objectives(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    doc.heading(2, "Objectives and activities")
    domains: list[str] = []
    for o in plan.objectives:
        if o.domain not in domains:
            domains.append(o.domain)
    for domain in domains:
        doc.heading(3, label(vocab, "objective_domains", domain) or "Other")
        for n, o in enumerate(plan.objectives, start=1):
            if o.domain != domain:
                continue
            doc.heading(4, f"Objective {n}")
            doc.fields([
                ("Objective", o.statement),
                ("Measure", o.measure),
                ("Target date", fmt_date(o.target_date)),
                ("Achievable", o.achievable),
                ("Relevant", o.relevant),
            ], blanks=False)
    _activities(doc, plan, vocab)


def _roles(doc: Document, plan: Plan, vocab: Vocabularies) -> None:
    doc.heading(2, "Roles and responsibilities")
    stage_no = {s.id: n for n, s in enumerate(plan.stages, start=1)}

    def at_stages(mapping: dict[str, str]) -> str:
        # A reference to a stage no longer on the ladder is not printed: its id means
        # nothing to a reader.
        return "; ".join(
            f"Stage {stage_no[sid]}: {text}" for sid, text in mapping.items()
            if text and sid in stage_no
        )

    doc.table(("Role", "Person", "Deputy", "Contact", "Responsibilities", "At each stage"), [
        (label(vocab, "roles", r.role), r.person, r.deputy, r.contact, r.responsibilities,
         at_stages(r.stage_responsibilities))
        for r in plan.roles
    ])


def _stages(doc: Document, case: Case, plan: Plan, vocab: Vocabularies, draft: bool) -> None:
    doc.heading(2, "Supervision stages")
    doc.paragraph(
        "Supervision is reduced stage by stage as progress is shown at review points, with "
        "due regard to patient safety and any conditions on practice."
    )
    doc.table(("Stage", "Supervision", "From", "To", "Entry criteria", "Exit criteria",
               "Scope limits"), [
        (str(n), level_text(vocab, s.level), fmt_date(s.start), fmt_date(s.end),
         s.entry_criteria, s.exit_criteria, scope_text(vocab, s))
        for n, s in enumerate(plan.stages, start=1)
    ])
    if not draft and plan.stages and case.completion is None:
        n = min(plan.current_stage, len(plan.stages) - 1)
        doc.add(fields([("Current stage",
                         f"{n + 1} ({level_text(vocab, plan.stages[n].level)})")]))


def _review_points(doc: Document, plan: Plan) -> None:
    doc.heading(2, "Review points")
    doc.table(("Date", "Review point", "Expected evidence", "Reviewer"), [
        (fmt_date(rp.due_on), rp.title, "; ".join(rp.expected_evidence), rp.reviewer)
        for rp in sorted(plan.review_points, key=lambda r: (r.due_on is None, r.due_on))
    ])


def _timeframe(doc: Document, plan: Plan, vocab: Vocabularies, audience: str) -> None:
    doc.heading(2, "Timeframe")
    length = ""
    if plan.start_date and plan.end_date:
        length = plan_length(plan.start_date, plan.end_date)
    pairs = [("Start", fmt_date(plan.start_date)), ("End", fmt_date(plan.end_date)),
             ("Length", length)]
    if audience == ADVISER and plan.template_id:
        # The adviser's working knowledge: the starting point this plan was shaped from.
        # ("Plan template", not "drafted from": a signed copy carries no word "draft".)
        pairs.append(("Plan template", template_label(plan.template_id, vocab)))
    doc.fields(pairs)


def _amendments(doc: Document, plan: Plan) -> None:
    agreed = [a for a in plan.amendments if a.status == "agreed"]
    if agreed:
        doc.heading(2, "Amendments agreed")
        doc.table(("Version", "Kind", "Amendment", "Organisation agreed", "Practitioner agreed"), [
            (str(a.applied_in_version or ""), a.kind.capitalize(), amendment_text(plan, a),
             fmt_date(a.organisation.signed_on) if a.organisation else "",
             fmt_date(a.practitioner.signed_on) if a.practitioner else "")
            for a in agreed
        ])
    change = changes_from_previous(plan)
    if change is not None:
        previous, lines = change
        doc.heading(2, f"Changes from version {previous}")
        doc.add(bullets(lines or ["No change to the content of the plan."]))


def _agreement(doc: Document, plan: Plan) -> None:
    doc.heading(2, "Agreement")
    doc.paragraph(AGREEMENT_TEXT)
    signed = plan.agreement
    doc.add(signature_block("On behalf of the healthcare organisation", signed.organisation))
    doc.add(signature_block("The practitioner", signed.practitioner))


def _adviser_only(doc: Document, case: Case, vocab: Vocabularies) -> None:
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


def plan_markdown(
    case: Case, audience: str, vocab: Vocabularies | None = None, today: date | None = None
) -> str:
    """The plan for one audience; confidential material only in the adviser's copy."""
    check_audience(audience)
    if case.plan is None:
        raise ValueError(f"case {case.id} has no plan")
    vocab = vocabularies(vocab)
    shown = redact_for(case, audience)
    plan = shown.plan
    assert plan is not None
    draft = is_draft(plan)
    doc = Document()
    header(doc, shown, audience, "Action plan", today or date.today(),
           plan.version if draft else None, plan.version)
    _parties(doc, shown, vocab)
    _background(doc, shown, vocab)
    _documents(doc, shown, audience)
    _conditions(doc, shown, plan, vocab)
    _objectives(doc, plan, vocab)
    _roles(doc, plan, vocab)
    _local_support(doc, shown)
    _stages(doc, shown, plan, vocab, draft)
    _review_points(doc, plan)
    _timeframe(doc, plan, vocab, audience)
    doc.heading(2, "Consequences of insufficient progress")
    doc.paragraph(plan.consequences)
    adjustments = plan.reasonable_adjustments or shown.request.reasonable_adjustments
    if adjustments:
        doc.heading(2, "Reasonable adjustments")
        doc.paragraph(adjustments)
    _amendments(doc, plan)
    _agreement(doc, plan)
    if audience == ADVISER:
        _adviser_only(doc, shown, vocab)
    return doc.render()
