from django.utils.functional import SimpleLazyObject

from rodtrad.accounts.models import Membership


def _memberships(user):
    return list(user.memberships.select_related("unit").order_by("unit__name")) if user.is_authenticated else []


def signed_in_user(request):
    """The user's units for the header, and whether they manage one (for the header and for what
    a page offers a manager, such as the client overview's links), fetched once and only if a
    template asks. The views that act for managers check the role themselves."""
    memberships = SimpleLazyObject(lambda: _memberships(request.user))
    return {
        "user_memberships": memberships,
        "user_is_manager": SimpleLazyObject(lambda: any(m.role == Membership.Role.MANAGER for m in memberships)),
    }
