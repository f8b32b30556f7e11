"""PDF from a Django template through WeasyPrint: Swedish, A4, page numbers in the footer."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    return HTML(string=html).write_pdf()


def render_pdf_document(template_name: str, context: dict) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    document = HTML(string=render_to_string(template_name, context)).render()
    return document.write_pdf(), len(document.pages)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Exports of client records must not linger in shared caches.
    response["Cache-Control"] = "no-store"
    return response
