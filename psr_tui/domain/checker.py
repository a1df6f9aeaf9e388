"""The plan checker: what is missing or weak in a draft plan (003 key points, 004 findings).

Findings use the same paths as FieldError, so the UI can jump to the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .case import Case
from .deadlines import discussions_completed_on, nation_of, working_day_warning
from .evidence import tools_named
from .field_errors import blank, item_path
from .plan import Objective, Plan
from .plan_validation import validate_plan
from .status import SUPERVISOR_ROLES
from .suggested_items import pending
from .suggestions import domains_for_concerns
from .supervision import MAX_LEVEL, MIN_LEVEL, check_level
from .templates import load_template
from .vocabulary import Vocabularies

MISSING = "missing"
WEAK = "weak"


@dataclass(frozen=True)
class Finding:
    path: str
    severity: str  # "missing" | "weak"
    message: str


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def vague_words_in(objective: Objective) -> list[str]:
    """The vague words an objective relies on, or [] when it has a number, a date or an
    observable measure to pin them down."""
    lists = load_template("vague_words")
    text = f"{objective.statement} {objective.measure}"
    if re.search(r"\d", text) or _word_pattern(lists["observable"]).search(objective.measure):
        return []
    found = _word_pattern(lists["words"]).findall(text)
    return list(dict.fromkeys(w.lower() for w in found))


def _objectives(plan: Plan) -> list[Finding]:
    if not plan.objectives:
        return [Finding("plan.objectives", MISSING, "the plan has no objectives")]
    findings = []
    for objective in plan.objectives:
        at = item_path("plan.objectives", objective.id)
        if blank(objective.statement):
            findings.append(Finding(f"{at}.statement", MISSING, "say what the objective is"))
        if blank(objective.measure):
            findings.append(
                Finding(f"{at}.measure", MISSING, "say how achievement will be measured")
            )
        if objective.target_date is None:
            findings.append(Finding(f"{at}.target_date", MISSING, "set a target date"))
        vague = vague_words_in(objective)
        if vague:
            findings.append(
                Finding(
                    f"{at}.statement",
                    WEAK,
                    f"vague wording ({', '.join(vague)}): add a number, a date or an "
                    "observable measure",
                )
            )
    return findings


def _measures_without_evidence(plan: Plan, vocab: Vocabularies) -> list[Finding]:
    """A measure that relies on an assessment no activity arranges (004: a communication
    measure named a patient questionnaire the plan never set up, and passed). An activity
    arranges a tool by being that assessment, or by naming it in what it produces."""
    wba = vocab["wba_types"]
    arranged: set[str] = set()
    for activity in plan.activities:
        if activity.kind in wba:
            arranged.add(activity.kind)
        arranged |= tools_named(f"{activity.description} {activity.evidence}", wba)
    findings = []
    for objective in plan.objectives:
        # "(e.g. CbD, DOPS, mini-CEX)" offers examples: one arranged is enough. Every tool
        # named outside such a list is relied on as such.
        examples = EXAMPLES.findall(objective.measure)
        relied_on = tools_named(EXAMPLES.sub(" ", objective.measure), wba)
        missing = relied_on - arranged
        for group in examples:
            offered = tools_named(group, wba)
            if offered and not offered & arranged:
                missing |= offered
        for tool in sorted(missing):
            findings.append(Finding(
                f"{item_path('plan.objectives', objective.id)}.measure", MISSING,
                f"{objective_name(plan, objective.id, vocab)}: the measure relies on "
                f"{wba.label(tool)}, which no activity arranges",
            ))
    return findings


# A parenthesised list of examples: "(e.g. CbD, DOPS)", "(for example ...)", "(such as ...)".
EXAMPLES = re.compile(r"\((?:e\.g\.|eg|for example|such as)[^)]*\)", re.IGNORECASE)


def objective_name(plan: Plan, objective_id: str, vocab: Vocabularies) -> str:
    """ "Objective 2 (Communication)": numbered by stored order, as the export and builder do."""
    ids = [o.id for o in plan.objectives]
    if objective_id not in ids:
        return f"Objective {objective_id}"
    objective = plan.objectives[ids.index(objective_id)]
    number = ids.index(objective_id) + 1
    if not objective.domain:
        return f"Objective {number}"
    return f"Objective {number} ({vocab['objective_domains'].label(objective.domain)})"


_BARE_OBJECTIVE = re.compile(r"^plan\.objectives\[(?P<id>[^\]]+)\]$")


def _validation(case: Case, plan: Plan, vocab: Vocabularies) -> list[Finding]:
    """validate_plan's errors as missing findings; an objective with no activity is named,
    since a list of findings cannot show which row "this objective" was."""
    findings = []
    for error in validate_plan(case, vocab):
        bare = _BARE_OBJECTIVE.match(error.path)
        message = error.message
        if bare and "activity" in message:
            message = f"{objective_name(plan, bare['id'], vocab)}: no activity yet"
        findings.append(Finding(error.path, MISSING, message))
    return findings


def _activities(plan: Plan) -> list[Finding]:
    return [
        Finding(item_path("plan.activities", a.id, "responsible"), WEAK,
                "say who is responsible for this activity")
        for a in plan.activities
        if blank(a.responsible)
    ]


def _roles(plan: Plan, vocab: Vocabularies) -> list[Finding]:
    findings = []
    roles_vocab = vocab["roles"]
    for role in plan.roles:
        at = item_path("plan.roles", role.id)
        label = roles_vocab.label(role.role) if role.role else "this role"
        if blank(role.person):
            findings.append(Finding(f"{at}.person", MISSING, f"name the {label.lower()}"))
        if role.role.endswith("supervisor") and blank(role.deputy):
            findings.append(Finding(f"{at}.deputy", WEAK, f"name a deputy for the {label.lower()}"))
    present = {r.role for r in plan.roles}
    for term in roles_vocab.terms:
        if term.get("required") and term.code not in present:
            findings.append(Finding("plan.roles", MISSING, f"no {term.label.lower()} named"))
    return findings


def _review_points(plan: Plan, nation: str) -> list[Finding]:
    if not plan.review_points:
        return [Finding("plan.review_points", MISSING, "the plan has no review points")]
    findings = []
    # A review with no named reviewer falls to the plan's supervisors: only when none is
    # named does nobody hold it.
    supervised = any(r.role in SUPERVISOR_ROLES and not blank(r.person) for r in plan.roles)
    for point in plan.review_points:
        if blank(point.reviewer) and not supervised:
            findings.append(Finding(item_path("plan.review_points", point.id, "reviewer"), WEAK,
                                    f"name who holds {point.title or 'this review'} (no "
                                    "clinical or educational supervisor is named to hold it)"))
        due = point.due_on
        if due is not None and point.outcome is None and (
                slip := working_day_warning(due, nation)):
            # Not refused (a Saturday meeting can be agreed), but usually a slip of the date.
            findings.append(Finding(item_path("plan.review_points", point.id, "due_on"), WEAK,
                                    f"{point.title or 'this review'} is due on "
                                    f"{due.isoformat()}, which {slip}"))
        if not point.expected_evidence:
            findings.append(
                Finding(
                    item_path("plan.review_points", point.id, "expected_evidence"),
                    WEAK,
                    "say what evidence this review expects to see",
                )
            )
    if not any(p.is_final for p in plan.review_points):
        # 000 8.5: completion needs clear and credible information, signed off.
        findings.append(Finding("plan.review_points", WEAK, "no final review and summary sign-off"))
    return findings


def _stages(case: Case, plan: Plan, vocab: Vocabularies) -> list[Finding]:
    if not plan.stages:
        return [Finding("plan.stages", MISSING, "the plan has no supervision stages")]
    findings = []
    for number, stage in enumerate(plan.stages, start=1):
        if not MIN_LEVEL <= stage.level <= MAX_LEVEL:
            continue  # validate_plan already reports a level off the ladder
        problem = check_level(case, stage.level, vocab, stage_number=number)
        if problem:
            findings.append(Finding(item_path("plan.stages", stage.id, "level"), MISSING, problem))
    return findings


def _timeframe(case: Case, plan: Plan) -> list[Finding]:
    """The plan follows the discussions (PSR guide 7.1): a start before them is a slip."""
    talked = discussions_completed_on(case)
    if plan.start_date is None or talked is None or plan.start_date >= talked:
        return []
    return [Finding("plan.start_date", WEAK,
                    f"the plan starts on {plan.start_date.isoformat()}, before the discussions "
                    f"were completed on {talked.isoformat()}")]


def _concerns_addressed(case: Case, plan: Plan, vocab: Vocabularies) -> list[Finding]:
    """A remediation plan should have an objective for each kind of concern it addresses."""
    if case.request.plan_type not in ("remediation", "both"):
        return []
    present = {o.domain for o in plan.objectives}
    findings = []
    for domain, concerns in domains_for_concerns(case, vocab).items():
        if domain not in present:
            label = vocab["objective_domains"].label(domain).lower()
            findings.append(
                Finding(
                    "plan.objectives",
                    WEAK,
                    f"no {label} objective, though the concerns point to it: {concerns[0]}",
                )
            )
    return findings


def _suggestions(plan: Plan) -> list[Finding]:
    """Drafted items nobody has accepted yet: before the draft is issued and signed, each
    is accepted, edited or dropped (the finding points to the first)."""
    waiting = pending(plan)
    if not waiting:
        return []
    collection, item_id = waiting[0]
    count = len(waiting)
    noun = "suggestion" if count == 1 else "suggestions"
    return [Finding(item_path(f"plan.{collection}", item_id, "suggested"), WEAK,
                    f"{count} {noun} not yet accepted: accept, edit or drop each")]


def check_plan(case: Case, vocab: Vocabularies) -> list[Finding]:
    """Everything missing or weak in the plan, in the order the plan is read."""
    plan = case.plan
    if plan is None:
        return [Finding("plan", MISSING, "no plan has been drafted yet")]
    findings = _validation(case, plan, vocab)
    findings += _objectives(plan)
    findings += _measures_without_evidence(plan, vocab)
    findings += _concerns_addressed(case, plan, vocab)
    findings += _activities(plan)
    findings += _roles(plan, vocab)
    findings += _stages(case, plan, vocab)
    findings += _review_points(plan, nation_of(case))
    findings += _timeframe(case, plan)
    findings += _suggestions(plan)
    if blank(plan.consequences):
        # 003: recognise the possibility of failure and agree up front what happens then.
        findings.append(
            Finding(
                "plan.consequences", MISSING, "explain the consequences of insufficient progress"
            )
        )
    return list(dict.fromkeys(findings))  # a rule may repeat another's finding: keep one
