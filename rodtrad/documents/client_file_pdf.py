"""The file for the authority as a PDF: the record's front part (orders, plans, contacts,
consents) from its HTML template through WeasyPrint, the social journal through ReportLab
(journal_pdf.py), joined into one document numbered "Sida n av N" throughout.

The front part is laid out twice: once to learn its number of pages (where the journal's begin)
and once with the whole file's total in its footer. It is a few pages; the journal is the rest."""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfWriter
from weasyprint import HTML

from rodtrad.clients import services

from .client_file import client_file
from .journal_pdf import journal_pdf


def client_file_pdf(client, *, produced_by, produced_at=None) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    parts = client_file(client)
    context = parts | {
        "client": client,
        "closed": services.is_closed(client),
        "retention_from": services.retention_counted_from(client),
        "produced_at": timezone.localtime(produced_at),
        "produced_by": produced_by,
    }
    front_pages = len(HTML(string=render_to_string("documents/client_file.html", context)).render().pages)
    journal, journal_pages = journal_pdf(parts["journal_entries"], client_name=str(client), first_page=front_pages + 1)
    total = front_pages + journal_pages
    front = HTML(string=render_to_string("documents/client_file.html", context | {"total_pages": total})).render()
    writer = PdfWriter()
    writer.append(io.BytesIO(front.write_pdf()))
    writer.append(io.BytesIO(journal))
    writer.add_metadata({"/Title": str(client), "/Producer": "Rödtråd"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), total
