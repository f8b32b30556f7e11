"""The answer of an address that serves a file made in the background (`/brukare/<id>/akt.pdf`,
the period summary's PDF): the file when it is ready, else 202 with a page that says it is being
prepared and asks again by itself until it is.

The page asks with htmx every few seconds, without swapping anything, so a screen reader hears
the status once rather than at every poll; when the file is ready (or failed) the poll answers
`HX-Redirect` to the same address, which then serves it. A reloading page (meta refresh) would
fail WCAG's timing rule (axe: meta-refresh), so only a browser without script gets one.

Every answer reaches the client through the access helper, which records it: asking for the file
and fetching it as exports, each poll while waiting as a view; the job records its own export."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from rodtrad.audit.models import Action
from rodtrad.clients import access

from . import services
from .models import PreparedFile

# Seconds between the waiting page's polls (and its reloads without script; Retry-After).
RELOAD_SECONDS = 3


def prepared_file_response(request, client_id, *, kind, parameters, job, object_type, role=None, back_url=""):
    """`job` is the kind's task (its argument the prepared file's id); `role` the role the user
    must hold at one of the client's units, for the request and again when the job runs."""
    prepared = services.find(request.user, client_id, kind, parameters) if request.user.is_authenticated else None
    polling = bool(request.htmx) and prepared is not None
    if polling or (prepared is not None and not prepared.is_ready):
        action, detail = Action.VIEW, _("waiting for the file")
    elif prepared is None:
        action, detail = Action.EXPORT, _("file requested")
    else:
        action, detail = Action.EXPORT, _("file fetched")
    client = access.client_for(request, client_id, action, object_type=object_type, detail=detail, role=role)
    if polling:
        return _poll_response(request, prepared)
    if prepared is None:
        prepared = services.start(request, client, kind, parameters, job)
    if prepared.is_ready:
        return _file_response(services.fetch(prepared), prepared.filename)
    if prepared.status == PreparedFile.Status.FAILED:
        services.forget(prepared)
        context = {"client": client, "back_url": back_url, "again_url": request.get_full_path()}
        return render(request, "exports/failed.html", context, status=500)
    response = render(
        request,
        "exports/preparing.html",
        {"client": client, "prepared": prepared, "reload_seconds": RELOAD_SECONDS, "back_url": back_url},
        status=202,
    )
    response["Retry-After"] = str(RELOAD_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _poll_response(request, prepared) -> HttpResponse:
    """The waiting page's question: still waiting (202, nothing to swap), or go and get it."""
    if prepared.status == PreparedFile.Status.PENDING:
        response = HttpResponse(status=202)
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse()
    response["HX-Redirect"] = request.get_full_path()
    return response


def _file_response(pdf: bytes, filename: str) -> HttpResponse:
    """Inline, so that the browser sent on by the waiting page opens the PDF in its place."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Exports of client records must not linger in shared caches.
    response["Cache-Control"] = "no-store"
    return response
