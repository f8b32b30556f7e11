"""The file for the authority as a background job (`manage.py db_worker` runs it): a record of
thousands of entries takes longer than a request may (docs/benchmarks.md)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from rodtrad.accounts.models import Membership
from rodtrad.exports import services as exports

from .client_file_pdf import client_file_pdf

KIND = "client_file"
OBJECT_TYPE = "client_file"
# Only a manager of one of the client's units may produce the file, asked for and when made.
ROLE = Membership.Role.MANAGER


def _build(client, prepared) -> exports.Made:
    pdf, pages = client_file_pdf(client, produced_by=prepared.requested_by)
    return exports.Made(pdf, f"genomforandeakt-{client.pk}-{timezone.localdate():%Y%m%d}.pdf", pages)


@task()
def make_client_file(prepared_id: str) -> bool:
    with override("sv"):
        return exports.produce(
            prepared_id, _build, job="make_client_file", object_type=OBJECT_TYPE, role=ROLE, detail=_("file made")
        )
