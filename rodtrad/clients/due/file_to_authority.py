"""The file for the authority (genomförandeakt) after an order ended.

The unit sends the authority the client's file within two months of the order's end (31 December
gives 28 February: lib.dates.add_months), and is late from the day after, until the file is
recorded as sent (Order.file_sent_on).

Stored as Order.file_due_on, empty while the order is open (a constraint holds the two together):
set by services.end_order."""

import datetime

from django.db.models import Q

from rodtrad.lib.dates import add_months

FIELD = "file_due_on"
MONTHS = 2


def due_on(order) -> datetime.date | None:
    """The rule itself: when the file is due, or None while the order is open."""
    return add_months(order.ended_on, MONTHS) if order.ended_on else None


def set_due(order) -> None:
    """Before the order is saved, with `ended_on` set or cleared."""
    order.file_due_on = due_on(order)


def unsent() -> Q:
    """Ended orders whose file has not been sent."""
    return Q(file_due_on__isnull=False, file_sent_on__isnull=True)


def overdue(today) -> Q:
    """Ended orders whose file was due before `today` and is not sent."""
    return unsent() & Q(file_due_on__lt=today)


def is_unsent(order) -> bool:
    return order.file_due_on is not None and order.file_sent_on is None


def is_overdue(order, today) -> bool:
    return is_unsent(order) and order.file_due_on < today
