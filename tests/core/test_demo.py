import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from stdnum.se import personnummer

from rodtrad.accounts.models import Membership, User
from rodtrad.clients.models import Client
from rodtrad.core import demo
from rodtrad.followup import services
from rodtrad.followup.models import Answer, Review
from rodtrad.plans.models import Goal, PlanPeriod

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_a_second_run_keeps_what_users_wrote(capsys):
    call_command("load_demo")
    Client.objects.filter(last_name="Berg").update(first_name="Majken")
    call_command("load_demo")
    assert Client.objects.count() == len(demo.CLIENTS)
    assert Client.objects.filter(first_name="Majken").exists()
    output = capsys.readouterr().out
    assert "already loaded" in output
    assert "chef" in output and "rodtrad-demo" in output


def test_demo_users_have_the_roles_the_routine_needs():
    demo.load()
    chef = User.objects.get(username="chef")
    assert set(chef.memberships.values_list("role", flat=True)) == {Membership.Role.MANAGER}
    assert chef.memberships.count() == 2
    assert User.objects.get(username="kontaktman").contact_person_for.exists()
    admin = User.objects.get(username="admin")
    assert admin.is_staff and not admin.memberships.exists()
    assert not Client.objects.visible_to(admin).exists()
    assert set(
        Client.objects.visible_to(User.objects.get(username="personal")).values_list("orders__unit__name", flat=True)
    ) >= {"Gruppbostaden Lärkan"}
    assert User.objects.get(username="personal").check_password(demo.PASSWORD)


def test_demo_personal_numbers_are_valid():
    demo.load()
    assert all(personnummer.is_valid(number) for number in Client.objects.values_list("personal_number", flat=True))


@override_settings(DEMO_DATA_ALLOWED=False)
def test_demo_data_is_refused_where_not_allowed():
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not Client.objects.exists()


def test_demo_has_follow_ups_a_finished_review_and_the_new_period():
    demo.load()
    elsa_goal = Goal.objects.get(item__period__plan__client__last_name="Lindqvist")
    assert elsa_goal.follow_ups.get().answer == Answer.PARTLY
    review = Review.objects.get(period__plan__client__last_name="Ängström")
    assert review.is_finished and review.journal_entry.category == "follow_up"
    new = PlanPeriod.objects.get(previous=review.period)
    assert new.is_established
    assert {item.carried_from.title for item in new.items.all()} == {"Promenad", "Tvätt", "Städning"}
    assert "Från målet som uppnåddes" in new.items.get(title="Promenad").way_of_working
    laundry = Goal.objects.get(item__period=new)
    assert [follow_up.followed_up_on.isoformat() for follow_up in services.history(laundry.item, laundry)] == [
        "2026-11-20",
        "2026-09-20",
        "2026-03-02",
    ]
