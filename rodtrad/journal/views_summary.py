"""The period summary: on screen, as a printable page (logged as a print) and as a PDF (an
audited export)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.exports.views import prepared_file_response

from . import jobs
from .forms import PeriodForm
from .summary import default_period, period_summary

OBJECT_TYPE = jobs.OBJECT_TYPE


def _period(request, client):
    start, end = default_period(client)
    form = PeriodForm(request.GET or None, initial={"fran": start, "till": end})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["fran"], form.cleaned_data["till"]
    return form, start, end


def _context(request, client, start, end):
    return {
        "client": client,
        "summary": period_summary(client, start, end),
        "produced_at": timezone.localtime(),
        "produced_by": request.user,
    }


def summary(request, client_id):
    client = access.client_for(request, client_id, object_type=OBJECT_TYPE)
    form, start, end = _period(request, client)
    context = _context(request, client, start, end)
    context.update(form=form, period_query=urlencode({"fran": start.isoformat(), "till": end.isoformat()}))
    return render(request, "journal/summary.html", context)


def summary_print(request, client_id):
    client = access.client_for(request, client_id, Action.PRINT, object_type=OBJECT_TYPE)
    _form, start, end = _period(request, client)
    return render(request, "journal/summary_print.html", _context(request, client, start, end))


def summary_pdf(request, client_id):
    """The summary as a PDF, made in the background (journal/jobs.py): 202 and a page that waits
    for it until it is ready. An audited export."""
    form = PeriodForm(request.GET or None)
    start, end = (
        (form.cleaned_data["fran"], form.cleaned_data["till"]) if form.is_bound and form.is_valid() else (None, None)
    )
    return prepared_file_response(
        request,
        client_id,
        kind=jobs.KIND,
        parameters=jobs.parameters_of(start, end),
        job=jobs.make_period_summary,
        object_type=OBJECT_TYPE,
        back_url=reverse("journal:summary", args=[client_id]),
    )
