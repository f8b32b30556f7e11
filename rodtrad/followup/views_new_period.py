""" "Lägg till": the new plan period, from a finished yearly review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.plans.access import period_for

from . import checklist, rules, services
from .forms import add_rule_errors
from .forms_new_period import NewPeriodForm
from .models import Review


def new_period(request, client_id, period_id):
    period = period_for(request, client_id, period_id, access.action_for(request, Action.CREATE))
    review = Review.objects.filter(period=period).first()
    refusal = rules.follow_up_refusal(period)
    if review is None or not review.is_finished:
        refusal = _("Finish the yearly follow-up first: the new period starts from it.")
    if refusal:
        return access.refused(request, refusal)
    today = timezone.localdate()
    rows = services.review_rows(period, review)
    items = list(period.items.select_related("section").prefetch_related("goals"))
    answers = {row.goal.pk: row.follow_up.get_answer_display() for row in rows if row.goal and row.follow_up}
    form = NewPeriodForm(
        request.POST or None, period=period, items=items, met=services.met_goals(review), answers=answers, today=today
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = services.start_new_period(review, user=request.user, today=today, **form.decisions())
        except ValidationError as error:
            add_rule_errors(form, error.message_dict)
        else:
            messages.success(
                request,
                _(
                    "The new period is added as a draft. Write with the client how the plan was made, make the "
                    "risk assessment anew, and establish it."
                ),
            )
            return redirect("plans:period", client_id, new.pk)
    context = {
        "client": period.plan.client,
        "period": period,
        "review": review,
        "form": form,
        "checks": checklist.new_period_checks(period, today=today),
    }
    return render(request, "followup/new_period.html", context)
