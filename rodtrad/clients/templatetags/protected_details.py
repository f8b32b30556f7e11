"""Templates read a client's address and contact details only through here, so the rule on
protected personal details is the same on every page."""

from django import template

from .. import services_register

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_details(context, client):
    """`{% contact_details client as details %}`: the details, or None when the viewer may not
    see them. Without a known viewer nothing protected is shown."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None:
        return None
    return services_register.contact_details_for(client, user)
