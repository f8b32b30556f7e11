"""Oversight in a browser, on the demo data: the manager's dashboard, a count followed to its
list, the audit log review recorded, a spot check read and saved, the trends; and the contact
person's to-do on the start page. Every page passes the accessibility check."""

import re

import pytest
from playwright.sync_api import expect

from rodtrad.oversight.models import LogReview, SpotCheckItem

pytestmark = pytest.mark.e2e


def open_dashboard(page, live_server):
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Översikt").click()
    expect(page).to_have_url(f"{live_server.url}/oversikt/")
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_visible()
    # The trends arrive as a part of the page (htmx) after it has loaded.
    expect(page.locator("#trends figure").first).to_be_visible()


def test_the_manager_follows_a_count_to_its_list_and_records_the_log_review(
    page, live_server, demo_data, sign_in, assert_accessible
):
    sign_in(page, live_server, "chef")
    open_dashboard(page, live_server)
    assert_accessible(page)

    count = page.get_by_role("link", name=re.compile("Brukare utan signerad journalanteckning förra månaden"))
    number = int(count.locator(".count__number").inner_text())
    assert number > 0
    count.click()
    expect(page.get_by_role("heading", name="Brukare utan signerad journalanteckning förra månaden")).to_be_visible()
    expect(page.get_by_text(f"{number} poster")).to_be_visible()
    expect(page.get_by_role("link", name="Lindqvist, Elsa")).to_be_visible()  # Elsa's journal is empty
    expect(page.get_by_role("link", name="Åberg, Omar")).to_have_count(0)  # Omar has his monthly notes
    assert_accessible(page)

    page.get_by_role("link", name="Översikt").first.click()
    page.get_by_label("Enhet").select_option(label="Gruppbostaden Lärkan")
    page.get_by_role("button", name="Visa").click()
    expect(page).to_have_url(re.compile(r"\?enhet=\d+$"))
    expect(page.locator("#trends figure").first).to_be_visible()  # the live server's SQLite: one writer at a time
    expect(page.get_by_text("Inte granskad denna månad")).to_be_visible()
    page.get_by_label("Anteckning (frivillig)").fill("Granskade december, inget att anmärka på.")
    page.get_by_role("button", name="Registrera att loggen är granskad").click()
    expect(page.get_by_role("status")).to_contain_text("Logguppföljningen för Gruppbostaden Lärkan är registrerad")
    expect(page.get_by_text("Granskad denna månad")).to_be_visible()
    # The page loads its trends after it is shown; the test reads the database only when the
    # live server is done with it (SQLite in memory, one connection shared with the server).
    expect(page.locator("#trends figure").first).to_be_visible()
    review = LogReview.objects.latest("reviewed_at")
    assert (review.unit.name, review.reviewed_by.username) == ("Gruppbostaden Lärkan", "chef")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("enheter? vars logg inte har granskats denna månad")).click()
    expect(page.get_by_role("heading", name="Registrerade logguppföljningar")).to_be_visible()
    expect(page.get_by_role("cell", name="Granskade december, inget att anmärka på.")).to_be_visible()
    assert_accessible(page)


def test_the_manager_reads_a_sampled_journal_beside_the_writing_help_and_saves_the_check(
    page, live_server, demo_data, sign_in, assert_accessible
):
    sign_in(page, live_server, "chef")
    open_dashboard(page, live_server)
    page.get_by_role("button", name="Dra månadens stickprov vid Gruppbostaden Lärkan").click()
    expect(page.get_by_role("heading", name=re.compile("Kvalitetsstickprov .*, Gruppbostaden Lärkan"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^0 av [1-9] journaler granskade"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Berg, Maja").click()
    expect(page.get_by_role("heading", name="Stickprov: Maja Berg", level=1)).to_be_visible()
    expect(page.get_by_text("Maja var envis och vägrade duscha")).to_be_visible()
    expect(page.locator('.findings [data-code="value_laden"]').first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Spara granskningen").click()
    expect(page.get_by_text("Svara på den här punkten i checklistan.").first).to_be_visible()
    for question in ("Objektivt skrivet", "Inga medicinska", "Ingen annan brukare", "Det finns en anteckning"):
        page.get_by_role("group", name=re.compile(question)).get_by_label("Ja", exact=True).check()
    page.get_by_role("group", name=re.compile("Inga värdeladdade ord")).get_by_label("Nej, behöver förbättras").check()
    page.get_by_role("group", name=re.compile("Avvikelser från planen")).get_by_label("Ja", exact=True).check()
    page.get_by_role("group", name="Resultat", exact=True).get_by_label("Behöver förbättras", exact=True).check()
    page.get_by_label("Kommentar").fill("Skriv vad du såg: ”Maja sa nej till att duscha”, i stället för envis.")
    assert_accessible(page)
    page.get_by_role("button", name="Spara granskningen").click()

    expect(page.get_by_text(re.compile(r"^1 av [1-9] journaler granskade, 1 behöver förbättras"))).to_be_visible()
    item = SpotCheckItem.objects.get(client__last_name="Berg")
    assert (item.no_value_laden_words, item.outcome, item.checked_by.username) == ("not_met", "needs_work", "chef")


def test_the_trends_page_has_charts_and_tables(page, live_server, demo_data, sign_in, assert_accessible):
    sign_in(page, live_server, "chef")
    page.goto(f"{live_server.url}/oversikt/trender/")
    expect(page.get_by_role("heading", name="Trender för de senaste tolv månaderna")).to_be_visible()
    charts = page.get_by_role("img", name=re.compile("Andel brukare med signerad journalanteckning"))
    expect(charts).to_have_count(2)  # one per unit
    page.get_by_text("Visa som tabell").first.click()
    expect(page.get_by_role("table").first).to_be_visible()
    assert_accessible(page)


def test_the_contact_person_sees_what_to_do_first_on_the_start_page(
    page, live_server, demo_data, sign_in, assert_accessible
):
    sign_in(page, live_server, "kontaktman")
    todo = page.get_by_role("region", name="Att göra")
    expect(todo).to_be_visible()
    expect(todo.get_by_text("Elsa Lindqvist").first).to_be_visible()
    expect(todo.get_by_text("Omar Åberg").first).to_be_visible()
    expect(todo.get_by_role("link", name=re.compile("Följ upp målet"))).to_be_visible()
    assert_accessible(page)
    todo.get_by_role("link", name=re.compile("Utkast av Karim Haddad")).click()
    expect(page.get_by_label("Text", exact=True)).to_have_value(re.compile("resan till Göteborg"))
