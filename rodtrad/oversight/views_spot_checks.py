"""The monthly quality spot check: draw ten journals, read each against the checklist beside the
writing assistant's findings, and store the outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rodtrad.accounts.models import Membership, Unit
from rodtrad.accounts.roles import managed_units
from rodtrad.clients import access
from rodtrad.journal import assistant, queries
from rodtrad.journal.models import Category
from rodtrad.lib import dates

from . import services
from .forms import SpotCheckItemForm
from .models import CHECKLIST, SpotCheck, SpotCheckItem

ENTRIES_SHOWN = 100


@require_POST
def draw(request):
    """Draw this month's sample for one of the manager's units (or open the one already drawn)."""
    try:
        unit = managed_units(request.user).get(pk=request.POST.get("enhet"))
    except (ValueError, TypeError, Unit.DoesNotExist):
        raise Http404 from None
    check = services.draw_spot_check(unit, user=request.user)
    return redirect("oversight:spot_check", check.pk)


def _managed_check(request, spot_check_id):
    return get_object_or_404(
        SpotCheck.objects.select_related("unit", "drawn_by"), pk=spot_check_id, unit__in=managed_units(request.user)
    )


def spot_check(request, spot_check_id):
    check = _managed_check(request, spot_check_id)
    items = list(check.items.select_related("client", "checked_by"))
    access.record_list(request, object_type="spot_check", detail=f"{check.unit} {check.month:%Y-%m}")
    start, end = services.period_checked(check)
    return render(
        request,
        "oversight/spot_check.html",
        {
            "nav": "oversight",
            "check": check,
            "items": items,
            "checked": sum(1 for item in items if item.is_checked),
            "needs_work": sum(1 for item in items if item.outcome == "needs_work"),
            "period_start": start,
            "period_end": end,
        },
    )


def _entries_of(client, start, end):
    signed = queries.signed_entries(client).filter(
        occurred_at__gte=dates.start_of(start), occurred_at__lt=dates.end_of(end)
    )
    facts = signed.aggregate(
        total=Count("pk"),
        monthly=Count("pk", filter=Q(category=Category.MONTHLY)),
        deviations=Count("pk", filter=Q(category=Category.DEVIATION)),
    )
    entries = list(queries.with_details(signed).order_by("occurred_at", "pk")[:ENTRIES_SHOWN])
    return entries, facts


def spot_check_item(request, spot_check_id, client_id):
    """Read one sampled journal. Reaching the client goes through the access helper, so every
    reading (and every answer saved) is in the audit log."""
    check = _managed_check(request, spot_check_id)
    client = access.client_for(
        request, client_id, access.action_for(request), object_type="spot_check", role=Membership.Role.MANAGER
    )
    item = get_object_or_404(SpotCheckItem, spot_check=check, client=client)
    form = SpotCheckItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        answers = {field: form.cleaned_data[field] for field, _label in CHECKLIST}
        try:
            services.record_check(
                item,
                user=request.user,
                answers=answers,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The spot check of %(client)s is saved.") % {"client": client})
            return redirect("oversight:spot_check", check.pk)
    start, end = services.period_checked(check)
    entries, facts = _entries_of(client, start, end)
    other_clients = assistant.other_client_names(client, request.user)
    shown = [
        (entry, assistant.findings(entry.text, client=client, user=request.user, other_clients=other_clients))
        for entry in entries
    ]
    return render(
        request,
        "oversight/spot_check_item.html",
        {
            "nav": "oversight",
            "check": check,
            "item": item,
            "client": client,
            "form": form,
            "entries": shown,
            "facts": facts,
            "more_entries": facts["total"] > len(entries),
            "assistant_available": assistant.is_available(),
            "period_start": start,
            "period_end": end,
        },
    )
