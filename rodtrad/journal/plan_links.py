"""The parts of a client's implementation plan a journal entry can be about: plan items, goals
and life areas (the plan's sections, each mapped to ICF/IBIC life areas)."""

from django.db.models import OuterRef, Q, Subquery

from rodtrad.plans.models import Goal, PlanItem, PlanPeriod, PlanTemplate, SectionTemplate


def all_items(client):
    """Every plan item of the client's plans, of every period: for reading and filtering."""
    return (
        PlanItem.objects.filter(period__plan__client=client)
        .select_related("period", "section")
        .order_by("-period__starts_on", "section__position", "position", "pk")
    )


def current_items(client, *, keep=None):
    """Plan items of each plan's latest period: what a new entry is written about. `keep`
    (a plan item) stays in the list, so that a draft linked to an older item keeps its link."""
    latest = PlanPeriod.objects.filter(plan=OuterRef("period__plan")).order_by("-starts_on", "-pk").values("pk")[:1]
    condition = Q(period_id=Subquery(latest))
    if keep is not None:
        condition |= Q(pk=keep.pk)
    return all_items(client).filter(condition)


def all_goals(client):
    return (
        Goal.objects.filter(item__period__plan__client=client)
        .select_related("item", "item__period")
        .order_by("-item__period__starts_on", "item__section__position", "item__position", "pk")
    )


def current_goals(client, *, keep=None):
    condition = Q(item__in=current_items(client))
    if keep is not None:
        condition |= Q(pk=keep.pk)
    return all_goals(client).filter(condition)


def life_areas(client):
    """The item-holding sections of the templates of the units serving the client; the
    default template stands in for a unit without its own."""
    units = client.orders.values("unit")
    own = PlanTemplate.objects.filter(unit__in=units)
    templates = own.values("pk")
    if client.orders.exclude(unit__in=own.values("unit")).exists():
        templates = PlanTemplate.objects.filter(Q(pk__in=own.values("pk")) | Q(unit__isnull=True)).values("pk")
    return SectionTemplate.objects.filter(template__in=templates, holds_items=True).order_by("position", "pk")


def item_label(item) -> str:
    return f"{item.title} ({item.section.title}, {item.period.starts_on:%Y-%m-%d})"


def goal_label(goal) -> str:
    sentence = goal.sentence if len(goal.sentence) <= 90 else goal.sentence[:89] + "…"
    return f"{sentence} ({goal.item.title})"
