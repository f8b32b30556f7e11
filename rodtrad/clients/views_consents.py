"""Consents as the routine wants them: recorded once, then only reviewed or withdrawn. A
withdrawn consent stays on the list, marked, so that what held when can always be read."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action

from . import access, services, services_register
from .forms_consents import ConsentForm, ReviewForm, WithdrawalForm
from .models import Consent


def _read_only(request, client_id):
    # A redirect, not an exception, so the request's audit event is kept.
    messages.error(request, services_register.READ_ONLY_MESSAGE)
    return redirect("clients:consents", client_id)


def _consent(request, client_id, consent_id, action):
    return access.object_for(request, Consent.objects.filter(client_id=client_id), consent_id, action)


def consent_new(request, client_id):
    client = access.client_for(request, client_id, access.action_for(request, Action.CREATE), object_type="consent")
    if services.is_closed(client):
        return _read_only(request, client.pk)
    form = ConsentForm(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        services_register.record_consent(client, form.save(commit=False), recorded_by=request.user)
        messages.success(request, _("The consent was recorded."))
        return redirect("clients:consents", client.pk)
    return render(request, "clients/consents/form.html", {"client": client, "form": form})


def consent_review(request, client_id, consent_id):
    consent = _consent(request, client_id, consent_id, access.action_for(request, Action.CREATE))
    if services.is_closed(consent.client):
        return _read_only(request, client_id)
    form = ReviewForm(request.POST or None, consent=consent)
    if request.method == "POST" and form.is_valid():
        services_register.review_consent(
            consent,
            reviewed_on=form.cleaned_data["reviewed_on"],
            reviewed_by=request.user,
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("The review was recorded."))
        return redirect("clients:consents", client_id)
    return render(request, "clients/consents/review.html", {"client": consent.client, "consent": consent, "form": form})


def consent_withdraw(request, client_id, consent_id):
    consent = _consent(request, client_id, consent_id, access.action_for(request, Action.UPDATE))
    if services.is_closed(consent.client):
        return _read_only(request, client_id)
    form = WithdrawalForm(request.POST or None, consent=consent)
    if request.method == "POST" and form.is_valid():
        services_register.withdraw_consent(
            consent, withdrawn_on=form.cleaned_data["withdrawn_on"], note=form.cleaned_data["note"]
        )
        messages.success(request, _("The withdrawal was recorded. The consent no longer holds."))
        return redirect("clients:consents", client_id)
    return render(
        request, "clients/consents/withdraw.html", {"client": consent.client, "consent": consent, "form": form}
    )
