import datetime

import pytest

from rodtrad.audit.models import AccessEvent, Action
from rodtrad.clients.models import Client, Order, Service

VALID = "19850314-9802"


def form_data(world, **overrides):
    service = Service.objects.get(name="Bostad med särskild service för vuxna")
    data = {
        "first_name": "Nora",
        "last_name": "Ek",
        "identity_kind": Client.IdentityKind.PERSONAL_NUMBER,
        "personal_number": VALID,
        "language": "svenska",
        "order-service": service.pk,
        "order-unit": world.unit.pk,
        "order-decision_date": "2026-01-10",
        "order-valid_from": "2026-02-01",
        "order-valid_to": "2027-01-31",
        "order-personal_goals": "Nora vill laga mat själv två gånger i veckan.",
        "order-case_officer_name": "Handläggare Hanna",
        "order-case_officer_title": "LSS-handläggare",
    }
    return data | overrides


def test_a_manager_registers_a_client_with_the_first_order(world, as_user):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world))
    client = Client.objects.get(last_name="Ek")
    assert response.status_code == 302
    assert response["Location"] == f"/brukare/{client.pk}/"
    assert client.personal_number == "198503149802"
    assert client.date_of_birth == datetime.date(1985, 3, 14)
    order = client.orders.get()
    assert order.unit == world.unit
    assert "5 § LSS" in order.overall_goal
    assert AccessEvent.objects.filter(client=client, action=Action.CREATE, user=world.manager).exists()
    assert client in Client.objects.visible_to(world.staff)


def test_support_staff_cannot_register_clients(world, as_user):
    assert as_user(world.staff).get("/brukare/ny/").status_code == 403


def test_a_wrong_check_digit_is_refused_in_swedish_and_the_typed_value_kept(world, as_user):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, personal_number="19850314-9808"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kontrollsiffran är fel" in body
    assert 'value="19850314-9808"' in body
    assert 'value="Nora"' in body
    assert "Nora vill laga mat" in body
    assert not Client.objects.filter(last_name="Ek").exists()


def test_an_impossible_date_in_the_number_is_refused(world, as_user):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, personal_number="19850231-9802"))
    assert "inget giltigt födelsedatum" in response.content.decode()


def test_a_coordination_number_is_accepted_as_such(world, as_user):
    data = form_data(world, identity_kind=Client.IdentityKind.COORDINATION_NUMBER, personal_number="19850374-9809")
    as_user(world.manager).post("/brukare/ny/", data)
    assert Client.objects.get(last_name="Ek").date_of_birth == datetime.date(1985, 3, 14)


def test_a_reserve_number_needs_a_date_of_birth(world, as_user):
    data = form_data(world, identity_kind=Client.IdentityKind.RESERVE_NUMBER, personal_number="RES-2026-001")
    response = as_user(world.manager).post("/brukare/ny/", data)
    assert "Ange födelsedatum" in response.content.decode()
    as_user(world.manager).post("/brukare/ny/", data | {"date_of_birth": "2012-05-01"})
    client = Client.objects.get(last_name="Ek")
    assert client.formatted_personal_number == "RES-2026-001"
    assert client.is_child


def test_dates_out_of_order_are_refused(world, as_user):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, **{"order-valid_to": "2026-01-01"}))
    assert response.context["order_form"].errors["valid_to"] == [
        "Gäller till måste vara samma dag som eller efter gäller från."
    ]
    body = response.content.decode()
    assert 'value="2026-01-01"' in body and 'value="Nora"' in body
    assert not Client.objects.filter(last_name="Ek").exists()


def test_an_order_for_a_unit_the_user_does_not_manage_is_refused(world, as_user):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, **{"order-unit": world.other_unit.pk}))
    assert response.context["order_form"].errors["unit"] == [
        "Du kan bara registrera beställningar för enheter där du är chef."
    ]
    assert 'value="Nora"' in response.content.decode()
    assert not Client.objects.filter(last_name="Ek").exists()


def test_the_same_number_cannot_be_registered_twice(world, as_user):
    number = world.other_client.personal_number
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, personal_number=number))
    assert "finns redan registrerad" in response.content.decode()


def test_age_and_child_status_follow_from_the_date_of_birth(world):
    client = world.client
    client.date_of_birth = datetime.date(2010, 6, 15)
    assert client.age_on(datetime.date(2028, 6, 14)) == 17
    assert client.age_on(datetime.date(2028, 6, 15)) == 18


@pytest.mark.parametrize("field", ["first_name", "last_name", "personal_number"])
def test_required_fields_are_named(world, as_user, field):
    response = as_user(world.manager).post("/brukare/ny/", form_data(world, **{field: ""}))
    assert response.context["client_form"].errors[field] == ["Detta fält måste fyllas i."]


def test_editing_keeps_the_rules(world, as_user):
    url = f"/brukare/{world.client.pk}/andra/"
    data = {"first_name": "Elsa", "last_name": "Lindqvist", "identity_kind": "personnummer", "personal_number": "1234"}
    response = as_user(world.staff).post(url, data)
    assert "Skriv numret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN." in response.content.decode()
    assert AccessEvent.objects.filter(client=world.client, action=Action.UPDATE).exists()


def test_order_model_knows_which_orders_need_a_plan(world):
    alarm = Service.objects.get(name="Trygghetslarm")
    short_stay = Service.objects.get(name="Korttidsboende")
    order = Order(client=world.client, unit=world.unit, service=alarm, valid_from=datetime.date(2026, 1, 1))
    assert not order.needs_plan
    order.service = short_stay
    order.valid_to = datetime.date(2026, 1, 20)
    order.plan_required_by_decision = True
    assert order.needs_plan  # 19 days
    order.valid_to = datetime.date(2026, 1, 15)
    assert not order.needs_plan  # 14 days is not longer than two weeks
    order.valid_to = datetime.date(2026, 3, 1)
    order.plan_required_by_decision = False
    assert not order.needs_plan
