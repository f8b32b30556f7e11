"""Reaching goals and plan items for follow-up through the one access helper."""

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.plans.models import Goal, PlanItem


def goal_for(request, client_id, goal_id, action=Action.VIEW) -> Goal:
    queryset = Goal.objects.filter(item__period__plan__client_id=client_id).select_related(
        "item__period__plan__unit", "item__section"
    )
    return access.object_for(request, queryset, goal_id, action, client_field="item__period__plan__client")


def item_for(request, client_id, item_id, action=Action.VIEW) -> PlanItem:
    queryset = PlanItem.objects.filter(period__plan__client_id=client_id).select_related(
        "period__plan__unit", "section"
    )
    return access.object_for(request, queryset, item_id, action, client_field="period__plan__client")
