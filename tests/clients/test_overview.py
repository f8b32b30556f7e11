import datetime

from django.utils import timezone

from rodtrad.plans import services as plans

from ..factories import SignedEntryFactory


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
