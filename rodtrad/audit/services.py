"""The one way to write an audit event. Callers reach it through rodtrad.clients.access."""

from django.conf import settings

from .models import AccessEvent, Action


def client_address(request):
    if settings.RODTRAD_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR") or None


def record(
    request,
    action: Action,
    *,
    client=None,
    obj=None,
    object_type="",
    detail="",
    user=None,
    sign_in_method="",
    assurance="",
) -> AccessEvent:
    """Write an event for a request. Errors propagate on purpose: with ATOMIC_REQUESTS the
    response then fails and nothing unlogged is shown.

    `user` names whom a sign-in event is about when the request is not (yet, or no longer) signed
    in; `sign_in_method` and `assurance` are for sign-in events."""
    if obj is not None:
        object_type = object_type or obj._meta.model_name
    if user is None and request.user.is_authenticated:
        user = request.user
    return AccessEvent.objects.create(
        user=user,
        client=client,
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        detail=detail[:200],
        path=request.get_full_path()[:500],
        ip_address=client_address(request),
        sign_in_method=sign_in_method,
        assurance=assurance[:200],
    )


def record_by_command(
    action: Action, *, command: str, user=None, client=None, obj=None, object_type="", detail="", ip_address=None
) -> AccessEvent:
    """For management commands and background jobs (`manage.py db_worker`), which have no request.
    A job made for a request records that request's address."""
    return AccessEvent.objects.create(
        user=user,
        client=client,
        action=action,
        object_type=object_type or (obj._meta.model_name if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail[:200],
        path=f"manage.py {command}"[:500],
        ip_address=ip_address,
    )
