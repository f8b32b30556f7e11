"""A consent's review: a year after it was last gone through (given, or its newest review), and
with every new plan period; set when the consent is recorded and when it is reviewed."""

import datetime

import pytest
from django.utils import timezone

from rodtrad.clients import services_register
from rodtrad.clients.models import Consent, ContactPerson
from rodtrad.plans import services as plans

from ...due_data import DAY, dashboard, establish, overview, to_do

pytestmark = pytest.mark.django_db

YEAR = datetime.timedelta(days=365)


def record(world, given_on):
    consent = Consent(
        scope="Att dela schemat med daglig verksamhet",
        kind=Consent.Kind.EXPLICIT,
        method=Consent.Method.ORAL,
        given_on=given_on,
    )
    return services_register.record_consent(world.client, consent, recorded_by=world.staff)


def test_due_a_year_after_it_was_given_and_late_from_the_day_after(world):
    ContactPerson.objects.create(client=world.client, user=world.staff)
    consent = record(world, datetime.date(2025, 12, 10))
    due = datetime.date(2026, 12, 10)
    assert (consent.last_seen_on, consent.review_due_on) == (datetime.date(2025, 12, 10), due)
    assert dashboard("samtycken-att-folja-upp", world.manager, due - DAY) == []
    assert dashboard("samtycken-att-folja-upp", world.manager, due) == [consent]
    assert overview(world.client, due - DAY, "consent") == []
    (item,) = overview(world.client, due, "consent")
    assert (item.due_on, item.overdue) == (due, False)
    assert overview(world.client, due + DAY, "consent")[0].overdue
    assert to_do(world.staff, due - DAY, "/samtycken/") == []
    assert to_do(world.staff, due, "/samtycken/")[0].due_on == due


def test_a_review_makes_it_due_a_year_after_the_review_and_an_older_one_changes_nothing(world):
    today = timezone.localdate()
    consent = record(world, today - 2 * YEAR)
    services_register.review_consent(consent, reviewed_on=today - 10 * DAY, reviewed_by=world.staff)
    services_register.review_consent(consent, reviewed_on=today - 100 * DAY, reviewed_by=world.staff)
    consent.refresh_from_db()
    due = today - 10 * DAY + YEAR
    assert (consent.last_seen_on, consent.review_due_on) == (today - 10 * DAY, due)
    assert dashboard("samtycken-att-folja-upp", world.manager, due - DAY) == []
    assert dashboard("samtycken-att-folja-upp", world.manager, due) == [consent]


def test_a_withdrawn_consent_is_never_due(world):
    consent = record(world, datetime.date(2024, 1, 1))
    services_register.withdraw_consent(consent, withdrawn_on=datetime.date(2024, 6, 1), note="Vill inte längre.")
    assert dashboard("samtycken-att-folja-upp", world.manager, datetime.date(2026, 12, 1)) == []
    assert overview(world.client, datetime.date(2026, 12, 1), "consent") == []


def test_a_new_plan_period_makes_it_due_from_its_start_and_late_once_established(world):
    consent = record(world, datetime.date(2026, 1, 10))
    day = datetime.date(2026, 11, 2)
    assert overview(world.client, day, "consent") == []
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2026, 11, 1))
    (with_plan,) = overview(world.client, day, "consent")
    assert (with_plan.due_on, with_plan.overdue) == (datetime.date(2026, 11, 1), False)
    assert list(services_register.consents_to_review_with_plan(world.client, period.starts_on)) == [consent]
    establish(period, world.staff)
    assert overview(world.client, day, "consent")[0].overdue
    assert not services_register.consents_to_review_with_plan(world.client, datetime.date(2026, 1, 10)).exists()
