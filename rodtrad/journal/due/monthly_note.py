"""The monthly note: the routine wants at least one signed entry about every calendar month in
which the client had an order with the unit. An entry counts for the month it is about (when
it happened), even if written later. A client whose order began this month owes none for last
month.

Not a stored date: whether a month has a signed entry is asked of the journal's index
(journal_by_client_time), for one client (`missing`) or for many (`none_in_month`)."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from rodtrad.lib import dates

from ..models import Entry


def bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month of `day` and the first moment after it, in Swedish time."""
    first = dates.first_of_month(day)
    return dates.start_of(first), dates.end_of(dates.last_day_of_month(first))


def _signed_in(month_of: datetime.date):
    start, end = bounds(month_of)
    return Entry.objects.signed().filter(occurred_at__gte=start, occurred_at__lt=end)


def missing(client, *, day=None) -> bool:
    """True while no entry about the client has been signed about the month of `day` (today)."""
    return not _signed_in(day or timezone.localdate()).filter(client=client).exists()


def none_in_month(month_of: datetime.date, client_field="client"):
    """A condition on rows with a client (at `client_field`): no signed entry about the month of
    `month_of`."""
    return ~Exists(_signed_in(month_of).filter(client=OuterRef(client_field)))


def owes_last_month(orders, today: datetime.date) -> bool:
    """Whether a note is owed for last month at all: an open order (of `orders`, the client's)
    that began before this month. A client whose order began this month owes none."""
    this_month = dates.first_of_month(today)
    return any(order.ended_on is None and order.valid_from < this_month for order in orders)


def due_month(client, *, today=None, orders=None, last_month_missing=None) -> datetime.date:
    """The month a monthly note started today is for: last month while it is owed and nothing
    has been signed about it, else this month. `orders` (every order of the client) and
    `last_month_missing` (`missing` for last month), when the caller has them, save queries."""
    today = today or timezone.localdate()
    this_month = dates.first_of_month(today)
    last_month = dates.previous_month(this_month)
    if orders is None:
        orders = client.orders.filter(ended_on__isnull=True, valid_from__lt=this_month)
    if not owes_last_month(orders, today):
        return this_month
    if last_month_missing is None:
        last_month_missing = missing(client, day=last_month)
    return last_month if last_month_missing else this_month
