from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from . import access
from .models import Client, ContactPerson, Order

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
    response = render(request, template, {"page": page, "query": query})
    response["Vary"] = "HX-Request"
    return response


def client_detail(request, client_id):
    client = access.client_for(request, client_id)
    orders = Order.objects.filter(client=client).select_related("service", "unit")
    contact_persons = ContactPerson.objects.filter(client=client).select_related("user")
    return render(
        request,
        "clients/client_detail.html",
        {"client": client, "orders": orders, "contact_persons": contact_persons},
    )
