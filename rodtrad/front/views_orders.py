"""Ending an order: the order ends and the social journal notes it (front.services.end_order),
so the page is built here, above both. Its address and name are the clients app's."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.clients import access, views_orders
from rodtrad.clients.forms import EndOrderForm

from . import services


def end_order(request, client_id, order_id):
    action = access.action_for(request)
    order, refusal = views_orders.order_of_managed_unit(request, client_id, order_id, action)
    if refusal or order.ended_on:
        return access.refused(request, refusal or _("The order has already ended."))
    form = EndOrderForm(request.POST or None, order=order)
    if request.method == "POST" and form.is_valid():
        services.end_order(
            order, ended_on=form.cleaned_data["ended_on"], reason=form.cleaned_data["end_reason"], user=request.user
        )
        messages.success(request, _("The order was ended. Send the file to the authority within two months."))
        return redirect("clients:detail", client_id)
    return render(request, "clients/order_end.html", {"client": order.client, "order": order, "form": form})
