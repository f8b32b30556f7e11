"""The foundation as a user meets it in a browser, on the demo data: sign in, see your own
unit's clients in Swedish order, search, open a client, sign out; a manager finds that visit
in the audit log review; and a client of another unit is not there at all."""

import re

import pytest
from playwright.sync_api import expect

from rodtrad.clients.models import Client

pytestmark = pytest.mark.e2e

GROUP_HOME = "Gruppbostaden Lärkan"
SWEDISH_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"


def swedish_order(name):
    """Sort key: Å, Ä and Ö are the last letters of the Swedish alphabet, after Z."""
    return [SWEDISH_ALPHABET.find(letter) for letter in name.lower()]


def names(clients):
    return sorted((f"{client.last_name}, {client.first_name}" for client in clients), key=swedish_order)


def client_links(page):
    # The client's name; each row also has the shift's actions (Skriv anteckning, Månadsanteckning).
    return page.locator("#client-results").get_by_role("listitem").locator("a.client-card__name")


def test_staff_see_their_units_clients_and_a_manager_sees_the_visit_in_the_log(
    page, live_server, demo_data, sign_in, assert_accessible
):
    group_home = names(Client.objects.filter(orders__unit__name=GROUP_HOME).distinct())
    elsewhere = names(Client.objects.exclude(orders__unit__name=GROUP_HOME))
    assert {"Lindqvist, Elsa", "Åberg, Omar", "Öhman, Jonas", "Berg, Maja", "Ängström, Sven"} <= set(group_home)
    assert {"Zetterlund, Linnea", "Eklund, Amir", "Nyström, Greta", "Andersson, Bertil"} <= set(elsewhere)

    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Logga in i Rödtråd")).to_be_visible()
    assert_accessible(page)

    # Support staff at the group home see its clients in Swedish order, and nobody else's.
    sign_in(page, live_server, "personal")
    expect(page.get_by_role("heading", name="Mina brukare")).to_be_visible()
    expect(client_links(page)).to_have_text(group_home)
    expect(client_links(page).last).to_have_text("Öhman, Jonas")
    expect(page.get_by_text(f"{len(group_home)} brukare")).to_be_visible()
    for name in elsewhere:
        expect(page.get_by_text(name)).to_have_count(0)
    assert_accessible(page)

    # The list narrows while typing, without a page load, and the address can be shared.
    page.get_by_label("Sök på namn eller personnummer").fill("berg")
    found = [name for name in group_home if "berg" in name.lower()]
    expect(client_links(page)).to_have_text(found)
    assert {"Berg, Maja", "Åberg, Omar"} <= set(found)
    assert "Lindqvist, Elsa" not in found
    expect(page.get_by_text(f"{len(found)} brukare som matchar ”berg”")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?q=berg$"))
    assert_accessible(page)

    page.get_by_role("link", name="Åberg, Omar").click()
    expect(page.get_by_role("heading", name="Omar Åberg", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Rödtråd")).to_be_visible()

    # The unit manager opens a client, then finds that visit in the audit log review.
    sign_in(page, live_server, "chef")
    page.get_by_role("link", name="Zetterlund, Linnea").click()
    expect(page.get_by_role("heading", name="Linnea Zetterlund", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Logguppföljning").click()
    expect(page).to_have_url(f"{live_server.url}/logg/")
    expect(page.get_by_role("heading", name="Logguppföljning", level=1)).to_be_visible()
    visit = page.get_by_role("row").filter(has_text="Cecilia Ekström").filter(has_text="Linnea Zetterlund")
    expect(visit).to_have_count(1)
    expect(visit.get_by_role("cell").nth(3)).to_have_text("visa")
    # Support staff's visit earlier is there too: the manager reviews the whole unit.
    expect(page.get_by_role("row").filter(has_text="Pia Lund").filter(has_text="Omar Åberg")).to_have_count(1)
    assert_accessible(page)


def test_a_client_of_another_unit_is_not_found(page, live_server, demo_data, sign_in, assert_accessible):
    daily_activity_only = Client.objects.get(last_name="Zetterlund")
    sign_in(page, live_server, "personal")

    response = page.goto(f"{live_server.url}/brukare/{daily_activity_only.pk}/")

    assert response.status == 404
    expect(page.get_by_role("heading", name="Sidan finns inte")).to_be_visible()
    expect(page.get_by_text("Zetterlund")).to_have_count(0)
    assert_accessible(page)


def test_pages_get_their_stylesheet_and_scripts(page, live_server, demo_data, sign_in):
    """An unstyled page is hard to use on a phone, and without htmx the live search is gone."""
    failed = []

    def note_failure(response):
        if "/static/" in response.url and not response.ok:
            failed.append(f"{response.status} {response.url}")

    page.on("response", note_failure)
    page.goto(live_server.url)
    sign_in(page, live_server, "personal")
    page.wait_for_load_state("load")

    assert not failed, "Static files that did not load:\n" + "\n".join(failed)
