"""What a user's memberships allow beyond seeing a client: one place for role questions."""

from .models import Membership, Unit


def managed_units(user):
    if not user.is_authenticated:
        return Unit.objects.none()
    return Unit.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER)


def is_manager(user) -> bool:
    return managed_units(user).exists()
