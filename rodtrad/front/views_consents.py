"""The client's consents: those that hold, with when each is next reviewed (yearly, and with every
new plan period), and those withdrawn. It reads the newest plan period, so it is built here,
above the register and the plans. Its address and name are the clients app's."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from rodtrad.clients import access, services
from rodtrad.clients.due import consent_review
from rodtrad.clients.models import ConsentReview
from rodtrad.plans.models import PlanPeriod


def consent_list(request, client_id):
    client = access.client_for(request, client_id, object_type="consent_list")
    consents = client.consents.select_related("given_by_representative", "recorded_by").prefetch_related(
        Prefetch("reviews", queryset=ConsentReview.objects.select_related("reviewed_by"))
    )
    newest_plan = PlanPeriod.objects.filter(plan__client=client).order_by("-starts_on").first()
    for consent in consents:
        consent.with_plan = (
            newest_plan if consent_review.is_due_with_plan(consent, newest_plan and newest_plan.starts_on) else None
        )
    return render(
        request,
        "clients/consents/list.html",
        {
            "client": client,
            "active": [consent for consent in consents if consent.is_active],
            "withdrawn": [consent for consent in consents if not consent.is_active],
            "today": timezone.localdate(),
            "read_only": services.is_closed(client),
        },
    )
