"""A one-page information sheet for supervisors.

The guidance wording is data (data/templates/supervisor_information.md, editable by an
organisation); this module only fills its $placeholders with escaped case details.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from ..domain.case import Case
from ..domain.plan import Plan
from ..domain.vocabulary import Term, Vocabularies
from .audience import redact_for
from .markdown import bullets, escape_inline, field, table
from .sections import fmt_date, label, level_text, scope_text, vocabularies

TEMPLATE_NAME = "supervisor_information.md"
# Supervisors work for the organisation: they get the organisation's view, never more.
SHEET_AUDIENCE = "organisation"
SUPERVISING_ROLES = ("clinical_supervisor", "educational_supervisor", "workplace_reporter")


def _template(folder: Path | None) -> Template:
    if folder is None:
        from ..locations import templates_dir

        folder = templates_dir()
    return Template((folder / TEMPLATE_NAME).read_text(encoding="utf-8"))


def _named(plan: Plan, role: str) -> str:
    found = next((r for r in plan.roles if r.role == role and r.person), None)
    return found.person if found else ""


def _supervisors(plan: Plan, vocab: Vocabularies) -> str:
    rows = [
        f"{label(vocab, 'roles', r.role)}: {r.person}"
        + (f" (deputy: {r.deputy})" if r.deputy else "")
        for r in plan.roles if r.role in SUPERVISING_ROLES
    ]
    return bullets(rows) if rows else escape_inline("No supervisor is named in the plan yet.")


def _meaning(term: Term | None) -> str:
    return str(term.get("description", "")) if term else ""


def _ladder(plan: Plan, vocab: Vocabularies) -> str:
    levels = vocab["supervision_levels"]
    current = min(plan.current_stage, len(plan.stages) - 1) if plan.stages else -1
    return table(("Stage", "Supervision", "What it means", "From", "To", "Scope limits", "Now"), [
        (str(n + 1), level_text(vocab, s.level),
         _meaning(levels.term(str(s.level))),
         fmt_date(s.start), fmt_date(s.end), scope_text(vocab, s),
         "current" if n == current else "")
        for n, s in enumerate(plan.stages)
    ])


def _current(plan: Plan, vocab: Vocabularies) -> tuple[str, str]:
    if not plan.stages:
        return escape_inline("No supervision stages are set yet."), escape_inline("None.")
    n = min(plan.current_stage, len(plan.stages) - 1)
    stage = plan.stages[n]
    where = f"{n + 1} of {len(plan.stages)}: {level_text(vocab, stage.level)}"
    line = field("Current stage", where)
    limits = [vocab["scope_limits"].label(c) for c in stage.scope_limits]
    return line, bullets(limits) if limits else escape_inline("None at this stage.")


def _review_points(plan: Plan) -> str:
    return table(("Date", "Review point", "Evidence to bring", "Reviewer", "Held"), [
        (fmt_date(rp.due_on), rp.title, "; ".join(rp.expected_evidence), rp.reviewer,
         fmt_date(rp.outcome.held_on) if rp.outcome else "")
        for rp in sorted(plan.review_points, key=lambda r: (r.due_on is None, r.due_on))
    ])


def _contacts(case: Case, plan: Plan, vocab: Vocabularies) -> str:
    rows = [
        (label(vocab, "roles", r.role), r.person, r.contact, r.deputy)
        for r in plan.roles if r.role != "practitioner"
    ]
    if case.request.case_adviser and not _named(plan, "case_adviser"):
        rows.append((label(vocab, "roles", "case_adviser"), case.request.case_adviser, "", ""))
    return table(("Role", "Person", "Contact", "Deputy"), rows)


def supervisor_information_markdown(
    case: Case, vocab: Vocabularies | None = None, templates: Path | None = None
) -> str:
    """The supervisors' sheet for this case, from the editable template."""
    vocab = vocabularies(vocab)
    shown = redact_for(case, SHEET_AUDIENCE)
    plan = shown.plan
    if plan is None:
        raise ValueError(f"case {case.id} has no plan")
    current, limits = _current(plan, vocab)
    adviser = _named(plan, "case_adviser") or shown.request.case_adviser
    values = {
        "practitioner": shown.request.practitioner.name or "the practitioner",
        "organisation": shown.request.organisation.name or "The organisation",
        "prepared_for": f"supervisors at {shown.request.organisation.name or 'the organisation'}",
        "version": str(plan.version),
        "start": fmt_date(plan.start_date) or "start to be agreed",
        "end": fmt_date(plan.end_date) or "end to be agreed",
        "responsible_officer": _named(plan, "responsible_officer") or "not named yet",
        "case_adviser": adviser or "not named yet",
    }
    escaped: dict[str, str] = {key: escape_inline(value) for key, value in values.items()}
    blocks: dict[str, str] = {
        "supervisors": _supervisors(plan, vocab),
        "ladder": _ladder(plan, vocab),
        "current_stage": current,
        "scope_limits": limits,
        "review_points": _review_points(plan),
        "contacts": _contacts(shown, plan, vocab),
    }
    # safe_substitute: a stray "$" in an edited template must not stop the export.
    text = _template(templates).safe_substitute({**escaped, **blocks})
    return text.rstrip("\n") + "\n"
