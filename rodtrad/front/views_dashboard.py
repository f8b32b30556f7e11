"""The managers' dashboard (Översikt): every rule's count for the manager's units, whether their
audit log is reviewed this month and this month's spot checks. Its address and name are
oversight's."""

from django.db.models import Count, Q
from django.shortcuts import render

from rodtrad.clients import access
from rodtrad.lib import dates
from rodtrad.oversight import dashboard
from rodtrad.oversight.forms import LogReviewForm
from rodtrad.oversight.models import SpotCheck
from rodtrad.oversight.views import log_detail, log_review_status, manager_scope, unit_query


def _spot_checks(scope):
    month = dates.first_of_month(scope.today)
    checks = {
        check.unit_id: check
        for check in SpotCheck.objects.filter(unit__in=scope.unit_ids, month=month).annotate(
            sampled=Count("items"), checked=Count("items", filter=Q(items__checked_at__isnull=False))
        )
    }
    return [(unit, checks.get(unit.pk)) for unit in scope.units]


def dashboard_view(request):
    scope, form = manager_scope(request)
    counts = dashboard.counts(scope)
    log_units = log_review_status(scope)
    access.record_list(request, object_type="oversight_dashboard", detail=log_detail(scope, form))
    return render(
        request,
        "oversight/dashboard.html",
        {
            "nav": "oversight",
            "form": form,
            "scope": scope,
            "unit_query": unit_query(scope, form),
            "groups": dashboard.grouped(counts),
            "log_units": log_units,
            "log_not_reviewed": sum(1 for unit in log_units if not unit.reviewed_this_month),
            "log_form": LogReviewForm(),
            "spot_checks": _spot_checks(scope),
        },
    )
