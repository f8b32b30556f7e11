from django.utils.functional import SimpleLazyObject

from rodtrad.accounts.models import Membership
from rodtrad.accounts.roles import memberships_in


def signed_in_user(request):
    """The user's units for the header, and whether they manage one (for the header and for what
    a page offers a manager, such as the client overview's links), fetched once and only if a
    template asks. The views that act for managers check the role themselves."""
    memberships = SimpleLazyObject(lambda: memberships_in(request))
    return {
        "user_memberships": memberships,
        "user_is_manager": SimpleLazyObject(lambda: any(m.role == Membership.Role.MANAGER for m in memberships)),
    }
