"""The pages of a client the front builds from several parts: Mina brukare (the clients a user
may see, with their to-do first) and the client overview (orders, what is due, the latest entries
and the way to every part). Their addresses and names are the clients app's (rodtrad/urls.py)."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.utils import timezone

from rodtrad.accounts.roles import memberships_in
from rodtrad.clients import access, services
from rodtrad.clients.models import Client, ConsentReview, ContactPerson
from rodtrad.followup.queries import due_among, with_follow_up_state
from rodtrad.journal import services as journal
from rodtrad.journal.models import Entry
from rodtrad.oversight import todo
from rodtrad.plans.models import Goal, PlanItem, PlanPeriod

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
    access.record_list(request, object_type="client_list", detail=query)
    template = "clients/_client_list.html" if request.htmx else "clients/my_clients.html"
    context = {"page": page, "query": query, "nav": "clients"}
    if not request.htmx:
        context["todo"] = todo.rows_for(request.user, units=[m.unit for m in memberships_in(request)])
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


def client_detail(request, client_id):
    """The client overview: orders and their goals, what is due, and the way to every part."""
    client = access.client_for(request, client_id)
    orders = list(client.orders.select_related("service", "unit", "file_sent_by"))
    consents = list(client.consents.prefetch_related(Prefetch("reviews", queryset=ConsentReview.objects.all())))
    contact_persons = ContactPerson.objects.filter(client=client).select_related("user")
    periods = _plan_periods(client)
    current_periods, latest_established = _newest(periods)
    today = timezone.localdate()
    last_month = today.replace(day=1) - timedelta(days=1)
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "current_orders": [order for order in orders if order.ended_on is None],
            "ended_orders": [order for order in orders if order.ended_on is not None],
            "contact_persons": contact_persons,
            "due_items": due_list.due_for(
                client,
                orders=orders,
                consents=consents,
                latest_established=latest_established,
                newest_periods=current_periods,
                # The goals the managers' dashboard counts (followup.queries.goals_due), found
                # among the periods loaded above with the same follow-up state.
                goals_due=due_among(periods, on=today + timedelta(days=1)),
                last_month_missing=journal.needs_monthly_note(client, day=last_month),
                today=today,
            ),
            "latest_entries": Entry.objects.filter(client=client).signed().order_by("-occurred_at")[:5],
            "current_periods": current_periods,
            "active_consents": [consent for consent in consents if consent.is_active],
            "is_closed": services.is_closed(client, orders),
            "retention_from": services.retention_counted_from(client, orders),
            "today": today,
        },
    )


def _plan_periods(client):
    """Every period of the client's plans, newest first per plan, with items and goals."""
    return list(
        PlanPeriod.objects.filter(plan__client=client)
        .select_related("plan__unit")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PlanItem.objects.prefetch_related(
                    Prefetch("goals", queryset=with_follow_up_state(Goal.objects.order_by("pk")))
                ),
            )
        )
        .order_by("plan_id", "-starts_on", "-pk")
    )


def _newest(periods):
    """Per plan: the newest period (what staff work from) and the newest established one."""
    current, established = {}, {}
    for period in periods:
        current.setdefault(period.plan_id, period)
        if period.is_established:
            established.setdefault(period.plan_id, period)
    return list(current.values()), list(established.values())
