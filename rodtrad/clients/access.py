"""The one way a view, an export, a job or an API call reaches a client's data: one ordinary
query for the object under the visibility rule (`Client.objects.visible_to`, as NetBox's views
read through `restrict()`), then the access recorded, then the object returned.

A client the user may not see answers 404, exactly like one that does not exist, so that the
existence of a client is never revealed. The audit event is written before anything is returned;
if it cannot be written the request fails (see ATOMIC_REQUESTS in settings). Whether the case is
closed is read in the same query (`Client.case_closed`, used by services.is_closed), since
nearly every page of a client asks it next."""

from operator import attrgetter

from django.http import Http404
from django.shortcuts import render

from rodtrad.audit import services as audit
from rodtrad.audit.models import Action

from .models import Client, closed_case


def action_for(request, on_post=Action.UPDATE) -> Action:
    """What a request does to the data it reaches: a GET views it, a POST does `on_post`."""
    return on_post if request.method == "POST" else Action.VIEW


def object_for(
    request, queryset, pk, action=Action.VIEW, *, client_field="client", obj=None, object_type="", detail="", role=None
):
    """The object `pk` of `queryset` if it belongs to a client `request.user` may see (holding
    `role` at one of the client's units, when given), after recording `action` on it.

    `client_field` is the path from the object to its client ("plan__client" for a plan period),
    or None when the objects are clients (then the clients the user may see are the query). The client comes with the object (select_related),
    with `case_closed` set. `obj` names another object the access concerns (in the event), and
    `object_type` what it is when there is no object."""
    visible = Client.objects.visible_to(request.user, role=role)
    if client_field is None:  # the objects are clients: the visibility rule is their query
        found = visible.annotate(case_closed=closed_case())
    else:
        found = (
            queryset.filter(**{f"{client_field}__in": visible})
            .select_related(client_field)
            .annotate(client_case_closed=closed_case(client_field))
        )
    try:
        reached = found.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise not_found(request) from None
    if client_field is None:
        client = reached
    else:
        client = attrgetter(client_field.replace("__", "."))(reached)
        client.case_closed = reached.client_case_closed
        obj = obj or reached
    audit.record(request, action, client=client, obj=obj, object_type=object_type, detail=detail)
    return reached


def client_for(request, client_id, action=Action.VIEW, *, obj=None, object_type="", detail="", role=None) -> Client:
    """The client with `client_id` if `request.user` may see it: object_for, for the client."""
    return object_for(
        request,
        Client.objects.all(),
        client_id,
        action,
        client_field=None,
        obj=obj,
        object_type=object_type,
        detail=detail,
        role=role,
    )


def not_found(request) -> Http404:
    """The answer to a client (or object) that does not exist or that the user may not see: the
    same 404 for both. Every refusal of the access path passes here."""
    return Http404()


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
