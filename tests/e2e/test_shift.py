"""A shift on a phone (375×812): the main actions first and few, and nothing typed lost when the
same draft is open in two tabs or two sessions of its author."""

import re

import pytest
from playwright.sync_api import expect

from rodtrad.clients.models import Client
from rodtrad.journal.models import Category, Entry

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


class Actions:
    """What the person does, counted: a tap, a choice, or a typed text is one action each."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        locator.click()
        self.count += 1

    def choose(self, locator, **option):
        locator.select_option(**option)
        self.count += 1

    def type(self, locator, text):
        locator.focus()
        locator.press("Control+End")
        locator.press_sequentially(text)
        self.count += 1


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def elsa(demo_data):
    return Client.objects.get(first_name="Elsa", last_name="Lindqvist")


def in_first_screen(locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 48) <= 812


def row_of(page, client):
    return page.locator(".client-card").filter(has_text=f"{client.last_name}, {client.first_name}")


def test_a_signed_monthly_note_from_the_start_page_in_four_actions(phone, live_server, elsa, sign_in):
    sign_in(phone, live_server, "personal")
    actions = Actions()
    actions.tap(row_of(phone, elsa).get_by_role("button", name="Månadsanteckning"))
    text = phone.get_by_label("Text")
    expect(text).to_have_value(re.compile("Stödet har fungerat enligt genomförandeplanen"))
    assert in_first_screen(text)
    expect(phone.get_by_label("Månaden anteckningen gäller")).to_be_visible()
    actions.type(text, "Elsa säger att hon trivs och har varit ute varje dag.")
    expect(phone.locator("#save-status")).to_contain_text(re.compile(r"Sparat \d\d:\d\d"))
    actions.tap(phone.get_by_role("button", name="Granska och signera"))
    actions.tap(phone.get_by_role("button", name="Signera anteckningen"))
    expect(phone.get_by_text("Anteckningen är signerad.")).to_be_visible()
    assert actions.count <= 4
    note = Entry.objects.get(client=elsa, category=Category.MONTHLY, signed_at__isnull=False)
    assert "trivs" in note.text


def test_a_signed_entry_from_the_start_page_in_five_actions(phone, live_server, elsa, sign_in):
    sign_in(phone, live_server, "personal")
    actions = Actions()
    actions.tap(row_of(phone, elsa).get_by_role("link", name="Skriv anteckning"))
    text = phone.get_by_label("Text")
    assert in_first_screen(text)
    actions.choose(phone.get_by_label("Typ av anteckning"), label="Händelse av betydelse")
    actions.type(text, "Elsa gick till affären själv och handlade till middagen.")
    # The save status and the writing help stay in view beside the text while typing.
    expect(phone.locator("#save-status")).to_contain_text(re.compile(r"Sparat \d\d:\d\d"))
    assert in_first_screen(phone.locator("#save-status"))
    actions.tap(phone.get_by_role("button", name="Granska och signera"))
    actions.tap(phone.get_by_role("button", name="Signera anteckningen"))
    expect(phone.get_by_text("Anteckningen är signerad.")).to_be_visible()
    assert actions.count <= 5


def test_the_client_page_shows_the_shifts_actions_full_width_in_the_first_screen(phone, live_server, elsa, sign_in):
    sign_in(phone, live_server, "personal")
    phone.goto(f"{live_server.url}/brukare/{elsa.pk}/")
    for control in (
        phone.get_by_role("link", name="Skriv anteckning"),
        phone.get_by_role("button", name=re.compile("^Månadsanteckning för")),
    ):
        assert in_first_screen(control)
        assert control.bounding_box()["width"] >= 375 - 2 * 20


def test_a_finding_is_marked_where_it_is_in_the_text(phone, live_server, elsa, sign_in):
    sign_in(phone, live_server, "personal")
    phone.goto(f"{live_server.url}/brukare/{elsa.pk}/journal/ny/")
    phone.get_by_label("Text").press_sequentially("Elsa var tjurig på morgonen.")
    mark = phone.locator(".marked-text__mark")
    expect(mark).to_have_text("tjurig")
    phone.get_by_role("button", name="Visa i texten").first.click()
    selected = phone.evaluate(
        "() => { const t = document.querySelector('#id_text'); return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == "tjurig"


def saved(page):
    expect(page.locator("#save-status")).to_contain_text(re.compile(r"Sparat \d\d:\d\d"))


def start_draft(page, live_server, client) -> str:
    """A draft written in the browser, as staff start one: the address it is edited at."""
    page.goto(f"{live_server.url}/brukare/{client.pk}/journal/ny/")
    page.get_by_label("Typ av anteckning").select_option(label="Händelse av betydelse")
    page.get_by_label("Text").press_sequentially("Början.")
    saved(page)
    expect(page).to_have_url(re.compile(r"/journal/\d+/andra/$"))
    return page.url


def open_draft(page, url):
    page.goto(url)
    expect(page.get_by_label("Text")).to_have_value(re.compile("Början."))


def type_at_end(page, text):
    area = page.get_by_label("Text")
    area.focus()
    area.press("Control+End")
    area.press_sequentially(text)


def draft_text(url) -> str:
    return Entry.objects.get(pk=int(url.rstrip("/").split("/")[-2])).text


def test_text_typed_offline_in_one_tab_is_never_discarded_when_another_tab_saves(browser, live_server, elsa, sign_in):
    context = browser.new_context(**PHONE)
    first, second = context.new_page(), context.new_page()
    sign_in(first, live_server, "personal")
    url = start_draft(first, live_server, elsa)
    open_draft(second, url)
    # The first tab loses its connection (its saves cannot reach the server), the second not.
    autosave = re.compile(r".*/utkast/spara/$")
    first.route(autosave, lambda route: route.abort("internetdisconnected"))
    type_at_end(first, " Skrivet utan anslutning i första fliken.")
    expect(first.locator("#save-status")).to_contain_text("ingen anslutning")
    type_at_end(second, " Skrivet i andra fliken.")
    saved(second)
    # The first tab's connection comes back: its text is sent, over a version now older.
    first.unroute(autosave)
    first.evaluate("() => window.dispatchEvent(new Event('online'))")
    conflict = first.locator("[data-draft-conflict]")
    expect(conflict).to_contain_text("Skrivet i andra fliken.")
    expect(first.get_by_label("Text")).to_have_value(re.compile("Skrivet utan anslutning i första fliken"))
    # Kept in the browser as well: a page opened now offers it.
    third = context.new_page()
    open_draft(third, url)
    expect(third.get_by_role("button", name="Använd texten från webbläsaren")).to_be_visible()
    # The writer keeps their own text: it is saved over the other tab's.
    first.get_by_role("button", name="Spara min text i stället").click()
    expect(first.get_by_text("Utkastet är sparat.", exact=False)).to_be_visible()
    assert "Skrivet utan anslutning i första fliken." in draft_text(url)
    context.close()


def test_two_sessions_of_the_same_author_never_save_over_each_other_silently(browser, live_server, elsa, sign_in):
    phone_context, desk_context = browser.new_context(**PHONE), browser.new_context()
    phone, desk = phone_context.new_page(), desk_context.new_page()
    sign_in(phone, live_server, "personal")
    sign_in(desk, live_server, "personal")
    url = start_draft(phone, live_server, elsa)
    open_draft(desk, url)
    type_at_end(desk, " Från datorn.")
    saved(desk)
    type_at_end(phone, " Från telefonen.")
    conflict = phone.locator("[data-draft-conflict]")
    expect(conflict).to_contain_text("Från datorn.")
    expect(phone.locator("#save-status")).to_contain_text("Inte sparat")
    assert "Från telefonen" not in draft_text(url)
    # Choosing the saved version opens it; the phone's text is not forced on it.
    phone.get_by_role("link", name="Använd den sparade versionen").click()
    expect(phone.get_by_label("Text")).to_have_value(re.compile("Från datorn."))
    phone_context.close()
    desk_context.close()
