"""Logguppföljning recorded: the manager marks the audit log reviewed for the month."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import services
from .forms import LogReviewForm
from .models import LogReview
from .views import log_review_status, manager_scope, unit_query

REVIEWS_PER_PAGE = 50


def log_reviews(request):
    """GET: the reviews recorded for the manager's units. POST: record one now, for the units shown."""
    scope, unit_form = manager_scope(request)
    query = unit_query(scope, unit_form)
    form = LogReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        services.record_log_review(list(scope.units), user=request.user, note=form.cleaned_data["note"], now=now)
        messages.success(
            request,
            _("The audit log review of %(units)s is recorded: %(who)s, %(when)s.")
            % {
                "units": ", ".join(unit.name for unit in scope.units),
                "who": request.user,
                "when": formats.date_format(timezone.localtime(now), "j F Y H:i"),
            },
        )
        return redirect(reverse("oversight:dashboard") + (f"?{query}" if query else "") + "#log-heading")
    reviews = LogReview.objects.filter(unit__in=scope.unit_ids).select_related("unit", "reviewed_by")
    page = Paginator(reviews, REVIEWS_PER_PAGE).get_page(request.GET.get("sida"))
    return render(
        request,
        "oversight/log_reviews.html",
        {
            "nav": "oversight",
            "scope": scope,
            "form": form,
            "page": page,
            "log_units": log_review_status(scope),
            "unit_query": query,
            "extra_query": f"{query}&" if query else "",
        },
    )
