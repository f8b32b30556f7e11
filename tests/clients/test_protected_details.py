"""Skyddade personuppgifter: the address and contact details are shown only to users granted
them one by one, never by role, and only a manager of the client's units hands the right out."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.html import escape
from django.utils.translation import gettext

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services_register
from rodtrad.clients.models import ProtectedDetailsGrant

from ..factories import MembershipFactory, OrderFactory, UserFactory, end_orders

HIDDEN = "Protected personal details – shown only to those authorised"
ADDRESS = "Hemliga gatan 7"


def says(text, message):
    return escape(gettext(message)) in text


@pytest.fixture
def protected(world):
    client = world.client
    client.has_protected_details = True
    client.address, client.postal_code, client.city = ADDRESS, "123 45", "Hemstad"
    client.phone, client.email = "070-999 99 99", "elsa@example.se"
    client.save()
    return client


def partial_for(client, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("clients/_contact_details.html", {"client": client}, request=request)


def grant(client, user, by):
    return ProtectedDetailsGrant.objects.create(client=client, user=user, granted_by=by)


def grants_url(client, suffix=""):
    return f"/brukare/{client.pk}/skyddade-uppgifter/{suffix}"


def test_hidden_from_an_ungranted_colleague_and_from_the_manager(protected, world):
    for user in (world.staff, world.manager):
        html = partial_for(protected, user)
        assert ADDRESS not in html and "070-999 99 99" not in html and "elsa@example.se" not in html
        assert says(html, HIDDEN)
        assert services_register.contact_details_for(protected, user) is None


def test_shown_to_a_granted_user_only(protected, world):
    grant(protected, world.staff, world.manager)
    html = partial_for(protected, world.staff)
    assert ADDRESS in html and "123 45 Hemstad" in html and "elsa@example.se" in html
    assert not says(html, HIDDEN)
    assert ADDRESS not in partial_for(protected, world.manager)


def test_an_unprotected_client_shows_the_address_to_everyone_who_may_see_the_client(world):
    world.client.address = "Storgatan 1"
    world.client.save()
    assert "Storgatan 1" in partial_for(world.client, world.staff)
    assert services_register.contact_details_for(world.client, world.manager).address == "Storgatan 1"


def test_the_overview_hides_the_protected_address(protected, world, as_user):
    body = as_user(world.manager).get(f"/brukare/{protected.pk}/").content.decode()
    assert ADDRESS not in body and "070-999 99 99" not in body
    assert says(body, HIDDEN)
    grant(protected, world.staff, world.manager)
    assert ADDRESS in as_user(world.staff).get(f"/brukare/{protected.pk}/").content.decode()


def test_the_template_tag_shows_nothing_protected_without_a_known_viewer(protected):
    template = Template("{% load protected_details %}{% contact_details client as d %}{{ d.address|default:'none' }}")
    assert template.render(Context({"client": protected})) == "none"


def test_a_manager_grants_a_named_member_and_the_grant_is_logged(protected, world, as_user):
    response = as_user(world.manager).post(grants_url(protected), {"user": world.staff.pk})
    assert response.status_code == 302
    created = ProtectedDetailsGrant.objects.get(client=protected)
    assert (created.user, created.granted_by) == (world.staff, world.manager)
    event = AccessEvent.objects.filter(client=protected, object_type="protecteddetailsgrant").get()
    assert (event.user, event.action, event.object_id) == (world.manager, Action.CREATE, str(created.pk))
    assert world.staff.username in event.detail
    assert ADDRESS in partial_for(protected, world.staff)


def test_support_staff_and_other_units_managers_cannot_grant(protected, world, as_user):
    assert as_user(world.staff).get(grants_url(protected)).status_code == 404
    assert as_user(world.staff).post(grants_url(protected), {"user": world.staff.pk}).status_code == 404
    assert as_user(world.outside_manager).post(grants_url(protected), {"user": world.outsider.pk}).status_code == 404
    assert not ProtectedDetailsGrant.objects.exists()


def test_the_right_only_goes_to_a_member_of_the_clients_units(protected, world, as_user):
    stranger = UserFactory()
    response = as_user(world.manager).post(grants_url(protected), {"user": world.outsider.pk})
    assert response.status_code == 200
    assert says(response.content.decode(), "Choose a member of one of the client's units.")
    assert 'id="id_user_error"' in response.content.decode()
    as_user(world.manager).post(grants_url(protected), {"user": stranger.pk})
    assert not ProtectedDetailsGrant.objects.exists()
    with pytest.raises(ValidationError) as refused:
        services_register.grant_protected_details(protected, stranger, granted_by=world.manager)
    assert refused.value.message_dict == {"user": [gettext("Choose a member of one of the client's units.")]}


def test_a_member_of_another_unit_serving_the_client_can_be_granted(protected, world, as_user):
    OrderFactory(client=protected, unit=world.other_unit)
    as_user(world.manager).post(grants_url(protected), {"user": world.outsider.pk})
    assert ProtectedDetailsGrant.objects.filter(user=world.outsider).exists()


def test_revoking_takes_the_right_away_and_is_logged(protected, world, as_user):
    given = grant(protected, world.staff, world.manager)
    browser = as_user(world.manager)
    assert browser.get(grants_url(protected, f"{given.pk}/aterkalla/")).status_code == 405
    assert browser.post(grants_url(protected, f"{given.pk}/aterkalla/")).status_code == 302
    assert not ProtectedDetailsGrant.objects.exists()
    assert ADDRESS not in partial_for(protected, world.staff)
    event = AccessEvent.objects.filter(client=protected).latest("pk")
    assert (event.action, event.object_id) == (Action.UPDATE, str(given.pk))
    assert world.staff.username in event.detail


def test_a_second_manager_of_the_unit_sees_the_page_but_not_the_address(protected, world, as_user):
    second = MembershipFactory(unit=world.unit, role="manager").user
    body = as_user(second).get(grants_url(protected)).content.decode()
    assert ADDRESS not in body


def test_a_closed_case_refuses_new_grants_but_allows_revoking(protected, world, as_user):
    given = grant(protected, world.staff, world.manager)
    end_orders(protected, datetime.date(2025, 6, 30))
    browser = as_user(world.manager)
    MembershipFactory(unit=world.unit, user__username="kollega")
    colleague = world.unit.memberships.get(user__username="kollega").user
    response = browser.post(grants_url(protected), {"user": colleague.pk}, follow=True)
    assert says(response.content.decode(), "The case is closed and the record is read-only.")
    assert not ProtectedDetailsGrant.objects.filter(user=colleague).exists()
    browser.post(grants_url(protected, f"{given.pk}/aterkalla/"))
    assert not ProtectedDetailsGrant.objects.exists()


def test_no_grants_are_handed_out_for_a_client_without_protected_details(world, as_user):
    response = as_user(world.manager).post(grants_url(world.client), {"user": world.staff.pk}, follow=True)
    assert says(response.content.decode(), "The client has no protected personal details.")
    assert not ProtectedDetailsGrant.objects.exists()
