"""The case lifecycle: decision, drafting, signing, delivery, completion, withdrawal."""

from __future__ import annotations

from datetime import date

import pytest

from psr_tui.domain import completion, lifecycle, plan_drafting, plan_signing
from psr_tui.domain.amendments import agree_amendment, propose_amendment
from psr_tui.domain.case import Case, Condition
from psr_tui.domain.errors import RuleError
from psr_tui.domain.plan import AssessmentSeen, ReviewOutcome, Signature

TODAY = date(2026, 6, 1)
ADVICE = "PSR advice: continue with weekly case-based discussions"
LATER = date(2026, 12, 20)  # the plan (2026-07-01 to 2027-01-01) is nearly over


def accepted_case() -> Case:
    case = Case()
    lifecycle.decide_request(case, "accepted", "ca", TODAY)
    return case


def issued_case() -> Case:
    case = accepted_case()
    plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY)
    case.plan.consequences = "Referral to the capability process"
    plan_drafting.issue_draft(case, "ca", TODAY)
    return case


def agreed_case() -> Case:
    case = issued_case()
    plan_signing.sign(case, "organisation", "Dr Director", "responsible_officer", TODAY, TODAY,
        recorded_by="hmarsden")
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
        recorded_by="hmarsden")
    return case


def active_case() -> Case:
    case = agreed_case()
    lifecycle.activate(case, date(2026, 7, 1))
    return case


def sign_off(
    case: Case, outcome: str, *, name: str = "Dr Director", follow_up: str = "Quarterly",
    on: date = LATER,
) -> None:
    completion.sign_off_completion(case, outcome, name, "ro", on, follow_up, today=LATER)


def test_accept_sets_decision_and_state() -> None:
    case = accepted_case()
    assert case.state == "accepted"
    assert case.decision.outcome == "accepted"
    assert case.decision.decided_by == "ca"
    assert case.decision.decided_on == TODAY


@pytest.mark.parametrize(
    ("reason", "alternative"), [("", ""), ("Not a PSR matter", ""), ("", "Advice line")]
)
def test_decline_needs_reason_and_alternative(reason: str, alternative: str) -> None:
    case = Case()
    with pytest.raises(RuleError):
        lifecycle.decide_request(case, "declined", "ca", TODAY, reason, alternative)
    assert case.state == "request"
    assert case.decision is None


def test_decline_with_reason_and_alternative() -> None:
    case = Case()
    lifecycle.decide_request(case, "declined", "ca", TODAY, "Conduct only", "Advice service")
    assert case.state == "declined"
    assert case.decision.alternative_offered == "Advice service"


def test_further_information_needs_reason_then_can_be_accepted() -> None:
    case = Case()
    with pytest.raises(RuleError):
        lifecycle.decide_request(case, "further_information", "ca", TODAY)
    lifecycle.decide_request(case, "further_information", "ca", TODAY, "Need the OH report")
    assert case.state == "further_information"
    lifecycle.decide_request(case, "accepted", "ca", TODAY)
    assert case.state == "accepted"


def test_decision_refused_once_decided_or_unknown() -> None:
    with pytest.raises(RuleError):
        lifecycle.decide_request(accepted_case(), "declined", "ca", TODAY, "x", "y")
    with pytest.raises(RuleError):
        lifecycle.decide_request(Case(), "maybe", "ca", TODAY)


def test_start_plan_creates_draft_with_schedule() -> None:
    case = accepted_case()
    case.request.conditions.append(Condition(description="Supervised", supervision_floor=3))
    plan = plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY)
    assert case.plan is plan
    assert case.state == "draft"
    assert (plan.version, plan.status) == (1, "draft")
    assert (plan.start_date, plan.end_date) == (date(2026, 7, 1), date(2027, 1, 1))
    # The plan ends on New Year's Day: its final review is the working day before.
    assert plan.review_points[-1].due_on == date(2026, 12, 31)
    assert plan.review_points[-1].is_final
    assert plan.stages and max(s.level for s in plan.stages) == 3  # capped at the floor
    assert plan.condition_ids == [case.request.conditions[0].id]
    # Clinical skills is in every plan (004); its target is the plan's end.
    assert [(o.domain, o.target_date) for o in plan.objectives] == [
        ("clinical_skills", date(2027, 1, 1))
    ]


