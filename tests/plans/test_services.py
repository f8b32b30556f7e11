import datetime

import pytest
from django.core.exceptions import ValidationError

from rodtrad.clients import services as clients
from rodtrad.clients import services_register
from rodtrad.clients.models import Consent
from rodtrad.plans import services
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod, PlanTemplate

from ..factories import ConsentFactory
from ..plan_data import goal_fields


def test_an_incomplete_period_cannot_be_established_and_says_what_is_missing(period, world):
    with pytest.raises(services.PlanIncomplete) as incomplete:
        services.establish(period, user=world.staff)
    missing = " ".join(incomplete.value.missing)
    assert "planeringsdatum" in missing.lower()
    assert "Hur brukaren var delaktig" in missing
    assert "SMART-mål" in missing
    assert "Riskbedömningen" in missing
    period.refresh_from_db()
    assert period.status == PlanPeriod.Status.DRAFT


def test_a_complete_period_is_established_with_who_and_when(complete_period, world):
    services.establish(complete_period, user=world.staff)
    assert complete_period.status == PlanPeriod.Status.ESTABLISHED
    assert complete_period.established_by == world.staff
    assert complete_period.established_at is not None


def test_declined_goals_with_a_reason_make_a_plan_valid_without_goals(complete_period, world):
    Goal.objects.filter(item__period=complete_period).delete()
    with pytest.raises(services.PlanIncomplete):
        services.establish(complete_period, user=world.staff)
    services.save_period(
        complete_period,
        {"declined_goals_reason": "Elsa vill inte ha mål just nu."},
        expected_version=complete_period.version,
    )
    services.establish(complete_period, user=world.staff)


def test_a_client_who_declined_to_take_part_needs_the_reason_instead(complete_period, world):
    Goal.objects.filter(item__period=complete_period).delete()
    services.save_period(
        complete_period,
        {"participation": "", "declined_participation_reason": "Jonas ville inte delta; han var trött efter flytten."},
        expected_version=complete_period.version,
    )
    services.establish(complete_period, user=world.staff)


def test_a_child_needs_the_child_perspective(complete_period, world):
    client = world.client
    client.date_of_birth = datetime.date.today().replace(year=datetime.date.today().year - 15)
    client.save()
    with pytest.raises(services.PlanIncomplete) as incomplete:
        services.establish(complete_period, user=world.staff)
    assert any("barnperspektivet" in text.lower() for text in incomplete.value.missing)
    # The child's views alone are not enough: how the child's best interest was weighed, too.
    services.save_period(
        complete_period,
        {"child_views": "Leo visade med bilder att han vill spela fotboll."},
        expected_version=complete_period.version,
    )
    with pytest.raises(services.PlanIncomplete):
        services.establish(complete_period, user=world.staff)
    services.save_period(
        complete_period,
        {
            "child_views": "Leo visade med bilder att han vill spela fotboll.",
            "child_best_interest": "Trygghet och fritid väger tyngst.",
        },
        expected_version=complete_period.version,
    )
    services.establish(complete_period, user=world.staff)


def test_the_risk_assessment_needs_grounds_or_risks(complete_period, world):
    services.save_risk_assessment(
        complete_period, assessed_on=datetime.date(2026, 11, 5), no_risks_identified=False, no_risks_grounds=""
    )
    with pytest.raises(services.PlanIncomplete) as incomplete:
        services.establish(complete_period, user=world.staff)
    assert any("risk" in text.lower() for text in incomplete.value.missing)


def test_a_protective_measure_needs_consent_and_is_reviewed_within_six_months(complete_period, item, world):
    assessment = services.save_risk_assessment(
        complete_period, assessed_on=datetime.date(2026, 11, 5), no_risks_identified=False, no_risks_grounds=""
    )
    fields = {
        "item": item,
        "description": "Kan bränna sig på spisen",
        "consequence": 3,
        "likelihood": 2,
        "actions": "Spisvakt",
        "responsible": "Kontaktman",
        "follow_up_on": datetime.date(2027, 1, 5),
        "is_protective_measure": True,
        "protective_purpose": "Spisvakt som stänger av spisen",
    }
    with pytest.raises(ValidationError):
        services.add_risk(assessment, **fields)
    consent = ConsentFactory(client=world.client, recorded_by=world.staff, kind=Consent.Kind.EXPLICIT)
    risk = services.add_risk(assessment, consent=consent, **fields)
    assert risk.risk_class == "R2"
    assert risk.protective_review_due_on == datetime.date(2027, 5, 5)
    assert assessment.review_due_on == datetime.date(2027, 11, 5)


def test_more_than_five_goals_must_be_confirmed(period, item):
    for number in range(5):
        services.add_goal(item, **goal_fields(what=f"mål {number}"))
    with pytest.raises(ValidationError) as many:
        services.add_goal(item, **goal_fields(what="mål 6"))
    assert "confirm_many" in many.value.message_dict
    services.add_goal(item, confirm_many=True, **goal_fields(what="mål 6"))
    assert Goal.objects.filter(item__period=period).count() == 6


