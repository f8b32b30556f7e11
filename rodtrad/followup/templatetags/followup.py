from django import template

from rodtrad.followup.models import Answer

register = template.Library()


@register.filter
def confirmation(form, key):
    """The checkbox that confirms checklist question `key` in `form`."""
    return form[f"confirm_{key}"]


@register.filter
def answer_label(value):
    """ "Delvis" for "partly": the words of an answer annotated by followup.queries."""
    return Answer(value).label if value in Answer.values else ""
