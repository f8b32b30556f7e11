"""The pages of a client the front builds from several parts: Mina brukare (the clients a user
may see, with their to-do first) and the client overview (orders, what is due, the latest entries
and the way to every part). Their addresses and names are the clients app's (rodtrad/urls.py)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from rodtrad.accounts.roles import memberships_in
from rodtrad.clients import access, services
from rodtrad.clients.models import Client, ContactPerson
from rodtrad.journal.due import monthly_note
from rodtrad.journal.models import Entry
from rodtrad.lib import dates
from rodtrad.oversight import todo

from . import due_list

CLIENTS_PER_PAGE = 50


def _search(clients, query):
    compact = query.replace("-", "").replace("+", "").replace(" ", "")
    if compact.isdigit():
        return clients.filter(personal_number__contains=compact)
    condition = Q()
    for word in query.split():
        condition &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
    return clients.filter(condition)


def my_clients(request):
    """Mina brukare: every client the user may see, searchable by name or personnummer."""
    query = request.GET.get("q", "").strip()[:100]
    clients = Client.objects.visible_to(request.user)
    if query:
        clients = _search(clients, query)
    page = Paginator(clients.in_swedish_order(), CLIENTS_PER_PAGE).get_page(request.GET.get("sida"))
    # The shift's actions on each row of an open case (a closed one takes no entries).
    open_cases = services.open_among([client.pk for client in page.object_list])
    access.record_list(request, object_type="client_list", detail=query)
    template = "clients/_client_list.html" if request.htmx else "clients/my_clients.html"
    context = {"page": page, "query": query, "nav": "clients", "open_cases": open_cases}
    if not request.htmx:
        context["todo"] = todo.rows_for(request.user, units=[m.unit for m in memberships_in(request)])
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


def client_detail(request, client_id):
    """The client overview: orders and their goals, what is due, and the way to every part."""
    client = access.client_for(request, client_id)
    record = due_list.load(client)
    today = timezone.localdate()
    last_month_missing = monthly_note.missing(client, day=dates.previous_month(today))
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "current_orders": [order for order in record.orders if order.ended_on is None],
            "ended_orders": [order for order in record.orders if order.ended_on is not None],
            "contact_persons": ContactPerson.objects.filter(client=client).select_related("user"),
            "due_items": due_list.due_for(client, record, today=today, last_month_missing=last_month_missing),
            "latest_entries": Entry.objects.filter(client=client).signed().order_by("-occurred_at")[:5],
            "current_periods": record.current_periods,
            "active_consents": [consent for consent in record.consents if consent.is_active],
            "is_closed": services.is_closed(client, record.orders),
            "retention_from": services.retention_counted_from(client, record.orders),
            "today": today,
            "monthly_note_month": _monthly_note_shown(client, record.orders, today, last_month_missing),
        },
    )


def _monthly_note_shown(client, orders, today, last_month_missing):
    """The month of the monthly note to offer first on the page, or None: last month's while it
    is missing, else this month's while nothing has been signed in it."""
    if services.is_closed(client, orders):
        return None
    month = monthly_note.due_month(client, today=today, orders=orders, last_month_missing=last_month_missing)
    # Asked whichever month is due, so that the page runs the same queries whatever the data.
    this_month_missing = monthly_note.missing(client, day=today)
    return month if month < dates.first_of_month(today) or this_month_missing else None
