"""The register in a browser, on the demo data: a manager registers a client with the order from
the authority (a mistyped personnummer first, answered in Swedish next to the field with what was
typed kept), reads the overview, and closes the case: the order ends with a journal note, the
record becomes read-only with the date retention counts from, and the file for the authority is
produced and recorded as sent."""

import re
import subprocess

import pytest
from playwright.sync_api import expect
from stdnum import luhn

from rodtrad.clients.models import Client

from ..jobs import run_jobs

pytestmark = pytest.mark.e2e

BODY = "930615998"  # an invented birth date with a test-series birth number
VALID = f"19{BODY[:6]}-{BODY[6:]}{luhn.calc_check_digit(BODY)}"
MISTYPED = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)


def test_a_manager_registers_a_client_with_an_order_and_closes_the_case(
    page, live_server, demo_data, sign_in, assert_accessible, monkeypatch
):
    sign_in(page, live_server, "chef")
    page.get_by_role("link", name="Registrera brukare").click()
    expect(page.get_by_role("heading", name="Registrera brukare", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Förnamn").fill("Nora")
    page.get_by_label("Efternamn").fill("Ek")
    page.get_by_role("textbox", name="Identitetsnummer").fill(MISTYPED)
    page.get_by_label("Språk").fill("svenska")
    page.get_by_label("Insats").select_option(label="LSS Daglig verksamhet (9 § 10 LSS)")
    page.get_by_label("Utförande enhet").select_option(label="Daglig verksamhet Verkstan")
    page.get_by_label("Beslutsdatum").fill("2026-10-20")
    page.get_by_label("Gäller från").fill("2026-11-02")
    page.get_by_label("Beställningens personliga mål").fill("Nora vill arbeta med textil tre dagar i veckan.")
    page.get_by_role("textbox", name="Handläggare", exact=True).fill("Lena Handläggare")
    page.get_by_role("button", name="Registrera brukaren").click()

    # Refused in Swedish, next to the field, with everything typed still there.
    number = page.get_by_role("textbox", name="Identitetsnummer")
    field = page.locator(".field", has=number)
    expect(field).to_contain_text("Kontrollsiffran är fel. Kontrollera att numret är rätt skrivet.")
    expect(number).to_have_value(MISTYPED)
    expect(page.get_by_label("Förnamn")).to_have_value("Nora")
    expect(page.get_by_label("Beställningens personliga mål")).to_have_value(
        "Nora vill arbeta med textil tre dagar i veckan."
    )
    assert not Client.objects.filter(last_name="Ek").exists()
    assert_accessible(page)

    number.fill(VALID)
    page.get_by_role("button", name="Registrera brukaren").click()

    # The overview: the order with its goals, and what is due.
    expect(page.get_by_role("heading", name="Nora Ek", level=1)).to_be_visible()
    expect(page.get_by_text(VALID)).to_be_visible()
    orders = page.get_by_role("region", name="Pågående beställningar")
    expect(orders).to_contain_text("Daglig verksamhet Verkstan")
    expect(orders).to_contain_text("Nora vill arbeta med textil tre dagar i veckan.")
    expect(page.get_by_role("region", name="Att göra för brukaren")).to_contain_text(
        "Första genomförandeplan för Daglig verksamhet"
    )
    assert_accessible(page)

    orders.get_by_role("link", name="Avsluta beställningen").click()
    expect(page.get_by_role("heading", name="Avsluta beställningen: Daglig verksamhet", level=1)).to_be_visible()
    page.get_by_label("Avslutad").fill("2026-11-30")
    page.get_by_label("Orsak till avslut").fill("Nora har valt en annan daglig verksamhet.")
    assert_accessible(page)
    page.get_by_role("button", name="Avsluta beställningen").click()

    # Read-only, with the retention date and the journal note that records the end.
    expect(
        page.get_by_text("Beställningen är avslutad. Skicka akten till myndigheten inom två månader.")
    ).to_be_visible()
    expect(
        page.get_by_text("Ärendet är avslutat: akten är skrivskyddad. Gallringsfristen räknas från 30 november 2026.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Ändra personuppgifter")).to_have_count(0)
    journal = page.get_by_role("region", name="Social journal")
    expect(journal).to_contain_text("Nora har valt en annan daglig verksamhet.")
    due = page.get_by_role("region", name="Att göra för brukaren")
    expect(due).to_contain_text("Skicka akten för Daglig verksamhet till myndigheten")
    assert_accessible(page)

    # The file is made by the worker: first a page that says so and waits, then the file itself.
    page.get_by_role("link", name="Ta fram genomförandeakten till myndigheten (PDF)").click()
    expect(page.get_by_role("heading", name="Filen förbereds", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Filen för Nora Ek framställs.")
    assert_accessible(page)

    # Once the worker has made it, the page's own poll sends the browser to the file.
    def is_the_file(response):
        return response.url.endswith("/akt.pdf") and response.headers.get("content-type") == "application/pdf"

    with page.expect_response(is_the_file, timeout=20_000) as answer:
        run_jobs(monkeypatch)
    # The browser shows it in its viewer; read it again as the user's browser would save it.
    pdf = page.context.request.get(answer.value.url).body()
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    flat = " ".join(text.split())
    assert "Nora Ek" in flat and "Genomförandeakt" in flat
    assert "Nora har valt en annan daglig verksamhet." in flat.split("Social journal")[-1]
    assert re.search(r"Sida 1 av \d", text)

    # Back on the client's page, from the PDF viewer.
    page.goto(answer.value.url.removesuffix("akt.pdf"))
    page.get_by_role("button", name="Registrera att akten är skickad").click()
    expect(
        page.get_by_text(re.compile(r"Akten skickades till myndigheten \d+ \w+ 2026 av Cecilia Ekström"))
    ).to_be_visible()
    expect(due).not_to_contain_text("Skicka akten")
    assert_accessible(page)
    order = Client.objects.get(last_name="Ek").orders.get()
    assert order.file_sent_on is not None and order.end_reason == "Nora har valt en annan daglig verksamhet."
