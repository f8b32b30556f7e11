"""Consents as the routine wants them recorded, reviewed and withdrawn."""

import datetime

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients.due import consent_review
from rodtrad.clients.models import ClientContact, Consent, ConsentReview
from rodtrad.plans import services as plans

from ..factories import ConsentFactory, ContactFactory, end_orders


def says(response, message):
    """The message as the user reads it: in Swedish once the catalogue is compiled."""
    return escape(gettext(message)) in response.content.decode()


def consents_url(client, suffix=""):
    return f"/brukare/{client.pk}/samtycken/{suffix}"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def new_consent(**changes):
    data = {
        "scope": "Att uppgifter om anfall får lämnas till skolans personal",
        "share_with": "Skolsköterskan på Solskolan",
        "kind": Consent.Kind.EXPLICIT,
        "method": Consent.Method.AAC,
        "how_obtained": "Med bildstöd, två tillfällen",
        "given_on": days_ago(3).isoformat(),
        "given_by_representative": "",
        "representative_power": "",
    }
    return {**data, **changes}


POWER_REQUIRED = (
    "Write which power of attorney, or which part of the guardianship, lets the representative consent for the client."
)


def test_a_consent_given_by_the_client_is_recorded_and_logged(world, as_user):
    response = as_user(world.staff).post(consents_url(world.client, "nytt/"), new_consent())
    assert response.status_code == 302
    consent = Consent.objects.get(client=world.client)
    assert (consent.recorded_by, consent.given_by_representative, consent.method) == (world.staff, None, "aac")
    assert consent.share_with == "Skolsköterskan på Solskolan"
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.user, event.action, event.object_type) == (world.staff, Action.CREATE, "consent")


def test_a_representative_without_power_is_refused_and_what_was_typed_is_kept(world, as_user):
    god_man = ContactFactory(client=world.client, kind=ClientContact.Kind.GOOD_MAN, name="Karin Holm")
    response = as_user(world.staff).post(
        consents_url(world.client, "nytt/"), new_consent(given_by_representative=god_man.pk)
    )
    assert response.status_code == 200
    assert not Consent.objects.exists()
    body = response.content.decode()
    assert says(response, POWER_REQUIRED)
    assert 'id="id_representative_power_error"' in body
    assert "Att uppgifter om anfall får lämnas till skolans personal</textarea>" in body
    assert f'<option value="{god_man.pk}" selected>' in body


def test_a_representative_with_power_is_recorded_as_the_giver(world, as_user):
    relative = ContactFactory(client=world.client, kind=ClientContact.Kind.RELATIVE, name="Maja Lind")
    data = new_consent(given_by_representative=relative.pk, representative_power="Fullmakt 2025-01-10, vård och omsorg")
    as_user(world.staff).post(consents_url(world.client, "nytt/"), data)
    consent = Consent.objects.get()
    assert consent.given_by_representative == relative
    listing = as_user(world.staff).get(consents_url(world.client)).content.decode()
    assert "Maja Lind" in listing and "Fullmakt 2025-01-10, vård och omsorg" in listing


def test_a_power_typed_when_the_client_gave_it_is_not_kept(world, as_user):
    as_user(world.staff).post(consents_url(world.client, "nytt/"), new_consent(representative_power="Fullmakt"))
    assert Consent.objects.get().representative_power == ""


def test_only_the_clients_own_relatives_and_representatives_can_give_it(world, as_user):
    neighbour = ContactFactory(client=world.client, kind=ClientContact.Kind.OTHER, name="Granne")
    strangers_god_man = ContactFactory(client=world.other_client, kind=ClientContact.Kind.GOOD_MAN)
    browser = as_user(world.staff)
    assert "Granne" not in browser.get(consents_url(world.client, "nytt/")).content.decode()
    for contact in (neighbour, strangers_god_man):
        data = new_consent(given_by_representative=contact.pk, representative_power="Fullmakt")
        response = browser.post(consents_url(world.client, "nytt/"), data)
        assert says(response, "Choose one of the client's relatives or representatives.")
    assert not Consent.objects.exists()


def test_a_consent_cannot_be_given_in_the_future(world, as_user):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = as_user(world.staff).post(consents_url(world.client, "nytt/"), new_consent(given_on=tomorrow))
    assert says(response, "A consent cannot be given in the future.")
    assert not Consent.objects.exists()


def test_the_list_shows_kind_method_scope_and_who_recorded_it(world, as_user):
    ConsentFactory(client=world.client, recorded_by=world.staff, kind=Consent.Kind.IMPLIED)
    response = as_user(world.staff).get(consents_url(world.client))
    body = response.content.decode()
    assert escape(gettext("Implied (shown by action)")) in body
    assert escape(gettext("Orally")) in body
    assert "Att dela uppgifter om medicinering" in body and "Dagliga verksamheten" in body
    assert world.staff.last_name in body
    assert AccessEvent.objects.get(client=world.client).object_type == "consent_list"


def given(consent, day):
    """The consent was given on `day` instead, due a year after (clients/due/consent_review.py)."""
    consent.given_on = day
    consent_review.set_seen(consent, day)
    consent.save()


def test_review_is_due_a_year_after_it_was_given_not_before(world, as_user):
    ConsentFactory(client=world.client, given_on=days_ago(364), scope="Nästan ett år")
    browser = as_user(world.staff)
    assert not says(browser.get(consents_url(world.client)), "Review due")
    given(Consent.objects.get(), days_ago(365))
    assert says(browser.get(consents_url(world.client)), "Review due")
    given(Consent.objects.get(), days_ago(366))
    assert says(browser.get(consents_url(world.client)), "Review overdue")


