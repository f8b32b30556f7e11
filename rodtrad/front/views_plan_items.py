"""Changing a plan item: in a draft period freely, in an established one with a reason and an
entry "Ändring i insats" in the social journal (front.services.change_plan_item), which is why
the page is built here, above both the plan and the journal. Its address and name are the plan's."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.clients import access
from rodtrad.clients import services as client_services
from rodtrad.clients.services_register import READ_ONLY_MESSAGE
from rodtrad.plans import services as plans
from rodtrad.plans import views_drafts, views_items
from rodtrad.plans.access import item_for
from rodtrad.plans.forms import ChangeItemForm

from . import services


def edit_item(request, client_id, period_id, item_id):
    item = item_for(request, client_id, period_id, item_id, access.action_for(request))
    period = item.period
    client = period.plan.client
    if client_services.is_closed(client):
        return access.refused(request, str(READ_ONLY_MESSAGE))
    if plans.is_superseded(period):
        return access.refused(request, _("A newer plan period has replaced this one: make the change there."))
    title = _("Change in plan item “%(item)s”") % {"item": item.title}
    answered = views_drafts.handle(request, client, title=title, period=period)
    if answered:
        return answered
    draft = views_drafts.state(request)
    form = ChangeItemForm(
        request.POST or None,
        instance=item,
        sections=None,
        orders=views_items.orders_of(period),
        established=period.is_established,
        initial=draft.initial(),
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in plans.ITEM_TEXT_FIELDS}
        changes["order"] = form.cleaned_data["order"]
        try:
            services.change_plan_item(
                item,
                changes,
                user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                opened=form.cleaned_data["opened"],
            )
        except ValidationError as error:
            views_items.apply_errors(form, error)
        except plans.StaleEdit:
            form.add_error(None, plans.STALE_ITEM_MESSAGE)
        else:
            views_drafts.done(request)
            return redirect(f"{views_items.period_url(period)}#item-{item.pk}")
    context = {"period": period, "client": client, "form": form, "item": item, "d": draft}
    return render(request, "plans/item_form.html", context, status=409 if form.non_field_errors() else 200)