def test_start_plan_refused_unless_accepted() -> None:
    with pytest.raises(RuleError):
        plan_drafting.start_plan(Case(), date(2026, 7, 1), 6, TODAY)
    case = accepted_case()
    with pytest.raises(RuleError):
        plan_drafting.start_plan(case, date(2026, 7, 1), 0, TODAY)
    assert case.plan is None


def test_issue_draft_freezes_content_and_records_first_issue() -> None:
    case = issued_case()
    plan = case.plan
    assert case.state == "issued" and plan.status == "issued"
    assert case.first_draft_issued_on == TODAY
    [version] = plan.versions
    assert (version.version, version.status) == (1, "issued")
    assert version.content == plan.content()
    # Re-issuing after an edit replaces the issued copy and keeps the first issue date.
    plan.consequences = "Changed"
    plan_drafting.issue_draft(case, "ca", date(2026, 6, 5))
    assert len(plan.versions) == 1
    assert plan.versions[0].content["consequences"] == "Changed"
    assert case.first_draft_issued_on == TODAY


def test_sign_needs_issue_and_both_parties() -> None:
    case = accepted_case()
    plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY)
    with pytest.raises(RuleError):
        plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
            recorded_by="hmarsden")
    plan_drafting.issue_draft(case, "ca", TODAY)
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
        recorded_by="hmarsden")
    assert case.state == "issued"
    assert not plan_drafting.is_frozen(case)
    with pytest.raises(RuleError):
        plan_signing.sign(case, "practitioner", "  ", "practitioner", TODAY, TODAY,
            recorded_by="hmarsden")
    with pytest.raises(RuleError):
        plan_signing.sign(case, "regulator", "GMC", "", TODAY, TODAY, recorded_by="hmarsden")
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
        recorded_by="hmarsden")
    assert case.state == "agreed"
    assert case.plan.status == "agreed"
    assert plan_drafting.is_frozen(case)
    assert [(v.version, v.status) for v in case.plan.versions] == [(1, "issued"), (1, "agreed")]


def test_reissue_clears_a_partial_signature() -> None:
    case = issued_case()
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
        recorded_by="hmarsden")
    plan_drafting.issue_draft(case, "ca", TODAY)
    assert case.plan.agreement.organisation is None


def test_agreed_plan_needs_new_version_to_change() -> None:
    case = agreed_case()
    with pytest.raises(RuleError):
        plan_drafting.issue_draft(case, "ca", TODAY)
    plan_drafting.begin_new_version(case, "ca", TODAY)
    plan = case.plan
    assert (plan.version, plan.status, case.state) == (2, "draft", "draft")
    assert plan.agreement.organisation is None and plan.agreement.practitioner is None
    assert not plan_drafting.is_frozen(case)
    plan_drafting.issue_draft(case, "ca", TODAY)
    assert plan.versions[-1].version == 2
    with pytest.raises(RuleError):
        plan_drafting.begin_new_version(case, "ca", TODAY)  # not signed yet


def test_running_plan_goes_through_amendments_not_versions() -> None:
    case = active_case()
    with pytest.raises(RuleError, match="amendment"):
        plan_drafting.begin_new_version(case, "ca", TODAY)


def test_activate_needs_agreement_and_consequences() -> None:
    with pytest.raises(RuleError):
        lifecycle.activate(issued_case(), TODAY)
    case = agreed_case()
    case.plan.consequences = " "
    with pytest.raises(RuleError):
        lifecycle.activate(case, TODAY)
    assert case.state == "agreed"
    assert active_case().state == "active"


