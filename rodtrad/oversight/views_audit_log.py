import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from rodtrad.accounts.models import Membership
from rodtrad.accounts.roles import is_manager
from rodtrad.audit import services as audit
from rodtrad.audit.models import Action
from rodtrad.clients import access

from .audit_log import filtered, reviewable_events
from .forms_audit_log import LogFilterForm

EVENTS_PER_PAGE = 100


def _manager_only(request):
    if not is_manager(request.user):
        raise PermissionDenied(_("Only a unit manager can review the audit log."))


def _events_for(request, form, action, client=None):
    """Check the manager's right to what the filter names and record the review itself."""
    filters = dict(form.cleaned_data) if form.is_valid() else {}
    client = client or filters.get("client")
    if client is not None:
        client = access.client_for(request, client.pk, action, object_type="audit_log", role=Membership.Role.MANAGER)
        filters["client"] = client
    else:
        audit.record(request, action, object_type="audit_log")
    events = reviewable_events(request.user)
    if form.is_bound and not form.is_valid():
        return events.none(), client
    return filtered(events, **filters), client


def _render_review(request, client=None):
    form = LogFilterForm(request.GET or None, manager=request.user)
    events, client = _events_for(request, form, Action.VIEW, client)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("sida"))
    context = {"form": form, "page": page, "client": client, "nav": "audit"}
    return render(request, "audit/review.html", context)


def review(request):
    _manager_only(request)
    return _render_review(request)


def client_log(request, client_id):
    client = access.client_for(request, client_id, object_type="audit_log", role=Membership.Role.MANAGER)
    return _render_review(request, client)


class _Echo:
    def write(self, value):
        return value


def export_csv(request):
    _manager_only(request)
    form = LogFilterForm(request.GET or None, manager=request.user)
    events, _client = _events_for(request, form, Action.EXPORT)
    header = [
        _("Time"),
        _("User"),
        _("User name"),
        _("Client"),
        _("Action"),
        _("What"),
        _("Object id"),
        _("Detail"),
        _("Address in Rödtråd"),
        _("IP address"),
        _("Sign-in method"),
        _("Asserted assurance"),
    ]

    def rows():
        # Semicolons and a byte order mark: what Swedish spreadsheet programs open without asking.
        writer = csv.writer(_Echo(), delimiter=";")
        yield "\ufeff" + writer.writerow(header)
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    timezone.localtime(event.occurred_at).strftime("%Y-%m-%d %H:%M:%S"),
                    str(event.user) if event.user else _("System"),
                    event.user.username if event.user else "",
                    str(event.client) if event.client else "",
                    event.get_action_display(),
                    event.description(),
                    event.object_id,
                    event.detail,
                    event.path,
                    event.ip_address or "",
                    event.get_sign_in_method_display() if event.sign_in_method else "",
                    event.assurance,
                ]
            )

    filename = f"logg-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
