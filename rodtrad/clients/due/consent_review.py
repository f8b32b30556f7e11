"""A consent's review.

A consent that holds is gone through with the client at least once a year: it is due a year
(365 days) after it was last gone through — its newest review, or the day it was given — and late
from the day after. The routine also updates consents with every plan: a consent last gone
through before the newest plan period started is due with that period from its start.

Stored on the consent: Consent.last_seen_on (the day it was last gone through) and
Consent.review_due_on, set when the consent is recorded and when it is reviewed
(services_register.record_consent, review_consent). A withdrawn consent is never due."""

import datetime

from django.db.models import Q

REVIEW_DAYS = 365


def due_on(last_seen_on: datetime.date) -> datetime.date:
    """The rule itself: a year after the consent was last gone through."""
    return last_seen_on + datetime.timedelta(days=REVIEW_DAYS)


def set_seen(consent, day: datetime.date) -> None:
    """Before the consent is saved: it was gone through on `day` (given, or reviewed)."""
    consent.last_seen_on = day
    consent.review_due_on = due_on(day)


def reviewed(consent, day: datetime.date) -> None:
    """A review of a saved consent on `day`; one dated before its newest changes nothing."""
    if day > consent.last_seen_on:
        set_seen(consent, day)
        consent.save(update_fields=["last_seen_on", "review_due_on"])


def due(today) -> Q:
    """Consents that hold, due for their yearly review on or before `today`."""
    return Q(withdrawn_on__isnull=True, review_due_on__lte=today)


def is_due(consent, today) -> bool:
    return consent.withdrawn_on is None and consent.review_due_on <= today


def not_seen_since(day: datetime.date) -> Q:
    """Consents that hold and were last gone through before `day`: with a plan period that starts
    on `day`, they are due with it."""
    return Q(withdrawn_on__isnull=True, last_seen_on__lt=day)


def is_due_with_plan(consent, plan_start: datetime.date | None) -> bool:
    """Due with the newest plan period, which started on `plan_start` (None: there is none)."""
    return consent.withdrawn_on is None and plan_start is not None and consent.last_seen_on < plan_start
