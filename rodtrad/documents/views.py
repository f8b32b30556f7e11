from django.utils import timezone

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import Action
from rodtrad.clients import access, services

from .pdf import pdf_response, render_pdf


def client_file(request, client_id):
    """The file (genomförandeakt) that goes to the authority when the case is closed. Producing it
    is an audited export, and only a manager of one of the client's units may do it."""
    client = access.client_for(
        request, client_id, Action.EXPORT, object_type="client_file", role=Membership.Role.MANAGER
    )
    context = {
        "client": client,
        "orders": client.orders.select_related("service", "unit", "file_sent_by"),
        "contacts": client.contacts.all(),
        "consents": client.consents.select_related("given_by_representative", "recorded_by").prefetch_related(
            "reviews__reviewed_by"
        ),
        "closed": services.is_closed(client),
        "retention_from": services.retention_counted_from(client),
        "produced_at": timezone.localtime(),
        "produced_by": request.user,
    }
    pdf = render_pdf("documents/client_file.html", context)
    return pdf_response(pdf, f"genomforandeakt-{client.pk}-{timezone.localdate():%Y%m%d}.pdf")
