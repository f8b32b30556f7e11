"""What a user's memberships allow beyond seeing a client: one place for role questions."""

from .models import Membership, Unit


def memberships_in(request) -> list[Membership]:
    """The signed-in user's memberships with their units, by unit name, read once per request:
    the header shows them and the to-do works at their units."""
    if not hasattr(request, "_rodtrad_memberships"):
        user = request.user
        request._rodtrad_memberships = (
            list(user.memberships.select_related("unit").order_by("unit__name")) if user.is_authenticated else []
        )
    return request._rodtrad_memberships


def managed_units(user):
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER)


def is_manager(user) -> bool:
    return managed_units(user).exists()
