"""The period summary (periodsammanfattning) for follow-up: a period's signed entries grouped
by goal and plan item, with counts by category."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.plans.models import PlanPeriod

from . import queries
from .models import Category


@dataclass
class Group:
    title: str
    kind: str  # "goal", "plan_item" or "other"
    goal: object = None
    plan_item: object = None
    entries: list = field(default_factory=list)

    @property
    def counts(self):
        return category_counts(self.entries)


@dataclass
class Summary:
    client: object
    start: datetime.date
    end: datetime.date
    groups: list
    by_category: list
    total: int
    late: int
    corrected: int
    objections: int


def category_counts(entries) -> list[tuple[str, int]]:
    """(label, count) in the order of the categories, leaving out those with no entries."""
    counted = Counter(entry.category for entry in entries)
    return [(label, counted[value]) for value, label in Category.choices if counted[value]]


def default_period(client, today=None):
    """From the start of the client's latest plan period (or a year back) until today."""
    today = today or timezone.localdate()
    latest = PlanPeriod.objects.filter(plan__client=client, starts_on__lte=today).order_by("-starts_on").first()
    start = latest.starts_on if latest else today - datetime.timedelta(days=365)
    return start, today


def _sort_key(group: Group):
    order = {"goal": 0, "plan_item": 1, "other": 2}[group.kind]
    item = group.goal.item if group.goal is not None else group.plan_item
    position = (item.section.position, item.position, item.pk) if item is not None else (0, 0, 0)
    return (order, position, group.goal.pk if group.goal is not None else 0)


def _group_key(entry) -> tuple:
    if entry.goal_id is not None:
        return ("goal", entry.goal_id)
    if entry.plan_item_id is not None:
        return ("plan_item", entry.plan_item_id)
    return ("other", 0)


def _new_group(entry) -> Group:
    if entry.goal_id is not None:
        return Group(entry.goal.sentence, "goal", goal=entry.goal)
    if entry.plan_item_id is not None:
        return Group(entry.plan_item.title, "plan_item", plan_item=entry.plan_item)
    return Group(_("Not about a particular goal or plan item"), "other")


def period_summary(client, start: datetime.date, end: datetime.date) -> Summary:
    entries = queries.filtered(queries.signed_entries(client), {"fran": start, "till": end})
    entries = list(
        queries.with_details(entries)
        .select_related("goal__item__section", "plan_item__section")
        .order_by("occurred_at", "pk")
    )
    groups: dict[tuple, Group] = {}
    for entry in entries:
        key = _group_key(entry)
        if key not in groups:
            groups[key] = _new_group(entry)
        groups[key].entries.append(entry)
    return Summary(
        client=client,
        start=start,
        end=end,
        groups=sorted(groups.values(), key=_sort_key),
        by_category=category_counts(entries),
        total=len(entries),
        late=sum(entry.late for entry in entries),
        corrected=sum(entry.is_corrected for entry in entries),
        objections=sum(len(entry.shown_objections) for entry in entries),
    )
