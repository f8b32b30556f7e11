from django import template

from rodtrad.followup.models import Answer, GoalFollowUp

register = template.Library()


@register.filter
def confirmation(form, key):
    """The checkbox that confirms checklist question `key` in `form`."""
    return form[f"confirm_{key}"]


@register.filter
def answer_label(value):
    """ "Delvis" for "partly": the words of an answer annotated by followup.queries."""
    return Answer(value).label if value in Answer.values else ""


@register.filter
def period_follow_ups(period):
    """Every follow-up made in a plan period, oldest first: for the file for the authority."""
    return list(
        GoalFollowUp.objects.filter(item__period=period).select_related("item").order_by("followed_up_on", "pk")
    )
