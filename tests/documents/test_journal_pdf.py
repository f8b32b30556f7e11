"""The journal part of the file, set by ReportLab: the record's text as written (never read as
markup), and the pages numbered on from the front part, "Sida n av N" with one N throughout."""

import re
import shutil
import subprocess

import pytest

from rodtrad.documents.client_file_pdf import client_file_pdf
from rodtrad.documents.journal_pdf import journal_pdf
from rodtrad.journal import queries

from ..factories import SignedEntryFactory

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def pages_text(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1]


def test_markup_in_an_entry_is_printed_as_written(world):
    SignedEntryFactory(
        client=world.client, author=world.staff, text='Elsa skrev <b>"fet"</b> & <font size=40>stor</font>'
    )
    entries = queries.with_details(queries.signed_entries(world.client))
    pdf, pages = journal_pdf(entries, client_name="Elsa Lindqvist")
    text = " ".join(pages_text(pdf))
    assert '<b>"fet"</b> & <font size=40>stor</font>' in text
    assert pages == 1


def test_the_pages_are_numbered_through_both_parts(world):
    for number in range(120):
        SignedEntryFactory(client=world.client, author=world.staff, text=f"Anteckning {number}: Elsa gick ut.")
    pdf, total = client_file_pdf(world.client, produced_by=world.manager)
    pages = pages_text(pdf)
    assert len(pages) == total > 2
    numbers = [re.search(r"Sida (\d+) av (\d+)", page).groups() for page in pages]
    assert numbers == [(str(number), str(total)) for number in range(1, total + 1)]
    # The journal begins on a page of its own after the front part, with every entry in it.
    journal_start = next(index for index, page in enumerate(pages) if "Social journal" in page)
    assert journal_start > 0
    assert "Anteckning 119: Elsa gick ut." in " ".join(pages[journal_start:])
    assert all("Elsa Lindqvist" in page for page in pages)
