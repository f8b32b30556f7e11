import datetime

from django.utils import timezone

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients import services
from rodtrad.clients.models import Service
from rodtrad.journal.models import Entry
from rodtrad.plans import services as plans
from rodtrad.plans.models import PlanPeriod

from ..factories import OrderFactory


def order_data(world, service_name="Daglig verksamhet", **overrides):
    service, _ = Service.objects.get_or_create(law="LSS", name=service_name)
    data = {"service": service.pk, "unit": world.unit.pk, "valid_from": "2026-03-01"}
    return data | overrides


def test_a_manager_adds_an_order_to_a_client(world, as_user):
    response = as_user(world.manager).post(f"/brukare/{world.client.pk}/bestallningar/ny/", order_data(world))
    assert response.status_code == 302
    assert world.client.orders.count() == 2
    assert AccessEvent.objects.filter(client=world.client, action=Action.CREATE, object_type="order").exists()


def test_a_second_open_order_of_the_same_service_is_refused(world, as_user):
    existing = world.client.orders.get()
    data = order_data(world, service=existing.service.pk)
    response = as_user(world.manager).post(f"/brukare/{world.client.pk}/bestallningar/ny/", data)
    assert "Brukaren har redan en pågående beställning av samma insats." in response.content.decode()
    assert world.client.orders.count() == 1


def test_the_same_service_may_be_ordered_again_after_the_first_ended(world, as_user):
    existing = world.client.orders.get()
    services.end_order(existing, ended_on=datetime.date(2026, 2, 1), reason="Nytt beslut")
    data = order_data(world, service=existing.service.pk)
    as_user(world.manager).post(f"/brukare/{world.client.pk}/bestallningar/ny/", data)
    assert world.client.orders.count() == 2


def test_support_staff_cannot_add_orders(world, as_user):
    response = as_user(world.staff).get(f"/brukare/{world.client.pk}/bestallningar/ny/")
    assert response.status_code == 404


def test_the_first_plan_is_due_the_units_number_of_days_after_the_start(world):
    world.unit.first_plan_days = 21
    world.unit.save()
    order = services.add_order(
        world.client, OrderFactory.build(unit=world.unit, service=world.client.orders.get().service)
    )
    assert order.first_plan_due_on == order.valid_from + datetime.timedelta(days=21)


def end(world, as_user, order, **data):
    url = f"/brukare/{world.client.pk}/bestallningar/{order.pk}/avsluta/"
    return as_user(world.manager).post(url, {"ended_on": "2026-04-30", "end_reason": "Flyttat"} | data)


def test_ending_the_last_order_closes_the_case_and_the_record_becomes_read_only(world, as_user):
    order = world.client.orders.get()
    response = end(world, as_user, order)
    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.ended_on, order.end_reason) == (datetime.date(2026, 4, 30), "Flyttat")
    assert services.is_closed(world.client)
    assert services.retention_counted_from(world.client) == datetime.date(2026, 4, 30)
    note = Entry.objects.get(client=world.client)
    assert "avslutades 30 april 2026" in note.text
    assert "Flyttat" in note.text
    assert (note.author, note.signed_at is not None) == (world.manager, True)
    assert as_user(world.manager).get(f"/brukare/{world.client.pk}/andra/").status_code == 403
    overview = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Ärendet är avslutat" in overview
    assert world.client in world.client.__class__.objects.visible_to(world.staff)


def test_an_order_cannot_end_before_it_started(world, as_user):
    order = world.client.orders.get()
    response = end(world, as_user, order, ended_on="2020-01-01")
    assert "En beställning kan inte avslutas innan den har börjat." in response.content.decode()
    order.refresh_from_db()
    assert order.ended_on is None


def test_a_manager_of_another_unit_serving_the_client_cannot_end_this_units_order(world, as_user):
    OrderFactory(client=world.client, unit=world.other_unit)
    order = world.client.orders.get(unit=world.unit)
    url = f"/brukare/{world.client.pk}/bestallningar/{order.pk}/avsluta/"
    assert as_user(world.outside_manager).get(url).status_code == 403


def test_the_file_is_due_two_months_after_the_end_and_sending_it_is_recorded(world, as_user):
    order = world.client.orders.get()
    services.end_order(order, ended_on=datetime.date(2026, 12, 31), reason="Avliden")
    assert order.file_due_on == datetime.date(2027, 2, 28)
    url = f"/brukare/{world.client.pk}/bestallningar/{order.pk}/akt-skickad/"
    assert as_user(world.manager).get(url).status_code == 405
    as_user(world.manager).post(url)
    order.refresh_from_db()
    assert (order.file_sent_on, order.file_sent_by) == (timezone.localdate(), world.manager)


def test_the_overview_lists_what_is_due(world, as_user):
    order = world.client.orders.get()
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Första genomförandeplan för" in body
    assert order.service.name in body
    assert "Sen" in body  # the demo order started 2025-01-01, so the first plan is late


def test_an_established_plan_removes_the_first_plan_from_what_is_due(world, as_user):
    period = plans.start_plan(world.client, world.unit, starts_on=datetime.date(2025, 1, 10))
    PlanPeriod.objects.filter(pk=period.pk).update(status=PlanPeriod.Status.ESTABLISHED)
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Första genomförandeplan för" not in body
    assert "Årlig uppföljning av planen på Gruppbostaden Testet" in body  # started over eleven months ago


def test_an_order_cannot_be_ended_ahead_of_time(world, as_user):
    order = world.client.orders.get()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = end(world, as_user, order, ended_on=tomorrow.isoformat(), end_reason="Flyttar nästa vecka")
    assert response.context["form"].errors["ended_on"] == [
        "En beställning avslutas när den har upphört: datumet kan inte ligga i framtiden."
    ]
    assert "Flyttar nästa vecka" in response.content.decode()
    assert not services.is_closed(world.client)


def new_order(world, as_user, **data):
    return as_user(world.manager).post(f"/brukare/{world.client.pk}/bestallningar/ny/", order_data(world, **data))


def test_a_new_order_with_dates_out_of_order_is_refused_at_the_field_and_keeps_what_was_typed(world, as_user):
    response = new_order(world, as_user, valid_to="2026-02-01", personal_goals="Arbeta i caféet")
    assert response.context["form"].errors["valid_to"] == [
        "Gäller till måste vara samma dag som eller efter gäller från."
    ]
    body = response.content.decode()
    assert 'value="2026-02-01"' in body and "Arbeta i caféet" in body
    assert world.client.orders.count() == 1


def test_a_new_order_for_a_unit_the_user_does_not_belong_to_is_refused(world, as_user):
    response = new_order(world, as_user, unit=world.other_unit.pk)
    assert response.context["form"].errors["unit"] == [
        "Du kan bara registrera beställningar för enheter där du är chef."
    ]
    assert world.client.orders.count() == 1


def test_a_second_open_order_is_refused_at_the_service_field(world, as_user):
    response = new_order(world, as_user, service=world.client.orders.get().service.pk, personal_goals="Bo kvar")
    assert response.context["form"].errors["service"] == ["Brukaren har redan en pågående beställning av samma insats."]
    assert "Bo kvar" in response.content.decode()
