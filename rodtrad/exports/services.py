"""Files made off the request path: asked for by a page, made by the worker, fetched by the user
who asked, and removed soon after.

- A request asks for a file with `start`: one row per user, client, kind and parameters (a second
  tab or a reload finds the same one), and a job in the queue, written in the request's own
  transaction, so a job never runs for a request that failed.
- The worker runs the kind's job, which calls `produce`: the user's right to the client is checked
  again when the job runs, through the access helper, which records the export; then the file is
  made and stored in the database, where every app server can serve it.
- A ready file is kept `KEEP_READY` for the user to come back for it; once fetched, `KEEP_FETCHED`
  (a browser's PDF viewer may read it again to save it). A job enqueued for that moment removes it
  (jobs.remove_expired); `remove_expired_files` catches any the queue lost.
- A file that did not get made within `PENDING_LIMIT` (the worker stopped, say) counts as failed,
  and the next request starts it again."""

import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from rodtrad.audit.models import Action
from rodtrad.audit.services import client_address
from rodtrad.clients import access

from . import jobs
from .models import PreparedFile

KEEP_READY = datetime.timedelta(minutes=settings.RODTRAD_EXPORT_KEEP_MINUTES)
KEEP_FETCHED = datetime.timedelta(minutes=2)
PENDING_LIMIT = datetime.timedelta(minutes=settings.RODTRAD_EXPORT_PENDING_MINUTES)


@dataclass(frozen=True)
class Made:
    """What a kind's builder returns: the PDF, its file name and its number of pages."""

    content: bytes
    filename: str
    pages: int


def key_of(parameters: dict) -> str:
    return json.dumps(parameters, sort_keys=True, separators=(",", ":"))[:200]


def find(user, client_id, kind: str, parameters: dict) -> PreparedFile | None:
    """The user's own file of this kind for the client, if one still counts: an expired one is
    removed, and one that will not be made is marked failed. Its content is not read here."""
    prepared = (
        PreparedFile.objects.defer("content")
        .filter(requested_by=user, client_id=client_id, kind=kind, key=key_of(parameters))
        .first()
    )
    if prepared is None:
        return None
    now = timezone.now()
    if prepared.expires_at is not None and prepared.expires_at <= now:
        prepared.delete()
        return None
    if prepared.status == PreparedFile.Status.PENDING and (
        prepared.requested_at + PENDING_LIMIT <= now or _job_failed(prepared)
    ):
        PreparedFile.objects.filter(pk=prepared.pk).update(status=PreparedFile.Status.FAILED)
        prepared.status = PreparedFile.Status.FAILED
    return prepared


def _job_failed(prepared) -> bool:
    """Whether the queue gave up on the job (an error before `produce` could record it)."""
    try:
        return default_task_backend.get_result(prepared.task_id).status == TaskResultStatus.FAILED
    except TaskResultDoesNotExist:
        return True


def start(request, client, kind: str, parameters: dict, job) -> PreparedFile:
    """Ask for the file: the row and its job, in the request's transaction."""
    prepared, created = PreparedFile.objects.get_or_create(
        requested_by=request.user,
        client=client,
        kind=kind,
        key=key_of(parameters),
        defaults={"parameters": parameters, "requested_at": timezone.now(), "ip_address": client_address(request)},
    )
    if created:
        prepared.task_id = str(job.enqueue(str(prepared.pk)).id)
        prepared.save(update_fields=["task_id"])
    return prepared


def forget(prepared: PreparedFile) -> None:
    """A failed file, once the user has been told: the next request starts it again."""
    PreparedFile.objects.filter(pk=prepared.pk).delete()


def produce(prepared_id: str, build, *, job: str, object_type: str, role=None, detail="") -> bool:
    """Make the file in the worker: `build(client, prepared)` returns a `Made`. The right is checked
    and the export recorded first, in a short transaction of its own (on SQLite a long one would
    hold the write lock while the PDF is made); the file is stored in another. Returns whether a
    file was made: not when the row is gone, or the user may no longer see the client."""
    prepared = (
        PreparedFile.objects.select_related("requested_by")
        .filter(pk=prepared_id, status=PreparedFile.Status.PENDING)
        .first()
    )
    if prepared is None:
        return False
    with transaction.atomic():
        client = access.client_for_job(
            prepared.requested_by,
            prepared.client_id,
            Action.EXPORT,
            job=job,
            object_type=object_type,
            detail=detail,
            role=role,
            ip_address=prepared.ip_address,
        )
        if client is None:
            prepared.delete()
            return False
        PreparedFile.objects.filter(pk=prepared.pk).update(started_at=timezone.now())
    try:
        made = build(client, prepared)
    except BaseException:
        PreparedFile.objects.filter(pk=prepared.pk).update(status=PreparedFile.Status.FAILED)
        raise
    ready_at = timezone.now()
    with transaction.atomic():
        stored = PreparedFile.objects.filter(pk=prepared.pk, status=PreparedFile.Status.PENDING).update(
            status=PreparedFile.Status.READY,
            content=made.content,
            filename=made.filename,
            pages=made.pages,
            ready_at=ready_at,
            expires_at=ready_at + KEEP_READY,
        )
        if stored:
            jobs.remove_expired.using(run_after=ready_at + KEEP_READY).enqueue(str(prepared.pk))
    return bool(stored)


def fetch(prepared: PreparedFile) -> bytes:
    """The file's content, for the user who asked; from now on it is kept only `KEEP_FETCHED`."""
    now = timezone.now()
    expires_at = min(prepared.expires_at, now + KEEP_FETCHED)
    content = PreparedFile.objects.filter(pk=prepared.pk).values_list("content", flat=True).get()
    if prepared.fetched_at is None:
        PreparedFile.objects.filter(pk=prepared.pk).update(fetched_at=now, expires_at=expires_at)
        jobs.remove_expired.using(run_after=expires_at).enqueue(str(prepared.pk))
    return bytes(content)


def remove_expired_files(now=None) -> int:
    """Every file past its time, and every one that was never made (the daily jobs run this)."""
    now = now or timezone.now()
    removed, _ = PreparedFile.objects.filter(
        Q(expires_at__lte=now) | Q(expires_at__isnull=True, requested_at__lte=now - PENDING_LIMIT)
    ).delete()
    return removed
