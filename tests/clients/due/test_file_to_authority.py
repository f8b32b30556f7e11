"""The file for the authority: due two months after the order ended (31 December gives 28
February), late from the day after, until it is recorded as sent; set when the order ends."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from rodtrad.clients import services
from rodtrad.clients.models import Order
from rodtrad.front import services as front

from ...due_data import DAY, dashboard, overview

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2026, 12, 31)
DUE = datetime.date(2027, 2, 28)


def test_due_two_months_after_the_end_and_late_from_the_day_after(world):
    order = front.end_order(world.client.orders.get(), ended_on=ENDED, reason="Flyttat", user=world.manager)
    assert order.file_due_on == DUE
    assert dashboard("akt-ej-skickad", world.manager, DUE) == []
    assert dashboard("akt-ej-skickad", world.manager, DUE + DAY) == [order]
    (item,) = overview(world.client, DUE, "file")
    assert (item.due_on, item.overdue) == (DUE, False)
    assert overview(world.client, DUE + DAY, "file")[0].overdue


def test_a_file_sent_is_due_no_more(world):
    order = services.end_order(world.client.orders.get(), ended_on=ENDED, reason="Flyttat")
    services.mark_file_sent(order, user=world.manager, sent_on=DUE + DAY)
    assert dashboard("akt-ej-skickad", world.manager, DUE + 2 * DAY) == []
    assert overview(world.client, DUE + 2 * DAY, "file") == []


def test_an_open_order_has_no_file_due_and_an_ended_one_cannot_lack_the_date(world):
    order = world.client.orders.get()
    assert order.file_due_on is None
    with transaction.atomic(), pytest.raises(IntegrityError):
        Order.objects.filter(pk=order.pk).update(ended_on=ENDED)
