"""Operations that change more than one part of the record. Each part's own service does its
part; these run them together, in one transaction, from above both parts, so that no domain
app calls one above it (docs/architecture.md)."""

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from rodtrad.clients import services as clients
from rodtrad.journal import services as journal
from rodtrad.journal.models import Category
from rodtrad.plans import services as plans


@transaction.atomic
def end_order(order, *, ended_on, reason: str, user):
    """End the order, and note it in the social journal in the acting user's name, as the
    routine asks."""
    clients.end_order(order, ended_on=ended_on, reason=reason)
    text = _("The order %(service)s at %(unit)s ended on %(day)s. Reason: %(reason)s") % {
        "service": order.service.name,
        "unit": order.unit.name,
        "day": formats.date_format(ended_on, "j F Y"),
        "reason": reason,
    }
    journal.record_event_entry(order.client, category=Category.CHANGE, text=text, author=user)
    return order


@transaction.atomic
def change_plan_item(item, changes: dict, *, user, reason: str = "", opened: str = ""):
    """Change a plan item (plans.services.change_item); a change to an established one is
    written to the journal as "Ändring i insats", with what changed and why."""
    change = plans.change_item(item, changes, reason=reason, opened=opened)
    if change.journal_text:
        journal.record_event_entry(
            item.period.plan.client,
            category=Category.PLAN_ITEM_CHANGE,
            text=change.journal_text,
            author=user,
            plan_item=change.item,
        )
    return change.item
