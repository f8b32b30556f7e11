"""Whose clients, at which units, on which day: what every rule is counted over.

A scope is built only from what the user may see: `Client.objects.visible_to` for the clients
and the user's own memberships for the units. A manager's scope is the units they manage (or
one of them), with the clients visible to them as manager; a staff member's to-do scope is the
clients they are contact person for, at the units they work in."""

import datetime
import functools
from dataclasses import dataclass, field, replace

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from rodtrad.accounts.models import Membership, Unit
from rodtrad.accounts.roles import managed_units
from rodtrad.clients.models import Client
from rodtrad.journal import services as journal

from . import rules
from .rules import OneOf

# Values no real user, client, period or draft has: the stand-ins of rodtrad/lib/reused.py.
_STAND_INS = {
    which: {
        "user": -2_000_000_000 - which,
        "clients": (-2_000_000_010 - which,),
        "periods": [-2_000_000_020 - which],
        "drafts_before": datetime.datetime(1900 + which, 2, 3, 4, 5, 6, 7, tzinfo=datetime.UTC),
        "now": datetime.datetime(1910 + which, 2, 3, 4, 5, 6, 7, tzinfo=datetime.UTC),
    }
    for which in (1, 2)
}


@dataclass(frozen=True)
class Scope:
    user: object
    units: tuple[Unit, ...]
    # The clients the rules report on (`visible`, below: every client the user may see).
    clients: QuerySet
    today: datetime.date
    now: datetime.datetime
    # Set for a staff member's to-do: only their own drafts concern them.
    author: object = None
    is_manager: bool = False
    # What several rules start from, found once per scope (see rules.current_periods).
    cache: dict = field(default_factory=dict, compare=False)
    # The ids of `clients`, when the scope found them up front (a contact person's handful).
    client_ids: tuple[int, ...] | None = None
    # Drafts started before this are late (the journal's limit, from `now`).
    drafts_started_before: datetime.datetime | None = None

    @functools.cached_property
    def visible(self) -> QuerySet:
        """Every client the user may see, for their own drafts; built only if a rule asks."""
        if self.is_manager:
            return self.clients
        return Client.objects.visible_to(self.user)

    @property
    def unit_ids(self) -> list[int]:
        return [unit.pk for unit in self.units]

    def of_clients(self, field: str):
        """A condition: `field` is one of the scope's clients; compared with their ids directly
        when the scope has them, a subquery less in every rule's query."""
        if self.client_ids is not None:
            return OneOf(field, self.client_ids)
        return Q(**{f"{field}__in": self.clients})

    # What the rules' statements are reused for (rodtrad/lib/reused.py): every scope of the same
    # shape builds the same statements, with these values put in.

    @property
    def shape(self) -> tuple:
        """What the rules read from the scope besides the slots: the day and the units."""
        return (self.is_manager, self.author is not None, self.today, tuple(self.unit_ids))

    def slot_values(self) -> dict:
        return {
            "user": lambda: self.user.pk,
            "clients": lambda: list(self.client_ids or ()),
            "periods": lambda: rules.current_periods(self),
            "drafts_before": lambda: self.drafts_started_before,
        }

    def stand_in(self, which: int) -> "Scope":
        """This scope's shape with the stand-ins `which` (1 or 2) for the slots. `now` has a
        stand-in too but no slot: a rule that reads it directly cannot be reused."""
        values = _STAND_INS[which]
        user = get_user_model()(pk=values["user"])
        ids = values["clients"] if self.client_ids is not None else None
        clients = _clients(user, ids, manager=self.is_manager)
        return replace(
            self,
            user=user,
            author=user if self.author is not None else None,
            clients=clients,
            client_ids=ids,
            now=values["now"],
            drafts_started_before=values["drafts_before"],
            cache={"current_period_ids": list(values["periods"])},
        )


def _clients(user, client_ids, *, manager) -> QuerySet:
    """The clients a scope reports on."""
    if manager:
        return Client.objects.visible_to(user, role=Membership.Role.MANAGER)
    return Client.objects.filter(OneOf("pk", client_ids))


def _scope(user, units, *, today, now, manager, client_ids=None) -> Scope:
    now = now or timezone.now()
    clients = _clients(user, client_ids, manager=manager)
    return Scope(
        user=user,
        units=tuple(units),
        clients=clients,
        today=today or timezone.localdate(now),
        now=now,
        drafts_started_before=now - journal.late_after(),
        # A manager sees the unit's drafts (who and when); a staff member only their own.
        author=None if manager else user,
        is_manager=manager,
        client_ids=client_ids,
    )


def for_manager(user, *, unit_id=None, units=None, today=None, now=None) -> Scope:
    """The units `user` manages (only `unit_id`, when given; none if it is not theirs).
    `units`, when the caller has already fetched the user's managed units, saves a query."""
    if units is None:
        units = managed_units(user).order_by("name")
    if unit_id is not None:
        units = [unit for unit in units if unit.pk == unit_id]
    return _scope(user, units, today=today, now=now, manager=True)


def for_contact_person(user, *, units=None, today=None, now=None) -> Scope:
    """The clients `user` is contact person for, at the units where `user` works (`units`, when
    the caller has already fetched them)."""
    if units is None:
        units = (
            Unit.objects.filter(memberships__user=user).order_by("name")
            if user.is_authenticated
            else Unit.objects.none()
        )
    # A contact person has a handful of clients: found once, their ids make every rule's query
    # simpler to build and to plan than the visibility rule repeated as a subquery in each.
    ids = tuple(_contact_person_clients(user)) if user.is_authenticated else ()
    return _scope(user, units, today=today, now=now, manager=False, client_ids=ids)


def _contact_person_clients(user) -> list[int]:
    return list(Client.objects.visible_to(user).filter(contact_persons__user=user).values_list("pk", flat=True))
