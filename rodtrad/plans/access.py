"""Reaching plan periods and items through the one access helper."""

from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.clients.services import is_closed
from rodtrad.clients.services_register import READ_ONLY_MESSAGE

from .models import PlanItem, PlanPeriod


def period_for(request, client_id, period_id, action=Action.VIEW, *, related=()) -> PlanPeriod:
    """`related`: more relations the page shows, fetched with the period (select_related)."""
    queryset = PlanPeriod.objects.filter(plan__client_id=client_id).select_related("plan__unit", *related)
    return access.object_for(request, queryset, period_id, action, client_field="plan__client")


def item_for(request, client_id, period_id, item_id, action=Action.VIEW) -> PlanItem:
    queryset = PlanItem.objects.filter(period_id=period_id, period__plan__client_id=client_id).select_related(
        "period__plan__unit", "section"
    )
    return access.object_for(request, queryset, item_id, action, client_field="period__plan__client")


def refusal_to_change(request, period):
    """The refusal to answer a change to `period` with, or None: an established period is
    read-only, and so is every period of a closed case."""
    if is_closed(period.plan.client):
        return access.refused(request, str(READ_ONLY_MESSAGE))
    if period.is_established:
        return access.refused(request, _("An established period is read-only."))
    return None
