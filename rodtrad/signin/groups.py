"""Units and roles from the identity provider's groups, as the administrator mapped them
(GroupMapping): applied at each sign-in through an IdP, before the unit's minimum is checked.

A mapped group the person is in gives its unit and role (a manager's role where two groups give
the same unit); a membership that came from a group the person is no longer in is removed. A
membership granted by hand stays as it is. Nothing happens while no mapping exists. Every change
is written to the audit log."""

from django.db import transaction
from django.utils.translation import gettext as _

from rodtrad.accounts.models import Membership
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action

from .models import GroupMapping


def groups_of(value) -> set[str]:
    """A claim's or attribute's groups: a list, or one string."""
    if isinstance(value, str):
        return {value} if value else set()
    return {str(group) for group in value or []}


@transaction.atomic
def apply(request, user, groups: set[str]):
    mappings = list(GroupMapping.objects.select_related("unit").order_by("pk"))
    if not mappings:
        return
    wanted = {}
    for mapping in mappings:
        if mapping.group in groups and wanted.get(mapping.unit_id, (None,))[0] != Membership.Role.MANAGER:
            wanted[mapping.unit_id] = (mapping.role, mapping)
    current = {membership.unit_id: membership for membership in user.memberships.select_related("unit")}
    for unit_id, (role, mapping) in wanted.items():
        membership = current.get(unit_id)
        if membership is None:
            membership = Membership.objects.create(user=user, unit=mapping.unit, role=role, from_identity_provider=True)
            _record(request, user, membership, _("granted from the group %(group)s") % {"group": mapping.group})
        elif membership.from_identity_provider and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
            _record(request, user, membership, _("role changed from the group %(group)s") % {"group": mapping.group})
    for unit_id, membership in current.items():
        if membership.from_identity_provider and unit_id not in wanted:
            _record(request, user, membership, _("removed: no longer in a mapped group"))
            membership.delete()


def _record(request, user, membership, what):
    audit.record(
        request,
        Action.UPDATE,
        obj=membership,
        user=user,
        detail=f"{membership.unit.name}, {membership.get_role_display()}: {what}",
    )