def test_sign_off_completion() -> None:
    case = active_case()
    with pytest.raises(RuleError):
        sign_off(case, "completed", name="", follow_up="Quarterly meetings")
    with pytest.raises(RuleError):
        sign_off(case, "completed", follow_up="")
    with pytest.raises(RuleError):
        sign_off(case, "graduated")
    sign_off(case, "completed_with_conditions", follow_up="Appraisal in 6 months")
    assert case.state == "completed_with_conditions"
    assert case.completion.signed_by == "Dr Director"
    assert case.completion.follow_up == "Appraisal in 6 months"
    assert case.completion.signed_on == LATER


def test_completion_only_while_running() -> None:
    with pytest.raises(RuleError):
        sign_off(agreed_case(), "completed")
    case = active_case()
    case.state = "paused"
    sign_off(case, "not_completed", follow_up="Regulator")
    assert case.state == "not_completed"


def test_completion_date_not_in_the_future_nor_before_the_plan() -> None:
    case = active_case()  # the plan starts 2026-07-01
    with pytest.raises(RuleError, match="in the future") as future:
        sign_off(case, "completed", on=date(2027, 1, 1))
    with pytest.raises(RuleError, match="before the plan started") as early:
        sign_off(case, "completed", on=date(2026, 6, 30))
    assert future.value.path == early.value.path == "completion.signed_on"
    assert case.completion is None and case.state == "active"
    sign_off(case, "completed", on=date(2026, 7, 1))
    assert case.completion.signed_on == date(2026, 7, 1)


def test_completion_signed_by_a_name_not_a_date() -> None:
    case = active_case()
    with pytest.raises(RuleError, match="not a name") as refused:
        sign_off(case, "completed", name="2026-11-30")
    assert refused.value.path == "completion.signed_by"


def _insufficient_last_review(case: Case) -> None:
    """Review 1 held with 'insufficient progress'; the others still to come."""
    first = case.plan.review_points[0]
    first.outcome = ReviewOutcome(outcome="insufficient", held_on=date(2026, 9, 1))


def test_completion_outstanding_lists_what_is_still_open() -> None:
    case = active_case()
    case.request.conditions.append(Condition(source="interim_order", description="Supervised"))
    _insufficient_last_review(case)
    case.plan.current_stage = 1  # L3 of the default L2..L5 ladder
    still_open = len(case.plan.review_points) - 1
    assert completion.completion_outstanding(case, "completed") == [
        f"{still_open} review points not yet held",
        "last outcome: insufficient progress, extend or slow",
        "supervision now L3 Indirect, not L5 Full scope",
        "Interim order 'Supervised' still applies",
    ]
    # Continuing with conditions: the level and the conditions are what it continues with.
    assert completion.completion_outstanding(case, "completed_with_conditions") == [
        f"{still_open} review points not yet held",
        "last outcome: insufficient progress, extend or slow",
    ]
    # Not completed escalates a plan that failed: nothing to confirm.
    assert completion.completion_outstanding(case, "not_completed") == []


def test_completion_outstanding_empty_when_the_plan_ran_its_course() -> None:
    case = active_case()
    plan = case.plan
    for rp in plan.review_points:
        # Every expected item ticked as seen, and an assessment done at each review.
        seen = [AssessmentSeen(tool=text) for text in rp.expected_evidence]
        rp.outcome = ReviewOutcome(outcome="step_down", held_on=rp.due_on,
                                   evidence_seen=[*seen, AssessmentSeen(tool="CbD")])
    plan.current_stage = len(plan.stages) - 1
    assert plan.current_level == 5
    assert completion.completion_outstanding(case, "completed") == []


def test_completion_outstanding_keeps_a_confidential_condition_undescribed() -> None:
    case = active_case()
    case.request.conditions.append(
        Condition(source="local_restriction", description="Health: no nights",
                  confidential=True, supervision_floor=4)
    )
    items = completion.completion_outstanding(case, "completed")
    assert "a confidential condition still applies" in items
    assert not any("nights" in item for item in items)


