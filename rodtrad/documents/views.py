from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access
from rodtrad.exports.views import prepared_file_response
from rodtrad.lib.pdf import pdf_response, render_pdf
from rodtrad.plans.access import period_for
from rodtrad.plans.views import plan_document_context

from . import jobs


def client_file_pdf(request, client_id):
    """The file (genomförandeakt) that goes to the authority when the case is closed: made in the
    background (documents/jobs.py), answered 202 with a page that waits for it until it is ready.
    Producing it is an audited export, and only a manager of one of the client's units may do it."""
    return prepared_file_response(
        request,
        client_id,
        kind=jobs.KIND,
        parameters={},
        job=jobs.make_client_file,
        object_type=jobs.OBJECT_TYPE,
        role=jobs.ROLE,
        back_url=reverse("clients:detail", args=[client_id]),
    )


def _plan_document(request, client_id, period_id, *, template, filename):
    """Both plan documents are audited exports, of an established period only."""
    period = period_for(request, client_id, period_id, Action.EXPORT)
    if not period.is_established:
        return access.refused(request, _("Only an established plan is sent or handed out."))
    context = plan_document_context(period) | {"produced_at": timezone.localtime(), "produced_by": request.user}
    pdf = render_pdf(template, context)
    return pdf_response(pdf, f"{filename}-{period.plan.client_id}-{period.starts_on:%Y%m%d}.pdf")


def plan_final(request, client_id, period_id):
    """Slutdokument: the established plan as it goes to the case officer."""
    return _plan_document(
        request,
        client_id,
        period_id,
        template="documents/plan_final.html",
        filename="genomforandeplan",
    )


def plan_plain(request, client_id, period_id):
    """The plain-language version for the client: large type, short sentences, their words first."""
    return _plan_document(
        request,
        client_id,
        period_id,
        template="documents/plan_plain.html",
        filename="min-plan",
    )
