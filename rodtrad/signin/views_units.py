"""A manager's units and the sign-in assurance each requires of its staff's sessions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rodtrad.accounts.roles import managed_units

from . import units
from .forms import UnitAssuranceForm


def unit_requirements(request):
    managed = list(managed_units(request.user).order_by("name"))
    if not managed:
        raise PermissionDenied(_("Only a unit manager can set what signing in to a unit requires."))
    forms = [(unit, UnitAssuranceForm(instance=unit, prefix=f"unit{unit.pk}")) for unit in managed]
    return render(request, "accounts/unit_requirements.html", {"forms": forms, "nav": "oversight"})


@require_POST
def set_unit_requirement(request, unit_id):
    unit = get_object_or_404(managed_units(request.user), pk=unit_id)
    before = unit.minimum_assurance
    form = UnitAssuranceForm(request.POST, instance=unit, prefix=f"unit{unit.pk}")
    if not form.is_valid():
        forms = [
            (other, form if other.pk == unit.pk else UnitAssuranceForm(instance=other, prefix=f"unit{other.pk}"))
            for other in managed_units(request.user).order_by("name")
        ]
        return render(request, "accounts/unit_requirements.html", {"forms": forms, "nav": "oversight"}, status=400)
    units.set_minimum(request, unit, form.cleaned_data["minimum_assurance"], before=before)
    messages.success(
        request,
        _("%(unit)s now requires: %(level)s.") % {"unit": unit.name, "level": unit.get_minimum_assurance_display()},
    )
    return redirect("accounts:unit_requirements")
