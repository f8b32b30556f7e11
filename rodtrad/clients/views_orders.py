from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import Action

from . import access, services
from .forms import OrderForm
from .models import Order

MANAGER = Membership.Role.MANAGER


def new_order(request, client_id):
    action = access.action_for(request, Action.CREATE)
    client = access.client_for(request, client_id, action, object_type="order", role=MANAGER)
    form = OrderForm(request.POST or None, user=request.user, client=client)
    if request.method == "POST" and form.is_valid():
        services.add_order(client, form.save(commit=False))
        messages.success(request, _("The order was registered."))
        return redirect("clients:detail", client.pk)
    return render(request, "clients/order_form.html", {"client": client, "form": form})


def order_of_managed_unit(request, client_id, order_id, action):
    """The order and, when the user does not manage its unit, the reason to refuse."""
    order = access.object_for(request, Order.objects.filter(client_id=client_id), order_id, action, role=MANAGER)
    if not order.unit.memberships.filter(user=request.user, role=MANAGER).exists():
        return order, _("Only a manager of the performing unit can change this order.")
    return order, None


@require_POST
def mark_file_sent(request, client_id, order_id):
    order, refusal = order_of_managed_unit(request, client_id, order_id, Action.UPDATE)
    if refusal or not order.ended_on:
        return access.refused(request, refusal or _("The file is sent when the order has ended."))
    services.mark_file_sent(order, user=request.user)
    messages.success(request, _("Recorded that the file was sent to the authority."))
    return redirect("clients:detail", client_id)
