"""Reaching plan periods and items through the one access helper."""

from rodtrad.audit.models import Action
from rodtrad.clients import access

from .models import PlanItem, PlanPeriod


def period_for(request, client_id, period_id, action=Action.VIEW) -> PlanPeriod:
    queryset = PlanPeriod.objects.filter(plan__client_id=client_id).select_related("plan__unit")
    return access.object_for(request, queryset, period_id, action, client_field="plan__client")


def item_for(request, client_id, period_id, item_id, action=Action.VIEW) -> PlanItem:
    queryset = PlanItem.objects.filter(period_id=period_id, period__plan__client_id=client_id).select_related(
        "period__plan__unit", "section"
    )
    return access.object_for(request, queryset, item_id, action, client_field="period__plan__client")
