"""The period summary as a PDF, made in the background (`manage.py db_worker`): a year of a busy
client's journal is more than a request should wait for."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from rodtrad.exports import services as exports
from rodtrad.lib.pdf import render_pdf_document

from .summary import default_period, period_summary

KIND = "period_summary"
OBJECT_TYPE = "journal_summary"


def parameters_of(start: datetime.date | None, end: datetime.date | None) -> dict:
    """What the address asked for; no dates: the default period, decided when the file is made."""
    return {"fran": start.isoformat(), "till": end.isoformat()} if start and end else {}


def _build(client, prepared) -> exports.Made:
    if prepared.parameters:
        start = datetime.date.fromisoformat(prepared.parameters["fran"])
        end = datetime.date.fromisoformat(prepared.parameters["till"])
    else:
        start, end = default_period(client)
    context = {
        "client": client,
        "summary": period_summary(client, start, end),
        "produced_at": timezone.localtime(),
        "produced_by": prepared.requested_by,
    }
    pdf, pages = render_pdf_document("journal/summary_pdf.html", context)
    return exports.Made(pdf, f"periodsammanfattning-{client.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf", pages)


@task()
def make_period_summary(prepared_id: str) -> bool:
    with override("sv"):
        return exports.produce(
            prepared_id, _build, job="make_period_summary", object_type=OBJECT_TYPE, detail=_("file made")
        )
