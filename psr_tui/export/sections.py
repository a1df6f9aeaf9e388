"""Pieces every exported document shares: labels, dates, the header, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.case import Case
from ..domain.plan import (
    AssessmentSeen,
    Objective,
    Plan,
    ReviewOutcome,
    Signature,
    SupervisionStage,
)
from ..domain.vocabulary import Vocabularies, default_vocabularies
from .audience import ADVISER, CONFIDENTIAL_NOTICE, recipient
from .markdown import BLANK, Document, Markup, bold, escape_inline, field, table


def vocabularies(vocab: Vocabularies | None) -> Vocabularies:
    return vocab if vocab is not None else default_vocabularies()


def fmt_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def label(vocab: Vocabularies, name: str, code: str) -> str:
    return vocab[name].label(code) if code else ""


def level_text(vocab: Vocabularies, level: int | None) -> str:
    return "" if level is None else vocab["supervision_levels"].label(str(level))


def scope_text(vocab: Vocabularies, stage: SupervisionStage) -> str:
    """The stage's scope limits by label, then its free-text scope note."""
    limits = ", ".join(vocab["scope_limits"].label(c) for c in stage.scope_limits)
    return "; ".join(part for part in (limits, stage.scope_note) if part)


def activity_kind(vocab: Vocabularies, kind: str) -> str:
    """Activities use activity_types codes, or a workplace-based assessment code."""
    if kind in vocab["activity_types"]:
        return vocab["activity_types"].label(kind)
    return vocab["wba_types"].label(kind)


def person(plan: Plan, vocab: Vocabularies, ref: str) -> str:
    """A role id as 'Name (Role)'; anything else is a name typed by hand."""
    role = next((r for r in plan.roles if ref in (r.id, r.role)), None)
    if role is None:
        return ref
    name = role.person or BLANK
    return f"{name} ({label(vocab, 'roles', role.role)})"


def is_draft(plan: Plan) -> bool:
    """Every 'draft' marking goes once both parties have signed (000 7.4)."""
    return not plan.agreement.fully_signed


def header(
    doc: Document, case: Case, audience: str, title: str, today: date,
    draft: int | None = None, version: int | None = None,
) -> None:
    """Title, draft banner, confidential notice and the 'Prepared for' line."""
    who = " — ".join(
        part for part in (case.request.practitioner.name, case.request.organisation.name) if part
    )
    suffix = f" (DRAFT v{draft})" if draft is not None else ""
    doc.heading(1, f"{title}: {who}{suffix}" if who else f"{title}{suffix}")
    if draft is not None:
        doc.add(Markup(
            f"**DRAFT v{draft}**: not yet agreed and signed by both parties. "
            "Every draft marking is removed once both have signed."
        ))
    if audience == ADVISER:
        doc.add(bold(CONFIDENTIAL_NOTICE))
    doc.add(Markup(
        f"{field('Prepared for', recipient(case, audience))}  \n"
        f"{field('Prepared on', fmt_date(today))}"
        + (f"  \n{field('Plan version', str(version))}" if version is not None else "")
    ))


def objective_number(plan: Plan, objective: Objective) -> int:
    return plan.objectives.index(objective) + 1


def objectives_table(plan: Plan, vocab: Vocabularies, with_evidence: bool = False) -> Markup:
    """The SMART objectives; with_evidence adds what their activities produce as evidence."""
    headers = ["No.", "Domain", "Objective", "Measure", "Target date"]
    rows = []
    for n, o in enumerate(plan.objectives, start=1):
        row = [str(n), label(vocab, "objective_domains", o.domain), o.statement, o.measure,
               fmt_date(o.target_date)]
        if with_evidence:
            evidence = [a.evidence for a in plan.activities if o.id in a.objective_ids]
            row.append("; ".join(e for e in evidence if e))
        rows.append(row)
    if with_evidence:
        headers.append("Evidence from activities")
    return table(headers, rows)


def assessments_seen(outcome: ReviewOutcome, expected: Sequence[str] = ()) -> list[AssessmentSeen]:
    """The assessments recorded at a review, without the plan's expected-evidence items
    ticked there (those read as a checklist of what was expected, not as assessments)."""
    return [a for a in outcome.evidence_seen if a.tool not in expected]


def evidence_seen_table(outcome: ReviewOutcome, vocab: Vocabularies,
                        expected: Sequence[str] = ()) -> Markup:
    rows = [(label(vocab, "wba_types", a.tool), str(a.count), a.rating)
            for a in assessments_seen(outcome, expected)]
    return table(("Assessment", "Number seen", "Rating"), rows)


def signature_block(party: str, signature: Signature | None) -> Markup:
    """Name, role and date: as signed, or blank lines to sign by hand."""
    sig = signature or Signature()
    lines = [
        field("Name", sig.name),
        field("Role", sig.role),
        field("Date", fmt_date(sig.signed_on)),
    ]
    if signature is None:
        lines.append(field("Signature", ""))
    elif sig.recorded_by:
        # Who entered it: the signatory, or an adviser recording a paper signature.
        lines.append(Markup(escape_inline(f"Recorded by {sig.recorded_by} for {sig.name}")))
    return Markup(f"{bold(party)}\n\n" + "\n".join(f"- {line}" for line in lines))
