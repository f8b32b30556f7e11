"""The exports' own job: removing a file once it has expired. The jobs that make files live with
what they make (documents/jobs.py, journal/jobs.py) and call services.produce."""

from django.utils import timezone
from django_tasks import task

from .models import PreparedFile


@task()
def remove_expired(prepared_id: str) -> int:
    """Enqueued for the moment a file expires (when it is ready, again when it is fetched). A file
    whose expiry was brought forward has been removed by its earlier job already."""
    removed, _ = PreparedFile.objects.filter(pk=prepared_id, expires_at__lte=timezone.now()).delete()
    return removed