def test_sign_refuses_a_future_date_and_a_name_without_letters() -> None:
    case = issued_case()
    with pytest.raises(RuleError, match="in the future") as future:
        plan_signing.sign(case, "organisation", "Dr Director", "ro", date(2026, 6, 2), TODAY,
            recorded_by="hmarsden")
    assert future.value.path == "plan.agreement.organisation.signed_on"
    for not_a_name in ("2026-11-30", "12345", "-- --"):
        with pytest.raises(RuleError, match="not a name") as refused:
            plan_signing.sign(case, "practitioner", not_a_name, "practitioner", TODAY, TODAY,
                recorded_by="hmarsden")
        assert refused.value.path == "plan.agreement.practitioner.name"
    assert case.plan.agreement.organisation is None and case.plan.agreement.practitioner is None
    plan_signing.sign(case, "organisation", "Dr O'Neil-Smith", "ro", date(2026, 5, 30), TODAY,
        recorded_by="hmarsden")
    assert case.plan.agreement.organisation.signed_on == date(2026, 5, 30)


def test_a_signature_is_corrected_until_both_have_signed() -> None:
    case = issued_case()
    plan_signing.sign(case, "organisation", "Dr Direktor", "ro", TODAY, TODAY,
        recorded_by="hmarsden")
    assert plan_signing.signing_open(case)
    plan_signing.sign(case, "organisation", "Dr Director", "Medical director", TODAY, TODAY,
        recorded_by="hmarsden")
    assert case.plan.agreement.organisation == Signature(
        name="Dr Director", role="Medical director", signed_on=TODAY, recorded_by="hmarsden")
    assert case.state == "issued"
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
        recorded_by="hmarsden")
    assert case.state == "agreed" and not plan_signing.signing_open(case)
    with pytest.raises(RuleError, match="final"):
        plan_signing.sign(case, "organisation", "Dr Other", "ro", TODAY, TODAY,
            recorded_by="hmarsden")
    assert case.plan.agreement.organisation.name == "Dr Director"
    assert [v.status for v in case.plan.versions] == ["issued", "agreed"]


def test_resume_paused_plan() -> None:
    case = active_case()
    case.state = "paused"
    lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    assert case.state == "active"
    case.state = "paused"
    case.plan.end_date = date(2027, 3, 1)  # later than the agreed 2027-01-01
    lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    assert case.state == "extended"


def test_resume_records_the_advice_and_refuses_without_it() -> None:
    case = active_case()
    case.state = "paused"
    with pytest.raises(RuleError, match="advice") as refused:
        lifecycle.resume(case, TODAY, advice="  ", user="ca")
    assert refused.value.path == "resumption.advice"
    assert case.state == "paused" and case.resumptions == []
    lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    (resumed,) = case.resumptions
    assert (resumed.advice, resumed.resumed_on, resumed.resumed_by) == (ADVICE, TODAY, "ca")


def test_resume_refused_unless_paused() -> None:
    case = active_case()
    with pytest.raises(RuleError, match="resume"):
        lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    assert case.resumptions == []


def test_withdraw() -> None:
    case = active_case()
    with pytest.raises(RuleError):
        lifecycle.withdraw(case, "", "ca", TODAY)
    lifecycle.withdraw(case, "Practitioner resigned", "ca", TODAY)
    assert case.state == "withdrawn"
    assert case.withdrawal.reason == "Practitioner resigned"
    assert case.withdrawal.withdrawn_by == "ca"
    with pytest.raises(RuleError):
        lifecycle.withdraw(case, "Again", "ca", TODAY)


def test_resume_after_agreed_extension_is_extended() -> None:
    case = active_case()
    amd = propose_amendment(case, "duration", "Extend", {"end_date": "2027-03-01"}, "ca", TODAY)
    case.state = "paused"  # referred for advice while the extension was being agreed
    agree_amendment(case, amd.id, "organisation", "Dr Director", "ro", TODAY,
        recorded_by="hmarsden")
    agree_amendment(case, amd.id, "practitioner", "Dr Jones", "practitioner", TODAY,
        recorded_by="hmarsden")
    assert case.state == "paused"
    lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    assert case.state == "extended"


