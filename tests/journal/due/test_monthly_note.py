"""The monthly note: a signed entry about every calendar month (in Swedish time), asked of the
journal for one client by the overview and for many by the dashboard."""

import datetime

import pytest
from django.utils import timezone

from ...due_data import dashboard, overview
from ...factories import EntryFactory, SignedEntryFactory, start_order_on

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 10)


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def missing(world):
    counted = world.client in dashboard("manadsanteckning-saknas", world.manager, TODAY)
    listed = bool(overview(world.client, TODAY, "monthly_note"))
    assert counted is listed
    return counted


def test_a_signed_entry_about_last_month_is_the_note_even_in_its_last_minute(world):
    start_order_on(world.client.orders.get(), datetime.date(2026, 1, 1))
    assert missing(world)
    EntryFactory(client=world.client, author=world.staff, occurred_at=at(datetime.date(2026, 11, 15), 12))
    assert missing(world)  # a draft is not a note
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=at(datetime.date(2026, 12, 1), 0))
    assert missing(world)  # the first minute of this month is not last month
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=at(datetime.date(2026, 11, 30), 23, 59))
    assert not missing(world)


def test_no_note_is_owed_for_a_month_before_the_order_began(world):
    start_order_on(world.client.orders.get(), datetime.date(2026, 12, 1))
    assert not missing(world)
    start_order_on(world.client.orders.get(), datetime.date(2026, 11, 30))
    assert missing(world)
