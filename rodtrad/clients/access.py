"""The one way a view reaches a client's data: check the user's right, then record the access.

A client the user may not see answers 404, exactly like one that does not exist, so that the
existence of a client is never revealed. The audit event is written before anything is returned;
if it cannot be written the request fails (see ATOMIC_REQUESTS in settings)."""

from operator import attrgetter

from django.http import Http404
from django.shortcuts import render

from rodtrad.audit import services as audit
from rodtrad.audit.models import Action
from rodtrad.db import reused

from .asked import Asked
from .models import Client


def action_for(request, on_post=Action.UPDATE) -> Action:
    """What a request does to the data it reaches: a GET views it, a POST does `on_post`."""
    return on_post if request.method == "POST" else Action.VIEW


def client_for(request, client_id, action=Action.VIEW, *, obj=None, object_type="", detail="", role=None) -> Client:
    """The client with `client_id` if `request.user` may see it (holding `role` at one of its
    units, when given), after recording `action` on it."""
    try:
        asked = Asked(int(client_id), request.user)
    except (ValueError, TypeError):
        raise Http404 from None
    found = _visible(asked, role) if request.user.is_authenticated else []
    if not found:
        raise Http404
    client = found[0]
    audit.record(request, action, client=client, obj=obj, object_type=object_type, detail=detail)
    return client


def _visible(asked: Asked, role) -> list[Client]:
    """The client, if the user may see it. Every page of a client asks this first."""

    def query(asked):
        return lambda: list(Client.objects.visible_to(asked.user, role=role).filter(pk=asked.client_id))

    return reused.objects(("client_for", role), query, asked, Client)


def object_for(request, queryset, pk, action=Action.VIEW, *, client_field="client", detail="", role=None):
    """An object that belongs to a client, under the same rule. `client_field` is the path from
    the object to its client, such as "plan__client" for a plan period."""
    visible = Client.objects.visible_to(request.user, role=role)
    try:
        obj = queryset.select_related(client_field).get(pk=pk, **{f"{client_field}__in": visible})
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    client = attrgetter(client_field.replace("__", "."))(obj)
    audit.record(request, action, client=client, obj=obj, detail=detail)
    return obj


def reached(request, client_id, obj, action=Action.VIEW, *, detail=""):
    """`obj`, read as belonging to the client with `client_id` (None: not found), if the user
    may see that client, after recording `action` on it: object_for, for callers that read the
    object themselves with a statement of their own (rodtrad/journal/queries.py)."""
    if obj is None or str(obj.client_id) != str(client_id):
        raise Http404
    obj.client = client_for(request, client_id, action, obj=obj, detail=detail)
    return obj


def client_for_job(user, client_id, action, *, job, object_type="", detail="", role=None, ip_address=None):
    """A background job's way to a client, for the user it works for: the same rule, checked when
    the job runs (a right lost since the request counts), and the access recorded with the job as
    its path and the request's address. None when the user may not see the client (a job has no
    404 to answer)."""
    client = Client.objects.visible_to(user, role=role).filter(pk=client_id).first()
    if client is not None:
        audit.record_by_command(
            action,
            command=f"db_worker {job}",
            user=user,
            client=client,
            object_type=object_type,
            detail=detail,
            ip_address=ip_address,
        )
    return client


def record_list(request, *, object_type, detail=""):
    """A list or search shows only who the clients are, not their documentation: one event for
    the page, not one per client, with the search words so that searching can be reviewed."""
    audit.record(request, Action.VIEW, object_type=object_type, detail=detail)


def record_created(request, client):
    """A newly registered client: the right comes from the order just saved with it."""
    audit.record(request, Action.CREATE, client=client, obj=client)


def refused(request, message):
    """Refuse an action on a client the user may see, without rolling back the audit event of
    the attempt (raising PermissionDenied would undo the request's transaction)."""
    return render(request, "403.html", {"exception": message}, status=403)
