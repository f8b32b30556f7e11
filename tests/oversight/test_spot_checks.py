"""The monthly quality spot check: ten journals drawn once a month, read through the access
helper (and so logged), with the writing assistant's findings beside each entry, and the
manager's checklist, outcome and comment stored."""

import datetime

import pytest
from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.journal import assistant
from rodtrad.oversight import services
from rodtrad.oversight.models import Outcome, SpotCheck, SpotCheckItem

from ..factories import SignedEntryFactory, client_at, end_orders

ALL_MET = {
    "objective": "met",
    "no_value_laden_words": "met",
    "no_medical_details": "met",
    "no_other_clients": "met",
    "deviations_written": "not_applicable",
    "monthly_note_present": "met",
}


@pytest.fixture
def many_clients(world):
    return [world.client] + [client_at(world.unit, first_name=f"Brukare{n}") for n in range(14)]


def draw(browser, unit):
    return browser.post("/oversikt/stickprov/", {"enhet": unit.pk})


def test_ten_journals_are_drawn_once_a_month_from_the_unit(world, as_user, many_clients):
    browser = as_user(world.manager)
    response = draw(browser, world.unit)
    check = SpotCheck.objects.get()
    assert response.status_code == 302 and response.url == f"/oversikt/stickprov/{check.pk}/"
    sampled = set(check.items.values_list("client_id", flat=True))
    assert len(sampled) == 10
    assert sampled <= {client.pk for client in many_clients}
    draw(browser, world.unit)
    assert SpotCheck.objects.count() == 1
    assert set(check.items.values_list("client_id", flat=True)) == sampled
    assert (check.month, check.drawn_by) == (timezone.localdate().replace(day=1), world.manager)


def test_a_new_month_draws_a_new_sample(world, many_clients):
    first = services.draw_spot_check(world.unit, user=world.manager, today=datetime.date(2026, 11, 30))
    second = services.draw_spot_check(world.unit, user=world.manager, today=datetime.date(2026, 12, 1))
    assert first != second
    assert (first.month, second.month) == (datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))


def test_a_small_unit_has_all_its_open_journals_drawn(world):
    closed = client_at(world.unit, first_name="Avslutad")
    end_orders(closed, datetime.date(2026, 1, 1))
    check = services.draw_spot_check(world.unit, user=world.manager)
    assert list(check.items.values_list("client", flat=True)) == [world.client.pk]


def test_only_a_manager_of_the_unit_draws_or_opens_its_spot_check(world, as_user):
    assert draw(as_user(world.outside_manager), world.unit).status_code == 404
    assert draw(as_user(world.staff), world.unit).status_code == 404
    check = services.draw_spot_check(world.unit, user=world.manager)
    assert as_user(world.outside_manager).get(f"/oversikt/stickprov/{check.pk}/").status_code == 404
    item_url = f"/oversikt/stickprov/{check.pk}/brukare/{world.client.pk}/"
    assert as_user(world.outside_manager).get(item_url).status_code == 404
    assert as_user(world.staff).get(item_url).status_code == 404
    assert not AccessEvent.objects.filter(client=world.client).exists()


def test_reading_a_sampled_journal_is_logged_and_shows_the_months_entries_with_findings(world, as_user, monkeypatch):
    check = services.draw_spot_check(world.unit, user=world.manager, today=datetime.date(2026, 12, 3))
    inside = timezone.make_aware(datetime.datetime(2026, 11, 14, 10))
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=inside, text="Elsa var lat i dag.")
    SignedEntryFactory(
        client=world.client,
        author=world.staff,
        occurred_at=timezone.make_aware(datetime.datetime(2026, 10, 31, 10)),
        text="Oktoberanteckningen hör inte hit.",
    )
    seen = {}

    def check_journal(text, other_clients=()):
        seen["other_clients"] = list(other_clients)
        start = text.find("lat")
        return [FakeFinding("value_laden", start, start + 3, "Värdeladdat ord: lat")] if start >= 0 else []

    monkeypatch.setattr(assistant, "_check_journal", lambda: check_journal)
    body = as_user(world.manager).get(f"/oversikt/stickprov/{check.pk}/brukare/{world.client.pk}/").content.decode()
    assert "Elsa var lat i dag." in body
    assert "Värdeladdat ord: lat" in body
    assert "Oktoberanteckningen" not in body
    assert seen["other_clients"] == []  # the manager sees no other client of the unit
    event = AccessEvent.objects.get(client=world.client, user=world.manager)
    assert (event.action, event.object_type) == (Action.VIEW, "spot_check")


