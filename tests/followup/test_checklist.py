"""The checklist answers what Rödtråd can see for itself, and asks the writer for the rest."""

import datetime

from rodtrad.clients.due import consent_review
from rodtrad.clients.models import ConsentReview
from rodtrad.followup import checklist, services
from rodtrad.followup.checklist import State
from rodtrad.plans.due import protective_measure_review, risk_assessment_review
from rodtrad.plans.models import Risk

from ..factories import ConsentFactory, ContactPersonFactory
from ..followup_data import TODAY, new_period_decisions


def by_key(checks):
    return {check.key: check for check in checks}


def test_the_review_checklist_follows_what_is_written(review, established, world):
    checks = by_key(checklist.review_checks(review, services.review_rows(established, review)))
    assert checks["rows"].state == State.MISSING
    assert checks["rows"].detail == "2 av 2 är inte uppföljda ännu."
    assert checks["case_officer"].state == State.MISSING
    assert checks["documentation"].state == State.CONFIRM
    assert checks["journal"].state == State.INFO
    assert "/journal/sammanfattning/?fran=2026-11-01" in checks["documentation"].url


def test_a_ready_review_checklist_is_done_except_what_comes_later(ready_review, established):
    checks = by_key(checklist.review_checks(ready_review, services.review_rows(established, ready_review)))
    assert {key for key, check in checks.items() if check.state == State.DONE} == {
        "documentation",
        "with_client",
        "rows",
        "closing",
        "case_officer",
    }


def test_a_follow_up_without_the_client_is_pointed_out(review, established, world):
    review = services.save_review(
        review, user=world.staff, expected_version=review.version, fields={"with_client": False, "from_journal": True}
    )
    checks = by_key(checklist.review_checks(review, services.review_rows(established, review)))
    assert checks["with_client"].state == State.WARNING


def assessed_on(assessment, day, **fields):
    """The established period's assessment as if made on `day` (the service only saves a draft's),
    due as plans/due/ sets it."""
    for name, value in {"assessed_on": day, **fields}.items():
        setattr(assessment, name, value)
    risk_assessment_review.set_due(assessment)
    assessment.save()
    protective_measure_review.assessed(assessment)
    return assessment


def test_an_old_risk_assessment_and_unreviewed_consents_are_flagged(established, world):
    assessed_on(established.risk_assessment, datetime.date(2025, 10, 1))
    established.refresh_from_db()
    consent = ConsentFactory(client=world.client, given_on=datetime.date(2025, 9, 1), recorded_by=world.staff)
    checks = by_key(checklist.new_period_checks(established, today=TODAY))
    assert checks["risk_assessment"].state == State.WARNING
    assert "1 oktober 2025" in checks["risk_assessment"].detail
    assert checks["consents"].state == State.WARNING
    assert consent.scope[:40] in checks["consents"].detail
    # TODAY is ahead of the clock the service checks against; the rule's module records it as the service does.
    ConsentReview.objects.create(consent=consent, reviewed_on=TODAY, reviewed_by=world.staff)
    consent_review.reviewed(consent, TODAY)
    assert by_key(checklist.new_period_checks(established, today=TODAY))["consents"].state == State.CONFIRM


def test_plan_items_without_goals_or_description_and_the_contact_person_are_shown(established, world):
    established.items.filter(title="Morgonrutin").update(how_wanted="")
    checks = by_key(checklist.new_period_checks(established, today=TODAY))
    assert checks["goals"].detail == "Insatser utan mål: Morgonrutin."
    assert "Morgonrutin" in checks["items_clear"].detail
    assert checks["contact_person"].detail == "Ingen kontaktman är registrerad."
    ContactPersonFactory(client=world.client, user=world.staff)
    checks = by_key(checklist.new_period_checks(established, today=TODAY))
    assert checks["contact_person"].detail == world.staff.name_with_title


def test_protective_measures_not_reviewed_for_six_months_are_flagged(established, world):
    assessment = assessed_on(established.risk_assessment, datetime.date(2026, 7, 1), no_risks_identified=False)
    consent = ConsentFactory(client=world.client, recorded_by=world.staff)
    risk = Risk(
        assessment=assessment,
        description="Elsa kan gå ut på natten och gå vilse.",
        consequence=3,
        likelihood=2,
        actions="Dörrlarm nattetid.",
        responsible="Kontaktmannen",
        follow_up_on=TODAY,
        is_protective_measure=True,
        protective_purpose="Dörrlarm",
        consent=consent,
    )
    protective_measure_review.set_due(risk, assessment)
    risk.save()
    check = by_key(checklist.new_period_checks(established, today=TODAY))["protective"]
    assert (check.state, check.detail) == (
        State.WARNING,
        "Inte uppdaterade på sex månader: Elsa kan gå ut på natten och gå vilse.",
    )


def test_the_draft_new_period_answers_from_its_own_content(finished_review, established, world):
    new = services.start_new_period(finished_review, user=world.staff, **new_period_decisions(established))
    checks = by_key(checklist.new_period_checks(established, confirmed=["door"], draft=new, today=TODAY))
    assert checks["participation"].state == State.MISSING
    assert checks["risk_assessment"].state == State.MISSING
    assert checks["goals"].state == State.DONE
    assert checks["door"].state == State.DONE
    assert checks["client_contact"].state == State.CONFIRM
