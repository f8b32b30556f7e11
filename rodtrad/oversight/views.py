"""The list behind each of the dashboard's counts, and the trends; the dashboard itself is built
by the front (rodtrad/front/views_dashboard.py) from what is here."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rodtrad.accounts.models import Unit
from rodtrad.accounts.roles import managed_units
from rodtrad.clients import access

from . import rules, trends
from .catalogue import RULES_BY_KEY
from .forms import UnitForm
from .models import LogReview
from .scope import for_manager

ROWS_PER_PAGE = 50


def manager_scope(request):
    """The scope the request asks for (?enhet=, or all the user's units) and the unit form.
    Not a manager: 403, as for the audit log review; a unit that is not theirs: 404."""
    units = list(managed_units(request.user).order_by("name"))
    if not units:
        raise PermissionDenied(_("Only a unit manager can see the dashboard."))
    form = UnitForm(request.GET or None, units=units)
    if form.is_bound and not form.is_valid():
        raise Http404
    unit_id = form.cleaned_data["enhet"] if form.is_bound else None
    return for_manager(request.user, unit_id=unit_id, units=units), form


def unit_query(scope, form):
    """?enhet=… for links that keep the chosen unit."""
    return f"enhet={scope.units[0].pk}" if form.is_bound and form.cleaned_data["enhet"] else ""


def log_detail(scope, form, rule=None) -> str:
    """What the audit log says of the page: the list's label and the unit chosen, in words."""
    unit = scope.units[0].name if form.is_bound and form.cleaned_data["enhet"] else ""
    return ", ".join(str(part) for part in (rule.label if rule else "", unit) if part)[:200]


def log_review_status(scope):
    """Each unit of the scope with whether its log is reviewed this month, and the newest review."""
    newest = LogReview.objects.filter(unit=OuterRef("pk")).order_by("-reviewed_at", "-pk")
    return list(
        Unit.objects.filter(pk__in=scope.unit_ids)
        .annotate(
            reviewed_this_month=rules.log_reviewed_this_month(scope),
            last_reviewed_at=Subquery(newest.values("reviewed_at")[:1]),
            last_reviewer_first=Subquery(newest.values("reviewed_by__first_name")[:1]),
            last_reviewer_last=Subquery(newest.values("reviewed_by__last_name")[:1]),
        )
        .order_by("name")
    )


def rule_list(request, key):
    rule = RULES_BY_KEY.get(key)
    if rule is None:
        raise Http404
    scope, form = manager_scope(request)
    page = Paginator(rule.listed(scope), ROWS_PER_PAGE).get_page(request.GET.get("sida"))
    rows = rule.rows(page.object_list, scope)
    access.record_list(request, object_type="oversight_list", detail=log_detail(scope, form, rule))
    query = unit_query(scope, form)
    return render(
        request,
        "oversight/rule_list.html",
        {
            "nav": "oversight",
            "rule": rule,
            "scope": scope,
            "page": page,
            "rows": rows,
            "unit_query": query,
            "extra_query": f"{query}&" if query else "",
        },
    )


TREND_TITLES = {
    "plan": gettext_lazy("Share of clients with a current plan at the end of the month"),
    "note": gettext_lazy("Share of clients with a signed journal entry in the month"),
    "follow_ups": gettext_lazy("Goal follow-ups done in the month"),
}


def trends_view(request):
    scope, form = manager_scope(request)
    charts = [
        {
            "unit": unit_trend.unit,
            "series": [
                {
                    "title": TREND_TITLES[series.key],
                    "series": series,
                    "chart": trends.chart(series),
                    "id": f"trend-{unit_trend.unit.pk}-{series.key}",
                }
                for series in (unit_trend.plan_share, unit_trend.note_share, unit_trend.follow_ups)
            ],
        }
        for unit_trend in trends.for_units(scope)
    ]
    access.record_list(request, object_type="oversight_trends", detail=log_detail(scope, form))
    template = "oversight/_trends.html" if request.htmx else "oversight/trends.html"
    response = render(
        request,
        template,
        {"nav": "oversight", "scope": scope, "charts": charts, "unit_query": unit_query(scope, form)},
    )
    response["Vary"] = "HX-Request"
    return response