class FakeFinding:
    def __init__(self, code, start, end, message):
        self.code, self.start, self.end, self.message = code, start, end, message

    def to_dict(self):
        return {"code": self.code, "start": self.start, "end": self.end, "message": self.message, "suggestion": None}


def test_the_real_writing_assistant_finds_a_value_laden_word_in_a_sampled_entry(world, as_user):
    check = services.draw_spot_check(world.unit, user=world.manager)
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    occurred = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(10)))
    SignedEntryFactory(
        client=world.client, author=world.staff, occurred_at=occurred, text="Elsa var lat och besvärlig."
    )
    body = as_user(world.manager).get(f"/oversikt/stickprov/{check.pk}/brukare/{world.client.pk}/").content.decode()
    assert 'data-code="value_laden"' in body


def test_the_checklist_outcome_and_comment_are_stored_with_who_and_when(world, as_user):
    check = services.draw_spot_check(world.unit, user=world.manager)
    url = f"/oversikt/stickprov/{check.pk}/brukare/{world.client.pk}/"
    data = ALL_MET | {"no_value_laden_words": "not_met", "outcome": "needs_work", "comment": "Skriv vad du såg."}
    response = as_user(world.manager).post(url, data)
    assert response.status_code == 302
    item = SpotCheckItem.objects.get()
    assert (item.no_value_laden_words, item.outcome, item.comment) == (
        "not_met",
        Outcome.NEEDS_WORK,
        "Skriv vad du såg.",
    )
    assert item.checked_by == world.manager and item.checked_at is not None
    assert AccessEvent.objects.filter(client=world.client, action=Action.UPDATE, object_type="spot_check").exists()
    overview = as_user(world.manager).get(f"/oversikt/stickprov/{check.pk}/").content.decode()
    assert "1 av 1 journaler granskade" in overview
    assert "Behöver förbättras" in overview


def test_a_check_that_needs_work_needs_a_comment_and_nothing_typed_is_lost(world, as_user):
    check = services.draw_spot_check(world.unit, user=world.manager)
    url = f"/oversikt/stickprov/{check.pk}/brukare/{world.client.pk}/"
    data = ALL_MET | {"objective": "not_met", "outcome": "needs_work", "comment": "  "}
    response = as_user(world.manager).post(url, data | {"no_medical_details": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Svara på den här punkten i checklistan." in body
    assert "Skriv vad som behöver förbättras" in body
    assert '<input type="radio" name="objective" value="not_met" id="id_objective_1" required checked>' in body
    assert not SpotCheckItem.objects.get().is_checked


def test_a_client_outside_the_sample_is_not_found(world, as_user):
    check = services.draw_spot_check(world.unit, user=world.manager)
    other = client_at(world.unit, first_name="Inte", last_name="Draget")
    assert as_user(world.manager).get(f"/oversikt/stickprov/{check.pk}/brukare/{other.pk}/").status_code == 404


def test_the_dashboard_shows_the_months_progress(world, as_user):
    body = as_user(world.manager).get("/oversikt/").content.decode()
    assert "Dra månadens stickprov vid Gruppbostaden Testet" in body
    check = services.draw_spot_check(world.unit, user=world.manager)
    services.record_check(check.items.get(), user=world.manager, answers=ALL_MET, outcome="approved")
    body = as_user(world.manager).get("/oversikt/").content.decode()
    assert "1 av 1 journaler granskade" in body
