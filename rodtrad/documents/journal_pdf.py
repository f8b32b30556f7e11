"""The social journal part of the file for the authority, laid out with ReportLab.

WeasyPrint lays out the file's journal at 6–9 ms an entry: a client with 5,000 entries took
30–45 s, most of a minute's budget on this machine, for a part that is the same few paragraphs
over and over. ReportLab's platypus sets the same entries in 0.6 ms each (docs/benchmarks.md,
`bench/client_file.py --engine`), so the rest of the file stays an HTML template (WeasyPrint) and
the journal, its longest part by far, is set here in the same font, sizes and margins, and added
after it (documents/client_file_pdf.py).

Every text from the record goes through `_text`, which escapes it: platypus reads its own markup
(<b>, <font>, &amp;), and a journal entry must never be read as such."""

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

# The margins of documents/_print.css (@page: 22 mm 18 mm 24 mm).
TOP, SIDES, BOTTOM = 22 * mm, 18 * mm, 24 * mm
GREY = HexColor("#444444")
LINE = HexColor("#cccccc")


@cache
def _fonts() -> tuple[str, str]:
    """DejaVu Sans, as WeasyPrint uses from the system (Debian's fonts-dejavu-core)."""
    folder = Path(settings.RODTRAD_PDF_FONT_DIR)
    pdfmetrics.registerFont(TTFont("Rodtrad", str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Rodtrad-Bold", str(folder / "DejaVuSans-Bold.ttf")))
    return "Rodtrad", "Rodtrad-Bold"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=15, spaceAfter=1 * mm)
    return {
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=13, leading=18, spaceAfter=2 * mm),
        "head": ParagraphStyle("head", parent=body, fontName=bold),
        "body": body,
        "meta": ParagraphStyle("meta", parent=body, fontSize=9, leading=13, textColor=GREY),
        "objection": ParagraphStyle("objection", parent=body, leftIndent=4 * mm, textColor=GREY),
        "empty": body,
    }


def _text(value) -> str:
    """Record text as platypus text: escaped, line breaks kept."""
    return escape(str(value)).replace("\n", "<br/>")


def _when(value, format_string="j F Y H:i") -> str:
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return date_format(value, format_string)


def _head(entry) -> str:
    parts = [f"{_when(entry.occurred_at)} · {entry.get_category_display()}"]
    if entry.corrects_id:
        parts.append(_("Correction"))
    if entry.is_corrected:
        parts.append(_("Corrected"))
    if entry.late:
        parts.append(_("Written late"))
    return " · ".join(parts)


def _meta(entry) -> str:
    parts = []
    if entry.goal_id:
        parts.append(f"{_('Goal')}: {entry.goal.sentence}")
    elif entry.plan_item_id:
        parts.append(f"{_('Plan item')}: {entry.plan_item.title}")
    if entry.life_area_name:
        parts.append(entry.life_area_name)
    author = entry.author_name + (f", {entry.author_title}" if entry.author_title else "")
    if entry.recorded_by_system:
        # Who wrote it said once: Rödtråd, on whose behalf (as journal/_entry.html).
        author = f"{_('Rödtråd, on behalf of')} {author}"
    if entry.for_colleague:
        author += ", " + _("for %(name)s, %(title)s") % {"name": entry.colleague_name, "title": entry.colleague_title}
    parts.append(author)
    if entry.assessment_by:
        parts.append(f"{_('Assessment by')} {entry.assessment_by}")
    parts.append(f"{_('Signed')} {_when(entry.signed_at)}")
    return " · ".join(parts)


def _entry(entry, styles) -> KeepTogether:
    """One entry as the HTML file showed it: head, what it corrects, text, who and when, its
    corrections and the client's objections."""
    flowables = [Paragraph(_text(_head(entry)), styles["head"])]
    if entry.corrects_id:
        corrects = _("Corrects the entry of %(day)s.") % {"day": _when(entry.corrected_entry_at)}
        why = f"{corrects} {_('What is corrected and why:')} {entry.correction_reason}"
        flowables.append(Paragraph(_text(why), styles["meta"]))
    flowables.append(Paragraph(_text(entry.text), styles["body"]))
    flowables.append(Paragraph(_text(_meta(entry)), styles["meta"]))
    if entry.signed_corrections:
        by = "; ".join(
            _("%(who)s, %(when)s") % {"who": correction.author_name, "when": _when(correction.signed_at)}
            for correction in entry.signed_corrections
        )
        flowables.append(Paragraph(_text(f"{_('Corrected by')} {by}."), styles["meta"]))
    for objection in entry.shown_objections:
        raised = _("Objection raised %(day)s by %(who)s") % {
            "day": _when(objection.raised_on, "j F Y"),
            "who": objection.raised_by_name,
        }
        flowables.append(Paragraph(_text(f"{raised}: {objection.text}"), styles["objection"]))
    return KeepTogether([HRFlowable(width="100%", thickness=0.75, color=LINE, spaceAfter=1 * mm), *flowables])


def _numbered_canvas(first_page: int, header: str):
    """A canvas that writes "Sida n av N" and the client's name on every page once it knows how
    many pages there are: N is the pages before this part (first_page - 1) and this part's own."""
    regular, _bold = _fonts()

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = first_page - 1 + len(self._pages)
            for number, state in enumerate(self._pages, start=first_page):
                self.__dict__.update(state)
                self.setFont(regular, 9)
                self.setFillColor(GREY)
                self.drawCentredString(A4[0] / 2, BOTTOM / 2, f"Sida {number} av {total}")
                self.drawRightString(A4[0] - SIDES, A4[1] - TOP / 2, header)
                super().showPage()
            super().save()

    return NumberedCanvas


def journal_pdf(entries, *, client_name: str, first_page: int = 1) -> tuple[bytes, int]:
    """The journal part as a PDF whose pages are numbered from `first_page`, and its page count."""
    styles = _styles()
    story = [Paragraph(_text(_("Social journal")), styles["heading"])]
    for entry in entries:
        story.append(_entry(entry, styles))
        story.append(Spacer(1, 2 * mm))
    if len(story) == 1:
        story.append(Paragraph(_text(_("No signed entries.")), styles["empty"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        leftMargin=SIDES,
        rightMargin=SIDES,
        title=client_name,
        author="Rödtråd",
    )
    document.build(story, canvasmaker=_numbered_canvas(first_page, client_name))
    return buffer.getvalue(), document.page
