import contextlib

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.clients import services as client_services
from rodtrad.writing import check_goal

from . import rules, services, views_drafts
from .access import item_for, period_for, refusal_to_change
from .forms import GoalForm, PlanItemForm, RiskAssessmentForm, RiskForm
from .risk_matrix import RISK_MATRIX


def orders_of(period):
    """The orders at the period's unit, which a plan item can belong to."""

    return period.plan.client.orders.filter(unit=period.plan.unit)


def period_url(period):
    return reverse("plans:period", args=[period.plan.client_id, period.pk])


def apply_errors(form, error):
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def new_item(request, client_id, period_id):
    period = period_for(request, client_id, period_id, access.action_for(request, Action.CREATE))
    refusal = refusal_to_change(request, period)
    if refusal:
        return refusal
    client = period.plan.client
    answered = views_drafts.handle(request, client, title=_("New plan item"), period=period)
    if answered:
        return answered
    draft = views_drafts.state(request)
    sections = services.sections_for(period.plan.unit).filter(holds_items=True)
    form = PlanItemForm(
        request.POST or None,
        sections=sections,
        orders=orders_of(period),
        initial=draft.initial(section=request.GET.get("avsnitt"), order=orders_of(period).first()),
    )
    if request.method == "POST" and form.is_valid():
        item = services.add_item(period, **form.cleaned_data)
        views_drafts.done(request)
        return redirect(f"{period_url(period)}#item-{item.pk}")
    return render(request, "plans/item_form.html", {"period": period, "client": client, "form": form, "d": draft})


def new_goal(request, client_id, period_id, item_id):
    item = item_for(request, client_id, period_id, item_id, access.action_for(request, Action.CREATE))
    period = item.period
    refusal = refusal_to_change(request, period)
    if refusal:
        return refusal
    client = period.plan.client
    title = _("New goal: %(item)s") % {"item": item.title}
    answered = views_drafts.handle(request, client, title=title, period=period)
    if answered:
        return answered
    draft = views_drafts.state(request)
    order = item.order
    initial = draft.initial(order_goal=order.personal_goals if order else "")
    form = GoalForm(request.POST or None, initial=initial, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "confirm_many"}
        try:
            services.add_goal(item, confirm_many=form.cleaned_data["confirm_many"], **fields)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            views_drafts.done(request)
            return redirect(f"{period_url(period)}#item-{item.pk}")
    goal_count = item.goals.model.objects.filter(item__period=period).count()
    context = {
        "period": period,
        "client": client,
        "item": item,
        "form": form,
        "many_goals": goal_count >= rules.MANY_GOALS,
        "preview": _preview_from(form),
        "d": draft,
    }
    return render(request, "plans/goal_form.html", context)


def _preview_from(form):
    data = form.data if form.is_bound else form.initial
    by_when = None
    with contextlib.suppress(ValidationError):
        by_when = form.fields["by_when"].to_python(data.get("by_when"))
    return rules.compose_goal(
        what=data.get("what", ""),
        how_often=data.get("how_often", ""),
        support=data.get("support", ""),
        by_when=by_when,
        why=data.get("why", ""),
    )


def goal_preview(request):
    """The goal sentence composed live from the goal template's fields (htmx), with the writing
    assistant's findings on the sentence that will be saved. It reads no client data, only what
    the writer has typed, so it needs no access check."""
    form = GoalForm(request.POST or None, today=timezone.localdate())
    preview = _preview_from(form)
    sentence = (form.data.get("sentence") or "").strip() or preview
    found = [finding.to_dict() for finding in check_goal(sentence)] if sentence else []
    context = {"preview": preview, "findings": found, "available": True, "checked": bool(sentence), "in_section": True}
    return render(request, "plans/_goal_preview.html", context)


def risks(request, client_id, period_id):
    period = period_for(request, client_id, period_id, access.action_for(request))
    assessment = getattr(period, "risk_assessment", None)
    client = period.plan.client
    which = request.POST.get("form", "")
    if request.method == "POST":
        refusal = refusal_to_change(request, period)
        if refusal:
            return refusal
        title = _("Risk assessment") if which == "assessment" else _("New risk")
        answered = views_drafts.handle(request, client, title=title, period=period, form_name=which)
        if answered:
            return answered
    assessment_draft = views_drafts.state(request, "assessment")
    risk_draft = views_drafts.state(request, "risk")
    items = period.items.all()
    consents = client.consents.filter(withdrawn_on__isnull=True)
    assessment_form = RiskAssessmentForm(
        request.POST if which == "assessment" else None,
        instance=assessment,
        initial=assessment_draft.initial(assessed_on=timezone.localdate()),
    )
    risk_form = RiskForm(
        request.POST if which == "risk" else None,
        items=items,
        consents=consents,
        initial=risk_draft.initial(),
        # Both forms have a "responsible" field; the page needs each id once.
        auto_id="risk_%s",
    )
    if request.method == "POST":
        if which == "assessment" and assessment_form.is_valid():
            services.save_risk_assessment(period, **assessment_form.cleaned_data)
            views_drafts.done(request, "assessment")
            return redirect("plans:risks", client_id, period_id)
        if which == "risk" and risk_form.is_valid():
            if assessment is None:
                risk_form.add_error(None, _("Save the assessment's date and team first."))
            else:
                services.add_risk(assessment, **risk_form.cleaned_data)
                views_drafts.done(request, "risk")
                return redirect("plans:risks", client_id, period_id)
    context = {
        "period": period,
        "client": client,
        "assessment": assessment,
        "assessment_form": assessment_form,
        "risk_form": risk_form,
        "assessment_draft": assessment_draft,
        "risk_draft": risk_draft,
        "risks": assessment.risks.select_related("item", "consent") if assessment else [],
        "matrix": RISK_MATRIX,
        "current_orders": client_services.current_orders(client),
    }
    return render(request, "plans/risks.html", context)
