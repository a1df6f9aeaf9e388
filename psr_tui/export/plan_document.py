"""The action plan as a healthcare organisation circulates it (seed 000 sections 6-8)."""

from __future__ import annotations

from datetime import date

from ..domain.assessments import frequency_text
from ..domain.case import Case
from ..domain.plan import Activity, Plan
from ..domain.plan_templates import template_label
from ..domain.schedule import plan_length
from ..domain.vocabulary import Vocabularies
from .audience import ADVISER, check_audience, redact_for
from .markdown import Document, bullets, fields
from .plan_changes import amendment_text, changes_from_previous
from .plan_request_part import (
    adviser_only,
    background,
    conditions,
    documents,
    local_support,
    parties,
)
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
    parties(doc, shown, vocab)
    background(doc, shown, vocab)
    documents(doc, shown, audience)
    conditions(doc, shown, plan, vocab)
    _objectives(doc, plan, vocab)
    _roles(doc, plan, vocab)
    local_support(doc, shown)
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
        adviser_only(doc, shown, vocab)
    return doc.render()
