"""Relatives and representatives: what a colleague and an auditor would check."""

import datetime

from django.utils.html import escape
from django.utils.translation import gettext

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients.models import ClientContact

from ..factories import ConsentFactory, ContactFactory, MembershipFactory, end_orders


def says(response, message):
    """The message as the user reads it: in Swedish once the catalogue is compiled."""
    return escape(gettext(message)) in response.content.decode()


def contacts_url(client, suffix=""):
    return f"/brukare/{client.pk}/kontakter/{suffix}"


NEW_CONTACT = {
    "kind": ClientContact.Kind.GOOD_MAN,
    "name": "Karin Holm",
    "relation": "god man sedan 2023",
    "phone": "070-123 45 67",
    "email": "karin.holm@example.se",
    "takes_part_in_planning": "on",
}


def test_a_colleague_adds_a_god_man_and_the_addition_is_logged(world, as_user):
    response = as_user(world.staff).post(contacts_url(world.client, "ny/"), NEW_CONTACT)
    assert response.status_code == 302
    contact = ClientContact.objects.get(client=world.client)
    assert (contact.kind, contact.name, contact.takes_part_in_planning) == ("god_man", "Karin Holm", True)
    event = AccessEvent.objects.filter(client=world.client, user=world.staff).latest("pk")
    assert (event.action, event.object_type) == (Action.CREATE, "contact")


def test_the_list_shows_every_contact_with_role_phone_and_planning(world, as_user):
    ContactFactory(client=world.client, name="Maja Lind", relation="mamma", phone="08-55 55 55")
    ContactFactory(client=world.other_client, name="Någon Annan")
    response = as_user(world.staff).get(contacts_url(world.client))
    body = response.content.decode()
    assert "Maja Lind" in body and "mamma" in body and "08-55 55 55" in body
    assert "Någon Annan" not in body
    assert AccessEvent.objects.get(client=world.client).action == Action.VIEW


def test_bad_input_is_refused_next_to_the_field_and_what_was_typed_is_kept(world, as_user):
    response = as_user(world.staff).post(
        contacts_url(world.client, "ny/"), {**NEW_CONTACT, "email": "karin@", "kind": ""}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Fyll i en giltig e-postadress." in body
    assert 'aria-describedby="id_email_error"' in body
    assert 'id="id_kind_error"' in body
    assert 'value="Karin Holm"' in body and 'value="karin@"' in body
    assert not ClientContact.objects.exists()


def test_an_outsider_can_neither_see_nor_add_nor_change_contacts(world, as_user):
    contact = ContactFactory(client=world.client, name="Maja Lind")
    browser = as_user(world.outsider)
    assert browser.get(contacts_url(world.client)).status_code == 404
    assert browser.post(contacts_url(world.client, "ny/"), NEW_CONTACT).status_code == 404
    assert browser.post(contacts_url(world.client, f"{contact.pk}/"), NEW_CONTACT).status_code == 404
    assert browser.post(contacts_url(world.client, f"{contact.pk}/ta-bort/")).status_code == 404
    contact.refresh_from_db()
    assert contact.name == "Maja Lind"
    assert ClientContact.objects.count() == 1
    assert not AccessEvent.objects.filter(client=world.client).exists()


def test_a_contact_of_another_client_is_not_reached_through_this_client(world, as_user):
    MembershipFactory(user=world.staff, unit=world.other_unit)
    others = ContactFactory(client=world.other_client)
    response = as_user(world.staff).get(contacts_url(world.client, f"{others.pk}/"))
    assert response.status_code == 404


def test_a_contact_is_corrected_and_the_change_is_logged(world, as_user):
    contact = ContactFactory(client=world.client, name="Maja Lind")
    response = as_user(world.staff).post(
        contacts_url(world.client, f"{contact.pk}/"), {**NEW_CONTACT, "name": "Maja Lind"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.kind, contact.phone) == ("god_man", "070-123 45 67")
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_type, event.object_id) == (Action.UPDATE, "clientcontact", str(contact.pk))


def test_removing_asks_first_and_removes_on_post(world, as_user):
    contact = ContactFactory(client=world.client, name="Maja Lind")
    browser = as_user(world.staff)
    url = contacts_url(world.client, f"{contact.pk}/ta-bort/")
    assert browser.get(url).status_code == 200
    assert ClientContact.objects.filter(pk=contact.pk).exists()
    assert browser.post(url).status_code == 302
    assert not ClientContact.objects.filter(pk=contact.pk).exists()
    event = AccessEvent.objects.filter(client=world.client).latest("pk")
    assert (event.action, event.object_id) == (Action.UPDATE, str(contact.pk))


def test_a_contact_who_gave_a_consent_stays(world, as_user):
    contact = ContactFactory(client=world.client, kind=ClientContact.Kind.GOOD_MAN)
    ConsentFactory(
        client=world.client, given_by_representative=contact, representative_power="Godmanskap, sörja för person"
    )
    response = as_user(world.staff).post(contacts_url(world.client, f"{contact.pk}/ta-bort/"))
    assert response.status_code == 200
    assert says(response, "This contact gave a consent and cannot be removed.")
    assert ClientContact.objects.filter(pk=contact.pk).exists()


def test_after_all_orders_ended_contacts_are_read_only(world, as_user):
    contact = ContactFactory(client=world.client, name="Maja Lind")
    end_orders(world.client, datetime.date(2025, 6, 30))
    browser = as_user(world.staff)
    listing = browser.get(contacts_url(world.client))
    assert listing.status_code == 200
    assert "Maja Lind" in listing.content.decode()
    assert contacts_url(world.client, "ny/") not in listing.content.decode()

    response = browser.post(contacts_url(world.client, "ny/"), NEW_CONTACT, follow=True)
    assert says(response, "The case is closed and the record is read-only.")
    assert browser.post(contacts_url(world.client, f"{contact.pk}/ta-bort/")).status_code == 302
    assert ClientContact.objects.filter(client=world.client).count() == 1
