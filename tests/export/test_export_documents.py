"""Every exported document: golden files, structure, draft marking and confidentiality.

Regenerate the golden files with `UPDATE_GOLDEN=1 pytest tests/export -q`, then read the
diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from case_fixture import (
    CONFIDENTIAL_PRINTED,
    DOCUMENT_NOTES,
    HOSTILE_NAME,
    active_case,
    completed_case,
    draft_case,
)
from md_structure import headings, html_tokens, plain_text, table_shapes

from psr_tui.domain.case import Case, LocalSupport
from psr_tui.export import (
    plan_markdown,
    progress_report_markdown,
    progress_summary_markdown,
    review_meeting_sheet_markdown,
    supervisor_information_markdown,
)

GOLDEN = Path(__file__).parent / "golden"
ACTIVE_DAY, DONE_DAY = date(2026, 7, 15), date(2026, 9, 10)
Render = Callable[[Case], str]

# name -> (case builder, renderer, audience or None when the document has no audience)
DOCUMENTS: dict[str, tuple[Callable[..., Case], Render, str | None]] = {
    "plan_draft_organisation": (
        draft_case, lambda c: plan_markdown(c, "organisation", None, ACTIVE_DAY), "organisation"),
    "plan_draft_practitioner": (
        draft_case, lambda c: plan_markdown(c, "practitioner", None, ACTIVE_DAY), "practitioner"),
    "plan_signed_adviser": (
        active_case, lambda c: plan_markdown(c, "adviser", None, ACTIVE_DAY), "adviser"),
    "plan_signed_organisation": (
        active_case, lambda c: plan_markdown(c, "organisation", None, ACTIVE_DAY), "organisation"),
    "plan_signed_practitioner": (
        active_case, lambda c: plan_markdown(c, "practitioner", None, ACTIVE_DAY), "practitioner"),
    "progress_report_recorded_organisation": (
        active_case,
        lambda c: progress_report_markdown(c, "rp-4m", "organisation", None, ACTIVE_DAY),
        "organisation"),
    "progress_report_blank_practitioner": (
        active_case,
        lambda c: progress_report_markdown(c, "rp-6m", "practitioner", None, ACTIVE_DAY),
        "practitioner"),
    "progress_report_recorded_adviser": (
        active_case,
        lambda c: progress_report_markdown(c, "rp-2m", "adviser", None, ACTIVE_DAY), "adviser"),
    "progress_summary_active_practitioner": (
        active_case, lambda c: progress_summary_markdown(c, "practitioner", None, ACTIVE_DAY),
        "practitioner"),
    "progress_summary_completed_organisation": (
        completed_case, lambda c: progress_summary_markdown(c, "organisation", None, DONE_DAY),
        "organisation"),
    "review_sheet": (
        active_case, lambda c: review_meeting_sheet_markdown(c, "rp-6m", None, ACTIVE_DAY), None),
    "supervisor_sheet": (active_case, lambda c: supervisor_information_markdown(c, None), None),
}

PLAN_SECTIONS = [
    "Parties", "Plan type and background", "Conditions on practice", "Objectives and activities",
    "Roles and responsibilities", "Local support", "Supervision stages", "Review points",
    "Timeframe",
    "Consequences of insufficient progress", "Reasonable adjustments",
]


def _render(name: str, practitioner: str = "Mr G") -> str:
    build, render, _audience = DOCUMENTS[name]
    return render(build(practitioner))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_matches_golden_file(name: str) -> None:
    text = _render(name)
    path = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_hostile_name_changes_no_structure(name: str) -> None:
    normal, hostile = _render(name), _render(name, HOSTILE_NAME)
    assert not html_tokens(hostile)
    assert table_shapes(hostile) == table_shapes(normal)
    expected = headings(normal)
    assert [(lvl, txt.replace(HOSTILE_NAME, "Mr G")) for lvl, txt in headings(hostile)] == expected
    assert HOSTILE_NAME in plain_text(hostile)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_copy_says_who_it_is_for(name: str) -> None:
    text = plain_text(_render(name))
    audience = DOCUMENTS[name][2]
    line = next(ln for ln in text.splitlines() if ln.startswith("Prepared for: "))
    wanted = {
        "adviser": "Prepared for: PSR Case Adviser (Priya Shah)",
        "organisation": "Prepared for: the healthcare organisation (Northshire Hospitals NHS",
        "practitioner": "Prepared for: the practitioner (Mr G)",
        None: "Prepared for: ",
    }[audience]
    assert line.startswith(wanted)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_confidential_material_only_in_the_adviser_copy(name: str) -> None:
    text = _render(name)
    is_adviser_plan = name == "plan_signed_adviser"
    for secret in CONFIDENTIAL_PRINTED:
        assert (secret in plain_text(text)) == is_adviser_plan, secret
    says_confidential = "CONFIDENTIAL" in text
    assert says_confidential == (DOCUMENTS[name][2] == "adviser")


def test_plan_sections_in_order() -> None:
    h2 = [t for lvl, t in headings(_render("plan_signed_organisation")) if lvl == 2]
    assert h2 == [*PLAN_SECTIONS, "Amendments agreed", "Changes from version 1", "Agreement"]
    adviser = [t for lvl, t in headings(_render("plan_signed_adviser")) if lvl == 2]
    assert adviser[-1] == "Confidential: adviser only"
    draft = [t for lvl, t in headings(_render("plan_draft_organisation")) if lvl == 2]
    assert draft == [*PLAN_SECTIONS, "Agreement"]


def test_objectives_grouped_by_domain_then_their_activities() -> None:
    found = headings(_render("plan_signed_organisation"))
    start = found.index((2, "Objectives and activities"))
    end = found.index((2, "Roles and responsibilities"))
    assert found[start + 1:end] == [
        (3, "Clinical skills"), (4, "Objective 1"), (3, "Communication"), (4, "Objective 2"),
        (3, "Leadership"), (4, "Objective 3"), (3, "Activities"),
    ]


def test_an_activity_for_several_objectives_is_listed_once_with_them() -> None:
    # NOTSS serves objectives 1 and 3; coaching 2 and 3: one row each, naming both.
    text = _render("plan_signed_organisation")
    notss = [ln for ln in text.splitlines() if "(NOTSS) |" in ln]
    assert len(notss) == 1 and notss[0].rstrip(" |").endswith("| 1, 3")
    coaching = [ln for ln in text.splitlines() if ln.startswith("| Coaching |")]
    assert len(coaching) == 1 and coaching[0].rstrip(" |").endswith("| 2, 3")


@pytest.mark.parametrize("audience", ["adviser", "organisation", "practitioner"])
def test_local_support_and_documents_supplied_in_every_copy(audience: str) -> None:
    text = plan_markdown(active_case(), audience, None, ACTIVE_DAY)
    assert "Funding:** The Trust funds six coaching sessions" in text
    assert "Placements:** Day surgery unit lists first, then main theatres" in text
    assert "| Trust investigation report | report | 5 January 2026" in text
    assert "| Current and proposed job plan | job plan | 5 January 2026" in text
    # The adviser's working notes on a document stay in the adviser's copy.
    assert (DOCUMENT_NOTES in text) == (audience == "adviser")


@pytest.mark.parametrize("audience", ["adviser", "organisation", "practitioner"])
def test_the_template_the_plan_came_from_in_the_adviser_copy(audience: str) -> None:
    text = plain_text(plan_markdown(active_case(), audience, None, ACTIVE_DAY))
    named = "Plan template: Return to surgical practice after a restriction"
    assert (named in text) == (audience == "adviser")


def test_no_local_support_recorded_no_section() -> None:
    case = active_case()
    case.request.local_support = LocalSupport()
    case.request.documents = []
    text = plan_markdown(case, "organisation", None, ACTIVE_DAY)
    h2 = [t for lvl, t in headings(text) if lvl == 2]
    assert "Local support" not in h2
    assert (3, "Documents supplied") not in headings(text)


@pytest.mark.parametrize("audience", ["adviser", "organisation", "practitioner"])
def test_draft_marking_until_both_parties_sign(audience: str) -> None:
    case = draft_case()
    text = plan_markdown(case, audience, None, ACTIVE_DAY)
    title = headings(text)[0][1]
    assert title.endswith("(DRAFT v2)")
    assert "DRAFT v2: not yet agreed" in plain_text(text)
    assert "Signature: ______________" in plain_text(text)
    # One signature is not enough.
    assert case.plan is not None
    case.plan.agreement.organisation = active_case().plan.agreement.organisation  # type: ignore[union-attr]
    assert "DRAFT" in plan_markdown(case, audience, None, ACTIVE_DAY)
    signed = plan_markdown(active_case(), audience, None, ACTIVE_DAY)
    assert "draft" not in signed.lower()
    assert "Name: Mr G" in plain_text(signed)
    assert "Date: 23 February 2026" in plain_text(signed)


def test_progress_report_blanks_and_recorded_outcome() -> None:
    recorded = plain_text(_render("progress_report_recorded_organisation"))
    assert "Outcome: Satisfactory, step down to the next stage" in recorded
    assert "Supervision before: L3 Indirect" in recorded
    assert "Recorded by: Ms Anna Clarke" in recorded
    blank = plain_text(_render("progress_report_blank_practitioner"))
    assert "Outcome: ______________" in blank
    assert "Supervision before: L4 Independent with review" in blank
    with pytest.raises(ValueError, match="no review point"):
        progress_report_markdown(active_case(), "rp-missing", "organisation", None, ACTIVE_DAY)


def test_expected_evidence_ticked_at_a_review_reads_as_a_checklist_not_an_assessment() -> None:
    from psr_tui.domain.plan import AssessmentSeen

    case = active_case()
    assert case.plan is not None
    rp = case.plan.review_points[0]
    assert rp.outcome is not None
    seen = rp.expected_evidence[0]
    rp.outcome.evidence_seen.append(AssessmentSeen(tool=seen))  # as the outcome form records it
    report = progress_report_markdown(case, rp.id, "organisation", None, ACTIVE_DAY)
    assert f"- [x] {seen}" in report
    assert "- [x] DOPS and CbD forms" in report  # met by the DOPS and CbD assessments seen
    assert "- [ ] Reflective log" in report
    assessments = report.split("### Assessments seen", 1)[1].split("###", 1)[0]
    assert "DOPS" in assessments and seen not in assessments


def test_review_sheet_ticks_every_outcome_option() -> None:
    text = _render("review_sheet")
    for option in ("Satisfactory, step down to the next stage", "Not held, rescheduled"):
        assert f"- [ ] {option}" in text
    assert "- [ ] NOTSS ratings" in text


def test_a_bare_plan_renders_every_document() -> None:
    from psr_tui.domain.plan import Plan, ReviewPoint

    case = Case(id="case-bare", plan=Plan(review_points=[ReviewPoint(id="rp-1")]))
    for audience in ("adviser", "organisation", "practitioner"):
        plan = plan_markdown(case, audience, None, ACTIVE_DAY)
        assert headings(plan)[0] == (1, "Action plan (DRAFT v1)")
        assert "Review point" in progress_report_markdown(case, "rp-1", audience, None, ACTIVE_DAY)
        assert "Not yet signed off." in progress_summary_markdown(case, audience, None, ACTIVE_DAY)
    assert "- [ ] " in review_meeting_sheet_markdown(case, "rp-1", None, ACTIVE_DAY)
    sheet = supervisor_information_markdown(case, None)
    assert "No supervisor is named in the plan yet." in sheet
    assert "$" not in sheet
    with pytest.raises(ValueError, match="has no plan"):
        plan_markdown(Case(id="case-none"), "organisation", None, ACTIVE_DAY)


def test_progress_summary_lists_what_a_duration_amendment_does_to_the_end() -> None:
    """The trial: 'Extension by 2 months' that in fact ended the plan earlier. The summary
    names the new end and the end it replaces, proposed and once agreed."""
    from psr_tui.domain.amendments import agree_amendment, propose_amendment

    case = active_case()
    plan = case.plan
    assert plan is not None and plan.end_date is not None
    old_end = plan.end_date
    new_end = date(old_end.year, old_end.month, 1)
    amd = propose_amendment(case, "duration", "Extension by 2 months",
                            {"end_date": new_end.isoformat()}, "ca", ACTIVE_DAY)
    days = (old_end - new_end).days
    expected = (f"Extension by 2 months (SHORTENS the plan by {days} days: ends "
                f"1 {new_end:%B %Y} instead of {old_end.day} {old_end:%B %Y})")
    proposed = progress_summary_markdown(case, "organisation", None, ACTIVE_DAY)
    assert f"| Duration | {expected} | Proposed |" in proposed
    for party in ("organisation", "practitioner"):
        agree_amendment(case, amd.id, party, "Someone", "", ACTIVE_DAY, recorded_by="hmarsden")
    agreed = progress_summary_markdown(case, "organisation", None, ACTIVE_DAY)
    assert f"| Duration | {expected} | Agreed | 3 |" in agreed
