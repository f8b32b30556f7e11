"""`/halsa/`: whether this app server can serve. 200 when the database answers, every migration
is applied and the job queue can be read; 503 otherwise. For a load balancer or a monitor: no
sign-in, no personal data, nothing but the checks and the queue's length."""

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _migrations():
    executor = MigrationExecutor(connection)
    waiting = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return {"ok": not waiting, "unapplied": len(waiting)}


def _queue():
    """The jobs waiting, and how long the oldest has waited: a monitor should warn when that
    grows (no worker running), though the app server itself can still serve."""
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "ok": True,
        "waiting": waiting.count(),
        "oldest_waiting_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else 0,
    }


CHECKS = {"database": _database, "migrations": _migrations, "queue": _queue}


@login_not_required
@require_safe
@never_cache
@transaction.non_atomic_requests
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except DatabaseError as error:
            # The error's class only: a message can quote data.
            results[name] = {"ok": False, "error": type(error).__name__}
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "fail", **results}, status=200 if healthy else 503)
