from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.clients import services as client_services
from rodtrad.clients.services_register import READ_ONLY_MESSAGE, consents_to_review_with_plan

from . import drafts, rules, services, views_drafts
from .access import period_for, refusal_to_change
from .forms import ParticipationForm, SignatureForm
from .models import Goal, Plan, PlanItem


def _startable_units(client, user, plans):
    """Units of the user that carry out an order needing a plan, and have no plan yet."""
    member_of = set(Membership.objects.filter(user=user).values_list("unit_id", flat=True))
    has_plan = {plan.unit_id for plan in plans}
    return {
        order.unit_id: order.unit
        for order in client_services.current_orders(client)
        if order.needs_plan and order.unit_id in member_of and order.unit_id not in has_plan
    }


def plan_index(request, client_id):
    """The client's plans, one per unit, with every period; and a way to start one."""
    action = access.action_for(request, Action.CREATE)
    client = access.client_for(request, client_id, action, object_type="plan")
    plans = list(Plan.objects.filter(client=client).select_related("unit").prefetch_related("periods"))
    startable = _startable_units(client, request.user, plans)
    if request.method == "POST":
        if client_services.is_closed(client):
            return access.refused(request, str(READ_ONLY_MESSAGE))
        chosen = request.POST.get("unit", "")
        unit = startable.get(int(chosen)) if chosen.isdigit() else None
        if unit is None:
            return access.refused(request, _("A plan can be started only for an order of your unit that needs one."))
        period = services.start_plan(client, unit)
        return redirect("plans:period", client.pk, period.pk)
    return render(request, "plans/index.html", {"client": client, "plans": plans, "startable": startable.values()})


def _period_context(period):
    items = (
        PlanItem.objects.filter(period=period)
        .select_related("section", "order__service")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("pk")))
    )
    by_section = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    sections = [(section, by_section.get(section.pk, [])) for section in services.sections_for(period.plan.unit)]
    assessment = getattr(period, "risk_assessment", None)
    history = list(period.plan.periods.exclude(pk=period.pk))
    return {
        "period": period,
        "client": period.plan.client,
        "sections": sections,
        "goal_count": sum(len(item.goals.all()) for item in items),
        "assessment": assessment,
        "risks": assessment.risks.select_related("item", "consent") if assessment else [],
        "missing": [] if period.is_established else rules.missing_to_establish(period),
        "consents_to_review": (
            [] if period.is_established else consents_to_review_with_plan(period.plan.client, period.starts_on)
        ),
        "history": history,
        # Once a newer period is added after the yearly follow-up, this one is history.
        "successor": next((other for other in history if other.previous_id == period.pk), None),
        "predecessor": next((other for other in history if other.pk == period.previous_id), None),
    }


def plan_document_context(period):
    """What the plan documents show: the period's content, grouped by section."""
    return _period_context(period)


def period_detail(request, client_id, period_id):
    # Who established it and its risk assessment (or none) are on the page: joined, not two queries.
    period = period_for(request, client_id, period_id, related=("established_by", "risk_assessment"))
    context = _period_context(period)
    context["participation_form"] = ParticipationForm(instance=period, child=period.plan.client.is_child)
    context["signature_form"] = SignatureForm(instance=period)
    context["drafts"] = drafts.drafts_of_period(period, request.user)
    return render(request, "plans/period.html", context)


def _save_period_form(request, period, form_class, **form_kwargs):
    """Save a draft period's form, refusing a stale one while keeping what was typed."""
    form = form_class(request.POST, instance=period, **form_kwargs)
    if not form.is_valid():
        return form, False
    changes = {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}
    try:
        services.save_period(period, changes, expected_version=form.cleaned_data["version"])
    except services.StaleEdit:
        form.add_error(
            None,
            _(
                "Someone else saved this plan while you were writing. Your text is kept below: copy what you need, reload the page and add it again."
            ),
        )
        return form, False
    return form, True


def participation(request, client_id, period_id):
    """Planens framtagande. htmx posts it as the person writes; a plain POST saves and returns."""
    period = period_for(request, client_id, period_id, access.action_for(request))
    if request.method != "POST":
        return redirect("plans:period", client_id, period_id)
    refusal = refusal_to_change(request, period)
    if refusal:
        return refusal
    form, saved = _save_period_form(request, period, ParticipationForm, child=period.plan.client.is_child)
    if request.htmx:
        period.refresh_from_db()
        response = render(request, "plans/_save_state.html", {"form": form, "saved": saved, "period": period})
        # For static/rodtrad/drafts.js, which keeps the writer's copy until the server has it.
        response["X-Draft-Status"] = "saved" if saved else ("stale" if form.non_field_errors() else "invalid")
        response["X-Draft-Version"] = str(period.version)
        return response
    if saved:
        views_drafts.saved(request)
        messages.success(request, _("Saved."))
        return redirect("plans:period", client_id, period_id)
    context = _period_context(period) | {"participation_form": form, "signature_form": SignatureForm(instance=period)}
    return render(request, "plans/period.html", context, status=409 if form.non_field_errors() else 200)


@require_POST
def signature(request, client_id, period_id):
    period = period_for(request, client_id, period_id, Action.UPDATE)
    refusal = refusal_to_change(request, period)
    if refusal:
        return refusal
    form, saved = _save_period_form(request, period, SignatureForm)
    if saved:
        messages.success(request, _("The confirmation was recorded."))
        return redirect("plans:period", client_id, period_id)
    context = _period_context(period) | {
        "participation_form": ParticipationForm(instance=period, child=period.plan.client.is_child),
        "signature_form": form,
    }
    return render(request, "plans/period.html", context)


@require_POST
def establish(request, client_id, period_id):
    period = period_for(request, client_id, period_id, Action.SIGN)
    refusal = refusal_to_change(request, period)
    if refusal:
        return refusal
    try:
        services.establish(period, user=request.user)
    except services.PlanIncomplete as incomplete:
        context = _period_context(period) | {
            "participation_form": ParticipationForm(instance=period, child=period.plan.client.is_child),
            "signature_form": SignatureForm(instance=period),
            "establish_failed": incomplete.missing,
        }
        return render(request, "plans/period.html", context, status=422)
    messages.success(request, _("The plan period is established. Produce the final document for the case officer."))
    return redirect("plans:period", client_id, period_id)
