"""What the audit log says was done, in Swedish words: never the codes it stores."""

import re

from rodtrad.audit.descriptions import describe
from rodtrad.audit.models import AccessEvent, Action


def event(**fields):
    return AccessEvent(action=Action.VIEW, **fields)


def test_a_page_or_object_is_described_in_words_with_its_number_and_detail():
    assert describe(event(object_type="journal_entry", object_id="12", detail="monthly note")) == (
        "journalanteckning nr 12 – månadsanteckning"
    )
    assert describe(event(object_type="client_list")) == "listan över brukare (Mina brukare)"
    assert describe(event(object_type="", client_id=1)) == "brukarens akt"
    assert describe(event(object_type="", detail="Inloggning")) == "Inloggning"


def test_a_model_without_words_of_its_own_is_described_by_its_name():
    assert describe(event(object_type="planperiod", object_id="3")) == "planperiod nr 3"


def test_the_review_page_shows_no_internal_code(world, as_user):
    browser = as_user(world.manager)
    browser.get("/")
    browser.get(f"/brukare/{world.client.pk}/journal/")
    body = browser.get("/logg/").content.decode()
    assert "Mina brukare" in body
    assert not re.search(r"\b(client_list|journal_entry|oversight_list)\b", body)
