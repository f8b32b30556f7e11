"""The client's follow-up page, and a goal (or a plan item without goals) followed up at any time."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access

from . import overview, rules, services
from .access import goal_for, item_for
from .forms import GOAL_QUESTIONS, ITEM_QUESTIONS, FollowUpForm, add_rule_errors


def index(request, client_id):
    client = access.client_for(request, client_id, object_type="follow_up")
    context = {"client": client, "plans": overview.plans_for(client), "today": timezone.localdate()}
    return render(request, "followup/index.html", context)


def goal_follow_up(request, client_id, goal_id):
    goal = goal_for(request, client_id, goal_id, access.action_for(request, Action.CREATE))
    return _follow_up_page(request, goal.item, goal)


def item_follow_up(request, client_id, item_id):
    """A plan item without goals is followed up as "not applicable", with a comment on how the
    support works."""
    item = item_for(request, client_id, item_id, access.action_for(request, Action.CREATE))
    if item.goals.exists():
        return access.refused(request, _("The plan item has goals: follow them up one by one."))
    return _follow_up_page(request, item, None)


def _follow_up_page(request, item, goal):
    period = item.period
    refusal = rules.follow_up_refusal(period)
    if request.method == "POST" and refusal:
        return access.refused(request, refusal)
    today = timezone.localdate()
    form = FollowUpForm(request.POST or None, period=period, goal=goal, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_follow_up(item, goal=goal, user=request.user, today=today, **form.follow_up_data())
        except ValidationError as error:
            add_rule_errors(form, error.message_dict)
        else:
            messages.success(request, _("The follow-up was recorded."))
            anchor = f"#goal-{goal.pk}" if goal else f"#item-{item.pk}"
            return redirect(reverse("followup:index", args=[period.plan.client_id]) + anchor)
    context = {
        "client": period.plan.client,
        "period": period,
        "item": item,
        "goal": goal,
        "form": form,
        "refusal": refusal,
        "questions": GOAL_QUESTIONS if goal else ITEM_QUESTIONS,
        "history": services.history(item, goal),
    }
    return render(request, "followup/follow_up.html", context)