def test_a_review_is_recorded_with_date_and_who_and_moves_the_next_review(world, as_user):
    consent = ConsentFactory(client=world.client, given_on=days_ago(400))
    response = as_user(world.manager).post(
        consents_url(world.client, f"{consent.pk}/uppfoljning/"),
        {"reviewed_on": days_ago(1).isoformat(), "note": "Vill fortfarande att skolan vet."},
    )
    assert response.status_code == 302
    review = ConsentReview.objects.get(consent=consent)
    assert (review.reviewed_by, review.reviewed_on) == (world.manager, days_ago(1))
    consent.refresh_from_db()
    assert consent.review_due_on == days_ago(1) + datetime.timedelta(days=365)
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_id) == (Action.CREATE, str(consent.pk))
    listing = as_user(world.manager).get(consents_url(world.client))
    assert not says(listing, "Review overdue")
    assert "Vill fortfarande att skolan vet." in listing.content.decode()


def test_a_withdrawn_consent_stays_visible_marked_withdrawn(world, as_user):
    consent = ConsentFactory(client=world.client, given_on=days_ago(30), scope="Dela med korttidsboendet")
    browser = as_user(world.staff)
    response = browser.post(
        consents_url(world.client, f"{consent.pk}/aterkallelse/"),
        {"withdrawn_on": days_ago(2).isoformat(), "note": "Sa nej när vi frågade igen."},
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.is_active) == (days_ago(2), False)
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert event.action == Action.UPDATE

    listing = browser.get(consents_url(world.client))
    assert listing.context["withdrawn"] == [consent] and listing.context["active"] == []
    body = listing.content.decode()
    assert "Dela med korttidsboendet" in body and "Sa nej när vi frågade igen." in body
    assert says(listing, "Withdrawn")
    assert f"{consent.pk}/uppfoljning/" not in body


def test_a_withdrawal_cannot_be_before_the_consent_or_in_the_future_or_twice(world, as_user):
    consent = ConsentFactory(client=world.client, given_on=days_ago(10))
    browser = as_user(world.staff)
    url = consents_url(world.client, f"{consent.pk}/aterkallelse/")
    before = browser.post(url, {"withdrawn_on": days_ago(11).isoformat(), "note": "Nej"})
    assert says(before, "A consent cannot be withdrawn before it was given.")
    assert "Nej</textarea>" in before.content.decode()
    future = browser.post(
        url, {"withdrawn_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(), "note": "Nej"}
    )
    assert says(future, "A withdrawal cannot be dated in the future.")
    consent.refresh_from_db()
    assert consent.is_active
    browser.post(url, {"withdrawn_on": days_ago(1).isoformat(), "note": "Nej"})
    again = browser.post(url, {"withdrawn_on": days_ago(0).isoformat(), "note": "Nej igen"})
    assert says(again, "The consent has already been withdrawn.")
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawal_note) == (days_ago(1), "Nej")


def test_an_outsider_gets_404_and_changes_nothing(world, as_user):
    consent = ConsentFactory(client=world.client)
    browser = as_user(world.outsider)
    assert browser.get(consents_url(world.client)).status_code == 404
    assert browser.post(consents_url(world.client, "nytt/"), new_consent()).status_code == 404
    withdrawal = {"withdrawn_on": days_ago(0).isoformat(), "note": "x"}
    assert browser.post(consents_url(world.client, f"{consent.pk}/aterkallelse/"), withdrawal).status_code == 404
    consent.refresh_from_db()
    assert consent.is_active and Consent.objects.count() == 1
    assert not AccessEvent.objects.filter(client=world.client).exists()


def test_after_all_orders_ended_consents_are_read_only_but_still_shown(world, as_user):
    consent = ConsentFactory(client=world.client, given_on=days_ago(30))
    end_orders(world.client, days_ago(1))
    browser = as_user(world.staff)
    listing = browser.get(consents_url(world.client))
    assert consent.scope in listing.content.decode()
    assert says(listing, "The case is closed and the record is read-only.")
    response = browser.post(consents_url(world.client, "nytt/"), new_consent(), follow=True)
    assert says(response, "The case is closed and the record is read-only.")
    browser.post(consents_url(world.client, f"{consent.pk}/aterkallelse/"), {"withdrawn_on": days_ago(0), "note": "x"})
    consent.refresh_from_db()
    assert Consent.objects.count() == 1 and consent.is_active


def test_a_new_plan_period_makes_every_consent_due_for_review_on_the_list_and_the_plan(world, as_user):
    consent = ConsentFactory(client=world.client, given_on=days_ago(30), scope="Att prata med skolan")
    browser = as_user(world.staff)
    assert not says(browser.get(consents_url(world.client)), "Review with the new plan")

    period = plans.start_plan(world.client, world.unit, starts_on=days_ago(2))
    assert says(browser.get(consents_url(world.client)), "Review with the new plan")
    plan_page = browser.get(f"/brukare/{world.client.pk}/plan/{period.pk}/")
    assert says(plan_page, "Go through the consents with the client for the new plan:")
    assert "Att prata med skolan" in plan_page.content.decode()

    review = {"reviewed_on": days_ago(1).isoformat(), "note": "Gäller fortfarande."}
    browser.post(consents_url(world.client, f"{consent.pk}/uppfoljning/"), review)
    assert not says(browser.get(consents_url(world.client)), "Review with the new plan")
    assert not says(
        browser.get(f"/brukare/{world.client.pk}/plan/{period.pk}/"), "Go through the consents with the client"
    )
