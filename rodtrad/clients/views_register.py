"""Registering a client with the order from the authority, and changing their personal details."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.accounts.roles import is_manager

from . import access, services
from .forms import ClientForm, OrderForm


def register_client(request):
    """A manager registers a new client with the order from the authority."""
    if not is_manager(request.user):
        raise PermissionDenied(_("Only a unit manager can register clients."))
    client_form = ClientForm(request.POST or None)
    order_form = OrderForm(request.POST or None, user=request.user, prefix="order")
    if request.method == "POST" and client_form.is_valid() and order_form.is_valid():
        client = services.register_client(client_form.save(commit=False), order_form.save(commit=False))
        access.record_created(request, client)
        return redirect("clients:detail", client.pk)
    return render(request, "clients/register.html", {"client_form": client_form, "order_form": order_form})


def edit_client(request, client_id):
    action = access.action_for(request)
    client = access.client_for(request, client_id, action, object_type="client")
    if services.is_closed(client):
        return access.refused(request, _("The case is closed and the record is read-only."))
    form = ClientForm(
        request.POST or None, instance=client, show_protected=client.shows_protected_details_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("clients:detail", client.pk)
    return render(request, "clients/edit.html", {"client": client, "form": form})
