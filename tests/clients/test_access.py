import pytest
from django.http import Http404
from django.test import RequestFactory

from rodtrad.accounts.models import Membership
from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import access, services
from rodtrad.clients.models import Client, Order

from ..factories import MembershipFactory, OrderFactory


def request_by(user, path="/brukare/1/"):
    request = RequestFactory().get(path, REMOTE_ADDR="10.1.2.3")
    request.user = user
    return request


def test_staff_see_only_clients_of_their_units(world):
    assert list(Client.objects.visible_to(world.staff)) == [world.client]
    assert list(Client.objects.visible_to(world.outsider)) == [world.other_client]


def test_a_client_served_by_two_units_is_seen_from_both(world):
    OrderFactory(client=world.client, unit=world.other_unit)
    assert set(Client.objects.visible_to(world.outsider)) == {world.client, world.other_client}
    assert Client.objects.visible_to(world.outsider).count() == 2


def test_an_ended_order_keeps_the_record_visible_to_the_unit(world):
    world.client.orders.update(valid_to="2025-06-30")
    assert world.client in Client.objects.visible_to(world.staff)


def test_a_system_administrator_sees_no_client_by_that_right(world):
    assert not Client.objects.visible_to(world.admin).exists()
    with pytest.raises(Http404):
        access.client_for(request_by(world.admin), world.client.pk)


def test_role_limits_the_clients_to_units_where_the_user_holds_it(world):
    MembershipFactory(user=world.staff, unit=world.other_unit, role=Membership.Role.MANAGER)
    managed = Client.objects.visible_to(world.staff, role=Membership.Role.MANAGER)
    assert list(managed) == [world.other_client]


def test_client_for_records_who_what_which_client_and_from_where(world):
    found = access.client_for(request_by(world.staff), world.client.pk, Action.VIEW)
    assert found == world.client
    event = AccessEvent.objects.get()
    assert (event.user, event.client, event.action) == (world.staff, world.client, Action.VIEW)
    assert event.ip_address == "10.1.2.3"
    assert event.path == "/brukare/1/"


def test_client_for_answers_404_for_another_units_client_and_records_nothing(world):
    with pytest.raises(Http404):
        access.client_for(request_by(world.outsider), world.client.pk)
    with pytest.raises(Http404):
        access.client_for(request_by(world.outsider), 999999)
    assert not AccessEvent.objects.exists()


def test_whoever_asked_before_the_right_is_the_askers_own(world):
    """What one user was let see says nothing of the next, nor a role asked for of the plain right."""
    assert access.client_for(request_by(world.staff), world.client.pk) == world.client
    with pytest.raises(Http404):
        access.client_for(request_by(world.outsider), world.client.pk)
    assert access.client_for(request_by(world.outsider), world.other_client.pk) == world.other_client
    with pytest.raises(Http404):
        access.client_for(request_by(world.staff), world.client.pk, role=Membership.Role.MANAGER)
    with pytest.raises(Http404):
        access.client_for(request_by(world.staff), "not a number")
    assert access.client_for(request_by(world.staff), str(world.client.pk)) == world.client


def test_object_for_reaches_an_object_through_its_clients_right(world):
    order = world.client.orders.get()
    assert access.object_for(request_by(world.staff), order.__class__.objects.all(), order.pk) == order
    event = AccessEvent.objects.get()
    assert (event.client, event.object_type, event.object_id) == (world.client, "order", str(order.pk))
    with pytest.raises(Http404):
        access.object_for(request_by(world.outsider), order.__class__.objects.all(), order.pk)


def test_when_the_audit_event_cannot_be_written_the_client_page_fails(world, as_user, monkeypatch):
    def broken_create(**kwargs):
        raise RuntimeError("audit table unavailable")

    monkeypatch.setattr(AccessEvent.objects, "create", broken_create)
    browser = as_user(world.staff)
    with pytest.raises(RuntimeError):
        browser.get(f"/brukare/{world.client.pk}/")


def test_the_access_read_says_whether_the_case_is_closed(world, django_assert_num_queries):
    """Read with the client, so that the pages that ask next need no query of their own; ending
    the order through the object read so forgets it."""
    client = access.client_for(request_by(world.staff), world.client.pk)
    with django_assert_num_queries(0):
        assert services.is_closed(client) is False
    order = access.object_for(request_by(world.manager), Order.objects.all(), world.client.orders.get().pk)
    with django_assert_num_queries(0):
        assert services.is_closed(order.client) is False
    services.end_order(order, ended_on=order.valid_from, reason="Flyttat")
    assert services.is_closed(order.client) is True
    client = access.client_for(request_by(world.staff), world.client.pk)
    with django_assert_num_queries(0):
        assert services.is_closed(client) is True


def test_a_role_the_user_does_not_hold_answers_like_a_client_that_does_not_exist(world):
    order = world.client.orders.get()
    for reach in (
        lambda: access.client_for(request_by(world.staff), world.client.pk, role=Membership.Role.MANAGER),
        lambda: access.object_for(request_by(world.staff), Order.objects.all(), order.pk, role=Membership.Role.MANAGER),
    ):
        with pytest.raises(Http404):
            reach()
    assert access.client_for(request_by(world.manager), world.client.pk, role=Membership.Role.MANAGER) == world.client
    assert AccessEvent.objects.filter(user=world.staff).count() == 0