def test_resume_compares_with_the_last_version_signed_before_start() -> None:
    case = agreed_case()
    plan_drafting.begin_new_version(case, "ca", TODAY)
    case.plan.end_date = date(2027, 3, 1)  # a longer plan agreed before it started
    plan_drafting.issue_draft(case, "ca", TODAY)
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
        recorded_by="hmarsden")
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
        recorded_by="hmarsden")
    lifecycle.activate(case, TODAY)
    case.state = "paused"
    lifecycle.resume(case, TODAY, advice=ADVICE, user="ca")
    assert case.state == "active"


def _interim_order(floor: int = 2) -> Condition:
    return Condition(id="cnd-late", source="interim_order",
                     description="Work under close supervision", supervision_floor=floor)


def test_issuing_a_ladder_past_a_conditions_floor_is_refused_naming_it() -> None:
    # The condition came after the ladder was built (L2 to L5): the checker reported it,
    # now the draft cannot go out either.
    case = accepted_case()
    plan_drafting.start_plan(case, date(2026, 7, 1), 6, TODAY)
    case.request.conditions.append(_interim_order())
    with pytest.raises(RuleError, match="Interim order 'Work under close supervision'") as no:
        plan_drafting.issue_draft(case, "ca", TODAY)
    assert no.value.path == "plan.stages"
    assert "Supervision stage 2: level 3 is not allowed" in str(no.value)
    assert case.state == "draft" and case.plan is not None and case.plan.versions == []
    for stage in case.plan.stages:
        stage.level = min(stage.level, 2)
    plan_drafting.issue_draft(case, "ca", TODAY)
    assert case.state == "issued"


def test_signing_a_ladder_past_a_condition_added_after_issue_is_refused() -> None:
    case = issued_case()
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
                    recorded_by="ca")
    case.request.conditions.append(_interim_order(floor=3))
    with pytest.raises(RuleError, match="limits supervision to L3"):
        plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
                    recorded_by="ca")
    assert case.plan is not None and case.plan.agreement.practitioner is None
    assert case.state == "issued" and case.plan.status == "issued"


def test_reissue_clears_both_signatures() -> None:
    # Either party's signature was given to the earlier copy; neither stands for the new one.
    case = issued_case()
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
                    recorded_by="ca")
    plan_drafting.issue_draft(case, "ca", TODAY)
    assert case.plan is not None and case.plan.agreement.practitioner is None
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
                    recorded_by="ca")
    assert case.state == "issued"  # one signature after the re-issue does not agree it


def test_a_signature_records_who_entered_it_and_the_plan_says_so() -> None:
    from psr_tui.domain.vocabulary import default_vocabularies
    from psr_tui.export import plan_markdown

    case = issued_case()
    plan_signing.sign(case, "organisation", "Dr Director", "ro", TODAY, TODAY,
                   recorded_by="hmarsden")
    plan_signing.sign(case, "practitioner", "Dr Jones", "practitioner", TODAY, TODAY,
                   recorded_by="djones")
    agreement = case.plan.agreement
    assert agreement.organisation.recorded_by == "hmarsden"
    assert agreement.practitioner.recorded_by == "djones"
    text = plan_markdown(case, "organisation", default_vocabularies(), TODAY)
    assert "Recorded by hmarsden for Dr Director" in text
    assert "Recorded by djones for Dr Jones" in text


def test_completion_outstanding_names_a_final_review_held_without_its_evidence() -> None:
    case = active_case()
    plan = case.plan
    for rp in plan.review_points:
        rp.outcome = ReviewOutcome(outcome="step_down", held_on=rp.due_on)
    plan.current_stage = len(plan.stages) - 1
    items = completion.completion_outstanding(case, "completed")
    final = next(rp for rp in plan.review_points if rp.is_final)
    assert f"no assessments recorded at '{final.title}'" in items
    assert any(item.startswith(f"evidence expected at '{final.title}' not seen") for item in items)
