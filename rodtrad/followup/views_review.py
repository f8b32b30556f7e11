"""The yearly review of a plan period (årlig uppföljning), steps 1–6 of the routine."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.plans.access import period_for

from . import checklist, rules, services
from .forms import ReviewPage
from .models import Review

STALE = gettext_lazy(
    "Someone else saved this follow-up while you were writing. Your text is kept below: copy what you "
    "need, reload the page and add it again."
)


def _review_of(period):
    return Review.objects.filter(period=period).select_related("started_by", "finished_by", "journal_entry").first()


def _render(request, period, review, *, page=None, status=200, **extra):
    today = timezone.localdate()
    if review is not None and not review.is_finished and page is None:
        page = ReviewPage(None, review, today=today)
    rows = page.rows if page else services.review_rows(period, review)
    context = {
        "client": period.plan.client,
        "period": period,
        "review": review,
        "page": page,
        "rows": rows,
        "refusal": rules.follow_up_refusal(period),
        "review_due_on": period.review_due_on,
        "summary_url": checklist.journal_summary_url(period, until=review.finished_at if review else None),
        "checks": checklist.review_checks(review, rows) if review else [],
        **extra,
    }
    return render(request, "followup/review.html", context, status=status)


def review(request, client_id, period_id):
    """The period's follow-up document: written while open, read-only once finished."""
    period = period_for(request, client_id, period_id, access.action_for(request))
    found = _review_of(period)
    if request.method != "POST" or found is None:
        return _render(request, period, found)
    if found.is_finished or rules.follow_up_refusal(period):
        return access.refused(request, rules.follow_up_refusal(period) or _("The follow-up is finished."))
    today = timezone.localdate()
    page = ReviewPage(request.POST, found, today=today)
    if not page.is_valid():
        return _render(request, period, found, page=page)
    try:
        services.save_review(
            found,
            user=request.user,
            expected_version=page.form.cleaned_data["version"],
            fields=page.form.review_fields(),
            rows=page.rows_data(),
            today=today,
        )
    except services.StaleReview:
        page.form.add_error(None, STALE)
        return _render(request, period, found, page=page, status=409)
    if request.POST.get("action") != "finish":
        messages.success(request, _("Saved."))
        return redirect("followup:review", client_id, period_id)
    return _finish(request, period, found)


def _finish(request, period, found):
    try:
        services.finish_review(found, user=request.user)
    except services.ReviewIncomplete as incomplete:
        # What was typed is saved; the page shows it again from the database, with what is missing.
        return _render(request, period, _review_of(period), finish_failed=incomplete.missing, status=422)
    messages.success(
        request, _("The follow-up is finished and noted in the social journal. Now add the new plan period.")
    )
    return redirect("followup:review", period.plan.client_id, period.pk)


@require_POST
def start(request, client_id, period_id):
    """Step 2: add the follow-up document when the period has none."""
    period = period_for(request, client_id, period_id, Action.CREATE)
    refusal = rules.follow_up_refusal(period)
    if refusal and _review_of(period) is None:
        return access.refused(request, refusal)
    services.start_review(period, user=request.user)
    return redirect("followup:review", client_id, period_id)
