import datetime

from django.utils import formats, timezone

from rodtrad.plans import services as plans

from ..factories import OrderFactory, SignedEntryFactory, end_orders


def test_the_overview_links_the_journal_and_shows_the_latest_entries(world, as_user):
    SignedEntryFactory(client=world.client, author=world.staff, text="Elsa bakade bullar med sin mamma.")
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Elsa bakade bullar med sin mamma." in body
    assert f"/brukare/{world.client.pk}/journal/" in body


def test_a_missing_entry_last_month_is_due(world, as_user):
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Ingen journalanteckning för" in body
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    occurred = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12)))
    SignedEntryFactory(client=world.client, author=world.staff, occurred_at=occurred)
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Ingen journalanteckning för" not in body


def test_the_overview_shows_when_the_yearly_follow_up_is_due(complete_period, world, as_user):
    plans.establish(complete_period, user=world.staff)
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Årlig uppföljning senast 1 november 2027." in body
    assert f"/brukare/{world.client.pk}/uppfoljning/period/{complete_period.pk}/" in body


def test_the_overview_offers_a_manager_the_order_and_log_links_and_support_staff_not(world, as_user):
    client_log = f"/brukare/{world.client.pk}/logg/"
    manager_sees = as_user(world.manager).get(f"/brukare/{world.client.pk}/").content.decode()
    staff_sees = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Ny beställning" in manager_sees and "Ny beställning" not in staff_sees
    assert (client_log in manager_sees) and (client_log not in staff_sees)


def test_my_clients_offers_registering_a_client_to_a_manager_only(world, as_user):
    assert "Registrera brukare" in as_user(world.manager).get("/").content.decode()
    assert "Registrera brukare" not in as_user(world.staff).get("/").content.decode()


def test_a_closed_case_shows_retention_counted_from_the_day_the_last_order_ended(world, as_user):
    last_ended = timezone.localdate() - datetime.timedelta(days=3)
    OrderFactory(client=world.client, unit=world.unit, ended_on=last_ended - datetime.timedelta(days=40))
    end_orders(world.client, last_ended)
    body = as_user(world.manager).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Ny beställning" not in body
    assert f"Gallringsfristen räknas från {formats.date_format(last_ended, 'j F Y')}." in body