def test_the_goal_sentence_is_composed_when_left_empty_and_kept_when_written(item):
    composed = services.add_goal(item, **goal_fields())
    assert composed.sentence.startswith("Laga middag själv två gånger i veckan")
    written = services.add_goal(item, **goal_fields(sentence="Elsa lagar middag själv."))
    assert written.sentence == "Elsa lagar middag själv."


def test_an_established_period_is_read_only(complete_period, item, world):
    services.establish(complete_period, user=world.staff)
    with pytest.raises(services.ReadOnlyPeriod):
        services.save_period(complete_period, {"participants": "Någon annan"}, expected_version=complete_period.version)
    with pytest.raises(services.ReadOnlyPeriod):
        services.add_goal(item, **goal_fields())


def test_a_stale_save_is_refused(period):
    opened_at = period.version
    services.save_period(period, {"participants": "Elsa"}, expected_version=opened_at)
    with pytest.raises(services.StaleEdit):
        services.save_period(period, {"participants": "Elsa och mamma"}, expected_version=opened_at)
    period.refresh_from_db()
    assert period.participants == "Elsa"


def test_a_change_after_establishing_needs_a_reason_and_says_what_the_journal_is_to_say(complete_period, item, world):
    services.establish(complete_period, user=world.staff)
    with pytest.raises(ValidationError):
        services.change_item(item, {"how_wanted": "Med bildrecept och timer"})
    change = services.change_item(item, {"how_wanted": "Med bildrecept och timer"}, reason="Elsa bad om en timer")
    assert "”Med bildrecept” → ”Med bildrecept och timer”" in change.journal_text
    assert "Elsa bad om en timer" in change.journal_text
    item.refresh_from_db()
    assert item.how_wanted == "Med bildrecept och timer"


def test_a_draft_items_change_has_nothing_for_the_journal(period, item):
    assert services.change_item(item, {"how_wanted": "Med timer"}).journal_text == ""
    assert PlanItem.objects.get(pk=item.pk).how_wanted == "Med timer"


def test_a_unit_with_its_own_template_gets_its_sections_and_others_keep_the_default(world):
    default = [section.title for section in services.sections_for(world.other_unit)]
    assert default[0] == "Personuppgifter" and "Måltidssituation" in default
    own = PlanTemplate.objects.create(unit=world.unit, name="Lärkans mall")
    own.sections.create(title="Boende", position=2)
    own.sections.create(title="Fritid", position=1)
    assert [section.title for section in services.sections_for(world.unit)] == ["Fritid", "Boende"]
    assert [section.title for section in services.sections_for(world.other_unit)] == default


def test_a_closed_case_is_read_only_plans_included(period, item, world):
    order = world.client.orders.get()
    clients.end_order(order, ended_on=order.valid_from, reason="Flyttat")
    with pytest.raises(services.ReadOnlyPeriod):
        services.save_period(period, {"participants": "Elsa"}, expected_version=period.version)
    with pytest.raises(services.ReadOnlyPeriod):
        services.add_item(period, section=item.section, title="Ny")
    with pytest.raises(services.ReadOnlyPeriod):
        services.change_item(item, {"title": "Ändrad"})
    with pytest.raises(services.ReadOnlyPeriod):
        services.start_plan(world.client, world.other_unit)


def test_a_change_over_someone_elses_change_to_the_same_item_is_refused(period, item, world):
    opened = services.item_fingerprint(item)
    services.change_item(PlanItem.objects.get(pk=item.pk), {"how_wanted": "Kollegans text"})
    with pytest.raises(services.StaleEdit):
        services.change_item(item, {"how_wanted": "Min text"}, opened=opened)
    assert PlanItem.objects.get(pk=item.pk).how_wanted == "Kollegans text"
    current = services.item_fingerprint(PlanItem.objects.get(pk=item.pk))
    services.change_item(item, {"how_wanted": "Min text"}, opened=current)
    assert PlanItem.objects.get(pk=item.pk).how_wanted == "Min text"


def test_a_protective_measure_whose_consent_was_withdrawn_stops_establishing(complete_period, item, world):
    assessment = services.save_risk_assessment(
        complete_period, assessed_on=datetime.date(2026, 11, 5), no_risks_identified=False, no_risks_grounds=""
    )
    consent = ConsentFactory(client=world.client, recorded_by=world.staff, given_on=datetime.date(2026, 11, 1))
    services.add_risk(
        assessment,
        item=item,
        description="Kan gå ut på natten och gå vilse",
        consequence=3,
        likelihood=3,
        actions="Dörrlarm nattetid",
        responsible="Enhetschef",
        follow_up_on=datetime.date(2027, 1, 5),
        is_protective_measure=True,
        protective_purpose="Dörrlarm som varnar personalen",
        consent=consent,
    )
    services_register.withdraw_consent(consent, withdrawn_on=datetime.date(2026, 11, 6), note="Vill inte ha larmet")
    with pytest.raises(services.PlanIncomplete) as incomplete:
        services.establish(complete_period, user=world.staff)
    assert incomplete.value.missing == [
        "Brukarens samtycke till varje skyddsåtgärd (ett återkallat samtycke gäller inte längre)."
    ]
