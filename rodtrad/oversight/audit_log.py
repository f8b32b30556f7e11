"""Which audit events a manager may review (logguppföljning), and the filters on them."""

import datetime

from django.db.models import Q
from django.utils import timezone

from rodtrad.accounts.models import Membership, User
from rodtrad.accounts.roles import managed_units
from rodtrad.audit.models import AccessEvent
from rodtrad.clients.models import Client


def reviewable_events(manager):
    """Events about clients of the manager's units, and client-less events (lists, searches)
    by people who work in those units. Events about other units' clients stay hidden."""
    clients = Client.objects.visible_to(manager, role=Membership.Role.MANAGER)
    unit_staff = User.objects.filter(memberships__unit__in=managed_units(manager))
    return AccessEvent.objects.filter(
        Q(client__in=clients) | Q(client__isnull=True, user__in=unit_staff)
    ).select_related("user", "client")


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filtered(events, *, client=None, user=None, date_from=None, date_to=None):
    if client is not None:
        events = events.filter(client=client)
    if user is not None:
        events = events.filter(user=user)
    if date_from is not None:
        events = events.filter(occurred_at__gte=_start_of(date_from))
    if date_to is not None:
        events = events.filter(occurred_at__lt=_start_of(date_to + datetime.timedelta(days=1)))
    return events
