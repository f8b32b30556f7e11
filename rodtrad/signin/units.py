"""A unit's minimum sign-in assurance, changed by its manager or the administrator: audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from rodtrad.accounts.assurance import Level
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action


@transaction.atomic
def set_minimum(request, unit, level: int, *, before: int):
    unit.minimum_assurance = level
    unit.save(update_fields=["minimum_assurance"])
    if before != level:
        record_change(request, unit, before)


def record_change(request, unit, before: int):
    audit.record(
        request,
        Action.UPDATE,
        obj=unit,
        detail=_("Minimum sign-in assurance: %(before)s → %(after)s")
        % {"before": Level(before).label, "after": Level(unit.minimum_assurance).label},
    )
