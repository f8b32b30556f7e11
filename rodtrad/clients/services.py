"""Domain operations on clients and orders, called by views, commands and tests alike."""

from django.db import transaction
from django.utils import timezone

from .due import file_to_authority, first_plan
from .models import Client, Order


@transaction.atomic
def register_client(client: Client, first_order: Order) -> Client:
    """A client enters Rödtråd with the order that lets a unit serve them; without an order
    nobody could see the record."""
    client.save()
    first_order.client = client
    first_plan.set_due(first_order)
    first_order.save()
    return client


def add_order(client: Client, order: Order) -> Order:
    order.client = client
    first_plan.set_due(order)
    order.save()
    _forget_case_state(client)
    return order


def end_order(order: Order, *, ended_on, reason: str) -> Order:
    """End the order. The journal's note of it is written by front.services.end_order, which
    calls this: the journal is above the register."""
    order.ended_on = ended_on
    order.end_reason = reason
    file_to_authority.set_due(order)
    order.save(update_fields=["ended_on", "end_reason", "file_due_on"])
    _forget_case_state(order.client)
    return order


def _forget_case_state(client: Client) -> None:
    """Whether the case is closed, as read with the client (is_closed), no longer holds."""
    vars(client).pop("case_closed", None)


def mark_file_sent(order: Order, *, user, sent_on=None) -> Order:
    order.file_sent_on = sent_on or timezone.localdate()
    order.file_sent_by = user
    order.save(update_fields=["file_sent_on", "file_sent_by"])
    return order


def current_orders(client: Client, day=None):
    return client.orders.current_on(day or timezone.localdate()).select_related("service", "unit")


def is_closed(client: Client, orders=None) -> bool:
    """A client with no open order: the record is read-only and retention has started.
    `orders`, every order of the client when the caller has them already, saves the query, and
    so does a client reached through the access path, which read it as `case_closed`."""
    if orders is not None:
        return all(order.ended_on is not None for order in orders)
    if "case_closed" in vars(client):
        return client.case_closed
    return not client.orders.filter(ended_on__isnull=True).exists()


def open_among(client_ids) -> set[int]:
    """Which of `client_ids` are open cases (is_closed false): one query for a list's page."""
    return set(
        Order.objects.filter(client_id__in=client_ids, ended_on__isnull=True).values_list("client_id", flat=True)
    )


def retention_counted_from(client: Client, orders=None):
    """The day the last order ended; SoL records are culled five years after the last entry,
    LSS records are kept, and the authority decides on both. `orders` as for is_closed."""
    if not is_closed(client, orders):
        return None
    if orders is not None:
        return max((order.ended_on for order in orders), default=None)
    return client.orders.order_by("-ended_on").values_list("ended_on", flat=True).first()
