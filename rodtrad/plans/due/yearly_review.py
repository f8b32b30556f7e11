"""The yearly review (årlig uppföljning) of a plan period.

A plan is never older than a year: a period's yearly review is due twelve months after the
period started (29 February gives 28 February: lib.dates.add_months), whatever was changed in it
since. It is listed from 30 days before and late from the day after, and it is done when a newer
period is established.

Stored as PlanPeriod.review_due_on: set when the period is made (plans.services.add_period)."""

import datetime

from django.db.models import Q

from rodtrad.lib.dates import add_months

MONTHS = 12
SOON_DAYS = 30


def due_on(period) -> datetime.date:
    """The rule itself."""
    return add_months(period.starts_on, MONTHS)


def set_due(period) -> None:
    """Before the period is saved."""
    period.review_due_on = due_on(period)


def overdue(today) -> Q:
    return Q(review_due_on__lt=today)


def soon(today) -> Q:
    """Due today or within the next 30 days."""
    return Q(review_due_on__gte=today, review_due_on__lte=today + datetime.timedelta(days=SOON_DAYS))


def not_due_before(day) -> Q:
    """Periods whose review is not due before `day`: a plan still current then (the trends)."""
    return Q(review_due_on__gte=day)


def is_overdue(period, today) -> bool:
    return period.review_due_on < today


def is_listed(period, today) -> bool:
    """Soon or overdue: what the client overview shows."""
    return period.review_due_on <= today + datetime.timedelta(days=SOON_DAYS)
