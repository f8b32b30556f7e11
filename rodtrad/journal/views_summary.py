"""The period summary: on screen, as a printable page (logged as a print) and as a PDF (an
audited export)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.documents.pdf import pdf_response, render_pdf

from .forms import PeriodForm
from .summary import default_period, period_summary

OBJECT_TYPE = "journal_summary"


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
    client = access.client_for(request, client_id, Action.EXPORT, object_type=OBJECT_TYPE)
    _form, start, end = _period(request, client)
    pdf = render_pdf("journal/summary_pdf.html", _context(request, client, start, end))
    return pdf_response(pdf, f"periodsammanfattning-{client.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf")
