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


def _month(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month of `day` and the first moment after it, in Swedish time."""
    first = dates.first_of_month(day)
    return dates.start_of(first), dates.end_of(dates.last_day_of_month(first))


def _signed_in(month_of: datetime.date):
    start, end = _month(month_of)
    return Entry.objects.signed().filter(occurred_at__gte=start, occurred_at__lt=end)


def missing(client, *, day=None) -> bool:
    """True while no entry about the client has been signed about the month of `day` (today)."""
    return not _signed_in(day or timezone.localdate()).filter(client=client).exists()


def none_in_month(month_of: datetime.date, client_field="client"):
    """A condition on rows with a client (at `client_field`): no signed entry about the month of
    `month_of`."""
    return ~Exists(_signed_in(month_of).filter(client=OuterRef(client_field)))
